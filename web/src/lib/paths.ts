import { query } from '../api.js';

/** The app's URLs, in Swedish, with the state a shared link must keep (plan period, area …). */
export const paths = {
  overview: (p: { plan?: string | null; area?: string | null } = {}) => `/${query({ plan: p.plan, omrade: p.area })}`,
  goal: (id: string, p: { area?: string | null } = {}) => `/mal/${encodeURIComponent(id)}${query({ omrade: p.area })}`,
  indicator: (id: string, p: { area?: string | null; period?: string | null; breakdown?: string | null } = {}) =>
    `/indikator/${encodeURIComponent(id)}${query({ omrade: p.area, period: p.period, uppdelning: p.breakdown })}`,
  meetings: () => '/sammantraden',
  meeting: (id: string, itemId?: string) => `/sammantraden/${encodeURIComponent(id)}${itemId ? `#${itemAnchor(itemId)}` : ''}`,
  search: (q?: string) => `/sok${query({ q })}`,
  accessibility: () => '/tillganglighet',
  imports: () => '/inlasning',
  kolada: () => '/inlasning/kolada',
  indicators: () => '/indikatorer',
  newIndicator: () => '/indikatorer/ny',
  editIndicator: (id: string) => `/indikator/${encodeURIComponent(id)}/redigera`,
  datasets: () => '/tabeller',
  newDataset: () => '/tabeller/ny',
  editDataset: (id: string) => `/tabeller/${encodeURIComponent(id)}/redigera`,
  people: () => '/personer',
  person: (id: string) => `/personer/${encodeURIComponent(id)}`,
  riskRegisters: () => '/riskregister',
  riskRegister: (id: string) => `/riskregister/${encodeURIComponent(id)}`,
  plan: () => '/regionplan',
  areas: () => '/omraden',
  users: () => '/anvandare',
  user: (id: string) => `/anvandare/${encodeURIComponent(id)}`,
  audit: (filter: Record<string, string | null | undefined> = {}) => `/andringslogg${query(filter)}`,
};

export function itemAnchor(itemId: string): string {
  return `punkt-${itemId}`;
}

/** The pack files another part of Styrkort renders (see the board pack). */
export function deckUrl(meetingId: string, format: 'pptx' | 'pdf' | 'html'): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/deck.${format}`;
}
