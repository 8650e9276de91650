/**
 * Architecture rules: imports point down only.
 *   kernel  ←  catalogue, capabilities  ←  account  ←  projections  ←  adapters (postgres, cli), testing
 * The kernel knows nothing of the domain; nothing imports adapters; no cycles.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'kernel-is-domain-agnostic',
      comment: 'The kernel must not import anything of the domain.',
      severity: 'error',
      from: { path: '^src/kernel' },
      to: { path: '^src/(?!kernel)' },
    },
    {
      name: 'domain-does-not-import-projections-or-adapters',
      severity: 'error',
      from: {
        path: '^src/(account|catalogue|tariff|numbers|recording|storage|sms|notifications|smart-callback|calls)/',
      },
      to: { path: '^src/(projections|postgres|cli|testing)/' },
    },
    {
      name: 'projections-do-not-import-adapters',
      severity: 'error',
      from: { path: '^src/projections/' },
      to: { path: '^src/(postgres|cli)/' },
    },
    {
      name: 'core-has-no-io',
      comment: 'I/O lives in adapters only.',
      severity: 'error',
      from: { path: '^src/(?!postgres|cli)' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|dgram|tls|node:fs|node:net|node:http|node:https|node:child_process)$',
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
