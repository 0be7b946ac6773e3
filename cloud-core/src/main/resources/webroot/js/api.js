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
  const headers = { Authorization: `Bearer ${token()}` };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) {
    clearToken();
    listeners.signedOut.forEach((fn) => fn());
    throw new ApiError(401, null, path);
  }
  if (!res.ok) { throw new ApiError(res.status, await res.json().catch(() => null), path); }
  return res.status === 204 ? null : res.json();
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
