// POS checkout. A barcode scanner acts as a keyboard: it types the digits into the focused scan field
// and presses Enter, which looks the code up (GET /pos/lookup) and adds a line (a repeated scan adds
// one to it). Line and sale discounts, VAT at the rate the lookup names, several payments (cash,
// card, voucher) and the change are worked out as the server will; the sale itself is
// POST /pos/sales, whose answer (the server's figures and receipt text) is shown as a printable receipt.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { body, dec, fact, el, field, guard, input, label, lookups, money, options, page, printButton, select, showError, clearError, table } from '../business.js';

const PLACE_KEY = 'stocksense.pos.place';
let sale = null; // { lines: [{item, barcode, quantity, discountPct}], discountPct, payments: [{method, amount}] }

const cents = (v) => Math.round(v * 100 + Math.sign(v) * 1e-7) / 100;
const combined = (a, b) => a + b - (a * b) / 100;

/** Net, VAT and gross of the sale as the server computes them (per line, rounded to cents). */
export function totals(s) {
  let net = 0; let vat = 0; let list = 0;
  for (const l of s.lines) {
    const price = Number(l.item.salePrice);
    const lineNet = cents(l.quantity * price * (100 - combined(l.discountPct, s.discountPct)) / 100);
    net += lineNet;
    vat += cents(lineNet * Number(l.item.vatRate || 0));
    list += cents(l.quantity * price);
  }
  const gross = cents(net + vat);
  const paid = cents(s.payments.reduce((a, p) => a + Number(p.amount), 0));
  return { net: cents(net), vat: cents(vat), gross, discount: cents(list - net), paid, due: cents(Math.max(0, gross - paid)), change: cents(Math.max(0, paid - gross)) };
}

export async function show() {
  sale = { lines: [], discountPct: 0, payments: [] };
  page('pos.title', [], 'pos');
  const { warehouses, locations } = await lookups('warehouses', 'locations');
  const saved = JSON.parse(localStorage.getItem(PLACE_KEY) || '{}');
  const warehouse = select(options(warehouses), { id: 'pos-warehouse' });
  const place = select([], { id: 'pos-location' });
  const fill = () => place.replaceChildren(...select(options(locations.filter((l) => l.warehouse === warehouse.value))).children);
  if (saved.warehouse) { warehouse.value = saved.warehouse; }
  fill();
  if (saved.location) { place.value = saved.location; }
  const remember = () => localStorage.setItem(PLACE_KEY, JSON.stringify({ warehouse: warehouse.value, location: place.value }));
  warehouse.addEventListener('change', () => { fill(); remember(); });
  place.addEventListener('change', remember);
  const scan = input({ id: 'pos-scan', class: 'scan', autocomplete: 'off', inputmode: 'numeric', 'data-i18n-attr': 'placeholder:pos.scanHere' });
  scan.placeholder = label('pos.scanHere').textContent;
  scan.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') { return; }
    e.preventDefault();
    const code = scan.value.trim();
    scan.value = '';
    if (code) { addScan(code).catch(showError); }
  });
  const screen = el('div', { class: 'pos', id: 'pos-screen' },
    el('div', { class: 'pos-main' }, el('div', { class: 'fields' }, field('pos.warehouse', warehouse), field('pos.location', place)),
      field('pos.scan', scan), el('div', { id: 'pos-lines' })),
    el('aside', { class: 'pos-side' }, el('div', { id: 'pos-totals' }), el('div', { id: 'pos-payments' })));
  body(screen);
  screen.addEventListener('click', (e) => { if (!e.target.closest('input, select, button')) { scan.focus(); } });
  sale.place = () => ({ warehouse: warehouse.value, location: place.value });
  render();
  scan.focus();
}

async function addScan(code) {
  clearError();
  const same = sale.lines.find((l) => l.barcode === code);
  if (same) { same.quantity += 1; } else {
    const item = await api('/api/v1/pos/lookup?barcode=' + encodeURIComponent(code)).catch((e) => {
      throw e.status === 404 ? Object.assign(new Error(t('pos.unknownBarcode', { code })), { status: 404, problem: { type: 'unknown-barcode' } }) : e;
    });
    const known = sale.lines.find((l) => l.item.sku === item.sku);
    if (known) { known.quantity += 1; } else { sale.lines.push({ item, barcode: code, quantity: 1, discountPct: 0 }); }
  }
  render();
}

function numberInput(value, onChange, attrs = {}) {
  const i = input({ type: 'number', step: 'any', min: '0', value: String(value), ...attrs });
  i.addEventListener('change', () => { onChange(Number(dec(i.value) || 0)); render(); });
  return i;
}

