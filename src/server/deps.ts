import type { ImportSettings } from '../services/importSettings.js';
import type { Store } from '../services/store.js';

/** What the HTTP application is built from; passed in so tests can build it on a test database. */
export interface AppDependencies {
  db: Store;
  version: string;
  logLevel?: string;
  /** Upload size limit and Kolada's address for the import routes; defaults when left out. */
  imports?: ImportSettings;
  /** The built web app to serve; default dist/web in the package. */
  webDir?: string;
}
