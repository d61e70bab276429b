import type { Block } from './blocks.js';
import type { Meeting } from './meeting.js';
import type { VersionSummary } from './publishing.js';

/**
 * A meeting as its editors work on it (GET /api/meetings/:id/authoring): items with presenters,
 * blocks and ready flags, whether the caller may change each item, and the published versions.
 * Built by services/authoring/meetings.ts; read by the web app's authoring pages.
 */
export interface AuthoringPresenter {
  personId: string;
  name: string;
  titleOverride: string | null;
}

export interface AuthoringItem {
  id: string;
  goalId: string;
  position: number;
  title: string;
  ready: boolean;
  presenters: AuthoringPresenter[];
  blocks: Array<{ id: number; position: number; block: Block }>;
  /** May the caller change this item's title, blocks and ready flag? */
  canEdit: boolean;
  /**
   * The item's content as stored (title and blocks) as a short token. A save that sends the
   * token it started from is refused (409) when someone else saved in between, so no edit is
   * lost silently; one without a token overwrites, as integrations may.
   */
  version: string;
}

export interface AuthoringMeeting {
  meeting: Meeting;
  items: AuthoringItem[];
  readyCount: number;
  versions: VersionSummary[];
}
