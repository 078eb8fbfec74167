// The headline figures of GET /api/summary.
import { getJson, el } from './api.js';
import { t, currentLang } from './i18n.js';

let last = null;

export async function refreshCards() {
  last = await getJson('/api/summary');
  renderCards();
  return last;
}

export function renderCards() {
  if (!last) return;
  const s = last;
  const card = (id, labelKey, value, sub) => el('div', { class: 'card', id: `card-${id}` },
    el('div', { class: 'label' }, t(labelKey)), el('div', { class: 'value' }, value),
    sub ? el('div', { class: 'sub' }, sub) : null);
  const pct = rate => rate == null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;
  document.getElementById('cards').replaceChildren(
    card('parties', 'parties', s.parties),
    card('agreements', 'agreementsInForce', s.agreements.inForce, `${t('ofTotal')} ${s.agreements.total}`),
    card('items', 'cooperationItems', `${s.cooperationItems.completed} / ${s.cooperationItems.total}`,
      pct(s.cooperationItems.completionRate)),
    card('projects', 'projects', s.projects.projects, `${s.projects.records} ${t('records')}`),
    card('agreed', 'agreedInvestment', s.projects.agreedInvestment?.text ?? '—'),
    card('actual', 'actualInvestment', s.projects.actualInvestment?.text ?? '—'),
    card('programme-items', 'programmeItems', `${s.programmeItems.completed} / ${s.programmeItems.total}`,
      `${t('planned')} ${s.programmeItems.planned} · ${t('addedLater')} ${s.programmeItems.addedLater} · `
      + pct(s.programmeItems.completionRate)),
    card('payments', 'payments', s.paymentsTotal?.text ?? '—'));
  const updated = document.getElementById('updated');
  updated.textContent = s.lastUpdatedAt
    ? `${t('updatedAt')} ${new Date(s.lastUpdatedAt).toLocaleString(currentLang() === 'en' ? 'en-GB' : 'zh-CN')}` : '';
}
