// One sales order: lines with reserved / shipped / returned / invoiced, the buttons its status and the
// user's permissions allow (modify, confirm, cancel, pick, invoice), the pick list, shipping by hand
// (partial quantities), its shipments, and returns (optionally to quarantine for inspection).
import { api, can } from '../api.js';
import { action, fact, amount, body, day, el, field, guard, input, label, money, page, quantityInputs, showError, status, table } from '../business.js';
import { dateTime } from '../format.js';
import { TABS } from './sales.js';

const SHIPPABLE = ['confirmed', 'picking', 'partially-shipped'];

export async function showSalesOrder(id) {
  page('sales.order', TABS, 'orders');
  const so = await api('/api/v1/sales-orders/' + id);
  const [picks, shipments] = await Promise.all([
    SHIPPABLE.includes(so.status) ? api(`/api/v1/sales-orders/${id}/pick-list`).catch(() => null) : null,
    can('shipments:view') ? api(`/api/v1/sales-orders/${id}/shipments`) : [],
  ]);
  render(so, picks, shipments);
}

function render(so, picks, shipments) {
  const reload = () => showSalesOrder(so.id).catch(showError);
  const post = (path, payload) => async () => { await api(`/api/v1/sales-orders/${so.id}/${path}`, { method: 'POST', body: payload }); await reload(); };
  const shippedAny = so.lines.some((l) => Number(l.shipped) > Number(l.invoiced));
  const buttons = [
    so.status === 'draft' && action('sales.modify', 'sales-orders:edit', () => { location.hash = '#/sales?tab=orders&edit=' + so.id; }, { id: 'so-modify', class: 'secondary' }),
    so.status === 'draft' && action('sales.confirm', 'sales-orders:edit', post('confirm'), { id: 'so-confirm' }),
    ['draft', 'confirmed', 'picking'].includes(so.status) && action('sales.cancel', 'sales-orders:edit', post('cancel'), { id: 'so-cancel', class: 'secondary' }),
    shippedAny && action('sales.createInvoice', 'invoices:create', async () => {
      const inv = await api('/api/v1/invoices', { method: 'POST', body: { salesOrder: so.id } });
      location.hash = '#/sales?tab=invoices&invoice=' + inv.id;
    }, { id: 'so-invoice' }),
  ];
  const head = el('div', { class: 'doc-head', id: 'so-head', dataset: { status: so.status, number: so.number } },
    el('h2', {}, so.number, ' ', status('sales.status', so.status)),
    el('dl', { class: 'facts' },
      fact('sales.col.customer', so.customer), fact('sales.col.warehouse', `${so.warehouse} · ${so.location}`),
      fact('sales.col.orderDate', day(so.orderDate)), fact('sales.col.net', money(so.netTotal, so.currency)),
      fact('sales.col.vat', money(so.vatTotal, so.currency)), fact('sales.col.gross', money(so.grossTotal, so.currency)),
      so.confirmedBy ? fact('sales.confirmedBy', `${so.confirmedBy} · ${dateTime(so.confirmedAt)}`) : null),
    el('div', { class: 'actions', id: 'so-actions' }, buttons));
  const lines = table([
    { label: 'sales.col.line', value: (l) => l.line },
    { label: 'sales.col.sku', value: (l) => l.sku },
    { label: 'sales.col.quantity', num: true, value: (l) => `${amount(l.quantity)} ${l.unit}` },
    { label: 'sales.col.unitPrice', num: true, value: (l) => money(l.unitPrice, so.currency) },
    { label: 'sales.col.discountPct', num: true, value: (l) => amount(l.discountPct) },
    { label: 'sales.col.net', num: true, value: (l) => money(l.net, so.currency) },
    { label: 'sales.col.reserved', num: true, value: (l) => amount(l.reserved) },
    { label: 'sales.col.shipped', num: true, value: (l) => amount(l.shipped) },
    { label: 'sales.col.returned', num: true, value: (l) => amount(l.returned) },
    { label: 'sales.col.invoiced', num: true, value: (l) => amount(l.invoiced) },
  ], so.lines, { id: 'so-lines' });
  body(head, lines, pickList(so, picks, post), shipForm(so, reload), shipmentList(shipments), returnForm(so, reload));
}


