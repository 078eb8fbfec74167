// Charts of the statistics endpoints, drawn with ECharts (served from its webjar).
import { getJson, yi } from './api.js';
import { t, label } from './i18n.js';

const charts = {};
const data = {};

function chart(id) {
  if (!charts[id]) {
    charts[id] = window.echarts.init(document.getElementById(id));
    window.addEventListener('resize', () => charts[id].resize());
  }
  return charts[id];
}

/** Agreed investment (bars, 亿元) and project counts (line) per group of GET /api/stats/projects. */
function investmentOption(stats) {
  const groups = stats.groups;
  return {
    tooltip: {
      trigger: 'axis',
      formatter: points => {
        const group = groups[points[0].dataIndex];
        return `${label(group.label)}<br>${t('agreedInvestment')}: ${group.agreedInvestment?.text ?? '—'}`
          + `<br>${t('projectCount')}: ${group.projects}`;
      },
    },
    legend: { top: 0 },
    grid: { left: 50, right: 40, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: groups.map(g => label(g.label)), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: t('investmentYi') }, { type: 'value', name: t('projectCount'), minInterval: 1 }],
    series: [
      { name: t('investmentYi'), type: 'bar', data: groups.map(g => yi(g.agreedInvestment)), itemStyle: { color: '#b91c1c' } },
      { name: t('projectCount'), type: 'line', yAxisIndex: 1, data: groups.map(g => g.projects), itemStyle: { color: '#2563eb' } },
    ],
  };
}

function agreementsOption(stats) {
  const groups = stats.groups;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: groups.map(g => label(g.label)), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('agreementCount'), type: 'bar', data: groups.map(g => g.agreements), itemStyle: { color: '#b91c1c' } },
      { name: t('inForce'), type: 'bar', data: groups.map(g => g.inForce), itemStyle: { color: '#f59e0b' } },
    ],
  };
}

function programmesOption(stats) {
  const groups = stats.groups;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 30, bottom: 30, containLabel: true },
    yAxis: { type: 'category', data: groups.map(g => label(g.label)), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('planned'), type: 'bar', data: groups.map(g => g.planned), itemStyle: { color: '#9ca3af' } },
      { name: t('completed'), type: 'bar', data: groups.map(g => g.completed), itemStyle: { color: '#16a34a' } },
      { name: t('addedLater'), type: 'bar', data: groups.map(g => g.addedLater), itemStyle: { color: '#2563eb' } },
    ],
  };
}

export async function refreshCharts() {
  const period = document.getElementById('period').value;
  const [host, domain, overTime, agreements, programmes] = await Promise.all([
    getJson('/api/stats/projects', { groupBy: 'host' }),
    getJson('/api/stats/projects', { groupBy: 'domain' }),
    getJson('/api/stats/projects', { groupBy: period }),
    getJson('/api/stats/agreements', { groupBy: 'domain' }),
    getJson('/api/stats/programmes', { groupBy: 'programme' }),
  ]);
  Object.assign(data, { host, domain, overTime, agreements, programmes });
  renderCharts();
}

export function renderCharts() {
  if (!data.host || !window.echarts) return;
  chart('chart-host').setOption(investmentOption(data.host), true);
  chart('chart-domain').setOption(investmentOption(data.domain), true);
  chart('chart-period').setOption(investmentOption(data.overTime), true);
  chart('chart-agreements').setOption(agreementsOption(data.agreements), true);
  chart('chart-programmes').setOption(programmesOption(data.programmes), true);
}
