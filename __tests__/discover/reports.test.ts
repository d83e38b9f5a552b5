/**
 * Skipped entries reach every report: a FIFO and a device in a scanned tree are findings in
 * JSON, SARIF and text, and listed with --verbose; a FIFO named on the command line is exit 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { main, type CliIO } from '../../src/cli/main.js';
import type { Report } from '../../src/findings/finding.js';
import { evaluateGate } from '../../src/action/gate.js';
import { renderSummary } from '../../src/action/summary.js';
import { viewOf } from '../../src/action/view.js';
import { decideVerdict } from '../../src/verdict/verdict.js';
import { charDevice, cleanupTrees, EVIL, fifo, IS_ROOT, put, tempDir } from './tree.js';

afterAll(cleanupTrees);

class Sink {
  text = '';
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIO = { stdout, stderr, env: {} };
  const code = await main(args, io);
  return { code, out: stdout.text, err: stderr.text };
}

function compile(file: string, draft2020: boolean): (data: unknown) => boolean {
  const schema = JSON.parse(
    readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'),
  ) as object;
  const ajv = draft2020
    ? new Ajv2020.default({ allErrors: true, strict: true })
    : new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
const validReport = compile('report.schema.json', true);
const validSarif = compile('sarif-schema-2.1.0.json', false);

interface SarifShape {
  runs: {
    results: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

/** Scans `root` in the three formats and checks that each lists `entries` (name → kind). */
async function expectListedEverywhere(
  root: string,
  entries: Record<string, string>,
): Promise<void> {
  const json = await cli(['scan', '--format', 'json', root]);
  expect(json.code).toBe(1); // the pickle beside them
  const report = JSON.parse(json.out) as Report;
  expect(validReport(report)).toBe(true);
  const sarifRun = await cli(['scan', '--format', 'sarif', root]);
  const sarif = JSON.parse(sarifRun.out) as SarifShape;
  expect(validSarif(sarif)).toBe(true);
  const text = await cli(['scan', '--verbose', '--no-color', root]);

  for (const [name, kind] of Object.entries(entries)) {
    const path = join(root, name);
    // JSON: a skipped entry, and a result of its own carrying MA1007.
    expect(report.skipped).toContainEqual(expect.objectContaining({ path, kind }));
    const result = report.files.find((f) => f.path === path)!;
    expect(result).toMatchObject({ role: 'skipped', format: kind, bytesRead: 0 });
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['MA1007', 'WARNING']]);
    // SARIF: a result on the entry's URI, and a notification saying why it was not scanned.
    const run = sarif.runs[0]!;
    expect(
      run.results.some(
        (r) =>
          r.ruleId === 'MA1007' &&
          r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(`/${name}`),
      ),
    ).toBe(true);
    expect(
      run.invocations[0]!.toolExecutionNotifications.some((n) =>
        n.message.text.startsWith(`not scanned (${kind})`),
      ),
    ).toBe(true);
    // Text: the finding block, and the Skipped section.
    expect(text.out).toContain(`${path}  (${kind}, 0 B`);
    expect(text.out).toMatch(
      new RegExp(`\\n  ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  ${kind}: `),
    );
  }
  // The Action's job summary: the entries are files with a WARNING, and fail-on warning fails.
  const view = viewOf({ ...report, verdict: decideVerdict(report, { failOn: 'warning' }) });
  const summary = renderSummary({
    view,
    gate: evaluateGate(view),
    failOn: 'warning',
    scopeText: 'all files selected by paths',
    notes: [],
    shard: undefined,
    units: [],
    deleted: [],
    skipped: report.skipped,
    scanSeconds: 0,
    totalSeconds: 0,
    sarif: { file: 'x.sarif', category: 'modelaudit', upload: 'not uploaded' },
  }).markdown;
  for (const [name, kind] of Object.entries(entries))
    expect(summary).toContain(`| \`${join(root, name)}\` | \`${kind}\` | ⚠️ WARNING |`);
  expect(summary).toContain('## modelaudit: ❌ failed');
  expect(text.out).toContain('Skipped\n');
  expect(text.out).toMatch(/Scanned 1 file and \d+ entr(y|ies) not read/);
}

test('a FIFO in a scanned tree is listed in JSON, SARIF, text --verbose and the job summary', async () => {
  const root = put(tempDir(), { 'model.pkl': EVIL });
  fifo(join(root, 'queue.fifo'));
  await expectListedEverywhere(root, { 'queue.fifo': 'fifo' });
});

(IS_ROOT ? test : test.skip)(
  'a device in a scanned tree is listed in JSON, SARIF, text --verbose and the job summary (mknod needs root: skipped otherwise)',
  async () => {
    const root = put(tempDir(), { 'model.pkl': EVIL });
    fifo(join(root, 'queue.fifo'));
    charDevice(join(root, 'null.dev'));
    await expectListedEverywhere(root, { 'queue.fifo': 'fifo', 'null.dev': 'character-device' });
  },
);

test('a FIFO named on the command line: exit 2 and a message, never "Scanned 0 files" and 0', async () => {
  const root = tempDir();
  fifo(join(root, 'named.pipe'));
  const r = await cli(['scan', join(root, 'named.pipe')]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(
    `modelaudit: ${join(root, 'named.pipe')}: a FIFO (named pipe), not a file or directory: nothing to scan`,
  );
});
