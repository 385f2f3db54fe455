package dev.stepwise.core.catalogue.search;

/** Which ranking a catalogue search uses: keyword (BM25), meaning (vector similarity), or both fused. */
public enum SearchMode {
    BM25, VECTOR, HYBRID
}
