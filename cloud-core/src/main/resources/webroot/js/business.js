// Building blocks of the business pages (purchasing, sales, POS, finance): a DOM builder whose labels
// carry data-i18n (so a language switch retranslates them), money and status formatting, tables, line
// editors, and problem+json errors shown in the page. Every page renders into #view-business.
import { api, can } from './api.js';
import { has, locale, t } from './i18n.js';

/** el('button', {class: 'x', i18n: 'key', on: {click}}, child, ...): children are nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) { continue; }
    if (k === 'i18n') { e.dataset.i18n = v; e.textContent = t(v); } else if (k === 'on') {
      for (const [ev, fn] of Object.entries(v)) { e.addEventListener(ev, fn); }
    } else if (k === 'class') { e.className = v; } else if (k === 'dataset') { Object.assign(e.dataset, v); } else if (k in e && typeof v !== 'string') {
      e[k] = v;
    } else { e.setAttribute(k, v === true ? '' : v); }
  }
  for (const c of children.flat()) {
    if (c != null && c !== false) { e.append(c instanceof Node ? c : String(c)); }
  }
  return e;
}

/** A translated label element. */
export const label = (key, tag = 'span') => el(tag, { i18n: key });

/** A button shown only when the user holds {@code permission}; null otherwise. */
export function action(key, permission, onClick, attrs = {}) {
  if (permission && !can(permission)) { return null; }
  return el('button', { type: 'button', i18n: key, ...attrs, on: { click: (e) => guard(e.currentTarget, onClick) } });
}

/** Runs an async click handler with the button disabled, showing a failure in the page. */
export async function guard(button, fn) {
  if (button) { button.disabled = true; }
  clearError();
  try { await fn(); } catch (e) { showError(e); } finally { if (button) { button.disabled = false; } }
}

export function money(v, currency) {
  if (v == null) { return '–'; }
  const n = Number(v);
  return currency ? new Intl.NumberFormat(locale(), { style: 'currency', currency, minimumFractionDigits: 2 }).format(n)
    : new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

export const amount = (v) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 3 }).format(Number(v || 0));
export const pct = (v) => (v == null ? '–' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(v)) + ' %');
export const day = (v) => (v ? String(v).slice(0, 10) : '–');
export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);

/** A status badge translated under {@code prefix} (e.g. purchasing.status.draft). */
export function status(prefix, value) {
  return el('span', { class: 'badge st-' + value, i18n: `${prefix}.${value}`, dataset: { status: value } });
}

/**
 * A table: columns [{label: key, value: (row) => text|node, num?}], optional onRow(row) making rows
 * clickable, and the key of the message shown when there are no rows.
 */
export function table(columns, rows, { onRow, empty = 'business.empty', id } = {}) {
  if (!rows.length) { return el('p', { class: 'empty', i18n: empty }); }
  const head = el('tr', {}, columns.map((c) => el('th', { class: c.num ? 'num' : null, i18n: c.label })));
  const body = rows.map((r) => el('tr', { class: onRow ? 'clickable' : null, on: onRow ? { click: () => onRow(r) } : null },
    columns.map((c) => { const v = c.value(r); return el('td', { class: c.num ? 'num' : null }, v == null ? '–' : v); })));
  return el('table', { class: 'biz-table', id }, el('thead', {}, head), el('tbody', {}, body));
}

/** A labelled form field around {@code input}. */
export const field = (key, input) => el('label', { class: 'field' }, label(key), input);

export function input(attrs = {}) { return el('input', attrs); }

/** A select of [{value, text}] (text may be a translation key with i18n: true). */
export function select(options, attrs = {}) {
  return el('select', attrs, options.map((o) => el('option', { value: o.value, i18n: o.i18n || null }, o.i18n ? null : o.text)));
}

/** Options for master data lists: {code|sku, name}. */
export const options = (rows, key = 'code') => rows.map((r) => ({ value: r[key], text: r.name ? `${r[key]} · ${r.name}` : r[key] }));

