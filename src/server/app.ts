import path from 'node:path';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PACKAGE_ROOT } from '../config/paths.js';
import type { AppDependencies } from './deps.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { installAuth } from './auth/install.js';
import { refuseUnstorableText } from './security/textInput.js';
import { assetRoutes } from './routes/assets.js';
import { auditRoutes } from './routes/audit.js';
import { datasetRoutes } from './routes/datasets.js';
import { catalogAuthoringRoutes } from './routes/catalogAuthoring.js';
import { indicatorAuthoringRoutes } from './routes/indicatorAuthoring.js';
import { itemAuthoringRoutes } from './routes/itemAuthoring.js';
import { meetingAuthoringRoutes } from './routes/meetingAuthoring.js';
import { publishingRoutes } from './routes/publishing.js';
import { authRoutes } from './routes/auth.js';
import { deckRoutes } from './routes/decks.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { indicatorRoutes } from './routes/indicators.js';
import { meetingRoutes } from './routes/meetings.js';
import { planRoutes } from './routes/plan.js';
import { goalRoutes } from './routes/goals.js';
import { indicatorValueRoutes } from './routes/indicatorValues.js';
import { scorecardRoutes } from './routes/scorecard.js';
import { searchRoutes } from './routes/search.js';
import { userRoutes } from './routes/users.js';
import { webApp } from './web.js';

/**
 * The HTTP application. Every route: validate (zod) → service → present; errors are mapped to
 * HTTP in one handler. Built without listening, so tests call it in-process with `inject`.
 */
export type App = FastifyInstance;

export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info', ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    // a hop count as proxy-addr's trust function: the first n hops, counted from this server, are proxies
    trustProxy: typeof deps.trustProxy === 'number' ? ((hops: number) => (_address: string, hop: number) => hop < hops)(deps.trustProxy) : (deps.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  // who is asking, CSRF and Origin checks, every route's declared access, security headers
  // (server/auth/install.ts); routes declare access with server/auth/guard.ts `needs(...)`
  await installAuth(app, deps);
  // no NUL or half a character reaches a route (server/security/textInput.ts)
  app.addHook('preValidation', refuseUnstorableText);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Styrkort API', version: deps.version, description: 'Mål, indikatorer, utfall och sammanträden för regionstyrelsens uppföljning.' },
      tags: [
        { name: 'drift', description: 'Hälsa och dokumentation' },
        { name: 'plan', description: 'Planperioder, mål, fokusområden och områden' },
        { name: 'indikatorer', description: 'Indikatorer, utfall, serier och rangordning' },
        { name: 'sammanträden', description: 'Sammanträden med informationspunkter' },
        { name: 'inläsning', description: 'Inläsning från Excel, CSV och Kolada: uppladdning, förhandsgranskning, inläsningar och ångra' },
        { name: 'redigering', description: 'Sammanträden, dagordning, informationspunkter, block, indikatorer och målvärden' },
        { name: 'publicering', description: 'Publicerade versioner av styrelsepaketet, rättelser och återkallelser' },
        { name: 'granskning', description: 'Granskningsloggen: vem ändrade vad, när, från vad till vad' },
        { name: 'konton', description: 'Inloggning, sessioner, användare och roller' },
      ],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes, { prefix: '/api', deps });
  await app.register(planRoutes, { prefix: '/api', deps });
  await app.register(indicatorRoutes, { prefix: '/api', deps });
  await app.register(meetingRoutes, { prefix: '/api', deps });
  await app.register(assetRoutes, { prefix: '/api', deps });
  await app.register(deckRoutes, { prefix: '/api', deps });
  await app.register(scorecardRoutes, { prefix: '/api', deps });
  await app.register(goalRoutes, { prefix: '/api', deps });
  await app.register(searchRoutes, { prefix: '/api', deps });
  await app.register(indicatorValueRoutes, { prefix: '/api', deps });
  await app.register(importRoutes, { prefix: '/api', deps });
  await app.register(meetingAuthoringRoutes, { prefix: '/api', deps });
  await app.register(itemAuthoringRoutes, { prefix: '/api', deps });
  await app.register(indicatorAuthoringRoutes, { prefix: '/api', deps });
  await app.register(datasetRoutes, { prefix: '/api', deps });
  await app.register(catalogAuthoringRoutes, { prefix: '/api', deps });
  await app.register(publishingRoutes, { prefix: '/api', deps });
  await app.register(auditRoutes, { prefix: '/api', deps });
  await app.register(authRoutes, { prefix: '/api', deps });
  await app.register(userRoutes, { prefix: '/api', deps });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(webApp, { dir: deps.webDir ?? path.join(PACKAGE_ROOT, 'dist', 'web') });
  return app;
}
