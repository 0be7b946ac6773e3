// Hash routes (#/dashboard, #/reports/inventory ...). Each route names its view section, the
// permission it needs, its nav label, and a module whose show(params) fills the view. Adding a
// page = one entry here + one section in index.html + one module.
import { can } from './api.js';
import { t } from './i18n.js';

export const routes = [
  { path: 'dashboard', view: 'dashboard', label: 'nav.dashboard', permission: 'stock:view', load: () => import('./views/dashboard.js') },
  { path: 'reports/inventory', view: 'reports', label: 'nav.inventoryReports', permission: 'reports:view', load: () => import('./views/reports-inventory.js') },
  { path: 'reports/environment', view: 'reports', label: 'nav.environmentReports', permission: 'reports:view', load: () => import('./views/reports-environment.js') },
  { path: 'purchasing', view: 'business', label: 'purchasing.nav', permission: 'purchase-orders:view', load: () => import('./views/purchasing.js') },
  { path: 'sales', view: 'business', label: 'sales.nav', permission: 'sales-orders:view', load: () => import('./views/sales.js') },
  { path: 'pos', view: 'business', label: 'pos.nav', permission: 'pos:create', load: () => import('./views/pos.js') },
  { path: 'finance', view: 'business', label: 'finance.nav', permission: 'invoices:view', load: () => import('./views/finance.js') },
  { path: 'reports/sales', view: 'reports', label: 'sales.report.nav', permission: 'reports:view', load: () => import('./views/sales-reports.js') },
  { path: 'reports/purchasing', view: 'reports', label: 'purchasing.report.nav', permission: 'reports:view', load: () => import('./views/purchasing-reports.js') },
  { path: 'reports/finance', view: 'reports', label: 'finance.report.nav', permission: 'reports:view', load: () => import('./views/finance-reports.js') },
];

let active = null;

export function renderNav() {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...routes.filter((r) => can(r.permission)).map((r) => {
    const a = document.createElement('a');
    a.href = '#/' + r.path;
    a.dataset.route = r.path;
    a.dataset.i18n = r.label;
    a.textContent = t(r.label);
    return a;
  }));
  nav.hidden = false;
  markActive();
}

function markActive() {
  for (const a of document.querySelectorAll('#nav a')) { a.classList.toggle('active', active && a.dataset.route === active.path); }
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
}

export function hideAll() {
  if (active && active.module && active.module.hide) { active.module.hide(); }
  active = null;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
}
