import type { App } from '../../src/server/app.js';
import type { RouteAccess } from '../../src/server/auth/routeAccess.js';

/**
 * Calling every API route of the app, generically: the route list comes from the app itself
 * (`app.routeAccess`, collected as routes are registered), path parameters are filled by the
 * caller's choice per parameter (with the path segment before it: `meetings` for
 * `/api/meetings/:id`), required query parameters get sample values, and request bodies an
 * example built from the route's OpenAPI schema. Routes added later are called the same way.
 */
export function apiRoutes(app: App): RouteAccess[] {
  return app.routeAccess.filter((r) => r.url.startsWith('/api/'));
}

export interface Param {
  name: string;
  /** The path segment before the parameter (`meetings` in /api/meetings/:id), or null. */
  segment: string | null;
}

export function fillPath(url: string, pick: (param: Param) => string): string {
  const parts = url.split('/');
  return parts
    .map((part, i) =>
      part.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
        const before = i > 0 ? (parts[i - 1] ?? null) : null;
        return encodeURIComponent(pick({ name, segment: before && !before.startsWith(':') ? before : null }));
      }),
    )
    .join('/');
}

type Schema = {
  type?: string | string[];
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  format?: string;
};

/** The smallest value that fits a JSON schema (required properties only). */
export function exampleOf(schema: Schema | undefined, name = ''): unknown {
  if (!schema) return {};
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return exampleOf(options.find((o) => o.type !== 'null') ?? options[0], name);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, exampleOf(schema.properties?.[key], key)]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items, name));
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-0000000000ff';
      return SAMPLE_VALUES[name] ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** Values that make sense for query parameters the routes share. */
export const SAMPLE_VALUES: Record<string, string> = {
  planPeriod: '2026-2028',
  area: '0008',
  areas: '0008',
  period: '2026-03',
  kpis: 'U79119',
  years: '2024-2025',
};

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

function operation(app: App, method: string, url: string): OpenApiOperation | null {
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  const path = url.replace(/:([A-Za-z_]\w*)/g, '{$1}');
  return doc.paths?.[path]?.[method.toLowerCase()] ?? null;
}

/** Required query parameters with sample values (`extra` adds or overrides). */
export function queryFor(app: App, method: string, url: string, extra: Record<string, string> = {}): string {
  const params = (operation(app, method, url)?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  const values: Record<string, string> = {};
  for (const p of params) values[p.name] = String(exampleOf(p.schema, p.name));
  const search = new URLSearchParams({ ...values, ...extra }).toString();
  return search === '' ? '' : `?${search}`;
}

export function bodyFor(app: App, method: string, url: string): unknown {
  const content = operation(app, method, url)?.requestBody?.content;
  if (!content) return undefined;
  const json = content['application/json'];
  return json ? exampleOf(json.schema) : undefined;
}
