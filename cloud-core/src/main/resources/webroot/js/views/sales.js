// Sales: orders (list, new, modify a draft) and the order and invoice tabs
// (#/sales?tab=orders|invoices; an order ?id=, a draft being modified ?edit=, an invoice ?invoice=).
import { api, can } from '../api.js';
import { action, body, day, dec, el, field, guard, input, lineEditor, lookups, money, options, page, select, showError, status, table } from '../business.js';
import { showSalesOrder } from './sales-order.js';
import { showInvoice, showInvoices } from './sales-invoices.js';

export const TABS = [
  { key: 'orders', href: '#/sales?tab=orders', label: 'sales.tab.orders', permission: 'sales-orders:view' },
  { key: 'invoices', href: '#/sales?tab=invoices', label: 'sales.tab.invoices', permission: 'invoices:view' },
];

export async function show(params) {
  try {
    if (params.get('tab') === 'invoices') {
      return await (params.get('invoice') ? showInvoice(params.get('invoice')) : showInvoices());
    }
    if (params.get('id')) { return await showSalesOrder(params.get('id')); }
    if (params.get('new') != null || params.get('edit')) { return await orderForm(params.get('edit')); }
    return await listOrders();
  } catch (e) {
    showError(e);
  }
}

async function listOrders() {
  page('sales.title', TABS, 'orders');
  const orders = await api('/api/v1/sales-orders');
  body(el('div', { class: 'toolbar' }, action('sales.newOrder', 'sales-orders:create', () => { location.hash = '#/sales?tab=orders&new'; }, { id: 'so-new' })),
    table([
      { label: 'sales.col.number', value: (o) => o.number },
      { label: 'sales.col.customer', value: (o) => o.customer },
      { label: 'sales.col.warehouse', value: (o) => o.warehouse },
      { label: 'sales.col.status', value: (o) => status('sales.status', o.status) },
      { label: 'sales.col.orderDate', value: (o) => day(o.orderDate) },
      { label: 'sales.col.net', num: true, value: (o) => money(o.netTotal, o.currency) },
      { label: 'sales.col.gross', num: true, value: (o) => money(o.grossTotal, o.currency) },
    ], orders, { id: 'so-table', onRow: (o) => { location.hash = '#/sales?tab=orders&id=' + o.id; } }));
}

/** New order, or the draft {@code editId} modified (PUT). */
async function orderForm(editId) {
  const [{ customers, products, warehouses }, draft] = await Promise.all([lookups('customers', 'products', 'warehouses'),
    editId ? api('/api/v1/sales-orders/' + editId) : null]);
  const customer = select(options(customers), { id: 'so-customer' });
  const warehouse = select(options(warehouses), { id: 'so-warehouse' });
  const loc = input({ id: 'so-location', required: true, placeholder: 'SHELF-A1' });
  const currency = input({ id: 'so-currency', value: 'EUR', size: 4 });
  const note = input({ id: 'so-note' });
  if (draft) {
    customer.value = draft.customer;
    warehouse.value = draft.warehouse;
    loc.value = draft.location;
    currency.value = draft.currency;
    note.value = draft.note || '';
  }
  const lines = lineEditor([
    { key: 'sku', label: 'sales.col.sku', options: () => options(products, 'sku') },
    { key: 'quantity', label: 'sales.col.quantity', type: 'number' },
    { key: 'unitPrice', label: 'sales.col.unitPrice', type: 'number', placeholder: '—' },
    { key: 'discountPct', label: 'sales.col.discountPct', type: 'number' },
    { key: 'vatRate', label: 'sales.col.vatRate', type: 'number', placeholder: '0.20' },
  ], draft ? draft.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, vatRate: l.vatRate })) : [{}]);
  const save = el('button', { type: 'submit', id: 'so-save', i18n: draft ? 'sales.saveOrder' : 'sales.createOrder' });
  const form = el('form', { class: 'biz-form', id: 'so-form' },
    el('div', { class: 'fields' }, field('sales.col.customer', customer), field('sales.col.warehouse', warehouse),
      field('sales.col.location', loc), field('sales.col.currency', currency), field('sales.note', note)),
    lines.node, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(save, async () => {
      const request = { customer: customer.value, warehouse: warehouse.value, location: loc.value.trim(), currency: currency.value.trim(),
        note: note.value.trim() || undefined,
        lines: lines.rows().map((l) => ({ sku: l.sku, quantity: dec(l.quantity), unitPrice: dec(l.unitPrice), discountPct: dec(l.discountPct), vatRate: dec(l.vatRate) })) };
      const so = await api('/api/v1/sales-orders' + (draft ? '/' + draft.id : ''), { method: draft ? 'PUT' : 'POST', body: request });
      location.hash = '#/sales?tab=orders&id=' + so.id;
    });
  });
  page(draft ? 'sales.modifyOrder' : 'sales.newOrder', TABS, 'orders', form);
  if (!can(draft ? 'sales-orders:edit' : 'sales-orders:create')) { save.disabled = true; }
}
