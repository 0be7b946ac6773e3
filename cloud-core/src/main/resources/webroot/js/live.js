// The live stream (GET /api/v1/stream, server-sent events). Handlers subscribe per event name; after
// a dropped connection the browser reconnects by itself and every "resync" handler reloads its state
// over REST, so nothing that happened while the stream was down is missing.
import { api, token } from './api.js';

const handlers = new Map();
const resyncs = [];
const stateListeners = [];
let source = null;
let everOpen = false;
let retryTimer = null;

export function on(name, fn) {
  if (!handlers.has(name)) { handlers.set(name, []); }
  handlers.get(name).push(fn);
  if (source) { listen(source, name); }
}

export function onResync(fn) { resyncs.push(fn); }
export function onState(fn) { stateListeners.push(fn); }

function listen(src, name) {
  src.addEventListener(name, (e) => {
    const data = JSON.parse(e.data);
    for (const fn of handlers.get(name) || []) {
      try { fn(data); } catch (err) { console.warn(name, err); }
    }
  });
}

function setState(on) { stateListeners.forEach((fn) => fn(on)); }

export function connect() {
  disconnect();
  const src = new EventSource('/api/v1/stream?access_token=' + encodeURIComponent(token()));
  source = src;
  for (const name of handlers.keys()) { listen(src, name); }
  src.onopen = () => {
    setState(true);
    if (everOpen) { resyncs.forEach((fn) => fn()); }
    everOpen = true;
  };
  src.onerror = () => {
    setState(false);
    // EventSource retries by itself unless the server refused the stream (e.g. an expired token).
    if (src.readyState === EventSource.CLOSED && source === src) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => api('/api/v1/me').then(() => { if (source === src) { connect(); } }, () => {}), 3000);
    }
  };
}

export function disconnect() {
  clearTimeout(retryTimer);
  if (source) { source.close(); source = null; }
  everOpen = false;
  setState(false);
}

/** The stream itself, for tests that drop the connection on purpose. */
export function current() { return source; }
