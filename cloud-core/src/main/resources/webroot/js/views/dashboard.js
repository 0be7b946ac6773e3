// The live dashboard: loads every tile over REST, then follows the live stream.
import { api } from '../api.js';
import * as live from '../live.js';
import * as stock from '../tiles/stock.js';
import * as feed from '../tiles/feed.js';
import * as zones from '../tiles/zones.js';
import * as alarms from '../tiles/alarms.js';
import * as devices from '../tiles/devices.js';
import * as alerts from '../tiles/alerts.js';

let wired = false;

function wire() {
  live.on('stock', (s) => { stock.onStock(s); alerts.soon(); });
  live.on('movement', (m) => { feed.onMovement(m); devices.seen(m.deviceId, null); });
  live.on('telemetry', (tm) => { zones.onTelemetry(tm); devices.seen(tm.deviceId, null, tm.metric === 'battery' ? tm.value : null); });
  live.on('device-event', (e) => { alarms.onDeviceEvent(e); devices.onDeviceEvent(e); });
  live.on('alarm', alarms.onAlarm);
  live.onResync(() => { if (!document.getElementById('view-dashboard').hidden) { loadAll().catch(console.warn); } });
  wired = true;
}

async function loadAll() {
  const [locations, warehouses, levels, latest, movements] = await Promise.all([
    api('/api/v1/locations'), api('/api/v1/warehouses'), api('/api/v1/stock'),
    api('/api/v1/telemetry/latest'), api('/api/v1/movements?limit=60')]);
  stock.load(locations, warehouses, levels);
  feed.load(movements);
  await Promise.all([zones.load(warehouses, latest), alarms.load(), devices.load(), alerts.load()]);
  document.getElementById('view-dashboard').dataset.loaded = String(Date.now());
}

export async function show() {
  if (!wired) { wire(); }
  await loadAll();
}
