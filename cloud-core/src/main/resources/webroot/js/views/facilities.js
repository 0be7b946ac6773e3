// Warehouses (with their zones and climate limits) and each warehouse's location tree.
import { api } from '../api.js';
import { coded, el, message, table } from '../dom.js';
import { qty } from '../format.js';

const root = () => document.getElementById('view-facilities');

export async function show() {
  root().dataset.state = 'loading';
  try {
    const [warehouses, tree] = await Promise.all([api('/api/v1/warehouses'), api('/api/v1/locations/tree')]);
    root().replaceChildren(
      el('div', { class: 'page-head' }, el('h1', { i18n: 'fac.title' })),
      el('section', { class: 'panel' }, el('h2', { i18n: 'fac.warehouses' }), table([
        { key: 'code', label: 'md.f.code' }, { key: 'name', label: 'col.name' }, { key: 'address', label: 'md.f.address' },
        { key: 'zones', label: 'fac.zones', format: (zones) => zones.map(zoneText).join(' · ') }], warehouses,
      { id: 'fac-warehouses', rowKey: (w) => w.code })),
      ...warehouses.map((w) => el('section', { class: 'panel tree', dataset: { warehouse: w.code } },
        el('h2', {}, el('span', { i18n: 'fac.locations' }), el('span', { class: 'name', text: ` ${w.code}` })),
        (tree[w.code] || []).length ? el('ul', { class: 'tree' }, (tree[w.code] || []).map(node))
          : el('p', { class: 'empty', i18n: 'fac.noLocations' }))));
    root().dataset.state = 'ready';
  } catch (e) {
    root().replaceChildren(el('p', { class: 'error', text: message(e) }));
    root().dataset.state = 'error';
  }
}

function zoneText(z) {
  const limits = z.minC != null || z.maxC != null ? ` (${z.minC ?? '–'}…${z.maxC ?? '–'} °C)` : '';
  return `${z.code}${limits}`;
}

function node(n) {
  const label = el('span', { class: 'loc', dataset: { location: n.code } },
    el('b', { text: n.code }), n.name && n.name !== n.code ? el('span', { class: 'name', text: ` ${n.name}` }) : null,
    n.kind ? el('span', { class: 'tag' }, coded('fac.kind', n.kind)) : null,
    n.zone ? el('span', { class: 'tag z', text: n.zone }) : null,
    n.capacity != null ? el('span', { class: 'tag', text: `≤ ${qty(n.capacity)}` }) : null);
  if (!n.children || !n.children.length) { return el('li', {}, label); }
  return el('li', {}, el('details', { open: true }, el('summary', {}, label), el('ul', {}, n.children.map(node))));
}
