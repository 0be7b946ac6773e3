// Chart.js (served from its WebJar as /webjars/chart.js/dist/chart.umd.min.js, loaded as window.Chart).
import { locale } from './i18n.js';

const COLORS = ['#3fb6a8', '#f6993f', '#6c8cff', '#e3342f', '#38c172', '#c678dd', '#e5c07b', '#56b6c2'];
export const color = (i) => COLORS[i % COLORS.length];
const available = () => typeof window.Chart === 'function';

function textColor() { return getComputedStyle(document.body).getPropertyValue('--muted').trim() || '#888'; }

/** A temperature line with the zone's limits as dashed lines; points are {x: ms, y}. */
export function zoneChart(canvas, minC, maxC) {
  if (!available()) { return null; }
  const limit = (label, value, c) => ({ label, data: [], borderColor: c, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0,
    fill: false, value });
  const datasets = [{ label: '°C', data: [], borderColor: '#3fb6a8', backgroundColor: 'rgba(63,182,168,.15)', borderWidth: 2,
    pointRadius: 0, tension: 0.25, fill: true }];
  if (minC != null) { datasets.push(limit('min', minC, '#6c8cff')); }
  if (maxC != null) { datasets.push(limit('max', maxC, '#e3342f')); }
  return new window.Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: { type: 'linear', ticks: { color: textColor(), maxTicksLimit: 4, callback: (v) => new Date(v).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }) } },
        y: { ticks: { color: textColor(), maxTicksLimit: 5 }, suggestedMin: minC != null ? minC - 2 : undefined, suggestedMax: maxC != null ? maxC + 2 : undefined },
      },
    },
  });
}

/** Replaces the temperature points; the x axis and the limit lines span the last {@code windowMs}. */
export function setZonePoints(chart, points, windowMs) {
  if (!chart) { return; }
  chart.data.datasets[0].data = points;
  const last = Date.now();
  const first = last - windowMs;
  for (const ds of chart.data.datasets.slice(1)) { ds.data = [{ x: first, y: ds.value }, { x: last, y: ds.value }]; }
  chart.options.scales.x.min = first;
  chart.options.scales.x.max = last;
  chart.update('none');
}

/** A bar or line chart of report rows: labels and one or more series {label, data, type?}. */
export function reportChart(canvas, existing, { type = 'bar', labels, series, stacked = false, limits = [] }) {
  if (existing) { existing.destroy(); }
  if (!available()) { return null; }
  const datasets = series.map((s, i) => ({ type: s.type || type, label: s.label, data: s.data, backgroundColor: s.color || color(i),
    borderColor: s.color || color(i), borderWidth: s.type === 'line' ? 2 : 0, pointRadius: s.type === 'line' ? 2 : 0 }));
  for (const l of limits) {
    datasets.push({ type: 'line', label: l.label, data: labels.map(() => l.value), borderColor: l.color, borderDash: [6, 4],
      borderWidth: 1.5, pointRadius: 0, fill: false });
  }
  return new window.Chart(canvas, {
    type,
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { labels: { color: textColor() } } },
      scales: { x: { stacked, ticks: { color: textColor() } }, y: { stacked, ticks: { color: textColor() } } },
    },
  });
}
