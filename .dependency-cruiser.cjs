/* global module */
/**
 * The layers of src/, lowest first. A module may import its own layer and the layers below
 * it, never one above; there are no cycles. `.ci/run` (npm run lint:layers) enforces it.
 */
const LAYERS = [
  ['version', '^src/version\\.ts$'],
  ['findings', '^src/findings/'],
  ['rules', '^src/rules/'],
  ['io', '^src/io/'],
  ['knowledge', '^src/knowledge/'],
  ['analysis', '^src/analysis/'],
  ['identify', '^src/identify/'],
  ['scan', '^src/scan/'],
  ['discover', '^src/discover/'],
  ['policy', '^src/policy/'],
  ['verdict', '^src/verdict/'],
  ['signing', '^src/signing/'],
  ['options', '^src/options/'],
  ['pipeline', '^src/pipeline/'],
  ['report', '^src/report/'],
  ['faces', '^src/(lib|cli|action)/'],
];

/** Layers that must stay independent of each other although neither is above the other. */
const SIBLINGS = [
  ['io', 'knowledge'],
  ['identify', 'analysis'],
  ['discover', 'scan'],
  ['discover', 'analysis'],
  ['discover', 'identify'],
  ['policy', 'signing'],
];

const forbidden = [
  {
    name: 'no-circular',
    severity: 'error',
    comment: 'Import cycles hide the direction of the data flow.',
    from: { path: '^src/' },
    to: { circular: true },
  },
  {
    name: 'no-orphans',
    severity: 'error',
    comment: 'A module nothing imports is dead code (entry points excepted).',
    from: {
      orphan: true,
      path: '^src/',
      pathNot: ['^src/(lib/index|cli/bin|action/main)\\.ts$', '\\.d\\.ts$'],
    },
    to: {},
  },
  {
    name: 'scanners-reach-bytes-through-the-context',
    severity: 'error',
    comment:
      'Scanners and the engines they share never touch the filesystem: bytes come through the ' +
      'scan context (target, members, sibling(), listDir()), so byte accounting, limits and ' +
      'remote sources apply to every read.',
    from: { path: '^src/(scan|analysis|knowledge|identify)/' },
    to: { path: '^(node:)?fs(/promises)?$|^(node:)?child_process$|^(node:)?net$|^(node:)?http' },
  },
  {
    name: 'policy-works-from-claims',
    severity: 'error',
    comment:
      "The policy stage is a function of the scanned files' results and their claims: it never " +
      "reads the disk (reading the user's policy file, which is configuration, excepted).",
    from: { path: '^src/policy/', pathNot: '^src/policy/policy-file\\.ts$' },
    to: { path: '^(node:)?fs(/promises)?$|^(node:)?child_process$|^(node:)?net$|^(node:)?http' },
  },
];
LAYERS.forEach(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => p);
  if (above.length)
    forbidden.push({
      name: `layer-${name}-imports-only-below`,
      severity: 'error',
      comment: `${name} is below ${LAYERS.slice(i + 1)
        .map(([n]) => n)
        .join(', ')}`,
      from: { path },
      to: { path: above.join('|') },
    });
});
for (const [a, b] of SIBLINGS) {
  const path = (n) => LAYERS.find(([name]) => name === n)[1];
  for (const [from, to] of [
    [a, b],
    [b, a],
  ])
    forbidden.push({
      name: `${from}-does-not-import-${to}`,
      severity: 'error',
      comment: `${a} and ${b} are independent of each other`,
      from: { path: path(from) },
      to: { path: path(to) },
    });
}

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    exclude: { path: '^(dist|build|node_modules)/' },
  },
};
