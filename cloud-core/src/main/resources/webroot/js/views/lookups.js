// Read-mostly inventory pages: stock alerts by kind, the lots of a product (and registering one), and an
// EPC's item with its history.
import { api, can } from '../api.js';
import { clearProblem, coded, el, field, message, showProblem, table, values } from '../dom.js';
import { dateTime, qty } from '../format.js';

const KINDS = ['low-stock', 'overstock', 'expiring-lot', 'expired-lot', 'variance', 'shrinkage', 'negative-stock'];
const view = (name) => document.getElementById('view-' + name);
/** Builds a page on every visit, so its controls follow the permissions of whoever is signed in now. */
function fresh(build) {
  build();
}

function detailText(d) {
  if (!d || typeof d !== 'object') { return null; }
  return Object.entries(d).filter(([, v]) => v != null && typeof v !== 'object').map(([k, v]) => `${k}=${v}`).join(', ');
}

export const alerts = {
  show: async () => {
    fresh(() => view('alerts').replaceChildren(
      el('div', { class: 'page-head' }, el('h1', { i18n: 'al.title' })),
      el('form', { class: 'toolbar', id: 'al-filter', on: { change: loadAlerts, submit: (e) => { e.preventDefault(); loadAlerts(); } } },
        el('select', { name: 'kind' }, el('option', { value: '', i18n: 'al.allKinds' }), KINDS.map((k) => el('option', { value: k, i18n: 'alerts.kind.' + k }))),
        el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'open', checked: true }), el('span', { i18n: 'al.openOnly' })),
        can('alerts:edit') ? el('button', { type: 'button', class: 'secondary', id: 'al-evaluate', i18n: 'al.evaluate', on: { click: evaluate } }) : null),
      el('div', { id: 'al-list' })));
    await loadAlerts();
  },
};

async function loadAlerts() {
  const f = document.getElementById('al-filter');
  const q = new URLSearchParams();
  if (f.elements.kind.value) { q.set('kind', f.elements.kind.value); }
  if (f.elements.open.checked) { q.set('open', 'true'); }
  const rows = await api('/api/v1/inventory/alerts?' + q);
  document.getElementById('al-list').replaceChildren(rows.length ? table([
    { key: 'kind', label: 'al.kind', format: (k) => coded('alerts.kind', k) }, { key: 'sku', label: 'col.sku' },
    { key: 'warehouse', label: 'col.warehouse' }, { key: 'location', label: 'col.location' }, { key: 'lot', label: 'col.lot' },
    { key: 'detail', label: 'al.detail', format: detailText }, { key: 'createdAt', label: 'al.raised', format: dateTime },
    { key: 'resolvedAt', label: 'al.resolved', format: (v) => (v ? dateTime(v) : null) }], rows,
  { id: 'al-table', rowKey: (a) => String(a.id), onRow: (tr, a) => { tr.dataset.kind = a.kind; } })
    : el('p', { class: 'empty', i18n: 'alerts.none' }));
  view('alerts').dataset.loaded = String(Date.now());
}

async function evaluate() {
  await api('/api/v1/inventory/alerts/evaluate', { method: 'POST' });
  await loadAlerts();
}

export const lots = {
  show: async (params) => {
    fresh(() => view('lots').replaceChildren(
      el('div', { class: 'page-head' }, el('h1', { i18n: 'lots.title' })),
      el('form', { class: 'toolbar', id: 'lots-find', on: { submit: (e) => { e.preventDefault(); loadLots(e.target.sku.value.trim()); } } },
        el('input', { name: 'sku', type: 'search', i18nAttr: 'placeholder:lots.skuHint' }),
        el('button', { type: 'submit', i18n: 'lots.show' })),
      el('div', { id: 'lots-list' }),
      can('lots:create') ? el('form', { id: 'lots-form', class: 'panel form', novalidate: true, on: { submit: createLot } },
        el('h2', { i18n: 'lots.new' }),
        el('div', { class: 'fields' }, field({ form: 'lots', name: 'lot', label: 'col.lot', required: true }),
          field({ form: 'lots', name: 'expiry', label: 'lots.expiry', type: 'date' }),
          field({ form: 'lots', name: 'productionDate', label: 'lots.productionDate', type: 'date' }),
          field({ form: 'lots', name: 'note', label: 'tr.note' })),
        el('p', { class: 'form-error', role: 'alert' }),
        el('div', { class: 'buttons' }, el('button', { type: 'submit', i18n: 'lots.register' }))) : null));
    const sku = params.get('sku');
    if (sku) { document.getElementById('lots-find').sku.value = sku; }
    await loadLots(document.getElementById('lots-find').sku.value.trim());
  },
};

