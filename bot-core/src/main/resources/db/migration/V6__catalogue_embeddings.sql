-- Catalogue retrieval: each item's text embedding, computed once in process (MiniLM) and kept here, so that every
-- instance can rebuild its in-memory search index at start-up without embedding anything again.
-- The index itself (Lucene, BM25 + HNSW) lives in each instance's memory and is rebuilt from these rows.

create table catalogue_item_embeddings (
    catalogue_item_id uuid primary key,
    organisation_id   uuid not null,
    -- which model produced the vector; another model means the vector is out of date
    model             text not null,
    -- SHA-256 of exactly the text that was embedded (title, type, skills, description): a changed item no longer
    -- matches and is embedded again, an unchanged one never is
    text_hash         bytea not null check (length(text_hash) = 32),
    dimensions        smallint not null check (dimensions > 0),
    -- the unit-length vector as little-endian IEEE 754 float32s
    vector            bytea not null check (length(vector) = 4 * dimensions),
    embedded_at       timestamptz not null default now(),
    foreign key (catalogue_item_id, organisation_id) references catalogue_items (id, organisation_id) on delete cascade
);
create index catalogue_item_embeddings_organisation on catalogue_item_embeddings (organisation_id);

-- The index rebuild reads an organisation's items a page at a time, in id order.
create index catalogue_items_organisation_page on catalogue_items (organisation_id, id);
