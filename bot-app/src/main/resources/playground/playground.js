// Stepwise playground: several demo colleagues chatting with the bot side by side.
// Plain ES2020, no dependencies. Talks to the same-origin JSON API under /api/playground.
'use strict';

(() => {
  const API = '/api/playground';
  const STORAGE_KEY = 'stepwise.playground.panes.v1';
  const POLL_MS = 1500;
  const DEFAULT_PANES = 3;
  const MAX_PANES = 6;
  const TRY_PROMPTS = ['help', 'give feedback', 'my feedback'];
  const CHOICE_STYLES = ['primary', 'default', 'danger'];

  const state = { people: [], panes: [] };
  let uid = 0;
  const nextId = (prefix) => `${prefix}-${++uid}`;
  const list = (value) => (Array.isArray(value) ? value : []);
  const $ = (id) => document.getElementById(id);

  class FriendlyError extends Error {}

  // ---------- DOM helpers ----------

  /** Create an element. attrs: class, text, html, value, on<event> (function) or plain attributes. */
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, val] of Object.entries(attrs)) {
      if (val === null || val === undefined || val === false) continue;
      if (key === 'class') el.className = val;
      else if (key === 'text') el.textContent = String(val);
      else if (key === 'html') el.innerHTML = val; // only ever fed by renderMarkdown (escapes first)
      else if (key === 'value') el.value = String(val);
      else if (key.startsWith('on') && typeof val === 'function') el.addEventListener(key.slice(2), val);
      else el.setAttribute(key, val === true ? '' : String(val));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) el.append(child);
    }
    return el;
  }

  const setDisabled = (els, disabled) => els.forEach((el) => { el.disabled = disabled; });

  // ---------- Markdown subset ----------

  function escapeHtml(value) {
    const map = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    return String(value ?? '').replace(/[&<>"']/g, (c) => map[c]);
  }

  const isHttpUrl = (url) => /^https?:\/\/[^\s"'<>]+$/i.test(String(url ?? '').trim());

  /** Inline formatting on already-escaped text: `code`, [label](url), **bold**, _italic_. */
  function renderInline(escaped) {
    const slots = []; // code spans and links are parked so bold/italic can't touch them
    const keep = (html) => `\u0000${slots.push(html) - 1}\u0000`;
    const restore = (s) => s.replace(/\u0000(\d+)\u0000/g, (_, i) => restore(slots[Number(i)]));
    return restore(escaped
      .replace(/`([^`]+)`/g, (_, code) => keep(`<code>${code}</code>`))
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (match, label, url) => (isHttpUrl(url)
        ? keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`) : match))
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>'));
  }

  /** Escape HTML first, then apply the subset. "- " lines become a list, other newlines <br>. */
  function renderMarkdown(markdown) {
    const lines = escapeHtml(String(markdown ?? '').replace(/\u0000/g, '')).split(/\r?\n/);
    const out = [];
    let items = null;
    let afterLine = false;
    const flushList = () => {
      if (!items) return;
      out.push(`<ul>${items.join('')}</ul>`);
      items = null;
      afterLine = false;
    };
    for (const line of lines) {
      const bullet = /^\s{0,3}- (.*)$/.exec(line);
      if (bullet) {
        (items = items || []).push(`<li>${renderInline(bullet[1])}</li>`);
      } else {
        flushList();
        out.push((afterLine ? '<br>' : '') + renderInline(line));
        afterLine = true;
      }
    }
    flushList();
    return out.join('');
  }

  // ---------- API ----------

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
    let res;
    let data = null;
    try {
      res = await fetch(API + path, { ...options, headers });
    } catch {
      throw new FriendlyError('Could not reach the Stepwise server. Is it running?');
    }
    try { data = await res.json(); } catch { /* empty or non-JSON body */ }
    if (res.ok) return data;
    const message = data && typeof data.error === 'string' && data.error.trim();
    throw new FriendlyError(message || `Something went wrong (HTTP ${res.status}). Please try again.`);
  }

  const personPath = (pane, suffix) => `/people/${encodeURIComponent(pane.personId)}/${suffix}`;
  const friendly = (err) => (err instanceof FriendlyError ? err.message : 'Something went wrong. Please try again.');

  // ---------- Blocks ----------

  const renderText = (block) => h('div', { class: 'block block-text', html: renderMarkdown(block.markdown) });

  function renderChoices(block, pane) {
    const buttons = list(block.choices).map((choice) => h('button', {
      type: 'button',
      class: `choice choice-${CHOICE_STYLES.includes(choice.style) ? choice.style : 'default'}`,
      'data-action-id': choice.actionId ?? '',
      'data-value': choice.value ?? '',
      text: choice.label ?? choice.value ?? 'Choose',
      onclick: () => post(pane, 'actions',
        { actionId: String(choice.actionId ?? ''), value: String(choice.value ?? ''), label: String(choice.label ?? '') }, buttons),
    }));
    return h('div', { class: 'block block-choices' },
      block.prompt ? h('div', { class: 'choices-prompt', html: renderMarkdown(block.prompt) }) : null,
      h('div', { class: 'choices-row', role: 'group', 'aria-label': block.prompt || 'Choices' }, buttons));
  }

  function renderFieldControl(field, id, kind, maxLength) {
    if (kind !== 'select') {
      return h(kind === 'textarea' ? 'textarea' : 'input', {
        id, name: field.name, type: kind === 'text' ? 'text' : null, rows: kind === 'textarea' ? 4 : null,
        maxlength: maxLength, placeholder: field.placeholder || null, value: field.value ?? null,
      });
    }
    const select = h('select', { id, name: field.name },
      field.required ? null : h('option', { value: '', text: '' }),
      list(field.options).map((o) => h('option', { value: o.value ?? '', text: o.label ?? o.value ?? '' })));
    if (field.value !== null && field.value !== undefined) select.value = String(field.value);
    return select;
  }

  function renderCounter(control, id, maxLength) {
    const counter = h('span', { class: 'char-counter', id });
    const update = () => {
      const n = control.value.length;
      counter.textContent = maxLength ? `${n} / ${maxLength}` : `${n} characters`;
      counter.classList.toggle('over-limit', Boolean(maxLength && n > maxLength));
    };
    control.addEventListener('input', update);
    update();
    return counter;
  }

  function renderField(field) {
    const id = nextId('field');
    const kind = ['text', 'textarea', 'select'].includes(field.kind) ? field.kind : 'text';
    const maxLength = Number(field.maxLength) > 0 ? Number(field.maxLength) : null;
    const control = renderFieldControl(field, id, kind, maxLength);
    const footer = [
      field.hint ? h('p', { class: 'field-hint', id: `${id}-hint`, text: field.hint }) : null,
      field.error ? h('p', { class: 'field-error', id: `${id}-error`, text: field.error }) : null,
      kind === 'textarea' ? renderCounter(control, `${id}-counter`, maxLength) : null,
    ].filter(Boolean);
    if (footer.length) control.setAttribute('aria-describedby', footer.map((el) => el.id).join(' '));
    if (field.error) control.setAttribute('aria-invalid', 'true');
    if (field.required) {
      control.required = true;
      control.setAttribute('aria-required', 'true');
    }
    return h('div', { class: `form-field field-${kind}${field.error ? ' has-error' : ''}` },
      h('label', { for: id, class: 'field-label' }, String(field.label || field.name),
        field.required ? h('span', { class: 'required-mark', 'aria-hidden': 'true', text: ' *' }) : null),
      control,
      footer.length ? h('div', { class: 'field-footer' }, footer) : null);
  }

  function renderForm(block, pane) {
    const fields = list(block.fields).filter((f) => f && f.name);
    const titleId = nextId('form-title');
    const fieldset = h('fieldset', { class: 'form-fieldset' }, fields.map(renderField),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button button-primary', text: block.submitLabel || 'Submit' })));
    const form = h('form', {
      class: 'block block-form',
      'data-form-id': block.formId ?? '',
      novalidate: true, // the server validates and answers with inline field errors
      'aria-labelledby': block.title ? titleId : null,
    }, block.title ? h('div', { class: 'form-title', id: titleId, text: block.title }) : null, fieldset);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = {};
      for (const field of fields) {
        const control = form.elements.namedItem(field.name);
        values[field.name] = String(control && 'value' in control ? control.value : '');
      }
      post(pane, 'forms', { formId: String(block.formId ?? ''), values }, [fieldset]);
    });
    return form;
  }

  function renderCard(block) {
    const fields = list(block.fields);
    return h('div', { class: 'block block-card' },
      h('div', { class: 'card-title', text: block.title ?? '' }),
      block.subtitle ? h('div', { class: 'card-subtitle', text: block.subtitle }) : null,
      fields.length ? h('dl', { class: 'card-fields' }, fields.map((f) => h('div', { class: 'card-row' },
        h('dt', { text: f.label ?? '' }), h('dd', { class: 'card-value', text: f.value ?? '' })))) : null);
  }

  function renderLinks(block) {
    return h('div', { class: 'block block-links' },
      block.title ? h('div', { class: 'links-title', text: block.title }) : null,
      h('ul', { class: 'links-list' }, list(block.links).map((link) => h('li', {},
        isHttpUrl(link.url)
          ? h('a', { href: String(link.url).trim(), target: '_blank', rel: 'noopener noreferrer', text: link.title || link.url })
          : h('span', { text: link.title || link.url || '' }),
        link.note ? h('span', { class: 'link-note', text: link.note }) : null))));
  }

  function renderProgress(block) {
    const percent = Math.round(Math.max(0, Math.min(100, Number(block.percent) || 0)));
    const labelId = nextId('progress');
    const fill = h('div', { class: 'progress-fill' });
    fill.style.width = `${percent}%`; // set via CSSOM (no inline style attribute)
    return h('div', { class: 'block block-progress' },
      h('div', { class: 'progress-head' },
        h('span', { class: 'progress-label', id: labelId, text: block.label ?? '' }),
        h('span', { class: 'progress-value', text: `${percent}%` })),
      h('div', {
        class: 'progress-track', role: 'progressbar', 'aria-labelledby': labelId,
        'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent,
      }, fill));
  }

  const BLOCK_RENDERERS = {
    text: renderText, choices: renderChoices, form: renderForm, card: renderCard, links: renderLinks, progress: renderProgress,
  };

  /** Render one block; unknown or malformed blocks render nothing. */
  function renderBlock(pane, block) {
    const render = block && Object.prototype.hasOwnProperty.call(BLOCK_RENDERERS, block.type) && BLOCK_RENDERERS[block.type];
    if (!render) return null;
    try {
      return render(block, pane);
    } catch (err) {
      console.warn('Could not render block', block, err);
      return null;
    }
  }

  // ---------- Entries ----------

  function formatTime(at) {
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) return null;
    return date.toDateString() === new Date().toDateString()
      ? date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })
      : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function renderEntry(pane, entry) {
    const fromBot = entry.from === 'bot';
    const time = formatTime(entry.at);
    return h('article', { class: `entry ${fromBot ? 'from-bot' : 'from-person'}`, 'data-seq': entry.seq },
      h('div', { class: 'entry-meta' },
        h('span', { class: fromBot ? 'entry-author' : 'entry-author visually-hidden', text: fromBot ? 'Stepwise' : 'You' }),
        time ? h('time', { datetime: entry.at, title: new Date(entry.at).toLocaleString(), text: time }) : null),
      h('div', { class: 'entry-body' }, list(entry.blocks).map((b) => renderBlock(pane, b))));
  }

  /** Insert entries not seen yet (de-duplicated by seq), keeping seq order, then scroll to the newest. */
  function addEntries(pane, entries) {
    const conv = pane.conversation;
    let added = false;
    for (const entry of list(entries)) {
      const seq = Number(entry && entry.seq);
      if (!Number.isFinite(seq) || pane.seen.has(seq)) continue;
      pane.seen.add(seq);
      const later = [...conv.querySelectorAll(':scope > .entry')].find((e) => Number(e.dataset.seq) > seq);
      conv.insertBefore(renderEntry(pane, entry), later || null);
      added = true;
    }
    if (!added) return;
    pane.placeholder.remove();
    conv.scrollTop = conv.scrollHeight;
  }

  // ---------- Errors ----------

  function showError(pane, err, source) {
    pane.errorSource = source;
    pane.errorEl.textContent = friendly(err);
    pane.errorEl.hidden = false;
  }

  /** Hide the pane's error banner (only if it came from `onlySource`, when given). */
  function clearError(pane, onlySource) {
    if (onlySource && pane.errorSource !== onlySource) return;
    pane.errorSource = null;
    Object.assign(pane.errorEl, { textContent: '', hidden: true });
  }

  // ---------- Server round trips ----------

  /** Fetch entries after the last polled seq. Only polling moves the cursor: POST answers may skip ahead. */
  async function poll(pane) {
    const gen = pane.gen;
    if (!pane.personId || pane.inflight === gen) return;
    pane.inflight = gen;
    try {
      const entries = list((await api(personPath(pane, `conversation?after=${pane.lastSeq}`)) || {}).entries);
      if (gen !== pane.gen) return;
      addEntries(pane, entries);
      const seqs = entries.map((e) => Number(e && e.seq)).filter(Number.isFinite);
      pane.lastSeq = Math.max(pane.lastSeq, ...seqs);
      pane.placeholder.textContent = 'No messages yet. Say hi, or try one of the suggestions below.';
      clearError(pane, 'poll');
    } catch (err) {
      if (gen === pane.gen) showError(pane, err, 'poll');
    } finally {
      if (pane.inflight === gen) pane.inflight = null;
    }
  }

  /** POST to messages/actions/forms, disabling `controls` meanwhile. Resolves to true on success. */
  async function post(pane, kind, body, controls) {
    const gen = pane.gen;
    setDisabled(controls, true);
    try {
      const data = await api(personPath(pane, kind), { method: 'POST', body: JSON.stringify(body) });
      if (gen !== pane.gen) return false;
      clearError(pane);
      addEntries(pane, data && data.entries);
      return true;
    } catch (err) {
      if (gen === pane.gen) showError(pane, err, 'action');
      return false;
    } finally {
      setDisabled(controls, false);
    }
  }

  function loadConversation(pane) {
    pane.gen += 1; // responses for the previous person are ignored from now on
    pane.lastSeq = 0;
    pane.seen = new Set();
    pane.placeholder.textContent = 'Loading conversation…';
    pane.conversation.replaceChildren(pane.placeholder);
    clearError(pane);
    poll(pane);
  }

  // ---------- Panes ----------

  const personLabel = (p) => [p.name, [p.role, p.team].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
  const findPerson = (id) => state.people.find((p) => p.id === id);

  function setPerson(pane, personId) {
    const name = (findPerson(personId) || {}).name || 'unknown';
    pane.personId = personId;
    pane.el.dataset.personId = personId;
    pane.el.setAttribute('aria-label', `Chat as ${name}`);
    pane.conversation.setAttribute('aria-label', `Conversation between ${name} and Stepwise`);
    pane.removeButton.setAttribute('aria-label', `Remove pane for ${name}`);
    loadConversation(pane);
  }

  function renderComposer(pane) {
    const input = h('input', { id: `${pane.id}-text`, name: 'text', type: 'text', autocomplete: 'off', placeholder: 'Message Stepwise…' });
    const send = h('button', { type: 'submit', class: 'button button-primary', text: 'Send' });
    const composer = h('form', { class: 'composer' },
      h('label', { for: input.id, class: 'visually-hidden', text: 'Message' }), input, send);
    composer.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text || input.disabled) return;
      if (await post(pane, 'messages', { text }, [input, send])) input.value = '';
      input.focus();
    });
    const chips = h('div', { class: 'try-chips', role: 'group', 'aria-label': 'Suggestions' },
      h('span', { class: 'try-label', 'aria-hidden': 'true', text: 'Try:' }),
      TRY_PROMPTS.map((prompt) => h('button', {
        type: 'button', class: 'try-chip', 'data-prompt': prompt, text: prompt,
        onclick: () => { input.value = prompt; input.focus(); },
      })));
    return [composer, chips];
  }

  function createPane(personId) {
    const pane = { id: nextId('pane'), personId: null, gen: 0, lastSeq: 0, seen: new Set(), inflight: null, errorSource: null };
    const picker = h('select', {
      id: `${pane.id}-person`, class: 'person-picker', name: 'person',
      onchange: () => { setPerson(pane, picker.value); savePanes(); },
    }, state.people.map((p) => h('option', { value: p.id, text: personLabel(p) })));
    picker.value = personId;
    pane.removeButton = h('button', { type: 'button', class: 'pane-remove', title: 'Remove pane', text: '×', onclick: () => removePane(pane) });
    pane.errorEl = h('div', { class: 'pane-error', role: 'alert', hidden: true });
    pane.placeholder = h('p', { class: 'conversation-empty' });
    pane.conversation = h('div', { class: 'conversation', role: 'log', 'aria-live': 'polite', tabindex: 0 });
    pane.el = h('section', { class: 'pane', id: pane.id },
      h('div', { class: 'pane-header' },
        h('label', { for: picker.id, class: 'pane-label', text: 'Chatting as' }), picker, pane.removeButton),
      pane.errorEl, pane.conversation, renderComposer(pane));
    setPerson(pane, personId);
    return pane;
  }

  function addPane(personId) {
    if (state.panes.length >= MAX_PANES || !state.people.length) return;
    const used = new Set(state.panes.map((p) => p.personId));
    const pane = createPane(personId || (state.people.find((p) => !used.has(p.id)) || state.people[0]).id);
    state.panes.push(pane);
    $('panes').append(pane.el);
    updateControls();
  }

  function removePane(pane) {
    if (state.panes.length <= 1) return;
    pane.gen += 1; // ignore late responses
    pane.el.remove();
    state.panes = state.panes.filter((p) => p !== pane);
    updateControls();
    savePanes();
  }

  function updateControls() {
    const count = state.panes.length;
    $('pane-count').textContent = `${count} ${count === 1 ? 'pane' : 'panes'}`;
    $('add-pane').disabled = count >= MAX_PANES || !state.people.length;
    $('remove-pane').disabled = count <= 1;
    state.panes.forEach((p) => { p.removeButton.disabled = count <= 1; });
  }

  // ---------- Persistence (person keys survive server restarts; ids may not) ----------

  function savePanes() {
    const saved = state.panes.map((pane) => findPerson(pane.personId)).filter(Boolean)
      .map((person) => ({ key: person.key, id: person.id }));
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(saved)); } catch { /* storage unavailable */ }
  }

  function restorePersonIds() {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null'); } catch { /* ignore corrupt value */ }
    const ids = list(saved).map((s) => state.people.find((p) => s && ((s.key && p.key === s.key) || p.id === s.id)))
      .filter(Boolean).map((p) => p.id).slice(0, MAX_PANES);
    return ids.length ? ids : state.people.slice(0, DEFAULT_PANES).map((p) => p.id);
  }

  // ---------- Boot ----------

  const showPageError = (message) => Object.assign($('page-error'), { textContent: message, hidden: !message });

  async function init() {
    $('add-pane').addEventListener('click', () => { addPane(); savePanes(); });
    $('remove-pane').addEventListener('click', () => removePane(state.panes[state.panes.length - 1]));
    try {
      state.people = list(await api('/people')).filter((p) => p && p.id);
    } catch (err) {
      $('panes').replaceChildren();
      showPageError(`Could not load the demo colleagues: ${friendly(err)}`);
      return;
    }
    $('panes').replaceChildren();
    if (!state.people.length) {
      showPageError('There are no demo colleagues to chat as yet.');
      return;
    }
    restorePersonIds().forEach((id) => addPane(id));
    setInterval(() => state.panes.forEach(poll), POLL_MS);
  }

  document.addEventListener('DOMContentLoaded', init);
})();
