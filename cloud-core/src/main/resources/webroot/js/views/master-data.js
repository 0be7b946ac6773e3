// Master-data pages (products, customers, suppliers): search and paging over the API's q/page/size
// and X-Total-Count, a create/edit form that shows the API's validation errors next to each field,
// CSV import with a progress bar and the per-row error report, and CSV export.
import { api, apiPage, apiText, can, upload } from '../api.js';
import { download } from '../csv.js';
import { t } from '../i18n.js';
import { clearProblem, el, field, message, setStatus, showProblem, table, values } from '../dom.js';
import { resources } from './master-resources.js';

const PAGE_SIZE = 20;
const root = () => document.getElementById('view-master');
let state = null; // { name, res, q, page, total }

function page(name) {
  return {
    // Built on every visit, so the buttons follow the permissions of whoever is signed in now.
    show: async () => {
      if (!state || state.name !== name) { state = { name, res: resources[name], q: '', page: 1, total: 0 }; }
      build();
      document.querySelector('#md-search input[name=q]').value = state.q;
      await load();
    },
  };
}

export const products = page('products');
export const customers = page('customers');
export const suppliers = page('suppliers');

function build() {
  const { res } = state;
  const search = el('form', { class: 'toolbar', id: 'md-search', on: { submit: (e) => { e.preventDefault(); state.q = e.target.q.value.trim(); state.page = 1; load(); } } },
    el('input', { name: 'q', type: 'search', i18nAttr: 'placeholder:md.searchHint' }),
    el('button', { type: 'submit', i18n: 'md.search' }),
    can(`${res.permission}:create`) ? el('button', { type: 'button', id: 'md-new', i18n: 'md.new', on: { click: () => openForm(null) } }) : null,
    el('button', { type: 'button', id: 'md-export', class: 'secondary', i18n: 'md.exportCsv', on: { click: exportCsv } }));
  root().replaceChildren(
    el('div', { class: 'page-head' }, el('h1', { i18n: res.title }), el('p', { class: 'msg', id: 'md-status' })),
    search,
    el('div', { id: 'md-list' }),
    el('div', { class: 'pager' },
      el('button', { type: 'button', id: 'md-prev', class: 'secondary', i18n: 'md.prev', on: { click: () => turn(-1) } }),
      el('span', { id: 'md-page' }),
      el('button', { type: 'button', id: 'md-next', class: 'secondary', i18n: 'md.next', on: { click: () => turn(1) } })),
    formPanel(),
    can(`${res.permission}:create`) ? importPanel() : null);
}

async function load() {
  const { res, q, page: p } = state;
  const status = document.getElementById('md-status');
  root().dataset.state = 'loading';
  try {
    const { items, total } = await apiPage(`${res.path}?page=${p}&size=${PAGE_SIZE}${q ? '&q=' + encodeURIComponent(q) : ''}`);
    state.total = total;
    const editable = can(`${res.permission}:edit`);
    document.getElementById('md-list').replaceChildren(table(res.columns, items, {
      id: 'md-table', rowKey: (r) => r[res.key],
      onRow: (tr, r) => {
        if (editable) {
          tr.append(el('td', {}, el('button', { type: 'button', class: 'link edit', i18n: 'md.edit', on: { click: () => openForm(r) } })));
        }
      },
    }));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const pageLine = document.getElementById('md-page');
    pageLine.textContent = t('md.pageOf', { page: p, pages, total });
    document.getElementById('md-prev').disabled = p <= 1;
    document.getElementById('md-next').disabled = p >= pages;
    status.textContent = '';
    root().dataset.state = 'ready';
  } catch (e) {
    status.textContent = message(e);
    root().dataset.state = 'error';
  }
}

function turn(delta) { state.page += delta; load(); }

function formPanel() {
  const { res } = state;
  const inputs = res.fields.map((f) => {
    if (f.money) {
      const box = field({ ...f, form: 'md', name: `${f.name}.amount`, type: 'number', step: 'any' });
      box.dataset.field = f.name;
      box.querySelector('label').dataset.i18n = f.label;
      box.querySelector('label').textContent = t(f.label);
      const currency = el('input', { name: `${f.name}.currency`, class: 'currency', maxLength: 3, i18nAttr: 'placeholder:md.currency' });
      box.insertBefore(currency, box.querySelector('.field-error'));
      return box;
    }
    return field({ ...f, form: 'md' });
  });
  return el('form', { id: 'md-form', class: 'panel form', hidden: true, novalidate: true, on: { submit: save } },
    el('h2', { id: 'md-form-title' }), el('div', { class: 'fields' }, inputs),
    el('p', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'buttons' }, el('button', { type: 'submit', i18n: 'md.save' }),
      el('button', { type: 'button', class: 'secondary', i18n: 'md.cancel', on: { click: closeForm } })));
}

