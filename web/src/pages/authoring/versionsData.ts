import type { VersionSummary } from '../../../../src/domain/publishing.js';
import type { AuthoringMeeting } from './types.js';

/** What the versions page shows: the meeting, its versions and (for editors) how many items are ready. */
export interface VersionsData {
  meeting: AuthoringMeeting['meeting'];
  versions: VersionSummary[];
  readiness: { ready: number; total: number } | null;
}

/** Editors read the authoring view (meeting, versions, ready flags); board members the versions. */
export function versionsUrl(meetingId: string, editor: boolean): string {
  return editor ? `/api/meetings/${encodeURIComponent(meetingId)}/authoring` : `/api/meetings/${encodeURIComponent(meetingId)}/versions`;
}

export function toVersionsData(editor: AuthoringMeeting): VersionsData {
  return { meeting: editor.meeting, versions: editor.versions, readiness: { ready: editor.readyCount, total: editor.items.length } };
}
