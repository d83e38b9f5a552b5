/**
 * Judges a Keras model configuration (the JSON in model_config, training_config, config.json
 * or Keras SavedModel metadata) by what deserializing it would do: Lambda bytecode, references
 * to callables outside Keras (CVE-2025-1550), Keras functions that are gadgets themselves,
 * layers that load external models, pickles or files, and custom objects needing user code.
 */
import { classifyGlobal, type Classification } from '../../knowledge/callables/classify.js';
import { BufferSource } from '../../io/source.js';
import { SourceStream } from '../../io/stream.js';
import { mayHidePayload } from '../../analysis/encoded/sniff.js';
import { MIN_ENCODED_LENGTH } from '../../analysis/encoded/text-encodings.js';
import { scanHiddenPayload } from '../shared/hidden-payloads.js';
import { type ScanContext, type ScanTarget } from '../base.js';
import { HEAD_BYTES } from '../../identify/identify.js';
import { KERAS_NAMES } from '../../knowledge/keras-names.js';
import { alarmingNames, MarshalError, summarizeCode } from '../../io/marshal.js';

/** Where a config came from, for messages and member names. */
export interface ConfigOrigin {
  /** e.g. "model_config attribute", "config.json". */
  readonly label: string;
  /** Sub-part of the target to attach findings to (a member inside an archive). */
  readonly member?: string;
  /** True for legacy .h5 files: loaders there ignore safe_mode (CVE-2025-9905). */
  readonly legacyH5?: boolean;
}

export interface ConfigFacts {
  /** Top-level model name, when the config has one. */
  readonly name?: string;
  readonly className?: string;
  readonly layers: number;
  readonly customObjects: string[];
}

const MAX_NODES = 2_000_000;
const MAX_DEPTH = 256;
const MAX_EVIDENCE = 160;

/** Module prefixes that are Keras itself. */
const KERAS_MODULE = /^(keras|keras_hub|keras_nlp|keras_cv|keras_rs|tf_keras)(\.|$)/;

/** Keras 3 serialization markers that carry data, not callables. */
const DATA_MARKERS = new Set([
  '__tensor__',
  '__numpy__',
  '__bytes__',
  '__typespec__',
  '__ellipsis__',
  '__slice__',
  '__tuple__',
  '__list__',
  '__dict__',
  '__complex__',
  '__dtype__',
  '__str__',
  '__int__',
  '__float__',
  'Functional',
]);

/** Config keys whose string value a layer opens as a file or URL while it is built. */
const FILE_KEYS = new Set([
  'vocabulary',
  'vocabulary_path',
  'vocab_file',
  'vocabulary_file',
  'idf_weights',
  'filepath',
  'file_path',
  'path',
  'origin',
  'url',
  'fname',
  'cache_dir',
  'cache_subdir',
  'directory',
  'weights_path',
  'model_path',
  'saved_model_dir',
  'export_dir',
  'merges',
  'merges_file',
  'proto',
  'spm_file',
]);

/** Layers judged by their own rules rather than by the callable policy. */
const SELF_JUDGED = new Set(['TFSMLayer', 'TorchModuleWrapper']);

/** Short names of Keras gadgets, for module-less (Keras 2) configs. */
const GADGET_MODULES = [
  'keras.utils',
  'keras.saving',
  'keras.config',
  'keras.models',
  'keras.layers',
];

export class KerasConfigAnalyzer {
  private nodes = 0;
  private layers = 0;
  private readonly custom = new Set<string>();
  private readonly reported = new Set<string>();
  private readonly embedded: { bytes: Buffer; path: string }[] = [];
  /** String values that may hide a payload behind encodings, decoded after the walk. */
  private readonly encoded: { value: string; path: string }[] = [];
  private readonly tfsmConfigs = new WeakSet<object>();

  constructor(
    private readonly ctx: ScanContext,
    private readonly target: ScanTarget,
    private readonly origin: ConfigOrigin,
  ) {}

