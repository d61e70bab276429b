/**
 * Publishing: version n of a meeting holds its board pack as PowerPoint, PDF and web page and
 * the data snapshot they were built from (the MeetingView as JSON), each with its SHA-256. A
 * published version is an allmän handling: never changed or deleted; a correction is a new
 * version, and a withdrawal (with a reason) is recorded on the version, which stays on record.
 */
export const PUBLISHED_FORMATS = ['pptx', 'pdf', 'html'] as const;
export type PublishedFormat = (typeof PUBLISHED_FORMATS)[number];
export const ARTIFACT_FORMATS = [...PUBLISHED_FORMATS, 'json'] as const;
export type ArtifactFormat = (typeof ARTIFACT_FORMATS)[number];

export interface ArtifactInfo {
  format: ArtifactFormat;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface Withdrawal {
  at: string;
  by: string;
  reason: string;
}

export interface VersionSummary {
  meetingId: string;
  version: number;
  /** ISO 8601, UTC. */
  publishedAt: string;
  publishedBy: string;
  /** Formats that could not be rendered when the version was made (the demo without Chromium). */
  missingFormats: PublishedFormat[];
  withdrawal: Withdrawal | null;
  artifacts: ArtifactInfo[];
}

/** What board members read: the newest version that has not been withdrawn. */
export function latestReadable<V extends Pick<VersionSummary, 'version' | 'withdrawal'>>(versions: readonly V[]): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.withdrawal === null && (best === null || v.version > best.version)) best = v;
  return best;
}
