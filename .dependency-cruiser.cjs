/**
 * Dependencies point inward (docs/ARCHITECTURE.md):
 *   domain ← db, importers, reports ← services ← server, cli
 * `npm test` fails when a file breaks this.
 */
const layer = (name) => `^src/${name}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the model and its rules: no IO, no other layer of ours, no Node built-ins.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { pathNot: [layer('domain'), '^node_modules/(zod|big\\.js)/'] },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: layer('domain') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-only-domain',
      comment: 'Storage knows the domain, nothing above it.',
      severity: 'error',
      from: { path: layer('db') },
      to: { path: [layer('importers'), layer('reports'), layer('services'), layer('server'), layer('cli'), '^web/'] },
    },
    {
      name: 'importers-only-domain',
      comment: 'Importers parse bytes into rows and issues; they never write and know no storage.',
      severity: 'error',
      from: { path: layer('importers') },
      to: { path: [layer('db'), layer('reports'), layer('services'), layer('server'), layer('cli'), layer('config')] },
    },
    {
      name: 'reports-only-domain',
      comment: 'Renderers turn a deck model into files; they read no database.',
      severity: 'error',
      from: { path: layer('reports') },
      to: { path: [layer('db'), layer('importers'), layer('services'), layer('server'), layer('cli')] },
    },
    {
      name: 'services-not-outward',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: [layer('server'), layer('cli')] },
    },
    {
      name: 'edges-call-services',
      comment: 'HTTP routes and CLI commands go through services, never straight to storage or importers.',
      severity: 'error',
      from: { path: [layer('server'), layer('cli')] },
      to: { path: [layer('db'), layer('importers')] },
    },
    {
      name: 'server-and-cli-apart',
      severity: 'error',
      from: { path: layer('server') },
      to: { path: layer('cli') },
    },
    {
      name: 'web-talks-http',
      comment: 'The browser app reads data through the HTTP API only; it may share the pure domain (formatting, periods, types).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: [layer('db'), layer('importers'), layer('reports'), layer('services'), layer('server'), layer('cli'), layer('config')] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
