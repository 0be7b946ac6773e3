// Number and time formatting in the current language.
import { locale, t } from './i18n.js';

export function qty(v) { return new Intl.NumberFormat(locale(), { maximumFractionDigits: 3 }).format(Number(v)); }
export function num(v, digits = 1) {
  return v == null ? '–' : new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}
export function time(v) {
  return v ? new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(v)) : '';
}
export function dateTime(v) {
  return v ? new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(new Date(v)) : '';
}
export function ago(v) {
  if (!v) { return t('time.never'); }
  const s = Math.max(0, Math.round((Date.now() - new Date(v).getTime()) / 1000));
  if (s < 60) { return t('time.secondsAgo', { n: s }); }
  if (s < 3600) { return t('time.minutesAgo', { n: Math.round(s / 60) }); }
  if (s < 86400) { return t('time.hoursAgo', { n: Math.round(s / 3600) }); }
  return t('time.daysAgo', { n: Math.round(s / 86400) });
}
/** A kebab/upper-case code ("SHELF_PICK", "negative-stock") as a translation key under {@code prefix}. */
export function code(prefix, value) {
  const key = `${prefix}.${String(value || '').toLowerCase().replace(/_/g, '-')}`;
  const text = t(key);
  return text === key ? String(value || '') : text;
}
