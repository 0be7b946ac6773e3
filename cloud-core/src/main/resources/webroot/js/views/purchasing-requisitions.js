// Requisitions (list, new, cancel, open ones → a purchase order) and the forecast's reorder suggestions
// with their backtest error (MASE, MAPE, RMSE) next to each, each one turned into a requisition.
import { api, can } from '../api.js';
import { action, amount, body, day, dec, el, field, guard, input, label, lookups, options, page, select, status, table, today } from '../business.js';
import { TABS } from './purchasing.js';

export async function showRequisitions() {
  page('purchasing.title', TABS, 'requisitions');
  const [reqs, { products, warehouses, suppliers }] = await Promise.all([api('/api/v1/requisitions'), lookups('products', 'warehouses', 'suppliers')]);
  const chosen = new Set();
  const toOrder = action('purchasing.orderSelected', 'purchase-orders:create', async () => {
    if (chosen.size) { location.hash = '#/purchasing?tab=orders&new&requisitions=' + [...chosen].join(','); }
  }, { id: 'req-to-order' });
  body(newRequisition(products, warehouses, suppliers), el('div', { class: 'toolbar' }, toOrder), table([
    { label: 'purchasing.col.select', value: (r) => (r.status === 'open' ? el('input', { type: 'checkbox', dataset: { req: r.id }, on: { change: (e) => (e.target.checked ? chosen.add(r.id) : chosen.delete(r.id)) } }) : null) },
    { label: 'purchasing.col.id', value: (r) => '#' + r.id },
    { label: 'purchasing.col.sku', value: (r) => r.sku },
    { label: 'purchasing.col.warehouse', value: (r) => r.warehouse },
    { label: 'purchasing.col.quantity', num: true, value: (r) => `${amount(r.quantity)} ${r.unit}` },
    { label: 'purchasing.col.supplier', value: (r) => r.supplier },
    { label: 'purchasing.col.neededBy', value: (r) => day(r.neededBy) },
    { label: 'purchasing.col.source', value: (r) => label('purchasing.source.' + r.source) },
    { label: 'purchasing.col.backtest', value: (r) => backtest(r.detail && r.detail.backtest) },
    { label: 'purchasing.col.status', value: (r) => status('purchasing.reqStatus', r.status) },
    { label: 'purchasing.col.order', value: (r) => (r.purchaseOrder ? el('a', { href: '#/purchasing?tab=orders&id=' + r.purchaseOrder }, '→') : null) },
    { label: 'purchasing.col.actions', value: (r) => (r.status === 'open' ? action('purchasing.cancel', 'requisitions:edit', async () => {
      await api(`/api/v1/requisitions/${r.id}/cancel`, { method: 'POST' });
      await showRequisitions();
    }, { class: 'secondary' }) : null) },
  ], reqs, { id: 'req-table' }));
}

function newRequisition(products, warehouses, suppliers) {
  if (!can('requisitions:create')) { return null; }
  const sku = select(options(products, 'sku'), { id: 'req-sku' });
  const warehouse = select(options(warehouses), { id: 'req-warehouse' });
  const supplier = select([{ value: '', text: '–' }, ...options(suppliers)], { id: 'req-supplier' });
  const quantity = input({ id: 'req-quantity', type: 'number', step: 'any', required: true });
  const neededBy = input({ id: 'req-needed', type: 'date' });
  const note = input({ id: 'req-note' });
  const button = el('button', { type: 'submit', i18n: 'purchasing.addRequisition' });
  const form = el('form', { class: 'biz-form', id: 'req-form' }, el('div', { class: 'fields' },
    field('purchasing.col.sku', sku), field('purchasing.col.warehouse', warehouse), field('purchasing.col.quantity', quantity),
    field('purchasing.col.supplier', supplier), field('purchasing.col.neededBy', neededBy), field('purchasing.note', note), button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(button, async () => {
      await api('/api/v1/requisitions', { method: 'POST', body: { sku: sku.value, warehouse: warehouse.value, quantity: dec(quantity.value),
        supplier: supplier.value || undefined, neededBy: neededBy.value || undefined, note: note.value.trim() || undefined } });
      await showRequisitions();
    });
  });
  return form;
}

/** "MASE 0.67 · MAPE 9.75 % · RMSE 0.90" (the error of the model on the held-out days). */
function backtest(b) {
  if (!b) { return null; }
  const f = (v) => (v == null ? '–' : amount(v));
  return el('span', { class: 'backtest' }, `MASE ${f(b.mase)} · MAPE ${f(b.mape)} % · RMSE ${f(b.rmse)}`);
}

export async function showForecast() {
  page('purchasing.title', TABS, 'forecast');
  const { warehouses } = await lookups('warehouses');
  const warehouse = select(options(warehouses), { id: 'fc-warehouse' });
  const asOf = input({ id: 'fc-asof', type: 'date', value: today() });
  const run = el('button', { type: 'submit', id: 'fc-run', i18n: 'purchasing.forecastRun' });
  const out = el('div', { id: 'fc-out' });
  const form = el('form', { class: 'biz-form', id: 'fc-form' }, el('div', { class: 'fields' },
    field('purchasing.col.warehouse', warehouse), field('purchasing.asOf', asOf), run));
  const load = async () => {
    const rows = await api(`/api/v1/forecast/suggestions?warehouse=${encodeURIComponent(warehouse.value)}&asOf=${asOf.value}`);
    out.replaceChildren(table([
      { label: 'purchasing.col.sku', value: (s) => s.sku },
      { label: 'purchasing.col.method', value: (s) => label('purchasing.method.' + s.method) },
      { label: 'purchasing.col.backtest', value: (s) => backtest(s.backtest) },
      { label: 'purchasing.col.leadTime', num: true, value: (s) => s.leadTimeDays },
      { label: 'purchasing.col.reorderPoint', num: true, value: (s) => amount(s.reorderPoint) },
      { label: 'purchasing.col.position', num: true, value: (s) => amount(s.position) },
      { label: 'purchasing.col.suggested', num: true, value: (s) => amount(s.suggestedQuantity) },
      { label: 'purchasing.col.actions', value: (s) => (Number(s.suggestedQuantity) > 0 ? action('purchasing.toRequisition', 'requisitions:create', async () => {
        await api('/api/v1/forecast/requisitions', { method: 'POST', body: { warehouse: warehouse.value, asOf: asOf.value, sku: s.sku } });
        location.hash = '#/purchasing?tab=requisitions';
      }, { dataset: { sku: s.sku } }) : null) },
    ], rows, { id: 'fc-table', empty: 'purchasing.noSuggestions' }));
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); guard(run, load); });
  body(form, out);
  if (warehouses.length) { await guard(run, load); }
}
