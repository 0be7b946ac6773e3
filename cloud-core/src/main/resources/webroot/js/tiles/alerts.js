// Open stock alerts (negative stock, variance, shrinkage, and low-stock / expiry as they come):
// polled, and reloaded soon after stock changes.
import { api } from '../api.js';
import { code, dateTime } from '../format.js';
import { t } from '../i18n.js';

let timer = null;
let alerts = [];

export async function load() {
  alerts = await api('/api/v1/inventory/alerts?open=true');
  render();
}

/** Stock changed: reload within 5 s (coalesced). */
export function soon() {
  if (!timer) { timer = setTimeout(() => { timer = null; load().catch(console.warn); }, 5000); }
}

function render() {
  const items = alerts.slice(0, 50).map((a) => {
    const li = document.createElement('li');
    li.dataset.alertId = a.id;
    li.dataset.kind = a.kind;
    const kind = document.createElement('span');
    kind.className = 'kind ' + a.kind;
    kind.textContent = code('alerts.kind', a.kind);
    const what = document.createElement('span');
    what.className = 'what';
    what.textContent = `${a.sku} · ${a.location} · ${a.warehouse}`;
    const when = document.createElement('span');
    when.className = 'when';
    when.textContent = dateTime(a.createdAt);
    li.append(kind, what, when);
    return li;
  });
  document.getElementById('alerts').replaceChildren(...items);
  document.getElementById('alerts-empty').hidden = items.length > 0;
  document.getElementById('alerts-empty').textContent = t('alerts.none');
}

setInterval(() => { if (document.getElementById('view-dashboard').hidden === false) { load().catch(() => {}); } }, 30_000);
document.addEventListener('languagechange', render);
