// StockSense live dashboard: plain ES module, no build step, no external resources.
// Signs in with POST /api/v1/auth/token (token kept in sessionStorage), loads the current state over
// REST, then follows GET /api/v1/stream (server-sent events) so the wall screen updates without reloads.

const TOKEN_KEY = 'stocksense.token';
const FEED_SIZE = 25;
const state = { locations: new Map(), zones: new Map(), telemetry: new Map(), source: null };
const $ = (sel) => document.querySelector(sel);
const qtyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  if (res.status === 401) { signOut(); throw new Error('signed out'); }
  if (!res.ok) { throw new Error(`${path}: HTTP ${res.status}`); }
  return res.json();
}

async function signIn(event) {
  event.preventDefault();
  $('#login-error').textContent = '';
  const body = JSON.stringify({ username: $('#username').value, password: $('#password').value });
  const res = await fetch('/api/v1/auth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    $('#login-error').textContent = problem.detail || `Sign-in failed (HTTP ${res.status})`;
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, (await res.json()).access_token);
  $('#password').value = '';
  start();
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.source) { state.source.close(); state.source = null; }
  setLive(false);
  $('#dashboard').hidden = true;
  $('#logout').hidden = true;
  $('#login').hidden = false;
}

async function start() {
  $('#login').hidden = true;
  $('#dashboard').hidden = false;
  $('#logout').hidden = false;
  try {
    await loadAll();
    connect();
  } catch (e) {
    console.warn(e);
  }
}

async function loadAll() {
  const [locations, warehouses, stock, telemetry, movements] = await Promise.all([
    api('/api/v1/locations'), api('/api/v1/warehouses'), api('/api/v1/stock'),
    api('/api/v1/telemetry/latest'), api('/api/v1/movements?limit=' + FEED_SIZE)]);
  state.locations = new Map(locations.map((l) => [`${l.warehouse}/${l.code}`, l]));
  state.zones = new Map();
  for (const w of warehouses) {
    for (const z of w.zones) { state.zones.set(`${w.code}/${z.code}`, { ...z, warehouse: w.code }); }
  }
  renderStock(stock);
  state.telemetry = new Map();
  telemetry.forEach(applyTelemetry);
  renderZones();
  $('#feed').replaceChildren();
  movements.slice().reverse().forEach((m) => addFeedItem({
    movementType: m.movementType, location: m.location, warehouse: m.warehouse, deviceId: m.deviceId,
    time: m.deviceTime || m.recordedAt, lines: [{ sku: m.sku, quantity: m.quantity, unit: m.unit }] }, false));
}

function connect() {
  if (state.source) { state.source.close(); }
  const source = new EventSource('/api/v1/stream?access_token=' + encodeURIComponent(token()));
  state.source = source;
  source.onopen = () => setLive(true);
  source.onerror = () => {
    setLive(false);
    // EventSource retries by itself; a closed stream after a failed retry usually means the token expired.
    if (source.readyState === EventSource.CLOSED) { api('/api/v1/products').then(connect, () => {}); }
  };
  source.addEventListener('stock', (e) => upsertStockRow(JSON.parse(e.data), true));
  source.addEventListener('telemetry', (e) => { applyTelemetry(JSON.parse(e.data)); renderZones(); });
  source.addEventListener('movement', (e) => {
    const m = JSON.parse(e.data);
    addFeedItem({ ...m, time: m.deviceTime || m.gatewayTime }, true);
  });
}

function setLive(on) {
  const pill = $('#live-state');
  pill.textContent = on ? 'live' : 'offline';
  pill.className = 'pill ' + (on ? 'on' : 'off');
}

// ---------------------------------------------------------------- stock table, grouped by location

function renderStock(levels) {
  $('#stock-table tbody').replaceChildren();
  levels.forEach((l) => upsertStockRow(l, false));
  updateEmpty();
}

function groupRow(warehouse, location) {
  const tbody = $('#stock-table tbody');
  let group = tbody.querySelector(`tr.group[data-group="${CSS.escape(warehouse + '/' + location)}"]`);
  if (group) { return group; }
  group = document.createElement('tr');
  group.className = 'group';
  group.dataset.group = `${warehouse}/${location}`;
  const th = document.createElement('th');
  th.colSpan = 3;
  const meta = state.locations.get(`${warehouse}/${location}`);
  th.textContent = location;
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = meta ? meta.name : warehouse;
  th.append(name);
  group.append(th);
  // Keep groups in location-code order so the wall screen layout is stable.
  const later = [...tbody.querySelectorAll('tr.group')].find((g) => g.dataset.group > group.dataset.group);
  tbody.insertBefore(group, later || null);
  return group;
}

function upsertStockRow(level, flash) {
  const key = `tr[data-sku="${CSS.escape(level.sku)}"][data-location="${CSS.escape(level.location)}"]`
    + `[data-warehouse="${CSS.escape(level.warehouse)}"][data-lot="${CSS.escape(level.lot || '')}"]`;
  let row = $('#stock-table tbody').querySelector(key);
  if (Number(level.quantity) === 0) {
    if (row) { row.remove(); }
    pruneGroups();
    updateEmpty();
    return;
  }
  if (!row) {
    row = document.createElement('tr');
    Object.assign(row.dataset, { sku: level.sku, location: level.location, warehouse: level.warehouse, lot: level.lot || '' });
    row.innerHTML = '<td class="sku"></td><td class="qty"></td><td class="unit"></td>';
    row.querySelector('.sku').textContent = level.lot ? `${level.sku} · lot ${level.lot}` : level.sku;
    insertInGroup(groupRow(level.warehouse, level.location), row);
  }
  const qty = row.querySelector('.qty');
  qty.textContent = qtyFormat.format(Number(level.quantity));
  qty.classList.toggle('negative', Number(level.quantity) < 0);
  row.querySelector('.unit').textContent = level.unit;
  if (flash) { restartAnimation(row); }
  updateEmpty();
}

