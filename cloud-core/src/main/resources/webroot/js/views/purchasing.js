// Purchasing: purchase orders (list, new order with lines), and the order, requisition and forecast
// tabs (#/purchasing?tab=orders|requisitions|forecast, an order: ?tab=orders&id=).
import { api, can } from '../api.js';
import { action, body, dec, el, field, guard, input, lineEditor, lookups, money, options, page, select, showError, status, table, day } from '../business.js';
import { showOrder } from './purchasing-order.js';
import { showForecast, showRequisitions } from './purchasing-requisitions.js';

export const TABS = [
  { key: 'orders', href: '#/purchasing?tab=orders', label: 'purchasing.tab.orders', permission: 'purchase-orders:view' },
  { key: 'requisitions', href: '#/purchasing?tab=requisitions', label: 'purchasing.tab.requisitions', permission: 'requisitions:view' },
  { key: 'forecast', href: '#/purchasing?tab=forecast', label: 'purchasing.tab.forecast', permission: 'forecast:view' },
];

export const STATUSES = ['draft', 'awaiting-approval', 'approved', 'sent', 'partially-received', 'received', 'closed', 'cancelled'];

export async function show(params) {
  const tab = params.get('tab') || 'orders';
  try {
    if (tab === 'requisitions') { return await showRequisitions(); }
    if (tab === 'forecast') { return await showForecast(); }
    if (params.get('id')) { return await showOrder(params.get('id')); }
    if (params.get('new') != null) { return await newOrder(params.get('requisitions')); }
    return await listOrders(params.get('status') || '');
  } catch (e) {
    showError(e);
  }
}

async function listOrders(filter) {
  const statusSelect = select([{ value: '', i18n: 'purchasing.allStatuses' }, ...STATUSES.map((s) => ({ value: s, i18n: 'purchasing.status.' + s }))], { id: 'po-status' });
  statusSelect.value = filter;
  statusSelect.addEventListener('change', () => { location.hash = '#/purchasing?tab=orders&status=' + statusSelect.value; });
  page('purchasing.title', TABS, 'orders');
  const orders = await api('/api/v1/purchase-orders' + (filter ? '?status=' + filter : ''));
  body(el('div', { class: 'toolbar' }, field('purchasing.col.status', statusSelect),
    action('purchasing.newOrder', 'purchase-orders:create', () => { location.hash = '#/purchasing?tab=orders&new'; }, { id: 'po-new' })),
  table([
    { label: 'purchasing.col.number', value: (o) => o.number },
    { label: 'purchasing.col.supplier', value: (o) => o.supplier },
    { label: 'purchasing.col.warehouse', value: (o) => o.warehouse },
    { label: 'purchasing.col.status', value: (o) => status('purchasing.status', o.status) },
    { label: 'purchasing.col.orderDate', value: (o) => day(o.orderDate) },
    { label: 'purchasing.col.expected', value: (o) => day(o.expectedDate) },
    { label: 'purchasing.col.net', num: true, value: (o) => money(o.netTotal, o.currency) },
    { label: 'purchasing.col.approvedBy', value: (o) => o.approvedBy },
  ], orders, { id: 'po-table', onRow: (o) => { location.hash = '#/purchasing?tab=orders&id=' + o.id; } }));
}

/** The new-order form; {@code reqIds} (comma separated) prefill it from open requisitions. */
async function newOrder(reqIds) {
  const { suppliers, products, warehouses } = await lookups('suppliers', 'products', 'warehouses');
  const reqs = reqIds ? await Promise.all(reqIds.split(',').map((id) => api('/api/v1/requisitions/' + id))) : [];
  const price = (sku) => { const p = products.find((x) => x.sku === sku); return p && p.purchasePrice ? p.purchasePrice.amount : ''; };
  const supplier = select(options(suppliers), { id: 'po-supplier' });
  const warehouse = select(options(warehouses), { id: 'po-warehouse' });
  if (reqs.length) {
    if (reqs[0].supplier) { supplier.value = reqs[0].supplier; }
    warehouse.value = reqs[0].warehouse;
  }
  const locationInput = input({ id: 'po-location', placeholder: 'DOCK-1' });
  const currency = input({ id: 'po-currency', value: 'EUR', size: 4 });
  const expected = input({ id: 'po-expected', type: 'date' });
  const tolerance = input({ id: 'po-tolerance', type: 'number', step: 'any', value: '0' });
  const lines = lineEditor([
    { key: 'sku', label: 'purchasing.col.sku', options: () => options(products, 'sku') },
    { key: 'quantity', label: 'purchasing.col.quantity', type: 'number' },
    { key: 'unitPrice', label: 'purchasing.col.unitPrice', type: 'number' },
    { key: 'vatRate', label: 'purchasing.col.vatRate', type: 'number', placeholder: '0.20' },
  ], reqs.length ? reqs.map((r) => ({ sku: r.sku, quantity: r.quantity, unitPrice: price(r.sku) })) : [{}]);
  const save = el('button', { type: 'submit', id: 'po-save', i18n: 'purchasing.createOrder' });
  const form = el('form', { class: 'biz-form', id: 'po-form' },
    el('div', { class: 'fields' }, field('purchasing.col.supplier', supplier), field('purchasing.col.warehouse', warehouse),
      field('purchasing.col.location', locationInput), field('purchasing.col.currency', currency),
      field('purchasing.col.expected', expected), field('purchasing.col.tolerance', tolerance)),
    reqs.length ? el('p', { class: 'hint' }, el('span', { i18n: 'purchasing.fromRequisitions' }), ' ', reqs.map((r) => '#' + r.id).join(', ')) : null,
    lines.node, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(save, async () => {
      const po = await api('/api/v1/purchase-orders', { method: 'POST', body: {
        supplier: supplier.value, warehouse: warehouse.value, location: locationInput.value.trim() || undefined,
        currency: currency.value.trim(), expectedDate: expected.value || undefined, tolerancePct: dec(tolerance.value),
        requisitions: reqs.length ? reqs.map((r) => r.id) : undefined,
        lines: lines.rows().map((l) => ({ sku: l.sku, quantity: dec(l.quantity), unitPrice: dec(l.unitPrice), vatRate: dec(l.vatRate) })),
      } });
      location.hash = '#/purchasing?tab=orders&id=' + po.id;
    });
  });
  page('purchasing.newOrder', TABS, 'orders', form);
  if (!can('purchase-orders:create')) { save.disabled = true; }
}
