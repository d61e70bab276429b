import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../api.js';

/**
 * Form parts for the data pages: a labelled field with its hint and its Swedish error next to it
 * (aria-invalid + aria-describedby), an error summary that is announced and links to the fields,
 * and the server's per-field problems (`details`, `where` = the field's path) matched to fields.
 */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** "får inte vara tom" → "Får inte vara tom" (the server's messages are fragments). */
export function sentence(message: string): string {
  return message.charAt(0).toLocaleUpperCase('sv-SE') + message.slice(1);
}

export function Field({ id, label, hint, error, className, children }: { id: string; label: string; hint?: string | null; error?: string | null; className?: string; children: (props: ControlProps) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter((x): x is string => x !== null).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId ?? undefined} className="hint">
          {hint}
        </p>
      ) : null}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error ? (
        <p id={errorId ?? undefined} className="field-error">
          {sentence(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The message for one field: the server's `where` is the field ("threshold"), an element of it ("goalLineIds[0]") or a part ("derivation.numerator"). */
export function fieldError(error: ApiError | null, field: string): string | null {
  if (!error) return null;
  const hit = error.details.find((d) => d.where !== null && (d.where === field || d.where.startsWith(`${field}[`) || d.where.startsWith(`${field}.`) || d.where.endsWith(`.${field}`)));
  return hit ? hit.message : null;
}

export interface SummaryItem {
  /** The control to jump to, or null for a problem with no field of its own. */
  fieldId: string | null;
  label: string;
  message: string;
}

/**
 * The problems of a failed save, announced (role=alert), each linking to its field. After it
 * appears, focus goes to the first field in error (or to the summary when no field is named).
 */
export function ErrorSummary({ title, items, id, cause }: { title: string; items: SummaryItem[]; id: string; cause: object }) {
  const ref = useRef<HTMLDivElement>(null);
  const firstField = items.find((i) => i.fieldId !== null)?.fieldId ?? null;
  // once per failed save (`cause` is that save's error), not on every render
  useEffect(() => {
    const target = firstField ? document.getElementById(firstField) : null;
    if (target) target.focus();
    else ref.current?.focus();
  }, [cause]);
  const jump = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    event.preventDefault();
    document.getElementById(fieldId)?.focus();
  };
  return (
    <div id={id} ref={ref} className="notice notice-error error-summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{title}</strong>
      </p>
      {items.length > 0 ? (
        <ul>
          {items.map((item, n) => (
            <li key={n}>
              {item.fieldId ? (
                <a href={`#${item.fieldId}`} onClick={(e) => jump(e, item.fieldId as string)}>
                  {item.label}: {item.message}
                </a>
              ) : (
                <span>
                  {item.label ? `${item.label}: ` : ''}
                  {item.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The summary's lines for an error from the server: each detail matched to a known field (in
 * form order), the rest as they are; no details → the message itself.
 */
export function summaryItems(error: ApiError, fields: ReadonlyArray<{ name: string; id: string; label: string }>): SummaryItem[] {
  if (error.details.length === 0) return [{ fieldId: null, label: '', message: error.message }];
  const items: SummaryItem[] = [];
  for (const f of fields) {
    const message = fieldError(error, f.name);
    if (message) items.push({ fieldId: f.id, label: f.label, message: sentence(message) });
  }
  for (const d of error.details) {
    const known = fields.some((f) => d.where !== null && (d.where === f.name || d.where.startsWith(`${f.name}[`) || d.where.startsWith(`${f.name}.`) || d.where.endsWith(`.${f.name}`)));
    if (!known) items.push({ fieldId: null, label: d.where ?? '', message: sentence(d.message) });
  }
  return items;
}

/** "12,5", "1 234", "−3" → a number; anything else is sent as typed, and the server says what is wrong with it. */
export function numberInput(text: string): number | string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[\u2212\u2013]/g, '-').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text.trim();
}

/** A number as a person types it back: 12.5 → "12,5" (no thousands separators). */
export function numberText(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}
