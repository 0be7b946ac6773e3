// The report page shared by every report: filters, a chart, a table, CSV export and print. A report
// is {key, label, fields, fetch(filters) -> rows, columns: [{key, label, format?}], chart(rows) -> config}.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { toCsv, download } from '../csv.js';
import { reportChart } from '../charts.js';

const $ = (sel) => document.querySelector(sel);
let page = null; // { title, reports, active, rows, chart }
let wired = false;

function isoDay(d) { return d.toISOString().slice(0, 10); }

function wire() {
  $('#report-form').addEventListener('submit', (e) => { e.preventDefault(); run().catch(showError); });
  $('#report-csv').addEventListener('click', exportCsv);
  $('#report-print').addEventListener('click', () => window.print());
  document.addEventListener('languagechange', () => { if (page && !$('#view-reports').hidden) { renderTabs(); render(); } });
  const today = new Date();
  $('#report-to').value = isoDay(today);
  $('#report-from').value = isoDay(new Date(today.getTime() - 30 * 86400_000));
  $('#report-asof').value = isoDay(today);
  wired = true;
}

/** Shows a set of reports (one tab each); {@code params.get('report')} picks the tab. */
export async function showReports(title, reports, params) {
  if (!wired) { wire(); }
  if (page && page.chart) { page.chart.destroy(); }
  page = { title, reports, active: reports.find((r) => r.key === params.get('report')) || reports[0], rows: [], chart: null };
  await loadWarehouses();
  renderTabs();
  await run();
}

async function loadWarehouses() {
  const select = $('#report-warehouse');
  if (select.options.length > 1) { return; }
  for (const w of await api('/api/v1/warehouses')) {
    const o = document.createElement('option');
    o.value = w.code;
    o.textContent = w.name ? `${w.code} · ${w.name}` : w.code;
    select.append(o);
  }
}

function renderTabs() {
  $('#report-title').textContent = t(page.title);
  $('#report-tabs').replaceChildren(...page.reports.map((r) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.role = 'tab';
    b.dataset.report = r.key;
    b.dataset.i18n = r.label;
    b.textContent = t(r.label);
    b.className = r === page.active ? 'active' : '';
    b.addEventListener('click', () => { page.active = r; renderTabs(); run().catch(showError); });
    return b;
  }));
  for (const f of ['from', 'to', 'asof', 'days']) {
    document.querySelector('.f-' + f).hidden = !page.active.fields.includes(f);
  }
}

/** The filters as API query values: dates become instants (from: start of day, to / as of: end of day). */
export function filters() {
  const endOf = (d) => new Date(`${d}T23:59:59.999`).toISOString();
  return {
    warehouse: $('#report-warehouse').value || null,
    from: $('#report-from').value ? new Date(`${$('#report-from').value}T00:00:00`).toISOString() : null,
    to: $('#report-to').value ? endOf($('#report-to').value) : null,
    asOf: $('#report-asof').value ? endOf($('#report-asof').value) : null,
    days: $('#report-days').value || null,
  };
}

export function query(params) {
  const q = Object.entries(params).filter(([, v]) => v != null && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return q.length ? '?' + q.join('&') : '';
}

async function run() {
  const report = page.active;
  $('#view-reports').dataset.state = 'loading';
  page.rows = await report.fetch(filters());
  render();
  $('#view-reports').dataset.state = 'ready';
  $('#view-reports').dataset.report = report.key;
}

function render() {
  const report = page.active;
  const f = filters();
  $('#report-period').textContent = report.fields.includes('asof') ? t('report.asOfLine', { date: $('#report-asof').value })
    : report.fields.includes('from') ? t('report.periodLine', { from: $('#report-from').value, to: $('#report-to').value }) : '';
  $('#report-table thead').replaceChildren(row('th', report.columns.map((c) => t(c.label)), report.columns));
  $('#report-table tbody').replaceChildren(...page.rows.map((r) => row('td', report.columns.map((c) => (c.format ? c.format(r[c.key], r) : r[c.key])), report.columns)));
  $('#report-empty').hidden = page.rows.length > 0;
  page.chart = reportChart($('#report-chart'), page.chart, report.chart(page.rows, f));
  $('#report-extra').replaceChildren(...(report.extra ? report.extra(page.rows) : []));
}

function row(cell, values, columns) {
  const tr = document.createElement('tr');
  values.forEach((v, i) => {
    const c = document.createElement(cell);
    c.textContent = v == null ? '–' : v;
    if (columns[i].num) { c.className = 'num'; }
    tr.append(c);
  });
  return tr;
}

function exportCsv() {
  const report = page.active;
  const columns = report.columns.map((c) => ({ key: c.key, label: t(c.label), csv: c.csv }));
  const stamp = new Date().toISOString().slice(0, 10);
  download(`stocksense-${report.key}-${stamp}.csv`, toCsv(columns, page.rows));
}

function showError(e) {
  $('#view-reports').dataset.state = 'error';
  $('#report-period').textContent = e.message;
}
