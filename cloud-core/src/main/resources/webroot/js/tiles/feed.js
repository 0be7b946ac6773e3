// Movement feed: what moved, in or out, through which portal or shelf (device) at which location,
// and the document it was matched to when there is one.
import { code, qty, time } from '../format.js';
import { t } from '../i18n.js';
import { flash, schedule } from '../frame.js';

const FEED_SIZE = 30;
const feed = () => document.getElementById('feed');
const queue = [];

/** Ledger rows (newest first) grouped back into movements by event id. */
export function load(rows) {
  feed().replaceChildren();
  const byEvent = new Map();
  for (const r of rows) {
    const m = byEvent.get(r.eventId) || { eventId: r.eventId, movementType: r.movementType, deviceId: r.deviceId,
      warehouse: r.warehouse, location: r.location, time: r.deviceTime || r.recordedAt,
      document: r.causeType === 'device-event' ? null : r.causeRef, user: r.user, lines: [] };
    m.lines.push({ sku: r.sku, quantity: r.quantity, unit: r.unit, lot: r.lot });
    byEvent.set(r.eventId, m);
  }
  queue.length = 0;
  [...byEvent.values()].reverse().forEach((m) => add(m));
}

/** Live movements are queued and added once per animation frame, newest on top, in one DOM insert. */
export function onMovement(m) {
  queue.push({ ...m, time: m.deviceTime || m.gatewayTime, document: m.document || null });
  schedule('feed', drain);
}

function drain() {
  const items = queue.splice(0).slice(-FEED_SIZE).map((m) => item(m));
  const list = feed();
  list.prepend(...items.reverse());
  while (list.children.length > FEED_SIZE) { list.lastElementChild.remove(); }
  items.forEach((li) => flash(li));
}

function add(m) {
  const list = feed();
  list.prepend(item(m));
  while (list.children.length > FEED_SIZE) { list.lastElementChild.remove(); }
}

function item(m) {
  const li = document.createElement('li');
  li.dataset.eventId = m.eventId;
  if (m.time) { li.dataset.time = m.time; }
  const inbound = m.lines.some((l) => Number(l.quantity) > 0);
  li.innerHTML = '<span class="time"></span><span class="what"><span class="type"></span><span class="lines"></span></span>'
    + '<span class="where"></span>';
  li.querySelector('.time').textContent = time(m.time);
  const type = li.querySelector('.type');
  type.dataset.code = m.movementType;
  type.textContent = code('movement', m.movementType);
  type.classList.add(inbound ? 'in' : 'out');
  li.querySelector('.lines').textContent = m.lines
    .map((l) => `${Number(l.quantity) > 0 ? '+' : ''}${qty(l.quantity)} ${l.unit} ${l.sku}`).join(', ');
  const where = [`${m.location} · ${m.warehouse}`];
  if (m.deviceId) { where.push(t('feed.via', { device: m.deviceId })); }
  if (m.document) { where.push(t('feed.document', { doc: m.document })); }
  if (m.user) { where.push(t('feed.by', { user: m.user })); }
  li.querySelector('.where').textContent = where.join(' · ');
  return li;
}

document.addEventListener('languagechange', () => {
  for (const el of document.querySelectorAll('#feed .type')) { el.textContent = code('movement', el.dataset.code); }
});
