// Finance: receivables and payables with their ageing, payments (list, record one), the journal, and
// the statements (trial balance, profit and loss, balance summary) — #/finance?tab=...
import { api, can } from '../api.js';
import { accountName, body, day, dec, el, fact, field, guard, input, label, money, page, select, showError, table, today } from '../business.js';
import { invoiceTable } from './sales-invoices.js';

const TABS = [
  { key: 'receivables', href: '#/finance?tab=receivables', label: 'finance.tab.receivables', permission: 'invoices:view' },
  { key: 'payables', href: '#/finance?tab=payables', label: 'finance.tab.payables', permission: 'supplier-invoices:view' },
  { key: 'payments', href: '#/finance?tab=payments', label: 'finance.tab.payments', permission: 'payments:view' },
  { key: 'journal', href: '#/finance?tab=journal', label: 'finance.tab.journal', permission: 'journal:view' },
  { key: 'statements', href: '#/finance?tab=statements', label: 'finance.tab.statements', permission: 'reports:view' },
];
const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90', 'total'];

export async function show(params) {
  const tab = params.get('tab') || 'receivables';
  page('finance.title', TABS, tab);
  try {
    if (tab === 'payables') { return await payables(); }
    if (tab === 'payments') { return await payments(); }
    if (tab === 'journal') { return await journal(params); }
    if (tab === 'statements') { return await statements(params); }
    return await receivables();
  } catch (e) {
    showError(e);
  }
}

/** Open amounts per party by days past due (GET /reports/ar-ageing or ap-ageing). */
export function ageingTable(ageing, id) {
  const rows = [...ageing.parties, { ...ageing.total, party: null, isTotal: true }];
  return table([{ label: 'finance.col.party', value: (r) => (r.isTotal ? label('finance.total') : r.party) },
    ...BUCKETS.map((b) => ({ label: 'finance.age.' + b, num: true, value: (r) => money(r[b]) }))], rows, { id });
}

async function receivables() {
  const [ageing, invoices] = await Promise.all([can('reports:view') ? api('/api/v1/reports/ar-ageing') : null, api('/api/v1/invoices?open=true')]);
  body(ageing ? el('section', {}, el('h3', { i18n: 'finance.arAgeing' }), ageingTable(ageing, 'ar-ageing')) : null,
    el('h3', { i18n: 'finance.openInvoices' }), invoiceTable(invoices, 'ar-invoices'));
}

async function payables() {
  const [ageing, invoices] = await Promise.all([can('reports:view') ? api('/api/v1/reports/ap-ageing') : null, api('/api/v1/supplier-invoices')]);
  body(ageing ? el('section', {}, el('h3', { i18n: 'finance.apAgeing' }), ageingTable(ageing, 'ap-ageing')) : null,
    el('h3', { i18n: 'finance.supplierInvoices' }), table([
      { label: 'finance.col.number', value: (i) => i.number },
      { label: 'finance.col.supplier', value: (i) => i.party },
      { label: 'finance.col.reference', value: (i) => i.reference },
      { label: 'finance.col.date', value: (i) => day(i.date) },
      { label: 'finance.col.due', value: (i) => day(i.dueDate) },
      { label: 'finance.col.gross', num: true, value: (i) => money(i.gross, i.currency) },
      { label: 'finance.col.open', num: true, value: (i) => money(i.open, i.currency) },
    ], invoices, { id: 'ap-invoices' }));
}

async function payments() {
  const list = await api('/api/v1/payments');
  body(paymentForm(), el('h3', { i18n: 'finance.tab.payments' }), table([
    { label: 'finance.col.number', value: (p) => p.number },
    { label: 'finance.col.date', value: (p) => day(p.date) },
    { label: 'finance.col.direction', value: (p) => label('finance.direction.' + p.direction) },
    { label: 'finance.col.party', value: (p) => p.party },
    { label: 'finance.col.method', value: (p) => label('finance.method.' + p.method) },
    { label: 'finance.col.amount', num: true, value: (p) => money(p.amount, p.currency) },
    { label: 'finance.col.settles', value: (p) => (p.allocations || []).map((a) => `${a.invoice} ${money(a.amount)}`).join(', ') },
  ], list, { id: 'payments-table' }));
}

function paymentForm() {
  if (!can('payments:create')) { return null; }
  const direction = select(['in', 'out'].map((v) => ({ value: v, i18n: 'finance.direction.' + v })), { id: 'pay-direction' });
  const party = input({ id: 'pay-party', required: true });
  const amount = input({ id: 'pay-amount', type: 'number', step: '0.01', required: true });
  const currency = input({ id: 'pay-currency', value: 'EUR', size: 4 });
  const method = select(['bank', 'cash', 'card'].map((v) => ({ value: v, i18n: 'finance.method.' + v })), { id: 'pay-method' });
  const invoices = input({ id: 'pay-invoices', placeholder: 'INV-000001, …' });
  const button = el('button', { type: 'submit', i18n: 'finance.recordPayment' });
  const form = el('form', { class: 'biz-form', id: 'pay-form' }, el('div', { class: 'fields' }, field('finance.col.direction', direction),
    field('finance.col.party', party), field('finance.col.amount', amount), field('finance.col.currency', currency),
    field('finance.col.method', method), field('finance.col.settles', invoices), button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    guard(button, async () => {
      const named = invoices.value.split(',').map((s) => s.trim()).filter(Boolean);
      await api('/api/v1/payments', { method: 'POST', body: { direction: direction.value, party: party.value.trim(), amount: dec(amount.value),
        currency: currency.value.trim(), method: method.value, invoices: named.length ? named : undefined } });
      await payments();
    });
  });
  return form;
}

