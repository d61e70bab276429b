import { useEffect, useId, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';

/**
 * Form fields for the authoring pages: a label, the control, a hint, and the Swedish message
 * about this field right next to it (aria-invalid + aria-describedby). Messages come from the
 * server's per-field details (`where`: "date", "blocks[2].period", "presenters[0].personId").
 */
export type FieldErrors = ReadonlyMap<string, string>;
export const NO_ERRORS: FieldErrors = new Map();

/** "får inte vara tom" → "Får inte vara tom." */
export function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const first = text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * The details of an error as field path → message, relative to `prefix` ("blocks[2]" keeps
 * "blocks[2].period" as "period"); details outside the prefix are left out. Several messages
 * for one path are joined.
 */
export function fieldErrors(error: unknown, prefix = ''): FieldErrors {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    if (d.where === null) continue;
    let path = d.where.replace(/^body\./, '');
    if (prefix !== '') {
      if (path === prefix) path = '';
      else if (path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
      else if (path.startsWith(`${prefix}[`)) path = path.slice(prefix.length);
      else continue;
    }
    out.set(path, out.has(path) ? `${out.get(path)} ${sentence(d.message)}` : sentence(d.message));
  }
  return out;
}

/**
 * The message for a field: its own path, or any path under it ("areas[1]" under "areas",
 * "items[0].label" under "items"), the sub-path named so the user knows which row.
 */
export function messageFor(errors: FieldErrors, field: string, describe: (sub: string) => string = (sub) => sub): string | null {
  const parts: string[] = [];
  for (const [path, message] of errors) {
    if (path === field) parts.push(message);
    else if (path.startsWith(`${field}.`) || path.startsWith(`${field}[`)) parts.push(`${describe(path.slice(field.length))}: ${message}`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

/** "[2].label" → "rad 3, label" (rows are counted from 1 for people). */
export function rowLabel(rowWord: string, fieldLabels: Record<string, string> = {}): (sub: string) => string {
  return (sub) => {
    const match = /^\[(\d+)\](?:\.(\w+))?/.exec(sub);
    if (!match) return sub.replace(/^\./, '');
    const row = `${rowWord} ${Number(match[1]) + 1}`;
    return match[2] ? `${row}, ${fieldLabels[match[2]] ?? match[2]}` : row;
  };
}

/** The first control in error inside `root`, focused (after a failed save). */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * After a failed submit (a new `error`), once the messages are on screen: focus the first field
 * in error, or else the error summary (role=alert) inside `root`.
 */
export function useFocusOnError(root: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (error === null || error === undefined) return;
    if (!focusFirstInvalid(root.current)) root.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [root, error]);
}

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A label, the control (rendered by `children` with the ids it needs), a hint and the error. */
export function Field({ label, hint, error, children, className }: { label: string; hint?: string | null; error: string | null; children: (props: ControlProps) => ReactNode; className?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy === '' ? undefined : describedBy })}
      {error ? (
        <p id={errorId} className="field-error">
          <span lang="sv">{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label after it. */
export function CheckField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (value: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="field check-field">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** An error summary for a form: announced, with the server's message and the request id. */
export function FormError({ id, title, error }: { id?: string; title: string; error: unknown }) {
  const { t } = useI18n();
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div id={id} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>
        <strong>{title}</strong> <span lang="sv">{message}</span>
      </p>
      {requestId ? <p className="muted">{t('state.requestId', { id: requestId })}</p> : null}
    </div>
  );
}
