// Stock tile: levels grouped by warehouse › zone › location, with a per-zone summary; live "stock" events.
// Rows and chips are kept by key, so a live event updates its own row and the chips' text only.
import { qty } from '../format.js';
import { t } from '../i18n.js';
import { flash, schedule, setText } from '../frame.js';

const $ = (sel) => document.querySelector(sel);
let locations = new Map();
let zones = new Map();
const rows = new Map(); // "warehouse/location/sku/lot" -> its <tr>
const chips = new Map(); // "warehouse/zone" -> its summary chip

export function load(locationList, warehouses, levels) {
  locations = new Map(locationList.map((l) => [`${l.warehouse}/${l.code}`, l]));
  zones = new Map();
  for (const w of warehouses) { for (const z of w.zones) { zones.set(`${w.code}/${z.code}`, z); } }
  $('#stock-table tbody').replaceChildren();
  rows.clear();
  chips.clear();
  $('#stock-summary').replaceChildren();
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
  const key = `${level.warehouse}/${level.location}/${level.sku}/${level.lot || ''}`;
  const tbody = $('#stock-table tbody');
  let row = rows.get(key);
  if (Number(level.quantity) === 0) {
    if (row) { row.remove(); rows.delete(key); prune(); }
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
    rows.set(key, row);
  }
  row.dataset.quantity = level.quantity;
  row.dataset.unit = level.unit;
  const cell = row.querySelector('.qty');
  setText(cell, qty(level.quantity));
  cell.classList.toggle('negative', Number(level.quantity) < 0);
  setText(row.querySelector('.unit'), level.unit);
  if (live) { flash(row); }
}

function prune() {
  for (const g of $('#stock-table tbody').querySelectorAll('tr.group')) {
    const next = g.nextElementSibling;
    if (!next || next.classList.contains('group')) { g.remove(); }
  }
}

/**
 * Summary chips per warehouse × zone: number of SKUs and total quantity per unit. Totals come from the
 * kept rows (no DOM queries); a chip is created once per zone and afterwards only its text changes.
 */
function refresh() {
  const totals = new Map();
  for (const row of rows.values()) {
    const key = `${row.dataset.warehouse}/${row.dataset.zone}`;
    const entry = totals.get(key) || { skus: new Set(), units: new Map() };
    entry.skus.add(row.dataset.sku);
    const unit = row.dataset.unit;
    entry.units.set(unit, (entry.units.get(unit) || 0) + Number(row.dataset.quantity));
    totals.set(key, entry);
  }
  for (const [key, chip] of chips) {
    if (!totals.has(key)) { chip.remove(); chips.delete(key); }
  }
  for (const key of [...totals.keys()].sort()) {
    const [wh, zoneCode] = key.split('/');
    const zone = zones.get(key);
    const e = totals.get(key);
    let chip = chips.get(key);
    if (!chip) {
      chip = document.createElement('div');
      chip.className = 'chip';
      chip.dataset.zone = key;
      chip.append(document.createElement('b'), document.createElement('span'));
      const later = [...chips.keys()].sort().find((k) => k > key);
      $('#stock-summary').insertBefore(chip, later ? chips.get(later) : null);
      chips.set(key, chip);
    }
    setText(chip.firstChild, `${wh} · ${zone ? (zone.name || zone.code) : (zoneCode || t('stock.noZone'))}`);
    setText(chip.lastChild, t('stock.summary', { skus: e.skus.size })
      + ' · ' + [...e.units].map(([u, q]) => `${qty(q)} ${u}`).join(', '));
  }
  $('#stock-empty').hidden = chips.size > 0;
}

document.addEventListener('languagechange', () => schedule('stock-summary', refresh));
