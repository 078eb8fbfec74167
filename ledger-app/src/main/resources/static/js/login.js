// The login and logout pages in Chinese (the default) or English, with the dashboard's language switch and the
// same remembered choice (localStorage 'ledger.lang'). The server writes the Chinese texts, so the pages work
// without this script too.
const TEXTS = {
  zh: {
    title: '合作台账', heading: '登录合作台账', username: '用户名', password: '密码', login: '登录',
    badCredentials: '用户名或密码错误，请重新输入。', loggedOut: '您已退出登录。',
    logoutHeading: '退出登录', logoutQuestion: '确定要退出合作台账吗？', logout: '退出', back: '返回台账',
    pageTitle: '登录 · 合作台账', logoutTitle: '退出 · 合作台账',
  },
  en: {
    title: 'Cooperation Ledger', heading: 'Log in to the Cooperation Ledger', username: 'User name',
    password: 'Password', login: 'Log in', badCredentials: 'Wrong user name or password. Please try again.',
    loggedOut: 'You have been logged out.',
    logoutHeading: 'Log out', logoutQuestion: 'Log out of the Cooperation Ledger?', logout: 'Log out',
    back: 'Back to the ledger', pageTitle: 'Log in · Cooperation Ledger', logoutTitle: 'Log out · Cooperation Ledger',
  },
};
const STORAGE_KEY = 'ledger.lang';
let lang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

function apply() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = TEXTS[lang][document.getElementById('logout') ? 'logoutTitle' : 'pageTitle'];
  document.querySelectorAll('[data-i18n]').forEach(element => {
    const text = TEXTS[lang][element.dataset.i18n];
    if (text) element.textContent = text;
  });
  document.getElementById('lang-toggle').textContent = lang === 'en' ? '中文' : 'English';
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem(STORAGE_KEY, lang);
  apply();
});
apply();
document.body.dataset.ready = 'true';
