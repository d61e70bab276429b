import type { FastifyRequest } from 'fastify';
import { canSeeMeeting } from '../../domain/access.js';
import type { MeetingFilter } from '../../services/visibility.js';
import { logRefusal } from './refusals.js';

/**
 * Which meetings a caller may see: editors see drafts, readers published meetings only.
 * `visibleMeetings` filters lists (and search results, coverage, facets) silently;
 * `meetingGate` is for one meeting asked for by id: a refusal is logged, and the caller is
 * told the meeting does not exist (as for an id that does not).
 */
export function visibleMeetings(request: FastifyRequest): MeetingFilter {
  const principal = request.principal;
  return (meeting) => principal !== null && canSeeMeeting(principal, meeting);
}

export function meetingGate(request: FastifyRequest): MeetingFilter {
  const principal = request.principal;
  return (meeting) => {
    if (principal !== null && canSeeMeeting(principal, meeting)) return true;
    logRefusal(request, 'hidden_meeting', 'utkast visas bara för redaktörer', { meetingId: meeting.id });
    return false;
  };
}
