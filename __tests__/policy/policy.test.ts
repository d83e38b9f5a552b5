/**
 * Name policies on the fixture samples (true and false matches), the policy file format and
 * its errors, the CLI options, the report, and the guarantee that identity never lowers the
 * severity of a security finding.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { main, type CliIO } from '../../src/cli/main.js';
import { splitList } from '../../src/options/grammar.js';
import { ConfigError, resolveOptions, type NamePolicyInput } from '../../src/options/options.js';
import { scan } from '../../src/pipeline/engine.js';
import type { Report } from '../../src/findings/finding.js';
import { parsePolicyDocument } from '../../src/policy/policy-file.js';
import { formatText } from '../../src/report/text.js';

const FIXTURES = 'fixtures/policy/';
const POLICIES = `${FIXTURES}policies/`;
const key = (root: string): string => root.replace(/^.*fixtures\/policy\/(models|malicious)\//, '');

type Policies = 'blacklist' | 'never' | 'strict' | 'licences';
const POLICY_INPUTS: Record<Policies, NamePolicyInput> = {
  blacklist: { blacklist: ['llama', 'alpaca'] },
  never: { policyFile: `${POLICIES}no-llama-arch.yaml` },
  strict: { policyFile: `${POLICIES}strict.yaml` },
  licences: { policyFile: `${POLICIES}licences.json` },
};

/**
 * Expected rule IDs per model and policy ('' = passes). Columns: --blacklist llama
 * --blacklist alpaca | no-llama-arch.yaml (names only) | strict.yaml (allow list, Llama >= 3,
 * licences, requireIdentity, vendor exception) | licences.json (deny llama2, cc-by-nc*).
 */
const DECISIONS: Record<string, [string, string, string, string]> = {
  // True matches of the blacklist: the name, a derivative, a base model, the architecture.
  'hf/Llama-2-7b-chat-hf': ['MA6001', 'MA6001', 'MA6001 MA6005', 'MA6005'],
  'hf/vicuna-7b-v1.5': ['MA6001', 'MA6001', 'MA6001 MA6005', 'MA6005'],
  'hf/CodeLlama-7b-hf': ['MA6001', 'MA6001', 'MA6001 MA6005', 'MA6005'],
  'hf/acme-support-bot-lora': ['MA6001', 'MA6001', '', ''],
  'hf/TinyLlama-1.1B-Chat-v1.0': ['MA6001', 'MA6001', 'MA6001', ''],
  'hf/DeepSeek-R1-Distill-Llama-8B': ['MA6001', 'MA6001', 'MA6001', ''],
  'hf/SmolLM2-135M': ['MA6001', '', 'MA6001', ''],
  'hf/support-helper': ['MA6001', '', 'MA6001 MA6006', 'MA6006'],
  'gguf/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf': ['MA6001', 'MA6001', 'MA6001', ''],
  'gguf/assistant-q4_k_m.gguf': ['MA6001', 'MA6001', '', ''],
  'thebloke/Llama-2-7B-Chat-GGUF': ['MA6001', 'MA6001', 'MA6001 MA6005', 'MA6005'],
  'lone/vendor/llama-7b-legacy.pkl': ['MA6001 MA6003', 'MA6001 MA6003', 'MA6009', 'MA6003 MA6006'],
  'famous-config': ['MA6001', 'MA6001', 'MA6001 MA6005', 'MA6005'],
  // False matches: other families, llamaindex, the Alpaca data set, a Mistral GGUF whose
  // llama.cpp architecture is "llama".
  'hf/Mistral-7B-Instruct-v0.2': ['', '', '', ''],
  'gguf/mistral-7b-instruct-v0.2.Q4_K_M.gguf': ['', '', '', ''],
  'hf/Qwen2.5-7B-Instruct': ['', '', '', ''],
  'gguf/qwen2.5-7b-instruct-q4_k_m.gguf': ['', '', '', ''],
  'cache/models--Qwen--Qwen2.5-0.5B-Instruct': ['', '', 'MA6006', 'MA6006'],
  'hf/gemma-2-9b-it': ['', '', '', ''],
  'gguf/gemma-2-9b-it-Q4_K_M.gguf': ['', '', '', ''],
  'hf/Phi-3-mini-4k-instruct': ['', '', '', ''],
  'gguf/Phi-3-mini-4k-instruct-q4.gguf': ['', '', '', ''],
  'hf/bert-base-uncased': ['', '', '', ''],
  'gguf/bert-base-uncased-Q8_0.gguf': ['', '', '', ''],
  'hf/distilbert-base-uncased-finetuned-sst-2-english': ['', '', '', ''],
  'hf/gpt2': ['', '', '', ''],
  'gguf/gpt2.Q8_0.gguf': ['', '', '', ''],
  'hf/gpt2-instruction-tuned': ['', '', '', ''],
  'hf/flan-t5-base': ['', '', '', ''],
  'gguf/flan-t5-base-Q8_0.gguf': ['', '', '', ''],
  'hf/whisper-small': ['', '', '', ''],
  'hf/clip-vit-base-patch32': ['', '', 'MA6002 MA6006', 'MA6006'],
  'hf/llamaindex-utils': ['', '', '', ''],
  'hf/BERTopic_Wikipedia': ['MA6003', 'MA6003', 'MA6002 MA6004', 'MA6003'],
  'diffusers/stable-diffusion-v1-5': ['', '', '', ''],
  'diffusers/stable-diffusion-xl-base-1.0': ['', '', '', ''],
  'gguf/sd_xl_base_1.0-Q4_K_M.gguf': ['', '', 'MA6006', 'MA6006'],
  'lone/model.pkl': ['MA6003', 'MA6003', 'MA6002 MA6004 MA6006', 'MA6003 MA6006'],
  'lone/llamaindex-utils.pkl': ['MA6003', 'MA6003', 'MA6002 MA6004 MA6006', 'MA6003 MA6006'],
  'allowed-bert': ['', '', '', ''],
};

