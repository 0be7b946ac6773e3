// Stocktakes with variance review: start one for a zone (expected quantities frozen at its snapshot),
// enter counts, review expected / counted / variance per line, and post the variances with a reason.
import { api, can } from '../api.js';
import { clearProblem, coded, el, field, message, showProblem, table, values } from '../dom.js';
import { dateTime, qty } from '../format.js';
import { t } from '../i18n.js';
import { setOptions, warehouseOptions, zoneOptions } from './pickers.js';

const root = () => document.getElementById('view-stocktakes');
let current = null;

export async function show() {
  await build(); // on every visit: the controls follow the permissions of whoever is signed in now
  await loadList();
}

async function build() {
  const form = el('form', { id: 'st-form', class: 'panel form', novalidate: true, on: { submit: create } },
    el('h2', { i18n: 'st.new' }),
    el('div', { class: 'fields' },
      field({ form: 'st', name: 'warehouse', label: 'col.warehouse', options: await warehouseOptions() }),
      field({ form: 'st', name: 'zone', label: 'col.zone', options: [] })),
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'buttons' }, el('button', { type: 'submit', id: 'st-create', i18n: 'st.create' })));
  root().replaceChildren(
    el('div', { class: 'page-head' }, el('h1', { i18n: 'st.title' })),
    el('div', { id: 'st-list' }),
    el('section', { id: 'st-detail', class: 'panel', hidden: true }),
    can('stocktakes:create') ? form : null);
  if (can('stocktakes:create')) {
    const zones = async () => setOptions(form.elements.zone, await zoneOptions(form.elements.warehouse.value));
    form.elements.warehouse.addEventListener('change', zones);
    await zones();
  }
}

async function loadList() {
  const rows = await api('/api/v1/reports/stocktakes?limit=50');
  document.getElementById('st-list').replaceChildren(rows.length ? table([
    { key: 'id', label: 'st.number', num: true }, { key: 'warehouse', label: 'col.warehouse' }, { key: 'zone', label: 'col.zone' },
    { key: 'status', label: 'st.status', format: (s) => coded('st.status', s) },
    { key: 'snapshotAt', label: 'st.snapshotAt', format: dateTime }, { key: 'createdBy', label: 'st.createdBy' },
    { key: 'lines', label: 'st.lines', num: true }, { key: 'counted', label: 'st.counted', num: true },
    { key: 'varianceLines', label: 'st.varianceLines', num: true }], rows,
  { id: 'st-table', rowKey: (r) => String(r.id), onRow: (tr, r) => tr.addEventListener('click', () => open(r.id)) })
    : el('p', { class: 'empty', i18n: 'st.none' }));
  root().dataset.loaded = String(Date.now());
}

async function create(event) {
  event.preventDefault();
  const form = event.target;
  clearProblem(form);
  try {
    const v = values(form);
    current = await api('/api/v1/stocktakes', { method: 'POST', body: { warehouse: v.warehouse, zone: v.zone } });
    render();
    await loadList();
  } catch (e) {
    showProblem(form, e);
  }
}

async function open(id) {
  current = await api(`/api/v1/stocktakes/${id}`);
  render();
}

function render() {
  const s = current;
  const box = document.getElementById('st-detail');
  const editable = s.status !== 'posted' && can('stocktakes:edit');
  const varied = s.lines.filter((l) => l.variance != null && Number(l.variance) !== 0).length;
  const lines = table([{ key: 'location', label: 'col.location' }, { key: 'sku', label: 'col.sku' }, { key: 'lot', label: 'col.lot' },
    { key: 'expected', label: 'st.expected', num: true, format: qty },
    { key: 'counted', label: 'st.countedQty', num: true, format: (v) => (editable
      ? el('input', { type: 'number', class: 'count', step: 'any', min: 0, value: v == null ? '' : v }) : (v == null ? null : qty(v))) },
    { key: 'variance', label: 'st.variance', num: true, format: (v) => (v == null ? null : signed(v)) },
    { key: 'unit', label: 'col.unit' }], s.lines, {
    id: 'st-lines', rowKey: (l) => `${l.location}|${l.sku}|${l.lot || ''}`,
    onRow: (tr, l) => { tr.classList.toggle('variance', l.variance != null && Number(l.variance) !== 0); },
  });
  box.dataset.id = s.id;
  box.dataset.status = s.status;
  box.replaceChildren(
    el('h2', {}, el('span', { i18n: 'st.stocktake' }), el('span', { text: ` #${s.id} · ${s.warehouse} · ${s.zone || s.locations.join(', ')} ` }),
      coded('st.status', s.status)),
    el('p', { class: 'hint' }, el('span', { i18n: 'st.snapshotAt' }), el('span', { text: ` ${dateTime(s.snapshotAt)}` }),
      s.postedAt ? el('span', { text: ` · ${t('st.postedBy', { user: s.postedBy, time: dateTime(s.postedAt), reason: s.reason })}`, class: 'posted-by' }) : null),
    s.lines.length ? lines : el('p', { class: 'empty', i18n: 'st.noLines' }),
    el('p', { class: 'summary-line', id: 'st-summary' }, el('span', { i18n: 'st.varianceLines' }), el('b', { text: ` ${varied}` })),
    el('p', { class: 'form-error', id: 'st-error', role: 'alert' }),
    editable ? el('div', { class: 'buttons' },
      el('button', { type: 'button', id: 'st-save', i18n: 'st.saveCounts', on: { click: saveCounts } }),
      can('stocktakes:approve') ? el('input', { id: 'st-reason', i18nAttr: 'placeholder:st.reason' }) : null,
      can('stocktakes:approve') ? el('button', { type: 'button', id: 'st-post', i18n: 'st.post', on: { click: post } }) : null) : null);
  box.hidden = false;
}

function signed(v) { return Number(v) > 0 ? `+${qty(v)}` : qty(v); }

async function saveCounts() {
  const counts = [...document.querySelectorAll('#st-lines tbody tr')].map((tr) => {
    const [location, sku, lot] = tr.dataset.key.split('|');
    const input = tr.querySelector('.count');
    return { sku, location, lot: lot || null, counted: input.value === '' ? null : Number(input.value) };
  }).filter((c) => c.counted != null);
  await run(async () => {
    if (!counts.length) { throw new Error(t('st.enterCounts')); }
    current = await api(`/api/v1/stocktakes/${current.id}/counts`, { method: 'POST', body: counts });
  });
}

async function post() {
  const reason = document.getElementById('st-reason').value.trim();
  await run(async () => {
    if (!reason) { throw new Error(t('st.reasonRequired')); }
    current = await api(`/api/v1/stocktakes/${current.id}/post`, { method: 'POST', body: { reason } });
  });
}

async function run(fn) {
  document.getElementById('st-error').textContent = '';
  try {
    await fn();
    render();
    await loadList();
  } catch (e) {
    document.getElementById('st-error').textContent = message(e);
  }
}

document.addEventListener('languagechange', () => { if (current && !root().hidden) { render(); } });
