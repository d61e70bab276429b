import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Permission } from '../../../../src/domain/access.js';
import { ApiError } from '../../api.js';
import { PageHeading } from '../../components/Page.js';
import { useSession } from '../../session/Session.js';
import { NotAllowed } from '../data/form/NotAllowed.js';
import './catalog.css';

/** Parts the catalog pages (people, risk registers) share. */

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, (error as Error).message);
}

/**
 * A page for holders of one permission; others see the heading and why the page is closed to them
 * (the server refuses the changes anyway; this only saves a request it would refuse).
 */
export function Permitted({ permission, title, notAllowed, children }: { permission: Permission; title: string; notAllowed: string; children: ReactNode }) {
  const { can } = useSession();
  if (can(permission)) return <div className="data-page catalog-page">{children}</div>;
  return (
    <>
      <PageHeading title={title} />
      <NotAllowed text={notAllowed} />
    </>
  );
}

/**
 * What a change did ("Titeln är tillagd."), shown in a status line that takes the focus, so the
 * keyboard continues from there and a screen reader reads it, also when the same text comes twice.
 */
export function useAnnouncement(): { message: string | null; announce: (text: string) => void; clear: () => void; element: ReactNode } {
  const [state, setState] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state) ref.current?.focus();
  }, [state]);
  const announce = useCallback((text: string) => setState((s) => ({ text, n: (s?.n ?? 0) + 1 })), []);
  const clear = useCallback(() => setState(null), []);
  const element = state ? (
    <p ref={ref} tabIndex={-1} className="notice" role="status">
      {state.text}
    </p>
  ) : null;
  return { message: state?.text ?? null, announce, clear, element };
}

/** Today in the browser's time zone, as an ISO date. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A whole number as typed ("3", " 12 ") → the number; empty → null; anything else as typed, for the server to name. */
export function integerInput(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