function openForm(record) {
  const form = document.getElementById('md-form');
  const { res } = state;
  clearProblem(form);
  form.dataset.editing = record ? record[res.key] : '';
  const title = document.getElementById('md-form-title');
  title.dataset.i18n = record ? 'md.editTitle' : 'md.newTitle';
  title.textContent = t(title.dataset.i18n);
  for (const f of res.fields) {
    if (f.money) {
      form.elements[`${f.name}.amount`].value = record && record[f.name] ? record[f.name].amount : '';
      form.elements[`${f.name}.currency`].value = record && record[f.name] ? record[f.name].currency : '';
      continue;
    }
    const input = form.elements[f.name];
    const v = record ? record[f.name] : null;
    if (f.type === 'checkbox') { input.checked = record ? Boolean(v) : Boolean(f.initial); }
    else { input.value = v == null ? '' : (Array.isArray(v) ? v.join(', ') : v); }
    if (f.key) { input.readOnly = Boolean(record); }
  }
  form.hidden = false;
  form.elements[res.fields[record ? 1 : 0].name].focus();
}

function closeForm() { document.getElementById('md-form').hidden = true; }

/** The form as the API's JSON: money as {amount, currency}, lists split on commas, numbers as numbers. */
function body(form) {
  const v = values(form);
  const out = {};
  for (const f of state.res.fields) {
    if (f.money) {
      if (v[`${f.name}.amount`] != null || v[`${f.name}.currency`] != null) {
        out[f.name] = { amount: v[`${f.name}.amount`] ?? null, currency: v[`${f.name}.currency`] ?? null };
      }
    } else if (v[f.name] != null) {
      out[f.name] = f.csvList ? v[f.name].split(',').map((s) => s.trim()).filter(Boolean) : v[f.name];
    }
  }
  return out;
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  const { res } = state;
  const editing = form.dataset.editing;
  clearProblem(form);
  try {
    const saved = editing
      ? await api(`${res.path}/${encodeURIComponent(editing)}`, { method: 'PUT', body: body(form) })
      : await api(res.path, { method: 'POST', body: body(form) });
    closeForm();
    setStatus(document.getElementById('md-status'), 'saved', 'md.saved', { key: saved[res.key] });
    await load();
  } catch (e) {
    showProblem(form, e);
  }
}

function importPanel() {
  const file = el('input', { type: 'file', id: 'md-file', accept: '.csv,text/csv' });
  return el('section', { class: 'panel', id: 'md-import' },
    el('h2', { i18n: 'md.import' }),
    el('p', { class: 'hint', i18n: 'md.importHint' }),
    el('div', { class: 'toolbar' }, file,
      el('button', { type: 'button', id: 'md-import-run', i18n: 'md.importRun', on: { click: () => importFile(file) } })),
    el('progress', { id: 'md-progress', max: 1, value: 0, hidden: true }),
    el('p', { id: 'md-import-status', class: 'msg' }),
    el('div', { id: 'md-import-report' }));
}

async function importFile(input) {
  const status = document.getElementById('md-import-status');
  const progress = document.getElementById('md-progress');
  const report = document.getElementById('md-import-report');
  report.replaceChildren();
  if (!input.files.length) { setStatus(status, 'error', 'md.chooseFile'); return; }
  const text = await input.files[0].text();
  progress.hidden = false;
  progress.value = 0;
  setStatus(status, 'uploading', 'md.uploading');
  try {
    const r = await upload(`${state.res.path}/import`, text, 'text/csv; charset=utf-8', (f) => {
      if (f == null) { progress.removeAttribute('value'); setStatus(status, 'processing', 'md.processing'); } else { progress.value = f; }
    });
    progress.value = 1;
    setStatus(status, 'done', 'md.importDone', { rows: r.rows, imported: r.imported, updated: r.updated,
      unchanged: r.unchanged, rejected: r.rejected.length });
    if (r.rejected.length) {
      report.append(el('h3', { i18n: 'md.rejected' }), table([{ key: 'line', label: 'md.line', num: true },
        { key: 'field', label: 'md.field' }, { key: 'message', label: 'md.message' }], r.rejected,
      { id: 'md-rejected', rowKey: (e) => String(e.line) }));
    }
    await load();
  } catch (e) {
    progress.value = 0;
    status.dataset.state = 'error';
    status.textContent = message(e);
  }
}

async function exportCsv() {
  const text = await apiText(`${state.res.path}/export`);
  download(`${state.name}-${new Date().toISOString().slice(0, 10)}.csv`, text.replace(/^\ufeff/, ''));
}

document.addEventListener('languagechange', () => { if (state && !root().hidden) { load(); } });
