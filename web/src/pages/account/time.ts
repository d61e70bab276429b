/**
 * An instant (ISO 8601, UTC) as the audit trail and the users page show it: in UTC as stored
 * ("2026-05-06 08:15:00 UTC") and in the browser's time zone in Swedish ("6 maj 2026 10:15:00").
 */
const LOCAL = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatInstant(iso: string): { utc: string; local: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { utc: iso, local: iso };
  return { utc: `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`, local: LOCAL.format(date) };
}

/** The browser's time zone ("Europe/Stockholm"), to say which local time is shown. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A day picked in a date field (local time) as the instant it starts, for the API's filters. */
export function startOfLocalDay(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The instant the day after a picked day starts: "to 6 May" includes all of 6 May. */
export function endOfLocalDay(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
