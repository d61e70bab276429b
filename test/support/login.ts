/**
 * Logging in to a real server process over HTTP, the way the web app does: POST
 * /api/auth/login, then the session cookie on every request and the CSRF token on changes.
 * The demo accounts (services/demoUsers.ts) exist wherever the demo data was loaded.
 */
export const DEMO_PASSWORD = 'styrkort-demo';

export interface Login {
  cookie: string;
  csrfToken: string;
}

export async function login(url: string, username = 'admin', password = DEMO_PASSWORD): Promise<Login> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`inloggning som ${username} → ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.getSetCookie().find((c) => c.startsWith('styrkort_session=')) ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/** GET as a logged-in user (logs in as the demo administrator when no login is given). */
export async function authedFetch(url: string, path: string, session?: Login): Promise<Response> {
  const s = session ?? (await login(url));
  return fetch(`${url}${path}`, { headers: { cookie: s.cookie } });
}