/** A from / to form that reloads the tab with the dates in the URL. */
function period(tab, params, extra = []) {
  const from = input({ type: 'date', id: 'fin-from', value: params.get('from') || today().slice(0, 8) + '01' });
  const to = input({ type: 'date', id: 'fin-to', value: params.get('to') || today() });
  const run = el('button', { type: 'submit', i18n: 'finance.run' });
  const form = el('form', { class: 'biz-form' }, el('div', { class: 'fields' }, field('finance.from', from), field('finance.to', to), ...extra.map((x) => x.node), run));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const more = extra.map((x) => `&${x.key}=${encodeURIComponent(x.input.value)}`).join('');
    location.hash = `#/finance?tab=${tab}&from=${from.value}&to=${to.value}${more}`;
  });
  return { form, from: from.value, to: to.value };
}

async function journal(params) {
  const doc = input({ id: 'journal-doc', value: params.get('document') || '' });
  const p = period('journal', params, [{ key: 'document', input: doc, node: field('finance.col.document', doc) }]);
  const entries = await api(`/api/v1/journal?from=${p.from}&to=${p.to}` + (doc.value ? '&document=' + encodeURIComponent(doc.value) : ''));
  const rows = entries.flatMap((e) => e.lines.map((l, i) => ({ ...l, entry: e, first: i === 0 })));
  body(p.form, table([
    { label: 'finance.col.date', value: (r) => (r.first ? day(r.entry.date) : '') },
    { label: 'finance.col.document', value: (r) => (r.first ? `${r.entry.docRef || ''}` : '') },
    { label: 'finance.col.memo', value: (r) => (r.first ? r.entry.memo : '') },
    { label: 'finance.col.account', value: (r) => r.account },
    { label: 'finance.col.party', value: (r) => r.party },
    { label: 'finance.col.debit', num: true, value: (r) => (Number(r.debit) ? money(r.debit) : '') },
    { label: 'finance.col.credit', num: true, value: (r) => (Number(r.credit) ? money(r.credit) : '') },
  ], rows, { id: 'journal-table' }));
}

async function statements(params) {
  const p = period('statements', params);
  const [tb, pl, bs] = await Promise.all([api(`/api/v1/reports/trial-balance?from=${p.from}&to=${p.to}`),
    api(`/api/v1/reports/profit-and-loss?from=${p.from}&to=${p.to}`), api(`/api/v1/reports/balance-summary?asOf=${p.to}`)]);
  const accounts = (rows, id) => table([
    { label: 'finance.col.account', value: (a) => `${a.account} · ${accountName(a)}` },
    { label: 'finance.col.kind', value: (a) => label('finance.kind.' + a.kind) },
    { label: 'finance.col.debit', num: true, value: (a) => money(a.debit) },
    { label: 'finance.col.credit', num: true, value: (a) => money(a.credit) },
    { label: 'finance.col.balance', num: true, value: (a) => money(a.balance) },
  ], rows, { id });
  body(p.form,
    el('section', { id: 'pl' }, el('h3', { i18n: 'finance.profitAndLoss' }), el('dl', { class: 'totals wide' },
      fact('finance.revenue', money(pl.revenue)), fact('finance.cogs', money(pl.costOfGoodsSold)), fact('finance.priceVariance', money(pl.priceVariance)),
      fact('finance.grossProfit', money(pl.grossProfit)), fact('finance.netIncome', money(pl.netIncome)))),
    el('section', { id: 'bs' }, el('h3', { i18n: 'finance.balanceSummary' }), el('dl', { class: 'totals wide' },
      fact('finance.assets', money(bs.assets)), fact('finance.liabilities', money(bs.liabilities)), fact('finance.equity', money(bs.equity)),
      fact('finance.earnings', money(bs.earnings)), fact('finance.balanced', label(bs.balanced ? 'finance.yes' : 'finance.no')))),
    el('section', { id: 'tb' }, el('h3', { i18n: 'finance.trialBalance' }), accounts(tb.accounts, 'tb-table'),
      el('dl', { class: 'totals wide' }, fact('finance.col.debit', money(tb.totalDebit)), fact('finance.col.credit', money(tb.totalCredit)),
        fact('finance.balanced', label(tb.balanced ? 'finance.yes' : 'finance.no')))));
}
