import { presenterLabel, titleAt } from '../../../../src/domain/person.js';
import type { AuthoringPresenter, PersonView } from './types.js';

/** "Helen Persson, HR-direktör": the title the item gives, else the one held at the meeting date. */
export function personLabelOf(people: readonly PersonView[] | null, presenter: AuthoringPresenter, date: string): string {
  if (presenter.titleOverride) return presenterLabel(presenter.name, presenter.titleOverride);
  const person = people?.find((p) => p.id === presenter.personId);
  return person ? presenterLabel(person.name, titleAt(person, date)) : presenter.name;
}
