import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/app.js';
import { DEMO_PASSWORD } from './login.js';

/**
 * Real logins in-process: POST /api/auth/login through `inject`, then the session cookie, the
 * CSRF token and this server's own Origin on later requests — what the web app sends.
 */
export const ORIGIN = 'http://localhost';

export interface Session {
  token: string;
  csrfToken: string;
  userId: string;
}

export function cookieValue(response: LightMyRequestResponse, name: string): string | null {
  const found = response.cookies.find((c) => c.name === name);
  return found ? found.value : null;
}

export async function loginAs(app: App, username: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN, ...headers }, payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`inloggning som ${username} → ${response.statusCode}: ${response.body}`);
  const token = cookieValue(response, 'styrkort_session');
  if (!token) throw new Error('ingen sessionskaka');
  const body = response.json<{ csrfToken: string; user: { id: string } }>();
  return { token, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Headers of a request in a session: the cookie; for changes also the CSRF token and Origin. */
export function sessionHeaders(session: Session | null, method = 'GET'): Record<string, string> {
  if (!session) return method === 'GET' ? {} : { origin: ORIGIN };
  const cookie = { cookie: `styrkort_session=${session.token}` };
  return method === 'GET' || method === 'HEAD' ? cookie : { ...cookie, 'x-csrf-token': session.csrfToken, origin: ORIGIN };
}

/** Log lines (pino JSON) the app writes, for tests that check what was logged. */
export class LogCapture {
  readonly lines: Array<Record<string, unknown>> = [];
  write(line: string): void {
    for (const part of line.split('\n')) if (part.trim() !== '') this.lines.push(JSON.parse(part) as Record<string, unknown>);
  }
  refusals(requestId: string): Array<Record<string, unknown>> {
    return this.lines.filter((l) => l.reqId === requestId && typeof l.refusal === 'string');
  }
  /** The id of the first request for `url` (path and query) logged from line `from` on. */
  requestIdOf(url: string, from = 0): string | null {
    const line = this.lines.slice(from).find((l) => l.msg === 'incoming request' && (l.req as { url?: unknown } | undefined)?.url === url);
    return line ? String(line.reqId) : null;
  }
}
