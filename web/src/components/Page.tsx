import { useEffect, type ReactNode } from 'react';

/** A page's heading (focus target after navigation) and the document title that goes with it. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} – Styrkort` : 'Styrkort';
  }, [title]);
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}
