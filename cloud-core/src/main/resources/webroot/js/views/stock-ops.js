// Manual stock corrections: an adjustment (signed quantity) or scrap, with a reason. After posting, the
// page shows the key's stock as it is now; a refusal (e.g. not enough stock) shows the API's reason.
import { api, can } from '../api.js';
import { clearProblem, el, field, showProblem, table, values } from '../dom.js';
import { qty } from '../format.js';
import { t } from '../i18n.js';
import { locationOptions, productList, setOptions, warehouseOptions } from './pickers.js';

const root = () => document.getElementById('view-stock-ops');

export async function show() {
  await build(); // on every visit: the controls follow the permissions of whoever is signed in now
}

async function build() {
  const kinds = [['adjustment', 'ops.adjustment'], ['scrap', 'ops.scrap']]
    .filter(([k]) => can(k === 'adjustment' ? 'adjustments:create' : 'scrap:create'));
  const form = el('form', { id: 'ops-form', class: 'panel form', novalidate: true, on: { submit: submit } },
    el('div', { class: 'fields' },
      field({ form: 'ops', name: 'kind', label: 'ops.kind', options: kinds }),
      field({ form: 'ops', name: 'sku', label: 'col.sku', list: 'ops-products', required: true }),
      field({ form: 'ops', name: 'warehouse', label: 'col.warehouse', options: await warehouseOptions() }),
      field({ form: 'ops', name: 'location', label: 'col.location', options: [] }),
      field({ form: 'ops', name: 'lot', label: 'col.lot' }),
      field({ form: 'ops', name: 'quantity', label: 'col.quantity', type: 'number', step: 'any', required: true }),
      field({ form: 'ops', name: 'reason', label: 'ops.reason', required: true })),
    el('p', { class: 'hint', i18n: 'ops.hint' }),
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'buttons' }, el('button', { type: 'submit', id: 'ops-post', i18n: 'ops.post' })),
    el('datalist', { id: 'ops-products' }));
  root().replaceChildren(el('div', { class: 'page-head' }, el('h1', { i18n: 'ops.title' })),
    kinds.length ? form : el('p', { class: 'empty', i18n: 'app.forbidden' }),
    el('p', { id: 'ops-status', class: 'msg' }), el('div', { id: 'ops-stock' }));
  const locations = async () => setOptions(form.elements.location, await locationOptions(form.elements.warehouse.value));
  form.elements.warehouse.addEventListener('change', locations);
  await locations();
  document.getElementById('ops-products').replaceChildren(...(await productList()).map((p) => el('option', { value: p.sku, text: p.name })));
}

async function submit(event) {
  event.preventDefault();
  const form = event.target;
  clearProblem(form);
  const v = values(form);
  const status = document.getElementById('ops-status');
  status.textContent = '';
  try {
    if (!v.reason) { throw Object.assign(new Error(t('ops.reasonRequired')), { problem: { errors: [{ field: 'reason', message: t('ops.reasonRequired') }] } }); }
    const body = { sku: v.sku, warehouse: v.warehouse, location: v.location, lot: v.lot, quantity: Number(v.quantity), reason: v.reason };
    await api(v.kind === 'scrap' ? '/api/v1/scrap' : '/api/v1/adjustments', { method: 'POST', body });
    status.dataset.state = 'posted';
    status.textContent = t('ops.posted', { sku: v.sku, quantity: v.quantity, location: v.location });
    const levels = await api(`/api/v1/stock?sku=${encodeURIComponent(v.sku)}&warehouse=${encodeURIComponent(v.warehouse)}`);
    document.getElementById('ops-stock').replaceChildren(el('h2', { i18n: 'ops.stockNow' }), table([
      { key: 'location', label: 'col.location' }, { key: 'lot', label: 'col.lot' },
      { key: 'quantity', label: 'col.quantity', num: true, format: qty }, { key: 'unit', label: 'col.unit' }], levels,
    { id: 'ops-levels', rowKey: (l) => `${l.location}|${l.lot || ''}` }));
  } catch (e) {
    status.dataset.state = 'error';
    showProblem(form, e);
  }
}
