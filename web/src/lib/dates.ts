import { formatDate } from '../../../src/domain/format.js';
import { keyLabel } from '../../../src/domain/period.js';

/** A day ("6 maj 2026") or a whole month ("mars 2026"), as timelines and checklists store them. */
export function dayOrMonth(value: string): string {
  return /^\d{4}-\d{2}$/.test(value) ? keyLabel(value) : formatDate(value);
}