const reports = {} as Record<Policies, Report>;
beforeAll(async () => {
  for (const p of Object.keys(POLICY_INPUTS) as Policies[])
    reports[p] = await scan([`${FIXTURES}models`, `${FIXTURES}malicious`], {
      namePolicy: POLICY_INPUTS[p],
    });
}, 120_000);

function rulesOf(report: Report, root: string): string {
  const m = report.models!.find((x) => key(x.root) === root)!;
  return [...(m.policy?.rules ?? [])].sort().join(' ');
}

describe('policy decisions on the fixture samples', () => {
  test('the table covers every sample', () => {
    expect(reports.blacklist.models!.map((m) => key(m.root)).sort()).toEqual(
      Object.keys(DECISIONS).sort(),
    );
  });
  test.each(Object.entries(DECISIONS))('%s', (root, want) => {
    const got = (Object.keys(POLICY_INPUTS) as Policies[]).map((p) => rulesOf(reports[p], root));
    expect(got).toEqual(want.map((w) => w.split(' ').filter(Boolean).sort().join(' ')));
  });

  test('a violation is an ERROR on a file of the model, naming the evidence that triggered it', () => {
    const r = reports.blacklist;
    const at = (suffix: string) =>
      r.files
        .filter((f) => f.path.includes(suffix))
        .flatMap((f) => f.findings.filter((x) => x.ruleId === 'MA6001').map((x) => ({ f, x })));
    const [vicuna] = at('hf/vicuna-7b-v1.5/');
    expect(vicuna!.x.severity).toBe('ERROR');
    expect(vicuna!.x.message).toContain('vicuna is a llama derivative');
    expect(vicuna!.x.evidence).toContain('config.json:_name_or_path = "lmsys/vicuna-7b-v1.5"');
    expect(vicuna!.f.path).toMatch(/vicuna-7b-v1\.5\/config\.json$/);
    const [lora] = at('acme-support-bot-lora/');
    expect(lora!.x.message).toContain('base model "meta-llama/Meta-Llama-3-8B-Instruct"');
    expect(lora!.x.evidence).toContain('adapter_config.json:base_model_name_or_path');
    const [renamed] = at('assistant-q4_k_m.gguf');
    expect(renamed!.x.evidence).toContain('gguf:general.name = "Meta Llama 3.1 8B Instruct"');
    const [smol] = at('SmolLM2-135M/');
    expect(smol!.x.message).toContain('family llama (from its architecture)');
    expect(smol!.x.evidence).toContain('config.json:model_type = "llama"');
    // One finding per model, however many files it has.
    expect(at('hf/Llama-2-7b-chat-hf/')).toHaveLength(1);
  });

  test('version constraints and reasons appear in the message', () => {
    const llama2 = reports.strict.files
      .flatMap((f) => f.findings)
      .find((x) => x.ruleId === 'MA6001' && x.location.path.includes('hf/Llama-2-7b-chat-hf/'))!;
    expect(llama2.message).toContain('family "llama" version <3');
    expect(llama2.message).toContain('version 2');
    expect(llama2.message).toContain('the Llama 2 licence was not accepted (LEGAL-142)');
    const vicuna = reports.strict.files
      .flatMap((f) => f.findings)
      .find((x) => x.ruleId === 'MA6001' && x.location.path.includes('vicuna'))!;
    expect(vicuna.message).toContain('version unknown, so the entry applies');
  });

  test('an exception waives name-policy rules and says why', () => {
    const f = reports.strict.files.find((x) => x.path.endsWith('vendor/llama-7b-legacy.pkl'))!;
    const waived = f.findings.filter((x) => x.ruleId === 'MA6009');
    expect(waived.map((x) => x.severity)).toEqual(['INFO', 'INFO', 'INFO']);
    expect(waived[0]!.message).toContain('vendored test model, reviewed 2026-01 (SEC-88)');
    const m = reports.strict.models!.find((x) => x.root.endsWith('llama-7b-legacy.pkl'))!;
    expect(m.policy).toMatchObject({
      decision: 'exempt',
      exception: 'vendored test model, reviewed 2026-01 (SEC-88)',
    });
  });
});

