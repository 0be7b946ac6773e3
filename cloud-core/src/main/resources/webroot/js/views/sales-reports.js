// Sales reports: revenue, cost of goods sold and gross profit by product, by customer and by period,
// from GET /reports/gross-profit (one row per sales order line and POS line of the period).
import { api, can } from '../api.js';
import { buckets, money, pct, reportDates } from '../business.js';
import { t } from '../i18n.js';
import { qty } from '../format.js';
import { query, showReports } from './report-page.js';

const grossProfit = (from, to) => api('/api/v1/reports/gross-profit' + query({ from, to }));

/** Sums revenue, COGS, gross profit and quantity of {@code lines} per {@code keyOf(line)}. */
function group(lines, keyOf) {
  const m = new Map();
  for (const l of lines) {
    const k = keyOf(l);
    const r = m.get(k) || { key: k, quantity: 0, revenue: 0, cogs: 0, grossProfit: 0 };
    r.quantity += Number(l.quantity);
    r.revenue += Number(l.revenue);
    r.cogs += Number(l.costOfGoodsSold);
    r.grossProfit += Number(l.grossProfit);
    m.set(k, r);
  }
  return [...m.values()].map((r) => ({ ...r, revenue: round(r.revenue), cogs: round(r.cogs), grossProfit: round(r.grossProfit),
    margin: r.revenue ? round((100 * r.grossProfit) / r.revenue) : null }));
}
const round = (v) => Math.round(v * 100) / 100;

const money2 = (v) => money(v);
const figures = [
  { key: 'revenue', label: 'sales.report.revenue', num: true, format: money2 },
  { key: 'cogs', label: 'sales.report.cogs', num: true, format: money2 },
  { key: 'grossProfit', label: 'sales.report.grossProfit', num: true, format: money2 },
  { key: 'margin', label: 'sales.report.margin', num: true, format: pct },
];
const chart = (rows) => ({ labels: rows.map((r) => r.key), series: [
  { label: t('sales.report.revenue'), data: rows.map((r) => r.revenue) },
  { label: t('sales.report.grossProfit'), data: rows.map((r) => r.grossProfit), color: '#38c172' }] });

async function byCustomer() {
  const { from, to } = reportDates();
  const [lines, orders] = await Promise.all([grossProfit(from, to), can('sales-orders:view') ? api('/api/v1/sales-orders?limit=1000') : []]);
  const customer = new Map(orders.map((o) => [o.number, o.customer]));
  return group(lines, (l) => customer.get(l.document) || (l.document.startsWith('SO-') ? '?' : t('sales.report.counterSales')));
}

async function byPeriod() {
  const { from, to } = reportDates();
  const span = (new Date(to) - new Date(from)) / 86400000 + 1;
  const step = span <= 62 ? 1 : (span <= 434 ? 7 : 31);
  const parts = await Promise.all(buckets(from, to, step).map(async (b) => {
    const [r] = group(await grossProfit(b.from, b.to), () => b.from);
    return r || { key: b.from, quantity: 0, revenue: 0, cogs: 0, grossProfit: 0, margin: null };
  }));
  return parts;
}

const reports = [
  {
    key: 'sales-by-product', label: 'sales.report.byProduct', fields: ['from', 'to'],
    fetch: async () => { const { from, to } = reportDates(); return group(await grossProfit(from, to), (l) => l.sku); },
    columns: [{ key: 'key', label: 'sales.col.sku' }, { key: 'quantity', label: 'sales.col.quantity', num: true, format: qty }, ...figures],
    chart,
  },
  {
    key: 'sales-by-customer', label: 'sales.report.byCustomer', fields: ['from', 'to'], fetch: byCustomer,
    columns: [{ key: 'key', label: 'sales.col.customer' }, ...figures],
    chart,
  },
  {
    key: 'sales-by-period', label: 'sales.report.byPeriod', fields: ['from', 'to'], fetch: byPeriod,
    columns: [{ key: 'key', label: 'sales.report.periodStart' }, ...figures],
    chart: (rows) => ({ labels: rows.map((r) => r.key), series: [
      { label: t('sales.report.revenue'), data: rows.map((r) => r.revenue) },
      { label: t('sales.report.grossProfit'), data: rows.map((r) => r.grossProfit), type: 'line', color: '#38c172' }] }),
  },
];

export function show(params) { return showReports('sales.report.title', reports, params); }