  /** Parses and judges one JSON document; returns what it learned. */
  async analyze(json: string): Promise<ConfigFacts | undefined> {
    let root: unknown;
    try {
      root = JSON.parse(json);
    } catch (err) {
      this.report(
        'MA4008',
        `${this.origin.label} is not valid JSON: ${(err as Error).message}`,
        json.slice(0, 80),
      );
      return undefined;
    }
    this.walk(root, '$', 0);
    for (const e of this.embedded) await this.scanEmbeddedPickle(e.bytes, e.path);
    const where = [this.origin.member, this.origin.label].filter(Boolean)[0] ?? 'config';
    // The TorchModuleWrapper module (already scanned as the pickle torch.load reads) is not
    // scanned a second time as a hidden payload.
    const handled = new Set(this.embedded.map((e) => e.path));
    for (const e of this.encoded)
      if (![...handled].some((p) => e.path.startsWith(`${p}.`)))
        await scanHiddenPayload(this.ctx, this.target, e.value, { label: `${where}:${e.path}` });
    const top = isObject(root) ? root : {};
    const cfg = isObject(top.config) ? top.config : top;
    const name = typeof cfg.name === 'string' ? cfg.name : undefined;
    return {
      ...(name ? { name } : {}),
      ...(typeof top.class_name === 'string' ? { className: top.class_name } : {}),
      layers: this.layers,
      customObjects: [...this.custom].slice(0, 50),
    };
  }

