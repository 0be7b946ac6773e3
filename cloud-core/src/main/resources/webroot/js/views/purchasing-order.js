// One purchase order: its lines, the workflow buttons the user may press (submit, approve — only with
// purchase-orders:approve —, send, cancel, close), receiving by hand (partial quantities), the
// receipts by hand and from the portals, unexpected-item alerts of its warehouse, and returns.
import { api, can } from '../api.js';
import { action, fact, amount, body, day, el, field, guard, input, label, money, page, quantityInputs, showError, status, table } from '../business.js';
import { dateTime } from '../format.js';
import { TABS } from './purchasing.js';

const OPEN_FOR_RECEIPT = ['sent', 'partially-received'];

export async function showOrder(id) {
  page('purchasing.order', TABS, 'orders');
  const po = await api('/api/v1/purchase-orders/' + id);
  const receipts = can('goods-receipts:view') ? await api(`/api/v1/purchase-orders/${id}/receipts`) : [];
  const alerts = can('alerts:view') ? await api('/api/v1/inventory/alerts?open=true').catch(() => []) : [];
  render(po, receipts, alerts.filter((a) => a.warehouse === po.warehouse && (a.kind === 'unexpected-receipt' || a.kind === 'over-receipt')));
}

function render(po, receipts, alerts) {
  const reload = () => showOrder(po.id).catch(showError);
  const step = (name) => async () => { await api(`/api/v1/purchase-orders/${po.id}/${name}`, { method: 'POST' }); await reload(); };
  const buttons = [
    po.status === 'draft' && action('purchasing.submit', 'purchase-orders:edit', step('submit'), { id: 'po-submit' }),
    po.status === 'awaiting-approval' && action('purchasing.approve', 'purchase-orders:approve', step('approve'), { id: 'po-approve' }),
    po.status === 'approved' && action('purchasing.send', 'purchase-orders:edit', step('send'), { id: 'po-send' }),
    ['draft', 'awaiting-approval', 'approved', 'sent'].includes(po.status) && action('purchasing.cancel', 'purchase-orders:edit', step('cancel'), { id: 'po-cancel', class: 'secondary' }),
    ['sent', 'partially-received', 'received'].includes(po.status) && action('purchasing.close', 'purchase-orders:edit', step('close'), { id: 'po-close', class: 'secondary' }),
  ];
  const head = el('div', { class: 'doc-head', id: 'po-head', dataset: { status: po.status, number: po.number } },
    el('h2', {}, po.number, ' ', status('purchasing.status', po.status)),
    el('dl', { class: 'facts' },
      fact('purchasing.col.supplier', po.supplier), fact('purchasing.col.warehouse', `${po.warehouse} · ${po.location}`),
      fact('purchasing.col.orderDate', day(po.orderDate)), fact('purchasing.col.expected', day(po.expectedDate)),
      fact('purchasing.col.net', money(po.netTotal, po.currency)), fact('purchasing.col.tolerance', amount(po.tolerancePct) + ' %'),
      po.approvalRequired ? fact('purchasing.approval', po.approvedBy ? `${po.approvedBy} · ${dateTime(po.approvedAt)}` : el('span', { i18n: 'purchasing.approvalPending' })) : null,
      po.sentBy ? fact('purchasing.sentBy', `${po.sentBy} · ${dateTime(po.sentAt)}`) : null),
    el('div', { class: 'actions', id: 'po-actions' }, buttons));
  const lines = table([
    { label: 'purchasing.col.line', value: (l) => l.line },
    { label: 'purchasing.col.sku', value: (l) => l.sku },
    { label: 'purchasing.col.quantity', num: true, value: (l) => `${amount(l.quantity)} ${l.unit}` },
    { label: 'purchasing.col.unitPrice', num: true, value: (l) => money(l.unitPrice, po.currency) },
    { label: 'purchasing.col.vatRate', num: true, value: (l) => amount(Number(l.vatRate) * 100) + ' %' },
    { label: 'purchasing.col.received', num: true, value: (l) => amount(l.received) },
    { label: 'purchasing.col.returned', num: true, value: (l) => amount(l.returned) },
    { label: 'purchasing.col.open', num: true, value: (l) => amount(l.open) },
  ], po.lines, { id: 'po-lines' });
  body(head, lines, receiveForm(po, reload), returnForm(po, reload), receiptList(po, receipts), alertList(alerts));
}


