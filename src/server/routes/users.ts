import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/access.js';
import { MAX_PASSWORD_LENGTH } from '../../domain/accounts.js';
import { createLocalUser, listUsers, setPassword, updateUser } from '../../services/accounts.js';
import type { AppDependencies } from '../deps.js';
import { requestActor } from '../auth/actor.js';
import { needs } from '../auth/guard.js';

/**
 * Users and roles, for administrators:
 *
 *   GET   /api/users                  every user with roles, local user name, identities, last activity
 *   POST  /api/users                  a local account (user name, name, password ≥ 12 characters, roles)
 *   PATCH /api/users/:id              name, e-mail, person link, roles, disabled (disabling ends sessions)
 *   POST  /api/users/:id/password     a new password for a local account (the user's sessions end)
 *
 * There is always at least one active administrator: a change that would leave none is refused.
 */
const user = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  personId: z.string().nullable(),
  username: z.string().nullable(),
  identities: z.array(z.object({ issuer: z.string(), subject: z.string() })),
  roles: z.array(z.enum(ROLES)),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
});
const roles = z.array(z.enum(ROLES, { error: `okänd roll; välj bland ${ROLES.join(', ')}` })).max(ROLES.length);
const idParams = z.object({ id: z.uuid('ogiltigt användar-id') });
const password = z.string().max(MAX_PASSWORD_LENGTH);

export const userRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  const now = () => app.auth.sessions.now();

  app.get(
    '/users',
    { preHandler: needs('manage_users'), schema: { tags: ['konton'], summary: 'Användare med roller, lokalt användarnamn, inloggningsidentiteter och senaste aktivitet', response: { 200: z.array(user) } } },
    async () => listUsers(deps.db),
  );

  app.post(
    '/users',
    {
      preHandler: needs('manage_users'),
      schema: {
        tags: ['konton'],
        summary: 'Skapa ett lokalt konto (lösenord minst 12 tecken)',
        body: z.strictObject({
          username: z.string().max(64),
          displayName: z.string().max(200),
          password,
          roles: roles.default(['reader']),
          personId: z.string().min(1).nullable().default(null),
          email: z.string().max(320).nullable().default(null),
        }),
        response: { 201: user },
      },
    },
    async (request, reply) => reply.status(201).send(await createLocalUser(deps.db, requestActor(request), request.body, now())),
  );

  app.patch(
    '/users/:id',
    {
      preHandler: needs('manage_users'),
      schema: {
        tags: ['konton'],
        summary: 'Ändra namn, e-post, koppling till person, roller, eller stäng av/aktivera (avstängning avslutar sessionerna)',
        params: idParams,
        body: z.strictObject({
          displayName: z.string().max(200).optional(),
          email: z.string().max(320).nullable().optional(),
          personId: z.string().min(1).nullable().optional(),
          roles: roles.optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: user },
      },
    },
    async (request) => updateUser(deps.db, requestActor(request), request.params.id, request.body, now()),
  );

  app.post(
    '/users/:id/password',
    {
      preHandler: needs('manage_users'),
      schema: { tags: ['konton'], summary: 'Nytt lösenord för ett lokalt konto (minst 12 tecken); användarens sessioner avslutas', params: idParams, body: z.strictObject({ password }), response: { 200: user } },
    },
    async (request) => setPassword(deps.db, requestActor(request), request.params.id, request.body.password, now()),
  );
};
