// Device health: each gateway's state and outbox backlog, each device's status, when it was last
// heard from and its battery. Live events refresh "last seen" and battery without a reload.
import { api } from '../api.js';
import { ago, num } from '../format.js';
import { t } from '../i18n.js';
import { schedule } from '../frame.js';

const SILENT_AFTER_MS = 15 * 60_000;
let health = { gateways: [], devices: [] };
const byId = new Map();

export async function load() {
  health = await api('/api/v1/devices/health');
  byId.clear();
  health.devices.forEach((d) => byId.set(d.id, d));
  render();
}

export function seen(deviceId, at, battery) {
  const d = byId.get(deviceId);
  if (!d) { return; }
  d.lastSeen = at || new Date().toISOString();
  if (battery != null) { d.battery = battery; }
  schedule('devices', render);
}

export function onDeviceEvent(e) {
  if (e.kind === 'device-status' && e.attributes && byId.has(e.attributes.device)) {
    const d = byId.get(e.attributes.device);
    d.status = e.attributes.state;
    d.statusReason = e.attributes.reason || null;
    d.statusAt = e.gatewayTime;
    schedule('devices', render);
  }
}

function statusOf(d) {
  if (d.status) { return d.status.toLowerCase() === 'online' ? 'online' : 'offline'; }
  if (!d.lastSeen) { return 'unknown'; }
  return Date.now() - Date.parse(d.lastSeen) > SILENT_AFTER_MS ? 'silent' : 'online';
}

function render() {
  const gws = health.gateways.map((g) => {
    const div = document.createElement('div');
    div.className = `gateway ${g.state === 'online' ? 'online' : 'offline'}`;
    div.dataset.gateway = g.id;
    const backlog = g.outboxDepth == null ? t('devices.backlogUnknown') : t('devices.backlog', { n: g.outboxDepth });
    div.textContent = `${g.id} · ${t('devices.state.' + (g.state || 'unknown'))} · ${backlog}`;
    return div;
  });
  document.getElementById('gateways').replaceChildren(...gws);
  const rows = health.devices.map((d) => {
    const tr = document.createElement('tr');
    tr.dataset.device = d.id;
    const status = statusOf(d);
    tr.className = status;
    tr.innerHTML = '<td class="dev"></td><td class="st"></td><td class="seen"></td><td class="num bat"></td>';
    tr.querySelector('.dev').textContent = d.id;
    tr.querySelector('.dev').title = [d.family, d.location || d.zone, d.gateway].filter(Boolean).join(' · ');
    tr.querySelector('.st').textContent = t('devices.state.' + status) + (d.statusReason ? ` (${d.statusReason.toLowerCase().replace(/_/g, ' ')})` : '');
    tr.querySelector('.seen').textContent = ago(d.lastSeen);
    tr.querySelector('.bat').textContent = d.battery == null ? '–' : `${num(d.battery, 0)} %`;
    tr.querySelector('.bat').classList.toggle('low', d.battery != null && d.battery < 20);
    return tr;
  });
  document.querySelector('#devices tbody').replaceChildren(...rows);
}

setInterval(() => { if (health.devices.length) { schedule('devices', render); } }, 10_000);
document.addEventListener('languagechange', render);
