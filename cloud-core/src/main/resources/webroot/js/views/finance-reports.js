// Finance reports: profit and loss per account over the period, AR and AP ageing as of a date, and
// the trial balance; charts, CSV export and print come from the shared report page.
import { api } from '../api.js';
import { accountName, money, reportDates } from '../business.js';
import { t } from '../i18n.js';
import { query, showReports } from './report-page.js';

const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'];
const m = (v) => money(v);
const kind = (v) => t('finance.kind.' + v);

async function ageing(path) {
  const a = await api(path + query({ asOf: reportDates().asOf }));
  return [...a.parties, { ...a.total, party: t('finance.total'), isTotal: true }];
}

const ageingReport = (key, label, path) => ({
  key, label, fields: ['asof'], fetch: () => ageing(path),
  columns: [{ key: 'party', label: 'finance.col.party' }, ...BUCKETS.map((b) => ({ key: b, label: 'finance.age.' + b, num: true, format: m })),
    { key: 'total', label: 'finance.age.total', num: true, format: m }],
  chart: (rows) => {
    const parties = rows.filter((r) => !r.isTotal);
    return { labels: parties.map((r) => r.party), stacked: true,
      series: BUCKETS.map((b) => ({ label: t('finance.age.' + b), data: parties.map((r) => Number(r[b])) })) };
  },
});

const accountColumns = [{ key: 'account', label: 'finance.col.account' }, { key: 'name', label: 'finance.col.accountName', format: (v, r) => (r.summaryKey ? v : accountName(r)), csv: (r) => r.name },
  { key: 'kind', label: 'finance.col.kind', format: kind, csv: (r) => r.kind }, { key: 'debit', label: 'finance.col.debit', num: true, format: m },
  { key: 'credit', label: 'finance.col.credit', num: true, format: m }, { key: 'balance', label: 'finance.col.balance', num: true, format: m }];

const reports = [
  {
    key: 'finance-profit-and-loss', label: 'finance.profitAndLoss', fields: ['from', 'to'],
    fetch: async () => {
      const { from, to } = reportDates();
      const pl = await api('/api/v1/reports/profit-and-loss' + query({ from, to }));
      const summary = [['revenue', pl.revenue], ['cogs', pl.costOfGoodsSold], ['priceVariance', pl.priceVariance], ['grossProfit', pl.grossProfit], ['netIncome', pl.netIncome]];
      return [...pl.accounts, ...summary.map(([k, v]) => ({ account: '', name: t('finance.' + k), kind: 'summary', balance: v, summaryKey: k }))];
    },
    columns: accountColumns,
    chart: (rows) => {
      const s = rows.filter((r) => r.summaryKey);
      return { labels: s.map((r) => r.name), series: [{ label: t('finance.col.balance'), data: s.map((r) => Number(r.balance)) }] };
    },
  },
  ageingReport('finance-ar-ageing', 'finance.arAgeing', '/api/v1/reports/ar-ageing'),
  ageingReport('finance-ap-ageing', 'finance.apAgeing', '/api/v1/reports/ap-ageing'),
  {
    key: 'finance-trial-balance', label: 'finance.trialBalance', fields: ['from', 'to'],
    fetch: async () => { const { from, to } = reportDates(); return (await api('/api/v1/reports/trial-balance' + query({ from, to }))).accounts; },
    columns: accountColumns,
    chart: (rows) => ({ labels: rows.map((r) => r.account), series: [
      { label: t('finance.col.debit'), data: rows.map((r) => Number(r.debit)) },
      { label: t('finance.col.credit'), data: rows.map((r) => Number(r.credit)), color: '#f6993f' }] }),
  },
];

export function show(params) { return showReports('finance.report.title', reports, params); }
