import type { Translate } from '../../../i18n/I18n.js';
import type { Catalog } from './catalog.js';
import type { Statement } from './statementDraft.js';

/**
 * What the statement editor's parts share: the block and how to change it, the id of each cell's
 * control (the summary of problems links to it), each cell's message, and the live region.
 */
export interface EditorUi {
  block: Statement;
  catalog: Catalog;
  t: Translate;
  update: (change: (block: Statement) => Statement) => void;
  /** The id of a cell's control: `rows[2].formula` → "«r3»-rows-2-formula". */
  id: (cell: string) => string;
  message: (cell: string) => string | null;
  announce: (text: string) => void;
  /** Focus this element once the change is drawn. */
  focus: (elementId: string) => void;
}

/** aria-invalid and aria-describedby for a cell's control: its message, and its hint when it has one. */
export function cellProps(ui: EditorUi, cell: string, hintId: string | null = null): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const invalid = ui.message(cell) !== null;
  const describedBy = [hintId, invalid ? `${ui.id(cell)}-error` : null].filter((x): x is string => x !== null).join(' ');
  return { ...(invalid ? { 'aria-invalid': true as const } : {}), ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }) };
}

/** A cell's message, right after its control. */
export function CellError({ ui, cell }: { ui: EditorUi; cell: string }) {
  const message = ui.message(cell);
  if (message === null) return null;
  return (
    <p id={`${ui.id(cell)}-error`} className="field-error">
      <span lang="sv">{message}</span>
    </p>
  );
}
