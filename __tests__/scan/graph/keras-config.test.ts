/**
 * The Keras config analysis, table-driven: one case per attack class and per published
 * advisory (linked above each), and benign configs that must stay clean.
 */
import { join } from 'node:path';
import { FIXTURES_ROOT } from '../../helpers/manifest.js';
import { rulesOf, scanBytes } from '../../helpers/scan.js';
import { readZip } from './helpers.js';

const LAMBDA_CODE =
  '4wEAAAAAAAAAAAAAAAMAAAADAAAA80oAAACXAHQBAAAAAAAAAAAAAGQBpgEAAKsBAAAAAAAAAACgAQAAAAAAAAAAAAAAAAAAAAAAAAAAZAKmAQAAqwEAAAAAAAAAAHABfABTACkDTtoCb3N6B2VjaG8gaGkpAtoKX19pbXBvcnRfX9oGc3lzdGVtKQHaAXhzAQAAACD6CDxsYW1iZGE++gg8bGFtYmRhPnIHAAAAAQAAAHMhAAAAgACNKpBU0Qoa1Aoa1woh0gohoCnRCizUCizQCjGwAYAA8wAAAAA=';

const realConfig = JSON.parse(
  readZip(join(FIXTURES_ROOT, 'graph', 'keras', 'benign', 'functional.keras'))
    .get('config.json')!
    .toString(),
) as { config: { layers: unknown[] } };

/** A .keras-style config with one extra layer inserted (scanned via the metadata scanner path). */
function withLayer(layer: unknown): string {
  const c = structuredClone(realConfig);
  c.config.layers.splice(1, 0, layer);
  return JSON.stringify(c);
}

