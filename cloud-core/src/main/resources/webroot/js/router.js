// Hash routes (#/dashboard, #/reports/inventory ...). Each route names its view section, the
// permission it needs, its nav label (and nav group), and a module whose show(params) fills the view.
// Adding a page = one entry here + one section in index.html + one module.
import { can } from './api.js';
import { t } from './i18n.js';

const masterData = () => import('./views/master-data.js');
const lookups = () => import('./views/lookups.js');

export const routes = [
  { path: 'dashboard', view: 'dashboard', label: 'nav.dashboard', permission: 'stock:view', load: () => import('./views/dashboard.js') },
  { path: 'products', view: 'master', group: 'nav.masterData', label: 'nav.products', permission: 'products:view', load: () => masterData().then((m) => m.products) },
  { path: 'customers', view: 'master', group: 'nav.masterData', label: 'nav.customers', permission: 'customers:view', load: () => masterData().then((m) => m.customers) },
  { path: 'suppliers', view: 'master', group: 'nav.masterData', label: 'nav.suppliers', permission: 'suppliers:view', load: () => masterData().then((m) => m.suppliers) },
  { path: 'facilities', view: 'facilities', group: 'nav.masterData', label: 'nav.facilities', permission: 'warehouses:view', load: () => import('./views/facilities.js') },
  { path: 'transfers', view: 'transfers', group: 'nav.inventory', label: 'nav.transfers', permission: 'transfers:view', load: () => import('./views/transfers.js') },
  { path: 'stocktakes', view: 'stocktakes', group: 'nav.inventory', label: 'nav.stocktakes', permission: 'stocktakes:view', load: () => import('./views/stocktakes.js') },
  { path: 'stock-ops', view: 'stock-ops', group: 'nav.inventory', label: 'nav.stockOps', permission: 'adjustments:create', load: () => import('./views/stock-ops.js') },
  { path: 'alerts', view: 'alerts', group: 'nav.inventory', label: 'nav.alerts', permission: 'alerts:view', load: () => lookups().then((m) => m.alerts) },
  { path: 'lots', view: 'lots', group: 'nav.inventory', label: 'nav.lots', permission: 'lots:view', load: () => lookups().then((m) => m.lots) },
  { path: 'items', view: 'items', group: 'nav.inventory', label: 'nav.items', permission: 'items:view', load: () => lookups().then((m) => m.items) },
  { path: 'purchasing', view: 'business', group: 'nav.business', label: 'purchasing.nav', permission: 'purchase-orders:view', load: () => import('./views/purchasing.js') },
  { path: 'sales', view: 'business', group: 'nav.business', label: 'sales.nav', permission: 'sales-orders:view', load: () => import('./views/sales.js') },
  { path: 'pos', view: 'business', group: 'nav.business', label: 'pos.nav', permission: 'pos:create', load: () => import('./views/pos.js') },
  { path: 'finance', view: 'business', group: 'nav.business', label: 'finance.nav', permission: 'invoices:view', load: () => import('./views/finance.js') },
  { path: 'reports/inventory', view: 'reports', group: 'nav.reports', label: 'nav.inventoryReports', permission: 'reports:view', load: () => import('./views/reports-inventory.js') },
  { path: 'reports/environment', view: 'reports', group: 'nav.reports', label: 'nav.environmentReports', permission: 'reports:view', load: () => import('./views/reports-environment.js') },
  { path: 'reports/sales', view: 'reports', group: 'nav.reports', label: 'sales.report.nav', permission: 'reports:view', load: () => import('./views/sales-reports.js') },
  { path: 'reports/purchasing', view: 'reports', group: 'nav.reports', label: 'purchasing.report.nav', permission: 'reports:view', load: () => import('./views/purchasing-reports.js') },
  { path: 'reports/finance', view: 'reports', group: 'nav.reports', label: 'finance.report.nav', permission: 'reports:view', load: () => import('./views/finance-reports.js') },
];

let active = null;

function link(r) {
  const a = document.createElement('a');
  a.href = '#/' + r.path;
  a.dataset.route = r.path;
  a.dataset.i18n = r.label;
  a.textContent = t(r.label);
  return a;
}

/** The routes the user may open; grouped routes go into a menu under their group's label. */
export function renderNav() {
  const nav = document.getElementById('nav');
  const items = [];
  const groups = new Map();
  for (const r of routes.filter((x) => can(x.permission))) {
    if (!r.group) { items.push(link(r)); continue; }
    if (!groups.has(r.group)) {
      const menu = document.createElement('div');
      menu.className = 'menu';
      const head = document.createElement('button');
      head.type = 'button';
      head.className = 'menu-head';
      head.dataset.i18n = r.group;
      head.textContent = t(r.group);
      const box = document.createElement('div');
      box.className = 'nav-group';
      box.dataset.group = r.group;
      box.append(head, menu);
      groups.set(r.group, menu);
      items.push(box);
    }
    groups.get(r.group).append(link(r));
  }
  nav.replaceChildren(...items);
  nav.hidden = false;
  markActive();
}

function markActive() {
  for (const a of document.querySelectorAll('#nav a')) { a.classList.toggle('active', Boolean(active) && a.dataset.route === active.path); }
  for (const g of document.querySelectorAll('#nav .nav-group')) { g.classList.toggle('active', Boolean(g.querySelector('a.active'))); }
}

export async function navigate() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const route = routes.find((r) => r.path === path) || routes[0];
  if (active && active.module && active.module.hide) { active.module.hide(); }
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
  if (!can(route.permission)) {
    document.getElementById('view-forbidden').hidden = false;
    active = { path: route.path };
    markActive();
    return;
  }
  const module = await route.load();
  active = { path: route.path, module };
  document.getElementById('view-' + route.view).hidden = false;
  markActive();
  await module.show(new URLSearchParams(query || ''));
  document.body.dataset.route = route.path; // the page is shown and filled
}

export function hideAll() {
  if (active && active.module && active.module.hide) { active.module.hide(); }
  active = null;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
}
