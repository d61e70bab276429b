import { canEditItem, canSeeMeeting, type Principal } from '../../domain/access.js';
import { StyrkortError } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import { findItem, type ItemRow } from '../../db/repositories/authoring.js';
import { findMeeting } from '../../db/repositories/meetings.js';
import { lockMeeting } from '../../db/repositories/versions.js';
import type { Db } from '../../db/repositories/types.js';

/**
 * Object rules for authoring, checked on the server for every object: what the caller may not
 * see is not found (404, the same answer as an id that does not exist); what they may see but
 * not change is forbidden (403, with the reason); a published meeting is frozen (409: start a
 * correction first). Writes hold the meeting's row shared, so publishing waits for them.
 */
export function meetingNotFound(id: string): StyrkortError {
  return new StyrkortError('not_found', `Sammanträdet "${id}" finns inte`);
}

export function itemNotFound(id: string): StyrkortError {
  return new StyrkortError('not_found', `Informationspunkten "${id}" finns inte`);
}

export function frozen(meeting: Meeting): StyrkortError {
  return new StyrkortError(
    'conflict',
    meeting.status === 'archived'
      ? `Sammanträdet ${meeting.id} är arkiverat och kan inte ändras.`
      : `Sammanträdet ${meeting.id} är publicerat och kan inte ändras. Starta en rättelse för att arbeta på nästa version; den publicerade versionen ligger kvar.`,
  );
}

/** A meeting the caller may see; with `lock`, its row is held shared for the transaction. */
export async function visibleMeeting(db: Db, principal: Principal, idOrDate: string, lock = false): Promise<Meeting> {
  const meeting = await findMeeting(db, idOrDate);
  if (!meeting || !canSeeMeeting(principal, meeting)) throw meetingNotFound(idOrDate);
  if (lock) {
    const locked = await lockMeeting(db, meeting.id, 'share');
    if (!locked) throw meetingNotFound(idOrDate);
    return { ...meeting, status: locked.status as Meeting['status'] };
  }
  return meeting;
}

/** A draft meeting the caller may see, held shared; published or archived → 409. */
export async function draftMeeting(db: Db, principal: Principal, idOrDate: string): Promise<Meeting> {
  const meeting = await visibleMeeting(db, principal, idOrDate, true);
  if (meeting.status !== 'draft') throw frozen(meeting);
  return meeting;
}

export interface ItemAccess {
  item: ItemRow;
  meeting: Meeting;
}

/** An item the caller may see (404 otherwise), with its meeting held shared. */
export async function visibleItem(db: Db, principal: Principal, itemId: string): Promise<ItemAccess> {
  const item = await findItem(db, itemId);
  if (!item) throw itemNotFound(itemId);
  const meeting = await findMeeting(db, item.meetingId);
  if (!meeting || !canSeeMeeting(principal, meeting)) throw itemNotFound(itemId);
  const locked = await lockMeeting(db, meeting.id, 'share');
  return { item, meeting: { ...meeting, status: (locked?.status ?? meeting.status) as Meeting['status'] } };
}

/** An item the caller may change: visible (404), meeting a draft (409), theirs to edit (403). */
export async function editableItem(db: Db, principal: Principal, itemId: string): Promise<ItemAccess> {
  const access = await visibleItem(db, principal, itemId);
  if (access.meeting.status !== 'draft') throw frozen(access.meeting);
  const decision = canEditItem(principal, access.item, access.meeting);
  if (!decision.allowed) throw new StyrkortError('forbidden', decision.reason);
  return access;
}
