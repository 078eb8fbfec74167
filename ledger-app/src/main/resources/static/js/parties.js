// Party names in both languages, for records that name a party only by code and Chinese name.
import { getJson } from './api.js';
import { currentLang } from './i18n.js';

const names = new Map();

export async function loadPartyNames() {
  names.clear();
  for (let page = 0; page < 10; page++) {
    const result = await getJson('/api/parties', { size: 200, page });
    result.items.forEach(p => names.set(p.code, { zh: p.nameZh, en: p.nameEn }));
    if ((page + 1) * result.size >= result.total) break;
  }
  return [...names.entries()];
}

/** A party ({code, name} or a code) in the current language; English falls back to the Chinese name. */
export function partyName(party) {
  const code = typeof party === 'string' ? party : party?.code;
  const known = names.get(code);
  const zh = known?.zh ?? (typeof party === 'object' ? party?.name : null) ?? code;
  return currentLang() === 'en' ? (known?.en || zh) : zh;
}

export function partyChoices() {
  return [...names.entries()].map(([code]) => [code, partyName(code)])
    .sort((a, b) => a[1].localeCompare(b[1], currentLang() === 'en' ? 'en' : 'zh'));
}
