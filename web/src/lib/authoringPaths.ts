/** The authoring pages' URLs (Swedish, shareable). */
export const authoringPaths = {
  newMeeting: () => '/sammantraden/nytt',
  agenda: (meetingId: string) => `/sammantraden/${encodeURIComponent(meetingId)}/redigera`,
  item: (meetingId: string, itemId: string) => `/sammantraden/${encodeURIComponent(meetingId)}/punkter/${encodeURIComponent(itemId)}`,
  versions: (meetingId: string) => `/sammantraden/${encodeURIComponent(meetingId)}/versioner`,
};

/** A stored file of a published version. */
export function versionFileUrl(meetingId: string, version: number, format: 'pptx' | 'pdf' | 'html'): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/versions/${version}/deck.${format}`;
}
