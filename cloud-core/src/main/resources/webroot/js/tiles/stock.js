// Stock tile: levels grouped by warehouse › zone › location, with a per-zone summary; live "stock" events.
import { qty } from '../format.js';
import { t } from '../i18n.js';
import { flash, schedule } from '../frame.js';

const $ = (sel) => document.querySelector(sel);
let locations = new Map();
let zones = new Map();

export function load(locationList, warehouses, levels) {
  locations = new Map(locationList.map((l) => [`${l.warehouse}/${l.code}`, l]));
  zones = new Map();
  for (const w of warehouses) { for (const z of w.zones) { zones.set(`${w.code}/${z.code}`, z); } }
  $('#stock-table tbody').replaceChildren();
  levels.forEach((l) => upsert(l, false));
  refresh();
}

export function onStock(level) { upsert(level, true); schedule('stock-summary', refresh); }

function zoneOf(level) {
  const loc = locations.get(`${level.warehouse}/${level.location}`);
  return loc && loc.zone ? loc.zone : '';
}

function groupKey(level) { return `${level.warehouse}/${zoneOf(level)}/${level.location}`; }

function groupRow(level) {
  const tbody = $('#stock-table tbody');
  const key = groupKey(level);
  let group = tbody.querySelector(`tr.group[data-group="${CSS.escape(key)}"]`);
  if (group) { return group; }
  group = document.createElement('tr');
  group.className = 'group';
  group.dataset.group = key;
  const th = document.createElement('th');
  th.colSpan = 3;
  const zone = zones.get(`${level.warehouse}/${zoneOf(level)}`);
  const meta = locations.get(`${level.warehouse}/${level.location}`);
  th.textContent = [level.warehouse, zone ? (zone.name || zone.code) : zoneOf(level), level.location].filter(Boolean).join(' › ');
  if (meta && meta.name) {
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = meta.name;
    th.append(name);
  }
  group.append(th);
  const later = [...tbody.querySelectorAll('tr.group')].find((g) => g.dataset.group > key);
  tbody.insertBefore(group, later || null);
  return group;
}

function upsert(level, live) {
  const sel = `tr[data-sku="${CSS.escape(level.sku)}"][data-location="${CSS.escape(level.location)}"]`
    + `[data-warehouse="${CSS.escape(level.warehouse)}"][data-lot="${CSS.escape(level.lot || '')}"]`;
  const tbody = $('#stock-table tbody');
  let row = tbody.querySelector(sel);
  if (Number(level.quantity) === 0) {
    if (row) { row.remove(); prune(); }
    return;
  }
  if (!row) {
    row = document.createElement('tr');
    Object.assign(row.dataset, { sku: level.sku, location: level.location, warehouse: level.warehouse, lot: level.lot || '', zone: zoneOf(level) });
    row.innerHTML = '<td class="sku"></td><td class="qty"></td><td class="unit"></td>';
    row.querySelector('.sku').textContent = level.lot ? `${level.sku} · ${t('stock.lot')} ${level.lot}` : level.sku;
    const group = groupRow(level);
    let next = group.nextElementSibling;
    while (next && !next.classList.contains('group') && next.dataset.sku < level.sku) { next = next.nextElementSibling; }
    tbody.insertBefore(row, next);
  }
  row.dataset.quantity = level.quantity;
  const cell = row.querySelector('.qty');
  cell.textContent = qty(level.quantity);
  cell.classList.toggle('negative', Number(level.quantity) < 0);
  row.querySelector('.unit').textContent = level.unit;
  if (live) { flash(row); }
}

function prune() {
  for (const g of $('#stock-table tbody').querySelectorAll('tr.group')) {
    const next = g.nextElementSibling;
    if (!next || next.classList.contains('group')) { g.remove(); }
  }
}

/** Summary chips per warehouse × zone: number of SKUs and total quantity per unit. */
function refresh() {
  const totals = new Map();
  for (const row of $('#stock-table tbody').querySelectorAll('tr[data-sku]')) {
    const key = `${row.dataset.warehouse}/${row.dataset.zone}`;
    const entry = totals.get(key) || { skus: new Set(), units: new Map() };
    entry.skus.add(row.dataset.sku);
    const unit = row.querySelector('.unit').textContent;
    entry.units.set(unit, (entry.units.get(unit) || 0) + Number(row.dataset.quantity));
    totals.set(key, entry);
  }
  const chips = [...totals.keys()].sort().map((key) => {
    const [wh, zoneCode] = key.split('/');
    const zone = zones.get(key);
    const e = totals.get(key);
    const chip = document.createElement('div');
    chip.className = 'chip';
    chip.dataset.zone = key;
    const title = document.createElement('b');
    title.textContent = `${wh} · ${zone ? (zone.name || zone.code) : (zoneCode || t('stock.noZone'))}`;
    const body = document.createElement('span');
    body.textContent = t('stock.summary', { skus: e.skus.size })
      + ' · ' + [...e.units].map(([u, q]) => `${qty(q)} ${u}`).join(', ');
    chip.append(title, body);
    return chip;
  });
  $('#stock-summary').replaceChildren(...chips);
  $('#stock-empty').hidden = chips.length > 0;
}

document.addEventListener('languagechange', () => schedule('stock-summary', refresh));
