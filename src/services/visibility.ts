import type { Meeting } from '../domain/meeting.js';

/**
 * Which meetings a caller may see, passed into the reads that show meetings (lists, a meeting,
 * its deck, search, coverage, an indicator's meetings, pictures). The server builds it from the
 * caller's roles (domain/access.ts `canSeeMeeting`); the CLI and tests see every meeting.
 */
export type MeetingFilter = (meeting: Pick<Meeting, 'id' | 'status'>) => boolean;

export const ALL_MEETINGS: MeetingFilter = () => true;
