import type { z } from 'zod';
import type { ErrorDetail } from './errors.js';

/**
 * Request bodies for authoring are validated with zod schemas; a failure becomes Swedish
 * messages per field, with the field's path as the user's form names it: `blocks[2].period`,
 * `targets[0].threshold`. Messages a schema states itself ("ogiltig period …") are kept.
 */
export function fieldPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(hela)' : out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'sant eller falskt',
  array: 'en lista',
  object: 'ett objekt',
  date: 'ett datum',
  null: 'tomt (null)',
};

function typeName(name: unknown): string {
  return TYPE_NAMES[String(name)] ?? String(name);
}

type Issue = z.core.$ZodIssue;

/** A Swedish message for one issue. */
export function swedishMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves out the input; its default message says when nothing was sent
      if (/received undefined$/.test(issue.message)) return 'saknas';
      return `ska vara ${typeName(issue.expected)}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? 'får inte vara tom' : `ska ha minst ${n} tecken`;
      if (issue.origin === 'array' || issue.origin === 'set') return n <= 1 ? 'ska ha minst en rad' : `ska ha minst ${n} rader`;
      return issue.inclusive ? `ska vara minst ${n}` : `ska vara större än ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `får ha högst ${n} tecken`;
      if (issue.origin === 'array' || issue.origin === 'set') return `får ha högst ${n} rader`;
      return issue.inclusive ? `får vara högst ${n}` : `ska vara mindre än ${n}`;
    }
    case 'invalid_value':
      return `ska vara en av: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `okänt fält${issue.keys.length > 1 ? 'en' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) return `okänd typ; väntat en av: ${options.map(String).join(', ')}`;
      return 'passar inte någon av de tillåtna formerna';
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'har fel form' : `ska vara ${issue.format}`;
    case 'not_multiple_of':
      return `ska vara en multipel av ${String(issue.divisor)}`;
    case 'invalid_key':
    case 'invalid_element':
      return 'ogiltigt värde';
    case 'custom':
      return issue.message;
  }
}

/** The schema's own message when it set one, else the Swedish default. */
function messageOf(issue: Issue): string {
  const english = /^(Invalid|Expected|Too|Unrecognized|Required)/;
  return issue.message && !english.test(issue.message) && issue.code !== 'invalid_type' && issue.code !== 'unrecognized_keys' ? issue.message : swedishMessage(issue);
}

export function issuesToDetails(issues: readonly Issue[], prefix = ''): ErrorDetail[] {
  return issues.map((issue) => ({ where: fieldPath(issue.path, prefix), message: messageOf(issue) }));
}

/** Parses `input` with `schema`; on failure returns the details instead of throwing. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): { ok: true; value: z.output<S> } | { ok: false; details: ErrorDetail[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: issuesToDetails(result.error.issues, prefix) };
}
