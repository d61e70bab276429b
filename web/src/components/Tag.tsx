import type { ReactNode } from 'react';

/** A small label after a value ("preliminärt", "egen region"), with a space so it is read as a word of its own. */
export function Tag({ children }: { children: ReactNode }) {
  return (
    <>
      {' '}
      <span className="tag">{children}</span>
    </>
  );
}