/** keras_metadata.pb bytes holding one config (SavedMetadata.nodes[0].metadata). */
function metadataPb(json: string): Buffer {
  const varint = (n: number): number[] => {
    const out: number[] = [];
    while (n >= 0x80) {
      out.push((n % 128) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  const data = Buffer.from(json);
  const path = Buffer.from('root');
  const node = Buffer.concat([
    Buffer.from([0x10, 0x00, 0x1a, path.length]),
    path,
    Buffer.from([0x2a, ...varint(data.length)]),
    data,
  ]);
  return Buffer.concat([Buffer.from([0x0a, ...varint(node.length)]), node]);
}

async function judge(
  config: string,
): Promise<{ rules: string[]; text: string; worst: string | undefined }> {
  const r = await scanBytes(metadataPb(config), 'keras_metadata.pb');
  const text = r.findings.map((f) => `${f.ruleId} ${f.evidence ?? ''} ${f.message}`).join('\n');
  const worst = r.findings.some((f) => f.severity === 'ERROR')
    ? 'ERROR'
    : r.findings.length
      ? 'WARNING'
      : undefined;
  return { rules: rulesOf(r), text, worst };
}

const fn = (module: string, name: string): unknown => ({
  module,
  class_name: 'function',
  config: name,
  registered_name: null,
});
const layer = (module: string, cls: string, config: Record<string, unknown> = {}): unknown => ({
  module,
  class_name: cls,
  config: { name: 'x', ...config },
  registered_name: null,
});

describe('Keras config analysis', () => {
  test.each([
    // https://nvd.nist.gov/vuln/detail/CVE-2024-3660 (Lambda bytecode)
    [
      'Keras 3 __lambda__',
      layer('keras.layers', 'Lambda', {
        function: {
          class_name: '__lambda__',
          config: { code: LAMBDA_CODE, defaults: null, closure: null },
        },
      }),
      'MA4001',
      'system',
    ],
    [
      'Keras 2 Lambda list form',
      {
        class_name: 'Lambda',
        config: { name: 'l', function: [LAMBDA_CODE, null, null], function_type: 'lambda' },
      },
      'MA4001',
      '__import__',
    ],
    [
      'Lambda with undecodable bytecode',
      {
        class_name: 'Lambda',
        config: { name: 'l', function: ['!!notbase64!!', null, null], function_type: 'lambda' },
      },
      'MA4001',
      'Lambda',
    ],
    // https://nvd.nist.gov/vuln/detail/CVE-2025-1550 (module/class_name outside Keras)
    ['function reference to os.system', fn('os', 'system'), 'MA4002', 'os.system'],
    ['layer class from builtins', layer('builtins', 'exec'), 'MA4002', 'builtins.exec'],
    [
      'dotted Keras 2 function name',
      {
        class_name: 'Lambda',
        config: {
          name: 'l',
          function: 'subprocess.check_output',
          function_type: 'function',
          module: '',
        },
      },
      'MA4002',
      'subprocess.check_output',
    ],
    ['stdlib callable not known to be safe', fn('shutil', 'rmtree'), 'MA4002', 'shutil.rmtree'],
    // https://nvd.nist.gov/vuln/detail/CVE-2025-8747 (keras.utils.get_file)
    ['keras.utils.get_file', fn('keras.utils', 'get_file'), 'MA4003', 'get_file'],
    [
      'keras.src.utils.file_utils',
      fn('keras.src.utils.file_utils', 'rmtree'),
      'MA4003',
      'file_utils',
    ],
    // https://nvd.nist.gov/vuln/detail/CVE-2025-9906 (enable_unsafe_deserialization)
    [
      'enable_unsafe_deserialization',
      fn('keras.config', 'enable_unsafe_deserialization'),
      'MA4003',
      'enable_unsafe_deserialization',
    ],
    [
      'module-less gadget name (Keras 2)',
      { class_name: 'get_file', config: {} },
      'MA4003',
      'get_file',
    ],
    ['nested model load', fn('keras.models', 'load_model'), 'MA4003', 'load_model'],
    // https://nvd.nist.gov/vuln/detail/CVE-2026-1462 (TFSMLayer)
    [
      'TFSMLayer',
      layer('keras.layers', 'TFSMLayer', { filepath: '/srv/other_model' }),
      'MA4004',
      '/srv/other_model',
    ],
    // https://nvd.nist.gov/vuln/detail/CVE-2025-12058 (vocabulary read from a path)
    [
      'StringLookup vocabulary path',
      layer('keras.layers', 'StringLookup', { vocabulary: '/etc/shadow' }),
      'MA4007',
      '/etc/shadow',
    ],
    [
      'TextVectorization vocabulary URL',
      layer('keras.layers', 'TextVectorization', { vocabulary: 'https://example.invalid/v.txt' }),
      'MA4007',
      'example.invalid',
    ],
    // Keras 2 TFOpLambda calling a file-writing TensorFlow op
    [
      'TFOpLambda io.write_file',
      { class_name: 'TFOpLambda', config: { name: 'w', function: 'io.write_file' } },
      'MA4002',
      'tensorflow.io.write_file',
    ],
  ])('%s → %s', async (_name, extra, rule, evidence) => {
    const r = await judge(withLayer(extra));
    expect({ rules: r.rules, worst: r.worst }).toEqual({
      rules: expect.arrayContaining([rule]),
      worst: 'ERROR',
    });
    expect(r.text).toContain(evidence);
  });

  test.each([
    [
      'registered custom layer',
      {
        module: 'my_project.layers',
        class_name: 'Residual',
        config: { name: 'r' },
        registered_name: 'my_project>Residual',
      },
    ],
    ['unknown Keras 2 class', { class_name: 'MyAttentionBlock', config: { name: 'a' } }],
    // https://nvd.nist.gov/vuln/detail/CVE-2025-49655: the wrapper itself is a warning; its pickle is scanned
    [
      'TorchModuleWrapper with an undecodable module',
      layer('keras.layers', 'TorchModuleWrapper', { module: '%%%' }),
    ],
  ])('%s is a WARNING or reported', async (_name, extra) => {
    const r = await judge(withLayer(extra));
    expect(r.worst).toBeDefined();
  });

  test('a dunder class_name with a module is a callable, not a data marker', async () => {
    const r = await judge(withLayer({ module: 'builtins', class_name: '__import__', config: {} }));
    expect(r.rules).toContain('MA4002');
  });

  test('malformed JSON fails closed', async () => {
    const r = await judge('{"class_name": "Sequential", ');
    expect(r.rules).toContain('MA4008');
  });

  test('real configs saved by keras are clean', async () => {
    for (const file of ['sequential.keras', 'functional.keras', 'rnn.keras']) {
      const config = readZip(join(FIXTURES_ROOT, 'graph', 'keras', 'benign', file))
        .get('config.json')!
        .toString();
      expect(await judge(config)).toEqual({ rules: [], text: '', worst: undefined });
    }
  });

  test('the model name is claimed', async () => {
    const r = await scanBytes(metadataPb(JSON.stringify(realConfig)), 'keras_metadata.pb');
    expect(r.claims).toEqual([expect.objectContaining({ field: 'name', value: 'tiny_cnn' })]);
  });
});
