// Device health: each gateway's state and outbox backlog, each device's status, when it was last
// heard from and its battery. Live events update only the rows of the devices they name (keyed by
// device id), and only the cells whose text changed, so a busy site costs no full redraws.
import { api } from '../api.js';
import { ago, num } from '../format.js';
import { t } from '../i18n.js';
import { schedule, setText } from '../frame.js';

const SILENT_AFTER_MS = 15 * 60_000;
let health = { gateways: [], devices: [] };
const byId = new Map();
const rows = new Map(); // device id -> its <tr>
const dirty = new Set(); // device ids to update in the next frame

export async function load() {
  health = await api('/api/v1/devices/health');
  byId.clear();
  rows.clear();
  dirty.clear();
  health.devices.forEach((d) => byId.set(d.id, d));
  document.querySelector('#devices tbody').replaceChildren(...health.devices.map((d) => row(d)));
  renderGateways();
}

/** A device was heard from: only its row is updated, in the next animation frame. */
export function seen(deviceId, at, battery) {
  const d = byId.get(deviceId);
  if (!d) { return; }
  d.lastSeen = at || new Date().toISOString();
  if (battery != null) { d.battery = battery; }
  touch(deviceId);
}

export function onDeviceEvent(e) {
  if (e.kind === 'device-status' && e.attributes && byId.has(e.attributes.device)) {
    const d = byId.get(e.attributes.device);
    d.status = e.attributes.state;
    d.statusReason = e.attributes.reason || null;
    d.statusAt = e.gatewayTime;
    touch(d.id);
  }
}

function touch(id) {
  dirty.add(id);
  schedule('devices', flush);
}

function flush() {
  for (const id of dirty) { fill(rows.get(id), byId.get(id)); }
  dirty.clear();
}

function statusOf(d) {
  if (d.status) { return d.status.toLowerCase() === 'online' ? 'online' : 'offline'; }
  if (!d.lastSeen) { return 'unknown'; }
  return Date.now() - Date.parse(d.lastSeen) > SILENT_AFTER_MS ? 'silent' : 'online';
}

function renderGateways() {
  const gws = health.gateways.map((g) => {
    const div = document.createElement('div');
    div.className = `gateway ${g.state === 'online' ? 'online' : 'offline'}`;
    div.dataset.gateway = g.id;
    const backlog = g.outboxDepth == null ? t('devices.backlogUnknown') : t('devices.backlog', { n: g.outboxDepth });
    div.textContent = `${g.id} · ${t('devices.state.' + (g.state || 'unknown'))} · ${backlog}`;
    return div;
  });
  document.getElementById('gateways').replaceChildren(...gws);
}

/** One device's row, created once per load and kept by id; later updates only touch its cells. */
function row(d) {
  const tr = document.createElement('tr');
  tr.dataset.device = d.id;
  tr.innerHTML = '<td class="dev"></td><td class="st"></td><td class="seen"></td><td class="num bat"></td>';
  tr.querySelector('.dev').textContent = d.id;
  tr.querySelector('.dev').title = [d.family, d.location || d.zone, d.gateway].filter(Boolean).join(' · ');
  rows.set(d.id, tr);
  fill(tr, d);
  return tr;
}

function fill(tr, d) {
  if (!tr || !d) { return; }
  const status = statusOf(d);
  if (tr.className !== status) { tr.className = status; }
  setText(tr.querySelector('.st'), t('devices.state.' + status) + (d.statusReason ? ` (${d.statusReason.toLowerCase().replace(/_/g, ' ')})` : ''));
  setText(tr.querySelector('.seen'), ago(d.lastSeen));
  const bat = tr.querySelector('.bat');
  setText(bat, d.battery == null ? '–' : `${num(d.battery, 0)} %`);
  bat.classList.toggle('low', d.battery != null && d.battery < 20);
}

/** Every row again ("last seen" ages, the language changed): text is written only where it differs. */
function refreshAll() {
  health.devices.forEach((d) => fill(rows.get(d.id), d));
}

setInterval(() => { if (health.devices.length) { schedule('devices', refreshAll); } }, 10_000);
document.addEventListener('languagechange', () => { renderGateways(); refreshAll(); });
