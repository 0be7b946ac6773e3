// REST access with the bearer token (kept in sessionStorage), and the signed-in user's permissions.

const TOKEN_KEY = 'stocksense.token';
const listeners = { signedOut: [] };
let me = null;

export function token() { return sessionStorage.getItem(TOKEN_KEY); }
export function setToken(t) { sessionStorage.setItem(TOKEN_KEY, t); }
export function clearToken() { sessionStorage.removeItem(TOKEN_KEY); me = null; }
export function onSignedOut(fn) { listeners.signedOut.push(fn); }

export class ApiError extends Error {
  constructor(status, problem, path) {
    super((problem && problem.detail) || `${path}: HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; a 401 signs out, any other failure rejects with an ApiError carrying the problem. */
export async function api(path, { method = 'GET', body } = {}) {
  const res = await call(path, method, body);
  return res.status === 204 ? null : res.json();
}

/** A paged list: {items, total} with the total from X-Total-Count. */
export async function apiPage(path) {
  const res = await call(path, 'GET');
  const items = await res.json();
  return { items, total: Number(res.headers.get('X-Total-Count') ?? items.length) };
}

/** A text resource (CSV exports). */
export async function apiText(path) { return (await call(path, 'GET')).text(); }

async function call(path, method, body) {
  const headers = { Authorization: `Bearer ${token()}` };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) { signedOut(path); }
  if (!res.ok) { throw new ApiError(res.status, await res.json().catch(() => null), path); }
  return res;
}

function signedOut(path) {
  clearToken();
  listeners.signedOut.forEach((fn) => fn());
  throw new ApiError(401, null, path);
}

/**
 * POSTs a text body (a CSV file) through XMLHttpRequest, whose upload reports progress: onProgress(0..1)
 * while it is sent, then onProgress(null) while the server works on it. Resolves with the JSON answer.
 */
export function upload(path, text, contentType, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) { onProgress(e.loaded / e.total); } };
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError(0, null, path));
    xhr.onload = () => {
      let json = null;
      try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
      if (xhr.status === 401) {
        try { signedOut(path); } catch (e) { reject(e); }
      } else if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json);
      } else {
        reject(new ApiError(xhr.status, json, path));
      }
    };
    xhr.send(text);
  });
}

export async function signIn(username, password) {
  const res = await fetch('/api/v1/auth/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) { throw new ApiError(res.status, await res.json().catch(() => null), 'sign-in'); }
  setToken((await res.json()).access_token);
}

/** GET /api/v1/me: username, roles, permissions ("*" is every permission), lang. */
export async function loadMe() {
  me = await api('/api/v1/me');
  return me;
}

export function currentUser() { return me; }

/** True when the signed-in user holds {@code permission} ("resource:action"). */
export function can(permission) {
  if (!permission) { return true; }
  const perms = me ? me.permissions : [];
  return perms.includes('*') || perms.includes(permission);
}
