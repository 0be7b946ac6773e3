// Inventory reports: levels as of a date, movements, turnover, slow-moving stock, ageing.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { code, qty } from '../format.js';
import { query, showReports } from './report-page.js';

const q = (v) => (v == null ? null : qty(v));
const sumBySku = (rows, key) => {
  const m = new Map();
  rows.forEach((r) => m.set(r.sku, (m.get(r.sku) || 0) + Number(r[key] || 0)));
  return m;
};

const reports = [
  {
    key: 'levels', label: 'report.inventory.levels', fields: ['asof'],
    fetch: (f) => api('/api/v1/stock' + query({ warehouse: f.warehouse, asOf: f.asOf })),
    columns: [{ key: 'sku', label: 'col.sku' }, { key: 'warehouse', label: 'col.warehouse' }, { key: 'location', label: 'col.location' },
      { key: 'lot', label: 'col.lot' }, { key: 'quantity', label: 'col.quantity', num: true, format: q }, { key: 'unit', label: 'col.unit' }],
    chart: (rows) => {
      const m = sumBySku(rows, 'quantity');
      return { labels: [...m.keys()], series: [{ label: t('col.quantity'), data: [...m.values()] }] };
    },
  },
  {
    key: 'movements', label: 'report.inventory.movements', fields: ['from', 'to'],
    fetch: (f) => api('/api/v1/reports/inventory/movements' + query({ warehouse: f.warehouse, from: f.from, to: f.to, bucket: 'day' })),
    columns: [{ key: 'period', label: 'col.day', format: (v) => v.slice(0, 10) }, { key: 'movementType', label: 'col.movementType', format: (v) => code('movement', v), csv: (r) => r.movementType },
      { key: 'in', label: 'col.in', num: true, format: q }, { key: 'out', label: 'col.out', num: true, format: q }, { key: 'rows', label: 'col.rows', num: true }],
    chart: (rows) => {
      const days = [...new Set(rows.map((r) => r.period.slice(0, 10)))];
      const total = (key) => days.map((d) => rows.filter((r) => r.period.startsWith(d)).reduce((s, r) => s + Number(r[key]), 0));
      return { labels: days, series: [{ label: t('col.in'), data: total('in'), color: '#38c172' }, { label: t('col.out'), data: total('out').map((v) => -v), color: '#f6993f' }], stacked: true };
    },
  },
  {
    key: 'turnover', label: 'report.inventory.turnover', fields: ['from', 'to'],
    fetch: (f) => api('/api/v1/reports/inventory/turnover' + query({ warehouse: f.warehouse, from: f.from, to: f.to })),
    columns: [{ key: 'sku', label: 'col.sku' }, { key: 'name', label: 'col.name' }, { key: 'opening', label: 'col.opening', num: true, format: q },
      { key: 'closing', label: 'col.closing', num: true, format: q }, { key: 'outbound', label: 'col.outbound', num: true, format: q },
      { key: 'turnover', label: 'col.turnover', num: true }, { key: 'daysOfCover', label: 'col.daysOfCover', num: true }, { key: 'unit', label: 'col.unit' }],
    chart: (rows) => ({ labels: rows.map((r) => r.sku), series: [{ label: t('col.turnover'), data: rows.map((r) => Number(r.turnover || 0)) }] }),
  },
  {
    key: 'slow-moving', label: 'report.inventory.slowMoving', fields: ['days'],
    fetch: (f) => api('/api/v1/reports/inventory/slow-moving' + query({ warehouse: f.warehouse, days: f.days })),
    columns: [{ key: 'sku', label: 'col.sku' }, { key: 'name', label: 'col.name' }, { key: 'quantity', label: 'col.quantity', num: true, format: q },
      { key: 'unit', label: 'col.unit' }, { key: 'lastOutbound', label: 'col.lastOutbound', format: (v) => (v ? v.slice(0, 10) : t('report.never')) },
      { key: 'daysSinceOutbound', label: 'col.daysSince', num: true }],
    chart: (rows) => ({ labels: rows.map((r) => r.sku), series: [{ label: t('col.quantity'), data: rows.map((r) => Number(r.quantity)) }] }),
  },
  {
    key: 'ageing', label: 'report.inventory.ageing', fields: ['asof'],
    fetch: (f) => api('/api/v1/reports/inventory/ageing' + query({ warehouse: f.warehouse, to: f.asOf })),
    columns: [{ key: 'sku', label: 'col.sku' }, { key: 'name', label: 'col.name' }, { key: 'quantity', label: 'col.quantity', num: true, format: q },
      { key: 'd0to30', label: 'col.d0to30', num: true, format: q }, { key: 'd31to60', label: 'col.d31to60', num: true, format: q },
      { key: 'd61to90', label: 'col.d61to90', num: true, format: q }, { key: 'd91to180', label: 'col.d91to180', num: true, format: q },
      { key: 'over180', label: 'col.over180', num: true, format: q }, { key: 'unknown', label: 'col.unknownAge', num: true, format: q },
      { key: 'unit', label: 'col.unit' }],
    chart: (rows) => ({
      labels: rows.map((r) => r.sku), stacked: true,
      series: ['d0to30', 'd31to60', 'd61to90', 'd91to180', 'over180', 'unknown'].map((k) => ({ label: t(k === 'unknown' ? 'col.unknownAge' : 'col.' + k), data: rows.map((r) => Number(r[k])) })),
    }),
  },
];

export function show(params) { return showReports('report.inventory.title', reports, params); }
