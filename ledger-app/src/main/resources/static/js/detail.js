// Drill-down: a record's current state (its single-record GET) and, for auditors and administrators, its history.
import { getJson, el, HttpError } from './api.js';
import { t, label, currentLang } from './i18n.js';
import { partyName } from './parties.js';

let shown = null;

const isLabel = v => v && typeof v === 'object' && 'code' in v && 'zh' in v && 'en' in v;
const isText = v => v && typeof v === 'object' && !('code' in v) && 'zh' in v && 'en' in v && Object.keys(v).length === 2;
const isAmount = v => v && typeof v === 'object' && 'yuan' in v && 'text' in v;
// A party as records and lists name it: {code, name}.
const isParty = v => v && typeof v === 'object' && 'code' in v && 'name' in v && Object.keys(v).length === 2;

function value(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
  if (typeof v !== 'object') return String(v);
  if (isLabel(v) || isText(v)) return label(v);
  if (isAmount(v)) return v.text;
  if (isParty(v)) return partyName(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    if (v.every(x => typeof x !== 'object' || isLabel(x) || isAmount(x) || isParty(x))) return v.map(value).join('、');
    return el('ol', {}, v.map(x => el('li', {}, value(x))));
  }
  return keyValues(v);
}

// Field names that mean something else among the interface texts.
const FIELD_TEXT = { title: 'titleCol', domains: 'domain' };

function keyValues(object) {
  return el('table', { class: 'kv' }, el('tbody', {}, Object.entries(object)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([key, v]) => el('tr', { dataset: { field: key } }, el('th', {}, t(FIELD_TEXT[key] ?? key)), el('td', {}, value(v))))));
}

function history(events) {
  if (!events.length) return el('p', {}, t('noHistory'));
  return el('ol', { class: 'history' }, events.map(e => el('li', {},
    el('div', {}, `${e.businessDate ?? ''} · ${label(e.summary) || e.eventType}`),
    el('div', { class: 'meta' }, `${t('recordedBy')} ${e.recordedBy} · ${t('recordedAt')} ${e.recordedAtShanghai ?? e.recordedAt}`
      + (e.reason ? ` · ${t('reason')}: ${e.reason}` : '')))));
}

export async function showDetail(kind, id, path) {
  shown = { kind, id, path };
  const panel = document.getElementById('detail');
  panel.hidden = false;
  panel.dataset.record = id;
  document.getElementById('detail-title').textContent = id;
  const body = document.getElementById('detail-body');
  const historyBox = document.getElementById('detail-history');
  const [record, events] = await Promise.allSettled([
    getJson(path), getJson(`/api/audit/records/${encodeURIComponent(id)}/history`)]);
  if (shown?.id !== id) return;
  if (record.status === 'fulfilled') {
    const r = record.value;
    const title = document.getElementById('detail-title');
    title.textContent = r.title ?? r.name ?? (currentLang() === 'en' && r.nameEn ? r.nameEn : r.nameZh) ?? id;
    // a record with values its source does not state says so at once; the provenance below lists them
    if (r.inferred) title.append(' ', el('span', { class: 'inferred-badge', title: t('inferredHint') }, t('inferred')));
    body.replaceChildren(keyValues(r));
  } else {
    body.replaceChildren(el('p', { class: 'error' }, `${t('loadFailed')}: ${record.reason.message}`));
  }
  if (events.status === 'fulfilled') {
    historyBox.replaceChildren(history(events.value.events ?? []));
  } else if (events.reason instanceof HttpError && events.reason.status === 403) {
    historyBox.replaceChildren(el('p', { class: 'note', id: 'history-note' }, t('historyForAuditors')));
  } else {
    historyBox.replaceChildren(el('p', { class: 'error' }, `${t('loadFailed')}: ${events.reason.message}`));
  }
}

/** Reloads the open record (after a change to it, or a language switch). */
export function refreshDetail(changedId) {
  if (shown && !document.getElementById('detail').hidden && (changedId === undefined || changedId === shown.id)) {
    return showDetail(shown.kind, shown.id, shown.path);
  }
  return Promise.resolve();
}

export function wireDetail() {
  document.getElementById('detail-close').addEventListener('click', () => {
    document.getElementById('detail').hidden = true;
    shown = null;
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape') document.getElementById('detail-close').click();
  });
}