describe('identity never lowers the severity of a security finding', () => {
  const pickles = ['famous-config/pytorch_model.bin', 'allowed-bert/pytorch_model.bin'];
  test.each(Object.keys(POLICY_INPUTS) as Policies[])('with policy %s', (p) => {
    for (const file of pickles) {
      const f = reports[p].files.find((x) => x.path.endsWith(file))!;
      const sec = f.findings.find((x) => x.ruleId === 'MA2001')!;
      expect(sec.severity).toBe('ERROR');
      expect(sec.evidence).toContain('os.system');
    }
  });

  test('an allow list and an exception covering the malicious model leave it ERROR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelaudit-policy-'));
    const policy = join(dir, 'p.yaml');
    writeFileSync(
      policy,
      'allow: [bert]\nexceptions:\n  - path: "**/allowed-bert"\n    reason: trusted vendor\n',
    );
    const r = await scan([`${FIXTURES}malicious/allowed-bert`], {
      namePolicy: { policyFile: policy },
    });
    const f = r.files.find((x) => x.path.endsWith('pytorch_model.bin'))!;
    expect(f.findings.filter((x) => x.severity === 'ERROR').map((x) => x.ruleId)).toEqual([
      'MA2001',
    ]);
    expect(r.models![0]!.policy!.decision).toBe('pass');
    expect(existsSync('/tmp/modelaudit-marker-policy_allowed_bert')).toBe(false);
  });

  test('exceptions cannot name security rules', () => {
    expect(() =>
      parsePolicyDocument({ exceptions: [{ path: 'x', rules: ['MA2001'] }] }, 'p.yaml'),
    ).toThrow(
      /"MA2001" is not a name-policy rule that can be waived.*security findings are never waived/s,
    );
  });
});

describe('policy files are validated with clear errors', () => {
  const bad = (doc: unknown): string => {
    try {
      parsePolicyDocument(doc, 'policy.yaml');
    } catch (err) {
      return (err as Error).message;
    }
    return 'no error';
  };
  test.each<[unknown, string]>([
    [['llama'], 'policy.yaml: expected a mapping at the top, got a list'],
    [
      { deny: [{ nmae: 'llama' }] },
      'deny[0]: unknown key "nmae" (expected name, family, any, version, reason)',
    ],
    [{ deny: [{ name: 'a', family: 'b' }] }, 'deny[0]: give exactly one of name, family or any'],
    [
      { deny: [{ family: 'llama', version: 'newer' }] },
      'deny[0].version: "newer" is not a version comparator',
    ],
    [{ allow: ['/qwen(/'] }, 'allow[0]: invalid regular expression /qwen(/'],
    [
      { licenses: { allow: 'mit', requireKnown: 'yes' } },
      'licenses.requireKnown: expected true or false, got string "yes"',
    ],
    [
      { architecture: 'sometimes' },
      'architecture: expected auto, always or never, got string "sometimes"',
    ],
    [{ exceptions: [{ reason: 'x' }] }, 'exceptions[0]: path is required'],
    [{ version: 2 }, 'version: only version 1 is understood'],
    [{ blacklist: [{}] }, 'blacklist[0]: give exactly one of name, family or any'],
    [{ requireIdentity: 'true' }, 'requireIdentity: expected true or false'],
  ])('%j', (doc, message) => {
    expect(bad(doc)).toContain(message);
  });

  test('every problem is listed at once, with a pointer to the docs', () => {
    const msg = bad({ deny: [{ nmae: 'x' }], colour: 'red' });
    expect(msg).toContain('unknown key "colour"');
    expect(msg).toContain('deny[0]: unknown key "nmae"');
    expect(msg).toContain('docs/name-policies.md');
  });

  test('file errors surface as ConfigError from resolveOptions (CLI exit 2, Action failure)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelaudit-policy-'));
    writeFileSync(join(dir, 'broken.yaml'), 'deny: [llama\n');
    writeFileSync(join(dir, 'broken.json'), '{"deny": [}');
    expect(() => resolveOptions({ namePolicy: { policyFile: join(dir, 'broken.yaml') } })).toThrow(
      /invalid YAML/,
    );
    expect(() => resolveOptions({ namePolicy: { policyFile: join(dir, 'broken.json') } })).toThrow(
      /invalid JSON/,
    );
    expect(() => resolveOptions({ namePolicy: { policyFile: join(dir, 'nope.yaml') } })).toThrow(
      /cannot read policy file .*no such file/,
    );
    expect(() => resolveOptions({ namePolicy: { blacklist: ['/x(/'] } })).toThrow(ConfigError);
    expect(resolveOptions({ namePolicy: { blacklist: [] } }).namePolicy).toBeUndefined();
    expect(
      resolveOptions({ namePolicy: { blacklist: [' llama '] } }).namePolicy?.deny,
    ).toHaveLength(1);
  });

  test('the sample policies are valid', () => {
    for (const p of Object.values(POLICY_INPUTS))
      expect(() => resolveOptions({ namePolicy: p })).not.toThrow();
  });
});

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

