// Active alarms with acknowledge and clear (shown only to users with alarms:edit); who did it and when.
import { api, can } from '../api.js';
import { dateTime, num, time } from '../format.js';
import { t } from '../i18n.js';
import { flash, schedule } from '../frame.js';

const list = () => document.getElementById('alarms');
let alarms = [];

export async function load() {
  alarms = await api('/api/v1/alarms?state=active');
  render();
}

/** A device event from a gateway: alarms raised or cleared there reload the list. */
export function onDeviceEvent(e) {
  if (['alarm-raised', 'alarm-cleared', 'outbox-full'].includes(e.kind)) { schedule('alarms', () => load().catch(console.warn)); }
}

/** An alarm a person acted on (here or on another screen). */
export function onAlarm(a) {
  alarms = alarms.filter((x) => x.id !== a.id);
  if (a.state !== 'cleared') { alarms.push(a); }
  alarms.sort((x, y) => y.id - x.id);
  render();
}

function render() {
  const items = alarms.map((a) => {
    const li = document.createElement('li');
    li.dataset.alarmId = a.id;
    li.dataset.state = a.state;
    li.className = `alarm ${a.severity} ${a.state}`;
    const head = document.createElement('div');
    head.className = 'alarm-head';
    const title = document.createElement('b');
    title.textContent = a.kind === 'alarm-raised'
      ? t('alarms.excursion', { zone: a.zone || '?', warehouse: a.warehouse || '' })
      : t('alarms.kind.' + a.kind);
    const state = document.createElement('span');
    state.className = 'alarm-state';
    state.textContent = t('alarms.state.' + a.state);
    head.append(title, state);
    const detail = document.createElement('div');
    detail.className = 'alarm-detail';
    const parts = [];
    if (a.value != null) { parts.push(t('alarms.valueLimit', { value: num(a.value, 2), limit: num(a.limit, 2) })); }
    parts.push(t('alarms.raisedAt', { time: dateTime(a.raisedAt) }));
    if (a.normalAt) { parts.push(t('alarms.normalAt', { time: time(a.normalAt) })); }
    detail.textContent = parts.join(' · ');
    const who = document.createElement('div');
    who.className = 'acked-by';
    if (a.ackedBy) { who.textContent = t('alarms.ackedBy', { user: a.ackedBy, time: dateTime(a.ackedAt) }); }
    li.append(head, detail, who);
    if (can('alarms:edit')) {
      const actions = document.createElement('div');
      actions.className = 'actions';
      if (!a.ackedBy) { actions.append(button('ack', 'alarms.acknowledge', a)); }
      actions.append(button('clear', 'alarms.clear', a));
      li.append(actions);
    }
    return li;
  });
  list().replaceChildren(...items);
  document.getElementById('alarms-empty').hidden = items.length > 0;
}

function button(action, label, alarm) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = action;
  b.dataset.i18n = label;
  b.textContent = t(label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      onAlarm(await api(`/api/v1/alarms/${alarm.id}/${action}`, { method: 'POST' }));
      const li = list().querySelector(`[data-alarm-id="${alarm.id}"]`);
      if (li) { flash(li); }
    } catch (e) {
      b.disabled = false;
      alert(e.message);
    }
  });
  return b;
}

document.addEventListener('languagechange', render);
