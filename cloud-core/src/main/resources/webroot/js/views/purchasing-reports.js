// Purchasing reports over the orders dated in the period (cancelled ones left out): by supplier, by
// product, and lead time / on-time rate worked out from each order's receipts (GET .../receipts):
// lead time = order date to the first receipt; an order is on time when the receipt that completed
// it (the last one, once nothing is open) is dated on or before its expected date.
import { api, can } from '../api.js';
import { amount, money, pct, reportDates } from '../business.js';
import { t } from '../i18n.js';
import { showReports } from './report-page.js';

const DAY = 86400000;
const days = (a, b) => Math.round((new Date(b) - new Date(a)) / DAY);

/** The period's orders, each with its receipt dates, lead time and on-time flag. */
async function orders() {
  const { from, to } = reportDates();
  const all = await api('/api/v1/purchase-orders?limit=1000');
  const inPeriod = all.filter((o) => o.status !== 'cancelled' && (!from || o.orderDate >= from) && (!to || o.orderDate <= to));
  return Promise.all(inPeriod.map(async (o) => {
    const received = o.lines.some((l) => Number(l.received) > 0);
    const receipts = received && can('goods-receipts:view') ? await api(`/api/v1/purchase-orders/${o.id}/receipts`) : [];
    const dates = receipts.map((r) => r.date).sort();
    const complete = o.lines.every((l) => Number(l.open) <= 0) || o.status === 'received';
    const last = complete && dates.length ? dates[dates.length - 1] : null;
    return {
      ...o, firstReceipt: dates[0] || null, completedOn: last,
      leadTime: dates.length ? days(o.orderDate, dates[0]) : null,
      onTime: last && o.expectedDate ? last <= o.expectedDate : null,
      receivedValue: o.lines.reduce((s, l) => s + Number(l.received) * Number(l.unitPrice), 0),
    };
  }));
}

const avg = (xs) => (xs.length ? Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10 : null);
const rate = (flags) => { const known = flags.filter((f) => f != null); return known.length ? Math.round((1000 * known.filter(Boolean).length) / known.length) / 10 : null; };

async function bySupplier() {
  const m = new Map();
  for (const o of await orders()) {
    const r = m.get(o.supplier) || { supplier: o.supplier, orders: 0, ordered: 0, received: 0, leadTimes: [], onTime: [] };
    r.orders += 1;
    r.ordered += Number(o.netTotal);
    r.received += o.receivedValue;
    if (o.leadTime != null) { r.leadTimes.push(o.leadTime); }
    r.onTime.push(o.onTime);
    m.set(o.supplier, r);
  }
  return [...m.values()].map((r) => ({ supplier: r.supplier, orders: r.orders, ordered: round(r.ordered), received: round(r.received),
    leadTime: avg(r.leadTimes), onTimeRate: rate(r.onTime) }));
}

async function byProduct() {
  const m = new Map();
  for (const o of await orders()) {
    for (const l of o.lines) {
      const r = m.get(l.sku) || { sku: l.sku, unit: l.unit, quantity: 0, received: 0, returned: 0, value: 0 };
      r.quantity += Number(l.quantity);
      r.received += Number(l.received);
      r.returned += Number(l.returned);
      r.value += Number(l.quantity) * Number(l.unitPrice);
      m.set(l.sku, r);
    }
  }
  return [...m.values()].map((r) => ({ ...r, value: round(r.value), averagePrice: r.quantity ? round(r.value / r.quantity) : null }));
}

const round = (v) => Math.round(v * 100) / 100;
const yesNo = (v) => (v == null ? '–' : t(v ? 'purchasing.report.onTime' : 'purchasing.report.late'));

const reports = [
  {
    key: 'purchasing-by-supplier', label: 'purchasing.report.bySupplier', fields: ['from', 'to'], fetch: bySupplier,
    columns: [{ key: 'supplier', label: 'purchasing.col.supplier' }, { key: 'orders', label: 'purchasing.report.orders', num: true },
      { key: 'ordered', label: 'purchasing.report.orderedValue', num: true, format: (v) => money(v) },
      { key: 'received', label: 'purchasing.report.receivedValue', num: true, format: (v) => money(v) },
      { key: 'leadTime', label: 'purchasing.report.avgLeadTime', num: true, format: (v) => (v == null ? null : amount(v)) },
      { key: 'onTimeRate', label: 'purchasing.report.onTimeRate', num: true, format: pct }],
    chart: (rows) => ({ labels: rows.map((r) => r.supplier), series: [
      { label: t('purchasing.report.orderedValue'), data: rows.map((r) => r.ordered) },
      { label: t('purchasing.report.receivedValue'), data: rows.map((r) => r.received), color: '#38c172' }] }),
  },
  {
    key: 'purchasing-by-product', label: 'purchasing.report.byProduct', fields: ['from', 'to'], fetch: byProduct,
    columns: [{ key: 'sku', label: 'purchasing.col.sku' }, { key: 'quantity', label: 'purchasing.col.quantity', num: true, format: amount },
      { key: 'received', label: 'purchasing.col.received', num: true, format: amount }, { key: 'returned', label: 'purchasing.col.returned', num: true, format: amount },
      { key: 'unit', label: 'purchasing.col.unit' }, { key: 'value', label: 'purchasing.report.orderedValue', num: true, format: (v) => money(v) },
      { key: 'averagePrice', label: 'purchasing.report.averagePrice', num: true, format: (v) => money(v) }],
    chart: (rows) => ({ labels: rows.map((r) => r.sku), series: [{ label: t('purchasing.report.orderedValue'), data: rows.map((r) => r.value) }] }),
  },
  {
    key: 'purchasing-lead-time', label: 'purchasing.report.leadTime', fields: ['from', 'to'], fetch: orders,
    columns: [{ key: 'number', label: 'purchasing.col.number' }, { key: 'supplier', label: 'purchasing.col.supplier' },
      { key: 'orderDate', label: 'purchasing.col.orderDate' }, { key: 'expectedDate', label: 'purchasing.col.expected' },
      { key: 'firstReceipt', label: 'purchasing.report.firstReceipt' }, { key: 'completedOn', label: 'purchasing.report.completedOn' },
      { key: 'leadTime', label: 'purchasing.report.leadTimeDays', num: true },
      { key: 'onTime', label: 'purchasing.report.onTimeQ', format: yesNo, csv: (r) => (r.onTime == null ? '' : r.onTime) }],
    chart: (rows) => ({ labels: rows.map((r) => r.number), series: [{ label: t('purchasing.report.leadTimeDays'), data: rows.map((r) => r.leadTime) }] }),
  },
];

export function show(params) { return showReports('purchasing.report.title', reports, params); }
