// The filterable, sortable, paged tables of agreements, projects, programmes and parties.
import { getJson, el } from './api.js';
import { t, label, VOCABULARY, currentLang } from './i18n.js';
import { partyName, partyChoices } from './parties.js';
import { showDetail } from './detail.js';

const names = list => (list ?? []).map(partyName).join('、');
const pct = rate => rate == null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;

const TABLES = {
  agreements: {
    path: '/api/agreements', detail: id => `/api/agreements/${encodeURIComponent(id)}`, key: row => row.id,
    filters: ['party', 'domain:domain', 'kind:agreementKind', 'status:agreementStatus', 'occasion', 'from', 'to'],
    columns: [
      ['titleCol', 'title', r => r.title], ['kind', 'kind', r => label(r.kind)], ['status', 'status', r => label(r.status)],
      ['signedOn', 'signedOn', r => r.signedOn ?? ''], ['signatories', null, r => names(r.signatories)],
      ['observers', null, r => names(r.observers)], ['domain', null, r => r.domains.map(label).join('、')],
      ['itemsProgress', 'itemsCompleted', r => `${r.items.completed} / ${r.items.total}`, 'num'],
      ['paymentsTotal', 'paymentsTotal', r => r.paymentsTotal?.text ?? '', 'num']],
  },
  projects: {
    path: '/api/projects', detail: id => `/api/projects/${encodeURIComponent(id)}`, key: row => row.id,
    filters: ['party', 'role:projectRole', 'domain:domain', 'status:projectStatus', 'occasion', 'from', 'to'],
    columns: [
      ['name', 'name', r => r.name], ['status', 'status', r => label(r.status)], ['domain', null, r => label(r.domain)],
      ['hosts', null, r => names(r.hostParties)], ['investors', null, r => names(r.investors)],
      ['occasion', null, r => r.occasion ?? ''], ['signedOn', 'signedOn', r => r.signedOn ?? ''],
      ['count', 'projectCount', r => r.projectCount, 'num'],
      ['agreedInvestment', 'agreedInvestment', r => r.agreedInvestment?.text ?? '—', 'num'],
      ['plannedInvestment', 'plannedInvestment', r => r.plannedInvestment?.text ?? '—', 'num'],
      ['actualInvestment', 'actualInvestment', r => r.actualInvestment?.text ?? '—', 'num']],
  },
  programmes: {
    path: '/api/programmes', detail: id => `/api/programmes/${encodeURIComponent(id)}`, key: row => row.id,
    filters: ['party', 'from', 'to'],
    columns: [
      ['name', 'name', r => r.name], ['period', null, r => r.period], ['participants', null, r => names(r.participants)],
      ['declaredOn', 'declaredOn', r => r.declaredOn ?? ''], ['planned', 'planned', r => r.items.planned, 'num'],
      ['addedLater', null, r => r.items.addedLater, 'num'], ['completed', 'completed', r => r.items.completed, 'num'],
      ['completionRate', null, r => pct(r.items.completionRate), 'num']],
  },
  parties: {
    path: '/api/parties', detail: code => `/api/parties/${encodeURIComponent(code)}`, key: row => row.code,
    filters: ['kind:partyKind', 'parent'],
    columns: [
      ['code', 'code', r => r.code], ['nameZh', 'name', r => r.nameZh], ['nameEn', null, r => r.nameEn ?? ''],
      ['kind', 'kind', r => label(r.kind)], ['parent', null, r => r.parent ? partyName(r.parent) : ''],
      ['establishedOn', 'establishedOn', r => r.establishedOn ?? '']],
  },
};

const state = { tab: 'agreements', page: 0, size: 20, sort: {}, filters: {}, occasions: [], last: null };

export function currentTab() {
  return state.tab;
}

export async function loadOccasions() {
  const [projects, agreements] = await Promise.all([
    getJson('/api/stats/projects', { groupBy: 'occasion' }), getJson('/api/stats/agreements', { groupBy: 'occasion' })]);
  state.occasions = [...new Set([...projects.groups, ...agreements.groups].map(g => g.key).filter(Boolean))].sort();
}

