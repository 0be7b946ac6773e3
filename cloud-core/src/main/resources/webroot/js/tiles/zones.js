// Environment tile: one card per zone with its current temperature, humidity, MKT, limits and a chart of
// the last two hours (with the limits drawn in). Live telemetry updates the card and the chart's
// current one-minute bucket; the chart redraws at most once a second.
import { api } from '../api.js';
import { num, time } from '../format.js';
import { t } from '../i18n.js';
import { schedule, setText } from '../frame.js';
import { setZonePoints, zoneChart } from '../charts.js';

const WINDOW_MS = 2 * 3600_000;
const BUCKET_MS = 60_000;
const zones = new Map(); // "WH/ZONE" -> { meta, metrics, points, chart, card, drawnAt }

export async function load(warehouses, latest) {
  const box = document.getElementById('zones');
  zones.forEach((z) => { clearTimeout(z.chartTimer); if (z.chart) { z.chart.destroy(); } });
  zones.clear();
  box.replaceChildren();
  for (const w of warehouses) {
    for (const z of w.zones) { if (z.minC != null || z.maxC != null) { entry(w.code, z); } }
  }
  for (const tm of latest) { entry(tm.warehouse, { code: tm.zone }).metrics[tm.metric] = tm; }
  await Promise.all([...zones.entries()].map(([key, z]) => loadSeries(key, z)));
  zones.forEach((z) => fill(z));
}

function entry(warehouse, meta) {
  const key = `${warehouse}/${meta.code}`;
  if (zones.has(key)) { return zones.get(key); }
  const card = document.createElement('div');
  card.className = 'zone';
  card.dataset.zone = meta.code;
  card.dataset.warehouse = warehouse;
  card.innerHTML = '<div class="zone-head"><div><div class="wh"></div><h3></h3></div><div class="state"></div></div>'
    + '<div class="readings"><div class="temp">–</div><div class="side"><div class="hum"></div><div class="mkt"></div>'
    + '<div class="limits"></div></div></div><div class="zone-chart"><canvas></canvas></div><div class="seen"></div>';
  document.getElementById('zones').append(card);
  const z = { warehouse, meta, metrics: {}, points: [], card, chart: null, drawnAt: 0, chartTimer: null };
  z.chart = zoneChart(card.querySelector('canvas'), meta.minC, meta.maxC);
  zones.set(key, z);
  return z;
}

async function loadSeries(key, z) {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const rows = await api(`/api/v1/telemetry/series?warehouse=${encodeURIComponent(z.warehouse)}&zone=${encodeURIComponent(z.meta.code)}`
    + `&metric=temperature&since=${encodeURIComponent(since)}&points=120`);
  z.points = rows.map((r) => ({ x: Date.parse(r.time), y: r.mean, n: r.count }));
  setZonePoints(z.chart, z.points, WINDOW_MS);
  z.drawnAt = Date.now();
}

export function onTelemetry(tm) {
  const z = entry(tm.warehouse, zones.get(`${tm.warehouse}/${tm.zone}`)?.meta || { code: tm.zone });
  z.metrics[tm.metric] = tm;
  if (tm.metric === 'temperature') { addPoint(z, Date.parse(tm.time), tm.value); }
  schedule('zone:' + tm.warehouse + '/' + tm.zone, () => fill(z));
}

function addPoint(z, at, value) {
  const bucket = Math.floor(at / BUCKET_MS) * BUCKET_MS;
  const last = z.points[z.points.length - 1];
  if (last && last.x >= bucket) {
    last.y = (last.y * last.n + value) / (last.n + 1);
    last.n += 1;
  } else {
    z.points.push({ x: bucket, y: value, n: 1 });
  }
  const oldest = Date.now() - WINDOW_MS;
  while (z.points.length && z.points[0].x < oldest) { z.points.shift(); }
}

function fill(z) {
  const { card, meta, metrics } = z;
  setText(card.querySelector('h3'), meta.name || meta.code);
  setText(card.querySelector('.wh'), z.warehouse);
  const temp = metrics.temperature;
  setText(card.querySelector('.temp'), temp ? `${num(temp.value)} °C` : '–');
  setText(card.querySelector('.hum'), metrics.humidity ? `${num(metrics.humidity.value, 0)} % RH` : '');
  setText(card.querySelector('.mkt'), metrics.mkt ? `${t('zones.mkt')} ${num(metrics.mkt.value, 2)} °C` : '');
  const limited = meta.minC != null && meta.maxC != null;
  setText(card.querySelector('.limits'), limited ? t('zones.limits', { min: meta.minC, max: meta.maxC }) : t('zones.noLimits'));
  const outside = limited && temp && (temp.value < meta.minC || temp.value > meta.maxC);
  card.classList.toggle('alarm', Boolean(outside));
  card.classList.toggle('nolimits', !limited);
  setText(card.querySelector('.state'), !temp ? t('zones.noReading') : outside ? t('zones.outside') : limited ? t('zones.inRange') : '');
  setText(card.querySelector('.seen'), temp ? `${time(temp.time)} · ${temp.deviceId}` : '');
  if (!z.chartTimer) {
    z.chartTimer = setTimeout(() => {
      z.chartTimer = null;
      setZonePoints(z.chart, z.points, WINDOW_MS);
      z.drawnAt = Date.now();
    }, Math.max(0, 1000 - (Date.now() - z.drawnAt)));
  }
}

document.addEventListener('languagechange', () => zones.forEach((z) => fill(z)));