function receiveForm(po, reload) {
  if (!OPEN_FOR_RECEIPT.includes(po.status) || !can('goods-receipts:create')) { return null; }
  const qty = quantityInputs(po.lines.filter((l) => Number(l.open) > 0), (l) => l.open);
  const loc = input({ id: 'receive-location', placeholder: po.location });
  const button = el('button', { type: 'submit', id: 'receive-submit', i18n: 'purchasing.receive' });
  const form = el('form', { class: 'biz-form', id: 'receive-form' }, el('h3', { i18n: 'purchasing.receiveByHand' }), qty.node,
    el('div', { class: 'fields' }, field('purchasing.col.location', loc)), el('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(button, async () => {
      await api(`/api/v1/purchase-orders/${po.id}/receipts`, { method: 'POST', body: { lines: qty.values(), location: loc.value.trim() || undefined } });
      await reload();
    });
  });
  return form;
}

function returnForm(po, reload) {
  const returnable = po.lines.filter((l) => Number(l.received) - Number(l.returned) > 0);
  if (!returnable.length || !can('purchase-returns:create')) { return null; }
  const qty = quantityInputs(returnable, () => '');
  const reason = input({ id: 'return-reason', required: true });
  const button = el('button', { type: 'submit', id: 'return-submit', class: 'secondary', i18n: 'purchasing.returnGoods' });
  const form = el('form', { class: 'biz-form', id: 'po-return-form' }, el('h3', { i18n: 'purchasing.returns' }), qty.node,
    el('div', { class: 'fields' }, field('purchasing.reason', reason)), el('div', { class: 'actions' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(button, async () => {
      await api(`/api/v1/purchase-orders/${po.id}/returns`, { method: 'POST', body: { lines: qty.values(), reason: reason.value.trim() } });
      await reload();
    });
  });
  return form;
}

function receiptList(po, receipts) {
  if (!can('goods-receipts:view')) { return null; }
  const rows = receipts.flatMap((r) => r.lines.map((l) => ({ ...l, receipt: r })));
  return el('section', { id: 'po-receipts' }, el('h3', { i18n: 'purchasing.receipts' }), table([
    { label: 'purchasing.col.date', value: (r) => day(r.receipt.date) },
    { label: 'purchasing.col.source', value: (r) => label('purchasing.source.' + r.receipt.source) },
    { label: 'purchasing.col.device', value: (r) => r.receipt.deviceId },
    { label: 'purchasing.col.line', value: (r) => r.line },
    { label: 'purchasing.col.sku', value: (r) => r.sku },
    { label: 'purchasing.col.quantity', num: true, value: (r) => `${amount(r.quantity)} ${r.unit}` },
    { label: 'purchasing.col.location', value: (r) => r.receipt.location },
    { label: 'purchasing.col.by', value: (r) => r.receipt.receivedBy },
    { label: 'purchasing.col.epcs', value: (r) => (r.epcs && r.epcs.length ? r.epcs.length : null) },
  ], rows, { empty: 'purchasing.noReceipts' }));
}

function alertList(alerts) {
  if (!can('alerts:view')) { return null; }
  return el('section', { id: 'po-alerts' }, el('h3', { i18n: 'purchasing.unexpected' }), table([
    { label: 'purchasing.col.kind', value: (a) => label('purchasing.alert.' + a.kind) },
    { label: 'purchasing.col.sku', value: (a) => a.sku },
    { label: 'purchasing.col.location', value: (a) => a.location },
    { label: 'purchasing.col.quantity', num: true, value: (a) => (a.detail && a.detail.quantity != null ? amount(a.detail.quantity) : null) },
    { label: 'purchasing.col.device', value: (a) => (a.detail && (a.detail.deviceId || a.detail.device)) || null },
    { label: 'purchasing.col.date', value: (a) => dateTime(a.createdAt) },
  ], alerts, { empty: 'purchasing.noUnexpected' }));
}
