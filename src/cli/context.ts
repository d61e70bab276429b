import { loadConfig, type Config } from '../config/env.js';
import type { Runtime } from '../services/runtime.js';

/**
 * What every CLI command starts from: validated configuration, and the database when needed.
 * The database code (and with it most of Styrkort) is loaded only by commands that use it.
 */
export function config(): Config {
  return loadConfig(process.env, process.cwd());
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function withDatabase<T>(
  cfg: Config,
  mode: 'own' | 'shared',
  run: (database: Runtime) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const { openRuntime } = await import('../services/runtime.js');
  const database = await openRuntime(cfg, mode, { migrate: options.migrate ?? true, log: say });
  try {
    return await run(database);
  } finally {
    await database.shutdown();
  }
}
