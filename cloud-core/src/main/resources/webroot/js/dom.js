// Small DOM builders for the business pages. Labels are given as translation keys and rendered with
// data-i18n, so a language switch (i18n.translate) retranslates every page without re-rendering it.
import { t } from './i18n.js';
import { code } from './format.js';

/**
 * el('button', {i18n: 'form.save', class: 'primary', on: {click}}, ...children). Props: i18n (text key),
 * i18nAttr ("placeholder:key"), class, dataset, on, text, and any other property set as is (type, value ...).
 */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null) { continue; }
    if (k === 'i18n') { e.dataset.i18n = v; e.textContent = t(v); }
    else if (k === 'i18nAttr') {
      e.dataset.i18nAttr = v;
      for (const pair of v.split(';')) { const [attr, key] = pair.split(':'); e.setAttribute(attr, t(key)); }
    }
    else if (k === 'class') { e.className = v; }
    else if (k === 'dataset') { Object.assign(e.dataset, v); }
    else if (k === 'on') { for (const [ev, fn] of Object.entries(v)) { e.addEventListener(ev, fn); } }
    else if (k === 'text') { e.textContent = v; }
    else if (k in e && k !== 'list' && k !== 'form') { e[k] = v; }
    else { e.setAttribute(k, v); }
  }
  e.append(...children.flat().filter((c) => c != null && c !== false));
  return e;
}

/** A code rendered through its translation key ("transfer.status" + "draft") and kept translatable. */
export function coded(prefix, value) {
  const key = `${prefix}.${String(value || '').toLowerCase().replace(/_/g, '-')}`;
  return code(prefix, value) === String(value || '') ? el('span', { text: value ?? '' }) : el('span', { i18n: key });
}

/**
 * A table: columns [{key, label, num?, format?(value, row) -> string|Node}], rows objects. Each row gets
 * data-key from rowKey(row) when given; onRow(tr, row) may add to it.
 */
export function table(columns, rows, { rowKey, onRow, id, className = 'data' } = {}) {
  const head = el('tr', {}, columns.map((c) => el('th', { i18n: c.label, class: c.num ? 'num' : null })));
  const body = rows.map((r) => {
    const tr = el('tr', rowKey ? { dataset: { key: rowKey(r) } } : {}, columns.map((c) => {
      const v = c.format ? c.format(r[c.key], r) : r[c.key];
      const td = el('td', { class: `${c.num ? 'num ' : ''}c-${c.key}` });
      if (v instanceof Node) { td.append(v); } else { td.textContent = v == null || v === '' ? '–' : v; }
      return td;
    }));
    if (onRow) { onRow(tr, r); }
    return tr;
  });
  return el('table', { class: className, id }, el('thead', {}, head), el('tbody', {}, body));
}

/** A labelled input: {name, label, type?, required?, options?: [[value, labelKey|text]], list?}. */
export function field(f) {
  let input;
  if (f.options) {
    input = el('select', { name: f.name, required: f.required || null },
      f.options.map(([value, label, literal]) => el('option', literal ? { value, text: label } : { value, i18n: label })));
  } else if (f.type === 'checkbox') {
    input = el('input', { type: 'checkbox', name: f.name });
  } else if (f.type === 'textarea') {
    input = el('textarea', { name: f.name, rows: 2 });
  } else {
    input = el('input', { name: f.name, type: f.type || 'text', required: f.required || null, step: f.step || null,
      min: f.min ?? null, list: f.list || null, autocomplete: 'off' });
  }
  input.id = `${f.form || 'f'}-${f.name}`;
  return el('div', { class: `field ${f.type === 'checkbox' ? 'check' : ''}`, dataset: { field: f.name } },
    el('label', { htmlFor: input.id, i18n: f.label }), input, el('div', { class: 'field-error', role: 'alert' }));
}

/** Shows an API problem on a form: errors[] by field next to their input, anything else in .form-error. */
export function showProblem(form, e) {
  clearProblem(form);
  const errors = (e.problem && e.problem.errors) || [];
  const rest = [];
  for (const err of errors) {
    const name = String(err.field || '');
    const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(name.split('.')[0])}"]`);
    if (box) {
      box.classList.add('invalid');
      box.querySelector('.field-error').textContent = err.message;
    } else {
      rest.push(`${name}: ${err.message}`);
    }
  }
  const general = form.querySelector('.form-error');
  if (general) { general.textContent = errors.length ? rest.join('; ') : (e.message || String(e)); }
}

export function clearProblem(form) {
  form.querySelectorAll('.field.invalid').forEach((b) => b.classList.remove('invalid'));
  form.querySelectorAll('.field-error, .form-error').forEach((b) => { b.textContent = ''; });
}

/** The form's named inputs as {name: value}: checkboxes as booleans, empty text left out. */
export function values(form) {
  const out = {};
  for (const input of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (input.type === 'checkbox') { out[input.name] = input.checked; }
    else if (input.value.trim() !== '') { out[input.name] = input.value.trim(); }
  }
  return out;
}

/** A status line the tests and people can read: data-state plus a translated message. */
export function setStatus(node, state, key, vars) {
  node.dataset.state = state;
  node.dataset.i18n = key;
  node.textContent = t(key, vars);
  if (vars) { delete node.dataset.i18n; }
}

/** Options for a select of codes: [[value, text, literal]]. */
export function literalOptions(values, blankKey) {
  const out = values.map((v) => [v.value ?? v, v.text ?? v.value ?? v, true]);
  return blankKey ? [['', blankKey], ...out] : out;
}

export function message(e) { return e && e.message ? e.message : String(e); }
