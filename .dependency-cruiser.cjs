/**
 * DESIGN.md's import arrows, enforced: renderer → shared; electron/* → electron/core → shared.
 * Run from a tree root: `depcruise --config .dependency-cruiser.cjs shared electron renderer`.
 * test/unit/layering.test.ts runs this same file over a fixture tree that breaks each rule.
 */
// The pure libraries shared/ imports, and nothing else: a library listed here but not used would
// let a future import through unreviewed. ip-num is a test reference only (a devDependency, not in
// the packaged app), so shared/ may not import it; add a library here when shared/ adopts one.
const PURE_LIBS = ['zod', 'papaparse', '@stdlib/stats-base-dists-t-quantile'];

module.exports = {
  forbidden: [
    {
      name: 'shared-stays-pure',
      severity: 'error',
      comment: 'shared/ is the pure domain: it imports nothing from electron/ or renderer/',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'shared/ runs in the renderer too: no Node built-ins',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-pure-libs-only',
      severity: 'error',
      comment: 'shared/ may import only pure libraries; extend PURE_LIBS when adopting one',
      from: { path: '^shared/' },
      to: { path: '(^|/)node_modules/', pathNot: `(^|/)node_modules/(${PURE_LIBS.join('|')})/` },
    },
    {
      name: 'core-without-electron',
      severity: 'error',
      comment: 'electron/core is plain Node: it never imports electron nor the transports',
      from: { path: '^electron/core/' },
      to: { path: '((^|/)node_modules/electron/|^electron/(main|preload|web|cli)/|^renderer/)' },
    },
    {
      name: 'transports-not-electron',
      severity: 'error',
      comment: 'the CLI and the web bridge run under plain Node',
      from: { path: '^electron/(cli|web)/' },
      to: { path: '((^|/)node_modules/electron/|^electron/(main|preload)/|^renderer/)' },
    },
    {
      name: 'renderer-through-contract',
      severity: 'error',
      comment: 'the renderer reaches the workspace only through the contract',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Keep node_modules in the graph (so imports of them can break rules) but do not walk into it.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