function render() {
  const tot = totals(sale);
  const cur = sale.lines.length ? sale.lines[0].item.currency || 'EUR' : 'EUR';
  const m = (v) => money(v, cur);
  document.getElementById('pos-lines').replaceChildren(table([
    { label: 'pos.col.item', value: (l) => el('span', {}, el('b', {}, l.item.name || l.item.sku), el('br'), el('small', {}, `${l.item.sku} · ${l.barcode}`)) },
    { label: 'pos.col.quantity', num: true, value: (l) => numberInput(l.quantity, (v) => { l.quantity = v; sale.lines = sale.lines.filter((x) => x.quantity > 0); }, { class: 'qty', dataset: { sku: l.item.sku } }) },
    { label: 'pos.col.price', num: true, value: (l) => m(l.item.salePrice) },
    { label: 'pos.col.discountPct', num: true, value: (l) => numberInput(l.discountPct, (v) => { l.discountPct = v; }, { class: 'disc', max: '100' }) },
    { label: 'pos.col.net', num: true, value: (l) => m(cents(l.quantity * Number(l.item.salePrice) * (100 - combined(l.discountPct, sale.discountPct)) / 100)) },
  ], sale.lines, { id: 'pos-table', empty: 'pos.empty' }));
  const line = (key, value, id) => el('div', { class: 'tot', id }, el('span', { i18n: key }), el('b', {}, value));
  document.getElementById('pos-totals').replaceChildren(
    field('pos.saleDiscount', numberInput(sale.discountPct, (v) => { sale.discountPct = v; }, { id: 'pos-discount', max: '100' })),
    line('pos.discount', m(tot.discount), 'pos-tot-discount'), line('pos.net', m(tot.net), 'pos-tot-net'),
    line('pos.vat', m(tot.vat), 'pos-tot-vat'), el('div', { class: 'tot total', id: 'pos-tot-gross' }, el('span', { i18n: 'pos.total' }), el('b', {}, m(tot.gross))));
  renderPayments(tot, m);
}

function renderPayments(tot, m) {
  const method = select(['cash', 'card', 'voucher'].map((v) => ({ value: v, i18n: 'pos.method.' + v })), { id: 'pos-method' });
  const amt = input({ id: 'pos-amount', type: 'number', step: '0.01', min: '0', value: tot.due ? tot.due.toFixed(2) : '' });
  const add = el('button', { type: 'button', id: 'pos-add-payment', class: 'secondary', i18n: 'pos.addPayment', on: { click: () => {
    const v = Number(dec(amt.value) || 0);
    if (v > 0) { sale.payments.push({ method: method.value, amount: v.toFixed(2) }); render(); }
  } } });
  const pay = el('button', { type: 'button', id: 'pos-checkout', class: 'big', i18n: 'pos.checkout', disabled: !sale.lines.length || tot.due > 0,
    on: { click: (e) => guard(e.currentTarget, checkout) } });
  document.getElementById('pos-payments').replaceChildren(
    el('h3', { i18n: 'pos.payments' }),
    el('ul', { class: 'payments', id: 'pos-payment-list' }, sale.payments.map((p, i) => el('li', {}, el('span', { i18n: 'pos.method.' + p.method }), ' ', m(p.amount),
      el('button', { type: 'button', class: 'link', 'aria-label': 'x', on: { click: () => { sale.payments.splice(i, 1); render(); } } }, '×')))),
    el('div', { class: 'fields' }, field('pos.method', method), field('pos.amount', amt), add),
    el('div', { class: 'tot', id: 'pos-paid' }, el('span', { i18n: 'pos.paid' }), el('b', {}, m(tot.paid))),
    el('div', { class: 'tot', id: 'pos-due' }, el('span', { i18n: 'pos.due' }), el('b', {}, m(tot.due))),
    el('div', { class: 'tot', id: 'pos-change' }, el('span', { i18n: 'pos.change' }), el('b', {}, m(tot.change))),
    pay);
}

async function checkout() {
  const { warehouse, location } = sale.place();
  const done = await api('/api/v1/pos/sales', { method: 'POST', body: {
    warehouse, location, discountPct: sale.discountPct ? String(sale.discountPct) : undefined,
    lines: sale.lines.map((l) => ({ barcode: l.barcode, quantity: String(l.quantity), discountPct: l.discountPct ? String(l.discountPct) : undefined })),
    payments: sale.payments.map((p) => ({ method: p.method, amount: p.amount })),
  } });
  showReceipt(done);
}

function showReceipt(done) {
  const m = (v) => money(v, done.currency);
  const next = el('button', { type: 'button', id: 'pos-next', i18n: 'pos.nextSale', on: { click: () => show().catch(showError) } });
  body(el('div', { class: 'toolbar' }, printButton('pos.printReceipt'), next),
    el('article', { class: 'printable receipt', id: 'pos-receipt', dataset: { number: done.number } },
      el('h2', { i18n: 'pos.receipt' }), el('p', { class: 'number' }, done.number),
      el('pre', { class: 'receipt-text' }, done.receipt.join('\n')),
      el('dl', { class: 'totals' }, fact('pos.net', m(done.net)), fact('pos.vat', m(done.vat)), fact('pos.total', m(done.gross)),
        fact('pos.paid', m(done.paid)), el('div', { id: 'receipt-change' }, el('dt', { i18n: 'pos.change' }), el('dd', {}, m(done.change))))));
  next.focus();
}

