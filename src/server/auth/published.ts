import type { FastifyRequest } from 'fastify';
import { can } from '../../domain/access.js';

/**
 * Board members (no `read_drafts`) read meetings as published: lists, views and packs come from
 * the newest version that is not withdrawn (services/publishing.ts), its stored files unchanged;
 * editors see the meetings as they are now and render drafts live.
 */
export function readsPublishedOnly(request: FastifyRequest): boolean {
  return request.principal === null || !can(request.principal, 'read_drafts');
}
