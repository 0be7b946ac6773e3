// Transfers between warehouses: the list by status, a multi-line draft form, and a transfer's lines with
// Ship and Receive (everything in transit, or per line what arrived). Stock in transit shows per line.
import { api, can } from '../api.js';
import { clearProblem, coded, el, field, message, showProblem, table, values } from '../dom.js';
import { dateTime, qty } from '../format.js';
import { t } from '../i18n.js';
import { locationOptions, productList, setOptions, warehouseOptions } from './pickers.js';

const root = () => document.getElementById('view-transfers');
let current = null;

export async function show() {
  await build(); // on every visit: the controls follow the permissions of whoever is signed in now
  await loadList();
}

async function build() {
  const warehouses = await warehouseOptions();
  const form = el('form', { id: 'tr-form', class: 'panel form', novalidate: true, on: { submit: create } },
    el('h2', { i18n: 'tr.new' }),
    el('div', { class: 'fields' },
      field({ form: 'tr', name: 'fromWarehouse', label: 'tr.fromWarehouse', options: warehouses }),
      field({ form: 'tr', name: 'fromLocation', label: 'tr.fromLocation', options: [] }),
      field({ form: 'tr', name: 'toWarehouse', label: 'tr.toWarehouse', options: warehouses }),
      field({ form: 'tr', name: 'toLocation', label: 'tr.toLocation', options: [] }),
      field({ form: 'tr', name: 'note', label: 'tr.note' })),
    el('table', { class: 'data lines', id: 'tr-lines' },
      el('thead', {}, el('tr', {}, el('th', { i18n: 'col.sku' }), el('th', { i18n: 'col.quantity', class: 'num' }),
        el('th', { i18n: 'col.lot' }), el('th', {}))),
      el('tbody')),
    el('datalist', { id: 'tr-products' }),
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'secondary', id: 'tr-add-line', i18n: 'tr.addLine', on: { click: () => addLine() } }),
      el('button', { type: 'submit', id: 'tr-create', i18n: 'tr.createDraft' })));
  root().replaceChildren(
    el('div', { class: 'page-head' }, el('h1', { i18n: 'tr.title' }),
      el('select', { id: 'tr-status', on: { change: loadList } },
        ['', 'draft', 'shipped', 'partially-received', 'received'].map((s) => el('option', { value: s, i18n: s ? 'tr.status.' + s : 'tr.allStatuses' })))),
    el('div', { id: 'tr-list' }),
    el('section', { id: 'tr-detail', class: 'panel', hidden: true }),
    can('transfers:create') ? form : null);
  if (!can('transfers:create')) { return; }
  for (const side of ['from', 'to']) {
    form.elements[side + 'Warehouse'].addEventListener('change', () => fillLocations(form, side));
    await fillLocations(form, side);
  }
  document.getElementById('tr-products').replaceChildren(...(await productList()).map((p) => el('option', { value: p.sku, text: p.name })));
  addLine();
  addLine();
}

async function fillLocations(form, side) {
  setOptions(form.elements[side + 'Location'], await locationOptions(form.elements[side + 'Warehouse'].value));
}

function addLine() {
  const n = document.querySelectorAll('#tr-lines tbody tr').length + 1;
  const tr = el('tr', { dataset: { line: n } },
    el('td', {}, el('input', { name: `sku-${n}`, class: 'sku', list: 'tr-products', autocomplete: 'off' })),
    el('td', {}, el('input', { name: `quantity-${n}`, class: 'quantity', type: 'number', step: 'any', min: 0 })),
    el('td', {}, el('input', { name: `lot-${n}`, class: 'lot' })),
    el('td', {}, el('button', { type: 'button', class: 'link', i18n: 'tr.removeLine', on: { click: () => tr.remove() } })));
  document.querySelector('#tr-lines tbody').append(tr);
}

async function create(event) {
  event.preventDefault();
  const form = event.target;
  clearProblem(form);
  const v = values(form);
  const lines = [...form.querySelectorAll('#tr-lines tbody tr')].map((tr) => ({
    sku: tr.querySelector('.sku').value.trim(), quantity: Number(tr.querySelector('.quantity').value),
    lot: tr.querySelector('.lot').value.trim() || undefined,
  })).filter((l) => l.sku);
  try {
    const created = await api('/api/v1/transfers', { method: 'POST', body: {
      fromWarehouse: v.fromWarehouse, fromLocation: v.fromLocation, toWarehouse: v.toWarehouse, toLocation: v.toLocation,
      note: v.note, ship: false, lines } });
    form.querySelector('#tr-lines tbody').replaceChildren();
    addLine();
    addLine();
    await loadList();
    await open(created.id);
  } catch (e) {
    showProblem(form, e);
  }
}

