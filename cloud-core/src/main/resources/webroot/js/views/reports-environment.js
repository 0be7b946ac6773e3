// Environment report: per zone min / mean / max, MKT and time outside the limits; the excursions.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { dateTime, num } from '../format.js';
import { query, showReports } from './report-page.js';

let excursions = [];
const n2 = (v) => (v == null ? null : num(v, 2));

const reports = [{
  key: 'environment', label: 'report.environment.zones', fields: ['from', 'to'],
  fetch: async (f) => {
    const r = await api('/api/v1/reports/environment' + query({ warehouse: f.warehouse, from: f.from, to: f.to }));
    excursions = r.excursions;
    return r.zones;
  },
  columns: [{ key: 'warehouse', label: 'col.warehouse' }, { key: 'zone', label: 'col.zone' }, { key: 'minC', label: 'col.minLimit', num: true },
    { key: 'maxC', label: 'col.maxLimit', num: true }, { key: 'readings', label: 'col.readings', num: true },
    { key: 'min', label: 'col.min', num: true, format: n2 }, { key: 'mean', label: 'col.mean', num: true, format: n2 },
    { key: 'max', label: 'col.max', num: true, format: n2 }, { key: 'mkt', label: 'col.mkt', num: true, format: n2 },
    { key: 'readingsOutside', label: 'col.readingsOutside', num: true }, { key: 'minutesOutside', label: 'col.minutesOutside', num: true },
    { key: 'excursions', label: 'col.excursions', num: true }],
  chart: (rows) => ({
    labels: rows.map((r) => `${r.warehouse} · ${r.zone}`),
    series: [
      { label: t('col.mean'), data: rows.map((r) => r.mean) },
      { label: t('col.mkt'), data: rows.map((r) => r.mkt) },
      { label: t('col.max'), data: rows.map((r) => r.max) },
      { label: t('col.minLimit'), data: rows.map((r) => r.minC), type: 'line', color: '#6c8cff' },
      { label: t('col.maxLimit'), data: rows.map((r) => r.maxC), type: 'line', color: '#e3342f' },
    ],
  }),
  extra: () => {
    const h = document.createElement('h2');
    h.textContent = t('report.environment.excursions');
    const table = document.createElement('table');
    table.className = 'report-table';
    table.id = 'excursions';
    const head = ['col.zone', 'col.raisedAt', 'col.value', 'col.limit', 'col.normalAt', 'col.ackedBy'];
    table.innerHTML = '<thead><tr></tr></thead><tbody></tbody>';
    head.forEach((k) => { const th = document.createElement('th'); th.textContent = t(k); table.querySelector('tr').append(th); });
    for (const a of excursions) {
      const tr = document.createElement('tr');
      [`${a.warehouse} · ${a.zone}`, dateTime(a.raisedAt), n2(a.value), n2(a.limit), a.normalAt ? dateTime(a.normalAt) : '–',
        a.ackedBy ? `${a.ackedBy} · ${dateTime(a.ackedAt)}` : '–'].forEach((v) => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      });
      table.querySelector('tbody').append(tr);
    }
    const none = document.createElement('p');
    none.className = 'empty';
    none.textContent = t('report.environment.noExcursions');
    return excursions.length ? [h, table] : [h, none];
  },
}];

export function show(params) { return showReports('report.environment.title', reports, params); }