/** The page frame: a title, tabs (routes the user may open), an error line and a body. */
export function page(titleKey, tabs, activeTab, ...body) {
  const view = document.getElementById('view-business');
  const nav = el('div', { class: 'tabs', role: 'tablist' }, tabs.filter((tb) => can(tb.permission)).map((tb) =>
    el('a', { href: tb.href, class: tb.key === activeTab ? 'active' : null, i18n: tb.label, dataset: { tab: tb.key } })));
  view.replaceChildren(el('div', { class: 'report-head' }, el('h1', { i18n: titleKey }), nav),
    el('p', { id: 'biz-error', class: 'error', role: 'alert', hidden: true }), el('div', { id: 'biz-body' }, ...body));
  view.dataset.page = activeTab;
  view.dataset.shown = location.hash.replace(/^#\/?/, '');
  view.dataset.state = body.length ? 'ready' : 'loading';
}

/** Replaces the page body (the page is then ready: tests and screenshots wait for data-state). */
export function body(...nodes) {
  document.getElementById('biz-body').replaceChildren(...nodes.filter(Boolean));
  document.getElementById('view-business').dataset.state = 'ready';
}

export function clearError() {
  const e = document.getElementById('biz-error');
  if (e) { e.textContent = ''; e.hidden = true; }
}

/** Shows an API failure: the problem's detail, and what problem+json adds (available, on hand ...). */
export function showError(e) {
  console.warn(e);
  const box = document.getElementById('biz-error');
  if (!box) { return; }
  const p = e.problem || {};
  const facts = ['sku', 'requested', 'available', 'onHand', 'reserved', 'creditLimit', 'exposure', 'missingPermission']
    .filter((k) => p[k] != null).map((k) => `${t('business.problem.' + k)}: ${p[k]}`);
  const slug = p.type ? String(p.type).split(':').pop() : '';
  const title = has('business.problem.' + slug) ? t('business.problem.' + slug) : (e.status === 403 ? t('business.forbidden') : (p.title || ''));
  box.textContent = [title, p.detail || e.message, facts.join(' · ')].filter(Boolean).join(' — ');
  box.dataset.status = e.status || '';
  box.dataset.problem = slug;
  box.hidden = false;
}

/** Editable document lines: columns [{key, label, type, value?, options?}]; returns {node, rows()}. */
export function lineEditor(columns, initial = [{}]) {
  const tbody = el('tbody');
  const addRow = (values = {}) => {
    const cells = columns.map((c) => {
      const inp = c.options ? select(c.options(), { name: c.key }) : input({ name: c.key, type: c.type || 'text', step: c.type === 'number' ? 'any' : null, placeholder: c.placeholder || null });
      if (values[c.key] != null) { inp.value = values[c.key]; } else if (c.value != null) { inp.value = c.value; }
      return el('td', {}, inp);
    });
    tbody.append(el('tr', { class: 'line' }, cells, el('td', {}, el('button', { type: 'button', class: 'secondary', 'aria-label': 'x', on: { click: (e) => e.currentTarget.closest('tr').remove() } }, '×'))));
  };
  initial.forEach(addRow);
  const node = el('div', { class: 'lines' },
    el('table', { class: 'biz-table editor' }, el('thead', {}, el('tr', {}, columns.map((c) => el('th', { i18n: c.label })), el('th'))), tbody),
    el('button', { type: 'button', class: 'secondary add-line', i18n: 'business.addLine', on: { click: () => addRow() } }));
  const rows = () => [...tbody.querySelectorAll('tr')].map((tr) => Object.fromEntries(columns.map((c) => [c.key, tr.querySelector(`[name="${c.key}"]`).value.trim()])))
    .filter((r) => Object.values(r).some((v) => v !== ''));
  return { node, rows, addRow };
}

/** Quantities typed per document line ([{line, quantity}] of the non-zero ones) for receipts, shipments, returns. */
export function quantityInputs(lines, defaultOf) {
  const inputs = new Map();
  const node = table([
    { label: 'business.col.line', value: (l) => l.line },
    { label: 'business.col.sku', value: (l) => l.sku },
    { label: 'business.col.quantity', num: true, value: (l) => {
      const i = input({ type: 'number', step: 'any', min: '0', name: 'qty-' + l.line, value: defaultOf(l) });
      inputs.set(l.line, i);
      return i;
    } },
  ], lines);
  const values = () => [...inputs.entries()].map(([line, i]) => ({ line, quantity: i.value })).filter((l) => Number(l.quantity) > 0);
  return { node, values };
}

/** Numbers as the API takes them: trimmed decimal strings, or absent. */
export const dec = (v) => (v === '' || v == null ? undefined : String(v).replace(',', '.'));

/** Printable: calls window.print() (the print stylesheet hides everything but the document). */
export const printButton = (key = 'business.print') => el('button', { type: 'button', class: 'secondary', i18n: key, on: { click: () => window.print() } });

/** Master data for the pickers, read once per page visit ([] when the user may not read it). */
export async function lookups(...names) {
  const paths = { suppliers: ['/api/v1/suppliers?size=1000', 'suppliers:view'], customers: ['/api/v1/customers?size=1000', 'customers:view'],
    products: ['/api/v1/products?size=1000', 'products:view'], warehouses: ['/api/v1/warehouses', 'warehouses:view'],
    locations: ['/api/v1/locations', 'locations:view'] };
  const out = {};
  await Promise.all(names.map(async (n) => { out[n] = can(paths[n][1]) ? await api(paths[n][0]).catch(() => []) : []; }));
  return out;
}

/** One "label: value" pair of a document head or totals block (inside a <dl>). */
export const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value == null ? '–' : value));

/** The report page's dates as the business API takes them (ISO dates, not instants). */
export function reportDates() {
  const v = (id) => document.getElementById(id).value || undefined;
  return { from: v('report-from'), to: v('report-to'), asOf: v('report-asof') };
}

/** ISO dates from {@code from} to {@code to} in steps of {@code days}: [{from, to}] (at most {@code max}). */
export function buckets(from, to, days, max = 62) {
  const out = [];
  const end = new Date(to + 'T00:00:00Z');
  for (let d = new Date(from + 'T00:00:00Z'); d <= end && out.length < max; d = new Date(d.getTime() + days * 86400000)) {
    const last = new Date(Math.min(end.getTime(), d.getTime() + (days - 1) * 86400000));
    out.push({ from: d.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) });
  }
  return out;
}

/** An account's name in the page's language (the standard chart is translated; others keep their name). */
export const accountName = (a) => (has('finance.account.' + a.account) ? t('finance.account.' + a.account) : a.name);
