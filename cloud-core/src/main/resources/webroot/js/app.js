// StockSense supervisor web app: plain ES modules, no build step. Signs in, reads the user's
// permissions and language (GET /api/v1/me), then routes between the dashboard and report pages.
import { api, can, clearToken, currentUser, loadMe, onSignedOut, signIn, token } from './api.js';
import { initialLanguage, language, languageFromUrl, setLanguage, t } from './i18n.js';
import * as live from './live.js';
import { hideAll, navigate, renderNav } from './router.js';
import { time } from './format.js';

const $ = (sel) => document.querySelector(sel);

async function onSubmit(event) {
  event.preventDefault();
  $('#login-error').textContent = '';
  try {
    await signIn($('#username').value, $('#password').value);
  } catch (e) {
    $('#login-error').textContent = e.status === 401 || e.status === 400 ? t('login.failed') : e.message;
    return;
  }
  $('#password').value = '';
  await start();
}

function showLogin() {
  live.disconnect();
  hideAll();
  $('#nav').hidden = true;
  $('#logout').hidden = true;
  $('#whoami').textContent = '';
  $('#login').hidden = false;
}

async function start() {
  const me = await loadMe();
  // ?lang= wins (and becomes the preference); otherwise the user's saved preference; otherwise the browser's.
  const fromUrl = languageFromUrl();
  if (fromUrl && fromUrl !== me.lang) {
    api('/api/v1/me/preferences', { method: 'PUT', body: { lang: fromUrl } }).catch(() => {});
  }
  const wanted = fromUrl || me.lang || language();
  if (wanted !== language()) { await setLanguage(wanted); }
  $('#lang').value = language();
  $('#login').hidden = true;
  $('#logout').hidden = false;
  $('#whoami').textContent = me.username;
  renderNav();
  live.connect();
  await navigate();
}

async function changeLanguage() {
  await setLanguage($('#lang').value);
  if (currentUser()) {
    await api('/api/v1/me/preferences', { method: 'PUT', body: { lang: language() } }).catch(() => {});
  }
}

function tick() { $('#clock').textContent = time(new Date()); }

async function boot() {
  await setLanguage(initialLanguage());
  $('#lang').value = language();
  $('#lang').addEventListener('change', changeLanguage);
  $('#login-form').addEventListener('submit', (e) => { onSubmit(e).catch((err) => { $('#login-error').textContent = err.message; }); });
  $('#logout').addEventListener('click', () => { clearToken(); showLogin(); });
  onSignedOut(showLogin);
  live.onState((on) => {
    const pill = $('#live-state');
    pill.dataset.i18n = on ? 'live.on' : 'live.offline';
    pill.textContent = t(pill.dataset.i18n);
    pill.className = 'pill ' + (on ? 'on' : 'off');
  });
  window.addEventListener('hashchange', () => { if (currentUser()) { navigate(); } });
  setInterval(tick, 1000);
  tick();
  if (token()) {
    try { await start(); } catch (e) { console.warn(e); showLogin(); }
  } else {
    showLogin();
  }
  document.body.dataset.ready = 'true';
}

export { can };
boot();
