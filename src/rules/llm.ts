import type { Rule } from './types.js';

const SAFETENSORS_SPEC = 'https://github.com/huggingface/safetensors#format';
const GGUF_SPEC = 'https://github.com/ggml-org/ggml/blob/master/docs/gguf.md';
const GGUF_TALOS = 'https://blog.talosintelligence.com/llama-cpp-vulnerabilities/';
const GGUF_DATABRICKS = 'https://www.databricks.com/blog/ggml-gguf-file-format-vulnerabilities';
const JINJA_SANDBOX = 'https://jinja.palletsprojects.com/en/stable/sandbox/';
const CVE_2024_34359 = 'https://nvd.nist.gov/vuln/detail/CVE-2024-34359';

/**
 * Rules of the llm family: safetensors (MA50xx), GGUF (MA51xx) and chat templates (MA52xx).
 * MA5001–MA5299 belong to this family.
 */
export const LLM_RULES: readonly Rule[] = [
  // ---- safetensors ----------------------------------------------------------------------
  {
    id: 'MA5001',
    name: 'safetensors-header-length',
    title: 'safetensors header length is impossible',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-130',
    description:
      'The first eight bytes of a safetensors file give the length of its JSON header. Here that ' +
      'length runs past the end of the file, is too small to hold a header, or is larger than the ' +
      'loaders accept (100 MB) or than the configured limit. Readers that trust the length read out ' +
      'of bounds or allocate huge buffers; the safetensors library refuses such files.',
    remediation:
      'Treat the file as corrupt or hostile; re-export the weights with the safetensors library.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5002',
    name: 'safetensors-header-malformed',
    title: 'safetensors header is not a well-formed JSON object',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The header must be UTF-8 JSON: one object that starts with "{", optionally padded with ' +
      'spaces. This one is not valid UTF-8, not valid JSON, not an object, or is followed by other ' +
      'bytes inside the declared length. Parsers disagree on such input, which is how a scanner and ' +
      'a loader end up seeing different files.',
    remediation: 'Re-export the weights with the safetensors library; do not load this file.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5003',
    name: 'safetensors-duplicate-key',
    title: 'safetensors header repeats a key',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-694',
    description:
      'A key appears twice in the header (a tensor name, a field of a tensor entry, or a ' +
      '__metadata__ key). JSON parsers keep either the first or the last copy, so two tools can ' +
      'read two different tensors, offsets or metadata values from the same file: a classic way to ' +
      'show a scanner one thing and a loader another.',
    remediation: 'Do not load the file; re-export it with the safetensors library.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5004',
    name: 'safetensors-bad-tensor-entry',
    title: 'safetensors tensor entry is malformed',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'A tensor entry must be an object with a string "dtype", a "shape" list of non-negative ' +
      'integers and "data_offsets" [begin, end] with begin <= end. This entry lacks one of them, has ' +
      'the wrong type, or holds numbers a 64-bit loader cannot represent exactly.',
    remediation: 'Re-export the weights with the safetensors library.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5005',
    name: 'safetensors-unknown-dtype',
    title: 'safetensors tensor has an unknown dtype',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The dtype is not one the safetensors format defines, so its element size (and therefore the ' +
      'tensor size) is unknown. Loaders reject it; a reader that guesses a size reads the wrong bytes.',
    remediation: 'Re-export the weights with a dtype safetensors supports.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5006',
    name: 'safetensors-size-mismatch',
    title: 'safetensors tensor span does not match its shape and dtype',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-130',
    description:
      "The number of bytes between a tensor's data offsets differs from shape × dtype size (or " +
      'that product overflows 64 bits). Loaders that trust the shape read past the span, loaders ' +
      'that trust the offsets build a tensor of the wrong size; the safetensors library rejects it.',
    remediation: 'Do not load the file; re-export it with the safetensors library.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5007',
    name: 'safetensors-offset-out-of-bounds',
    title: 'safetensors tensor lies outside the data area',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-125',
    description:
      "A tensor's data offsets point past the end of the file's data area. Readers that memory-map " +
      'the file and trust the offsets read out of bounds.',
    remediation: 'Treat the file as truncated or hostile; do not load it.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5008',
    name: 'safetensors-overlapping-tensors',
    title: 'safetensors tensors overlap',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-119',
    description:
      'Two tensors share bytes of the data area. The format requires each tensor to own its span; ' +
      'overlaps let one write corrupt another and are rejected by the safetensors library.',
    remediation: 'Do not load the file; re-export it with the safetensors library.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5009',
    name: 'safetensors-data-gap',
    title: 'safetensors data area has bytes no tensor owns',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'Tensors must cover the data area from its first byte, one after the other, without holes. ' +
      'Bytes between or before tensors belong to nothing: they are a place to hide a payload (a ' +
      'pickle, an archive) that another tool may read. The hidden bytes are scanned as a member.',
    remediation:
      'Do not load the file with tools other than the safetensors library; re-export it.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5010',
    name: 'safetensors-trailing-data',
    title: 'safetensors file has bytes after its last tensor',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'The file continues after the end of its data area. A zip or pickle appended to a ' +
      'safetensors file makes a polyglot: torch.load finds the zip directory at the end of the file ' +
      'and unpickles it, while a check of the safetensors header sees harmless weights. The ' +
      'trailing bytes are scanned as a member.',
    remediation: 'Do not load the file with torch.load or other loaders; re-export it.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5011',
    name: 'safetensors-metadata-invalid',
    title: 'safetensors __metadata__ is not a map of strings',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The format allows only string values in __metadata__. Nested objects, numbers or lists there ' +
      'are rejected by the safetensors library and are a place to smuggle structured data past tools ' +
      'that expect text.',
    remediation: 'Re-export the file with string-only metadata.',
    references: [SAFETENSORS_SPEC],
  },
  {
    id: 'MA5012',
    name: 'metadata-suspicious-content',
    title: 'Model metadata carries code, a risky URL or serialized data',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-506',
    description:
      'A metadata value (safetensors __metadata__, GGUF key-value) holds something a model never ' +
      'needs there: source code or shell commands, a URL with a dangerous scheme or pointing at an ' +
      'executable or a raw IP address, or an encoded pickle. Loaders do not run metadata, but tools ' +
      'and pipelines that read it may fetch, decode or execute it. Encoded pickles are also scanned ' +
      'as members.',
    remediation: 'Inspect the value; remove it or take the model from a trusted source.',
  },
  {
    id: 'MA5013',
    name: 'safetensors-unknown-field',
    title: 'safetensors tensor entry has fields the format does not define',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'A tensor entry carries fields besides dtype, shape and data_offsets. Loaders ignore them, so ' +
      'they are a place to hide data that only a custom tool reads.',
    remediation: 'Check which tool wrote the extra fields; re-export with the safetensors library.',
    references: [SAFETENSORS_SPEC],
  },
  // ---- GGUF -------------------------------------------------------------------------------
  {
    id: 'MA5101',
    name: 'gguf-truncated',
    title: 'GGUF file ends inside its header',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-130',
    description:
      'The file ends before its header, key-value pairs or tensor descriptions do. Native loaders ' +
      'have crashed on such files (llama.cpp advisories from Cisco Talos and Databricks, 2024).',
    remediation: 'Treat the file as truncated or hostile; re-download or re-convert it.',
    references: [GGUF_SPEC, GGUF_TALOS],
  },
  {
    id: 'MA5102',
    name: 'gguf-bad-version',
    title: 'GGUF version is not 1, 2 or 3',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The version field is not one the GGUF specification defines, so the layout of the rest of the ' +
      'header is unknown and it was not parsed.',
    remediation: 'Convert the model with a current llama.cpp / gguf-py release.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5103',
    name: 'gguf-length-overflow',
    title: 'GGUF length or count larger than the file',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-789',
    description:
      'A string length, array length, key-value count or tensor count promises more bytes than the ' +
      'rest of the file holds. Loaders that allocate or loop on the declared value have overflowed ' +
      'buffers and exhausted memory this way (CVE-2024-21802 and the related llama.cpp advisories).',
    remediation: 'Do not load the file in a native loader; treat it as hostile.',
    references: [GGUF_TALOS, GGUF_DATABRICKS],
  },
  {
    id: 'MA5104',
    name: 'gguf-unknown-type',
    title: 'GGUF value or tensor type is unknown',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'A key-value type or a tensor (ggml) type is not defined by the specification, so its size is ' +
      'unknown. Older loaders indexed type tables with it and read out of bounds.',
    remediation: 'Convert the model with a current gguf-py release; do not load this file.',
    references: [GGUF_SPEC, GGUF_DATABRICKS],
  },
  {
    id: 'MA5105',
    name: 'gguf-nesting-too-deep',
    title: 'GGUF arrays nested too deeply',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-674',
    description:
      'Arrays of arrays are nested deeper than any model needs; recursive readers can exhaust their ' +
      'stack. The rest of the header was not parsed.',
    remediation: 'Treat the file as hostile.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5106',
    name: 'gguf-duplicate-key',
    title: 'GGUF key or tensor name appears twice',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-694',
    description:
      'A metadata key or a tensor name is defined twice. Readers keep the first or the last copy, ' +
      'so a scanner and a server can see two different chat templates or tensors in one file.',
    remediation: 'Do not load the file; re-convert it.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5107',
    name: 'gguf-too-many-dims',
    title: 'GGUF tensor has more than 8 dimensions',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-787',
    description:
      'A tensor declares more dimensions than any reader supports (ggml stops at 4). Loaders copied ' +
      'n_dims dimensions into fixed arrays, a heap overflow in llama.cpp before it checked the count.',
    remediation: 'Do not load the file in a native loader.',
    references: [GGUF_TALOS, GGUF_DATABRICKS],
  },
  {
    id: 'MA5108',
    name: 'gguf-dims-unsupported',
    title: 'GGUF tensor has more dimensions than ggml supports',
    family: 'formats',
    severity: 'WARNING',
    description:
      'A tensor has 5 to 8 dimensions. The format allows it but ggml (llama.cpp) supports 4 and ' +
      'rejects the file; other readers may not.',
    remediation: 'Check which runtime the file is meant for.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5109',
    name: 'gguf-dimension-overflow',
    title: 'GGUF tensor dimensions overflow',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-190',
    description:
      'A dimension is negative as a signed 64-bit value, the product of dimensions overflows, or the ' +
      "first dimension is not a multiple of the type's block size. Size computations then wrap and " +
      'loaders allocate too little and write past it.',
    remediation: 'Do not load the file in a native loader.',
    references: [GGUF_TALOS, GGUF_DATABRICKS],
  },
  {
    id: 'MA5110',
    name: 'gguf-bad-alignment',
    title: 'GGUF alignment is invalid',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'general.alignment must be a non-zero power of two stored as uint32. Loaders divide and mask ' +
      'with it; a bad value shifts the data area and every tensor offset.',
    remediation: 'Re-convert the model.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5111',
    name: 'gguf-tensor-out-of-bounds',
    title: 'GGUF tensor lies outside the file',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-125',
    description:
      "A tensor's offset plus its size runs past the end of the file. Memory-mapping loaders read " +
      'out of bounds.',
    remediation: 'Treat the file as truncated or hostile.',
    references: [GGUF_SPEC, GGUF_DATABRICKS],
  },
  {
    id: 'MA5112',
    name: 'gguf-overlapping-tensors',
    title: 'GGUF tensors overlap',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-119',
    description:
      'Two tensors share bytes of the data area. llama.cpp requires tensors to be laid out one ' +
      'after the other; overlaps are a sign of a crafted file.',
    remediation: 'Do not load the file.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5113',
    name: 'gguf-tensor-layout',
    title: 'GGUF tensor data is not laid out as loaders require',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'A tensor offset is not aligned, or tensors leave holes between them (llama.cpp requires each ' +
      'offset to be the aligned end of the previous tensor). Holes are bytes that no tensor owns: a ' +
      'place to hide a payload. Hidden bytes are scanned as a member.',
    remediation: 'Re-convert the model with gguf-py or llama.cpp.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5114',
    name: 'gguf-trailing-data',
    title: 'GGUF file has bytes after its last tensor',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'The file continues past the (aligned) end of its last tensor. Appended bytes can hold an ' +
      'archive or pickle for other tools to find (a polyglot); they are scanned as a member.',
    remediation: 'Do not pass the file to other tools; re-convert it.',
    references: [GGUF_SPEC],
  },
  {
    id: 'MA5115',
    name: 'gguf-bad-string',
    title: 'GGUF key or template is not valid UTF-8',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-172',
    description:
      'A key or a chat template is not valid UTF-8. Readers that decode it differently (replacing ' +
      'bytes, stopping, or failing) see different text, which can hide what a template does.',
    remediation: 'Re-convert the model; inspect the raw bytes of the value.',
    references: [GGUF_SPEC],
  },
  // ---- chat templates ---------------------------------------------------------------------
  {
    id: 'MA5201',
    name: 'template-dunder-access',
    title: 'Chat template reaches a Python special attribute',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-1336',
    description:
      'The Jinja chat template names a dunder attribute (__class__, __globals__, __init__, ' +
      '__mro__, __subclasses__, __builtins__…), directly, in a string, through a filter such as ' +
      "attr() or a str.format field. Those attributes walk from any object to Python's module " +
      'globals and builtins: the server-side template injection that runs code when a chat server ' +
      'renders the template (CVE-2024-34359 in llama-cpp-python). No real chat template uses them.',
    remediation:
      'Do not serve this model with its bundled template; render chat templates only in a ' +
      'sandboxed environment (jinja2 ImmutableSandboxedEnvironment) and report the model.',
    references: [CVE_2024_34359, JINJA_SANDBOX],
  },
  {
    id: 'MA5202',
    name: 'template-dynamic-lookup',
    title: 'Chat template looks up an attribute by a name built at run time',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-1336',
    description:
      'An attribute or item is looked up (x[name], |attr(name), map(attribute=name), a str.format ' +
      'field) by a name the template computes: concatenation, ~, join, replace, format, slicing, ' +
      'reversal, dict() keyword names, pieces of object reprs. Such names can spell __class__ or ' +
      '__globals__ without writing them, the standard way to slip a sandbox escape past string ' +
      'filters. The analysis follows names through variables, loops, namespaces and macros.',
    remediation: 'Do not render the template; read it by hand to see what the name spells.',
    references: [CVE_2024_34359, JINJA_SANDBOX],
  },
  {
    id: 'MA5203',
    name: 'template-gadget-attribute',
    title: 'Chat template reaches a private or escape-gadget attribute',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-1336',
    description:
      'The template reads an attribute that starts with an underscore (which sandboxes block because ' +
      'escapes use them, e.g. _TemplateReference__context) or one that only escapes need: frame and ' +
      'code walks (gi_frame, f_globals, func_globals, mro), module handles (os, sys, modules), ' +
      'process spawning (popen, system), config loaders, or the JavaScript prototype chain ' +
      '(constructor, prototype) of JS renderers.',
    remediation: 'Do not render the template; report the model.',
    references: [JINJA_SANDBOX],
  },
  {
    id: 'MA5204',
    name: 'template-dangerous-global',
    title: 'Chat template uses a global as an escape gadget',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-1336',
    description:
      'The template reads a global that a chat template never needs (os, subprocess, builtins, ' +
      'self, config, request, url_for…) or reads attributes of the globals Jinja provides (lipsum, ' +
      'cycler, joiner, namespace, range, dict, raise_exception): lipsum.__globals__ and ' +
      'cycler.__init__.__globals__ are the shortest paths to the os module.',
    remediation: 'Do not render the template; report the model.',
    references: [CVE_2024_34359, JINJA_SANDBOX],
  },
  {
    id: 'MA5205',
    name: 'template-file-access',
    title: 'Chat template loads other templates',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-73',
    description:
      'The template uses include, import, from or extends. Chat templates are self-contained; these ' +
      "tags make the renderer's loader read other files, which can disclose local files when the " +
      'server configures a file-system loader.',
    remediation: 'Do not render the template; inline what it needs.',
    references: [JINJA_SANDBOX],
  },
  {
    id: 'MA5206',
    name: 'template-obfuscated-literal',
    title: 'Chat template hides ordinary characters behind escapes',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-1336',
    description:
      'A string literal writes letters, digits or underscores as escapes (\\x5f, \\u0061, \\137, ' +
      '\\N{LOW LINE}). Real templates escape only control characters and quotes; spelling ordinary ' +
      'characters this way serves only to hide names such as __class__ from reviewers and filters.',
    remediation:
      'Decode the literal (the finding shows its value) and review the template by hand.',
  },
  {
    id: 'MA5207',
    name: 'template-unresolved-lookup',
    title: 'Chat template looks up attributes by input-supplied names',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-1336',
    description:
      'An attribute is looked up by a name that is not written in the template but taken from its ' +
      'input: through attr() or map(attribute=…), on a global, by a special token (which the model ' +
      'configuration sets), or repeatedly (x[a][b]). Whoever controls those values chooses which ' +
      'attributes are reached; chained, that is a sandbox escape.',
    remediation: 'Review the template; prefer constant keys.',
    references: [JINJA_SANDBOX],
  },
  {
    id: 'MA5208',
    name: 'template-unparseable',
    title: 'Chat template is not valid Jinja',
    family: 'formats',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'The template is not valid Jinja as jinja2 parses it (an unclosed block, an unknown tag, a ' +
      'stray bracket), so jinja2 raises TemplateSyntaxError instead of compiling it: no renderer ' +
      'built on jinja2 (transformers, vLLM, llama-cpp-python) can run it, and it was not analysed. ' +
      "Either the model's chat template is broken or it targets a renderer that accepts more than " +
      'jinja2 does. A template too deeply nested for the analysis is MA5209 instead.',
    remediation: 'Check the template with jinja2 and review it by hand.',
  },
  {
    id: 'MA5209',
    name: 'template-too-large',
    title: 'Chat template too large or too deeply nested to analyse',
    family: 'formats',
    severity: 'ERROR',
    cwe: 'CWE-400',
    description:
      'The template is longer than the analysis limit (1 MiB), far beyond any real chat template, ' +
      'or nests expressions or blocks deeper than the analysis follows (200 levels), so it was not ' +
      'analysed. A renderer may still run it.',
    remediation: 'Review the template by hand; real templates are a few kilobytes.',
  },
];