  private report(ruleId: string, message: string, evidence: string): void {
    const key = `${ruleId}\u0000${evidence}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.ctx.report({
      ruleId,
      message,
      evidence: evidence.length > MAX_EVIDENCE ? `${evidence.slice(0, MAX_EVIDENCE)}…` : evidence,
      ...(this.origin.member ? { member: this.origin.member } : {}),
    });
  }

  private walk(v: unknown, path: string, depth: number): void {
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) {
      if (!this.reported.has('limit')) {
        this.reported.add('limit');
        this.report(
          'MA4008',
          `${this.origin.label} is nested or sized beyond what was examined`,
          path,
        );
      }
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => this.walk(x, `${path}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(v)) return;
    if (typeof v.class_name === 'string') this.object(v, path);
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && FILE_KEYS.has(k)) this.fileValue(k, x, path, v);
      if (typeof x === 'string' && x.length >= MIN_ENCODED_LENGTH && mayHidePayload(x))
        this.encoded.push({ value: x, path: `${path}.${k}` });
      this.walk(x, `${path}.${k}`, depth + 1);
    }
  }

  /** One serialized object: {class_name, config, module?, registered_name?}. */
  private object(o: Record<string, unknown>, path: string): void {
    const cls = o.class_name as string;
    const module = typeof o.module === 'string' ? o.module : '';
    const registered = typeof o.registered_name === 'string' ? o.registered_name : '';
    const config = o.config;
    const where = `${this.origin.label} ${path}`;

    if (cls === '__lambda__') {
      this.lambda(isObject(config) ? config.code : undefined, where);
      return;
    }
    // Keras-internal markers (__keras_tensor__, __tuple__…) carry data; with a module they
    // would name a callable, so only module-less ones are skipped.
    if (DATA_MARKERS.has(cls) || (/^__\w+__$/.test(cls) && !module)) return;
    if (isObject(config) && ('name' in config || 'trainable' in config)) this.layers++;

    if (cls === 'function' && typeof config === 'string') {
      this.reference(module, config, registered, where, 'function');
      return;
    }
    const short = cls.split('.').pop()!;
    // Layers with a dedicated rule (MA4004, MA4005) are judged there, not as gadgets.
    if (!(SELF_JUDGED.has(short) && (module === '' || KERAS_MODULE.test(module))))
      this.reference(module, cls, registered, where, 'class');
    if (!isObject(config)) return;

    if (short === 'Lambda') this.lambdaLayer(config, module, where);
    if (short === 'TFOpLambda' || short === 'SlicingOpLambda') {
      // Keras 2 stores the TensorFlow API symbol it calls, e.g. "math.add" or "io.write_file".
      const fn = typeof config.function === 'string' ? config.function : '';
      if (fn) this.reference('tensorflow', fn.replace(/^tf\./, ''), '', where, 'tf-symbol');
    }
    if (short === 'TFSMLayer') {
      this.tfsmConfigs.add(config);
      const fp = typeof config.filepath === 'string' ? config.filepath : '(no filepath)';
      this.report(
        'MA4004',
        `${where}: TFSMLayer loads the external SavedModel at ${JSON.stringify(fp)} when the model is loaded`,
        `TFSMLayer(filepath=${JSON.stringify(fp)})`,
      );
    }
    if (short === 'TorchModuleWrapper') this.torchModule(config, where, path);
  }

  /** A callable reference: judged with the callable policy shared with the pickle engine. */
  private reference(
    module: string,
    name: string,
    registered: string,
    where: string,
    kind: string,
  ): void {
    if (!name) return;
    if (module === '' && kind === 'class') {
      // Keras 2 style: a bare class name, resolved among Keras's classes or custom objects.
      for (const m of GADGET_MODULES) {
        const c = classifyGlobal(m, name);
        if (c.level === 'dangerous' && !KERAS_NAMES.has(name)) {
          this.report(
            'MA4003',
            `${where}: "${name}" resolves to ${m}.${name}, which ${c.reason}`,
            `${m}.${name}`,
          );
          return;
        }
      }
      if (!KERAS_NAMES.has(name) && !name.startsWith('__')) this.customObject(name, where);
      if (registered && registered.includes('>')) this.customObject(registered, where);
      return;
    }
    // Keras 2 "module.function" strings (function_type "function") and dotted names.
    let mod = module;
    let attr = name;
    if (!mod && name.includes('.')) {
      mod = name.slice(0, name.lastIndexOf('.'));
      attr = name.slice(name.lastIndexOf('.') + 1);
    }
    if (!mod) {
      if (!KERAS_NAMES.has(attr)) this.customObject(attr, where);
      return;
    }
    const c: Classification = classifyGlobal(mod, attr);
    const full = `${mod}.${attr}`;
    if (c.level === 'dangerous') {
      if (KERAS_MODULE.test(mod) || KERAS_MODULE.test(c.matched))
        this.report(
          'MA4003',
          `${where}: references ${full}, a Keras gadget that ${c.reason}`,
          full,
        );
      else this.report('MA4002', `${where}: references ${full}, which ${c.reason}`, full);
      return;
    }
    if (KERAS_MODULE.test(mod)) {
      if (registered.includes('>') && !registered.startsWith('keras'))
        this.customObject(registered, where);
      return;
    }
    if (kind === 'tf-symbol') return; // tensorflow API symbols not flagged dangerous are ops
    if (c.level === 'library')
      this.report(
        'MA4002',
        `${where}: references ${full} in ${c.namespace}, outside Keras and not known to be safe; Keras imports and calls it while loading`,
        full,
      );
    else if (c.level === 'unclassified') this.customObject(registered || full, where);
  }

  private customObject(name: string, where: string): void {
    this.custom.add(name);
    this.report('MA4006', `${where}: "${name}" is not part of Keras; loading needs its code`, name);
  }

  private lambdaLayer(config: Record<string, unknown>, module: string, where: string): void {
    const fn = config.function;
    const type = config.function_type;
    if (isObject(fn)) return; // Keras 3: a nested {"class_name": "__lambda__"} or function object
    if (type === 'function' && typeof fn === 'string') {
      const mod = typeof config.module === 'string' ? config.module : module;
      this.reference(mod, fn, '', `${where} (Lambda)`, 'function');
      return;
    }
    const code = Array.isArray(fn) ? fn[0] : fn;
    this.lambda(code, `${where} (Lambda)`);
  }

  /** Reports marshalled bytecode with what its names and constants reveal. */
  private lambda(code: unknown, where: string): void {
    const h5 = this.origin.legacyH5
      ? ' (legacy .h5 loaders rebuild it whatever safe_mode says)'
      : '';
    if (typeof code !== 'string') {
      this.report('MA4001', `${where}: Lambda function without readable bytecode${h5}`, 'Lambda');
      return;
    }
    const bytes = decodeBase64(code);
    if (!bytes) {
      this.report(
        'MA4001',
        `${where}: Lambda function with undecodable bytecode${h5}`,
        code.slice(0, 60),
      );
      return;
    }
    try {
      const s = summarizeCode(bytes);
      const alarming = alarmingNames(s);
      const strings = s.strings.filter((x) => x.length > 0).slice(0, 6);
      const evidence =
        `lambda ${s.name}: names [${s.names.slice(0, 12).join(', ')}]` +
        (strings.length
          ? ` consts [${strings.map((x) => JSON.stringify(x.slice(0, 60))).join(', ')}]`
          : '');
      this.report(
        'MA4001',
        `${where}: Lambda layer with ${s.layout} bytecode` +
          (alarming.length ? ` using ${alarming.join(', ')}` : '') +
          `${h5}; loading the model rebuilds and runs it`,
        evidence,
      );
    } catch (err) {
      if (!(err instanceof MarshalError)) throw err;
      this.report(
        'MA4001',
        `${where}: Lambda layer with marshalled bytecode that could not be decoded (${err.message})${h5}`,
        code.slice(0, 60),
      );
    }
  }

  private torchModule(config: Record<string, unknown>, where: string, path: string): void {
    let raw = config.module;
    if (isObject(raw) && isObject(raw.config)) raw = raw.config.value;
    const bytes = typeof raw === 'string' ? decodeBase64(raw) : undefined;
    this.report(
      'MA4005',
      `${where}: TorchModuleWrapper holds a torch.save pickle that loading unpickles with torch.load`,
      'TorchModuleWrapper',
    );
    if (bytes && bytes.length > 0) this.embedded.push({ bytes, path });
    else if (raw !== undefined)
      this.report(
        'MA4008',
        `${where}: TorchModuleWrapper module could not be decoded`,
        String(raw).slice(0, 60),
      );
  }

  private async scanEmbeddedPickle(bytes: Buffer, path: string): Promise<void> {
    const source = new BufferSource(bytes);
    const label = `TorchModuleWrapper module at ${path}`;
    const parent = [this.target.member, this.origin.member].filter(Boolean).join(' > ');
    const member: ScanTarget = {
      path: this.target.path,
      member: parent ? `${parent} > ${label}` : label,
      name: 'module.pt',
      size: bytes.length,
      head: bytes.subarray(0, HEAD_BYTES),
      openStream: () => new SourceStream(source),
      source,
    };
    await this.ctx.scanMember(member);
  }

  private fileValue(
    key: string,
    value: string,
    path: string,
    holder: Record<string, unknown>,
  ): void {
    if (!looksLikePath(value)) return;
    const cls = typeof holder.class_name === 'string' ? ` (${holder.class_name})` : '';
    if (key === 'filepath' && this.tfsmConfigs.has(holder)) return; // reported as MA4004
    this.report(
      'MA4007',
      `${this.origin.label} ${path}${cls}: "${key}" names ${JSON.stringify(value.slice(0, 120))}, which the layer reads while the model is built`,
      `${key}=${value}`,
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A path or URL (not a plain word such as "int" or "tf_idf"). */
function looksLikePath(v: string): boolean {
  if (v.length === 0 || v.length > 4096) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true;
  if (/^(\/|~|\\\\|[a-zA-Z]:[\\/])/.test(v)) return true;
  if (/(^|[\\/])\.\.([\\/]|$)/.test(v)) return true;
  return (
    /[\\/]/.test(v) || /\.(txt|vocab|json|csv|tsv|model|pb|h5|keras|pkl|bin|npy|npz)$/i.test(v)
  );
}

function decodeBase64(s: string): Buffer | undefined {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return undefined;
  const b = Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return b.length > 0 ? b : undefined;
}