export function selectTab(tab) {
  state.tab = tab;
  state.page = 0;
  document.querySelectorAll('#tabs button').forEach(b => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  renderFilters();
  return refreshTable();
}

function options(values, selected) {
  return [el('option', { value: '' }, t('any')),
    ...values.map(([code, text]) => el('option', { value: code, selected: code === selected ? '' : null }, text))];
}

function renderFilters() {
  const form = document.getElementById('filters');
  const values = state.filters[state.tab] ?? {};
  const fields = TABLES[state.tab].filters.map(spec => {
    const [name, vocabulary] = spec.split(':');
    let input;
    if (vocabulary) {
      return multiChoice(name, VOCABULARY[vocabulary].map(([code, zh, en]) => [code, currentLang() === 'en' ? en : zh]),
        (values[name] ?? '').split(',').filter(Boolean));
    } else if (name === 'party' || name === 'parent') {
      input = el('select', { name }, options(partyChoices(), values[name]));
    } else if (name === 'occasion') {
      input = el('select', { name }, options(state.occasions.map(o => [o, o]), values[name]));
    } else {
      input = el('input', { name, type: 'date', value: values[name] ?? '' });
    }
    return el('label', {}, t(name), input);
  });
  const reset = el('button', { type: 'button', id: 'filters-reset' }, t('reset'));
  reset.addEventListener('click', () => {
    state.filters[state.tab] = {};
    state.page = 0;
    renderFilters();
    refreshTable();
  });
  const downloads = ['csv', 'xlsx'].map(format => el('a', { id: `download-${format}`, class: 'download', download: '',
    title: t('downloadHint') }, t(format === 'csv' ? 'downloadCsv' : 'downloadXlsx')));
  form.replaceChildren(...fields, reset, ...downloads);
  updateDownloads();
}

/**
 * A vocabulary filter of several values (the API takes status=A,B): a drop-down of check boxes named like the
 * parameter; no box ticked means any value.
 */
function multiChoice(name, choices, selected) {
  const boxes = choices.map(([code, text]) => el('label', {},
    el('input', { type: 'checkbox', name, value: code, checked: selected.includes(code) ? '' : null }), text));
  const chosen = choices.filter(([code]) => selected.includes(code)).map(([, text]) => text);
  // a div, not a label: a click on the summary inside a label would tick the first box
  return el('div', { class: 'field' }, t(name), el('details', { class: 'multi', dataset: { name } },
    el('summary', {}, chosen.length ? chosen.join('、') : t('any')), el('div', { class: 'choices' }, boxes)));
}

/** The query of the table as it is shown (filters and sort); without page and size a file holds every matching row. */
function downloadUrl(format) {
  const sort = state.sort[state.tab];
  const query = new URLSearchParams({ ...(state.filters[state.tab] ?? {}), format });
  if (sort) query.set('sort', `${sort.field},${sort.direction}`);
  return `${TABLES[state.tab].path}?${query}`;
}

function updateDownloads() {
  ['csv', 'xlsx'].forEach(format => {
    const link = document.getElementById(`download-${format}`);
    if (link) link.href = downloadUrl(format);
  });
}

function readFilters() {
  const values = {};
  const form = new FormData(document.getElementById('filters'));
  // several ticked values of one filter travel as one comma-separated parameter
  new Set(form.keys()).forEach(name => {
    const all = form.getAll(name).filter(Boolean);
    if (all.length) values[name] = all.join(',');
  });
  state.filters[state.tab] = values;
  document.querySelectorAll('#filters details.multi').forEach(details => {
    const chosen = [...details.querySelectorAll('input:checked')].map(box => box.parentElement.textContent);
    details.querySelector('summary').textContent = chosen.length ? chosen.join('、') : t('any');
  });
}

export async function refreshTable() {
  const table = TABLES[state.tab];
  const tab = state.tab;
  const sort = state.sort[tab];
  updateDownloads();
  let result;
  try {
    result = await getJson(table.path, { ...(state.filters[tab] ?? {}), page: state.page, size: state.size,
      sort: sort ? `${sort.field},${sort.direction}` : undefined });
  } catch (error) {
    document.querySelector('#records tbody').replaceChildren(
      el('tr', {}, el('td', { class: 'error', colspan: table.columns.length }, `${t('loadFailed')}: ${error.message}`)));
    return;
  }
  if (tab !== state.tab) return; // the user switched tabs while this page was loading
  state.last = result;
  renderTable();
}

export function renderTable() {
  const table = TABLES[state.tab];
  const result = state.last;
  const sort = state.sort[state.tab];
  const head = el('tr', {}, table.columns.map(([key, field]) => {
    const th = el('th', { dataset: field ? { sort: field } : {} }, t(key));
    if (field) {
      if (sort?.field === field) th.dataset.sorted = sort.direction;
      th.addEventListener('click', () => {
        state.sort[state.tab] = { field, direction: sort?.field === field && sort.direction === 'asc' ? 'desc' : 'asc' };
        refreshTable();
      });
    }
    return th;
  }));
  document.querySelector('#records thead').replaceChildren(head);
  document.getElementById('records').dataset.table = state.tab;
  if (!result) return;
  const rows = result.items.map(row => {
    const tr = el('tr', { dataset: { id: table.key(row) } },
      table.columns.map(([, , render, cls]) => el('td', { class: cls }, render(row))));
    tr.addEventListener('click', () => showDetail(state.tab, table.key(row), table.detail(table.key(row))));
    return tr;
  });
  document.querySelector('#records tbody').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: table.columns.length }, t('noRows')))]));
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  document.getElementById('page-info').textContent = t('page', { p: result.page + 1, n: pages, t: result.total });
  document.getElementById('prev').disabled = result.page === 0;
  document.getElementById('next').disabled = result.page + 1 >= pages;
}

export function wireTables() {
  document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => selectTab(b.dataset.tab)));
  document.getElementById('filters').addEventListener('change', () => { readFilters(); state.page = 0; refreshTable(); });
  document.getElementById('filters').addEventListener('submit', event => event.preventDefault());
  document.getElementById('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); refreshTable(); });
  document.getElementById('next').addEventListener('click', () => { state.page += 1; refreshTable(); });
}

/** Re-renders filters and rows in the current language without reloading them. */
export function relabelTables() {
  renderFilters();
  renderTable();
}

/** Maps a change's recordType to the table that shows such records. */
export const TABLE_OF = { agreement: 'agreements', project: 'projects', programme: 'programmes', party: 'parties' };
