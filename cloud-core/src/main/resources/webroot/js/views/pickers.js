// Choices the stock forms share: warehouses, a warehouse's locations (and zones), products. Read fresh
// on each call; the lists are small master data.
import { api } from '../api.js';

/** [[code, "code · name", literal]] for a field's options. */
export async function warehouseOptions() {
  return (await api('/api/v1/warehouses')).map((w) => [w.code, w.name ? `${w.code} · ${w.name}` : w.code, true]);
}

export async function locationOptions(warehouse) {
  if (!warehouse) { return []; }
  const locations = await api(`/api/v1/locations?warehouse=${encodeURIComponent(warehouse)}&size=1000`);
  return locations.filter((l) => l.code !== 'TRANSIT').map((l) => [l.code, l.name && l.name !== l.code ? `${l.code} · ${l.name}` : l.code, true]);
}

export async function zoneOptions(warehouse) {
  const w = (await api('/api/v1/warehouses')).find((x) => x.code === warehouse);
  return w ? w.zones.map((z) => [z.code, z.name ? `${z.code} · ${z.name}` : z.code, true]) : [];
}

export async function productList() { return api('/api/v1/products?size=1000&active=true'); }

/** Replaces a select's options, keeping the chosen value when it is still there. */
export function setOptions(select, options) {
  const before = select.value;
  select.replaceChildren(...options.map(([value, text]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }));
  if (options.some(([v]) => v === before)) { select.value = before; }
}