async function loadList() {
  const status = document.getElementById('tr-status').value;
  const rows = await api('/api/v1/transfers?limit=50' + (status ? '&status=' + status : ''));
  document.getElementById('tr-list').replaceChildren(rows.length ? table([
    { key: 'id', label: 'tr.number', num: true }, { key: 'status', label: 'tr.statusCol', format: (s) => coded('tr.status', s) },
    { key: 'fromWarehouse', label: 'tr.from', format: (w, r) => `${w} · ${r.fromLocation || ''}` },
    { key: 'toWarehouse', label: 'tr.to', format: (w, r) => `${w} · ${r.toLocation}` },
    { key: 'lines', label: 'tr.lines', num: true, format: (l) => String(l.length) },
    { key: 'createdAt', label: 'tr.created', format: (v, r) => `${dateTime(v)} · ${r.createdBy}` }], rows,
  { id: 'tr-table', rowKey: (r) => String(r.id), onRow: (tr, r) => tr.addEventListener('click', () => open(r.id)) })
    : el('p', { class: 'empty', i18n: 'tr.none' }));
  root().dataset.loaded = String(Date.now());
}

async function open(id) {
  current = await api(`/api/v1/transfers/${id}`);
  renderDetail();
}

function renderDetail() {
  const x = current;
  const box = document.getElementById('tr-detail');
  const receiving = can('transfers:edit') && (x.status === 'shipped' || x.status === 'partially-received');
  const columns = [{ key: 'line', label: 'tr.line', num: true }, { key: 'sku', label: 'col.sku' }, { key: 'lot', label: 'col.lot' },
    { key: 'fromLocation', label: 'tr.fromLocation' }, { key: 'quantity', label: 'col.quantity', num: true, format: qty },
    { key: 'received', label: 'tr.received', num: true, format: qty }, { key: 'inTransit', label: 'tr.inTransit', num: true, format: qty },
    { key: 'unit', label: 'col.unit' }];
  const lines = table(columns, x.lines, { id: 'tr-detail-lines', rowKey: (l) => String(l.line), onRow: (tr, l) => {
    if (receiving) {
      tr.append(el('td', {}, el('input', { type: 'number', class: 'receive-qty', step: 'any', min: 0, max: l.inTransit,
        value: Number(l.inTransit) > 0 ? l.inTransit : 0, disabled: Number(l.inTransit) <= 0 })));
    }
  } });
  if (receiving) { lines.querySelector('thead tr').append(el('th', { i18n: 'tr.receiveNow' })); }
  box.dataset.id = x.id;
  box.dataset.status = x.status;
  box.replaceChildren(
    el('h2', {}, el('span', { i18n: 'tr.transfer' }), el('span', { text: ` #${x.id} ` }), coded('tr.status', x.status)),
    el('p', { class: 'hint', text: `${x.fromWarehouse} → ${x.toWarehouse} · ${x.toLocation}${x.note ? ' · ' + x.note : ''}` }),
    lines,
    el('p', { class: 'form-error', id: 'tr-error', role: 'alert' }),
    el('div', { class: 'buttons' },
      can('transfers:edit') && x.status === 'draft' ? el('button', { type: 'button', id: 'tr-ship', i18n: 'tr.ship', on: { click: () => act('ship') } }) : null,
      receiving ? el('button', { type: 'button', id: 'tr-receive', i18n: 'tr.receive', on: { click: () => act('receive') } }) : null));
  box.hidden = false;
}

async function act(what) {
  const error = document.getElementById('tr-error');
  error.textContent = '';
  let body;
  if (what === 'receive') {
    body = { lines: [...document.querySelectorAll('#tr-detail-lines tbody tr')].map((tr) => ({
      line: Number(tr.dataset.key), quantity: Number(tr.querySelector('.receive-qty').value || 0) })).filter((l) => l.quantity > 0) };
    if (!body.lines.length) { error.textContent = t('tr.nothingToReceive'); return; }
  }
  try {
    current = await api(`/api/v1/transfers/${current.id}/${what}`, { method: 'POST', body });
    renderDetail();
    await loadList();
  } catch (e) {
    error.textContent = message(e);
  }
}

document.addEventListener('languagechange', () => { if (current && !root().hidden) { renderDetail(); } });
