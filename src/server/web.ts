import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { APP_CSP } from './security/headers.js';

/**
 * Serves the built web app (dist/web): files under assets/ carry a content hash in their name
 * and are cached for a year; every other path that is not /api and has no file extension gets
 * index.html, so a shared link (/indikator/…, /sammantraden/…) opens the app at that page.
 * Without a build the server still answers, with a page saying how to build.
 */
const CSP = APP_CSP;

const NOT_BUILT = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Styrkort – webbappen är inte byggd</title></head>
<body><main><h1>Webbappen är inte byggd</h1>
<p>Servern och API:t svarar (<a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>), men webbappen saknas i <code>dist/web</code>.</p>
<p>Kör <code>npm run build</code> (eller starta med <code>npm start</code>, som bygger när det behövs) och ladda om sidan.</p></main></body></html>
`;

function isAppPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return !pathname.startsWith('/api/') && pathname !== '/api' && path.extname(pathname) === '';
}

function html(reply: FastifyReply, status: number, body: string | Buffer): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(body);
}

export const webApp: FastifyPluginAsync<{ dir: string }> = async (app, { dir }) => {
  const indexFile = path.join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/*', { schema: { hide: true } }, async (request, reply) => (isAppPath(request.url) ? html(reply, 503, NOT_BUILT) : reply.callNotFound()));
    return;
  }
  // read per request (it is small), so a rebuild while the server runs is picked up
  await app.register(fastifyStatic, {
    root: path.join(dir, 'assets'),
    prefix: '/assets/',
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res) {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const name = (request.url.split('?')[0] ?? '').slice(1);
    if (isAppPath(request.url) || name === 'index.html') return html(reply, 200, await readFile(indexFile));
    // other files at the top of the build (favicon.svg …), never a path into another directory
    if (/^[\w.-]+$/.test(name) && !name.startsWith('.') && existsSync(path.join(dir, name))) {
      return reply.header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').sendFile(name, dir);
    }
    return reply.callNotFound();
  });
};