describe('CLI', () => {
  test('--blacklist (repeated or comma-separated) fails the scan on a denied model', async () => {
    const r = await cli([
      'scan',
      '--blacklist',
      'llama',
      '--blacklist',
      'alpaca',
      `${FIXTURES}models/hf/vicuna-7b-v1.5`,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('MA6001  name-policy-denied');
    expect(r.out).toContain('vicuna is a llama derivative');
    const ok = await cli([
      'scan',
      '--blacklist',
      'llama,alpaca',
      `${FIXTURES}models/hf/Mistral-7B-Instruct-v0.2`,
    ]);
    expect(ok.code).toBe(0);
    const noPolicy = await cli(['scan', `${FIXTURES}models/hf/vicuna-7b-v1.5`]);
    expect(noPolicy.code).toBe(0);
  });

  test('--policy reads YAML or JSON; a bad file is a usage error (exit 2)', async () => {
    const r = await cli([
      'scan',
      '--policy',
      `${POLICIES}licences.json`,
      `${FIXTURES}models/thebloke`,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('MA6005');
    const dir = mkdtempSync(join(tmpdir(), 'modelaudit-policy-'));
    writeFileSync(join(dir, 'p.yaml'), 'deny:\n  - famly: llama\n');
    const bad = await cli(['scan', '--policy', join(dir, 'p.yaml'), `${FIXTURES}models/hf/gpt2`]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('deny[0]: unknown key "famly"');
    expect((await cli(['scan', '--blacklist', '', `${FIXTURES}models/hf/gpt2`])).code).toBe(2);
    rmSync(dir, { recursive: true });
  });

  test('commas separate --blacklist names, except inside a regular expression', () => {
    expect(splitList('llama, alpaca')).toEqual(['llama', 'alpaca']);
    expect(splitList('/llama-\\d{1,2}b/, /a,b/i')).toEqual(['/llama-\\d{1,2}b/', '/a,b/i']);
  });

  test('--help documents both options', async () => {
    const help = await cli(['scan', '--help']);
    expect(help.out).toContain('--blacklist <name>');
    expect(help.out).toContain('--policy <file>');
  });

  test('--verbose shows each model, its identity and evidence, and the policy outcome', async () => {
    const r = await cli([
      'scan',
      '-v',
      '--blacklist',
      'llama',
      `${FIXTURES}models/gguf/assistant-q4_k_m.gguf`,
    ]);
    expect(r.out).toContain('Models');
    expect(r.out).toContain('identity: name Meta Llama 3.1 8B Instruct, family llama');
    expect(r.out).toContain('evidence: gguf:general.name = Meta Llama 3.1 8B Instruct');
    expect(r.out).toContain('policy: violation (MA6001)');
  });

  test('JSON reports with models, units and claims validate against the schema (1.4)', async () => {
    const schema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as object;
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const report of Object.values(reports)) {
      expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
      expect(report.schemaVersion).toBe('1.4.0');
    }
  });

  test('the text report of a whole tree stays readable', () => {
    const text = formatText(reports.blacklist, { color: false, verbose: false });
    expect(text).toMatch(/Scanned \d+ files/);
    expect(text).not.toContain('Models');
  });
});
