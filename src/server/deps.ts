import type { ImportSettings } from '../services/importSettings.js';
import type { Authenticator } from './auth/principal.js';
import type { AuthOptions } from './auth/settings.js';
import type { Store } from '../services/store.js';

/** What the HTTP application is built from; passed in so tests can build it on a test database. */
export interface AppDependencies {
  db: Store;
  version: string;
  logLevel?: string;
  /** Upload size limit and Kolada's address for the import routes; defaults when left out. */
  imports?: ImportSettings;
  /**
   * Who is asking: turns a request into a principal. Default: the session cookie, checked against
   * PostgreSQL. Tests may pass another (an effect passed in, not a flag in production code).
   */
  authenticator?: Authenticator;
  /** Sessions (idle and absolute lifetime, the clock), the cookie's Secure flag, OpenID Connect, rate limits. */
  auth?: AuthOptions;
  /** Where the log goes (default standard output); tests capture it to see refusals logged. */
  logStream?: { write(line: string): void };
  /**
   * Reverse proxies whose X-Forwarded-For is believed (config STYRKORT_TRUST_PROXY): then
   * `request.ip` — the key of the login and upload limits — is the client's, not the proxy's.
   */
  trustProxy?: false | number | string[];
  /** The built web app to serve; default dist/web in the package. */
  webDir?: string;
  /** The embedded database's state, for the health answer; absent for an external database. */
  databaseStatus?: () => { state: 'running' | 'restarting'; restarts: number; lastExit: { at: string; how: string } | null } | null;
}
