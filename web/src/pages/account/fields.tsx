import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ApiError } from '../../api.js';

/**
 * Form fields of the account pages: a label, an optional hint, and the Swedish message for the
 * field right under it (aria-invalid + aria-describedby), so a screen reader reads the problem
 * with the field.
 */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The server's per-field messages for these fields. `where` is the server's path: "username"
 * from a service, "body.username" or "body.roles.0" from a schema.
 */
export function serverFieldErrors(error: ApiError, fields: readonly string[]): FieldErrors {
  const found: FieldErrors = {};
  for (const detail of error.details) {
    if (detail.where === null) continue;
    const parts = detail.where.replace(/\[(\d+)\]/g, '.$1').split('.');
    const field = fields.find((f) => parts.includes(f));
    if (field !== undefined && found[field] === undefined) found[field] = detail.message;
  }
  return found;
}

/** The first field in error, in the form's order (its element id), or null. */
export function firstError(errors: FieldErrors, ids: Record<string, string>, order: readonly string[]): string | null {
  const first = order.find((f) => errors[f] !== undefined);
  return first === undefined ? null : (ids[first] ?? null);
}

/**
 * Focus an element by id once the page shows it (after the render that adds a message). A
 * fieldset takes focus at its first box.
 */
export function useFocusRequest(): (id: string | null) => void {
  const [request, setRequest] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (request === null) return;
    const element = document.getElementById(request.id);
    (element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input') : element)?.focus();
  }, [request]);
  return useCallback((id: string | null) => {
    if (id !== null) setRequest({ id });
  }, []);
}

export function describedBy(...ids: Array<string | null | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length === 0 ? undefined : list.join(' ');
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'email' | 'date' | 'search';
  autoComplete?: string;
  maxLength?: number;
  name?: string;
  required?: boolean;
}

export function TextField({ id, label, value, onChange, error, hint, type = 'text', autoComplete, maxLength, name, required }: TextFieldProps) {
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name ?? id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete ?? 'off'}
        maxLength={maxLength}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error ? errorId : null, hint ? hintId : null)}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form's problems at its top, announced; each is also shown next to its field. */
export function ErrorSummary({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div id={id} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
