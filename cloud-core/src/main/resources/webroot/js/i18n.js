// Translations: en and zh-CN dictionaries (i18n/*.json), chosen by ?lang=, then the user's saved
// preference, then the browser's languages. Elements carry data-i18n="key" (text) or
// data-i18n-attr="attr:key;attr:key"; code calls t(key, {vars}).

export const LANGUAGES = ['en', 'zh-CN'];
const STORE_KEY = 'stocksense.lang';
const dictionaries = {};
let lang = 'en';

function normalize(l) {
  if (!l) { return null; }
  if (LANGUAGES.includes(l)) { return l; }
  return l.toLowerCase().startsWith('zh') ? 'zh-CN' : (l.toLowerCase().startsWith('en') ? 'en' : null);
}

/** The language to start with before the user's server-side preference is known. */
export function initialLanguage() {
  const fromUrl = normalize(new URLSearchParams(location.search).get('lang'));
  if (fromUrl) { return fromUrl; }
  const saved = normalize(localStorage.getItem(STORE_KEY));
  if (saved) { return saved; }
  for (const l of navigator.languages || [navigator.language]) {
    const n = normalize(l);
    if (n) { return n; }
  }
  return 'en';
}

/** True when ?lang= names a language: it then wins over the saved preference (and replaces it). */
export function languageFromUrl() { return normalize(new URLSearchParams(location.search).get('lang')); }

async function dictionary(l) {
  if (!dictionaries[l]) {
    const res = await fetch(`i18n/${l}.json`);
    dictionaries[l] = await res.json();
  }
  return dictionaries[l];
}

export async function setLanguage(l) {
  lang = normalize(l) || 'en';
  await dictionary('en');
  await dictionary(lang);
  localStorage.setItem(STORE_KEY, lang);
  document.documentElement.lang = lang;
  translate(document);
  document.dispatchEvent(new CustomEvent('languagechange', { detail: lang }));
}

export function language() { return lang; }

/** The text of {@code key} in the current language (English, then the key itself, as fallbacks). */
export function t(key, vars) {
  const text = (dictionaries[lang] && dictionaries[lang][key]) ?? (dictionaries.en && dictionaries.en[key]) ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, k) => (vars[k] ?? m)) : text;
}

/** Has the current language a text for {@code key}? */
export function has(key) { return Boolean(dictionaries[lang] && key in dictionaries[lang]); }

export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) { el.textContent = t(el.dataset.i18n); }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
  document.title = 'StockSense · ' + t('app.subtitle');
}

/** A locale for Intl formatting. */
export function locale() { return lang === 'zh-CN' ? 'zh-CN' : 'en-GB'; }
