/**
 * A person and the titles they have held. Titles change ("hållbarhetschef" → "chef hållbarhet
 * och säkerhet") and a role passes between people (primärvårdsdirektör: Niklas Föghner, then
 * Sofia Hartz): each title is dated, and may name the role it is a wording of.
 */
export interface PersonTitle {
  title: string;
  roleId: string | null;
  validFrom: string; // ISO date
  validTo: string | null; // ISO date, inclusive; null = still held
}

export interface Person {
  id: string;
  name: string;
  titles: readonly PersonTitle[];
}

function covers(t: PersonTitle, date: string): boolean {
  return t.validFrom <= date && (t.validTo === null || date <= t.validTo);
}

/** The title a person held on a date; when several, the one most recently taken up. */
export function titleAt(person: Person, date: string): string | null {
  const held = person.titles.filter((t) => covers(t, date));
  held.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return held[0]?.title ?? null;
}

/** Who held a role on a date; when the records overlap, the one who took it up most recently. */
export function holderOf(roleId: string, date: string, people: readonly Person[]): Person | null {
  let best: { person: Person; from: string } | null = null;
  for (const person of people) {
    for (const t of person.titles) {
      if (t.roleId === roleId && covers(t, date) && (best === null || t.validFrom > best.from)) best = { person, from: t.validFrom };
    }
  }
  return best?.person ?? null;
}

/** "Mattias Ask, trafikdirektör" — as presenters are written on agenda and section slides. */
export function presenterLabel(name: string, title: string | null): string {
  return title ? `${name}, ${title}` : name;
}