function pickList(so, picks, post) {
  if (!picks) { return null; }
  const to = input({ id: 'pick-to', placeholder: 'DOCK-1' });
  const pick = action('sales.pick', 'sales-orders:edit', async () => { await post('pick', { toLocation: to.value.trim() || undefined })(); }, { id: 'so-pick' });
  return el('section', { id: 'so-picklist' }, el('h3', { i18n: 'sales.pickList' }), table([
    { label: 'sales.col.line', value: (p) => p.line },
    { label: 'sales.col.sku', value: (p) => p.sku },
    { label: 'sales.col.location', value: (p) => p.location },
    { label: 'sales.col.lot', value: (p) => p.lot },
    { label: 'sales.col.quantity', num: true, value: (p) => `${amount(p.quantity)} ${p.unit}` },
  ], picks.picks), pick ? el('div', { class: 'fields' }, field('sales.pickTo', to), pick) : null);
}

function shipForm(so, reload) {
  const open = so.lines.filter((l) => Number(l.reserved) > 0);
  if (!SHIPPABLE.includes(so.status) || !open.length || !can('shipments:create')) { return null; }
  const qty = quantityInputs(open, (l) => l.reserved);
  const button = el('button', { type: 'submit', id: 'ship-submit', i18n: 'sales.ship' });
  const form = el('form', { class: 'biz-form', id: 'ship-form' }, el('h3', { i18n: 'sales.shipByHand' }), qty.node, el('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(button, async () => {
      await api(`/api/v1/sales-orders/${so.id}/shipments`, { method: 'POST', body: { lines: qty.values() } });
      await reload();
    });
  });
  return form;
}

function shipmentList(shipments) {
  if (!can('shipments:view')) { return null; }
  const rows = shipments.flatMap((s) => s.lines.map((l) => ({ ...l, shipment: s })));
  return el('section', { id: 'so-shipments' }, el('h3', { i18n: 'sales.shipments' }), table([
    { label: 'sales.col.date', value: (r) => day(r.shipment.date) },
    { label: 'sales.col.source', value: (r) => label('sales.source.' + r.shipment.source) },
    { label: 'sales.col.device', value: (r) => r.shipment.deviceId },
    { label: 'sales.col.line', value: (r) => r.line },
    { label: 'sales.col.sku', value: (r) => r.sku },
    { label: 'sales.col.quantity', num: true, value: (r) => `${amount(r.quantity)} ${r.unit}` },
    { label: 'sales.col.by', value: (r) => r.shipment.by },
  ], rows, { empty: 'sales.noShipments' }));
}

function returnForm(so, reload) {
  const returnable = so.lines.filter((l) => Number(l.shipped) - Number(l.returned) > 0);
  if (!returnable.length || !can('sales-returns:create')) { return null; }
  const qty = quantityInputs(returnable, () => '');
  const reason = input({ id: 'so-return-reason', required: true });
  const inspection = input({ id: 'so-return-inspection', type: 'checkbox' });
  const button = el('button', { type: 'submit', id: 'so-return-submit', class: 'secondary', i18n: 'sales.takeBack' });
  const form = el('form', { class: 'biz-form', id: 'so-return-form' }, el('h3', { i18n: 'sales.returns' }), qty.node,
    el('div', { class: 'fields' }, field('sales.reason', reason), field('sales.inspection', inspection)), el('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(button, async () => {
      await api(`/api/v1/sales-orders/${so.id}/returns`, { method: 'POST', body: { lines: qty.values(), reason: reason.value.trim(), inspection: inspection.checked } });
      await reload();
    });
  });
  return form;
}
