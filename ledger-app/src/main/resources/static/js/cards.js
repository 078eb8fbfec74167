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
  // the headline counts live projects (every status but cancelled); cancelled ones are only mentioned
  const live = s.projects.live ?? s.projects;
  const cancelled = s.projects.cancelled;
  const hasAmount = amount => amount && Number(amount.yuan) !== 0;
  const pct = rate => rate == null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;
  document.getElementById('cards').replaceChildren(...[
    card('parties', 'parties', s.parties),
    card('agreements', 'agreementsInForce', s.agreements.inForce,
      `${t('ofTotal')} ${s.agreements.total} · ${t('endedAgreements')} ${s.agreements.ended ?? 0}`),
    card('items', 'cooperationItems', `${s.cooperationItems.completed} / ${s.cooperationItems.total}`,
      pct(s.cooperationItems.completionRate)),
    card('projects', 'projects', live.projects, `${live.records} ${t('records')}`
      + (cancelled?.projects ? ` · ${t('cancelledProjects')} ${cancelled.projects}` : '')),
    card('agreed', 'agreedInvestment', live.agreedInvestment?.text ?? '—',
      cancelled?.projects ? `${t('cancelledProjects')} ${cancelled.agreedInvestment?.text ?? '—'}` : null),
    // total planned investment (总投资) is another kind of amount: its own card, never added to the agreed one
    hasAmount(live.plannedInvestment) ? card('planned', 'plannedInvestment', live.plannedInvestment.text) : null,
    card('actual', 'actualInvestment', live.actualInvestment?.text ?? '—'),
    card('programme-items', 'programmeItems', `${s.programmeItems.completed} / ${s.programmeItems.total}`,
      `${t('planned')} ${s.programmeItems.planned} · ${t('addedLater')} ${s.programmeItems.addedLater} · `
      + pct(s.programmeItems.completionRate)),
    card('payments', 'payments', s.paymentsTotal?.text ?? '—')].filter(Boolean));
  const updated = document.getElementById('updated');
  updated.textContent = s.lastUpdatedAt
    ? `${t('updatedAt')} ${new Date(s.lastUpdatedAt).toLocaleString(currentLang() === 'en' ? 'en-GB' : 'zh-CN')}` : '';
}