function insertInGroup(group, row) {
  let next = group.nextElementSibling;
  while (next && !next.classList.contains('group') && next.dataset.sku < row.dataset.sku) { next = next.nextElementSibling; }
  group.parentNode.insertBefore(row, next);
}

function pruneGroups() {
  for (const g of $('#stock-table tbody').querySelectorAll('tr.group')) {
    const next = g.nextElementSibling;
    if (!next || next.classList.contains('group')) { g.remove(); }
  }
}

function updateEmpty() {
  $('#stock-empty').hidden = $('#stock-table tbody').querySelector('tr[data-sku]') !== null;
}

// ---------------------------------------------------------------- climate zones

function applyTelemetry(t) {
  const key = `${t.warehouse}/${t.zone}`;
  const zone = state.telemetry.get(key) || {};
  zone[t.metric] = t;
  state.telemetry.set(key, zone);
}

function renderZones() {
  const box = $('#zones');
  const keys = new Set([...state.zones.keys()].filter((k) => state.zones.get(k).minC != null || state.telemetry.has(k)));
  state.telemetry.forEach((_, k) => keys.add(k));
  for (const key of [...keys].sort()) {
    const [warehouse, code] = key.split('/');
    let card = box.querySelector(`[data-zone="${CSS.escape(code)}"][data-warehouse="${CSS.escape(warehouse)}"]`);
    if (!card) {
      card = document.createElement('div');
      card.className = 'zone';
      card.dataset.zone = code;
      card.dataset.warehouse = warehouse;
      card.innerHTML = '<div class="wh"></div><h3></h3><div class="temp">–</div><div class="hum"></div>'
        + '<div class="limits"></div><div class="state"></div><div class="seen"></div>';
      box.append(card);
    }
    fillZone(card, state.zones.get(key) || { code, warehouse }, state.telemetry.get(key) || {});
  }
}

function fillZone(card, zone, metrics) {
  card.querySelector('h3').textContent = zone.name || zone.code;
  card.querySelector('.wh').textContent = zone.warehouse;
  const temp = metrics.temperature;
  const hum = metrics.humidity;
  card.querySelector('.temp').textContent = temp ? `${temp.value.toFixed(1)} °C` : '–';
  card.querySelector('.hum').textContent = hum ? `${hum.value.toFixed(0)} % RH` : '';
  const limited = zone.minC != null && zone.maxC != null;
  card.querySelector('.limits').textContent = limited ? `limits ${zone.minC}–${zone.maxC} °C` : 'no limits';
  const outside = limited && temp && (temp.value < zone.minC || temp.value > zone.maxC);
  card.classList.toggle('alarm', Boolean(outside));
  card.classList.toggle('nolimits', !limited);
  card.querySelector('.state').textContent = !temp ? 'no reading' : outside ? 'outside limits' : limited ? 'in range' : '';
  card.querySelector('.seen').textContent = temp ? `at ${timeFormat.format(new Date(temp.time))} · ${temp.deviceId}` : '';
}

// ---------------------------------------------------------------- movement feed

function addFeedItem(m, flash) {
  const li = document.createElement('li');
  const inbound = m.lines.some((l) => Number(l.quantity) > 0);
  li.innerHTML = '<span class="time"></span><span class="what"><span class="type"></span><span class="lines"></span></span>'
    + '<span class="where"></span>';
  li.querySelector('.time').textContent = m.time ? timeFormat.format(new Date(m.time)) : '';
  const type = li.querySelector('.type');
  type.textContent = (m.movementType || '').replace('_', ' ').toLowerCase();
  type.classList.add(inbound ? 'in' : 'out');
  li.querySelector('.lines').textContent = m.lines
    .map((l) => `${Number(l.quantity) > 0 ? '+' : ''}${qtyFormat.format(Number(l.quantity))} ${l.unit} ${l.sku}`).join(', ');
  li.querySelector('.where').textContent = `${m.location} · ${m.warehouse}${m.deviceId ? ' · ' + m.deviceId : ''}`;
  const feed = $('#feed');
  feed.prepend(li);
  while (feed.children.length > FEED_SIZE) { feed.lastElementChild.remove(); }
  if (flash) { restartAnimation(li); }
}

function restartAnimation(el) {
  el.classList.remove('flash');
  void el.offsetWidth; // reflow, so the animation plays again
  el.classList.add('flash');
}

function tick() { $('#clock').textContent = timeFormat.format(new Date()); }

$('#login-form').addEventListener('submit', (e) => { signIn(e).catch((err) => { $('#login-error').textContent = err.message; }); });
$('#logout').addEventListener('click', signOut);
setInterval(tick, 1000);
tick();
if (token()) { start(); } else { signOut(); }
