// Customer invoices and credit notes: the list (open ones only on request) and one invoice as a
// printable document with its lines and VAT per rate (the print stylesheet prints only the document).
import { api } from '../api.js';
import { amount, body, fact, day, el, input, label, money, page, printButton, table } from '../business.js';
import { TABS } from './sales.js';

export async function showInvoices(openOnly = false) {
  page('sales.title', TABS, 'invoices');
  const open = input({ type: 'checkbox', id: 'inv-open', checked: openOnly });
  open.addEventListener('change', () => showInvoices(open.checked));
  const invoices = await api('/api/v1/invoices' + (openOnly ? '?open=true' : ''));
  body(el('div', { class: 'toolbar' }, el('label', { class: 'check' }, open, label('sales.openOnly'))), invoiceTable(invoices, 'inv-table'));
}

/** The invoice list as finance's receivables tab shows it too. */
export function invoiceTable(invoices, id) {
  return table([
    { label: 'sales.col.number', value: (i) => i.number },
    { label: 'sales.col.kind', value: (i) => label('sales.kind.' + i.kind) },
    { label: 'sales.col.customer', value: (i) => i.party },
    { label: 'sales.col.date', value: (i) => day(i.date) },
    { label: 'sales.col.due', value: (i) => day(i.dueDate) },
    { label: 'sales.col.gross', num: true, value: (i) => money(i.gross, i.currency) },
    { label: 'sales.col.open', num: true, value: (i) => money(i.open, i.currency) },
  ], invoices, { id, onRow: (i) => { location.hash = '#/sales?tab=invoices&invoice=' + i.id; } });
}

export async function showInvoice(id) {
  page('sales.invoice', TABS, 'invoices');
  const inv = await api('/api/v1/invoices/' + id);
  const m = (v) => money(v, inv.currency);
  const byRate = new Map();
  for (const l of inv.lines) {
    const r = byRate.get(l.vatRate) || { rate: l.vatRate, net: 0, vat: 0 };
    r.net += Number(l.net);
    r.vat += Number(l.vat);
    byRate.set(l.vatRate, r);
  }
  const doc = el('article', { class: 'printable invoice', id: 'invoice-doc', dataset: { number: inv.number } },
    el('header', { class: 'invoice-head' },
      el('div', {}, el('h2', { i18n: 'sales.kind.' + inv.kind }), el('p', { class: 'number' }, inv.number)),
      el('dl', { class: 'facts' },
        fact('sales.col.customer', inv.party), fact('sales.col.date', day(inv.date)), fact('sales.col.due', day(inv.dueDate)),
        inv.reference ? fact('sales.reference', inv.reference) : null)),
    table([
      { label: 'sales.col.line', value: (l) => l.line },
      { label: 'sales.col.sku', value: (l) => l.sku },
      { label: 'sales.col.quantity', num: true, value: (l) => amount(l.quantity) },
      { label: 'sales.col.unitPrice', num: true, value: (l) => m(l.unitPrice) },
      { label: 'sales.col.discountPct', num: true, value: (l) => amount(l.discountPct) },
      { label: 'sales.col.vatRate', num: true, value: (l) => amount(Number(l.vatRate) * 100) + ' %' },
      { label: 'sales.col.net', num: true, value: (l) => m(l.net) },
      { label: 'sales.col.vat', num: true, value: (l) => m(l.vat) },
    ], inv.lines, { id: 'invoice-lines' }),
    el('h3', { i18n: 'sales.vatSummary' }),
    table([
      { label: 'sales.col.vatRate', value: (r) => amount(Number(r.rate) * 100) + ' %' },
      { label: 'sales.col.net', num: true, value: (r) => m(r.net) },
      { label: 'sales.col.vat', num: true, value: (r) => m(r.vat) },
    ], [...byRate.values()], { id: 'invoice-vat' }),
    el('dl', { class: 'totals' }, fact('sales.col.net', m(inv.net)), fact('sales.col.vat', m(inv.vat)),
      fact('sales.col.gross', m(inv.gross)), fact('sales.paid', m(inv.paid)), fact('sales.col.open', m(inv.open))));
  body(el('div', { class: 'toolbar' }, printButton()), doc);
}