async function loadLots(sku) {
  const list = document.getElementById('lots-list');
  const form = document.getElementById('lots-form');
  if (form) { form.hidden = !sku; form.dataset.sku = sku; }
  try {
    const rows = await api(sku ? `/api/v1/products/${encodeURIComponent(sku)}/lots` : '/api/v1/lots');
    list.replaceChildren(rows.length ? table([{ key: 'sku', label: 'col.sku' }, { key: 'lot', label: 'col.lot' },
      { key: 'expiry', label: 'lots.expiry' }, { key: 'productionDate', label: 'lots.productionDate' },
      { key: 'onHand', label: 'lots.onHand', num: true, format: (v) => (v == null ? null : qty(v)) }, { key: 'unit', label: 'col.unit' },
      { key: 'note', label: 'tr.note' }], rows, { id: 'lots-table', rowKey: (l) => `${l.sku}|${l.lot}` })
      : el('p', { class: 'empty', i18n: 'lots.none' }));
  } catch (e) {
    list.replaceChildren(el('p', { class: 'error', text: message(e) }));
  }
  view('lots').dataset.loaded = String(Date.now());
}

async function createLot(event) {
  event.preventDefault();
  const form = event.target;
  clearProblem(form);
  try {
    await api(`/api/v1/products/${encodeURIComponent(form.dataset.sku)}/lots`, { method: 'POST', body: values(form) });
    form.reset();
    await loadLots(form.dataset.sku);
  } catch (e) {
    showProblem(form, e);
  }
}

export const items = {
  show: async (params) => {
    fresh(() => view('items').replaceChildren(
      el('div', { class: 'page-head' }, el('h1', { i18n: 'items.title' })),
      el('form', { class: 'toolbar', id: 'items-find', on: { submit: (e) => { e.preventDefault(); lookUp(e.target.epc.value.trim()); } } },
        el('input', { name: 'epc', type: 'search', class: 'epc', i18nAttr: 'placeholder:items.epcHint' }),
        el('button', { type: 'submit', i18n: 'items.lookUp' })),
      el('div', { id: 'items-result' })));
    if (params.get('epc')) { document.getElementById('items-find').epc.value = params.get('epc'); await lookUp(params.get('epc')); }
  },
};

async function lookUp(epc) {
  const out = document.getElementById('items-result');
  if (!epc) { return; }
  try {
    const enc = encodeURIComponent(epc);
    const [item, history] = await Promise.all([api(`/api/v1/items/${enc}`), api(`/api/v1/items/${enc}/history`)]);
    out.replaceChildren(
      el('dl', { class: 'panel item', id: 'items-card', dataset: { epc: item.epc, status: item.status } },
        ...[['col.sku', item.sku], ['col.lot', item.lot], ['col.warehouse', item.warehouse], ['col.location', item.location]]
          .flatMap(([k, v]) => [el('dt', { i18n: k }), el('dd', { text: v || '–' })]),
        el('dt', { i18n: 'items.status' }), el('dd', { class: 'item-status' }, coded('items.status', item.status)),
        el('dt', { i18n: 'items.lastSeen' }), el('dd', { text: dateTime(item.lastSeen) })),
      el('h2', { i18n: 'items.history' }),
      table([{ key: 'recordedAt', label: 'items.when', format: dateTime }, { key: 'source', label: 'items.source', format: (s) => coded('items.source', s) },
        { key: 'kind', label: 'col.movementType', format: (k) => coded('movement', k) },
        { key: 'warehouse', label: 'col.warehouse' }, { key: 'location', label: 'col.location' },
        { key: 'quantity', label: 'col.quantity', num: true, format: (v) => (v == null ? null : qty(v)) },
        { key: 'causeType', label: 'items.cause', format: (c, r) => [c, r.causeRef, r.reason].filter(Boolean).join(' · ') },
        { key: 'user', label: 'items.by', format: (u, r) => u || r.deviceId }], history, { id: 'items-history' }));
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error', id: 'items-error', text: e.status === 404 ? `${epc}: ${message(e)}` : message(e) }));
  }
}
