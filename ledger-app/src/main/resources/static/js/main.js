// The dashboard page: headline cards, charts, tables with drill-down, bilingual, refreshed live.
import { applyStaticTexts, currentLang, setLang, onLangChange } from './i18n.js';
import { refreshCards, renderCards } from './cards.js';
import { refreshCharts, renderCharts } from './charts.js';
import { wireTables, selectTab, refreshTable, relabelTables, loadOccasions, currentTab, TABLE_OF } from './tables.js';
import { wireDetail, refreshDetail } from './detail.js';
import { loadPartyNames } from './parties.js';
import { connect } from './live.js';

async function refreshAll() {
  await loadPartyNames();
  await Promise.all([refreshCards(), refreshCharts(), loadOccasions()]);
  await refreshTable();
  await refreshDetail();
}

async function applyChanges(changes) {
  const types = new Set(changes.map(c => c.recordType));
  const work = [refreshCards(), refreshCharts()];
  if (types.has('party')) work.push(loadPartyNames());
  if (types.has('agreement') || types.has('project')) work.push(loadOccasions());
  await Promise.all(work);
  if ([...types].some(type => TABLE_OF[type] === currentTab()) || types.has('party')) await refreshTable();
  for (const id of new Set(changes.map(c => c.recordId))) await refreshDetail(id);
  document.body.dataset.lastChange = String(Math.max(...changes.map(c => c.position)));
}

async function start() {
  applyStaticTexts();
  wireTables();
  wireDetail();
  document.getElementById('lang-toggle').addEventListener('click', () => setLang(currentLang() === 'en' ? 'zh' : 'en'));
  document.getElementById('period').addEventListener('change', () => refreshCharts());
  onLangChange(() => { renderCards(); renderCharts(); relabelTables(); refreshDetail(); });
  await loadPartyNames();
  await Promise.all([refreshCards(), refreshCharts(), loadOccasions()]);
  await selectTab('agreements');
  connect(changes => applyChanges(changes).catch(console.error), () => refreshAll().catch(console.error));
  document.body.dataset.ready = 'true';
}

start().catch(error => {
  console.error(error);
  document.getElementById('cards').textContent = String(error);
});
