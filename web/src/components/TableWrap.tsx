import type { ReactNode } from 'react';

/**
 * A table that may be wider than the screen: it scrolls sideways inside a focusable region, so
 * keyboard users can scroll it too and the page itself never scrolls sideways at 320 px.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
