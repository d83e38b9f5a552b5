#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(687);

const code = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
});
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 687:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, MAIN_HELP, RULES_HELP, SCAN_HELP, exitCode, explainRule

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/config.ts
/**
 * Scan options and limits: validated once, frozen, and handed read-only to every scanner.
 */
const DEFAULT_LIMITS = Object.freeze({
    maxFileBytes: 256 * 1024 ** 3,
    timeoutMs: 120_000,
    maxPickleOpcodes: 100_000_000,
    maxPickleStack: 1_000_000,
    maxPickleMemo: 4_000_000,
    maxConstantBytes: 64 * 1024,
    maxDepth: 8,
    maxMembers: 100_000,
    maxDecompressedBytes: 16 * 1024 ** 3,
    maxCompressionRatio: 200,
    maxInMemoryBytes: 64 * 1024 * 1024,
});
class ConfigError extends Error {
    name = 'ConfigError';
}
function checkPositive(name, value) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new ConfigError(`limit ${name} must be a positive number, got ${String(value)}`);
    }
    return value;
}
/** Merges user limits over the defaults and validates every value. */
function resolveLimits(overrides = {}) {
    const merged = { ...DEFAULT_LIMITS };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined)
            continue;
        if (!(key in DEFAULT_LIMITS))
            throw new ConfigError(`unknown limit ${key}`);
        merged[key] = checkPositive(key, value);
    }
    return Object.freeze(merged);
}
function resolveOptions(input = {}) {
    const concurrency = input.concurrency ?? 4;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        throw new ConfigError(`concurrency must be an integer from 1 to 64, got ${String(concurrency)}`);
    }
    return Object.freeze({
        limits: resolveLimits(input.limits),
        concurrency,
        followSymlinks: input.followSymlinks ?? false,
        onEvent: input.onEvent,
        signal: input.signal,
    });
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:perf_hooks"
const external_node_perf_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
;// CONCATENATED MODULE: ./src/findings.ts
/**
 * The findings model: what every scanner returns and every reporter prints.
 * Values are plain frozen objects so they serialise to JSON unchanged.
 */
const SEVERITIES = ['INFO', 'WARNING', 'ERROR'];
/** Numeric rank for threshold comparisons: INFO < WARNING < ERROR. */
function findings_severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
function isSeverity(value) {
    return typeof value === 'string' && SEVERITIES.includes(value);
}
function emptyCounts() {
    return { INFO: 0, WARNING: 0, ERROR: 0 };
}
function countBySeverity(findings) {
    const counts = emptyCounts();
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
/** The worst severity among findings, or undefined when there are none. */
function worstSeverity(findings) {
    let worst;
    for (const f of findings) {
        if (worst === undefined || findings_severityRank(f.severity) > findings_severityRank(worst))
            worst = f.severity;
    }
    return worst;
}
/** Orders findings most severe first, then by member, offset and rule for stable output. */
function compareFindings(a, b) {
    return (findings_severityRank(b.severity) - findings_severityRank(a.severity) ||
        (a.location.member ?? '').localeCompare(b.location.member ?? '') ||
        (a.location.offset ?? -1) - (b.location.offset ?? -1) ||
        a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./src/io/source.ts
/**
 * Random-access byte sources: positioned reads with a bound on every read, so a
 * multi-gigabyte file is never loaded whole.
 */

/** Bytes actually read from disk for one top-level file (shared by its members). */
class IoStats {
    bytesRead = 0;
}
/** Largest single read; callers asking for more get it in one buffer but it is read in pieces. */
const MAX_READ = 16 * 1024 * 1024;
class FileSource {
    handle;
    size;
    stats;
    constructor(handle, size, stats) {
        this.handle = handle;
        this.size = size;
        this.stats = stats;
    }
    static async open(path, stats) {
        const handle = await (0,promises_namespaceObject.open)(path, 'r');
        try {
            const info = await handle.stat();
            return new FileSource(handle, info.size, stats);
        }
        catch (err) {
            await handle.close();
            throw err;
        }
    }
    async read(position, length) {
        const want = clampLength(position, length, this.size);
        const out = Buffer.allocUnsafe(want);
        let filled = 0;
        while (filled < want) {
            const chunk = Math.min(MAX_READ, want - filled);
            const { bytesRead } = await this.handle.read(out, filled, chunk, position + filled);
            if (bytesRead === 0)
                break; // file shrank under us
            filled += bytesRead;
        }
        this.stats.bytesRead += filled;
        return filled === want ? out : out.subarray(0, filled);
    }
    close() {
        return this.handle.close();
    }
}
class BufferSource {
    buffer;
    constructor(buffer) {
        this.buffer = buffer;
    }
    get size() {
        return this.buffer.length;
    }
    read(position, length) {
        const want = clampLength(position, length, this.buffer.length);
        return Promise.resolve(this.buffer.subarray(position, position + want));
    }
}
/** A window [offset, offset + size) of another source, e.g. a stored archive member. */
class SliceSource {
    parent;
    offset;
    size;
    constructor(parent, offset, size) {
        this.parent = parent;
        this.offset = offset;
        this.size = Math.max(0, Math.min(size, parent.size - offset));
    }
    read(position, length) {
        const want = clampLength(position, length, this.size);
        return this.parent.read(this.offset + position, want);
    }
}
function clampLength(position, length, size) {
    if (!Number.isSafeInteger(position) || position < 0)
        throw new RangeError(`bad read position ${position}`);
    if (!Number.isSafeInteger(length) || length < 0)
        throw new RangeError(`bad read length ${length}`);
    return Math.max(0, Math.min(length, size - position));
}

;// CONCATENATED MODULE: ./src/io/stream.ts
class SourceStream {
    source;
    cached;
    position;
    /**
     * `cached` holds bytes already read from the start of the source (the sniffed head), which
     * are served from memory instead of being read again.
     */
    constructor(source, start = 0, cached) {
        this.source = source;
        this.cached = cached;
        this.position = start;
    }
    get size() {
        return this.source.size;
    }
    async read(max) {
        if (this.position >= this.source.size)
            return null;
        if (this.cached && this.position < this.cached.length) {
            const chunk = this.cached.subarray(this.position, Math.min(this.cached.length, this.position + max));
            this.position += chunk.length;
            return chunk;
        }
        const chunk = await this.source.read(this.position, Math.min(max, this.source.size - this.position));
        if (chunk.length === 0)
            return null;
        this.position += chunk.length;
        return chunk;
    }
    skip(n) {
        const skipped = Math.max(0, Math.min(n, this.source.size - this.position));
        this.position += skipped;
        return Promise.resolve(skipped);
    }
    close() {
        return Promise.resolve();
    }
}
/** Adapts any async iterable of chunks (a Node stream, a decompressor) to a ByteStream. */
class IterableStream {
    size;
    onClose;
    position = 0;
    pending = null;
    iterator;
    done = false;
    constructor(iterable, size = undefined, onClose) {
        this.size = size;
        this.onClose = onClose;
        this.iterator = iterable[Symbol.asyncIterator]();
    }
    async next() {
        if (this.pending) {
            const p = this.pending;
            this.pending = null;
            return p;
        }
        if (this.done)
            return null;
        for (;;) {
            const r = await this.iterator.next();
            if (r.done) {
                this.done = true;
                return null;
            }
            const v = r.value;
            const buf = typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.isBuffer(v) ? v : Buffer.from(v);
            if (buf.length > 0)
                return buf;
        }
    }
    async read(max) {
        const chunk = await this.next();
        if (!chunk)
            return null;
        if (chunk.length > max) {
            this.pending = chunk.subarray(max);
            this.position += max;
            return chunk.subarray(0, max);
        }
        this.position += chunk.length;
        return chunk;
    }
    async skip(n) {
        let skipped = 0;
        while (skipped < n) {
            const chunk = await this.read(Math.min(n - skipped, 1 << 20));
            if (!chunk)
                break;
            skipped += chunk.length;
        }
        return skipped;
    }
    async close() {
        if (!this.done) {
            this.done = true;
            await this.iterator.return?.();
        }
        this.onClose?.();
    }
}
/** Reads a whole (small) stream into memory, failing past `limit` bytes. */
async function readAll(stream, limit) {
    const parts = [];
    let total = 0;
    for (;;) {
        const chunk = await stream.read(1 << 20);
        if (!chunk)
            break;
        total += chunk.length;
        if (total > limit)
            throw new RangeError(`stream longer than ${limit} bytes`);
        parts.push(chunk);
    }
    return Buffer.concat(parts, total);
}

;// CONCATENATED MODULE: ./src/scanners/base.ts
/** Bytes sniffed at the start of every file or member. */
const HEAD_BYTES = 64 * 1024;
/** Base of errors raised by scanners; the engine turns them into findings. */
class ScannerError extends Error {
    name = 'ScannerError';
}
/** The time budget ran out or the scan was aborted. */
class ScanInterrupted extends ScannerError {
    reason;
    name = 'ScanInterrupted';
    constructor(reason) {
        super(reason === 'timeout' ? 'time limit reached' : 'scan aborted');
        this.reason = reason;
    }
}
/** A resource limit was reached; the rest of the target was not examined. */
class LimitExceeded extends ScannerError {
    limit;
    value;
    name = 'LimitExceeded';
    constructor(limit, value, detail) {
        super(`${limit} (${value}) reached: ${detail}`);
        this.limit = limit;
        this.value = value;
    }
}

;// CONCATENATED MODULE: ./src/version.ts
/** The tool version; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/rules/archive.ts
/** Rules of the archive family (MA3xxx), filled in by its issue. */
const ARCHIVE_RULES = [];

;// CONCATENATED MODULE: ./src/rules/formats.ts
/** Rules of the formats family (MA5xxx), filled in by its issue. */
const FORMAT_RULES = [];

;// CONCATENATED MODULE: ./src/rules/general.ts
const GENERAL_RULES = [
    {
        id: 'MA1001',
        name: 'scan-timeout',
        title: 'Scan did not finish within the time limit',
        family: 'general',
        severity: 'ERROR',
        cwe: 'CWE-400',
        description: 'The scan of this file was stopped when it reached the per-file time limit, so part of the ' +
            'file was never examined. A file that cannot be fully examined is never reported as clean: ' +
            'an attacker can pad a model so that a slow scanner gives up before reaching the payload.',
        remediation: 'Raise the time limit (--timeout) if the file is legitimately large, or inspect the file by hand.',
    },
    {
        id: 'MA1002',
        name: 'limit-exceeded',
        title: 'A resource limit was reached; the scan is incomplete',
        family: 'general',
        severity: 'ERROR',
        cwe: 'CWE-400',
        description: 'A size, member-count, nesting-depth, decompression, opcode, stack or memo limit was reached ' +
            'and the rest of the file (or member) was not examined. The evidence names the limit. ' +
            'Limits keep scans bounded; reaching one is never treated as clean.',
        remediation: 'Check whether the file is legitimately this large or deep; if so raise the named limit, ' +
            'otherwise treat the file as hostile.',
    },
    {
        id: 'MA1003',
        name: 'unknown-format',
        title: 'File format not recognised',
        family: 'general',
        severity: 'INFO',
        description: 'Neither the content nor the name of this file matched a format modelaudit knows, so it was ' +
            'not scanned for code. Reported so that an unscanned file is never mistaken for a clean one.',
        remediation: 'If this file is a model, open an issue with its format; otherwise exclude it from the scan.',
    },
    {
        id: 'MA1004',
        name: 'scanner-failure',
        title: 'The scanner failed on this file',
        family: 'general',
        severity: 'ERROR',
        description: 'The scanner hit an internal error while reading this file, so the file was not fully ' +
            'examined. This is a bug in modelaudit, but the file is still reported (fail closed) because ' +
            'crafted input is a common way to make scanners give up.',
        remediation: 'Report the error message with the file (if you can share it) to the maintainers.',
    },
    {
        id: 'MA1005',
        name: 'content-extension-mismatch',
        title: 'File content does not match what its name claims',
        family: 'general',
        severity: 'WARNING',
        cwe: 'CWE-434',
        description: 'The file name promises a data-only or text format (for example .safetensors, .json, .txt, ' +
            '.npy, .png) but the content is an executable serialization such as a pickle or an archive. ' +
            'Loaders that pick their parser from the content, and humans who trust the extension, are ' +
            'both misled. The content is scanned as what it really is.',
        remediation: 'Rename the file after its real format, or replace it with the format it claims.',
        references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-1889'],
    },
    {
        id: 'MA1006',
        name: 'format-not-deeply-scanned',
        title: 'Format recognised but not deeply scanned',
        family: 'general',
        severity: 'WARNING',
        description: 'modelaudit recognises this format but does not yet analyse everything it can carry, so the ' +
            'absence of other findings is weaker evidence than for fully supported formats.',
        remediation: 'Review the file with the tools of its framework, or convert it to a fully scanned format.',
    },
];

;// CONCATENATED MODULE: ./src/rules/graph.ts
/** Rules of the graph family (MA4xxx), filled in by its issue. */
const GRAPH_RULES = [];

;// CONCATENATED MODULE: ./src/rules/llm.ts
/** Rules of the llm family (MA5xxx), filled in by its issue. */
const LLM_RULES = [];

;// CONCATENATED MODULE: ./src/rules/pickle.ts
const PICKLE_DOCS = 'https://docs.python.org/3/library/pickle.html';
const PICKLE_RULES = [
    {
        id: 'MA2001',
        name: 'pickle-dangerous-call',
        title: 'Pickle calls a dangerous callable when loaded',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'Loading this pickle invokes a callable known to run code, spawn processes, import modules, ' +
            'resolve attributes by name, touch files or the network, or deserialize again (through REDUCE, ' +
            'INST, OBJ, NEWOBJ, NEWOBJ_EX or a wrapper such as copyreg._reconstructor). Any of these gives ' +
            'whoever wrote the file code execution on the machine that loads it.',
        remediation: 'Do not load this file. Obtain the model from a trusted source, or in a data-only format such as safetensors.',
        references: [PICKLE_DOCS],
    },
    {
        id: 'MA2002',
        name: 'pickle-dangerous-global',
        title: 'Pickle imports a dangerous callable',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'The pickle imports a known-dangerous callable (GLOBAL, INST or STACK_GLOBAL) without a call ' +
            'site that invokes it directly. Once loaded, the object is stored where application code may ' +
            'call it later (a hook, a transformer function, a default factory), and importing some modules ' +
            'has side effects of its own. Real models never reference these callables.',
        remediation: 'Do not load this file; treat it as hostile.',
        references: [PICKLE_DOCS],
    },
    {
        id: 'MA2003',
        name: 'pickle-unsafe-library-call',
        title: 'Pickle calls a library callable that is not known to be safe',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'The pickle invokes a callable from the Python standard library or a major ML library (torch, ' +
            'numpy, scipy, pandas, scikit-learn, transformers…) that is not on the list of callables real ' +
            'models use. Those namespaces are fully known and full of gadgets (file access, subprocess ' +
            'helpers, nested loaders, code compilers), so anything invoked there that is not known-safe is ' +
            'treated as an attack: denylists there are never complete.',
        remediation: 'If the callable is genuinely harmless and used by a real library, report it so it can be added to the safe list.',
    },
    {
        id: 'MA2004',
        name: 'pickle-unsafe-library-global',
        title: 'Pickle imports a library callable that is not known to be safe',
        family: 'pickle',
        severity: 'WARNING',
        cwe: 'CWE-502',
        description: 'The pickle imports (without invoking it at load time) a callable from the standard library or ' +
            'a major ML library that is not on the safe list. The object ends up inside the loaded data, ' +
            'where the application may call it later.',
        remediation: 'Check which object holds the reference and whether it is expected.',
    },
    {
        id: 'MA2005',
        name: 'pickle-unclassified-call',
        title: 'Pickle calls a callable from an unclassified module',
        family: 'pickle',
        severity: 'WARNING',
        cwe: 'CWE-502',
        description: 'The pickle invokes a callable from a module modelaudit has no classification for (typically ' +
            "the application's own classes, or a third-party package). Loading runs that module's code; " +
            'whether that is safe depends on the module, which cannot be judged from the file.',
        remediation: 'Confirm the module is your own or trusted code. Teams that only accept known libraries can fail on warnings.',
    },
    {
        id: 'MA2006',
        name: 'pickle-unclassified-global',
        title: 'Pickle imports a name from an unclassified module',
        family: 'pickle',
        severity: 'WARNING',
        cwe: 'CWE-502',
        description: 'The pickle imports a name from a module modelaudit has no classification for, without a call ' +
            'site that invokes it. Importing a module runs its top-level code.',
        remediation: 'Confirm the module is your own or trusted code.',
    },
    {
        id: 'MA2007',
        name: 'pickle-dynamic-global',
        title: 'Pickle builds the name of an import at load time',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'A STACK_GLOBAL takes its module or attribute name from a value that is not a constant string ' +
            '(the result of a call, an unknown value, a truncated string). What gets imported is decided ' +
            'only when the file is loaded, which no real pickler ever produces: it is a way to hide the ' +
            'callable from scanners.',
        remediation: 'Do not load this file.',
    },
    {
        id: 'MA2008',
        name: 'pickle-indirect-call',
        title: 'Pickle calls a value computed at load time',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'A call site invokes something that is not an imported name: the result of another call (such ' +
            'as getattr(module, "system")), a persistent reference or an unknown value. Real pickles call ' +
            'classes and functions they import; calling computed values is how attribute-getter gadgets ' +
            'reach dangerous functions without naming them.',
        remediation: 'Do not load this file.',
    },
    {
        id: 'MA2009',
        name: 'pickle-extension-code',
        title: 'Pickle uses the extension registry (EXT1/EXT2/EXT4)',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'EXT opcodes import whatever the loading process has registered under a numeric code in ' +
            "copyreg's extension registry. The callable cannot be known from the file, and no model " +
            'library writes these opcodes.',
        remediation: 'Do not load this file.',
    },
    {
        id: 'MA2010',
        name: 'pickle-global-mutation',
        title: 'Pickle modifies a module, class or other global object',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-915',
        description: 'BUILD, SETITEM(S), APPEND(S) or ADDITEMS is applied to an imported object rather than to one ' +
            'the pickle created. The C unpickler then calls setattr, __setitem__, append, extend or add on ' +
            'that global: it can monkey-patch modules, change os.environ, extend sys.path or disable ' +
            'security checks for everything that runs afterwards.',
        remediation: 'Do not load this file.',
    },
    {
        id: 'MA2011',
        name: 'pickle-parser-differential',
        title: 'Pickle uses an argument form that loaders and disassemblers read differently',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-436',
        description: 'A protocol-0 text argument (INT, LONG, FLOAT, PUT, GET…) is written in a form the C unpickler ' +
            'accepts but pickletools and Python-based scanners reject or read differently: non-decimal ' +
            'bases, underscores, surrounding whitespace, NUL bytes that end the C parse early. No pickler ' +
            'writes these; they exist to make scanners crash or skip the file while the loader runs it.',
        remediation: 'Do not load this file.',
        references: [
            'https://github.com/python/cpython/issues/126992',
            'https://github.com/python/cpython/issues/126996',
        ],
    },
    {
        id: 'MA2012',
        name: 'pickle-frame-violation',
        title: 'Pickle opcodes cross FRAME boundaries',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-436',
        description: 'An opcode or its argument runs past the end of the FRAME that contains it, or a FRAME starts ' +
            'before the previous one ends. Older C unpicklers read such streams differently depending on ' +
            'whether the input is a file or bytes, while disassemblers read straight through, so the code ' +
            'that runs can differ from the code a scanner sees. Picklers never write this.',
        remediation: 'Do not load this file.',
        references: ['https://github.com/python/cpython/issues/154848'],
    },
    {
        id: 'MA2013',
        name: 'pickle-malformed',
        title: 'Pickle stream is malformed',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-20',
        description: 'The pickle stream stops making sense: an unknown opcode, a truncated argument, a stack ' +
            'underflow, a missing MARK or memo entry, invalid UTF-8, an unsupported protocol. Loaders ' +
            'stop at that point, but anything before it has already run (payloads are often followed by ' +
            'garbage precisely to break scanners). Dangerous calls seen before the fault are reported too.',
        remediation: 'Do not load this file; a damaged model should be downloaded again from its source.',
    },
    {
        id: 'MA2014',
        name: 'pickle-trailing-data',
        title: 'Bytes follow the last pickle in the file',
        family: 'pickle',
        severity: 'WARNING',
        cwe: 'CWE-20',
        description: 'After the final STOP opcode the file carries more bytes that are not another pickle. ' +
            'Serializers do not write this; it is used to hide data, or to break scanners that try to ' +
            'parse everything.',
        remediation: 'Check where the extra bytes came from.',
    },
    {
        id: 'MA2015',
        name: 'pickle-stacked-streams',
        title: 'Several pickles are stored one after another',
        family: 'pickle',
        severity: 'INFO',
        description: 'The file holds more than one pickle. Loaders that call load() repeatedly run all of them, so ' +
            'every one is scanned; a scanner that stops at the first STOP misses the rest.',
        remediation: 'Nothing to do if the findings of each stream are clean.',
    },
    {
        id: 'MA2016',
        name: 'pickle-persistent-id',
        title: 'Pickle refers to objects by persistent ID',
        family: 'pickle',
        severity: 'INFO',
        description: "PERSID/BINPERSID hand a value to the loader's persistent_load hook. PyTorch uses them for " +
            'tensor storages, which is benign and not reported; persistent IDs in any other shape depend ' +
            'on a hook the file does not control, and are reported for review.',
        remediation: 'Nothing to do if the file is meant for a loader with a persistent_load hook.',
    },
    {
        id: 'MA2017',
        name: 'pickle-code-reconstruction',
        title: 'Pickle rebuilds code objects or functions',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-94',
        description: 'The pickle rebuilds Python code (code objects, functions, lambdas) through dill, cloudpickle, ' +
            'marshal or types.CodeType/FunctionType. The rebuilt code runs whenever the object is used, ' +
            'and its bytecode can do anything.',
        remediation: 'Only load such files from authors you trust as much as you trust their code.',
    },
    {
        id: 'MA2018',
        name: 'pickle-suspicious-name',
        title: 'Pickle calls something named like a command runner',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-78',
        description: 'A callable from an unclassified module has a name used by command and code runners (system, ' +
            'popen, exec, eval, spawn…), or is reached through an attribute chain ending in one. Aliases ' +
            'such as pathlib.os.system or mymodule.sp.check_output reach the real function this way.',
        remediation: 'Do not load this file unless you know the module and function.',
    },
    {
        id: 'MA2019',
        name: 'pickle-dunder-traversal',
        title: 'Pickle imports through dunder attributes',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-94',
        description: 'A dotted import name walks through double-underscore attributes (__globals__, __builtins__, ' +
            '__class__, __subclasses__, __dict__…). This is the classic sandbox escape: from any object ' +
            'to the builtins and from there to eval or os. No pickler writes such names.',
        remediation: 'Do not load this file.',
    },
    {
        id: 'MA2020',
        name: 'pickle-out-of-band-buffer',
        title: 'Pickle expects out-of-band buffers',
        family: 'pickle',
        severity: 'WARNING',
        description: 'NEXT_BUFFER / READONLY_BUFFER take data passed to the loader outside the file (protocol 5). ' +
            'Files on disk never carry them; loading without buffers fails.',
        remediation: 'Check how the file was produced.',
    },
    {
        id: 'MA2021',
        name: 'pickle-hidden-import',
        title: 'Import of a dangerous name hidden in bytes the parser could not reach',
        family: 'pickle',
        severity: 'ERROR',
        cwe: 'CWE-502',
        description: 'After a parse fault or a frame violation, the remaining bytes were swept for import opcodes; ' +
            'one naming a dangerous callable was found. A loader that parses the stream differently (a ' +
            'different Python version, file versus in-memory input) may execute it.',
        remediation: 'Do not load this file.',
        references: ['https://github.com/python/cpython/issues/154848'],
    },
    {
        id: 'MA2022',
        name: 'pickle-embedded-pickle',
        title: 'Pickle carries another pickle inside a bytes value',
        family: 'pickle',
        severity: 'WARNING',
        cwe: 'CWE-502',
        description: 'A bytes or string constant holds a complete pickle that was scanned on its own (its findings ' +
            'are reported beside this one). Nested pickles are a way to hand a payload to a second loader ' +
            '(pickle.loads, torch.load, numpy.load) that the outer file calls.',
        remediation: 'Review the nested findings.',
    },
];

;// CONCATENATED MODULE: ./src/rules/policy.ts
/** Rules of the policy family (MA6xxx), filled in by its issue. */
const POLICY_RULES = [];

;// CONCATENATED MODULE: ./src/rules/repository.ts
/** Rules about the repository around the models (MA7xxx). */
const REPOSITORY_RULES = [
    {
        id: 'MA7001',
        name: 'git-lfs-pointer',
        title: 'Git LFS pointer instead of the model',
        family: 'repository',
        severity: 'WARNING',
        description: 'The file is a Git LFS pointer (a few lines naming the object id and size), not the model it ' +
            'stands for: the checkout did not fetch LFS objects, so the real model was never scanned. A ' +
            'gate that passes such a file has checked nothing.',
        remediation: 'Fetch LFS objects before scanning: with actions/checkout set `lfs: true`, or run `git lfs pull` ' +
            '(optionally `git lfs pull --include="*.bin,*.pt"`) before modelaudit.',
        references: ['https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md'],
    },
];

;// CONCATENATED MODULE: ./src/rules/registry.ts








/** Base address of the rule documentation (one anchor per rule). */
const RULE_DOCS_URL = 'https://github.com/modelaudit/modelaudit/blob/main/docs/rules.md';
/** Every rule ever published. IDs are never reused; retired rules stay listed with `retired`. */
const ALL_RULES = Object.freeze([
    ...GENERAL_RULES,
    ...PICKLE_RULES,
    ...ARCHIVE_RULES,
    ...GRAPH_RULES,
    ...LLM_RULES,
    ...FORMAT_RULES,
    ...POLICY_RULES,
    ...REPOSITORY_RULES,
]);
const byKey = new Map();
for (const rule of ALL_RULES) {
    byKey.set(rule.id.toUpperCase(), rule);
    byKey.set(rule.name.toLowerCase(), rule);
}
/** Looks a rule up by ID ("MA2001") or name ("pickle-dangerous-call"), case-insensitively. */
function findRule(key) {
    return byKey.get(key.toUpperCase()) ?? byKey.get(key.toLowerCase());
}
function getRule(id) {
    const rule = findRule(id);
    if (!rule)
        throw new Error(`unknown rule ID ${id}`);
    return rule;
}
function ruleHelpUrl(rule) {
    return `${RULE_DOCS_URL}#${rule.id.toLowerCase()}-${rule.name}`;
}

;// CONCATENATED MODULE: ./src/scanners/archive/plugin.ts
/** The archive family: detectors, scanners and archive layouts (filled in by its issue). */
const archivePlugin = {
    name: 'archive',
    detectors: [],
    scanners: [],
    layouts: [],
};

;// CONCATENATED MODULE: ./src/scanners/formats/plugin.ts
/** The formats family: detectors, scanners and archive layouts (filled in by its issue). */
const formatsPlugin = {
    name: 'formats',
    detectors: [],
    scanners: [],
    layouts: [],
};

;// CONCATENATED MODULE: ./src/scanners/graph/plugin.ts
/** The graph family: detectors, scanners and archive layouts (filled in by its issue). */
const graphPlugin = {
    name: 'graph',
    detectors: [],
    scanners: [],
    layouts: [],
};

;// CONCATENATED MODULE: ./src/scanners/llm/plugin.ts
/** The llm family: detectors, scanners and archive layouts (filled in by its issue). */
const llmPlugin = {
    name: 'llm',
    detectors: [],
    scanners: [],
    layouts: [],
};

;// CONCATENATED MODULE: ./src/pickle/policy/compat.ts
/**
 * Python 2 names that the unpickler rewrites before importing (Lib/_compat_pickle.py),
 * applied by find_class when the protocol is below 3 and fix_imports is on (the default).
 *
 * Generated by scripts/gen-python-tables.py; do not edit by hand.
 */
const IMPORT_MAPPING = {
    BaseHTTPServer: 'http.server',
    CGIHTTPServer: 'http.server',
    ConfigParser: 'configparser',
    Cookie: 'http.cookies',
    Dialog: 'tkinter.dialog',
    DocXMLRPCServer: 'xmlrpc.server',
    FileDialog: 'tkinter.filedialog',
    HTMLParser: 'html.parser',
    Queue: 'queue',
    ScrolledText: 'tkinter.scrolledtext',
    SimpleDialog: 'tkinter.simpledialog',
    SimpleHTTPServer: 'http.server',
    SimpleXMLRPCServer: 'xmlrpc.server',
    SocketServer: 'socketserver',
    StringIO: 'io',
    Tix: 'tkinter.tix',
    Tkconstants: 'tkinter.constants',
    Tkdnd: 'tkinter.dnd',
    Tkinter: 'tkinter',
    UserDict: 'collections',
    UserList: 'collections',
    UserString: 'collections',
    __builtin__: 'builtins',
    _abcoll: 'collections.abc',
    _elementtree: 'xml.etree.ElementTree',
    _winreg: 'winreg',
    anydbm: 'dbm',
    cPickle: 'pickle',
    cStringIO: 'io',
    commands: 'subprocess',
    cookielib: 'http.cookiejar',
    copy_reg: 'copyreg',
    dbhash: 'dbm.bsd',
    dbm: 'dbm.ndbm',
    dumbdbm: 'dbm.dumb',
    dummy_thread: '_dummy_thread',
    gdbm: 'dbm.gnu',
    htmlentitydefs: 'html.entities',
    httplib: 'http.client',
    markupbase: '_markupbase',
    repr: 'reprlib',
    robotparser: 'urllib.robotparser',
    'test.test_support': 'test.support',
    thread: '_thread',
    tkColorChooser: 'tkinter.colorchooser',
    tkCommonDialog: 'tkinter.commondialog',
    tkFileDialog: 'tkinter.filedialog',
    tkFont: 'tkinter.font',
    tkMessageBox: 'tkinter.messagebox',
    tkSimpleDialog: 'tkinter.simpledialog',
    ttk: 'tkinter.ttk',
    urllib2: 'urllib.request',
    urlparse: 'urllib.parse',
    whichdb: 'dbm',
    xmlrpclib: 'xmlrpc.client',
};
/** (module, name) → (module, name) rewrites, keyed "module\u0000name". */
const NAME_MAPPING = {
    'UserDict\u0000IterableUserDict': ['collections', 'UserDict'],
    'UserDict\u0000UserDict': ['collections', 'UserDict'],
    'UserList\u0000UserList': ['collections', 'UserList'],
    'UserString\u0000UserString': ['collections', 'UserString'],
    '__builtin__\u0000basestring': ['builtins', 'str'],
    '__builtin__\u0000intern': ['sys', 'intern'],
    '__builtin__\u0000long': ['builtins', 'int'],
    '__builtin__\u0000reduce': ['functools', 'reduce'],
    '__builtin__\u0000unichr': ['builtins', 'chr'],
    '__builtin__\u0000unicode': ['builtins', 'str'],
    '__builtin__\u0000xrange': ['builtins', 'range'],
    '_multiprocessing\u0000Connection': ['multiprocessing.connection', 'Connection'],
    '_socket\u0000fromfd': ['socket', 'fromfd'],
    'exceptions\u0000ArithmeticError': ['builtins', 'ArithmeticError'],
    'exceptions\u0000AssertionError': ['builtins', 'AssertionError'],
    'exceptions\u0000AttributeError': ['builtins', 'AttributeError'],
    'exceptions\u0000BaseException': ['builtins', 'BaseException'],
    'exceptions\u0000BufferError': ['builtins', 'BufferError'],
    'exceptions\u0000BytesWarning': ['builtins', 'BytesWarning'],
    'exceptions\u0000DeprecationWarning': ['builtins', 'DeprecationWarning'],
    'exceptions\u0000EOFError': ['builtins', 'EOFError'],
    'exceptions\u0000EnvironmentError': ['builtins', 'EnvironmentError'],
    'exceptions\u0000Exception': ['builtins', 'Exception'],
    'exceptions\u0000FloatingPointError': ['builtins', 'FloatingPointError'],
    'exceptions\u0000FutureWarning': ['builtins', 'FutureWarning'],
    'exceptions\u0000GeneratorExit': ['builtins', 'GeneratorExit'],
    'exceptions\u0000IOError': ['builtins', 'IOError'],
    'exceptions\u0000ImportError': ['builtins', 'ImportError'],
    'exceptions\u0000ImportWarning': ['builtins', 'ImportWarning'],
    'exceptions\u0000IndentationError': ['builtins', 'IndentationError'],
    'exceptions\u0000IndexError': ['builtins', 'IndexError'],
    'exceptions\u0000KeyError': ['builtins', 'KeyError'],
    'exceptions\u0000KeyboardInterrupt': ['builtins', 'KeyboardInterrupt'],
    'exceptions\u0000LookupError': ['builtins', 'LookupError'],
    'exceptions\u0000MemoryError': ['builtins', 'MemoryError'],
    'exceptions\u0000NameError': ['builtins', 'NameError'],
    'exceptions\u0000NotImplementedError': ['builtins', 'NotImplementedError'],
    'exceptions\u0000OSError': ['builtins', 'OSError'],
    'exceptions\u0000OverflowError': ['builtins', 'OverflowError'],
    'exceptions\u0000PendingDeprecationWarning': ['builtins', 'PendingDeprecationWarning'],
    'exceptions\u0000ReferenceError': ['builtins', 'ReferenceError'],
    'exceptions\u0000RuntimeError': ['builtins', 'RuntimeError'],
    'exceptions\u0000RuntimeWarning': ['builtins', 'RuntimeWarning'],
    'exceptions\u0000StandardError': ['builtins', 'Exception'],
    'exceptions\u0000StopIteration': ['builtins', 'StopIteration'],
    'exceptions\u0000SyntaxError': ['builtins', 'SyntaxError'],
    'exceptions\u0000SyntaxWarning': ['builtins', 'SyntaxWarning'],
    'exceptions\u0000SystemError': ['builtins', 'SystemError'],
    'exceptions\u0000SystemExit': ['builtins', 'SystemExit'],
    'exceptions\u0000TabError': ['builtins', 'TabError'],
    'exceptions\u0000TypeError': ['builtins', 'TypeError'],
    'exceptions\u0000UnboundLocalError': ['builtins', 'UnboundLocalError'],
    'exceptions\u0000UnicodeDecodeError': ['builtins', 'UnicodeDecodeError'],
    'exceptions\u0000UnicodeEncodeError': ['builtins', 'UnicodeEncodeError'],
    'exceptions\u0000UnicodeError': ['builtins', 'UnicodeError'],
    'exceptions\u0000UnicodeTranslateError': ['builtins', 'UnicodeTranslateError'],
    'exceptions\u0000UnicodeWarning': ['builtins', 'UnicodeWarning'],
    'exceptions\u0000UserWarning': ['builtins', 'UserWarning'],
    'exceptions\u0000ValueError': ['builtins', 'ValueError'],
    'exceptions\u0000Warning': ['builtins', 'Warning'],
    'exceptions\u0000ZeroDivisionError': ['builtins', 'ZeroDivisionError'],
    'itertools\u0000ifilter': ['builtins', 'filter'],
    'itertools\u0000ifilterfalse': ['itertools', 'filterfalse'],
    'itertools\u0000imap': ['builtins', 'map'],
    'itertools\u0000izip': ['builtins', 'zip'],
    'itertools\u0000izip_longest': ['itertools', 'zip_longest'],
    'multiprocessing\u0000AuthenticationError': ['multiprocessing.context', 'AuthenticationError'],
    'multiprocessing\u0000BufferTooShort': ['multiprocessing.context', 'BufferTooShort'],
    'multiprocessing\u0000ProcessError': ['multiprocessing.context', 'ProcessError'],
    'multiprocessing\u0000TimeoutError': ['multiprocessing.context', 'TimeoutError'],
    'multiprocessing.forking\u0000Popen': ['multiprocessing.popen_fork', 'Popen'],
    'multiprocessing.process\u0000Process': ['multiprocessing.context', 'Process'],
    'socket\u0000_socketobject': ['socket', 'SocketType'],
    'urllib\u0000ContentTooShortError': ['urllib.error', 'ContentTooShortError'],
    'urllib\u0000getproxies': ['urllib.request', 'getproxies'],
    'urllib\u0000pathname2url': ['urllib.request', 'pathname2url'],
    'urllib\u0000quote': ['urllib.parse', 'quote'],
    'urllib\u0000quote_plus': ['urllib.parse', 'quote_plus'],
    'urllib\u0000unquote': ['urllib.parse', 'unquote'],
    'urllib\u0000unquote_plus': ['urllib.parse', 'unquote_plus'],
    'urllib\u0000url2pathname': ['urllib.request', 'url2pathname'],
    'urllib\u0000urlcleanup': ['urllib.request', 'urlcleanup'],
    'urllib\u0000urlencode': ['urllib.parse', 'urlencode'],
    'urllib\u0000urlopen': ['urllib.request', 'urlopen'],
    'urllib\u0000urlretrieve': ['urllib.request', 'urlretrieve'],
    'urllib2\u0000HTTPError': ['urllib.error', 'HTTPError'],
    'urllib2\u0000URLError': ['urllib.error', 'URLError'],
    'whichdb\u0000whichdb': ['dbm', 'whichdb'],
};

;// CONCATENATED MODULE: ./src/pickle/policy/dangerous.ts
const DANGEROUS_CALLABLES = [
    // ---------------------------------------------------------------------------------------------
    // builtins: code execution, namespace access and attribute access (Python 3 and Python 2 names)
    // ---------------------------------------------------------------------------------------------
    {
        target: 'builtins.eval',
        category: 'code-execution',
        reason: 'evaluates a Python expression given as a string',
    },
    {
        target: 'builtins.exec',
        category: 'code-execution',
        reason: 'executes Python source or a code object',
    },
    {
        target: 'builtins.compile',
        category: 'code-execution',
        reason: 'turns source text into a code object that exec, eval or FunctionType then run',
    },
    {
        target: 'builtins.__import__',
        category: 'import',
        reason: 'imports any module by name and returns it',
    },
    {
        target: 'builtins.__build_class__',
        category: 'code-execution',
        reason: 'builds a class by running a function body, the machinery behind class statements',
    },
    {
        target: 'builtins.getattr',
        category: 'attribute-access',
        reason: 'reads any attribute of any object, e.g. getattr(module, "system"); also how pickled bound methods (Keras models) are rebuilt',
    },
    {
        target: 'builtins.setattr',
        category: 'attribute-access',
        reason: 'overwrites any attribute, e.g. replaces a library function or a security flag',
    },
    {
        target: 'builtins.delattr',
        category: 'attribute-access',
        reason: 'deletes any attribute, e.g. removes a guard from a module',
    },
    {
        target: 'builtins.globals',
        category: 'attribute-access',
        reason: 'returns the calling module namespace, a dict that leads to __builtins__',
    },
    {
        target: 'builtins.locals',
        category: 'attribute-access',
        reason: 'returns the calling frame namespace',
    },
    {
        target: 'builtins.vars',
        category: 'attribute-access',
        reason: 'returns the __dict__ of any object or module, an item-access route to every name in it',
    },
    {
        target: 'builtins.open',
        category: 'filesystem',
        reason: 'opens, creates or truncates any file',
    },
    {
        target: 'builtins.input',
        category: 'resource-exhaustion',
        reason: 'blocks the loader on standard input',
    },
    {
        target: 'builtins.breakpoint',
        category: 'debugger',
        reason: 'calls sys.breakpointhook (pdb by default, or whatever PYTHONBREAKPOINT names, which it imports)',
    },
    {
        target: 'builtins.help',
        category: 'debugger',
        reason: 'pydoc help: imports modules by name and pipes text through the $PAGER shell command',
    },
    {
        target: 'builtins.exit',
        category: 'environment',
        reason: 'raises SystemExit and terminates the loading process',
    },
    {
        target: 'builtins.quit',
        category: 'environment',
        reason: 'raises SystemExit and terminates the loading process',
    },
    {
        target: 'builtins.copyright',
        category: 'resource-exhaustion',
        reason: 'site _Printer: pages text interactively and waits on standard input',
    },
    {
        target: 'builtins.credits',
        category: 'resource-exhaustion',
        reason: 'site _Printer: pages text interactively and waits on standard input',
    },
    {
        target: 'builtins.license',
        category: 'resource-exhaustion',
        reason: 'site _Printer: reads LICENSE files and waits on standard input',
    },
    {
        target: '__builtin__.eval',
        category: 'code-execution',
        reason: 'Python 2 name of builtins.eval',
    },
    {
        target: '__builtin__.exec',
        category: 'code-execution',
        reason: 'Python 2 name of builtins.exec',
    },
    {
        target: '__builtin__.execfile',
        category: 'code-execution',
        reason: 'Python 2: executes a Python source file',
    },
    {
        target: '__builtin__.compile',
        category: 'code-execution',
        reason: 'Python 2 name of builtins.compile',
    },
    {
        target: '__builtin__.__import__',
        category: 'import',
        reason: 'Python 2 name of builtins.__import__',
    },
    { target: '__builtin__.reload', category: 'import', reason: 'Python 2: re-executes a module' },
    {
        target: '__builtin__.apply',
        category: 'code-execution',
        reason: 'Python 2: apply(f, args) calls any callable, hiding the call from a scanner that only sees arguments',
    },
    {
        target: '__builtin__.getattr',
        category: 'attribute-access',
        reason: 'Python 2 name of builtins.getattr',
    },
    {
        target: '__builtin__.setattr',
        category: 'attribute-access',
        reason: 'Python 2 name of builtins.setattr',
    },
    {
        target: '__builtin__.delattr',
        category: 'attribute-access',
        reason: 'Python 2 name of builtins.delattr',
    },
    {
        target: '__builtin__.globals',
        category: 'attribute-access',
        reason: 'Python 2 name of builtins.globals',
    },
    {
        target: '__builtin__.locals',
        category: 'attribute-access',
        reason: 'Python 2 name of builtins.locals',
    },
    {
        target: '__builtin__.vars',
        category: 'attribute-access',
        reason: 'Python 2 name of builtins.vars',
    },
    { target: '__builtin__.open', category: 'filesystem', reason: 'Python 2 name of builtins.open' },
    {
        target: '__builtin__.file',
        category: 'filesystem',
        reason: 'Python 2: the file type opens, creates or truncates files',
    },
    {
        target: '__builtin__.input',
        category: 'code-execution',
        reason: 'Python 2: input() evaluates what it reads from standard input',
    },
    {
        target: '__builtin__.raw_input',
        category: 'resource-exhaustion',
        reason: 'Python 2: blocks on standard input',
    },
    {
        target: '__builtin__.breakpoint',
        category: 'debugger',
        reason: 'Python 2 spelling of builtins.breakpoint',
    },
    {
        target: '__builtin__.help',
        category: 'debugger',
        reason: 'Python 2 spelling of builtins.help',
    },
    {
        target: '__builtin__.exit',
        category: 'environment',
        reason: 'Python 2 spelling of builtins.exit',
    },
    {
        target: '__builtin__.quit',
        category: 'environment',
        reason: 'Python 2 spelling of builtins.quit',
    },
    {
        target: '__builtins__',
        category: 'code-execution',
        reason: 'not an importable module on CPython 3; only crafted pickles name it, to reach eval or __import__',
    },
    {
        target: '_sitebuiltins',
        category: 'environment',
        reason: 'the classes behind exit/quit/help/license: terminate the process, run pydoc, page text interactively',
    },
    // ---------------------------------------------------------------------------------------------
    // Processes and the operating system
    // ---------------------------------------------------------------------------------------------
    {
        target: 'os',
        category: 'process',
        reason: 'os.system, os.popen, exec*/spawn*/posix_spawn, fork, kill, file creation and deletion, os.environ',
    },
    {
        target: 'posix',
        category: 'process',
        reason: 'the C module behind os on POSIX: system, execv, posix_spawn, fork, unlink…',
    },
    {
        target: 'nt',
        category: 'process',
        reason: 'the C module behind os on Windows: system, startfile, spawnv, remove…',
    },
    {
        target: 'subprocess',
        category: 'process',
        reason: 'runs commands (Popen, run, call, check_output, getoutput)',
    },
    {
        target: '_posixsubprocess',
        category: 'process',
        reason: 'fork_exec, the primitive under subprocess.Popen',
    },
    {
        target: '_bootsubprocess',
        category: 'process',
        reason: 'build-time subprocess stand-in; check_output passes a joined string to os.system',
    },
    {
        target: 'pty',
        category: 'process',
        reason: 'pty.spawn runs a program on a pseudo-terminal; fork',
    },
    {
        target: 'commands',
        category: 'process',
        reason: 'Python 2: getoutput and getstatusoutput run shell commands',
    },
    {
        target: 'popen2',
        category: 'process',
        reason: 'Python 2: popen2/popen3/popen4 run shell commands',
    },
    {
        target: '_winapi',
        category: 'process',
        reason: 'Windows API: CreateProcess, TerminateProcess, CreateFile, named pipes',
    },
    {
        target: 'msvcrt',
        category: 'process',
        reason: 'Windows C runtime: handle and descriptor juggling, console input that blocks the loader',
    },
    {
        target: 'winreg',
        category: 'environment',
        reason: 'writes the Windows registry (Run keys give persistence)',
    },
    { target: '_winreg', category: 'environment', reason: 'Python 2 name of winreg' },
    {
        target: '_osx_support._read_output',
        category: 'process',
        reason: 'runs its argument through os.system on every platform',
    },
    {
        target: '_osx_support',
        category: 'process',
        reason: 'build helpers that shell out with os.system and rewrite compiler settings',
    },
    {
        target: '_aix_support',
        category: 'process',
        reason: 'build helpers that run commands through subprocess',
    },
    {
        target: 'pipes',
        category: 'process',
        reason: 'pipes.Template builds and runs shell pipelines (module removed in 3.13)',
    },
    {
        target: 'mailcap',
        category: 'process',
        reason: 'findmatch runs the "test" commands of a caller-supplied caps dict through os.system (module removed in 3.13)',
    },
    {
        target: 'platform.popen',
        category: 'process',
        reason: 'older Pythons: os.popen wrapper that runs a shell command',
    },
    {
        target: 'platform._syscmd_file',
        category: 'process',
        reason: 'runs the external "file" program on a caller-chosen path',
    },
    {
        target: 'platform._syscmd_ver',
        category: 'process',
        reason: 'runs a shell command ("ver") through subprocess',
    },
    {
        target: 'platform._syscmd_uname',
        category: 'process',
        reason: 'older Pythons: runs "uname" with caller-chosen options through os.popen',
    },
    {
        target: 'platform.architecture',
        category: 'process',
        reason: 'runs the external "file" program on a caller-chosen executable path',
    },
    {
        target: 'uuid._get_command_stdout',
        category: 'process',
        reason: 'runs a caller-named command with caller-chosen arguments and returns its output',
    },
    {
        target: 'uuid._find_mac_near_keyword',
        category: 'process',
        reason: 'runs a caller-named command through uuid._get_command_stdout',
    },
    {
        target: 'uuid._find_mac_under_heading',
        category: 'process',
        reason: 'runs a caller-named command through uuid._get_command_stdout',
    },
    {
        target: 'uuid._popen',
        category: 'process',
        reason: 'older Pythons: runs a caller-named command',
    },
    {
        target: 'fcntl.ioctl',
        category: 'process',
        reason: 'ioctl(0, TIOCSTI, byte) types characters into the controlling terminal, so the user shell runs them',
    },
    {
        target: 'resource.setrlimit',
        category: 'environment',
        reason: 'changes process limits (memory, files, core dumps) of the loading process',
    },
    {
        target: 'resource.prlimit',
        category: 'environment',
        reason: 'changes resource limits of any process the user owns',
    },
    {
        target: 'signal',
        category: 'environment',
        reason: 'installs handlers (deferred calls), alarm/setitimer, pthread_kill, pause',
    },
    { target: '_signal', category: 'environment', reason: 'C module behind signal' },
    {
        target: 'faulthandler',
        category: 'environment',
        reason: 'dump_traceback_later/register write to caller-chosen files; _sigsegv, _fatal_error, _stack_overflow crash the interpreter',
    },
    {
        target: 'atexit',
        category: 'environment',
        reason: 'atexit.register stores a callable that runs when the interpreter exits',
    },
    {
        target: 'weakref.finalize',
        category: 'environment',
        reason: 'finalize(obj, func, *args) calls func when obj dies, immediately for a temporary: a call hidden as a reference',
    },
    {
        target: 'time.sleep',
        category: 'resource-exhaustion',
        reason: 'stalls the loader for as long as the file asks',
    },
    {
        target: 'math.factorial',
        category: 'resource-exhaustion',
        reason: 'factorial of a large integer runs for hours and exhausts memory',
    },
    {
        target: 'math.comb',
        category: 'resource-exhaustion',
        reason: 'huge binomials run for hours and exhaust memory',
    },
    {
        target: 'math.perm',
        category: 'resource-exhaustion',
        reason: 'huge permutation counts run for hours and exhaust memory',
    },
    // ---------------------------------------------------------------------------------------------
    // Interpreter state, introspection and escapes
    // ---------------------------------------------------------------------------------------------
    {
        target: 'sys',
        category: 'environment',
        reason: 'sys.modules, settrace/setprofile, addaudithook, _getframe, excepthook, path and meta_path, exit',
    },
    {
        target: 'gc',
        category: 'environment',
        reason: 'get_objects/get_referrers/get_referents reach any live object, including module globals and frames',
    },
    {
        target: 'site',
        category: 'environment',
        reason: 'addsitedir/addpackage execute "import" lines of .pth files; main() rebuilds sys.path',
    },
    {
        target: '_distutils_hack',
        category: 'environment',
        reason: 'setuptools shim that edits sys.meta_path to redirect imports of distutils',
    },
    {
        target: 'inspect.getattr_static',
        category: 'attribute-access',
        reason: 'reads any attribute, dunders included, without triggering descriptors',
    },
    {
        target: 'inspect.getmembers',
        category: 'attribute-access',
        reason: 'returns every attribute of an object, dunders and module globals included',
    },
    {
        target: 'inspect.getmembers_static',
        category: 'attribute-access',
        reason: 'returns every attribute of an object without descriptors',
    },
    {
        target: 'inspect.classify_class_attrs',
        category: 'attribute-access',
        reason: 'returns every attribute of a class with its raw object',
    },
    {
        target: 'inspect.get_annotations',
        category: 'code-execution',
        reason: 'with eval_str=True (reachable through functools.partial keywords) evaluates annotation strings',
    },
    {
        target: 'inspect._signature_fromstr',
        category: 'code-execution',
        reason: 'evaluates default values parsed from a __text_signature__ string',
    },
    {
        target: 'inspect._main',
        category: 'import',
        reason: 'the inspect command line: imports any module named in sys.argv',
    },
    {
        target: 'inspect.currentframe',
        category: 'attribute-access',
        reason: 'returns the running frame, whose f_globals and f_builtins lead to everything',
    },
    {
        target: 'inspect.stack',
        category: 'attribute-access',
        reason: 'returns every frame of the loader with its globals',
    },
    {
        target: 'inspect.trace',
        category: 'attribute-access',
        reason: 'returns frames of the current exception with their globals',
    },
    {
        target: 'inspect.getouterframes',
        category: 'attribute-access',
        reason: 'returns caller frames with their globals',
    },
    {
        target: 'inspect.getinnerframes',
        category: 'attribute-access',
        reason: 'returns traceback frames with their globals',
    },
    {
        target: 'inspect.attrgetter',
        category: 'attribute-access',
        reason: 'inspect re-exports operator.attrgetter under its own name',
    },
    {
        target: 'typing.get_type_hints',
        category: 'code-execution',
        reason: 'evaluates string annotations: get_type_hints(SimpleNamespace(__annotations__={"a": "<code>"})) runs the code',
    },
    {
        target: 'typing._eval_type',
        category: 'code-execution',
        reason: 'evaluates ForwardRef strings',
    },
    {
        target: 'typing.ForwardRef._evaluate',
        category: 'code-execution',
        reason: 'eval() of the forward reference text',
    },
    {
        target: 'typing.evaluate_forward_ref',
        category: 'code-execution',
        reason: 'Python 3.14: evaluates forward reference text',
    },
    {
        target: 'typing_extensions.get_type_hints',
        category: 'code-execution',
        reason: 'evaluates string annotations like typing.get_type_hints',
    },
    {
        target: 'typing_extensions.evaluate_forward_ref',
        category: 'code-execution',
        reason: 'evaluates forward reference text',
    },
    {
        target: 'typing_extensions.get_annotations',
        category: 'code-execution',
        reason: 'with eval_str=True evaluates annotation strings',
    },
    {
        target: 'annotationlib.call_annotate_function',
        category: 'code-execution',
        reason: 'Python 3.14: runs an __annotate__ function',
    },
    {
        target: 'annotationlib.get_annotations',
        category: 'code-execution',
        reason: 'Python 3.14: with eval_str=True evaluates annotation strings',
    },
    {
        target: 'annotationlib.ForwardRef.evaluate',
        category: 'code-execution',
        reason: 'Python 3.14: evaluates forward reference text',
    },
    {
        target: 'dataclasses._create_fn',
        category: 'code-execution',
        reason: 'builds "def name(args): body" source from its string arguments and exec()s it; default values in args run at once',
    },
    {
        target: 'dataclasses._FuncBuilder',
        category: 'code-execution',
        reason: 'Python 3.13+: collects function source text for dataclasses and exec()s it',
    },
    {
        target: 'dataclasses.FunctionType',
        category: 'code-reconstruction',
        reason: 'dataclasses re-exports types.FunctionType',
    },
    {
        target: 'optparse.Values.read_file',
        category: 'code-execution',
        reason: 'exec()s the contents of a caller-named file',
    },
    {
        target: 'optparse.Values.read_module',
        category: 'import',
        reason: 'imports a caller-named module and copies its namespace',
    },
    {
        target: 'warnings._getcategory',
        category: 'import',
        reason: 'imports the module named in a warning category string',
    },
    {
        target: 'warnings._setoption',
        category: 'import',
        reason: 'parses a -W option and imports the category module it names',
    },
    {
        target: 'warnings._processoptions',
        category: 'import',
        reason: 'parses -W options and imports the category modules they name',
    },
    {
        target: 'rlcompleter',
        category: 'attribute-access',
        reason: 'Completer evaluates dotted names in __main__ to list attributes',
    },
    {
        target: 'readline',
        category: 'filesystem',
        reason: 'read_history_file/write_history_file/append_history_file and read_init_file take caller-chosen paths',
    },
    {
        target: '_testcapi',
        category: 'native-code',
        reason: 'CPython test hooks: raw memory access and deliberate crashes',
    },
    {
        target: '_testinternalcapi',
        category: 'native-code',
        reason: 'CPython internal test hooks: raw memory, code-object and interpreter manipulation',
    },
    // ---------------------------------------------------------------------------------------------
    // Runners of source code, debuggers, profilers, REPL and documentation tooling
    // ---------------------------------------------------------------------------------------------
    {
        target: 'code',
        category: 'code-execution',
        reason: 'InteractiveInterpreter.runsource/runcode and interact() execute Python source',
    },
    {
        target: 'codeop',
        category: 'code-execution',
        reason: 'compiles source text into code objects (compile_command, Compile)',
    },
    {
        target: 'runpy',
        category: 'code-execution',
        reason: 'run_path/run_module/_run_code execute files, modules or code objects',
    },
    {
        target: 'timeit',
        category: 'code-execution',
        reason: 'timeit/repeat/Timer compile and execute the stmt and setup strings',
    },
    {
        target: 'cProfile',
        category: 'debugger',
        reason: 'run/runctx and Profile.run execute a source string under the profiler',
    },
    {
        target: '_lsprof',
        category: 'debugger',
        reason: 'C profiler behind cProfile; Profiler(timer) calls a caller-chosen timer callable on every event',
    },
    {
        target: 'profile',
        category: 'debugger',
        reason: 'run/runctx and Profile.run execute a source string',
    },
    {
        target: 'trace',
        category: 'debugger',
        reason: 'Trace.run/runctx/runfunc execute source or callables; the CLI runs scripts',
    },
    {
        target: 'pdb',
        category: 'debugger',
        reason: 'run/runeval/runcall execute code; set_trace opens an interactive debugger on standard input',
    },
    {
        target: 'bdb',
        category: 'debugger',
        reason: 'Bdb.run/runeval/runctx/runcall execute code under a tracer',
    },
    {
        target: 'doctest',
        category: 'code-execution',
        reason: 'debug_script, run_docstring_examples, testfile and testsource execute the examples in caller-supplied text',
    },
    {
        target: 'unittest',
        category: 'import',
        reason: 'TestLoader.loadTestsFromName imports a dotted name and calls it; mock.patch resolves any target; mock._set_signature exec()s source',
    },
    {
        target: 'test.support',
        category: 'code-execution',
        reason: 'CPython test support: script_helper.assert_python_ok/run_python_until_end run interpreters with caller-chosen arguments, os_helper.rmtree deletes trees, import_helper imports by name',
    },
    {
        target: 'test.libregrtest',
        category: 'code-execution',
        reason: 'CPython regression-test runner: imports and runs test modules named by the caller',
    },
    {
        target: 'test.regrtest',
        category: 'code-execution',
        reason: 'CPython regression-test runner entry point',
    },
    {
        target: 'pydoc',
        category: 'import',
        reason: 'locate/resolve import any dotted name; pager and pipepager run a shell command; the server listens on a port',
    },
    {
        target: 'idlelib',
        category: 'code-execution',
        reason: 'IDLE: run.Executive.runcode, pyshell.ModifiedInterpreter.runcode/runcommand, calltip and autocomplete eval() names',
    },
    {
        target: 'lib2to3',
        category: 'code-execution',
        reason: 'pgen2 grammar loading unpickles tables (Grammar.loads) and ParserGenerator.make_label evaluates literals (removed in 3.13)',
    },
    {
        target: 'turtledemo',
        category: 'import',
        reason: 'the demo viewer imports and runs demo scripts by name',
    },
    {
        target: '_pyrepl',
        category: 'code-execution',
        reason: 'Python 3.13+ REPL: console runsource executes code, pager.pipe_pager runs a shell command',
    },
    {
        target: 'cgi',
        category: 'environment',
        reason: 'reads standard input as form data and prints os.environ (print_environ, test); removed in 3.13',
    },
    {
        target: 'cgitb',
        category: 'environment',
        reason: 'enable() replaces sys.excepthook and writes tracebacks with local variables to a caller-chosen logdir',
    },
    {
        target: 'logging.config',
        category: 'code-execution',
        reason: 'dictConfig calls any factory named in a "()" key, fileConfig eval()s handler arguments, listen() opens a port that accepts new configurations',
    },
    {
        target: 'logging.handlers',
        category: 'network',
        reason: 'socket, datagram, syslog, HTTP and SMTP handlers send records over the network; file handlers create and rotate files',
    },
    {
        target: 'logging.FileHandler',
        category: 'filesystem',
        reason: 'opens (and by default appends to or truncates) a caller-named file',
    },
    // ---------------------------------------------------------------------------------------------
    // Code objects, functions and marshalled bytecode
    // ---------------------------------------------------------------------------------------------
    {
        target: 'types.FunctionType',
        category: 'code-reconstruction',
        reason: 'FunctionType(code, globals) turns a code object into a callable function',
    },
    {
        target: 'types.LambdaType',
        category: 'code-reconstruction',
        reason: 'alias of types.FunctionType',
    },
    {
        target: 'types.CodeType',
        category: 'code-reconstruction',
        reason: 'builds a code object from raw bytecode and constants',
    },
    {
        target: 'types.MethodType',
        category: 'code-reconstruction',
        reason: 'binds any function to any object, producing a new callable',
    },
    {
        target: 'types.CellType',
        category: 'code-reconstruction',
        reason: 'builds closure cells for rebuilt functions',
    },
    {
        target: 'types.new_class',
        category: 'code-execution',
        reason: 'creates a class and calls a caller-supplied exec_body callback and metaclass',
    },
    {
        target: 'types.prepare_class',
        category: 'code-execution',
        reason: 'calls the __prepare__ of a caller-chosen metaclass',
    },
    {
        target: '_collections_abc.FunctionType',
        category: 'code-reconstruction',
        reason: '_collections_abc re-exports types.FunctionType',
    },
    {
        target: 'marshal',
        category: 'code-reconstruction',
        reason: 'marshal.loads rebuilds code objects from bytes',
    },
    {
        target: 'new',
        category: 'code-reconstruction',
        reason: 'Python 2: new.code/new.function/new.instancemethod build code and functions',
    },
    {
        target: 'py_compile',
        category: 'code-execution',
        reason: 'writes .pyc bytecode to a caller-chosen path, e.g. into an installed package __pycache__, which runs at its next import',
    },
    {
        target: 'compileall',
        category: 'code-execution',
        reason: 'compiles trees of source files and writes bytecode caches',
    },
    // ---------------------------------------------------------------------------------------------
    // Import machinery and name resolvers (any string becomes any callable)
    // ---------------------------------------------------------------------------------------------
    {
        target: 'importlib',
        category: 'import',
        reason: 'import_module/reload, util.spec_from_file_location + loaders execute any file, metadata.EntryPoint.load resolves "module:attr"',
    },
    {
        target: '_frozen_importlib',
        category: 'import',
        reason: 'the bootstrap import system (__import__, _gcd_import, loaders)',
    },
    {
        target: '_frozen_importlib_external',
        category: 'import',
        reason: 'SourceFileLoader/SourcelessFileLoader/ExtensionFileLoader load modules and native extensions from any path',
    },
    {
        target: '_imp',
        category: 'native-code',
        reason: 'create_dynamic loads a native extension module from a spec; exec_builtin/exec_dynamic run module init',
    },
    {
        target: 'imp',
        category: 'import',
        reason: 'load_source/load_compiled/load_dynamic/load_module import any file (removed in 3.12)',
    },
    {
        target: 'pkgutil',
        category: 'import',
        reason: 'resolve_name turns "os:system" into os.system; walk_packages imports; get_data reads package files',
    },
    {
        target: 'zipimport',
        category: 'import',
        reason: 'zipimporter loads and executes modules from any zip archive',
    },
    {
        target: 'modulefinder',
        category: 'import',
        reason: 'ModuleFinder.run_script reads and compiles any script and imports the modules it names',
    },
    {
        target: 'importlib_metadata',
        category: 'import',
        reason: 'backport of importlib.metadata: EntryPoint("x", "os:system", "g").load() returns os.system',
    },
    {
        target: 'importlib_resources',
        category: 'filesystem',
        reason: 'backport of importlib.resources: reads and extracts package files',
    },
    {
        target: 'pkg_resources',
        category: 'import',
        reason: 'EntryPoint.resolve/load import "module:attr"; require() can activate distributions; resource_filename extracts files',
    },
    {
        target: 'operator.attrgetter',
        category: 'attribute-access',
        reason: 'attrgetter("a.b.c")(obj) walks any attribute chain, dunders included',
    },
    {
        target: 'operator.methodcaller',
        category: 'attribute-access',
        reason: 'methodcaller("name", *args)(obj) calls any method of any object',
    },
    {
        target: 'operator.itemgetter',
        category: 'attribute-access',
        reason: 'item access on namespaces obtained elsewhere (e.g. a __builtins__ dict) picks out eval or __import__',
    },
    {
        target: 'operator.call',
        category: 'code-execution',
        reason: 'Python 3.11+: operator.call(f, *args) calls its first argument, hiding an invocation as an argument',
    },
    {
        target: '_operator.attrgetter',
        category: 'attribute-access',
        reason: 'C implementation of operator.attrgetter',
    },
    {
        target: '_operator.methodcaller',
        category: 'attribute-access',
        reason: 'C implementation of operator.methodcaller',
    },
    {
        target: '_operator.itemgetter',
        category: 'attribute-access',
        reason: 'C implementation of operator.itemgetter',
    },
    {
        target: '_operator.call',
        category: 'code-execution',
        reason: 'C implementation of operator.call',
    },
    {
        target: 'collections._itemgetter',
        category: 'attribute-access',
        reason: 'collections re-exports operator.itemgetter under a private name',
    },
    {
        target: 'email._header_value_parser.itemgetter',
        category: 'attribute-access',
        reason: 're-export of operator.itemgetter',
    },
    {
        target: 'pathlib.attrgetter',
        category: 'attribute-access',
        reason: 'pathlib re-exports operator.attrgetter',
    },
    {
        target: 'functools.reduce',
        category: 'code-execution',
        reason: 'calls its first argument over a sequence, chaining results: an invocation laundered as an argument',
    },
    {
        target: '_functools.reduce',
        category: 'code-execution',
        reason: 'C implementation of functools.reduce',
    },
    { target: 'enum.reduce', category: 'code-execution', reason: 'enum re-exports functools.reduce' },
    {
        target: 'statistics.reduce',
        category: 'code-execution',
        reason: 'statistics re-exports functools.reduce',
    },
    {
        target: 'copyreg.add_extension',
        category: 'environment',
        reason: 'registers an extension code so that a later EXT1/EXT2/EXT4 opcode imports the module and name chosen here',
    },
    {
        target: 'copyreg.remove_extension',
        category: 'environment',
        reason: 'edits the extension registry used by EXT opcodes',
    },
    {
        target: 'copyreg.clear_extension_cache',
        category: 'environment',
        reason: 'edits the extension cache used by EXT opcodes',
    },
    {
        target: 'copyreg._extension_registry',
        category: 'environment',
        reason: 'mutable registry: SETITEM on it maps an extension code to any (module, name) without a single call',
    },
    {
        target: 'copyreg._inverted_registry',
        category: 'environment',
        reason: 'mutable registry read by EXT opcodes: SETITEM on it makes a later EXT code import any (module, name)',
    },
    {
        target: 'copyreg._extension_cache',
        category: 'environment',
        reason: 'mutable cache read by EXT opcodes: SETITEM on it makes a later EXT code return any object',
    },
    {
        target: 'copyreg.dispatch_table',
        category: 'environment',
        reason: 'mutable table of reducers used by every later pickle.dump in the process',
    },
    {
        target: 'copyreg.pickle',
        category: 'environment',
        reason: 'registers a reducer for a type, changing how every later pickle.dump serializes it',
    },
    {
        target: 'codecs.register',
        category: 'environment',
        reason: 'installs a codec search function that every later codec lookup calls',
    },
    {
        target: '_codecs.register',
        category: 'environment',
        reason: 'C implementation of codecs.register',
    },
    // ---------------------------------------------------------------------------------------------
    // Native code
    // ---------------------------------------------------------------------------------------------
    {
        target: 'ctypes',
        category: 'native-code',
        reason: 'CDLL/cdll/PyDLL load shared libraries, call C functions and read or write raw memory; ctypes.util runs compilers and ldconfig',
    },
    {
        target: '_ctypes',
        category: 'native-code',
        reason: 'C module behind ctypes: dlopen, function pointers, raw memory',
    },
    {
        target: 'cffi',
        category: 'native-code',
        reason: 'FFI.dlopen loads shared libraries; FFI.verify/compile build and load C code',
    },
    {
        target: '_cffi_backend',
        category: 'native-code',
        reason: 'C backend of cffi: load_library and raw pointers',
    },
    {
        target: 'Cython.Build.Inline',
        category: 'native-code',
        reason: 'cython_inline compiles and runs the source it is given',
    },
    {
        target: 'pyximport',
        category: 'native-code',
        reason: 'installs an import hook that compiles .pyx sources and loads them',
    },
    {
        target: 'pycuda.compiler',
        category: 'native-code',
        reason: 'SourceModule compiles CUDA source and loads it into the process',
    },
    {
        target: 'cupy.RawKernel',
        category: 'native-code',
        reason: 'compiles CUDA source text and launches it',
    },
    {
        target: 'cupy.RawModule',
        category: 'native-code',
        reason: 'compiles CUDA source text or loads a cubin/ptx file',
    },
    // ---------------------------------------------------------------------------------------------
    // Files, archives and databases
    // ---------------------------------------------------------------------------------------------
    {
        target: 'io.open',
        category: 'filesystem',
        reason: 'the builtin open(): opens, creates or truncates any file',
    },
    { target: 'io.open_code', category: 'filesystem', reason: 'opens any file for reading as code' },
    {
        target: 'io.FileIO',
        category: 'filesystem',
        reason: 'opens, creates or truncates a file by path',
    },
    { target: '_io.open', category: 'filesystem', reason: 'C implementation of open()' },
    { target: '_io.open_code', category: 'filesystem', reason: 'C implementation of io.open_code' },
    {
        target: '_io.FileIO',
        category: 'filesystem',
        reason: 'opens, creates or truncates a file by path (named in CVE-2025-10155/10156 bypasses)',
    },
    {
        target: '_pyio.open',
        category: 'filesystem',
        reason: 'pure-Python open(): opens, creates or truncates any file',
    },
    { target: '_pyio.open_code', category: 'filesystem', reason: 'pure-Python io.open_code' },
    {
        target: '_pyio.FileIO',
        category: 'filesystem',
        reason: 'pure-Python FileIO: opens, creates or truncates a file',
    },
    {
        target: 'codecs.open',
        category: 'filesystem',
        reason: 'opens, creates or truncates a file by path',
    },
    { target: 'tokenize.open', category: 'filesystem', reason: 'opens any file by path' },
    {
        target: 'tokenize._builtin_open',
        category: 'filesystem',
        reason: 'tokenize keeps the builtin open() under this name',
    },
    {
        target: 'bz2._builtin_open',
        category: 'filesystem',
        reason: 'bz2 keeps the builtin open() under this name',
    },
    { target: 'bz2.open', category: 'filesystem', reason: 'opens or creates a file by path' },
    { target: 'bz2.BZ2File', category: 'filesystem', reason: 'opens or creates a file by path' },
    { target: 'gzip.open', category: 'filesystem', reason: 'opens or creates a file by path' },
    { target: 'gzip.GzipFile', category: 'filesystem', reason: 'opens or creates a file by path' },
    { target: 'lzma.open', category: 'filesystem', reason: 'opens or creates a file by path' },
    { target: 'lzma.LZMAFile', category: 'filesystem', reason: 'opens or creates a file by path' },
    {
        target: 'linecache',
        category: 'filesystem',
        reason: 'getline/getlines/updatecache read any file, e.g. credentials, into memory',
    },
    {
        target: 'shutil',
        category: 'filesystem',
        reason: 'rmtree, move, copyfile, chown, make_archive/unpack_archive, which',
    },
    {
        target: 'tempfile',
        category: 'filesystem',
        reason: 'creates files and directories (mkstemp, mkdtemp, NamedTemporaryFile)',
    },
    {
        target: 'glob',
        category: 'filesystem',
        reason: 'lists directories anywhere on the filesystem',
    },
    {
        target: 'fileinput',
        category: 'filesystem',
        reason: 'opens files by name; inplace=True rewrites them and redirects stdout into them',
    },
    {
        target: 'filecmp',
        category: 'filesystem',
        reason: 'reads and compares arbitrary files and directories',
    },
    {
        target: 'netrc',
        category: 'filesystem',
        reason: 'parses ~/.netrc or any named file and returns stored credentials',
    },
    {
        target: 'mmap',
        category: 'filesystem',
        reason: 'maps files (and shared memory) for reading and writing',
    },
    {
        target: '_posixshmem',
        category: 'filesystem',
        reason: 'shm_open/shm_unlink create and delete named shared-memory files',
    },
    { target: 'dbm', category: 'filesystem', reason: 'opens or creates database files by path' },
    {
        target: '_dbm',
        category: 'filesystem',
        reason: 'C ndbm binding: opens or creates database files',
    },
    {
        target: '_gdbm',
        category: 'filesystem',
        reason: 'C gdbm binding: opens or creates database files',
    },
    {
        target: 'shelve',
        category: 'deserializer',
        reason: 'opens database files whose values are pickles (shelve.Unpickler is pickle.Unpickler)',
    },
    {
        target: 'sqlite3',
        category: 'filesystem',
        reason: 'connect() creates database files anywhere; enable_load_extension/load_extension load native code',
    },
    { target: '_sqlite3', category: 'filesystem', reason: 'C module behind sqlite3' },
    {
        target: 'zipfile',
        category: 'filesystem',
        reason: 'reads, writes and extracts archives by path',
    },
    {
        target: 'tarfile',
        category: 'filesystem',
        reason: 'extracts archives, with link and path tricks writing outside the target directory',
    },
    {
        target: 'zipapp',
        category: 'filesystem',
        reason: 'writes executable zip applications with a shebang line',
    },
    {
        target: 'uu',
        category: 'filesystem',
        reason: 'decode() writes a file whose name and mode come from the encoded data (removed in 3.13)',
    },
    {
        target: 'binhex',
        category: 'filesystem',
        reason: 'hexbin() writes a file named inside the encoded data (removed in 3.11)',
    },
    {
        target: 'mailbox',
        category: 'filesystem',
        reason: 'Maildir/MH/mbox constructors create directories and files at a caller-chosen path; SETITEM on them writes message files',
    },
    {
        target: 'pathlib.Path.open',
        category: 'filesystem',
        reason: 'opens, creates or truncates the file at a path object',
    },
    { target: 'pathlib.Path.read_text', category: 'filesystem', reason: 'reads any file' },
    { target: 'pathlib.Path.read_bytes', category: 'filesystem', reason: 'reads any file' },
    { target: 'pathlib.Path.write_text', category: 'filesystem', reason: 'writes any file' },
    { target: 'pathlib.Path.write_bytes', category: 'filesystem', reason: 'writes any file' },
    { target: 'pathlib.Path.touch', category: 'filesystem', reason: 'creates files' },
    { target: 'pathlib.Path.unlink', category: 'filesystem', reason: 'deletes files' },
    { target: 'pathlib.Path.rmdir', category: 'filesystem', reason: 'deletes directories' },
    { target: 'pathlib.Path.rename', category: 'filesystem', reason: 'moves files over other files' },
    {
        target: 'pathlib.Path.replace',
        category: 'filesystem',
        reason: 'moves files over other files',
    },
    { target: 'pathlib.Path.symlink_to', category: 'filesystem', reason: 'creates symbolic links' },
    { target: 'pathlib.Path.hardlink_to', category: 'filesystem', reason: 'creates hard links' },
    {
        target: 'pathlib.Path.chmod',
        category: 'filesystem',
        reason: 'changes file permissions, e.g. makes a dropped file executable',
    },
    {
        target: 'pathlib.PosixPath.open',
        category: 'filesystem',
        reason: 'opens, creates or truncates the file at a path object',
    },
    { target: 'pathlib.PosixPath.read_text', category: 'filesystem', reason: 'reads any file' },
    { target: 'pathlib.PosixPath.read_bytes', category: 'filesystem', reason: 'reads any file' },
    { target: 'pathlib.PosixPath.write_text', category: 'filesystem', reason: 'writes any file' },
    { target: 'pathlib.PosixPath.write_bytes', category: 'filesystem', reason: 'writes any file' },
    { target: 'pathlib.PosixPath.touch', category: 'filesystem', reason: 'creates files' },
    { target: 'pathlib.PosixPath.unlink', category: 'filesystem', reason: 'deletes files' },
    { target: 'pathlib.PosixPath.rmdir', category: 'filesystem', reason: 'deletes directories' },
    {
        target: 'pathlib.PosixPath.rename',
        category: 'filesystem',
        reason: 'moves files over other files',
    },
    {
        target: 'pathlib.PosixPath.replace',
        category: 'filesystem',
        reason: 'moves files over other files',
    },
    {
        target: 'pathlib.PosixPath.symlink_to',
        category: 'filesystem',
        reason: 'creates symbolic links',
    },
    { target: 'pathlib.PosixPath.hardlink_to', category: 'filesystem', reason: 'creates hard links' },
    { target: 'pathlib.PosixPath.chmod', category: 'filesystem', reason: 'changes file permissions' },
    {
        target: 'pathlib.WindowsPath.open',
        category: 'filesystem',
        reason: 'opens, creates or truncates the file at a path object',
    },
    { target: 'pathlib.WindowsPath.read_text', category: 'filesystem', reason: 'reads any file' },
    { target: 'pathlib.WindowsPath.read_bytes', category: 'filesystem', reason: 'reads any file' },
    { target: 'pathlib.WindowsPath.write_text', category: 'filesystem', reason: 'writes any file' },
    { target: 'pathlib.WindowsPath.write_bytes', category: 'filesystem', reason: 'writes any file' },
    { target: 'pathlib.WindowsPath.touch', category: 'filesystem', reason: 'creates files' },
    { target: 'pathlib.WindowsPath.unlink', category: 'filesystem', reason: 'deletes files' },
    { target: 'pathlib.WindowsPath.rmdir', category: 'filesystem', reason: 'deletes directories' },
    {
        target: 'pathlib.WindowsPath.rename',
        category: 'filesystem',
        reason: 'moves files over other files',
    },
    {
        target: 'pathlib.WindowsPath.replace',
        category: 'filesystem',
        reason: 'moves files over other files',
    },
    {
        target: 'pathlib.WindowsPath.symlink_to',
        category: 'filesystem',
        reason: 'creates symbolic links',
    },
    {
        target: 'pathlib.WindowsPath.hardlink_to',
        category: 'filesystem',
        reason: 'creates hard links',
    },
    {
        target: 'pathlib.WindowsPath.chmod',
        category: 'filesystem',
        reason: 'changes file permissions',
    },
    // ---------------------------------------------------------------------------------------------
    // XML parsers that fetch URLs, read files or import modules by name
    // ---------------------------------------------------------------------------------------------
    {
        target: 'xml.sax',
        category: 'network',
        reason: 'parse() fetches system identifiers with urlopen; make_parser imports the parser modules it is given by name',
    },
    {
        target: 'xml.dom.pulldom',
        category: 'network',
        reason: 'parse() opens files by name and resolves external entities through xml.sax',
    },
    {
        target: 'xml.dom.xmlbuilder',
        category: 'network',
        reason: 'DOMBuilder.parseURI and DOMEntityResolver fetch URLs with urlopen',
    },
    {
        target: 'xml.dom.domreg',
        category: 'import',
        reason: 'getDOMImplementation imports a module named by the caller or by PYTHON_DOM',
    },
    { target: 'xml.dom.minidom.parse', category: 'filesystem', reason: 'reads any file by path' },
    {
        target: 'xml.dom.expatbuilder.parse',
        category: 'filesystem',
        reason: 'reads any file by path',
    },
    {
        target: 'xml.etree.ElementTree.parse',
        category: 'filesystem',
        reason: 'reads any file by path',
    },
    {
        target: 'xml.etree.ElementTree.iterparse',
        category: 'filesystem',
        reason: 'reads any file by path',
    },
    {
        target: 'xml.etree.ElementTree.ElementTree.parse',
        category: 'filesystem',
        reason: 'reads any file by path into a tree',
    },
    {
        target: 'xml.etree.ElementTree.ElementTree.write',
        category: 'filesystem',
        reason: 'writes a tree to any path',
    },
    {
        target: 'xml.etree.cElementTree.parse',
        category: 'filesystem',
        reason: 'older alias of ElementTree.parse: reads any file',
    },
    {
        target: 'xml.etree.ElementInclude',
        category: 'filesystem',
        reason: 'include() resolves xi:include hrefs by reading files',
    },
    // ---------------------------------------------------------------------------------------------
    // Network clients and servers
    // ---------------------------------------------------------------------------------------------
    {
        target: 'socket',
        category: 'network',
        reason: 'opens connections and listening sockets (create_connection, create_server, fromfd)',
    },
    { target: '_socket', category: 'network', reason: 'C module behind socket' },
    {
        target: 'ssl',
        category: 'network',
        reason: 'get_server_certificate and wrapped sockets reach any host (DNS exfiltration)',
    },
    { target: '_ssl', category: 'network', reason: 'C module behind ssl' },
    {
        target: 'http',
        category: 'network',
        reason: 'http.client connections, http.server servers with CGI execution, cookiejar files',
    },
    { target: 'httplib', category: 'network', reason: 'Python 2 name of http.client' },
    {
        target: 'urllib.request',
        category: 'network',
        reason: 'urlopen/urlretrieve fetch any URL (file:// included) and write downloads to disk',
    },
    {
        target: 'urllib.robotparser',
        category: 'network',
        reason: 'RobotFileParser.read fetches a URL',
    },
    { target: 'urllib.urlopen', category: 'network', reason: 'Python 2: fetches any URL' },
    {
        target: 'urllib.urlretrieve',
        category: 'network',
        reason: 'Python 2: downloads any URL to a file',
    },
    {
        target: 'urllib.URLopener',
        category: 'network',
        reason: 'Python 2: URL opener that also runs local files',
    },
    { target: 'urllib.FancyURLopener', category: 'network', reason: 'Python 2: URL opener' },
    { target: 'urllib2', category: 'network', reason: 'Python 2 name of urllib.request' },
    { target: 'ftplib', category: 'network', reason: 'FTP client: connects, uploads, downloads' },
    { target: 'smtplib', category: 'network', reason: 'sends mail, an exfiltration channel' },
    { target: 'telnetlib', category: 'network', reason: 'Telnet client (removed in 3.13)' },
    { target: 'poplib', category: 'network', reason: 'POP3 client' },
    {
        target: 'imaplib',
        category: 'network',
        reason: 'IMAP client; IMAP4_stream runs its command argument through a shell',
    },
    { target: 'nntplib', category: 'network', reason: 'NNTP client (removed in 3.13)' },
    {
        target: 'xmlrpc',
        category: 'network',
        reason: 'XML-RPC client proxies call remote methods; servers listen and dispatch calls',
    },
    { target: 'xmlrpclib', category: 'network', reason: 'Python 2 name of xmlrpc.client' },
    { target: 'socketserver', category: 'network', reason: 'constructors bind and listen on ports' },
    { target: 'SocketServer', category: 'network', reason: 'Python 2 name of socketserver' },
    { target: 'BaseHTTPServer', category: 'network', reason: 'Python 2 HTTP server' },
    { target: 'SimpleHTTPServer', category: 'network', reason: 'Python 2 HTTP file server' },
    {
        target: 'CGIHTTPServer',
        category: 'network',
        reason: 'Python 2 HTTP server that executes CGI scripts',
    },
    {
        target: 'wsgiref.simple_server',
        category: 'network',
        reason: 'make_server binds and serves a WSGI application',
    },
    { target: 'asyncore', category: 'network', reason: 'socket dispatchers (removed in 3.12)' },
    { target: 'asynchat', category: 'network', reason: 'socket dispatchers (removed in 3.12)' },
    { target: 'smtpd', category: 'network', reason: 'SMTP server (removed in 3.12)' },
    {
        target: 'webbrowser',
        category: 'network',
        reason: 'open() launches a browser (a process) on any URL',
    },
    // ---------------------------------------------------------------------------------------------
    // Concurrency: callables run in other threads, processes or interpreters
    // ---------------------------------------------------------------------------------------------
    {
        target: 'asyncio',
        category: 'process',
        reason: 'create_subprocess_shell/exec, unix_events._UnixSubprocessTransport, open_connection, start_server, run()',
    },
    {
        target: 'multiprocessing',
        category: 'process',
        reason: 'Process/Pool run callables in child processes; util.spawnv_passfds runs any executable; managers and connection.Client talk over sockets and unpickle replies',
    },
    { target: '_multiprocessing', category: 'process', reason: 'C helpers behind multiprocessing' },
    {
        target: 'concurrent.futures',
        category: 'process',
        reason: 'ProcessPoolExecutor spawns processes; executors call submitted callables',
    },
    {
        target: 'concurrent.interpreters',
        category: 'code-execution',
        reason: 'Python 3.14: runs source strings in subinterpreters',
    },
    {
        target: '_interpreters',
        category: 'code-execution',
        reason: 'runs source strings in subinterpreters (3.13+)',
    },
    {
        target: '_xxsubinterpreters',
        category: 'code-execution',
        reason: 'runs source strings in subinterpreters (3.12 and older)',
    },
    { target: '_interpchannels', category: 'code-execution', reason: 'subinterpreter channels' },
    { target: '_interpqueues', category: 'code-execution', reason: 'subinterpreter queues' },
    {
        target: 'threading',
        category: 'process',
        reason: 'Thread(target=f).start() and Timer call a stored callable; settrace/setprofile/excepthook hooks',
    },
    {
        target: '_thread',
        category: 'process',
        reason: 'start_new_thread calls a callable at once; interrupt_main',
    },
    {
        target: '_dummy_thread',
        category: 'process',
        reason: 'start_new_thread calls its function synchronously (older Pythons)',
    },
    {
        target: 'dummy_threading',
        category: 'process',
        reason: 'Thread.start calls its target synchronously (older Pythons)',
    },
    // ---------------------------------------------------------------------------------------------
    // Modules whose import alone acts, and GUI toolkits with their own interpreters
    // ---------------------------------------------------------------------------------------------
    {
        target: 'antigravity',
        category: 'side-effect-import',
        reason: 'importing it opens a web browser',
    },
    {
        target: 'this',
        category: 'side-effect-import',
        reason: 'importing it prints to stdout; only used to prove import-time side effects',
    },
    {
        target: 'tkinter',
        category: 'code-execution',
        reason: 'Tcl interpreters: Tk().eval/tk.call run Tcl, whose exec runs processes; Tk() also exec()s ~/.<className>.py profile files',
    },
    {
        target: '_tkinter',
        category: 'code-execution',
        reason: 'C module behind tkinter: create() gives a Tcl interpreter',
    },
    { target: 'Tkinter', category: 'code-execution', reason: 'Python 2 name of tkinter' },
    {
        target: 'turtle',
        category: 'code-execution',
        reason: 'opens Tk windows and Tcl interpreters; reads turtle.cfg files',
    },
    // ---------------------------------------------------------------------------------------------
    // Deserializers (a second, unscanned load)
    // ---------------------------------------------------------------------------------------------
    {
        target: 'pickle',
        category: 'deserializer',
        reason: 'loads/load/Unpickler deserialize bytes that were never scanned',
    },
    { target: '_pickle', category: 'deserializer', reason: 'C implementation of pickle' },
    { target: 'cPickle', category: 'deserializer', reason: 'Python 2 name of pickle' },
    { target: 'pickle5', category: 'deserializer', reason: 'protocol 5 backport of pickle' },
    {
        target: 'dill',
        category: 'code-reconstruction',
        reason: 'dill rebuilds functions, code objects, classes and modules, and its loads/load/load_session unpickle again',
    },
    {
        target: 'cloudpickle',
        category: 'code-reconstruction',
        reason: 'cloudpickle rebuilds functions and classes from code objects and imports modules by name',
    },
    {
        target: 'jsonpickle',
        category: 'deserializer',
        reason: 'decode() imports classes named in JSON and replays py/reduce entries',
    },
    { target: 'pandas.read_pickle', category: 'deserializer', reason: 'unpickles a file or URL' },
    {
        target: 'numpy.load',
        category: 'deserializer',
        reason: 'reads .npy/.npz files from any path; allow_pickle=True unpickles object arrays',
    },
    { target: 'joblib.load', category: 'deserializer', reason: 'unpickles a file by path' },
    {
        target: 'torch.load',
        category: 'deserializer',
        reason: 'loads a checkpoint by path; weights_only=False unpickles it',
    },
    // ---------------------------------------------------------------------------------------------
    // Package installers and build tools
    // ---------------------------------------------------------------------------------------------
    {
        target: 'pip',
        category: 'installer',
        reason: 'pip.main and pip._internal install packages, whose setup code runs; _vendor.distlib.scripts.ScriptMaker writes executables',
    },
    {
        target: 'ensurepip',
        category: 'installer',
        reason: '_run_pip/bootstrap run pip with caller-chosen arguments',
    },
    {
        target: 'venv',
        category: 'installer',
        reason: 'EnvBuilder creates environments and runs their interpreter and pip',
    },
    {
        target: 'virtualenv',
        category: 'installer',
        reason: 'creates environments and runs seeders and activators',
    },
    {
        target: 'distutils',
        category: 'installer',
        reason: 'spawn runs commands, file_util.write_file writes files, core.run_setup executes setup scripts',
    },
    {
        target: 'setuptools',
        category: 'installer',
        reason: 'sandbox.run_setup and build commands execute setup scripts and compilers; _distutils spawns processes',
    },
    {
        target: 'distlib',
        category: 'installer',
        reason: 'ScriptMaker writes executable launchers; util.resolve imports "module:attr"',
    },
    {
        target: 'conda',
        category: 'installer',
        reason: 'conda.cli.main installs packages and runs their link scripts',
    },
    // ---------------------------------------------------------------------------------------------
    // numpy
    // ---------------------------------------------------------------------------------------------
    {
        target: 'numpy.testing._private.utils.runstring',
        category: 'code-execution',
        reason: 'exec() of its first argument',
    },
    {
        target: 'numpy.testing._private.utils.measure',
        category: 'code-execution',
        reason: 'compiles and exec()s a source string in a loop',
    },
    {
        target: 'numpy.testing',
        category: 'code-execution',
        reason: 'runstring/measure exec() strings, rundocs runs doctests of a file, extbuild compiles and imports C extensions',
    },
    {
        target: 'numpy._pytesttester',
        category: 'code-execution',
        reason: 'PytestTester runs pytest with caller-chosen argv (plugins and conftest files are imported)',
    },
    {
        target: 'numpy.test',
        category: 'code-execution',
        reason: 'PytestTester instance: runs pytest with caller-chosen extra_argv',
    },
    {
        target: 'numpy.f2py',
        category: 'code-execution',
        reason: 'crackfortran eval()s expressions (getlincoef, _eval_length, param_eval), capi_maps eval()s f2cmap files, and it compiles extensions',
    },
    {
        target: 'numpy.distutils',
        category: 'installer',
        reason: 'exec_command/CCompiler_spawn/cpuinfo run shell commands; misc_util eval()s',
    },
    {
        target: 'numpy.ctypeslib',
        category: 'native-code',
        reason: 'load_library loads a shared library from any path',
    },
    {
        target: 'numpy.core._ufunc_reconstruct',
        category: 'import',
        reason: 'universal resolver: __import__(module) then getattr(name), so ("os", "system") returns os.system; only pre-1.20 pickles use it legitimately',
    },
    {
        target: 'numpy._core.function_base.add_newdoc',
        category: 'import',
        reason: 'imports the module named by its first argument and rewrites docstrings of C objects',
    },
    {
        target: 'numpy.core.function_base.add_newdoc',
        category: 'import',
        reason: 'imports the module named by its first argument and rewrites docstrings of C objects',
    },
    {
        target: 'numpy.lib.add_newdoc',
        category: 'import',
        reason: 're-export of add_newdoc: imports a caller-named module',
    },
    {
        target: 'numpy.add_newdoc',
        category: 'import',
        reason: 'numpy 1.x re-export of add_newdoc: imports a caller-named module',
    },
    {
        target: 'numpy.lib._utils_impl._makenamedict',
        category: 'import',
        reason: 'imports a caller-named module',
    },
    {
        target: 'numpy.lib.utils',
        category: 'import',
        reason: 'numpy 1.x: _makenamedict imports caller-named modules, source/lookfor read files',
    },
    {
        target: 'numpy.lib.npyio',
        category: 'deserializer',
        reason: 'numpy 1.x home of load/save/loadtxt/genfromtxt/DataSource: file, URL and pickle access',
    },
    {
        target: 'numpy.lib._npyio_impl',
        category: 'deserializer',
        reason: 'load (allow_pickle unpickles), save*, loadtxt, genfromtxt, fromregex read and write files and URLs',
    },
    {
        target: 'numpy.lib.format',
        category: 'deserializer',
        reason: 'read_array(fp, allow_pickle) unpickles object arrays; open_memmap creates files',
    },
    {
        target: 'numpy.lib._format_impl',
        category: 'deserializer',
        reason: 'numpy 2 home of read_array/open_memmap',
    },
    {
        target: 'numpy.lib._datasource',
        category: 'network',
        reason: 'DataSource downloads URLs into a cache directory and opens files',
    },
    {
        target: 'numpy.DataSource',
        category: 'network',
        reason: 'numpy 1.x re-export of DataSource: downloads URLs',
    },
    { target: 'numpy.save', category: 'filesystem', reason: 'writes an array to any path' },
    { target: 'numpy.savez', category: 'filesystem', reason: 'writes arrays to any path' },
    { target: 'numpy.savez_compressed', category: 'filesystem', reason: 'writes arrays to any path' },
    { target: 'numpy.savetxt', category: 'filesystem', reason: 'writes text to any path' },
    {
        target: 'numpy.loadtxt',
        category: 'filesystem',
        reason: 'reads any path; URLs are fetched through DataSource',
    },
    {
        target: 'numpy.genfromtxt',
        category: 'filesystem',
        reason: 'reads any file, opening URLs through DataSource',
    },
    { target: 'numpy.fromregex', category: 'filesystem', reason: 'reads any file' },
    { target: 'numpy.fromfile', category: 'filesystem', reason: 'reads any file as raw array data' },
    { target: 'numpy.recfromtxt', category: 'filesystem', reason: 'numpy 1.x: reads any file' },
    { target: 'numpy.recfromcsv', category: 'filesystem', reason: 'numpy 1.x: reads any file' },
    {
        target: 'numpy.rec.fromfile',
        category: 'filesystem',
        reason: 'reads any file as a record array',
    },
    {
        target: 'numpy.ndarray.tofile',
        category: 'filesystem',
        reason: 'writes array bytes to any path',
    },
    {
        target: 'numpy.ndarray.dump',
        category: 'filesystem',
        reason: 'pickles the array into any path',
    },
    // ---------------------------------------------------------------------------------------------
    // scipy
    // ---------------------------------------------------------------------------------------------
    {
        target: 'scipy.optimize._nonlin._nonlin_wrapper',
        category: 'code-execution',
        reason: 'interpolates its name argument into "def name(...)" source and exec()s it; default values injected there run at once',
    },
    {
        target: 'scipy._lib._uarray._backend.unpickle_function',
        category: 'import',
        reason: 'universal resolver: import_module(mod) then getattr along a dotted qualname; scipy.fft multimethods pickle through it',
    },
    {
        target: 'scipy._lib.array_api_compat._internal.clone_module',
        category: 'import',
        reason: 'imports a caller-named module and copies its public names into a caller-supplied dict',
    },
    {
        target: 'scipy._lib.deprecation.import_module',
        category: 'import',
        reason: 're-export of importlib.import_module',
    },
    {
        target: 'scipy._lib._array_api_docs_tables.import_module',
        category: 'import',
        reason: 're-export of importlib.import_module',
    },
    {
        target: 'scipy._lib._testutils',
        category: 'code-execution',
        reason: 'PytestTester runs pytest with caller-chosen arguments; helpers build and import Cython extensions',
    },
    {
        target: 'scipy.test',
        category: 'code-execution',
        reason: 'PytestTester instance: runs pytest with caller-chosen arguments',
    },
    {
        target: 'scipy._lib._tmpdirs',
        category: 'filesystem',
        reason: 'creates, enters (chdir) and rmtree()s directories',
    },
    {
        target: 'scipy.io',
        category: 'filesystem',
        reason: 'loadmat/savemat, wavfile, mmread/mmwrite, netcdf, FortranFile, arff read and write files by path',
    },
    {
        target: 'scipy.datasets',
        category: 'network',
        reason: 'downloads dataset files through pooch',
    },
    { target: 'scipy.sparse.load_npz', category: 'filesystem', reason: 'reads any .npz path' },
    { target: 'scipy.sparse.save_npz', category: 'filesystem', reason: 'writes any path' },
    {
        target: 'scipy.weave',
        category: 'native-code',
        reason: 'legacy inline/blitz compile C++ source and load it',
    },
    // ---------------------------------------------------------------------------------------------
    // pandas
    // ---------------------------------------------------------------------------------------------
    {
        target: 'pandas.io',
        category: 'network',
        reason: 'every reader and writer (read_csv/read_pickle/read_html…) opens paths and URLs; clipboard runs xclip/pbcopy',
    },
    {
        target: 'pandas.eval',
        category: 'code-execution',
        reason: 'evaluates an expression string; the python engine and attribute chains have led to code execution',
    },
    {
        target: 'pandas.core.computation',
        category: 'code-execution',
        reason: 'expression parser and evaluator behind pandas.eval and DataFrame.query',
    },
    {
        target: 'pandas.DataFrame.eval',
        category: 'code-execution',
        reason: 'evaluates an expression string against the frame',
    },
    {
        target: 'pandas.DataFrame.query',
        category: 'code-execution',
        reason: 'evaluates a query string (pandas.eval)',
    },
    {
        target: 'pandas.core.frame.DataFrame.eval',
        category: 'code-execution',
        reason: 'evaluates an expression string against the frame',
    },
    {
        target: 'pandas.core.frame.DataFrame.query',
        category: 'code-execution',
        reason: 'evaluates a query string (pandas.eval)',
    },
    {
        target: 'pandas._version',
        category: 'process',
        reason: 'versioneer: run_command(commands, args) runs any executable',
    },
    {
        target: 'pandas.test',
        category: 'code-execution',
        reason: 'runs pytest with caller-chosen extra_args',
    },
    {
        target: 'pandas.util._tester',
        category: 'code-execution',
        reason: 'runs pytest with caller-chosen extra_args',
    },
    {
        target: 'pandas.plotting._core._load_backend',
        category: 'import',
        reason: 'imports the module named as a plotting backend',
    },
    {
        target: 'pandas.compat._optional.import_optional_dependency',
        category: 'import',
        reason: 'imports a caller-named module',
    },
    {
        target: 'pandas.set_option',
        category: 'environment',
        reason: 'changes global options, e.g. the plotting backend module that is imported later',
    },
    {
        target: 'pandas.read_clipboard',
        category: 'process',
        reason: 'runs clipboard programs (xclip, xsel, pbpaste, wl-paste)',
    },
    {
        target: 'pandas.read_csv',
        category: 'network',
        reason: 'reads any path or URL (exfiltration via query strings)',
    },
    { target: 'pandas.read_excel', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_feather', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_fwf', category: 'network', reason: 'reads any path or URL' },
    {
        target: 'pandas.read_hdf',
        category: 'filesystem',
        reason: 'reads any HDF5 file (object columns are pickled)',
    },
    { target: 'pandas.read_html', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_json', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_orc', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_parquet', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_sas', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_spss', category: 'filesystem', reason: 'reads any path' },
    {
        target: 'pandas.read_sql',
        category: 'network',
        reason: 'runs SQL on a caller-supplied connection string',
    },
    {
        target: 'pandas.read_sql_query',
        category: 'network',
        reason: 'runs SQL on a caller-supplied connection string',
    },
    {
        target: 'pandas.read_sql_table',
        category: 'network',
        reason: 'reads a table through a caller-supplied connection string',
    },
    { target: 'pandas.read_stata', category: 'network', reason: 'reads any path or URL' },
    { target: 'pandas.read_table', category: 'network', reason: 'reads any path or URL' },
    {
        target: 'pandas.read_xml',
        category: 'network',
        reason: 'reads any path or URL; lxml parser with XSLT',
    },
    {
        target: 'pandas.read_gbq',
        category: 'network',
        reason: 'queries Google BigQuery (older pandas)',
    },
    { target: 'pandas.read_iceberg', category: 'network', reason: 'reads an Iceberg catalog' },
    // ---------------------------------------------------------------------------------------------
    // scikit-learn and joblib
    // ---------------------------------------------------------------------------------------------
    {
        target: 'sklearn.datasets',
        category: 'network',
        reason: 'fetch_* and fetch_file download URLs and unpickle caches; load_svmlight_file(s)/load_files read paths; clear_data_home deletes a tree',
    },
    {
        target: 'sklearn.utils._testing',
        category: 'code-execution',
        reason: 'assert_run_python_script_without_output runs Python source in a subprocess; check_output re-export',
    },
    {
        target: 'sklearn.utils.estimator_checks',
        category: 'code-execution',
        reason: 'runs estimator checks that fit, pickle and unpickle objects',
    },
    {
        target: 'sklearn.utils.discovery',
        category: 'import',
        reason: 'walks and imports every sklearn module; import_module re-export',
    },
    {
        target: 'sklearn.utils._set_output.check_library_installed',
        category: 'import',
        reason: 'imports a caller-named module',
    },
    {
        target: 'sklearn.feature_selection._base._get_feature_importances',
        category: 'attribute-access',
        reason: 'a string getter becomes attrgetter(getter)(estimator): any attribute chain of any object',
    },
    {
        target: 'sklearn.feature_selection._base.attrgetter',
        category: 'attribute-access',
        reason: 're-export of operator.attrgetter',
    },
    {
        target: 'sklearn.externals.array_api_compat._internal.clone_module',
        category: 'import',
        reason: 'imports a caller-named module and copies its names into a caller-supplied dict',
    },
    {
        target: 'array_api_compat._internal.clone_module',
        category: 'import',
        reason: 'imports a caller-named module and copies its names into a caller-supplied dict',
    },
    {
        target: 'joblib.numpy_pickle.load',
        category: 'deserializer',
        reason: 'unpickles a file by path',
    },
    {
        target: 'joblib.numpy_pickle_compat.load_compatibility',
        category: 'deserializer',
        reason: 'unpickles an old-format joblib file by path',
    },
    { target: 'joblib.dump', category: 'filesystem', reason: 'pickles an object into any path' },
    {
        target: 'joblib.numpy_pickle.dump',
        category: 'filesystem',
        reason: 'pickles an object into any path',
    },
    {
        target: 'joblib._memmapping_reducer.loads',
        category: 'deserializer',
        reason: 're-export of pickle.loads',
    },
    {
        target: 'joblib.externals.loky',
        category: 'process',
        reason: 'spawns worker processes (fork_exec, popen_loky_posix), runs scripts with runpy (spawn._fixup_main_from_path), kills process trees',
    },
    {
        target: 'joblib.externals.cloudpickle',
        category: 'code-reconstruction',
        reason: 'vendored cloudpickle of older joblib releases: rebuilds functions and classes from code objects',
    },
    {
        target: 'joblib.testing',
        category: 'process',
        reason: 'check_subprocess_call runs any command',
    },
    // ---------------------------------------------------------------------------------------------
    // torch: loaders, hubs, compilers, code generators, launchers and resolvers
    // ---------------------------------------------------------------------------------------------
    {
        target: 'torch.serialization.load',
        category: 'deserializer',
        reason: 'torch.load: reads a checkpoint by path; weights_only=False unpickles it',
    },
    {
        target: 'torch.serialization._load',
        category: 'deserializer',
        reason: 'internal loader of zip checkpoints (unpickles)',
    },
    {
        target: 'torch.serialization._legacy_load',
        category: 'deserializer',
        reason: 'internal loader of legacy and tar checkpoints (unpickles)',
    },
    {
        target: 'torch.serialization.add_safe_globals',
        category: 'environment',
        reason: 'widens the weights_only allowlist for every later torch.load in the process',
    },
    {
        target: 'torch.serialization.safe_globals',
        category: 'environment',
        reason: 'context manager that widens the weights_only allowlist',
    },
    {
        target: 'torch.serialization.register_package',
        category: 'environment',
        reason: 'registers a deserializer that torch.load calls for every storage location tag',
    },
    {
        target: 'torch.serialization._package_registry',
        category: 'environment',
        reason: 'mutable list: APPEND adds a deserializer callable that later loads invoke',
    },
    {
        target: 'torch.nn.modules.module._global_forward_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_forward_pre_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_forward_hooks_with_kwargs',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_forward_hooks_always_called',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_backward_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_backward_pre_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_module_registration_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_parameter_registration_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module._global_buffer_registration_hooks',
        category: 'environment',
        reason: 'process-wide hook dict: SETITEM on it makes every nn.Module of the application call the stored callable, without any call at load time',
    },
    {
        target: 'torch.nn.modules.module.register_module_forward_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_forward_pre_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_full_backward_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_full_backward_pre_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_backward_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_module_registration_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_parameter_registration_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.nn.modules.module.register_module_buffer_registration_hook',
        category: 'environment',
        reason: 'installs a process-wide hook that every nn.Module of the application calls',
    },
    {
        target: 'torch.library',
        category: 'environment',
        reason: 'impl/Library/register_kernel replace the implementation of any operator (aten::add included) with a Python callable for the whole process',
    },
    {
        target: 'torch._weights_only_unpickler._add_safe_globals',
        category: 'environment',
        reason: 'widens the weights_only allowlist',
    },
    {
        target: 'torch._weights_only_unpickler._marked_safe_globals_set',
        category: 'environment',
        reason: 'mutable allowlist of the weights_only unpickler',
    },
    {
        target: 'torch.serialization.save',
        category: 'filesystem',
        reason: 'torch.save: writes a checkpoint to any path',
    },
    { target: 'torch.save', category: 'filesystem', reason: 'writes a checkpoint to any path' },
    {
        target: 'torch.hub',
        category: 'network',
        reason: 'load/load_state_dict_from_url/download_url_to_file download code and weights; hub.load imports hubconf.py from any GitHub repo',
    },
    {
        target: 'torch.jit.load',
        category: 'deserializer',
        reason: 'loads a TorchScript archive from any path',
    },
    {
        target: 'torch.jit._serialization',
        category: 'deserializer',
        reason: 'TorchScript archive loading and saving',
    },
    {
        target: 'torch.jit.annotations',
        category: 'code-execution',
        reason: 'evaluates type-comment strings (parse_type_line, CVE-2022-45907)',
    },
    {
        target: 'torch.jit.unsupported_tensor_ops.execWrapper',
        category: 'code-execution',
        reason: 'exec() wrapper',
    },
    {
        target: 'torch.package',
        category: 'code-execution',
        reason: 'PackageImporter executes Python source stored in a package archive and imports modules by name',
    },
    {
        target: 'torch.utils.cpp_extension',
        category: 'native-code',
        reason: 'load/load_inline compile C++/CUDA source with the system compiler and import the result',
    },
    {
        target: 'torch._inductor',
        category: 'code-execution',
        reason: 'codecache.compile_file runs compilers on caller-chosen command lines, PyCodeCache loads generated source, compile workers spawn processes',
    },
    {
        target: 'torch._dynamo',
        category: 'code-execution',
        reason: 'bytecode rewriting and guard evaluation (guards.GuardBuilder.get eval()s source strings), repro scripts, config load_config unpickles',
    },
    {
        target: 'torch.compile',
        category: 'code-execution',
        reason: 'compiles functions through Dynamo and Inductor, generating and running code',
    },
    {
        target: 'torch.compiler',
        category: 'code-execution',
        reason: 'compile, load_cache_artifacts (unpickles caches) and config',
    },
    {
        target: 'torch._functorch.compilers',
        category: 'deserializer',
        reason: 'get_inputs unpickles a caller-named file; debug compilers write and run repro scripts',
    },
    {
        target: 'torch._functorch._aot_autograd',
        category: 'code-execution',
        reason: 'subclass_codegen exec()s generated source; AOTAutogradCache unpickles cache entries',
    },
    {
        target: 'torch._functorch.config',
        category: 'environment',
        reason: 'config module; load_config unpickles its argument',
    },
    {
        target: 'torch._export.config',
        category: 'environment',
        reason: 'config module; load_config unpickles its argument',
    },
    {
        target: 'torch.fx.experimental._config',
        category: 'environment',
        reason: 'config module; load_config unpickles its argument',
    },
    {
        target: 'torch.distributed.config',
        category: 'environment',
        reason: 'config module; load_config unpickles its argument',
    },
    {
        target: 'torch.utils.serialization.config',
        category: 'environment',
        reason: 'config module steering torch.save/torch.load; load_config unpickles its argument',
    },
    {
        target: 'torch.utils._config_module',
        category: 'deserializer',
        reason: 'ConfigModule.load_config unpickles its argument (a pickle inside the pickle)',
    },
    {
        target: 'torch.fx.graph_module._forward_from_src',
        category: 'code-execution',
        reason: 'exec()s forward() source text',
    },
    {
        target: 'torch.fx.graph_module._method_from_src',
        category: 'code-execution',
        reason: 'exec()s method source text',
    },
    {
        target: 'torch.fx.graph_module._exec_with_source',
        category: 'code-execution',
        reason: 'exec()s source text',
    },
    {
        target: 'torch.fx.graph_module.reduce_graph_module',
        category: 'code-execution',
        reason: 'rebuilds a pickled GraphModule by exec()ing the forward source stored in the pickle (legitimate FX pickles use it too)',
    },
    {
        target: 'torch.fx.graph_module.reduce_package_graph_module',
        category: 'code-execution',
        reason: 'rebuilds a GraphModule from torch.package source with exec()',
    },
    {
        target: 'torch.fx.graph_module.reduce_deploy_graph_module',
        category: 'code-execution',
        reason: 'rebuilds a GraphModule with exec() (older torch)',
    },
    {
        target: 'torch.fx.graph_module._deserialize_graph_module',
        category: 'code-execution',
        reason: 'rebuilds a GraphModule by exec()ing stored source',
    },
    {
        target: 'torch.fx._graph_pickler',
        category: 'import',
        reason: 'GraphPickler helpers import modules and resolve attributes by name (_TorchNumpyPickleData.unpickle)',
    },
    {
        target: 'torch.fx.experimental.symbolic_shapes.ShapeEnv',
        category: 'code-execution',
        reason: 'evaluate_guards_expression/evaluate_symexpr/deserialize_symexpr eval() expression strings',
    },
    {
        target: 'torch.fx.experimental.proxy_tensor.fake_signature',
        category: 'code-execution',
        reason: 'builds a function with eval()',
    },
    {
        target: 'torch.export._unlift._convert_guards_code_to_fn',
        category: 'code-execution',
        reason: 'exec()s guard source code',
    },
    {
        target: 'torch.export.pt2_archive',
        category: 'deserializer',
        reason: 'load_pt2 and _load_constants unpickle archive members',
    },
    {
        target: 'torch.export.load',
        category: 'deserializer',
        reason: 'loads an exported program archive by path (constants are unpickled)',
    },
    {
        target: 'torch._export.serde.serialize.deserialize_torch_artifact',
        category: 'deserializer',
        reason: 'torch.load of embedded bytes',
    },
    {
        target: 'torch._guards.Source.get_value',
        category: 'code-execution',
        reason: 'eval()s the source name',
    },
    {
        target: 'torch._guards.ChainedSource.get_value',
        category: 'code-execution',
        reason: 'eval()s the source name',
    },
    {
        target: 'torch._utils._import_dotted_name',
        category: 'import',
        reason: 'universal resolver: __import__ of the first component, then getattr for each further one ("os.system")',
    },
    {
        target: 'torch._import_dotted_name',
        category: 'import',
        reason: 'torch re-exports torch._utils._import_dotted_name: "os.system" becomes os.system',
    },
    {
        target: 'torch.serialization._import_dotted_name',
        category: 'import',
        reason: 'torch.serialization re-exports the universal resolver torch._utils._import_dotted_name, inside a module that checkpoints legitimately reference',
    },
    {
        target: 'torch._utils._augment_memory_snapshot_stack_traces',
        category: 'deserializer',
        reason: 'unpickles a memory snapshot read from a caller-named path',
    },
    {
        target: 'torch.utils._pytree._defaultdict_deserialize',
        category: 'import',
        reason: 'imports a module and reads an attribute named in its context dict, then installs it as a defaultdict factory',
    },
    {
        target: 'torch.utils._pytree.enum_object_hook',
        category: 'import',
        reason: 'imports "module:qualname" from a dict, walks attributes and indexes the result',
    },
    {
        target: 'torch.nn.utils._deprecation_utils.lazy_deprecated_import',
        category: 'import',
        reason: 'builds a module __getattr__ that imports caller-named modules',
    },
    {
        target: 'torch._ops._Ops.load_library',
        category: 'native-code',
        reason: 'torch.ops.load_library: dlopen of any path',
    },
    {
        target: 'torch._ops._Ops.import_module',
        category: 'import',
        reason: 'torch.ops.import_module: importlib.import_module of any name',
    },
    { target: 'torch.ops.load_library', category: 'native-code', reason: 'dlopen of any path' },
    {
        target: 'torch.ops.import_module',
        category: 'import',
        reason: 'importlib.import_module of any name',
    },
    {
        target: 'torch._classes._Classes.load_library',
        category: 'native-code',
        reason: 'torch.classes.load_library: dlopen of any path',
    },
    { target: 'torch.classes.load_library', category: 'native-code', reason: 'dlopen of any path' },
    {
        target: 'torch.cuda.memory.CUDAPluggableAllocator',
        category: 'native-code',
        reason: 'loads a shared library from any path to use as allocator',
    },
    {
        target: 'torch.cuda.CUDAPluggableAllocator',
        category: 'native-code',
        reason: 'loads a shared library from any path to use as allocator',
    },
    {
        target: 'torch.xpu.memory.XPUPluggableAllocator',
        category: 'native-code',
        reason: 'loads a shared library from any path to use as allocator',
    },
    {
        target: 'torch.xpu.XPUPluggableAllocator',
        category: 'native-code',
        reason: 'loads a shared library from any path to use as allocator',
    },
    {
        target: 'torch.cuda._memory_viz',
        category: 'process',
        reason: 'format_flamegraph downloads flamegraph.pl and runs it',
    },
    {
        target: 'torch.from_file',
        category: 'filesystem',
        reason: 'maps any file; shared=True creates or writes it',
    },
    {
        target: 'torch.UntypedStorage.from_file',
        category: 'filesystem',
        reason: 'maps any file; shared=True creates or writes it',
    },
    {
        target: 'torch.storage.UntypedStorage.from_file',
        category: 'filesystem',
        reason: 'maps any file; shared=True creates or writes it',
    },
    {
        target: 'torch.TypedStorage.from_file',
        category: 'filesystem',
        reason: 'maps any file; shared=True creates or writes it',
    },
    {
        target: 'torch.storage.TypedStorage.from_file',
        category: 'filesystem',
        reason: 'maps any file; shared=True creates or writes it',
    },
    {
        target: 'torch.multiprocessing',
        category: 'process',
        reason: 'spawn/start_processes run callables in new processes; reductions reopen shared memory by file name or descriptor',
    },
    {
        target: 'torch.backends.xeon.run_cpu',
        category: 'process',
        reason: 'launcher that runs caller-chosen programs through subprocess',
    },
    {
        target: 'torch.utils.collect_env',
        category: 'process',
        reason: 'run(command) executes a shell command and returns its output',
    },
    {
        target: 'torch.utils.bottleneck',
        category: 'code-execution',
        reason: 'run_cprofile/run_autograd_prof execute a script source (module removed in recent torch)',
    },
    {
        target: 'torch.utils.benchmark',
        category: 'code-execution',
        reason: 'Timer compiles and executes stmt/setup strings; valgrind wrapper runs processes',
    },
    {
        target: 'torch.utils.model_dump',
        category: 'deserializer',
        reason: 'get_model_info unpickles archive members',
    },
    {
        target: 'torch.utils._content_store',
        category: 'deserializer',
        reason: 'ContentStoreReader torch.loads storages and metadata from a caller-named directory',
    },
    {
        target: 'torch.utils.data.datapipes.utils.decoder',
        category: 'deserializer',
        reason: 'basichandlers unpickles ".pkl" entries and torch.loads ".pt" entries',
    },
    {
        target: 'torch.utils.data.datapipes.iter.routeddecoder',
        category: 'deserializer',
        reason: 'RoutedDecoder applies the decoder handlers (pickle, torch.load)',
    },
    {
        target: 'torch.utils.data.datapipes.iter.RoutedDecoder',
        category: 'deserializer',
        reason: 're-export of RoutedDecoder',
    },
    {
        target: 'torch.utils.data.datapipes.iter.fileopener',
        category: 'filesystem',
        reason: 'FileOpener opens any path',
    },
    {
        target: 'torch.utils.data.datapipes.iter.filelister',
        category: 'filesystem',
        reason: 'FileLister lists any directory',
    },
    {
        target: 'torch.utils.data.datapipes.iter.FileOpener',
        category: 'filesystem',
        reason: 're-export of FileOpener: opens any path',
    },
    {
        target: 'torch.utils.data.datapipes.iter.FileLister',
        category: 'filesystem',
        reason: 're-export of FileLister: lists any directory',
    },
    {
        target: 'torch.utils.data.datapipes.utils.common',
        category: 'filesystem',
        reason: 'get_file_pathnames_from_root/get_file_binaries_from_pathnames list and open paths',
    },
    {
        target: 'torch.utils.data.datapipes.datapipe._DataPipeSerializationWrapper',
        category: 'deserializer',
        reason: '__setstate__ runs dill.loads or pickle.loads on its state (a pickle inside the pickle, triggered by BUILD)',
    },
    {
        target: 'torch.utils.data.datapipes.datapipe._IterDataPipeSerializationWrapper',
        category: 'deserializer',
        reason: '__setstate__ runs dill.loads or pickle.loads on its state',
    },
    {
        target: 'torch.utils.data.datapipes.datapipe._MapDataPipeSerializationWrapper',
        category: 'deserializer',
        reason: '__setstate__ runs dill.loads or pickle.loads on its state',
    },
    {
        target: 'torch.utils.tensorboard',
        category: 'filesystem',
        reason: 'SummaryWriter creates directories and event files at any path',
    },
    {
        target: 'torch.testing._internal',
        category: 'code-execution',
        reason: 'test harness: runs subprocesses, builds extensions, fake config modules with load_config',
    },
    {
        target: 'torch.distributed.rpc',
        category: 'network',
        reason: 'RPC runs functions on remote workers and unpickles their replies (CVE-2024-5480, CVE-2024-48063)',
    },
    {
        target: 'torch.distributed.run',
        category: 'process',
        reason: 'torchrun: launches processes and runs scripts (run_script_path uses runpy)',
    },
    { target: 'torch.distributed.launch', category: 'process', reason: 'launches worker processes' },
    {
        target: 'torch.distributed.launcher',
        category: 'process',
        reason: 'elastic_launch starts agents and worker processes',
    },
    {
        target: 'torch.distributed.elastic',
        category: 'process',
        reason: 'agents and subprocess handlers start processes; rendezvous unpickles peer state; etcd server launcher',
    },
    {
        target: 'torch.distributed.nn.jit',
        category: 'code-execution',
        reason: 'instantiator generates module source from templates and exec()s it',
    },
    {
        target: 'torch.distributed.flight_recorder',
        category: 'deserializer',
        reason: 'analysis tools unpickle dump files and eval() fields',
    },
    {
        target: 'torch.distributed.rendezvous',
        category: 'network',
        reason: 'rendezvous handlers connect to or host TCP stores named in a URL',
    },
    {
        target: 'torch.distributed.init_process_group',
        category: 'network',
        reason: 'connects to or hosts a rendezvous at a caller-chosen address',
    },
    {
        target: 'torch.distributed.distributed_c10d.init_process_group',
        category: 'network',
        reason: 'connects to or hosts a rendezvous at a caller-chosen address',
    },
    {
        target: 'torch.distributed.TCPStore',
        category: 'network',
        reason: 'connects to or listens on a caller-chosen host and port',
    },
    {
        target: 'torch.distributed.distributed_c10d._tensor_to_object',
        category: 'deserializer',
        reason: 'unpickles the bytes of a tensor',
    },
    {
        target: 'torch.distributed.distributed_c10d._unpickler',
        category: 'deserializer',
        reason: 're-export of pickle.Unpickler',
    },
    {
        target: 'torch.distributed._tensor.import_module',
        category: 'import',
        reason: 're-export of importlib.import_module',
    },
    {
        target: 'torch.distributed.optim.zero_redundancy_optimizer._broadcast_object',
        category: 'deserializer',
        reason: 'torch.load of bytes received from another rank',
    },
    {
        target: 'torch.autograd.profiler_util.attrgetter',
        category: 'attribute-access',
        reason: 're-export of operator.attrgetter',
    },
    {
        target: 'torch.fx._symbolic_trace.CodeType',
        category: 'code-reconstruction',
        reason: 're-export of types.CodeType',
    },
    {
        target: 'torch.fx._symbolic_trace.FunctionType',
        category: 'code-reconstruction',
        reason: 're-export of types.FunctionType',
    },
    {
        target: 'torch.fx.experimental.rewriter.FunctionType',
        category: 'code-reconstruction',
        reason: 're-export of types.FunctionType',
    },
    {
        target: 'torch.jit._monkeytype_config.CodeType',
        category: 'code-reconstruction',
        reason: 're-export of types.CodeType',
    },
    // ---------------------------------------------------------------------------------------------
    // Hugging Face: remote code, downloads and uploads
    // ---------------------------------------------------------------------------------------------
    {
        target: 'transformers.dynamic_module_utils',
        category: 'code-execution',
        reason: 'get_class_from_dynamic_module downloads Python files from a repo and imports them (trust_remote_code)',
    },
    {
        target: 'transformers.pipeline',
        category: 'network',
        reason: 'downloads a model (and with trust_remote_code its code) and builds a pipeline',
    },
    {
        target: 'transformers.pipelines',
        category: 'network',
        reason: 'pipeline()/load_model download models and code; audio helpers run ffmpeg',
    },
    {
        target: 'transformers.testing_utils',
        category: 'process',
        reason: 'run_command and friends run subprocesses',
    },
    {
        target: 'transformers.integrations.hub_kernels',
        category: 'native-code',
        reason: 'downloads compiled kernels from the Hub and loads them',
    },
    {
        target: 'transformers.utils.hub',
        category: 'network',
        reason: 'cached_file and friends download files from the Hub or any endpoint',
    },
    {
        target: 'transformers.utils.import_utils._LazyModule',
        category: 'import',
        reason: 'a lazy module built with a caller-chosen name imports "<name>.<attribute>" on access',
    },
    {
        target: 'transformers.models.auto.auto_factory.getattribute_from_module',
        category: 'attribute-access',
        reason: 'getattr on a module by caller-chosen name, importing transformers as a fallback',
    },
    {
        target: 'transformers.exporters',
        category: 'import',
        reason: 'exporter helpers resolve dotted paths by import and getattr (_resolve_dotted_path, _path_to_class) and write files',
    },
    {
        target: 'transformers.models.rag.retrieval_rag.LegacyIndex',
        category: 'deserializer',
        reason: 'unpickles index and passage files from a caller-chosen path',
    },
    {
        target: 'transformers.tokenization_utils_tokenizers.copyfile',
        category: 'filesystem',
        reason: 're-export of shutil.copyfile',
    },
    {
        target: 'transformers.tokenization_utils_sentencepiece.copyfile',
        category: 'filesystem',
        reason: 're-export of shutil.copyfile',
    },
    {
        target: 'huggingface_hub',
        category: 'network',
        reason: 'hf_hub_download/snapshot_download fetch files, HfApi.upload_file/upload_folder exfiltrate them, mixins torch.load pickles, utils._subprocess runs commands',
    },
    {
        target: 'datasets.load_dataset',
        category: 'code-execution',
        reason: 'downloads datasets; older releases run dataset loading scripts',
    },
    {
        target: 'datasets.load_dataset_builder',
        category: 'code-execution',
        reason: 'downloads and imports dataset builder scripts',
    },
    {
        target: 'datasets.load_from_disk',
        category: 'filesystem',
        reason: 'loads a dataset from any local or remote path',
    },
    {
        target: 'datasets.load_metric',
        category: 'code-execution',
        reason: 'older releases download and import metric scripts',
    },
    {
        target: 'datasets.load',
        category: 'code-execution',
        reason: 'dataset module factories download and import Python loading scripts',
    },
    {
        target: 'datasets.utils.file_utils',
        category: 'network',
        reason: 'cached_path downloads URLs and extracts archives',
    },
    {
        target: 'datasets.download',
        category: 'network',
        reason: 'DownloadManager downloads and extracts archives',
    },
    {
        target: 'evaluate.load',
        category: 'code-execution',
        reason: 'downloads and imports metric scripts',
    },
    {
        target: 'evaluate.loading',
        category: 'code-execution',
        reason: 'downloads and imports metric scripts',
    },
    {
        target: 'diffusers.utils.dynamic_modules_utils',
        category: 'code-execution',
        reason: 'downloads custom pipeline code and imports it',
    },
    // ---------------------------------------------------------------------------------------------
    // Keras, tf_keras and TensorFlow
    // ---------------------------------------------------------------------------------------------
    {
        target: 'keras.models.load_model',
        category: 'deserializer',
        reason: 'loads a .keras/.h5 model from any path; Lambda layers carry marshalled bytecode',
    },
    {
        target: 'keras.saving.load_model',
        category: 'deserializer',
        reason: 'loads a model from any path',
    },
    {
        target: 'keras.src.saving.saving_api',
        category: 'deserializer',
        reason: 'load_model/load_weights read files by path',
    },
    {
        target: 'keras.src.saving.saving_lib',
        category: 'deserializer',
        reason: 'loads .keras archives (_load_model_from_fileobj with safe_mode=False from pickles)',
    },
    {
        target: 'keras.src.saving.keras_saveable.KerasSaveable._unpickle_model',
        category: 'deserializer',
        reason: 'how pickled Keras models load: the embedded archive is loaded with safe_mode=False, so Lambda bytecode runs',
    },
    {
        target: 'keras.src.saving.serialization_lib.deserialize_keras_object',
        category: 'import',
        reason: 'resolves "module"/"class_name" of a config to any importable callable (CVE-2025-1550)',
    },
    {
        target: 'keras.src.saving.serialization_lib._retrieve_class_or_fn',
        category: 'import',
        reason: 'imports a module named in a config and returns an attribute of it',
    },
    {
        target: 'keras.src.saving.serialization_lib.enable_unsafe_deserialization',
        category: 'environment',
        reason: 'turns safe_mode off for every later load (CVE-2025-9906)',
    },
    {
        target: 'keras.config.enable_unsafe_deserialization',
        category: 'environment',
        reason: 'turns safe_mode off for every later load (CVE-2025-9906)',
    },
    {
        target: 'keras.saving.deserialize_keras_object',
        category: 'import',
        reason: 'resolves module/class names from a config',
    },
    {
        target: 'keras.utils.deserialize_keras_object',
        category: 'import',
        reason: 'resolves module/class names from a config',
    },
    {
        target: 'keras.src.legacy.saving',
        category: 'deserializer',
        reason: 'legacy H5/SavedModel loading without safe_mode',
    },
    {
        target: 'keras.src.utils.python_utils.func_load',
        category: 'code-reconstruction',
        reason: 'marshal.loads + FunctionType: rebuilds a Lambda function from bytecode',
    },
    {
        target: 'keras.utils.generic_utils.func_load',
        category: 'code-reconstruction',
        reason: 'Keras 2: rebuilds a function from marshalled bytecode',
    },
    {
        target: 'keras.src.layers.core.lambda_layer.Lambda.from_config',
        category: 'code-reconstruction',
        reason: 'rebuilds the Lambda function from marshalled bytecode when safe_mode is off',
    },
    {
        target: 'keras.layers.Lambda.from_config',
        category: 'code-reconstruction',
        reason: 'rebuilds the Lambda function from marshalled bytecode when safe_mode is off',
    },
    {
        target: 'keras.src.utils.file_utils',
        category: 'network',
        reason: 'get_file downloads any URL and extracts archives to any cache dir (CVE-2025-8747)',
    },
    {
        target: 'keras.utils.get_file',
        category: 'network',
        reason: 'downloads any URL and extracts archives (CVE-2025-8747)',
    },
    {
        target: 'keras.src.utils.module_utils.LazyModule',
        category: 'import',
        reason: 'imports the module name it was built with on first use',
    },
    {
        target: 'keras.src.utils.torch_utils.TorchModuleWrapper',
        category: 'deserializer',
        reason: 'from_config torch.loads a serialized module (CVE-2025-49655)',
    },
    {
        target: 'keras.layers.TorchModuleWrapper',
        category: 'deserializer',
        reason: 'from_config torch.loads a serialized module (CVE-2025-49655)',
    },
    {
        target: 'keras.src.export.tfsm_layer.TFSMLayer',
        category: 'deserializer',
        reason: 'loads an external SavedModel from any path (CVE-2026-1462)',
    },
    {
        target: 'keras.layers.TFSMLayer',
        category: 'deserializer',
        reason: 'loads an external SavedModel from any path (CVE-2026-1462)',
    },
    { target: 'keras.datasets', category: 'network', reason: 'load_data downloads archives' },
    { target: 'keras.src.datasets', category: 'network', reason: 'load_data downloads archives' },
    {
        target: 'tf_keras.models.load_model',
        category: 'deserializer',
        reason: 'loads a Keras 2 model from any path',
    },
    { target: 'tf_keras.src.saving', category: 'deserializer', reason: 'Keras 2 loaders' },
    {
        target: 'tf_keras.utils.get_file',
        category: 'network',
        reason: 'downloads any URL and extracts archives',
    },
    {
        target: 'tf_keras.src.utils.generic_utils.func_load',
        category: 'code-reconstruction',
        reason: 'rebuilds a function from marshalled bytecode',
    },
    {
        target: 'tensorflow.io',
        category: 'filesystem',
        reason: 'read_file/write_file/gfile/matching_files read, write and list local and remote (gs://, s3://) paths',
    },
    {
        target: 'tensorflow.compat.v1.io',
        category: 'filesystem',
        reason: 'read_file/write_file/gfile',
    },
    {
        target: 'tensorflow.compat.v2.io',
        category: 'filesystem',
        reason: 'read_file/write_file/gfile',
    },
    {
        target: 'tensorflow.compat.v1.gfile',
        category: 'filesystem',
        reason: 'file access on local and remote paths',
    },
    {
        target: 'tensorflow.python.lib.io',
        category: 'filesystem',
        reason: 'file_io: file access on local and remote paths',
    },
    {
        target: 'tensorflow.python.platform.gfile',
        category: 'filesystem',
        reason: 'file access on local and remote paths',
    },
    {
        target: 'tensorflow.python.ops.io_ops',
        category: 'filesystem',
        reason: 'ReadFile/WriteFile/MatchingFiles/Save/Restore ops',
    },
    {
        target: 'tensorflow.python.ops.gen_io_ops',
        category: 'filesystem',
        reason: 'generated ReadFile/WriteFile/MatchingFiles/Save/Restore ops',
    },
    {
        target: 'tensorflow.raw_ops',
        category: 'filesystem',
        reason: 'every TF op by name, including ReadFile, WriteFile, MatchingFiles and PyFunc',
    },
    {
        target: 'tensorflow.py_function',
        category: 'code-execution',
        reason: 'wraps a Python callable as a graph op',
    },
    {
        target: 'tensorflow.numpy_function',
        category: 'code-execution',
        reason: 'wraps a Python callable as a graph op',
    },
    {
        target: 'tensorflow.compat.v1.py_func',
        category: 'code-execution',
        reason: 'wraps a Python callable as a graph op',
    },
    {
        target: 'tensorflow.python.ops.script_ops',
        category: 'code-execution',
        reason: 'py_func/eager_py_func machinery',
    },
    {
        target: 'tensorflow.load_op_library',
        category: 'native-code',
        reason: 'loads a shared library of custom ops from any path',
    },
    {
        target: 'tensorflow.load_library',
        category: 'native-code',
        reason: 'loads a shared library from any path',
    },
    {
        target: 'tensorflow.experimental.register_filesystem_plugin',
        category: 'native-code',
        reason: 'loads a filesystem plugin shared library',
    },
    {
        target: 'tensorflow.saved_model',
        category: 'deserializer',
        reason: 'load/save SavedModels whose graphs can read and write files',
    },
    {
        target: 'tensorflow.keras.models.load_model',
        category: 'deserializer',
        reason: 'loads a Keras model from any path',
    },
    {
        target: 'tensorflow.keras.utils.get_file',
        category: 'network',
        reason: 'downloads any URL and extracts archives',
    },
    // ---------------------------------------------------------------------------------------------
    // Other ML tooling: experiment trackers, model zoos, loaders
    // ---------------------------------------------------------------------------------------------
    {
        target: 'mlflow.projects',
        category: 'process',
        reason: 'runs project entry points as shell commands (backend.local._run_entry_point)',
    },
    {
        target: 'mlflow.run',
        category: 'process',
        reason: 'runs an MLflow project (shell commands, conda/docker environments)',
    },
    { target: 'mlflow.utils.process', category: 'process', reason: '_exec_cmd runs commands' },
    {
        target: 'mlflow.pyfunc.load_model',
        category: 'deserializer',
        reason: 'loads a model directory or URI; python_model.pkl is cloudpickled',
    },
    {
        target: 'mlflow.pyfunc.load_pyfunc',
        category: 'deserializer',
        reason: 'older name of mlflow.pyfunc.load_model',
    },
    {
        target: 'mlflow.sklearn.load_model',
        category: 'deserializer',
        reason: 'unpickles a model from a URI',
    },
    {
        target: 'mlflow.pytorch.load_model',
        category: 'deserializer',
        reason: 'torch.loads a model from a URI',
    },
    {
        target: 'mlflow.tensorflow.load_model',
        category: 'deserializer',
        reason: 'loads a SavedModel from a URI',
    },
    {
        target: 'mlflow.keras.load_model',
        category: 'deserializer',
        reason: 'loads a Keras model from a URI',
    },
    {
        target: 'mlflow.transformers.load_model',
        category: 'deserializer',
        reason: 'loads a transformers model from a URI',
    },
    {
        target: 'mlflow.artifacts',
        category: 'network',
        reason: 'download_artifacts fetches any artifact URI',
    },
    { target: 'mlflow.server', category: 'network', reason: 'starts a tracking server' },
    {
        target: 'onnx.hub',
        category: 'network',
        reason: 'downloads models from a model zoo (older onnx releases; gone from 1.23)',
    },
    {
        target: 'onnx.load',
        category: 'filesystem',
        reason: 'reads a model and its external-data files, whose paths can escape the model directory (CVE-2024-27318)',
    },
    {
        target: 'onnx.load_model',
        category: 'filesystem',
        reason: 'reads a model and its external-data files',
    },
    {
        target: 'onnx.external_data_helper',
        category: 'filesystem',
        reason: 'loads and writes external tensor files at paths taken from the model',
    },
    { target: 'onnx.save', category: 'filesystem', reason: 'writes a model to any path' },
    { target: 'onnx.save_model', category: 'filesystem', reason: 'writes a model to any path' },
    {
        target: 'onnxruntime.InferenceSession',
        category: 'deserializer',
        reason: 'loads and runs a model from any path, with its external data and custom-op libraries',
    },
    {
        target: 'onnxruntime.SessionOptions.register_custom_ops_library',
        category: 'native-code',
        reason: 'loads a shared library from any path',
    },
    {
        target: 'numba.core.serialize._numba_unpickle',
        category: 'deserializer',
        reason: 'pickle.loads or cloudpickle.loads (by numba version) of embedded bytes; pickled numba dispatchers, e.g. in UMAP models, rebuild functions this way',
    },
    {
        target: 'numba.cloudpickle',
        category: 'code-reconstruction',
        reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
    },
    {
        target: 'jax.experimental.serialize_executable',
        category: 'deserializer',
        reason: 'deserialize_and_load unpickles a compiled executable',
    },
    {
        target: 'pytorch_lightning.utilities.cloud_io',
        category: 'deserializer',
        reason: '_load torch.loads any path or URL through fsspec',
    },
    {
        target: 'lightning.pytorch.utilities.cloud_io',
        category: 'deserializer',
        reason: '_load torch.loads any path or URL through fsspec',
    },
    {
        target: 'lightning_fabric.utilities.cloud_io',
        category: 'deserializer',
        reason: '_load torch.loads any path or URL through fsspec',
    },
    {
        target: 'fastai.learner.load_learner',
        category: 'deserializer',
        reason: 'torch.loads a pickled learner from any path',
    },
    {
        target: 'fastcore.xtras.run',
        category: 'process',
        reason: 'runs a shell command and returns its output',
    },
    { target: 'gensim.utils.unpickle', category: 'deserializer', reason: 'unpickles any path' },
    { target: 'gensim.utils.SaveLoad.load', category: 'deserializer', reason: 'unpickles any path' },
    {
        target: 'spacy.util.import_file',
        category: 'code-execution',
        reason: 'executes a Python file from any path as a module',
    },
    {
        target: 'spacy.cli',
        category: 'installer',
        reason: 'download() pip-installs model packages; other commands run scripts',
    },
    { target: 'nltk.download', category: 'network', reason: 'downloads and unzips data packages' },
    { target: 'nltk.downloader', category: 'network', reason: 'downloads and unzips data packages' },
    {
        target: 'nltk.data.load',
        category: 'deserializer',
        reason: 'loads resources by URL or path, unpickling ".pickle" ones',
    },
    {
        target: 'nltk.internals',
        category: 'process',
        reason: 'java() and find_binary run external programs with caller-chosen arguments',
    },
    {
        target: 'hydra.utils',
        category: 'import',
        reason: 'instantiate/call import and call any "_target_"; get_method/get_class/get_object resolve any dotted name',
    },
    {
        target: 'hydra._internal.utils._locate',
        category: 'import',
        reason: 'resolves any dotted name by import and getattr',
    },
    {
        target: 'hydra._internal.instantiate',
        category: 'import',
        reason: 'instantiates any "_target_" callable',
    },
    {
        target: 'srsly.cloudpickle',
        category: 'code-reconstruction',
        reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
    },
    {
        target: 'srsly.pickle_loads',
        category: 'deserializer',
        reason: 'cloudpickle.loads of its argument',
    },
    {
        target: 'ray.cloudpickle',
        category: 'code-reconstruction',
        reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
    },
    {
        target: 'pyspark.cloudpickle',
        category: 'code-reconstruction',
        reason: 'vendored cloudpickle: rebuilds functions and classes from code objects',
    },
    // ---------------------------------------------------------------------------------------------
    // Function and class rebuilders of dill and cloudpickle (specific reasons; the namespaces above
    // already cover every other helper)
    // ---------------------------------------------------------------------------------------------
    {
        target: 'dill._dill._create_function',
        category: 'code-reconstruction',
        reason: 'FunctionType(code, globals, …): turns a code object into a function',
    },
    {
        target: 'dill._dill._create_code',
        category: 'code-reconstruction',
        reason: 'builds a code object from raw bytecode',
    },
    {
        target: 'dill._dill._load_type',
        category: 'code-reconstruction',
        reason: 'returns internal types by name (CodeType, FunctionType, CellType…)',
    },
    {
        target: 'dill._dill._create_type',
        category: 'code-reconstruction',
        reason: 'creates a class from a name, bases and a namespace of rebuilt functions',
    },
    {
        target: 'dill._dill._create_cell',
        category: 'code-reconstruction',
        reason: 'builds closure cells for rebuilt functions',
    },
    {
        target: 'dill._dill._import_module',
        category: 'import',
        reason: 'imports any module by name and returns it',
    },
    {
        target: 'dill._dill._getattr',
        category: 'code-execution',
        reason: 'eval()s text cut from its repr_str argument',
    },
    { target: 'dill._dill._eval_repr', category: 'code-execution', reason: 'eval()s its argument' },
    {
        target: 'dill._dill._get_attr',
        category: 'attribute-access',
        reason: 'getattr(obj, name) with a builtins fallback',
    },
    {
        target: 'dill._dill._getattribute',
        category: 'attribute-access',
        reason: 'walks a dotted attribute path on any object',
    },
    {
        target: 'dill._dill._create_filehandle',
        category: 'filesystem',
        reason: 'reopens a file by path and mode, creating or truncating it',
    },
    {
        target: 'dill._dill._create_capsule',
        category: 'native-code',
        reason: 'builds a PyCapsule around a raw pointer with ctypes',
    },
    {
        target: 'dill._dill._restore_modules',
        category: 'import',
        reason: 'imports modules named in a session pickle into __main__',
    },
    { target: 'dill.loads', category: 'deserializer', reason: 'unpickles with dill' },
    { target: 'dill.load', category: 'deserializer', reason: 'unpickles with dill' },
    {
        target: 'dill.load_session',
        category: 'deserializer',
        reason: 'replaces __main__ with an unpickled session',
    },
    {
        target: 'dill.load_module',
        category: 'deserializer',
        reason: 'replaces a module namespace with an unpickled one',
    },
    {
        target: 'dill.temp',
        category: 'code-execution',
        reason: 'load_source/loadIO_source exec() and eval() stored source',
    },
    {
        target: 'dill.source',
        category: 'code-execution',
        reason: '_wrap and importable helpers exec() generated source',
    },
    {
        target: 'cloudpickle.cloudpickle._make_function',
        category: 'code-reconstruction',
        reason: 'FunctionType(code, globals, …): turns a code object into a function',
    },
    {
        target: 'cloudpickle.cloudpickle._make_skeleton_class',
        category: 'code-reconstruction',
        reason: 'creates a class by calling a caller-chosen metaclass with a namespace',
    },
    {
        target: 'cloudpickle.cloudpickle._make_skeleton_enum',
        category: 'code-reconstruction',
        reason: 'creates an Enum class dynamically',
    },
    {
        target: 'cloudpickle.cloudpickle._builtin_type',
        category: 'code-reconstruction',
        reason: 'returns types such as CodeType and FunctionType by name',
    },
    {
        target: 'cloudpickle.cloudpickle._make_cell',
        category: 'code-reconstruction',
        reason: 'builds closure cells for rebuilt functions',
    },
    {
        target: 'cloudpickle.cloudpickle._function_setstate',
        category: 'code-reconstruction',
        reason: 'installs globals, defaults and closures on a rebuilt function',
    },
    {
        target: 'cloudpickle.cloudpickle._class_setstate',
        category: 'code-reconstruction',
        reason: 'installs methods on a rebuilt class',
    },
    {
        target: 'cloudpickle.cloudpickle.subimport',
        category: 'import',
        reason: 'imports any module by name and returns it',
    },
    {
        target: 'cloudpickle.cloudpickle.dynamic_subimport',
        category: 'import',
        reason: 'creates a module object with a caller-supplied namespace and real builtins',
    },
    {
        target: 'cloudpickle.cloudpickle._lookup_module_and_qualname',
        category: 'import',
        reason: 'resolves a module and qualname to an object',
    },
    {
        target: 'cloudpickle.cloudpickle_fast',
        category: 'code-reconstruction',
        reason: 'older cloudpickle module with the same rebuilders',
    },
    { target: 'cloudpickle.loads', category: 'deserializer', reason: 'unpickles again' },
    { target: 'cloudpickle.load', category: 'deserializer', reason: 'unpickles again' },
    // ---------------------------------------------------------------------------------------------
    // YAML and other object-constructing formats
    // ---------------------------------------------------------------------------------------------
    {
        target: 'yaml.load',
        category: 'deserializer',
        reason: 'load(stream, Loader) with Loader/UnsafeLoader/FullLoader builds objects and calls python/object/apply tags',
    },
    {
        target: 'yaml.load_all',
        category: 'deserializer',
        reason: 'load_all(stream, Loader) builds Python objects',
    },
    {
        target: 'yaml.unsafe_load',
        category: 'deserializer',
        reason: 'calls any callable named by a !!python/object/apply tag',
    },
    {
        target: 'yaml.unsafe_load_all',
        category: 'deserializer',
        reason: 'calls any callable named by python/object/apply tags',
    },
    {
        target: 'yaml.full_load',
        category: 'deserializer',
        reason: 'FullLoader: python/name and python/object tags (bypassed before PyYAML 5.4, CVE-2020-14343)',
    },
    {
        target: 'yaml.full_load_all',
        category: 'deserializer',
        reason: 'FullLoader on every document',
    },
    {
        target: 'yaml.constructor',
        category: 'deserializer',
        reason: 'Unsafe/Full constructors import names and call them (find_python_name, make_python_instance)',
    },
    {
        target: 'yaml.Loader',
        category: 'deserializer',
        reason: 'unsafe loader class, passed to yaml.load',
    },
    {
        target: 'yaml.UnsafeLoader',
        category: 'deserializer',
        reason: 'unsafe loader class, passed to yaml.load',
    },
    {
        target: 'yaml.FullLoader',
        category: 'deserializer',
        reason: 'full loader class, passed to yaml.load',
    },
    { target: 'yaml.CLoader', category: 'deserializer', reason: 'LibYAML unsafe loader class' },
    { target: 'yaml.CUnsafeLoader', category: 'deserializer', reason: 'LibYAML unsafe loader class' },
    { target: 'yaml.CFullLoader', category: 'deserializer', reason: 'LibYAML full loader class' },
    { target: 'yaml.loader.Loader', category: 'deserializer', reason: 'unsafe loader class' },
    { target: 'yaml.loader.UnsafeLoader', category: 'deserializer', reason: 'unsafe loader class' },
    { target: 'yaml.loader.FullLoader', category: 'deserializer', reason: 'full loader class' },
    { target: 'yaml.cyaml.CLoader', category: 'deserializer', reason: 'LibYAML unsafe loader class' },
    {
        target: 'yaml.cyaml.CUnsafeLoader',
        category: 'deserializer',
        reason: 'LibYAML unsafe loader class',
    },
    {
        target: 'yaml.cyaml.CFullLoader',
        category: 'deserializer',
        reason: 'LibYAML full loader class',
    },
    {
        target: 'yaml.add_constructor',
        category: 'environment',
        reason: 'registers a tag constructor that later YAML loads call',
    },
    {
        target: 'yaml.add_multi_constructor',
        category: 'environment',
        reason: 'registers a tag-prefix constructor that later YAML loads call',
    },
    {
        target: 'ruamel.yaml.load',
        category: 'deserializer',
        reason: 'older ruamel.yaml API: unsafe by default',
    },
    {
        target: 'ruamel.yaml.load_all',
        category: 'deserializer',
        reason: 'older ruamel.yaml API: unsafe by default',
    },
    {
        target: 'ruamel.yaml.main.load',
        category: 'deserializer',
        reason: 'older ruamel.yaml API: unsafe by default',
    },
    {
        target: 'ruamel.yaml.constructor.UnsafeConstructor',
        category: 'deserializer',
        reason: 'calls callables named by python/object/apply tags',
    },
    // ---------------------------------------------------------------------------------------------
    // Expression evaluators, template engines and REPLs
    // ---------------------------------------------------------------------------------------------
    {
        target: 'numexpr.evaluate',
        category: 'code-execution',
        reason: 'compiles the expression string with eval() (CVE-2023-39631 before 2.8.5; later versions filter with a denylist)',
    },
    {
        target: 'numexpr.re_evaluate',
        category: 'code-execution',
        reason: 're-runs the last compiled expression',
    },
    {
        target: 'numexpr.NumExpr',
        category: 'code-execution',
        reason: 'compiles an expression string with eval()',
    },
    {
        target: 'numexpr.necompiler',
        category: 'code-execution',
        reason: 'stringToExpression eval()s expression strings',
    },
    {
        target: 'sympy.sympify',
        category: 'code-execution',
        reason: 'parses strings with eval() (parse_expr)',
    },
    {
        target: 'sympy.core.sympify.sympify',
        category: 'code-execution',
        reason: 'parses strings with eval() (parse_expr)',
    },
    {
        target: 'sympy.parsing',
        category: 'code-execution',
        reason: 'parse_expr and the other parsers eval() transformed source',
    },
    {
        target: 'sympy.lambdify',
        category: 'code-execution',
        reason: 'generates Python source from an expression (strings are sympified) and exec()s it',
    },
    {
        target: 'sympy.utilities.lambdify',
        category: 'code-execution',
        reason: 'generates Python source and exec()s it',
    },
    {
        target: 'sympy.utilities.autowrap',
        category: 'native-code',
        reason: 'compiles generated C/Fortran with external compilers and imports the result',
    },
    {
        target: 'sympy.printing.preview',
        category: 'process',
        reason: 'runs latex and a caller-chosen viewer program',
    },
    {
        target: 'sympy.preview',
        category: 'process',
        reason: 'runs latex and a caller-chosen viewer program',
    },
    {
        target: 'sympy.core.cache.lazy_function',
        category: 'import',
        reason: 'returns a proxy that imports module.name and calls it on first use',
    },
    {
        target: 'sympy.utilities.source.get_class',
        category: 'import',
        reason: 'resolves any dotted name by import and getattr',
    },
    {
        target: 'sympy.external.importtools.import_module',
        category: 'import',
        reason: 'imports any module by name',
    },
    {
        target: 'sympy.testing',
        category: 'code-execution',
        reason: 'runs tests and doctests from caller-named paths',
    },
    {
        target: 'sympy.utilities.runtests',
        category: 'code-execution',
        reason: 'runs tests and doctests from caller-named paths',
    },
    {
        target: 'sympy.interactive.session',
        category: 'code-execution',
        reason: 'init_session executes setup source and starts a REPL',
    },
    {
        target: 'asteval',
        category: 'code-execution',
        reason: 'Interpreter evaluates Python source in a partial sandbox that has been escaped before',
    },
    {
        target: 'simpleeval',
        category: 'code-execution',
        reason: 'evaluates expressions in a partial sandbox that has been escaped before',
    },
    {
        target: 'jinja2',
        category: 'code-execution',
        reason: 'non-sandboxed Template/Environment rendering reaches Python objects (SSTI); utils.import_string resolves dotted names',
    },
    {
        target: 'mako',
        category: 'code-execution',
        reason: 'templates contain Python blocks that run when rendered',
    },
    {
        target: 'tornado.template',
        category: 'code-execution',
        reason: 'templates compile to Python and can run arbitrary expressions',
    },
    {
        target: 'Cheetah',
        category: 'code-execution',
        reason: 'templates compile to Python and run it',
    },
    {
        target: 'IPython',
        category: 'code-execution',
        reason: 'run_cell/run_line_magic/system/getoutput, utils.process runs shell commands, utils.importstring.import_item resolves names',
    },
    { target: 'ipykernel', category: 'code-execution', reason: 'kernels execute code sent to them' },
    {
        target: 'jupyter_client',
        category: 'process',
        reason: 'launches kernels (processes) and sends them code',
    },
    { target: 'nbclient', category: 'code-execution', reason: 'executes every cell of a notebook' },
    {
        target: 'nbconvert.preprocessors.execute',
        category: 'code-execution',
        reason: 'executes every cell of a notebook',
    },
    { target: 'papermill', category: 'code-execution', reason: 'executes notebooks' },
    {
        target: 'traitlets.utils.importstring',
        category: 'import',
        reason: 'import_item resolves any dotted name',
    },
    { target: 'traitlets.import_item', category: 'import', reason: 'resolves any dotted name' },
    {
        target: 'traitlets.config.loader',
        category: 'code-execution',
        reason: 'PyFileConfigLoader exec()s Python config files',
    },
    {
        target: 'jedi',
        category: 'process',
        reason: 'spawns inference subprocesses and interpreters; compiled access walks attributes by name',
    },
    {
        target: 'werkzeug.utils.import_string',
        category: 'import',
        reason: 'resolves any dotted name',
    },
    {
        target: 'werkzeug.debug',
        category: 'code-execution',
        reason: 'the interactive debugger console executes Python code',
    },
    {
        target: 'django.utils.module_loading.import_string',
        category: 'import',
        reason: 'resolves any dotted name',
    },
    {
        target: 'pydantic.v1.utils.import_string',
        category: 'import',
        reason: 'resolves any dotted name',
    },
    {
        target: 'pydantic.utils.import_string',
        category: 'import',
        reason: 'pydantic 1.x: resolves any dotted name',
    },
    {
        target: 'pydantic._internal._validators.import_string',
        category: 'import',
        reason: 'ImportString validator: resolves any dotted name',
    },
    {
        target: '_pytest',
        category: 'code-execution',
        reason: 'pytest internals: monkeypatch.resolve imports dotted names, pathlib imports files by path, the runner executes tests',
    },
    {
        target: 'pytest',
        category: 'code-execution',
        reason: 'pytest.main runs tests, conftest files and plugins named in its arguments',
    },
    {
        target: 'lxml.etree.parse',
        category: 'network',
        reason: 'reads files and URLs; external entities and DTDs can be fetched',
    },
    {
        target: 'lxml.etree.XSLT',
        category: 'filesystem',
        reason: 'XSLT extensions (exsl:document) write files',
    },
    // ---------------------------------------------------------------------------------------------
    // Network clients, remote shells, cloud SDKs, containers, VCS
    // ---------------------------------------------------------------------------------------------
    {
        target: 'requests',
        category: 'network',
        reason: 'HTTP client (requests.get/post exfiltrate data or fetch payloads)',
    },
    { target: 'httpx', category: 'network', reason: 'HTTP client' },
    { target: 'urllib3', category: 'network', reason: 'HTTP client' },
    { target: 'aiohttp', category: 'network', reason: 'HTTP client and server' },
    { target: 'httplib2', category: 'network', reason: 'HTTP client' },
    {
        target: 'pycurl',
        category: 'network',
        reason: 'libcurl bindings: any protocol, including file:// and uploads',
    },
    { target: 'websocket', category: 'network', reason: 'WebSocket client' },
    { target: 'websockets', category: 'network', reason: 'WebSocket client and server' },
    { target: 'grpc', category: 'network', reason: 'gRPC channels and servers' },
    {
        target: 'paramiko',
        category: 'process',
        reason: 'SSH: exec_command runs commands on remote hosts; SFTP moves files',
    },
    { target: 'fabric', category: 'process', reason: 'runs shell commands locally and over SSH' },
    { target: 'invoke', category: 'process', reason: 'run() executes shell commands' },
    {
        target: 'pexpect',
        category: 'process',
        reason: 'spawn/run execute programs on a pseudo-terminal',
    },
    { target: 'ptyprocess', category: 'process', reason: 'PtyProcess.spawn runs programs' },
    {
        target: 'sh',
        category: 'process',
        reason: 'every attribute is a command: sh.ls(), sh.Command(path)()',
    },
    { target: 'plumbum', category: 'process', reason: 'local["cmd"] and plumbum.cmd run programs' },
    { target: 'psutil.Popen', category: 'process', reason: 'subprocess.Popen wrapper' },
    {
        target: 'anyio.run_process',
        category: 'process',
        reason: 'runs a command (through anyio.run)',
    },
    { target: 'anyio.open_process', category: 'process', reason: 'starts a command' },
    { target: 'anyio.to_process', category: 'process', reason: 'runs callables in worker processes' },
    { target: 'trio.run_process', category: 'process', reason: 'runs a command' },
    { target: 'trio.lowlevel.open_process', category: 'process', reason: 'starts a command' },
    {
        target: 'docker',
        category: 'process',
        reason: 'containers.run starts containers with host mounts',
    },
    {
        target: 'boto3',
        category: 'network',
        reason: 'AWS API calls (S3 uploads exfiltrate, IAM changes); utils.lazy_call imports and calls a dotted name',
    },
    { target: 'botocore', category: 'network', reason: 'AWS API client' },
    { target: 's3transfer', category: 'network', reason: 'S3 uploads and downloads' },
    {
        target: 'git',
        category: 'process',
        reason: 'GitPython: Git.execute runs git with any arguments, Repo.clone_from with option injection',
    },
    {
        target: 'fsspec',
        category: 'network',
        reason: 'open/filesystem() reach local, HTTP, S3, SSH… paths; registry imports filesystem classes by name',
    },
    {
        target: 'smart_open',
        category: 'network',
        reason: 'opens local and remote URIs for reading and writing',
    },
    { target: 's3fs', category: 'network', reason: 'S3 filesystem' },
    { target: 'gcsfs', category: 'network', reason: 'Google Cloud Storage filesystem' },
    { target: 'adlfs', category: 'network', reason: 'Azure storage filesystem' },
    {
        target: 'win32api',
        category: 'process',
        reason: 'pywin32: WinExec, ShellExecute, registry writes',
    },
    { target: 'win32process', category: 'process', reason: 'pywin32: CreateProcess' },
    {
        target: 'win32com',
        category: 'process',
        reason: 'pywin32: COM automation (WScript.Shell.Run)',
    },
];

;// CONCATENATED MODULE: ./src/pickle/policy/namespaces.ts
/**
 * Top-level packages whose contents are known: a callable there that is not safe-listed is judged
 * an unsafe library callable (ERROR when invoked).
 *
 * A package belongs here only when SAFE_CALLABLES (safe.ts) covers what its real model files
 * contain, checked against fixtures/pickle/benign (every global there is safe-listed), or when no
 * real model file contains anything of it at all, so that any reference is a gadget attempt
 * (safetensors, huggingface_hub, dill, cloudpickle). Left out on purpose, because their real files
 * contain callables that are not safe-listed and would turn into false ERRORs: keras and
 * tensorflow (a pickled Keras model is KerasSaveable._unpickle_model, a nested .keras loader),
 * torchvision, timm and other model zoos (whole-model saves of their classes, not audited here),
 * pyarrow, catboost, trl and sentence_transformers (configs and models not covered).
 * The standard library is handled by STDLIB_MODULES (stdlib.ts).
 */
const KNOWN_LIBRARY_NAMESPACES = new Set([
    // Model formats and tensors: tensors, storages, torch.nn layers, optimizer/scheduler state
    // dicts, RNG state; numpy arrays, scalars, dtypes, random generators.
    'torch',
    'numpy',
    // Classical ML: estimators, Cython trees and losses, joblib array wrappers, sparse matrices,
    // DataFrames. scipy: sparse matrices and BSpline are listed; scipy.stats distributions are
    // not (their __setstate__ exec()s a string from the pickle), so ERROR is the right verdict.
    'sklearn',
    'joblib',
    'scipy',
    'pandas',
    'lightgbm',
    'xgboost',
    // Hugging Face: training_args.bin (TrainingArguments, its enums, accelerate's PartialState),
    // configs, tokenizers.Tokenizer. Pickled transformers tokenizer objects and whole-model saves
    // of transformers classes are not covered and will be judged ERROR.
    'transformers',
    'tokenizers',
    'accelerate',
    // Never in a real model pickle; anything of them is a gadget (loaders, downloads, code
    // rebuilders).
    'safetensors',
    'huggingface_hub',
    'dill',
    'cloudpickle',
]);

;// CONCATENATED MODULE: ./src/pickle/policy/safe.ts
const SAFE_CALLABLES = [
    // Python builtins: constructors of plain values only. Never getattr, eval, exec, compile, open,
    // __import__, globals, vars, input, breakpoint, help, setattr, delattr, exit, quit, print,
    // type (builds classes, whose metaclasses and __init_subclass__ hooks run).
    {
        target: 'builtins:object',
        reason: 'plain object; copyreg._reconstructor passes it as the base of protocol 0/1 objects',
    },
    {
        target: 'builtins:dict',
        reason: 'dict constructor; copyreg._reconstructor passes it as the base of dict subclasses',
    },
    {
        target: 'builtins:list',
        reason: 'list constructor (iterates an object the pickle built; judged at its own call site)',
    },
    { target: 'builtins:tuple', reason: 'tuple constructor (iterates an object the pickle built)' },
    {
        target: 'builtins:set',
        reason: 'set constructor: protocol 0-3 pickles rebuild sets as set(list)',
    },
    {
        target: 'builtins:frozenset',
        reason: 'frozenset constructor: pickles rebuild frozensets as frozenset(list)',
    },
    {
        target: 'builtins:bytearray',
        reason: 'bytearray constructor: pickles rebuild bytearrays through it',
    },
    {
        target: 'builtins:bytes',
        reason: 'bytes constructor: protocol 3+ pickles rebuild empty bytes as bytes()',
    },
    { target: 'builtins:int', reason: 'int constructor of a plain number' },
    { target: 'builtins:float', reason: 'float constructor of a plain number' },
    {
        target: 'builtins:complex',
        reason: 'complex constructor: complex numbers pickle as complex(real, imag)',
    },
    { target: 'builtins:str', reason: 'str constructor of a plain string' },
    { target: 'builtins:bool', reason: 'bool constructor of a plain truth value' },
    {
        target: 'builtins:slice',
        reason: 'slice constructor: slices pickle as slice(start, stop, step); pandas block placements',
    },
    {
        target: 'builtins:range',
        reason: 'range constructor: ranges pickle as range(start, stop, step)',
    },
    { target: 'builtins:Ellipsis', reason: 'the ... singleton, pickled by name; not callable' },
    {
        target: 'builtins:NotImplemented',
        reason: 'the NotImplemented singleton, pickled by name; not callable',
    },
    // copyreg and codecs: the helpers that Python's own reduce protocol writes.
    {
        target: 'copyreg:_reconstructor',
        reason: 'default reduce of protocol 0/1: obj = base.__new__(cls, state), base.__init__(obj, state)',
        constructsArgs: [0],
        invokesArgs: [1],
    },
    {
        target: 'copyreg:__newobj__',
        reason: 'default reduce of protocol 2+: cls.__new__(cls, *args)',
        constructsArgs: [0],
    },
    {
        target: 'copyreg:__newobj_ex__',
        reason: 'protocol 2+ reduce with keywords: cls.__new__(cls, *args, **kwargs)',
        constructsArgs: [0],
    },
    {
        target: '_codecs:encode',
        reason: "encode(str, 'latin1') rebuilds bytes in protocol 0-2 pickles (bytes, numpy buffers); a codec lookup imports only modules of the stdlib encodings package",
    },
    // collections: containers.
    {
        target: 'collections:OrderedDict',
        reason: 'ordered dict container; torch state_dicts and nn.Module internals',
    },
    {
        target: 'collections:defaultdict',
        reason: 'dict with a default factory; it stores arg 0 and calls it with no argument on a missing key, after load: judged as invoked so that only safe factories pass',
        invokesArgs: [0],
    },
    { target: 'collections:Counter', reason: 'counting dict (vocabularies, class counts)' },
    { target: 'collections:deque', reason: 'double-ended queue container (history buffers)' },
    { target: 'collections:ChainMap', reason: 'view over several dicts; container only' },
    {
        target: 'collections:UserDict',
        reason: 'dict wrapper class (also Python 2 UserDict.UserDict)',
    },
    {
        target: 'collections:UserList',
        reason: 'list wrapper class (also Python 2 UserList.UserList)',
    },
    {
        target: 'collections:UserString',
        reason: 'str wrapper class (also Python 2 UserString.UserString)',
    },
    // Standard-library value types that configs and checkpoints hold.
    { target: 'datetime:datetime', reason: 'datetime value, pickled as datetime(bytes[, tzinfo])' },
    { target: 'datetime:date', reason: 'date value' },
    { target: 'datetime:time', reason: 'time-of-day value' },
    { target: 'datetime:timedelta', reason: 'duration value' },
    { target: 'datetime:timezone', reason: 'fixed-offset tzinfo value (no tz database lookup)' },
    { target: 'datetime:tzinfo', reason: 'abstract tzinfo base; instantiating it does nothing' },
    // Time zones of tz-aware timestamps (pandas, datetime). ZoneInfo pickles as
    // getattr(ZoneInfo, '_unpickle')(key, from_cache); the key is looked up in the tz database,
    // whose path checks reject absolute keys and keys that climb out of it.
    {
        target: 'zoneinfo:ZoneInfo',
        reason: 'IANA time zone class, referenced by tz-aware timestamps',
    },
    {
        target: 'zoneinfo:ZoneInfo._unpickle',
        reason: 'rebuilds a ZoneInfo from its key (tz database lookup with path validation)',
    },
    {
        target: 'pytz:_p',
        reason: 'pytz unpickler for time zones: looks the zone name up in the bundled tz database',
    },
    { target: 'pytz:_UTC', reason: 'pytz UTC singleton factory' },
    { target: 'dateutil.tz.tz:tzutc', reason: 'dateutil UTC tzinfo value' },
    { target: 'dateutil.tz.tz:tzoffset', reason: 'dateutil fixed-offset tzinfo value' },
    { target: 'decimal:Decimal', reason: 'decimal number parsed from a string' },
    { target: 'fractions:Fraction', reason: 'rational number parsed from a string or two ints' },
    { target: 'uuid:UUID', reason: 'UUID value' },
    { target: 'uuid:SafeUUID', reason: 'enum stored in UUID state (is_safe)' },
    {
        target: 'argparse:Namespace',
        reason: "attribute bag of parsed command-line arguments (training scripts' args)",
    },
    { target: 'types:SimpleNamespace', reason: 'attribute bag' },
    { target: 'pathlib:PurePath', reason: 'path value; constructing one touches no file' },
    { target: 'pathlib:PurePosixPath', reason: 'path value; constructing one touches no file' },
    { target: 'pathlib:PureWindowsPath', reason: 'path value; constructing one touches no file' },
    {
        target: 'pathlib:Path',
        reason: 'path value; constructing one touches no file (its methods do, but are not called)',
    },
    { target: 'pathlib:PosixPath', reason: 'path value; constructing one touches no file' },
    { target: 'pathlib:WindowsPath', reason: 'path value; constructing one touches no file' },
    {
        target: 'pathlib._local:PurePosixPath',
        reason: 'pathlib path class under its Python 3.13+ module name',
    },
    {
        target: 'pathlib._local:PureWindowsPath',
        reason: 'pathlib path class under its Python 3.13+ module name',
    },
    {
        target: 'pathlib._local:PosixPath',
        reason: 'pathlib path class under its Python 3.13+ module name',
    },
    {
        target: 'pathlib._local:WindowsPath',
        reason: 'pathlib path class under its Python 3.13+ module name',
    },
    {
        target: 're:_compile',
        reason: 're.compile(pattern, flags): what compiled patterns pickle to; compiling runs no code (a pathological pattern costs time only when matched)',
    },
    { target: 'array:array', reason: 'typed array of numbers' },
    {
        target: 'array:_array_reconstructor',
        reason: 'rebuilds array.array from its type code and machine bytes',
        invokesArgs: [0],
    },
    { target: 'time:struct_time', reason: 'time tuple value' },
    {
        target: 're:RegexFlag',
        reason: 'enum of regular-expression flags; calling an enum looks a member up by value',
    },
    // numpy arrays: the reduce helpers of ndarray, scalars and masked arrays, under the numpy 1.x
    // (numpy.core) and numpy 2 (numpy._core) module names. Not numpy.load, numpy.fromfile,
    // numpy.memmap (files), numpy.core._ufunc_reconstruct (imports any module by name).
    {
        target: 'numpy.core.multiarray:_reconstruct',
        reason: 'ndarray reduce (numpy 1.x): ndarray.__new__(subtype, shape, dtype)',
        invokesArgs: [0],
    },
    {
        target: 'numpy._core.multiarray:_reconstruct',
        reason: 'ndarray reduce (numpy 2): ndarray.__new__(subtype, shape, dtype)',
        invokesArgs: [0],
    },
    {
        target: 'numpy.core.multiarray:scalar',
        reason: 'numpy scalar reduce (numpy 1.x): builds a scalar from dtype and bytes',
    },
    {
        target: 'numpy._core.multiarray:scalar',
        reason: 'numpy scalar reduce (numpy 2): builds a scalar from dtype and bytes',
    },
    {
        target: 'numpy.core.numeric:_frombuffer',
        reason: 'protocol-5 ndarray reduce (numpy 1.x): frombuffer + reshape',
    },
    {
        target: 'numpy._core.numeric:_frombuffer',
        reason: 'protocol-5 ndarray reduce (numpy 2): frombuffer + reshape',
    },
    {
        target: 'numpy:ndarray',
        reason: 'array type, passed to _reconstruct; ndarray(shape, dtype) only allocates',
    },
    {
        target: 'numpy:dtype',
        reason: 'dtype constructor: dtypes pickle as dtype(spec, align, copy) + state',
    },
    { target: 'numpy:matrix', reason: 'matrix subclass of ndarray' },
    {
        target: 'numpy.matrixlib.defmatrix:matrix',
        reason: 'matrix subclass of ndarray under its numpy 1.x module',
    },
    { target: 'numpy:recarray', reason: 'record array subclass of ndarray (numpy 1.x name)' },
    { target: 'numpy.rec:recarray', reason: 'record array subclass of ndarray (numpy 2 name)' },
    { target: 'numpy.core.records:recarray', reason: 'record array subclass of ndarray' },
    { target: 'numpy._core.records:recarray', reason: 'record array subclass of ndarray' },
    { target: 'numpy:record', reason: 'scalar type of record arrays' },
    { target: 'numpy.rec:record', reason: 'scalar type of record arrays (numpy 2 name)' },
    {
        target: 'numpy.ma.core:_mareconstruct',
        reason: 'masked array reduce: ndarray.__new__(baseclass, ...), subtype.__new__(subtype, ...)',
        invokesArgs: [0, 1],
    },
    { target: 'numpy.ma:MaskedArray', reason: 'masked array subclass of ndarray' },
    { target: 'numpy.ma.core:MaskedArray', reason: 'masked array subclass of ndarray' },
    { target: 'numpy.ma.core:MaskedConstant', reason: "the numpy.ma.masked singleton's class" },
    {
        target: 'numpy.dtypes:[A-Z]*DType',
        reason: 'numpy.dtypes holds only the DType classes (Float64DType...)',
    },
    // numpy scalar types: referenced as dtypes (TfidfVectorizer(dtype=np.float64)...); calling one
    // converts a value.
    { target: 'numpy:bool', reason: 'numpy scalar type' },
    { target: 'numpy:bool_', reason: 'numpy scalar type' },
    { target: 'numpy:byte', reason: 'numpy scalar type' },
    { target: 'numpy:bytes_', reason: 'numpy scalar type' },
    { target: 'numpy:cdouble', reason: 'numpy scalar type' },
    { target: 'numpy:character', reason: 'numpy scalar type' },
    { target: 'numpy:clongdouble', reason: 'numpy scalar type' },
    { target: 'numpy:complex128', reason: 'numpy scalar type' },
    { target: 'numpy:complex256', reason: 'numpy scalar type' },
    { target: 'numpy:complex64', reason: 'numpy scalar type' },
    { target: 'numpy:complexfloating', reason: 'numpy scalar type' },
    { target: 'numpy:csingle', reason: 'numpy scalar type' },
    { target: 'numpy:datetime64', reason: 'numpy scalar type' },
    { target: 'numpy:double', reason: 'numpy scalar type' },
    { target: 'numpy:flexible', reason: 'numpy scalar type' },
    { target: 'numpy:float128', reason: 'numpy scalar type' },
    { target: 'numpy:float16', reason: 'numpy scalar type' },
    { target: 'numpy:float32', reason: 'numpy scalar type' },
    { target: 'numpy:float64', reason: 'numpy scalar type' },
    { target: 'numpy:floating', reason: 'numpy scalar type' },
    { target: 'numpy:generic', reason: 'numpy scalar type' },
    { target: 'numpy:half', reason: 'numpy scalar type' },
    { target: 'numpy:inexact', reason: 'numpy scalar type' },
    { target: 'numpy:int16', reason: 'numpy scalar type' },
    { target: 'numpy:int32', reason: 'numpy scalar type' },
    { target: 'numpy:int64', reason: 'numpy scalar type' },
    { target: 'numpy:int8', reason: 'numpy scalar type' },
    { target: 'numpy:int_', reason: 'numpy scalar type' },
    { target: 'numpy:intc', reason: 'numpy scalar type' },
    { target: 'numpy:integer', reason: 'numpy scalar type' },
    { target: 'numpy:intp', reason: 'numpy scalar type' },
    { target: 'numpy:long', reason: 'numpy scalar type' },
    { target: 'numpy:longdouble', reason: 'numpy scalar type' },
    { target: 'numpy:longlong', reason: 'numpy scalar type' },
    { target: 'numpy:number', reason: 'numpy scalar type' },
    { target: 'numpy:object_', reason: 'numpy scalar type' },
    { target: 'numpy:record', reason: 'numpy scalar type' },
    { target: 'numpy:short', reason: 'numpy scalar type' },
    { target: 'numpy:signedinteger', reason: 'numpy scalar type' },
    { target: 'numpy:single', reason: 'numpy scalar type' },
    { target: 'numpy:str_', reason: 'numpy scalar type' },
    { target: 'numpy:timedelta64', reason: 'numpy scalar type' },
    { target: 'numpy:ubyte', reason: 'numpy scalar type' },
    { target: 'numpy:uint', reason: 'numpy scalar type' },
    { target: 'numpy:uint16', reason: 'numpy scalar type' },
    { target: 'numpy:uint32', reason: 'numpy scalar type' },
    { target: 'numpy:uint64', reason: 'numpy scalar type' },
    { target: 'numpy:uint8', reason: 'numpy scalar type' },
    { target: 'numpy:uintc', reason: 'numpy scalar type' },
    { target: 'numpy:uintp', reason: 'numpy scalar type' },
    { target: 'numpy:ulong', reason: 'numpy scalar type' },
    { target: 'numpy:ulonglong', reason: 'numpy scalar type' },
    { target: 'numpy:unsignedinteger', reason: 'numpy scalar type' },
    { target: 'numpy:ushort', reason: 'numpy scalar type' },
    { target: 'numpy:void', reason: 'numpy scalar type' },
    // numpy ufuncs: pure element-wise math, pickled by name since numpy 1.2x; referenced by
    // FunctionTransformer(func=np.log1p) and the like.
    { target: 'numpy:abs', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:absolute', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:acos', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:acosh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:add', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arccos', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arccosh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arcsin', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arcsinh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arctan', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arctan2', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:arctanh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:asin', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:asinh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:atan', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:atan2', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:atanh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_and', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_count', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_invert', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_left_shift', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_not', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_or', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_right_shift', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:bitwise_xor', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:cbrt', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:ceil', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:conj', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:conjugate', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:copysign', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:cos', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:cosh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:deg2rad', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:degrees', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:divide', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:divmod', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:equal', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:exp', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:exp2', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:expm1', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:fabs', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:float_power', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:floor', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:floor_divide', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:fmax', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:fmin', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:fmod', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:frexp', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:gcd', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:greater', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:greater_equal', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:heaviside', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:hypot', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:invert', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:isfinite', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:isinf', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:isnan', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:isnat', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:lcm', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:ldexp', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:left_shift', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:less', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:less_equal', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:log', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:log10', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:log1p', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:log2', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:logaddexp', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:logaddexp2', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:logical_and', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:logical_not', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:logical_or', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:logical_xor', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:matmul', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:matvec', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:maximum', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:minimum', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:mod', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:modf', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:multiply', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:negative', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:nextafter', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:not_equal', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:positive', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:pow', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:power', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:rad2deg', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:radians', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:reciprocal', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:remainder', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:right_shift', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:rint', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:sign', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:signbit', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:sin', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:sinh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:spacing', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:sqrt', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:square', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:subtract', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:tan', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:tanh', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:true_divide', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:trunc', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:vecdot', reason: 'numpy ufunc (element-wise math)' },
    { target: 'numpy:vecmat', reason: 'numpy ufunc (element-wise math)' },
    // numpy random generators.
    {
        target: 'numpy.random._pickle:__randomstate_ctor',
        reason: 'RandomState reduce: RandomState(arg 0) when arg 0 is a BitGenerator (numpy 2 passes the one __bit_generator_ctor built), else RandomState(arg 1(arg 0)). Arg 0 is not listed as invoked: a class there would reach the default ctor and be instantiated with no argument, but a BitGenerator instance is what real files hold there and it is computed at load time',
        invokesArgs: [1],
    },
    {
        target: 'numpy.random._pickle:__generator_ctor',
        reason: 'Generator reduce: Generator(arg 0) when arg 0 is a BitGenerator, else Generator(arg 1(arg 0)); arg 0 as for __randomstate_ctor',
        invokesArgs: [1],
    },
    {
        target: 'numpy.random._pickle:__bit_generator_ctor',
        reason: "bit generator reduce: looks a name up in numpy's BitGenerators table, or instantiates the class it is given",
        invokesArgs: [0],
    },
    {
        target: 'numpy.random:__RandomState_ctor',
        reason: 'RandomState reduce of numpy < 1.17: RandomState(seed=0)',
    },
    { target: 'numpy.random.mtrand:RandomState', reason: 'legacy random generator' },
    { target: 'numpy.random._generator:Generator', reason: 'random generator' },
    { target: 'numpy.random._mt19937:MT19937', reason: 'bit generator' },
    { target: 'numpy.random._pcg64:PCG64', reason: 'bit generator' },
    { target: 'numpy.random._pcg64:PCG64DXSM', reason: 'bit generator' },
    { target: 'numpy.random._philox:Philox', reason: 'bit generator' },
    { target: 'numpy.random._sfc64:SFC64', reason: 'bit generator' },
    { target: 'numpy.random.bit_generator:SeedSequence', reason: 'seed sequence of a bit generator' },
    {
        target: 'numpy.random.bit_generator:__pyx_unpickle_SeedSequence',
        reason: 'Cython unpickle helper: SeedSequence.__new__(arg 0) after a layout checksum, then state',
        invokesArgs: [0],
    },
    // torch tensors and storages: what torch.save writes for tensors, parameters and storages.
    // Not torch.storage._load_from_bytes (torch.load of nested bytes: the reduce of a tensor that
    // is pickled with plain pickle) nor anything that loads, compiles or imports.
    {
        target: 'torch._utils:_rebuild_tensor',
        reason: 'tensor from a storage, offset, size and stride (old format)',
    },
    {
        target: 'torch._utils:_rebuild_tensor_v2',
        reason: 'tensor from a storage, offset, size, stride, requires_grad',
    },
    {
        target: 'torch._utils:_rebuild_tensor_v3',
        reason: 'tensor from a storage with an explicit dtype (float8, uint16...)',
    },
    { target: 'torch._utils:_rebuild_parameter', reason: 'nn.Parameter(tensor, requires_grad)' },
    {
        target: 'torch._utils:_rebuild_parameter_with_state',
        reason: 'nn.Parameter plus its Python attributes (setattr of a dict)',
    },
    {
        target: 'torch._utils:_rebuild_qtensor',
        reason: 'quantized tensor from a storage and quantizer parameters',
    },
    {
        target: 'torch._utils:_rebuild_sparse_tensor',
        reason: 'sparse COO/CSR/CSC/BSR/BSC tensor from index and value tensors',
    },
    { target: 'torch._utils:_rebuild_nested_tensor', reason: 'nested tensor view of a buffer' },
    {
        target: 'torch._utils:_rebuild_device_tensor_from_cpu_tensor',
        reason: 'tensor moved to its device (map_location applies)',
    },
    {
        target: 'torch._utils:_rebuild_device_tensor_from_numpy',
        reason: 'tensor from a numpy array, moved to its device',
    },
    {
        target: 'torch._utils:_rebuild_xla_tensor',
        reason: 'alias of _rebuild_device_tensor_from_numpy (old XLA checkpoints)',
    },
    {
        target: 'torch._utils:_rebuild_meta_tensor_no_storage',
        reason: 'empty tensor on the meta device',
    },
    {
        target: 'torch._utils:_rebuild_wrapper_subclass',
        reason: 'tensor wrapper subclass: Tensor._make_wrapper_subclass(cls, ...)',
        invokesArgs: [0],
    },
    {
        target: 'torch._tensor:_rebuild_from_type_v2',
        reason: 'tensor subclass reduce: func(*args).as_subclass(new_type) then its __setstate__',
        invokesArgs: [0, 1],
    },
    {
        target: 'torch._tensor:_rebuild_from_type',
        reason: 'tensor subclass reduce (old): func(*args).as_subclass(type)',
        invokesArgs: [0, 1],
    },
    {
        target: 'torch.tensor:_rebuild_from_type_v2',
        reason: 'the same under its torch < 1.10 module name (torch.load maps torch.tensor to torch._tensor)',
        invokesArgs: [0, 1],
    },
    {
        target: 'torch.tensor:_rebuild_from_type',
        reason: 'the same under its torch < 1.10 module name',
        invokesArgs: [0, 1],
    },
    {
        target: 'torch:Tensor',
        reason: 'tensor class, passed to _rebuild_from_type_v2 as the type of plain tensors',
    },
    { target: 'torch.nn.parameter:Parameter', reason: 'parameter class (a Tensor subclass)' },
    { target: 'torch.nn.parameter:Buffer', reason: 'buffer marker class (a Tensor subclass)' },
    {
        target: 'torch.nn.parameter:UninitializedParameter',
        reason: 'lazy-module parameter placeholder',
    },
    { target: 'torch.nn.parameter:UninitializedBuffer', reason: 'lazy-module buffer placeholder' },
    {
        target: 'torch:*Storage',
        reason: 'typed storage classes named in persistent ids (FloatStorage, HalfStorage...)',
    },
    {
        target: 'torch.cuda:*Storage',
        reason: 'CUDA typed storage classes of old checkpoints; allocating only',
    },
    {
        target: 'torch.storage:UntypedStorage',
        reason: 'untyped storage class named in persistent ids',
    },
    { target: 'torch.storage:TypedStorage', reason: 'typed storage class' },
    { target: 'torch:Size', reason: 'tensor shape tuple' },
    { target: 'torch:device', reason: 'device descriptor; naming a device does not open it' },
    { target: 'torch:dtype', reason: 'dtype class' },
    { target: 'torch:layout', reason: 'layout class' },
    { target: 'torch:memory_format', reason: 'memory format class' },
    { target: 'torch:qscheme', reason: 'quantization scheme class' },
    {
        target: 'torch.serialization:_get_layout',
        reason: 'looks a torch.layout up by its name (torch.strided...)',
    },
    { target: 'torch._C:Generator', reason: 'random generator; state restored by __setstate__' },
    { target: 'torch:Generator', reason: 'random generator' },
    // torch dtypes and quantization schemes, pickled by name; values, not callables.
    { target: 'torch:bfloat16', reason: 'torch dtype' },
    { target: 'torch:bit', reason: 'torch dtype' },
    { target: 'torch:bits16', reason: 'torch dtype' },
    { target: 'torch:bits1x8', reason: 'torch dtype' },
    { target: 'torch:bits2x4', reason: 'torch dtype' },
    { target: 'torch:bits4x2', reason: 'torch dtype' },
    { target: 'torch:bits8', reason: 'torch dtype' },
    { target: 'torch:bool', reason: 'torch dtype' },
    { target: 'torch:cdouble', reason: 'torch dtype' },
    { target: 'torch:cfloat', reason: 'torch dtype' },
    { target: 'torch:chalf', reason: 'torch dtype' },
    { target: 'torch:complex128', reason: 'torch dtype' },
    { target: 'torch:complex32', reason: 'torch dtype' },
    { target: 'torch:complex64', reason: 'torch dtype' },
    { target: 'torch:double', reason: 'torch dtype' },
    { target: 'torch:float', reason: 'torch dtype' },
    { target: 'torch:float16', reason: 'torch dtype' },
    { target: 'torch:float32', reason: 'torch dtype' },
    { target: 'torch:float4_e2m1fn_x2', reason: 'torch dtype' },
    { target: 'torch:float64', reason: 'torch dtype' },
    { target: 'torch:float8_e4m3fn', reason: 'torch dtype' },
    { target: 'torch:float8_e4m3fnuz', reason: 'torch dtype' },
    { target: 'torch:float8_e5m2', reason: 'torch dtype' },
    { target: 'torch:float8_e5m2fnuz', reason: 'torch dtype' },
    { target: 'torch:float8_e8m0fnu', reason: 'torch dtype' },
    { target: 'torch:half', reason: 'torch dtype' },
    { target: 'torch:int', reason: 'torch dtype' },
    { target: 'torch:int1', reason: 'torch dtype' },
    { target: 'torch:int16', reason: 'torch dtype' },
    { target: 'torch:int2', reason: 'torch dtype' },
    { target: 'torch:int3', reason: 'torch dtype' },
    { target: 'torch:int32', reason: 'torch dtype' },
    { target: 'torch:int4', reason: 'torch dtype' },
    { target: 'torch:int5', reason: 'torch dtype' },
    { target: 'torch:int6', reason: 'torch dtype' },
    { target: 'torch:int64', reason: 'torch dtype' },
    { target: 'torch:int7', reason: 'torch dtype' },
    { target: 'torch:int8', reason: 'torch dtype' },
    { target: 'torch:long', reason: 'torch dtype' },
    { target: 'torch:qint32', reason: 'torch dtype' },
    { target: 'torch:qint8', reason: 'torch dtype' },
    { target: 'torch:quint2x4', reason: 'torch dtype' },
    { target: 'torch:quint4x2', reason: 'torch dtype' },
    { target: 'torch:quint8', reason: 'torch dtype' },
    { target: 'torch:short', reason: 'torch dtype' },
    { target: 'torch:uint1', reason: 'torch dtype' },
    { target: 'torch:uint16', reason: 'torch dtype' },
    { target: 'torch:uint2', reason: 'torch dtype' },
    { target: 'torch:uint3', reason: 'torch dtype' },
    { target: 'torch:uint32', reason: 'torch dtype' },
    { target: 'torch:uint4', reason: 'torch dtype' },
    { target: 'torch:uint5', reason: 'torch dtype' },
    { target: 'torch:uint6', reason: 'torch dtype' },
    { target: 'torch:uint64', reason: 'torch dtype' },
    { target: 'torch:uint7', reason: 'torch dtype' },
    { target: 'torch:uint8', reason: 'torch dtype' },
    { target: 'torch:per_channel_affine', reason: 'torch quantization scheme' },
    { target: 'torch:per_channel_affine_float_qparams', reason: 'torch quantization scheme' },
    { target: 'torch:per_channel_symmetric', reason: 'torch quantization scheme' },
    { target: 'torch:per_tensor_affine', reason: 'torch quantization scheme' },
    { target: 'torch:per_tensor_symmetric', reason: 'torch quantization scheme' },
    // torch.nn: whole-module saves (torch.save(model)) pickle the layer classes, their hook objects
    // and activation functions stored as attributes (TransformerEncoderLayer keeps F.relu).
    {
        target: 'torch.nn.modules.**:[A-Z]*',
        reason: 'torch.nn layer classes (Linear, Conv2d, LSTM, Sequential...). The torch.nn.modules package holds layers and their helpers; the other capitalised names it imports are typing forms (TypeVar, NamedTuple, Protocol...) and collections.OrderedDict, all inert',
    },
    {
        target: 'torch.nn.modules.module:_WrappedHook',
        reason: "hook wrapper kept in a module's hook dicts; calls arg 0 when the hook fires, after load",
        invokesArgs: [0],
    },
    {
        target: 'torch.nn.utils.weight_norm:WeightNorm',
        reason: 'forward pre-hook object of the deprecated weight_norm',
    },
    {
        target: 'torch.nn.utils.spectral_norm:SpectralNorm',
        reason: 'hook object of the deprecated spectral_norm',
    },
    {
        target: 'torch.nn.utils.spectral_norm:SpectralNormStateDictHook',
        reason: 'state-dict hook of spectral_norm',
    },
    {
        target: 'torch.nn.utils.spectral_norm:SpectralNormLoadStateDictPreHook',
        reason: 'load-state-dict hook of spectral_norm',
    },
    {
        target: 'torch.nn.functional:relu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:relu6',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:gelu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:silu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:mish',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:elu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:selu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:celu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:leaky_relu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:rrelu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:glu',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:hardtanh',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:hardswish',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:hardsigmoid',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:sigmoid',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:tanh',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:softplus',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:softsign',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:softmax',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:softmin',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:log_softmax',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:logsigmoid',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:tanhshrink',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:softshrink',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch.nn.functional:hardshrink',
        reason: 'activation function stored as a layer attribute (math only)',
    },
    {
        target: 'torch._C._nn:gelu',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:softplus',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:log_sigmoid',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:softshrink',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:silu',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:mish',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:hardswish',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:hardsigmoid',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:elu',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:leaky_relu',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:hardtanh',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:relu6',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    {
        target: 'torch._C._nn:glu',
        reason: 'native activation function (F.gelu is torch._C._nn.gelu)',
    },
    // Hugging Face transformers / accelerate / tokenizers: training_args.bin (TrainingArguments saved
    // with torch.save by every Trainer), configs, tokenizers.Tokenizer. Real files build these with
    // NEWOBJ (cls.__new__ only); the reasons say what __init__ would do if called with arguments.
    {
        target: 'transformers.training_args:TrainingArguments',
        reason: 'Trainer hyper-parameters (dataclass). Called with positional arguments, __post_init__ validates them and reads the deepspeed / fsdp / accelerator JSON config files they name; no code runs',
        newOnly: true,
    },
    {
        target: 'transformers.training_args_seq2seq:Seq2SeqTrainingArguments',
        reason: 'TrainingArguments subclass of seq2seq trainers; same behaviour',
        newOnly: true,
    },
    {
        target: 'transformers.training_args:OptimizerNames',
        reason: 'enum of optimizer names; lookup by value',
    },
    { target: 'transformers.training_args:ParallelMode', reason: 'enum; lookup by value' },
    {
        target: 'transformers.trainer_utils:IntervalStrategy',
        reason: 'enum stored in TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.trainer_utils:SaveStrategy',
        reason: 'enum stored in TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.trainer_utils:HubStrategy',
        reason: 'enum stored in TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.trainer_utils:SchedulerType',
        reason: 'enum stored in TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.trainer_utils:FSDPOption',
        reason: 'enum stored in TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.trainer_utils:EvaluationStrategy',
        reason: 'enum of transformers 4.x TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.trainer_utils:ShardedDDPOption',
        reason: 'enum of transformers 4.x TrainingArguments; lookup by value',
    },
    {
        target: 'transformers.debug_utils:DebugOption',
        reason: 'enum stored in TrainingArguments.debug; lookup by value',
    },
    {
        target: 'transformers.trainer_pt_utils:AcceleratorConfig',
        reason: 'dataclass of accelerator options in TrainingArguments',
    },
    {
        target: 'transformers.generation.configuration_utils:GenerationConfig',
        reason: 'generation settings; __init__ takes keywords only',
    },
    {
        target: 'transformers.configuration_utils:PretrainedConfig',
        reason: 'model config base class (hyper-parameters)',
    },
    {
        target: 'transformers.models.bert.configuration_bert:BertConfig',
        reason: 'BERT model config (hyper-parameters)',
    },
    {
        target: 'accelerate.state:PartialState',
        reason: "accelerate's process-state singleton, stored in TrainingArguments.distributed_state. __init__ takes one positional flag (cpu) and sets up the process group that the environment variables describe, as any training run does",
        newOnly: true,
    },
    {
        target: 'accelerate.utils.dataclasses:DistributedType',
        reason: 'enum stored in PartialState; lookup by value',
    },
    { target: 'accelerate.utils.dataclasses:DynamoBackend', reason: 'enum; lookup by value' },
    { target: 'accelerate.utils.dataclasses:PrecisionType', reason: 'enum; lookup by value' },
    { target: 'accelerate.utils.dataclasses:ComputeEnvironment', reason: 'enum; lookup by value' },
    {
        target: 'accelerate.utils.dataclasses:SageMakerDistributedType',
        reason: 'enum; lookup by value',
    },
    { target: 'accelerate.utils.dataclasses:RNGType', reason: 'enum; lookup by value' },
    {
        target: 'tokenizers:Tokenizer',
        reason: 'Rust tokenizer; state is its JSON, parsed without touching files',
    },
    { target: 'tokenizers:AddedToken', reason: 'added-token value' },
    {
        target: 'tokenizers.models:Model',
        reason: 'base model class, the reduce target of every tokenizers model; takes no argument (BPE, WordPiece... are left out: they read vocabulary files named by their arguments)',
    },
    // scikit-learn: the estimator packages by class-name glob ([A-Z]* public, _[A-Z]* private such
    // as _BinMapper). They hold estimator, transformer and fitted-state classes (Cython Tree,
    // KDTree, loss objects) and no I/O; an estimator's __init__ only stores its parameters.
    // Other capitalised names the globs reach (list_globals.py --audit-safe): numbers/abc ABCs,
    // collections.Counter, io.StringIO, numpy.ma.MaskedArray, scipy BSpline, warning classes,
    // sklearn's joblib Parallel subclass (inert until called) and abc.ABCMeta (builds a class;
    // runs only the metaclass / __init_subclass__ of bases, which are globals of their own).
    // Never sklearn.datasets (fetch_* use the network), sklearn.utils, sklearn.externals.
    { target: 'sklearn.linear_model.**:[A-Z]*', reason: 'classes of sklearn.linear_model' },
    { target: 'sklearn.ensemble.**:[A-Z]*', reason: 'classes of sklearn.ensemble' },
    { target: 'sklearn.tree.**:[A-Z]*', reason: 'classes of sklearn.tree' },
    { target: 'sklearn.svm.**:[A-Z]*', reason: 'classes of sklearn.svm' },
    { target: 'sklearn.cluster.**:[A-Z]*', reason: 'classes of sklearn.cluster' },
    { target: 'sklearn.decomposition.**:[A-Z]*', reason: 'classes of sklearn.decomposition' },
    { target: 'sklearn.preprocessing.**:[A-Z]*', reason: 'classes of sklearn.preprocessing' },
    {
        target: 'sklearn.feature_extraction.**:[A-Z]*',
        reason: 'classes of sklearn.feature_extraction',
    },
    { target: 'sklearn.compose.**:[A-Z]*', reason: 'classes of sklearn.compose' },
    { target: 'sklearn.neighbors.**:[A-Z]*', reason: 'classes of sklearn.neighbors' },
    { target: 'sklearn.neural_network.**:[A-Z]*', reason: 'classes of sklearn.neural_network' },
    { target: 'sklearn.impute.**:[A-Z]*', reason: 'classes of sklearn.impute' },
    { target: 'sklearn.feature_selection.**:[A-Z]*', reason: 'classes of sklearn.feature_selection' },
    { target: 'sklearn.model_selection.**:[A-Z]*', reason: 'classes of sklearn.model_selection' },
    { target: 'sklearn.gaussian_process.**:[A-Z]*', reason: 'classes of sklearn.gaussian_process' },
    { target: 'sklearn.mixture.**:[A-Z]*', reason: 'classes of sklearn.mixture' },
    { target: 'sklearn.manifold.**:[A-Z]*', reason: 'classes of sklearn.manifold' },
    { target: 'sklearn.covariance.**:[A-Z]*', reason: 'classes of sklearn.covariance' },
    {
        target: 'sklearn.cross_decomposition.**:[A-Z]*',
        reason: 'classes of sklearn.cross_decomposition',
    },
    { target: 'sklearn.semi_supervised.**:[A-Z]*', reason: 'classes of sklearn.semi_supervised' },
    { target: 'sklearn.frozen.**:[A-Z]*', reason: 'classes of sklearn.frozen' },
    { target: 'sklearn._loss.**:[A-Z]*', reason: 'classes of sklearn._loss' },
    { target: 'sklearn.pipeline:[A-Z]*', reason: 'classes of sklearn.pipeline' },
    { target: 'sklearn.naive_bayes:[A-Z]*', reason: 'classes of sklearn.naive_bayes' },
    { target: 'sklearn.dummy:[A-Z]*', reason: 'classes of sklearn.dummy' },
    { target: 'sklearn.calibration:[A-Z]*', reason: 'classes of sklearn.calibration' },
    { target: 'sklearn.multiclass:[A-Z]*', reason: 'classes of sklearn.multiclass' },
    { target: 'sklearn.multioutput:[A-Z]*', reason: 'classes of sklearn.multioutput' },
    {
        target: 'sklearn.kernel_approximation:[A-Z]*',
        reason: 'classes of sklearn.kernel_approximation',
    },
    { target: 'sklearn.kernel_ridge:[A-Z]*', reason: 'classes of sklearn.kernel_ridge' },
    { target: 'sklearn.isotonic:[A-Z]*', reason: 'classes of sklearn.isotonic' },
    {
        target: 'sklearn.discriminant_analysis:[A-Z]*',
        reason: 'classes of sklearn.discriminant_analysis',
    },
    { target: 'sklearn.random_projection:[A-Z]*', reason: 'classes of sklearn.random_projection' },
    { target: 'sklearn.linear_model.**:_[A-Z]*', reason: 'private classes of sklearn.linear_model' },
    { target: 'sklearn.ensemble.**:_[A-Z]*', reason: 'private classes of sklearn.ensemble' },
    { target: 'sklearn.tree.**:_[A-Z]*', reason: 'private classes of sklearn.tree' },
    { target: 'sklearn.svm.**:_[A-Z]*', reason: 'private classes of sklearn.svm' },
    { target: 'sklearn.cluster.**:_[A-Z]*', reason: 'private classes of sklearn.cluster' },
    {
        target: 'sklearn.decomposition.**:_[A-Z]*',
        reason: 'private classes of sklearn.decomposition',
    },
    {
        target: 'sklearn.preprocessing.**:_[A-Z]*',
        reason: 'private classes of sklearn.preprocessing',
    },
    {
        target: 'sklearn.feature_extraction.**:_[A-Z]*',
        reason: 'private classes of sklearn.feature_extraction',
    },
    { target: 'sklearn.compose.**:_[A-Z]*', reason: 'private classes of sklearn.compose' },
    { target: 'sklearn.neighbors.**:_[A-Z]*', reason: 'private classes of sklearn.neighbors' },
    {
        target: 'sklearn.neural_network.**:_[A-Z]*',
        reason: 'private classes of sklearn.neural_network',
    },
    { target: 'sklearn.impute.**:_[A-Z]*', reason: 'private classes of sklearn.impute' },
    {
        target: 'sklearn.feature_selection.**:_[A-Z]*',
        reason: 'private classes of sklearn.feature_selection',
    },
    {
        target: 'sklearn.model_selection.**:_[A-Z]*',
        reason: 'private classes of sklearn.model_selection',
    },
    {
        target: 'sklearn.gaussian_process.**:_[A-Z]*',
        reason: 'private classes of sklearn.gaussian_process',
    },
    { target: 'sklearn.mixture.**:_[A-Z]*', reason: 'private classes of sklearn.mixture' },
    { target: 'sklearn.manifold.**:_[A-Z]*', reason: 'private classes of sklearn.manifold' },
    { target: 'sklearn.covariance.**:_[A-Z]*', reason: 'private classes of sklearn.covariance' },
    {
        target: 'sklearn.cross_decomposition.**:_[A-Z]*',
        reason: 'private classes of sklearn.cross_decomposition',
    },
    {
        target: 'sklearn.semi_supervised.**:_[A-Z]*',
        reason: 'private classes of sklearn.semi_supervised',
    },
    { target: 'sklearn.frozen.**:_[A-Z]*', reason: 'private classes of sklearn.frozen' },
    { target: 'sklearn._loss.**:_[A-Z]*', reason: 'private classes of sklearn._loss' },
    { target: 'sklearn.pipeline:_[A-Z]*', reason: 'private classes of sklearn.pipeline' },
    { target: 'sklearn.naive_bayes:_[A-Z]*', reason: 'private classes of sklearn.naive_bayes' },
    { target: 'sklearn.dummy:_[A-Z]*', reason: 'private classes of sklearn.dummy' },
    { target: 'sklearn.calibration:_[A-Z]*', reason: 'private classes of sklearn.calibration' },
    { target: 'sklearn.multiclass:_[A-Z]*', reason: 'private classes of sklearn.multiclass' },
    { target: 'sklearn.multioutput:_[A-Z]*', reason: 'private classes of sklearn.multioutput' },
    {
        target: 'sklearn.kernel_approximation:_[A-Z]*',
        reason: 'private classes of sklearn.kernel_approximation',
    },
    { target: 'sklearn.kernel_ridge:_[A-Z]*', reason: 'private classes of sklearn.kernel_ridge' },
    { target: 'sklearn.isotonic:_[A-Z]*', reason: 'private classes of sklearn.isotonic' },
    {
        target: 'sklearn.discriminant_analysis:_[A-Z]*',
        reason: 'private classes of sklearn.discriminant_analysis',
    },
    {
        target: 'sklearn.random_projection:_[A-Z]*',
        reason: 'private classes of sklearn.random_projection',
    },
    {
        target: 'sklearn.neighbors.**:newObj',
        reason: 'Cython reduce helper of KDTree/BallTree: cls.__new__(cls)',
        invokesArgs: [0],
    },
    {
        target: 'sklearn.metrics._dist_metrics:newObj',
        reason: 'Cython reduce helper of distance metrics: cls.__new__(cls)',
        invokesArgs: [0],
    },
    {
        target: 'sklearn.metrics._dist_metrics:BrayCurtisDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:BrayCurtisDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:CanberraDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:CanberraDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:ChebyshevDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:ChebyshevDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:DiceDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:DiceDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:EuclideanDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:EuclideanDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:HammingDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:HammingDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:HaversineDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:HaversineDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:JaccardDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:JaccardDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:KulsinskiDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:KulsinskiDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:MahalanobisDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:MahalanobisDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:ManhattanDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:ManhattanDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:MatchingDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:MatchingDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:MinkowskiDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:MinkowskiDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:RogersTanimotoDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:RogersTanimotoDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:RussellRaoDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:RussellRaoDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:SEuclideanDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:SEuclideanDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:SokalMichenerDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:SokalMichenerDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:SokalSneathDistance64',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    {
        target: 'sklearn.metrics._dist_metrics:SokalSneathDistance32',
        reason: 'distance metric of KDTree/BallTree/KNN',
    },
    { target: 'sklearn.metrics._dist_metrics:DistanceMetric', reason: 'distance metric base class' },
    {
        target: 'sklearn._loss._loss:__pyx_unpickle_Cy*',
        reason: 'Cython unpickle helpers of the loss classes: CyXxx.__new__(arg 0) after a checksum',
        invokesArgs: [0],
    },
    {
        target: 'sklearn.metrics._scorer:_*Scorer',
        reason: 'scorer objects kept by GridSearchCV and friends',
    },
    {
        target: 'sklearn.metrics.**:*_score',
        reason: 'metric function referenced by a scorer (math on arrays)',
    },
    {
        target: 'sklearn.metrics.**:*_error',
        reason: 'metric function referenced by a scorer (math on arrays)',
    },
    {
        target: 'sklearn.metrics.**:*_loss',
        reason: 'metric function referenced by a scorer (math on arrays)',
    },
    {
        target: 'sklearn.metrics._classification:matthews_corrcoef',
        reason: 'metric function referenced by a scorer',
    },
    {
        target: 'sklearn.feature_selection._univariate_selection:f_classif',
        reason: 'score_func of SelectKBest (statistics)',
    },
    {
        target: 'sklearn.feature_selection._univariate_selection:f_regression',
        reason: 'score_func of SelectKBest',
    },
    {
        target: 'sklearn.feature_selection._univariate_selection:r_regression',
        reason: 'score_func of SelectKBest',
    },
    {
        target: 'sklearn.feature_selection._univariate_selection:chi2',
        reason: 'score_func of SelectKBest',
    },
    {
        target: 'sklearn.feature_selection._univariate_selection:f_oneway',
        reason: 'statistics helper of f_classif',
    },
    {
        target: 'sklearn.feature_selection._mutual_info:mutual_info_classif',
        reason: 'score_func of SelectKBest',
    },
    {
        target: 'sklearn.feature_selection._mutual_info:mutual_info_regression',
        reason: 'score_func of SelectKBest',
    },
    {
        target: 'sklearn.compose._column_transformer:make_column_selector',
        reason: 'column selector object (stores patterns)',
    },
    {
        target: 'sklearn.compose._column_transformer:_RemainderColsList',
        reason: 'list of remainder columns (scikit-learn 1.5-1.7)',
    },
    {
        target: 'sklearn.utils._bunch:Bunch',
        reason: 'dict with attribute access (named_transformers_, cv results)',
    },
    // joblib: the array placeholder of joblib.dump; the array bytes follow it in the stream (or a
    // nested pickle for object arrays, read with the same find_class). Not NDArrayWrapper or
    // ZNDArrayWrapper (joblib < 0.10): joblib's unpickler opens the sidecar file they name and
    // np.load()s it with allow_pickle=True.
    {
        target: 'joblib.numpy_pickle:NumpyArrayWrapper',
        reason: 'joblib array placeholder (shape, dtype, order)',
    },
    {
        target: 'sklearn.externals.joblib.numpy_pickle:NumpyArrayWrapper',
        reason: 'the same in joblib as vendored by scikit-learn < 0.23',
    },
    // scipy.sparse matrices and arrays (exact names: their modules also import the sparsetools
    // kernels, which trust their index arguments). Not scipy.stats distributions: their
    // __setstate__ exec()s the _parse_arg_template string stored in the pickle.
    { target: 'scipy.sparse._bsr:bsr_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._coo:coo_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._csc:csc_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._csr:csr_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._dia:dia_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._dok:dok_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._lil:lil_matrix', reason: 'sparse matrix class (scipy >= 1.8 module)' },
    { target: 'scipy.sparse._bsr:bsr_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse._coo:coo_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse._csc:csc_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse._csr:csr_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse._dia:dia_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse._dok:dok_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse._lil:lil_array', reason: 'sparse array class (scipy >= 1.11 module)' },
    { target: 'scipy.sparse.bsr:bsr_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    { target: 'scipy.sparse.coo:coo_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    { target: 'scipy.sparse.csc:csc_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    { target: 'scipy.sparse.csr:csr_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    { target: 'scipy.sparse.dia:dia_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    { target: 'scipy.sparse.dok:dok_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    { target: 'scipy.sparse.lil:lil_matrix', reason: 'sparse matrix class (scipy < 1.8 module)' },
    {
        target: 'scipy.sparse._arrays:bsr_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.sparse._arrays:coo_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.sparse._arrays:csc_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.sparse._arrays:csr_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.sparse._arrays:dia_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.sparse._arrays:dok_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.sparse._arrays:lil_array',
        reason: 'sparse array class (scipy 1.8-1.10 module)',
    },
    {
        target: 'scipy.interpolate._bsplines:BSpline',
        reason: 'B-spline (knots and coefficients) kept by SplineTransformer',
    },
    {
        target: 'scipy._lib.array_api_compat.numpy._aliases:asarray',
        reason: 'numpy.asarray wrapper that BSpline keeps as its array namespace function',
    },
    {
        target: 'scipy.optimize._optimize:OptimizeResult',
        reason: "dict subclass holding an optimizer's result",
    },
    // pandas: frames, series, indexes, extension arrays and dtypes (exact names at the top level:
    // pandas also exports read_*, eval, ExcelFile, HDFStore...).
    { target: 'pandas:DataFrame', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Series', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Index', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:RangeIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:MultiIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:IntervalIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:PeriodIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:DatetimeIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:TimedeltaIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:CategoricalIndex', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Categorical', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:CategoricalDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:DatetimeTZDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:PeriodDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:IntervalDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:SparseDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:StringDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:ArrowDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:BooleanDtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Int8Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Int16Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Int32Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Int64Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:UInt8Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:UInt16Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:UInt32Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:UInt64Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Float32Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Float64Dtype', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Period', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Timestamp', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Timedelta', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:Interval', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:DateOffset', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:NA', reason: 'pandas data class or missing-value singleton' },
    { target: 'pandas:NaT', reason: 'pandas data class or missing-value singleton' },
    {
        target: 'pandas.arrays:[A-Z]*Array',
        reason: 'pandas.arrays holds only extension array classes',
    },
    { target: 'pandas.arrays:Categorical', reason: 'categorical extension array' },
    {
        target: 'pandas.core.frame:DataFrame',
        reason: 'DataFrame under its defining module (pandas < 3)',
    },
    { target: 'pandas.core.series:Series', reason: 'Series under its defining module (pandas < 3)' },
    {
        target: 'pandas.core.indexes.**:[A-Z]*',
        reason: 'Index classes; the package holds indexes and their accessors only',
    },
    {
        target: 'pandas.core.indexes.**:_new_*',
        reason: 'Index reduce helpers (_new_Index, _new_DatetimeIndex...): cls.__new__ / cls._simple_new(...)',
        invokesArgs: [0],
    },
    {
        target: 'pandas.core.arrays.boolean:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.categorical:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.datetimes:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.floating:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.integer:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.interval:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.masked:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.numeric:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.numpy_:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.period:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.string_:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.string_arrow:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.timedeltas:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.sparse.array:[A-Z]*',
        reason: 'extension array and dtype classes (pandas < 3 module names)',
    },
    {
        target: 'pandas.core.arrays.arrow.array:ArrowExtensionArray',
        reason: 'pyarrow-backed extension array',
    },
    {
        target: 'pandas.core.dtypes.dtypes:[A-Z]*Dtype',
        reason: 'pandas dtype classes (CategoricalDtype...)',
    },
    {
        target: 'pandas.core.internals.**:[A-Z]*',
        reason: 'block manager and block classes of DataFrame state',
    },
    {
        target: 'pandas.core.internals.blocks:new_block',
        reason: 'block factory of older DataFrame pickles',
    },
    {
        target: 'pandas.core.internals.blocks:new_block_2d',
        reason: 'block factory of older DataFrame pickles',
    },
    {
        target: 'pandas._libs.internals:_unpickle_block',
        reason: 'block reduce: new_block(values, placement, ndim)',
    },
    { target: 'pandas._libs.internals:BlockPlacement', reason: 'block placement (slice or indices)' },
    {
        target: 'pandas._libs.arrays:__pyx_unpickle_NDArrayBacked',
        reason: 'Cython unpickle helper: NDArrayBacked.__new__(arg 0) after a checksum, then state',
        invokesArgs: [0],
    },
    { target: 'pandas._libs.tslibs.timestamps:_unpickle_timestamp', reason: 'Timestamp reduce' },
    { target: 'pandas._libs.tslibs.timestamps:Timestamp', reason: 'Timestamp class' },
    { target: 'pandas._libs.tslibs.timedeltas:_timedelta_unpickle', reason: 'Timedelta reduce' },
    { target: 'pandas._libs.tslibs.timedeltas:Timedelta', reason: 'Timedelta class' },
    { target: 'pandas._libs.tslibs.nattype:_nat_unpickle', reason: 'NaT reduce' },
    { target: 'pandas._libs.tslibs.period:Period', reason: 'Period class' },
    { target: 'pandas._libs.interval:Interval', reason: 'Interval class' },
    { target: 'pandas._libs.sparse:IntIndex', reason: 'sparse index of SparseArray' },
    { target: 'pandas._libs.sparse:BlockIndex', reason: 'sparse index of SparseArray' },
    { target: 'pandas._libs.tslibs.offsets:BaseOffset', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:DateOffset', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Tick', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Day', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Hour', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Minute', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Second', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Milli', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Micro', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Nano', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BusinessDay', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BusinessHour', reason: 'date offset (frequency) class' },
    {
        target: 'pandas._libs.tslibs.offsets:CustomBusinessDay',
        reason: 'date offset (frequency) class',
    },
    {
        target: 'pandas._libs.tslibs.offsets:CustomBusinessHour',
        reason: 'date offset (frequency) class',
    },
    { target: 'pandas._libs.tslibs.offsets:MonthEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:MonthBegin', reason: 'date offset (frequency) class' },
    {
        target: 'pandas._libs.tslibs.offsets:BusinessMonthEnd',
        reason: 'date offset (frequency) class',
    },
    {
        target: 'pandas._libs.tslibs.offsets:BusinessMonthBegin',
        reason: 'date offset (frequency) class',
    },
    {
        target: 'pandas._libs.tslibs.offsets:CustomBusinessMonthEnd',
        reason: 'date offset (frequency) class',
    },
    {
        target: 'pandas._libs.tslibs.offsets:CustomBusinessMonthBegin',
        reason: 'date offset (frequency) class',
    },
    { target: 'pandas._libs.tslibs.offsets:SemiMonthEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:SemiMonthBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:QuarterEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:QuarterBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BQuarterEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BQuarterBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:HalfYearEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:HalfYearBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BHalfYearEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BHalfYearBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:YearEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:YearBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BYearEnd', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:BYearBegin', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Week', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:WeekOfMonth', reason: 'date offset (frequency) class' },
    {
        target: 'pandas._libs.tslibs.offsets:LastWeekOfMonth',
        reason: 'date offset (frequency) class',
    },
    { target: 'pandas._libs.tslibs.offsets:FY5253', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:FY5253Quarter', reason: 'date offset (frequency) class' },
    { target: 'pandas._libs.tslibs.offsets:Easter', reason: 'date offset (frequency) class' },
    // Gradient-boosting libraries' scikit-learn wrappers. The boosters restore from a model string
    // (parsed natively); called with a positional model_file they read that file. xgboost has no
    // fixture (not installable here): names from its stable public layout.
    { target: 'lightgbm.sklearn:LGBMClassifier', reason: 'LightGBM scikit-learn classifier' },
    { target: 'lightgbm.sklearn:LGBMRegressor', reason: 'LightGBM scikit-learn regressor' },
    { target: 'lightgbm.sklearn:LGBMRanker', reason: 'LightGBM scikit-learn ranker' },
    { target: 'lightgbm.sklearn:LGBMModel', reason: 'LightGBM scikit-learn base model' },
    {
        target: 'lightgbm.basic:Booster',
        reason: 'LightGBM booster; __setstate__ parses the model string',
        newOnly: true,
    },
    { target: 'xgboost.sklearn:XGBClassifier', reason: 'XGBoost scikit-learn classifier' },
    { target: 'xgboost.sklearn:XGBRegressor', reason: 'XGBoost scikit-learn regressor' },
    { target: 'xgboost.sklearn:XGBRanker', reason: 'XGBoost scikit-learn ranker' },
    { target: 'xgboost.sklearn:XGBRFClassifier', reason: 'XGBoost random-forest classifier' },
    { target: 'xgboost.sklearn:XGBRFRegressor', reason: 'XGBoost random-forest regressor' },
    { target: 'xgboost.sklearn:XGBModel', reason: 'XGBoost scikit-learn base model' },
    {
        target: 'xgboost.core:Booster',
        reason: 'XGBoost booster; __setstate__ loads the raw model buffer',
        newOnly: true,
    },
    {
        target: 'xgboost.compat:XGBoostLabelEncoder',
        reason: 'LabelEncoder subclass kept by xgboost 1.x classifiers',
    },
];

;// CONCATENATED MODULE: ./src/pickle/policy/stdlib.ts
/**
 * Names of the Python standard library's top-level modules (sys.stdlib_module_names of
 * CPython 3.11, modules of newer versions, and Python 2 names that the unpickler maps
 * onto them). A callable in these
 * namespaces is either classified or treated as an unsafe library callable.
 *
 * Generated by scripts/gen-python-tables.py; do not edit by hand.
 */
const STDLIB_MODULES = new Set([
    '__future__',
    '_abc',
    '_aix_support',
    '_ast',
    '_asyncio',
    '_bisect',
    '_blake2',
    '_bootsubprocess',
    '_bz2',
    '_codecs',
    '_codecs_cn',
    '_codecs_hk',
    '_codecs_iso2022',
    '_codecs_jp',
    '_codecs_kr',
    '_codecs_tw',
    '_collections',
    '_collections_abc',
    '_compat_pickle',
    '_compression',
    '_contextvars',
    '_crypt',
    '_csv',
    '_ctypes',
    '_curses',
    '_curses_panel',
    '_datetime',
    '_dbm',
    '_decimal',
    '_elementtree',
    '_frozen_importlib',
    '_frozen_importlib_external',
    '_functools',
    '_gdbm',
    '_hashlib',
    '_heapq',
    '_imp',
    '_io',
    '_json',
    '_locale',
    '_lsprof',
    '_lzma',
    '_markupbase',
    '_md5',
    '_msi',
    '_multibytecodec',
    '_multiprocessing',
    '_opcode',
    '_operator',
    '_osx_support',
    '_overlapped',
    '_pickle',
    '_posixshmem',
    '_posixsubprocess',
    '_py_abc',
    '_pydecimal',
    '_pyio',
    '_queue',
    '_random',
    '_scproxy',
    '_sha1',
    '_sha256',
    '_sha3',
    '_sha512',
    '_signal',
    '_sitebuiltins',
    '_socket',
    '_sqlite3',
    '_sre',
    '_ssl',
    '_stat',
    '_statistics',
    '_string',
    '_strptime',
    '_struct',
    '_symtable',
    '_thread',
    '_threading_local',
    '_tkinter',
    '_tokenize',
    '_tracemalloc',
    '_typing',
    '_uuid',
    '_warnings',
    '_weakref',
    '_weakrefset',
    '_winapi',
    '_zoneinfo',
    'abc',
    'aifc',
    'antigravity',
    'argparse',
    'array',
    'ast',
    'asynchat',
    'asyncio',
    'asyncore',
    'atexit',
    'audioop',
    'base64',
    'bdb',
    'binascii',
    'bisect',
    'builtins',
    'bz2',
    'cProfile',
    'calendar',
    'cgi',
    'cgitb',
    'chunk',
    'cmath',
    'cmd',
    'code',
    'codecs',
    'codeop',
    'collections',
    'colorsys',
    'compileall',
    'concurrent',
    'configparser',
    'contextlib',
    'contextvars',
    'copy',
    'copyreg',
    'crypt',
    'csv',
    'ctypes',
    'curses',
    'dataclasses',
    'datetime',
    'dbm',
    'decimal',
    'difflib',
    'dis',
    'distutils',
    'doctest',
    'email',
    'encodings',
    'ensurepip',
    'enum',
    'errno',
    'faulthandler',
    'fcntl',
    'filecmp',
    'fileinput',
    'fnmatch',
    'fractions',
    'ftplib',
    'functools',
    'gc',
    'genericpath',
    'getopt',
    'getpass',
    'gettext',
    'glob',
    'graphlib',
    'grp',
    'gzip',
    'hashlib',
    'heapq',
    'hmac',
    'html',
    'http',
    'idlelib',
    'imaplib',
    'imghdr',
    'imp',
    'importlib',
    'inspect',
    'io',
    'ipaddress',
    'itertools',
    'json',
    'keyword',
    'lib2to3',
    'linecache',
    'locale',
    'logging',
    'lzma',
    'mailbox',
    'mailcap',
    'marshal',
    'math',
    'mimetypes',
    'mmap',
    'modulefinder',
    'msilib',
    'msvcrt',
    'multiprocessing',
    'netrc',
    'nis',
    'nntplib',
    'nt',
    'ntpath',
    'nturl2path',
    'numbers',
    'opcode',
    'operator',
    'optparse',
    'os',
    'ossaudiodev',
    'pathlib',
    'pdb',
    'pickle',
    'pickletools',
    'pipes',
    'pkgutil',
    'platform',
    'plistlib',
    'poplib',
    'posix',
    'posixpath',
    'pprint',
    'profile',
    'pstats',
    'pty',
    'pwd',
    'py_compile',
    'pyclbr',
    'pydoc',
    'pydoc_data',
    'pyexpat',
    'queue',
    'quopri',
    'random',
    're',
    'readline',
    'reprlib',
    'resource',
    'rlcompleter',
    'runpy',
    'sched',
    'secrets',
    'select',
    'selectors',
    'shelve',
    'shlex',
    'shutil',
    'signal',
    'site',
    'smtpd',
    'smtplib',
    'sndhdr',
    'socket',
    'socketserver',
    'spwd',
    'sqlite3',
    'sre_compile',
    'sre_constants',
    'sre_parse',
    'ssl',
    'stat',
    'statistics',
    'string',
    'stringprep',
    'struct',
    'subprocess',
    'sunau',
    'symtable',
    'sys',
    'sysconfig',
    'syslog',
    'tabnanny',
    'tarfile',
    'telnetlib',
    'tempfile',
    'termios',
    'textwrap',
    'this',
    'threading',
    'time',
    'timeit',
    'tkinter',
    'token',
    'tokenize',
    'tomllib',
    'trace',
    'traceback',
    'tracemalloc',
    'tty',
    'turtle',
    'turtledemo',
    'types',
    'typing',
    'unicodedata',
    'unittest',
    'urllib',
    'uu',
    'uuid',
    'venv',
    'warnings',
    'wave',
    'weakref',
    'webbrowser',
    'winreg',
    'winsound',
    'wsgiref',
    'xdrlib',
    'xml',
    'xmlrpc',
    'zipapp',
    'zipfile',
    'zipimport',
    'zlib',
    'zoneinfo',
    '_android_support',
    '_apple_support',
    '_colorize',
    '_interpchannels',
    '_interpqueues',
    '_interpreters',
    '_ios_support',
    '_opcode_metadata',
    '_pydatetime',
    '_pylong',
    '_pyrepl',
    '_remote_debugging',
    '_suggestions',
    '_sysconfig',
    '_wmi',
    '_zstd',
    'annotationlib',
    'compression',
    '_hmac',
    '_types',
    'BaseHTTPServer',
    'CGIHTTPServer',
    'ConfigParser',
    'Cookie',
    'Dialog',
    'DocXMLRPCServer',
    'FileDialog',
    'HTMLParser',
    'Queue',
    'ScrolledText',
    'SimpleDialog',
    'SimpleHTTPServer',
    'SimpleXMLRPCServer',
    'SocketServer',
    'StringIO',
    'Tix',
    'Tkconstants',
    'Tkdnd',
    'Tkinter',
    'UserDict',
    'UserList',
    'UserString',
    '__builtin__',
    '_abcoll',
    '_winreg',
    'anydbm',
    'cPickle',
    'cStringIO',
    'commands',
    'cookielib',
    'copy_reg',
    'dbhash',
    'dumbdbm',
    'dummy_thread',
    'exceptions',
    'gdbm',
    'htmlentitydefs',
    'httplib',
    'markupbase',
    'repr',
    'robotparser',
    'test',
    'thread',
    'tkColorChooser',
    'tkCommonDialog',
    'tkFileDialog',
    'tkFont',
    'tkMessageBox',
    'tkSimpleDialog',
    'ttk',
    'urllib2',
    'urlparse',
    'whichdb',
    'xmlrpclib',
]);

;// CONCATENATED MODULE: ./src/pickle/policy/suspicious.ts
/**
 * Final attribute names used by command and code runners; in unclassified modules, or at the end
 * of an attribute chain, they make a call an ERROR.
 *
 * Only names that no real library uses for a class or factory that model files reference: no
 * "run", "call", "load", "loads", "compile", "evaluate" or "open" on their own (json.loads,
 * re.compile, torch.nn.Module.eval-style methods and countless run() helpers would trip them).
 * Each name below is a process launcher, a source or bytecode runner, a name resolver, a native
 * library loader or a downloader in the stdlib or in a widely copied helper (versioneer's
 * run_command, six's exec_, IPython's run_cell…), so a third-party module exporting it is
 * almost certainly wrapping one of those.
 */
const SUSPICIOUS_NAMES = new Set([
    // Process launchers (os, posix, nt, subprocess, commands, popen2, pty, multiprocessing,
    // _posixsubprocess, Windows APIs, paramiko, numpy.distutils, versioneer copies)
    'system',
    'popen',
    'popen2',
    'popen3',
    'popen4',
    'Popen',
    'spawn',
    'spawnl',
    'spawnle',
    'spawnlp',
    'spawnlpe',
    'spawnv',
    'spawnve',
    'spawnvp',
    'spawnvpe',
    'spawnv_passfds',
    'posix_spawn',
    'posix_spawnp',
    'execl',
    'execle',
    'execlp',
    'execlpe',
    'execv',
    'execve',
    'execvp',
    'execvpe',
    'fork_exec',
    'forkpty',
    'startfile',
    'check_output',
    'check_call',
    'getoutput',
    'getstatusoutput',
    'run_command',
    'runcommand',
    'exec_command',
    'CreateProcess',
    'ShellExecute',
    'ShellExecuteEx',
    'WinExec',
    'pipepager',
    'pipe_pager',
    'tempfilepager',
    // Runners of Python source, code objects and files
    'eval',
    'exec',
    'exec_',
    'execfile',
    'safe_execfile',
    'runcode',
    'runsource',
    'runctx',
    'runeval',
    'runcall',
    'runstring',
    'run_path',
    'run_module',
    '_run_code',
    '_run_module_code',
    'run_cell',
    'run_line_magic',
    'run_cell_magic',
    'execWrapper',
    '_exec_with_source',
    '_forward_from_src',
    'exec_module',
    'load_module',
    'load_source',
    'load_compiled',
    'load_dynamic',
    'load_inline',
    'cython_inline',
    'compile_file',
    'sympify',
    'parse_expr',
    'lambdify',
    'func_load',
    'unsafe_load',
    'unsafe_load_all',
    'get_class_from_dynamic_module',
    // Name resolvers and attribute walkers: a string becomes any callable
    'import_module',
    'import_string',
    'import_item',
    'resolve_name',
    'locate',
    '_locate',
    'subimport',
    'find_class',
    '_import_dotted_name',
    '_ufunc_reconstruct',
    'attrgetter',
    'methodcaller',
    'getattr',
    'setattr',
    'delattr',
    'getattr_static',
    // Debugger and tracer hooks
    'set_trace',
    'settrace',
    'setprofile',
    'addaudithook',
    'breakpoint',
    // Native library loaders
    'load_library',
    'CDLL',
    'PyDLL',
    'WinDLL',
    'OleDLL',
    'LoadLibrary',
    'dlopen',
    // Downloaders of code or weights (model swapping, remote code with trust_remote_code)
    'urlopen',
    'urlretrieve',
    'download_url_to_file',
    'load_state_dict_from_url',
    'hf_hub_download',
    'snapshot_download',
    'from_pretrained',
    'load_from_checkpoint',
]);

;// CONCATENATED MODULE: ./src/pickle/policy/classify.ts
/**
 * Judges an imported name (module, qualname) the way find_class would resolve it:
 * Python-2 names mapped as _compat_pickle maps them, dotted qualnames walked attribute by
 * attribute, and each candidate checked against the policy tables in a fixed order.
 */






const dangerTable = DANGEROUS_CALLABLES.map((entry) => ({
    parts: entry.target.split('.'),
    entry,
}));
const safeExact = new Map();
const safeTrees = [];
for (const entry of SAFE_CALLABLES) {
    const colon = entry.target.indexOf(':');
    if (colon < 0)
        throw new Error(`safe entry ${entry.target} lacks "module:name"`);
    let module = entry.target.slice(0, colon);
    const submodules = module.endsWith('.**');
    if (submodules)
        module = module.slice(0, -3);
    const compiled = {
        entry,
        module,
        submodules,
        name: globToRegExp(entry.target.slice(colon + 1)),
    };
    if (submodules)
        safeTrees.push(compiled);
    else {
        const list = safeExact.get(module) ?? [];
        list.push(compiled);
        safeExact.set(module, list);
    }
}
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*')
            re += '[^.]*';
        else if (c === '[') {
            const close = glob.indexOf(']', i);
            if (close < 0)
                throw new Error(`bad character class in ${glob}`);
            re += glob.slice(i, close + 1);
            i = close;
        }
        else
            re += c.replace(/[.+?^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
function isDunder(part) {
    return part.length > 4 && part.startsWith('__') && part.endsWith('__');
}
function matchDanger(parts) {
    let best;
    for (const d of dangerTable) {
        if (d.parts.length > parts.length)
            continue;
        let ok = true;
        for (let i = 0; i < d.parts.length; i++) {
            if (d.parts[i] !== parts[i]) {
                ok = false;
                break;
            }
        }
        // The most specific entry carries the most precise reason.
        if (ok && (!best || d.parts.length > best.parts.length))
            best = d;
    }
    return best && { entry: best.entry, length: best.parts.length };
}
/**
 * Safe when the module and qualname match an entry exactly as the pickle splits them. Name
 * parts are never moved into the module: ('sklearn.x', 'np.lib.npyio.DataSource') walks the
 * attribute np of sklearn.x (numpy), it does not name a module under sklearn.
 */
function matchSafe(module, qualname) {
    for (const s of safeExact.get(module) ?? [])
        if (s.name.test(qualname))
            return s.entry;
    for (const s of safeTrees) {
        if ((module === s.module || module.startsWith(s.module + '.')) && s.name.test(qualname))
            return s.entry;
    }
    return undefined;
}
function classifyParts(moduleParts, nameParts) {
    const parts = [...moduleParts, ...nameParts];
    const path = parts.join('.');
    // A dotted qualname walks attributes; a module attribute may itself be a module
    // (pathlib.os is os), so every tail of the walk is judged as a path of its own. The most
    // specific match wins; on a tie the tail, which names the object actually reached.
    const direct = matchDanger(parts);
    let alias;
    for (let i = 0; i + 1 < nameParts.length; i++) {
        const tail = nameParts.slice(i);
        const hit = matchDanger(tail);
        if (hit && (!alias || hit.length > alias.length))
            alias = { ...hit, tail };
    }
    if (alias && (!direct || alias.length >= direct.length)) {
        return {
            level: 'dangerous',
            basis: 'alias',
            category: alias.entry.category,
            reason: `${alias.entry.reason} (reached through the attribute chain ${path})`,
            matched: alias.tail.join('.'),
        };
    }
    if (direct) {
        return {
            level: 'dangerous',
            basis: 'table',
            category: direct.entry.category,
            reason: direct.entry.reason,
            matched: path,
        };
    }
    const safe = matchSafe(moduleParts.join('.'), nameParts.join('.'));
    if (safe)
        return { level: 'safe', entry: safe };
    if (nameParts.some(isDunder)) {
        return {
            level: 'dangerous',
            basis: 'dunder',
            category: 'dunder-traversal',
            reason: 'walks through double-underscore attributes, the classic route from any object to builtins',
            matched: path,
        };
    }
    const last = nameParts[nameParts.length - 1] ?? '';
    if (SUSPICIOUS_NAMES.has(last)) {
        return {
            level: 'dangerous',
            basis: 'suspicious-name',
            category: 'suspicious-name',
            reason: `"${last}" is the name of a command or code runner`,
            matched: path,
        };
    }
    const top = moduleParts[0] ?? '';
    if (STDLIB_MODULES.has(top) || KNOWN_LIBRARY_NAMESPACES.has(top))
        return { level: 'library', namespace: top };
    return { level: 'unclassified' };
}
/** The (module, name) find_class really imports when fix_imports applies (protocol < 3). */
function mapPython2Name(module, name) {
    const pair = NAME_MAPPING[module + '\u0000' + name];
    if (pair)
        return [pair[0], pair[1]];
    const mapped = IMPORT_MAPPING[module];
    return mapped !== undefined ? [mapped, name] : undefined;
}
const cache = new Map();
const CACHE_LIMIT = 100_000;
/** Classifies the callable that find_class(module, name) would return. */
function classifyGlobal(module, name) {
    const key = module + '\u0000' + name;
    const hit = cache.get(key);
    if (hit)
        return hit;
    const original = classifyParts(module.split('.'), name.split('.'));
    let result = original;
    const mapped = mapPython2Name(module, name);
    if (mapped) {
        // Python-2 module names do not exist on Python 3: what runs is the mapped name,
        // unless the original is dangerous in its own right.
        const m = classifyParts(mapped[0].split('.'), mapped[1].split('.'));
        result = original.level === 'dangerous' ? original : m;
    }
    if (cache.size >= CACHE_LIMIT)
        cache.clear();
    cache.set(key, result);
    return result;
}

;// CONCATENATED MODULE: ./src/pickle/strings.ts
/**
 * Decoders for pickle string arguments, matching what the C unpickler accepts.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * UTF-8 with the "surrogatepass" error handler (what _pickle.c uses for BINUNICODE and
 * GLOBAL names). Returns undefined for bytes it would reject.
 */
function decodeUtf8SurrogatePass(bytes) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] > 0x7f) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return bytes.toString('latin1');
    try {
        return utf8.decode(bytes);
    }
    catch {
        // TextDecoder rejects encoded surrogates (ED A0..BF xx) that surrogatepass allows: retry
        // with those sequences decoded by hand.
    }
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b === 0xed &&
            i + 2 < bytes.length &&
            (bytes[i + 1] & 0xe0) === 0xa0 &&
            (bytes[i + 2] & 0xc0) === 0x80) {
            out += String.fromCharCode(0xd000 | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
            i += 3;
            continue;
        }
        let j = i;
        while (j < bytes.length &&
            !(bytes[j] === 0xed && j + 1 < bytes.length && (bytes[j + 1] & 0xe0) === 0xa0))
            j++;
        try {
            out += utf8.decode(bytes.subarray(i, j));
        }
        catch {
            return undefined;
        }
        if (j === i)
            return undefined;
        i = j;
    }
    return out;
}
/** The latin1 text of a line as UTF-8, or undefined when it is not valid UTF-8. */
function lineAsUtf8(line) {
    return decodeUtf8SurrogatePass(Buffer.from(line, 'latin1'));
}
/** STRING argument: must be quoted; the inside is decoded like a Python bytes literal. */
function decodeStringArg(line) {
    const q = line[0];
    if (line.length < 2 || (q !== "'" && q !== '"') || line[line.length - 1] !== q) {
        return { ok: false, why: 'the STRING opcode argument must be quoted' };
    }
    const body = line.slice(1, -1);
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            out += c;
            continue;
        }
        const n = body[++i];
        if (n === undefined)
            return { ok: false, why: 'trailing backslash in STRING argument' };
        switch (n) {
            case '\n':
                break;
            case '\\':
            case "'":
            case '"':
                out += n;
                break;
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\x07';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x': {
                const hex = body.slice(i + 1, i + 3);
                if (!/^[0-9a-fA-F]{2}$/.test(hex))
                    return { ok: false, why: 'invalid \\x escape in STRING argument' };
                out += String.fromCharCode(parseInt(hex, 16));
                i += 2;
                break;
            }
            default:
                if (n >= '0' && n <= '7') {
                    let oct = n;
                    while (oct.length < 3 &&
                        body[i + 1] !== undefined &&
                        body[i + 1] >= '0' &&
                        body[i + 1] <= '7')
                        oct += body[++i];
                    out += String.fromCharCode(parseInt(oct, 8) & 0xff);
                }
                else
                    out += '\\' + n;
        }
    }
    return { ok: true, bytes: out };
}
/** UNICODE argument: raw-unicode-escape (only \uXXXX and \UXXXXXXXX are escapes). */
function decodeRawUnicodeEscape(line) {
    let out = '';
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c !== '\\') {
            out += c;
            continue;
        }
        // An escape only counts after an odd run of backslashes.
        let run = 1;
        while (line[i + run] === '\\')
            run++;
        const next = line[i + run];
        if (run % 2 === 1 && (next === 'u' || next === 'U')) {
            out += '\\'.repeat(run - 1);
            const width = next === 'u' ? 4 : 8;
            const hex = line.slice(i + run + 1, i + run + 1 + width);
            if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) {
                return { ok: false, why: 'truncated \\uXXXX escape in UNICODE argument' };
            }
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff)
                return { ok: false, why: '\\Uxxxxxxxx out of range in UNICODE argument' };
            out += String.fromCodePoint(cp);
            i += run + width;
        }
        else {
            out += '\\'.repeat(run);
            i += run - 1;
        }
    }
    return { ok: true, text: out };
}

;// CONCATENATED MODULE: ./src/pickle/textargs.ts
/**
 * Protocol-0 text arguments read the way Modules/_pickle.c reads them.
 *
 * The C unpickler parses INT with strtol(base 0) and falls back to PyLong_FromString(base 0),
 * parses LONG with PyLong_FromString(base 0), FLOAT with PyOS_string_to_double, and GET/PUT
 * with PyLong_FromString(base 10); all of them stop at a NUL byte. pickletools and most
 * Python scanners use int(s)/float(s) instead, so non-decimal bases, leading zeros and NUL
 * bytes are read differently (python/cpython#126992, #126996). Picklers only ever write the
 * canonical forms, so anything else that the C unpickler accepts is a parser-differential trick.
 */
const CANONICAL_INT = /^-?(?:0|[1-9][0-9]*)$/;
const CANONICAL_LONG = /^-?(?:0|[1-9][0-9]*)L?$/;
const CANONICAL_FLOAT = /^-?(?:[0-9]+\.[0-9]+(?:e[+-][0-9]+)?|[0-9]+e[+-][0-9]+|inf|nan)$/;
const CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
function isSpace(c) {
    return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}
/** The part of a line a C string function sees: up to the first NUL. */
function cString(line) {
    const nul = line.indexOf('\0');
    return nul < 0 ? line : line.slice(0, nul);
}
function digitValue(c) {
    const code = c.charCodeAt(0);
    if (code >= 48 && code <= 57)
        return code - 48;
    if (code >= 97 && code <= 122)
        return code - 87;
    if (code >= 65 && code <= 90)
        return code - 55;
    return 99;
}
/** C strtol(s, &end, 0): value, index where parsing stopped, and overflow. */
function strtol0(s) {
    let i = 0;
    while (i < s.length && isSpace(s[i]))
        i++;
    let negative = false;
    if (s[i] === '+' || s[i] === '-') {
        negative = s[i] === '-';
        i++;
    }
    let base = 10;
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2] ?? '') < 16) {
        base = 16;
        i += 2;
    }
    else if (s[i] === '0')
        base = 8;
    const start = i;
    let value = 0n;
    while (i < s.length && digitValue(s[i]) < base) {
        value = value * BigInt(base) + BigInt(digitValue(s[i]));
        i++;
    }
    if (i === start)
        return { value: 0n, end: 0, overflow: false };
    if (negative)
        value = -value;
    return { value, end: i, overflow: value < LONG_MIN || value > LONG_MAX };
}
/** CPython's PyLong_FromString(s, NULL, base) on a C string; undefined when it raises. */
function pyLongFromString(s, base) {
    let i = 0;
    while (i < s.length && isSpace(s[i]))
        i++;
    let negative = false;
    if (s[i] === '+' || s[i] === '-') {
        negative = s[i] === '-';
        i++;
    }
    let radix = base === 0 ? 10 : base;
    let allZeros = false;
    if (base === 0 && s[i] === '0') {
        const p = s[i + 1]?.toLowerCase();
        if (p === 'x' || p === 'o' || p === 'b') {
            radix = p === 'x' ? 16 : p === 'o' ? 8 : 2;
            i += 2;
            if (s[i] === '_')
                i++; // one underscore may follow the prefix
        }
        else
            allZeros = true; // base 0 forbids leading zeros in non-zero decimals
    }
    const start = i;
    let value = 0n;
    let prevUnderscore = false;
    while (i < s.length) {
        const c = s[i];
        if (c === '_') {
            if (prevUnderscore || i === start)
                return undefined;
            prevUnderscore = true;
            i++;
            continue;
        }
        const d = digitValue(c);
        if (d >= radix)
            break;
        if (allZeros && d !== 0)
            return undefined;
        value = value * BigInt(radix) + BigInt(d);
        prevUnderscore = false;
        i++;
    }
    if (i === start || prevUnderscore)
        return undefined;
    while (i < s.length && isSpace(s[i]))
        i++;
    if (i !== s.length)
        return undefined;
    return negative ? -value : value;
}
/** INT: strtol(base 0), falling back to PyLong_FromString(base 0). `line` excludes the newline. */
function parseIntArg(line) {
    if (line.length === 0)
        return { ok: false, why: 'empty INT argument' };
    const canonical = CANONICAL_INT.test(line) || line === '00' || line === '01';
    const s = cString(line);
    const r = strtol0(s);
    if (!r.overflow && r.end > 0 && r.end === s.length)
        return { ok: true, value: r.value, canonical };
    const v = pyLongFromString(s, 0);
    if (v === undefined)
        return { ok: false, why: `invalid literal for INT: ${JSON.stringify(line.slice(0, 40))}` };
    return { ok: true, value: v, canonical };
}
/** LONG: a trailing "L" is dropped, then PyLong_FromString(base 0). */
function parseLongArg(line) {
    const canonical = CANONICAL_LONG.test(line);
    let s = line;
    if (s.length > 0 && s.endsWith('L'))
        s = s.slice(0, -1);
    const v = pyLongFromString(cString(s), 0);
    if (v === undefined)
        return { ok: false, why: `invalid literal for LONG: ${JSON.stringify(line.slice(0, 40))}` };
    return { ok: true, value: v, canonical };
}
/** GET/PUT: PyLong_FromString(base 10); negative PUT indices are rejected by the caller. */
function parseIndexArg(line) {
    const canonical = CANONICAL_INDEX.test(line);
    const v = pyLongFromString(cString(line), 10);
    if (v === undefined)
        return { ok: false, why: `invalid memo index ${JSON.stringify(line.slice(0, 40))}` };
    return { ok: true, value: v, canonical };
}
const C_FLOAT = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?|nan)/i;
/** FLOAT: PyOS_string_to_double, which must stop at the newline or a NUL. */
function parseFloatArg(line) {
    const canonical = CANONICAL_FLOAT.test(line);
    const s = cString(line);
    const m = C_FLOAT.exec(s);
    if (!m || m[0].length !== s.length) {
        return {
            ok: false,
            why: `could not convert FLOAT argument ${JSON.stringify(line.slice(0, 40))}`,
        };
    }
    return { ok: true, text: m[0], canonical };
}

;// CONCATENATED MODULE: ./src/pickle/values.ts
/** Items kept per container: enough for argument positions and readable evidence. */
const KEPT_ITEMS = 8;
const NONE = Object.freeze({ k: 'scalar', text: 'None' });
const TRUE = Object.freeze({ k: 'scalar', text: 'True' });
const FALSE = Object.freeze({ k: 'scalar', text: 'False' });
function unknown(note) {
    return { k: 'unknown', note };
}
function container(k, items) {
    return { k, items: items.slice(0, KEPT_ITEMS), count: items.length };
}
function qualifiedName(g) {
    return `${g.module}.${g.name}`;
}
const MAX_RENDER = 240;
/** Python-like rendering for evidence, bounded in length and depth. */
function render(value, budget = MAX_RENDER) {
    const out = renderInner(value, 3);
    return out.length > budget ? out.slice(0, budget - 1) + '…' : out;
}
function renderInner(v, depth) {
    switch (v.k) {
        case 'str':
            return pyRepr(v.text) + (v.truncated ? `…(${v.length} chars)` : '');
        case 'bytes': {
            const shown = v.prefix.subarray(0, 48).toString('latin1');
            return 'b' + pyRepr(shown) + (v.length > 48 ? `…(${v.length} bytes)` : '');
        }
        case 'scalar':
            return v.text ?? String(v.num);
        case 'global':
            return qualifiedName(v);
        case 'call': {
            const callee = depth > 0 ? renderInner(v.callee, depth - 1) : '…';
            const args = v.args.k === 'tuple' && depth > 0
                ? renderItems(v.args, depth - 1)
                : depth > 0
                    ? '*' + renderInner(v.args, depth - 1)
                    : '…';
            return `${callee}(${args})`;
        }
        case 'tuple':
            return v.count === 1 ? `(${renderItems(v, depth - 1)},)` : `(${renderItems(v, depth - 1)})`;
        case 'list':
            return `[${renderItems(v, depth - 1)}]`;
        case 'set':
        case 'frozenset':
            return v.count === 0 ? `${v.k}()` : `{${renderItems(v, depth - 1)}}`;
        case 'dict': {
            if (depth <= 0)
                return '{…}';
            const pairs = [];
            for (let i = 0; i + 1 < v.items.length; i += 2) {
                pairs.push(`${renderInner(v.items[i], depth - 1)}: ${renderInner(v.items[i + 1], depth - 1)}`);
            }
            if (v.count > v.items.length)
                pairs.push('…');
            return `{${pairs.join(', ')}}`;
        }
        default:
            return `<${v.note}>`;
    }
}
function renderItems(v, depth) {
    if (depth < 0)
        return '…';
    const parts = v.items.map((item) => renderInner(item, depth));
    if (v.count > v.items.length)
        parts.push(`…(${v.count} items)`);
    return parts.join(', ');
}
function pyRepr(s) {
    const clipped = s.length > 160 ? s.slice(0, 160) : s;
    // eslint-disable-next-line no-control-regex
    const escaped = clipped.replace(/[\\'\x00-\x1f\x7f-\xff]/g, (c) => {
        if (c === '\\')
            return '\\\\';
        if (c === "'")
            return "\\'";
        if (c === '\n')
            return '\\n';
        if (c === '\t')
            return '\\t';
        if (c === '\r')
            return '\\r';
        return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
    });
    return `'${escaped}${s.length > 160 ? '…' : ''}'`;
}

;// CONCATENATED MODULE: ./src/pickle/memo.ts
/**
 * The unpickler memo, kept small: str values are stored as plain strings (rebuilt on GET),
 * and past a budget, containers that hold only plain data are replaced by a shared marker.
 * Imported callables, call results and containers holding them are always kept, since they
 * are what a later GET can turn into a call; memory stays bounded for data-heavy pickles.
 */

const DENSE_LIMIT = 1 << 24;
const INTERN_LIMIT = 65_536;
/** Stored in place of plain data dropped past the budget. */
const COMPACTED = Object.freeze(unknown('memoized data (not kept)'));
function isPlainData(v) {
    if (v.k === 'str' || v.k === 'bytes' || v.k === 'scalar')
        return true;
    if (v.k === 'tuple' || v.k === 'list' || v.k === 'dict' || v.k === 'set' || v.k === 'frozenset') {
        return v.items.every((i) => i.k === 'str' || i.k === 'bytes' || i.k === 'scalar');
    }
    return false;
}
class Memo {
    maxEntries;
    dataBudget;
    dense = [];
    sparse = new Map();
    strings = new Map();
    count = 0;
    keptData = 0;
    /** Set once plain data started being dropped. */
    compacted = false;
    constructor(maxEntries, dataBudget) {
        this.maxEntries = maxEntries;
        this.dataBudget = dataBudget;
    }
    /** Equal strings share one copy: data pickles memoize the same short text many times. */
    intern(text) {
        if (text.length > 64)
            return text;
        const known = this.strings.get(text);
        if (known !== undefined)
            return known;
        if (this.strings.size < INTERN_LIMIT)
            this.strings.set(text, text);
        return text;
    }
    /** Number of distinct indices stored (what MEMOIZE uses as its next index). */
    get size() {
        return this.count;
    }
    get(index) {
        const raw = index < DENSE_LIMIT ? this.dense[index] : this.sparse.get(index);
        if (raw === undefined)
            return undefined;
        return typeof raw === 'string'
            ? { k: 'str', text: raw, truncated: false, length: raw.length }
            : raw;
    }
    /** Stores a value; returns false when the memo is full and the value was not stored. */
    put(index, value) {
        const exists = index < DENSE_LIMIT ? this.dense[index] !== undefined : this.sparse.has(index);
        if (!exists && this.count >= this.maxEntries)
            return false;
        let stored = value;
        if (value.k === 'str' && !value.truncated && value.dataOffset === undefined)
            stored = this.intern(value.text);
        else if (isPlainData(value)) {
            if (this.keptData >= this.dataBudget) {
                stored = COMPACTED;
                this.compacted = true;
            }
            else
                this.keptData++;
        }
        if (index < DENSE_LIMIT)
            this.dense[index] = stored;
        else
            this.sparse.set(index, stored);
        if (!exists)
            this.count++;
        return true;
    }
}

;// CONCATENATED MODULE: ./src/pickle/opcodes.ts
/**
 * Every opcode of pickle protocols 0–5, with how its argument is laid out.
 * Names follow pickletools; argument kinds follow what Modules/_pickle.c reads.
 */
const TABLE = [
    ['(', 'MARK', 'none', 0],
    ['.', 'STOP', 'none', 0],
    ['0', 'POP', 'none', 0],
    ['1', 'POP_MARK', 'none', 1],
    ['2', 'DUP', 'none', 0],
    ['F', 'FLOAT', 'line', 0],
    ['I', 'INT', 'line', 0],
    ['J', 'BININT', 'i4', 1],
    ['K', 'BININT1', 'u1', 1],
    ['L', 'LONG', 'line', 0],
    ['M', 'BININT2', 'u2', 1],
    ['N', 'NONE', 'none', 0],
    ['P', 'PERSID', 'line', 0],
    ['Q', 'BINPERSID', 'none', 1],
    ['R', 'REDUCE', 'none', 0],
    ['S', 'STRING', 'line', 0],
    ['T', 'BINSTRING', 'bytes4', 1],
    ['U', 'SHORT_BINSTRING', 'bytes1', 1],
    ['V', 'UNICODE', 'line', 0],
    ['X', 'BINUNICODE', 'bytes4', 1],
    ['a', 'APPEND', 'none', 0],
    ['b', 'BUILD', 'none', 0],
    ['c', 'GLOBAL', 'line2', 0],
    ['d', 'DICT', 'none', 0],
    ['}', 'EMPTY_DICT', 'none', 1],
    ['e', 'APPENDS', 'none', 1],
    ['g', 'GET', 'line', 0],
    ['h', 'BINGET', 'u1', 1],
    ['i', 'INST', 'line2', 0],
    ['j', 'LONG_BINGET', 'u4', 1],
    ['l', 'LIST', 'none', 0],
    [']', 'EMPTY_LIST', 'none', 1],
    ['o', 'OBJ', 'none', 1],
    ['p', 'PUT', 'line', 0],
    ['q', 'BINPUT', 'u1', 1],
    ['r', 'LONG_BINPUT', 'u4', 1],
    ['s', 'SETITEM', 'none', 0],
    ['t', 'TUPLE', 'none', 0],
    [')', 'EMPTY_TUPLE', 'none', 1],
    ['u', 'SETITEMS', 'none', 1],
    ['G', 'BINFLOAT', 'f8', 1],
    ['\x80', 'PROTO', 'u1', 2],
    ['\x81', 'NEWOBJ', 'none', 2],
    ['\x82', 'EXT1', 'u1', 2],
    ['\x83', 'EXT2', 'u2', 2],
    ['\x84', 'EXT4', 'i4', 2],
    ['\x85', 'TUPLE1', 'none', 2],
    ['\x86', 'TUPLE2', 'none', 2],
    ['\x87', 'TUPLE3', 'none', 2],
    ['\x88', 'NEWTRUE', 'none', 2],
    ['\x89', 'NEWFALSE', 'none', 2],
    ['\x8a', 'LONG1', 'bytes1', 2],
    ['\x8b', 'LONG4', 'bytes4', 2],
    ['B', 'BINBYTES', 'bytes4', 3],
    ['C', 'SHORT_BINBYTES', 'bytes1', 3],
    ['\x8c', 'SHORT_BINUNICODE', 'bytes1', 4],
    ['\x8d', 'BINUNICODE8', 'bytes8', 4],
    ['\x8e', 'BINBYTES8', 'bytes8', 4],
    ['\x8f', 'EMPTY_SET', 'none', 4],
    ['\x90', 'ADDITEMS', 'none', 4],
    ['\x91', 'FROZENSET', 'none', 4],
    ['\x92', 'NEWOBJ_EX', 'none', 4],
    ['\x93', 'STACK_GLOBAL', 'none', 4],
    ['\x94', 'MEMOIZE', 'none', 4],
    ['\x95', 'FRAME', 'u8', 4],
    ['\x96', 'BYTEARRAY8', 'bytes8', 5],
    ['\x97', 'NEXT_BUFFER', 'none', 5],
    ['\x98', 'READONLY_BUFFER', 'none', 5],
];
/** Opcode info indexed by byte value; undefined for bytes that are not opcodes. */
const OPCODES = (() => {
    const table = new Array(256).fill(undefined);
    for (const [ch, name, arg, proto] of TABLE) {
        const code = ch.charCodeAt(0);
        table[code] = Object.freeze({ code, name, arg, proto });
    }
    return table;
})();
/** Byte value of an opcode by name, for building pickles in tests and fixtures. */
const OP = Object.freeze(Object.fromEntries(TABLE.map(([ch, name]) => [name, ch.charCodeAt(0)])));
const HIGHEST_PROTOCOL = 5;
/** Size in bytes of a fixed argument, or of the length field of a counted argument. */
function fixedArgSize(kind) {
    switch (kind) {
        case 'u1':
        case 'bytes1':
            return 1;
        case 'u2':
            return 2;
        case 'i4':
        case 'u4':
        case 'bytes4':
            return 4;
        case 'u8':
        case 'f8':
        case 'bytes8':
            return 8;
        default:
            return 0;
    }
}

;// CONCATENATED MODULE: ./src/pickle/machine.ts







/** Raised for input the C unpickler would reject at this opcode. */
class MachineFault extends Error {
}
const MAX_STORAGE_KEYS = 200_000;
/** Distinct imported names tracked; real files use a few hundred at most. */
const MAX_DISTINCT_IMPORTS = 50_000;
/** Plain-data containers kept in the memo before they are replaced by a marker. */
const MEMO_DATA_BUDGET = 20_000;
/** Characters of a str constant kept (longer ones are marked truncated; lengths are kept). */
const MAX_TEXT = 1024;
/** Bytes of a bytes constant kept for evidence. */
const BYTES_PREFIX = 64;
const MAX_EMBEDDED = 64;
const MAX_IMPORT_DETAILS = 500;
class PickleMachine {
    recorder;
    limits;
    checkpointFn;
    stack = [];
    marks = [];
    memo;
    memoOverflow = false;
    opIndex = 0;
    pickles = 0;
    protocols = new Set();
    /** True before the first opcode of a pickle (at the start, and after each STOP). */
    atStart = true;
    /** The current pickle imported or called something (used to tell data from trailing junk). */
    currentHasSemantics = false;
    lenient = false;
    uses = new Map();
    storageReferences = 0;
    storageKeys = new Set();
    frameViolations = 0;
    endOfLastPickle = 0;
    faulted = false;
    curOp;
    curIndex = 0;
    embedded = [];
    constructor(recorder, limits, checkpointFn) {
        this.recorder = recorder;
        this.limits = limits;
        this.checkpointFn = checkpointFn;
        this.memo = new Memo(limits.maxPickleMemo, MEMO_DATA_BUDGET);
    }
    // ---- OpHandler --------------------------------------------------------------------------
    checkpoint() {
        this.checkpointFn();
    }
    op(op) {
        if (this.atStart) {
            this.atStart = false;
            this.pickles++;
            this.currentHasSemantics = false;
            if (this.pickles === 2) {
                this.recorder.add('MA2015', 'the stream holds more than one pickle; loaders that call load() again run every one, and each was scanned', 'stacked pickles', this.site(op));
            }
        }
        const index = this.opIndex++;
        if (this.opIndex > this.limits.maxPickleOpcodes) {
            throw new LimitExceeded('maxPickleOpcodes', this.limits.maxPickleOpcodes, `opcode ${index} at offset ${op.offset}`);
        }
        this.curOp = op;
        this.curIndex = index;
        try {
            this.exec(op);
        }
        catch (err) {
            if (!(err instanceof MachineFault))
                throw err;
            this.machineFault(err.message, this.here());
        }
        if (this.stack.length > this.limits.maxPickleStack) {
            throw new LimitExceeded('maxPickleStack', this.limits.maxPickleStack, `at offset ${op.offset}`);
        }
    }
    fault(f) {
        const site = {
            offset: f.offset,
            opcodeIndex: this.opIndex,
            opcode: 'opcode' in f ? f.opcode : '?',
        };
        if (this.atStart && this.pickles > 0) {
            // Nothing but junk after a complete pickle: a loader stops after the last STOP.
            this.recorder.add('MA2014', `${describeFault(f)} after the end of the last pickle`, `trailing bytes from offset ${f.offset}`, site, 'trailing');
            return;
        }
        if (!this.currentHasSemantics && this.pickles > 1) {
            this.recorder.add('MA2014', `bytes after the last complete pickle do not form a pickle: ${describeFault(f)}`, `trailing bytes after offset ${this.endOfLastPickle}`, site, 'trailing');
            return;
        }
        this.faulted = true;
        this.recorder.add('MA2013', `malformed pickle: ${describeFault(f)}`, describeFault(f), site, 'malformed');
    }
    frameViolation(v) {
        this.frameViolations++;
        const site = { offset: v.op.offset, opcodeIndex: this.opIndex, opcode: v.op.info.name };
        const what = v.kind === 'straddle'
            ? `${v.op.info.name} at offset ${v.op.offset} runs past the end of its FRAME (${v.frameEnd})`
            : v.kind === 'nested'
                ? `a FRAME starts at offset ${v.op.offset} before the previous frame ends (${v.frameEnd})`
                : `a FRAME at offset ${v.op.offset} declares bytes up to ${v.frameEnd} but the stream has ${v.size}`;
        this.recorder.add('MA2012', what, what, site, v.kind);
    }
    // ---- results ---------------------------------------------------------------------------
    /** Reports imports that were never invoked, then returns the stream summary. */
    finish() {
        for (const use of this.uses.values()) {
            if (use.invoked)
                continue;
            const g = use.sample;
            const name = displayName(g);
            const c = g.cls;
            if (c.level === 'dangerous') {
                this.recorder.add(ruleForDanger(c.category, false), `imports ${name}: ${c.reason}`, c.matched === qualifiedName(g) ? qualifiedName(g) : `${qualifiedName(g)} → ${c.matched}`, g.site, qualifiedName(g));
            }
            else if (c.level === 'library') {
                this.recorder.add('MA2004', `imports ${name}, which is in ${c.namespace} but not on the safe list`, name, g.site, name);
            }
            else if (c.level === 'unclassified') {
                this.recorder.add('MA2006', `imports ${name} from a module with no classification`, name, g.site, name);
            }
        }
        const imports = [...this.uses.values()].slice(0, MAX_IMPORT_DETAILS).map((u) => ({
            name: qualifiedName(u.sample),
            invoked: u.invoked,
            verdict: u.sample.cls.level,
        }));
        return {
            opcodes: this.opIndex,
            pickles: this.pickles,
            protocols: [...this.protocols].sort(),
            storageReferences: this.storageReferences,
            storageKeys: this.storageKeys,
            imports,
            frameViolations: this.frameViolations,
            endOfLastPickle: this.endOfLastPickle,
            faulted: this.faulted,
        };
    }
    /** True after a STOP with nothing read since (the stream ended cleanly between pickles). */
    get betweenPickles() {
        return this.atStart;
    }
    get sawFrameViolation() {
        return this.frameViolations > 0;
    }
    // ---- helpers ---------------------------------------------------------------------------
    /** Where the current opcode sits; built only when a finding or value needs it. */
    here() {
        return {
            offset: this.curOp.offset,
            opcodeIndex: this.curIndex,
            opcode: this.curOp.info.name,
        };
    }
    site(op) {
        return { offset: op.offset, opcodeIndex: this.opIndex, opcode: op.info.name };
    }
    machineFault(message, site) {
        // The C unpickler stops here. Keep going leniently so that anything after the fault is
        // still judged (a different loader may read on), but report the fault itself.
        if (!this.lenient) {
            this.faulted = true;
            this.recorder.add('MA2013', `malformed pickle: ${message} (${site.opcode} at offset ${site.offset})`, message, site, 'malformed');
        }
        this.lenient = true;
    }
    get fence() {
        return this.marks.length > 0 ? this.marks[this.marks.length - 1] : 0;
    }
    push(v) {
        this.stack.push(v);
    }
    pop() {
        if (this.stack.length <= this.fence) {
            if (this.lenient)
                return unknown('stack underflow');
            throw new MachineFault('unpickling stack underflow');
        }
        return this.stack.pop();
    }
    top() {
        if (this.stack.length <= this.fence) {
            if (this.lenient)
                return unknown('stack underflow');
            throw new MachineFault('unpickling stack underflow');
        }
        return this.stack[this.stack.length - 1];
    }
    /** Pops everything above the topmost mark, and the mark. */
    popMark() {
        const mark = this.marks.pop();
        if (mark === undefined) {
            if (!this.lenient)
                throw new MachineFault('could not find MARK');
            const all = this.stack;
            this.stack = [];
            return all;
        }
        return this.stack.splice(mark);
    }
    memoGet(index) {
        const v = this.memo.get(index);
        if (v !== undefined)
            return v;
        if (this.lenient || this.memoOverflow)
            return unknown(`memo ${index}`);
        throw new MachineFault(`memo value not found at index ${index}`);
    }
    memoPut(index, value) {
        if (index < 0)
            throw new MachineFault('negative PUT argument');
        if (!this.memo.put(index, value) && !this.memoOverflow) {
            this.memoOverflow = true;
            this.recorder.add('MA1002', `memo limit (${this.limits.maxPickleMemo} entries) reached; later memo values are treated as unknown`, 'maxPickleMemo', this.here());
        }
    }
    textInt(line, parse, opname, site) {
        const r = parse(line);
        if (!r.ok)
            throw new MachineFault(r.why);
        if (!r.canonical)
            this.differential(opname, line, site);
        return r.value;
    }
    differential(opname, line, site) {
        const shown = JSON.stringify(line.length > 40 ? line.slice(0, 40) + '…' : line);
        this.recorder.add('MA2011', `${opname} argument ${shown} is not in the form picklers write; the C unpickler and pickletools read it differently`, `${opname} ${shown}`, site);
    }
    str(text, op) {
        const long = text.length > MAX_TEXT;
        const v = {
            k: 'str',
            text: long ? text.slice(0, MAX_TEXT) : text,
            truncated: op.truncated || long,
            length: op.length ?? text.length,
            ...(op.dataOffset !== undefined && (op.truncated || long)
                ? { dataOffset: op.dataOffset }
                : {}),
        };
        // Only text that starts like a pickle (raw or base64) is worth a closer look.
        const c0 = text.charCodeAt(0);
        if (c0 === 0x80 || c0 === 0x63 || (c0 === 0x67 && text.charCodeAt(1) === 0x41)) {
            this.checkEmbedded(v, op, Buffer.from(text, 'latin1'), !op.truncated);
        }
        return v;
    }
    bytes(op) {
        const data = op.data ?? Buffer.alloc(0);
        const v = {
            k: 'bytes',
            // op.data is a view of the reader's window: copy the little that is kept.
            prefix: Buffer.from(data.subarray(0, BYTES_PREFIX)),
            length: op.length ?? data.length,
            truncated: op.truncated || data.length > BYTES_PREFIX,
            ...(op.dataOffset !== undefined ? { dataOffset: op.dataOffset } : {}),
        };
        this.checkEmbedded(v, op, data, !op.truncated);
        return v;
    }
    /** Notes constants that look like a pickle (raw or base64) for a nested scan. */
    checkEmbedded(v, op, data, whole) {
        if (this.embedded.length >= MAX_EMBEDDED || data.length < 4)
            return;
        const site = { offset: op.offset, opcodeIndex: this.opIndex - 1, opcode: op.info.name };
        const head = data.subarray(0, 64);
        if (looksLikePickleStart(head)) {
            this.embedded.push({
                value: v,
                site,
                encoding: 'raw',
                ...(whole ? { data: Buffer.from(data) } : {}),
            });
            return;
        }
        if (v.k === 'str' && whole && data.length >= 12 && data[0] === 0x67 && data[1] === 0x41) {
            const text = data.toString('latin1');
            if (/^gA[A-Za-z0-9+/=\s]+$/.test(text)) {
                const decoded = Buffer.from(text, 'base64');
                if (looksLikePickleStart(decoded))
                    this.embedded.push({ value: v, site, encoding: 'base64', data: decoded });
            }
        }
    }
    makeGlobal(module, name, site) {
        const mapped = mapPython2Name(module, name);
        const g = {
            k: 'global',
            module,
            name,
            cls: classifyGlobal(module, name),
            site,
            invoked: false,
            ...(mapped ? { alias: `${mapped[0]}.${mapped[1]}` } : {}),
        };
        this.currentHasSemantics = true;
        const key = qualifiedName(g);
        const use = this.uses.get(key);
        if (use)
            use.count++;
        else {
            if (this.uses.size >= MAX_DISTINCT_IMPORTS) {
                throw new LimitExceeded('maxPickleMemo', MAX_DISTINCT_IMPORTS, `more than ${MAX_DISTINCT_IMPORTS} distinct imports`);
            }
            this.uses.set(key, { sample: g, invoked: false, count: 1 });
        }
        if (g.cls.level !== 'safe' && name.split('.').some(machine_isDunder)) {
            this.recorder.add('MA2019', `${site.opcode} imports ${key}, walking through double-underscore attributes`, key, site, key);
        }
        return g;
    }
    markInvoked(g) {
        g.invoked = true;
        const use = this.uses.get(qualifiedName(g));
        if (use)
            use.invoked = true;
    }
    /**
     * Judges a call site and returns the value it produces. `mode` is "call" when the callable
     * runs with arguments (REDUCE, OBJ, INST: __init__ for a class) and "new" when only
     * cls.__new__ runs (NEWOBJ, NEWOBJ_EX, copyreg.__newobj__).
     */
    invoke(callee, args, site, mode = 'call') {
        const call = { k: 'call', callee, args, site };
        this.currentHasSemantics = true;
        switch (callee.k) {
            case 'global': {
                const resolved = this.resolveGetattr(callee, args, site);
                if (resolved)
                    return resolved;
                this.judgeGlobalCall(callee, call, site, mode);
                break;
            }
            case 'ext':
                // Reported at the EXT opcode; calling it is part of the same finding.
                break;
            case 'call':
            case 'persid':
            case 'unknown':
            case 'buffer':
                this.recorder.add('MA2008', `${site.opcode} calls a value computed at load time: ${render(call)}`, render(call), site);
                break;
            default:
                throw new MachineFault(`${site.opcode} calls a value that is not callable: ${render(callee)}`);
        }
        return call;
    }
    /**
     * getattr(imported, "name") is how pickles reach methods and class attributes
     * (zoneinfo.ZoneInfo._unpickle, bound methods of Keras layers): it names the path
     * imported.name, which is judged as an import of its own. getattr on an object this pickle
     * built, with a plain attribute name, yields a bound method that is judged if it is called.
     * Anything else (computed names, dunders on objects) stays a dangerous getattr call.
     */
    resolveGetattr(g, args, site) {
        const effective = g.alias ?? qualifiedName(g);
        if (effective !== 'builtins.getattr' || args.k !== 'tuple' || args.count !== 2)
            return undefined;
        const [target, attr] = args.items;
        if (!target ||
            attr?.k !== 'str' ||
            attr.truncated ||
            !/^[A-Za-z_][A-Za-z0-9_]*$/.test(attr.text))
            return undefined;
        if (target.k === 'global') {
            this.markInvoked(g);
            return this.makeGlobal(target.module, `${target.name}.${attr.text}`, site);
        }
        if (target.k === 'call' &&
            target.callee.k === 'global' &&
            target.callee.cls.level === 'safe' &&
            !machine_isDunder(attr.text)) {
            this.markInvoked(g);
            return unknown(`bound method ${render(target, 80)}.${attr.text}`);
        }
        return undefined;
    }
    judgeGlobalCall(g, call, site, mode) {
        this.markInvoked(g);
        const name = displayName(g);
        const c = g.cls;
        if (c.level !== 'safe')
            this.invokeCallableArgs(call, site);
        switch (c.level) {
            case 'dangerous':
                this.recorder.add(ruleForDanger(c.category, true), `${site.opcode} calls ${name}: ${c.reason}`, render(call), site, name);
                return;
            case 'library':
                this.recorder.add('MA2003', `${site.opcode} calls ${name}, which is in ${c.namespace} but not on the safe list`, render(call), site, name);
                return;
            case 'unclassified':
                this.recorder.add('MA2005', `${site.opcode} calls ${name} from a module with no classification`, render(call), site, name);
                return;
            case 'safe': {
                if (c.entry.newOnly && mode === 'call') {
                    this.recorder.add('MA2003', `${site.opcode} calls ${name} with arguments; it is only known safe when rebuilt through __new__, as real files do`, render(call), site, name);
                    return;
                }
                if (call.args.k !== 'tuple')
                    return;
                for (const [positions, argMode] of [
                    [c.entry.invokesArgs, 'call'],
                    [c.entry.constructsArgs, 'new'],
                ]) {
                    for (const i of positions ?? []) {
                        const arg = call.args.items[i];
                        if (!arg)
                            continue;
                        if (arg.k === 'global')
                            this.invoke(arg, unknown(`arguments chosen by ${name}`), site, argMode);
                        else if (arg.k === 'call' ||
                            arg.k === 'unknown' ||
                            arg.k === 'persid' ||
                            arg.k === 'ext') {
                            this.recorder.add('MA2008', `${name} ${argMode === 'new' ? 'instantiates' : 'calls'} argument ${i}, a value computed at load time: ${render(arg)}`, render(call), site);
                        }
                    }
                }
                return;
            }
        }
    }
    /**
     * A callable that is not known-safe may call whatever it is given (map, starmap, filter,
     * reduce, sorted(key=…), operator.call…): imported callables among its arguments, and one
     * level inside them, are judged as invoked.
     */
    invokeCallableArgs(call, site) {
        const args = call.args;
        if (args.k !== 'tuple' && args.k !== 'list' && args.k !== 'dict')
            return;
        const via = call.callee.k === 'global' ? qualifiedName(call.callee) : 'a computed value';
        const visit = (v, depth) => {
            if (v.k === 'global') {
                if (!v.invoked)
                    this.invoke(v, unknown(`arguments chosen by ${via}`), site);
            }
            else if (depth > 0 &&
                (v.k === 'tuple' ||
                    v.k === 'list' ||
                    v.k === 'dict' ||
                    v.k === 'set' ||
                    v.k === 'frozenset')) {
                for (const item of v.items)
                    visit(item, depth - 1);
            }
        };
        for (const item of args.items)
            visit(item, 1);
    }
    /** APPEND/SETITEM/ADDITEMS/BUILD applied to an imported object mutate global state. */
    checkMutationTarget(target, what, site) {
        if (target.k !== 'global')
            return;
        this.currentHasSemantics = true;
        const name = qualifiedName(target);
        this.recorder.add('MA2010', `${site.opcode} ${what} on the imported object ${name}, changing global state for everything loaded afterwards`, `${site.opcode} on ${name}`, site, `${site.opcode} ${name}`);
    }
    persistent(pid, site) {
        this.currentHasSemantics = true;
        if (pid.k === 'tuple' &&
            pid.items[0]?.k === 'str' &&
            (pid.items[0].text === 'storage' || pid.items[0].text === 'module')) {
            // PyTorch: ('storage', storage_type, key, location, numel[, view_metadata]).
            if (pid.items[0].text === 'storage') {
                this.storageReferences++;
                const key = pid.items[2];
                if (key?.k === 'str' && this.storageKeys.size < MAX_STORAGE_KEYS)
                    this.storageKeys.add(key.text);
            }
            return { k: 'persid', note: 'torch storage', pid };
        }
        this.recorder.add('MA2016', `persistent ID ${render(pid, 80)} is resolved by the loader's persistent_load hook`, render(pid, 120), site, 'persid');
        return { k: 'persid', note: 'persistent object', pid };
    }
    // ---- the opcodes -------------------------------------------------------------------------
    exec(op) {
        switch (op.info.code) {
            case 0x80: {
                // PROTO
                const p = op.int ?? 0;
                if (p > HIGHEST_PROTOCOL)
                    throw new MachineFault(`unsupported pickle protocol: ${p}`);
                this.protocols.add(p);
                return;
            }
            case 0x95: // FRAME
                return;
            case 0x2e: // STOP
                this.pop();
                this.stack = [];
                this.marks = [];
                this.lenient = false;
                this.atStart = true;
                this.endOfLastPickle = op.end;
                return;
            // -- constants
            case 0x4e: // NONE
                return this.push(NONE);
            case 0x88: // NEWTRUE
                return this.push(TRUE);
            case 0x89: // NEWFALSE
                return this.push(FALSE);
            case 0x4a: // BININT
            case 0x4b: // BININT1
            case 0x4d: // BININT2
                return this.push(intValue(op.int));
            case 0x47: // BINFLOAT
                return this.push(FLOAT);
            case 0x8a: // LONG1
            case 0x8b: // LONG4
                return this.push({
                    k: 'scalar',
                    text: op.truncated ? `<int of ${op.length} bytes>` : decodeLong(op.data),
                });
            case 0x49: {
                // INT
                const line = op.lines[0];
                const v = this.textInt(line, parseIntArg, 'INT', this.here());
                if (line === '00' || line === '01')
                    return this.push(line === '01' ? TRUE : FALSE);
                return this.push({ k: 'scalar', text: v.toString() });
            }
            case 0x4c: // LONG
                return this.push({
                    k: 'scalar',
                    text: this.textInt(op.lines[0], parseLongArg, 'LONG', this.here()).toString(),
                });
            case 0x46: {
                // FLOAT
                const line = op.lines[0];
                const r = parseFloatArg(line);
                if (!r.ok)
                    throw new MachineFault(r.why);
                if (!r.canonical)
                    this.differential('FLOAT', line, this.here());
                return this.push({ k: 'scalar', text: r.text });
            }
            case 0x53: {
                // STRING
                const r = decodeStringArg(op.lines[0]);
                if (!r.ok)
                    throw new MachineFault(r.why);
                return this.push(this.str(r.bytes, op));
            }
            case 0x56: {
                // UNICODE
                const r = decodeRawUnicodeEscape(op.lines[0]);
                if (!r.ok)
                    throw new MachineFault(r.why);
                return this.push(this.str(r.text, op));
            }
            case 0x54: // BINSTRING
            case 0x55: // SHORT_BINSTRING
                if ((op.length ?? 0) >= 2 ** 31) {
                    this.differential(op.info.name, `length ${op.length}`, this.here());
                }
                // Decoded to str with the loader's encoding (ASCII by default, latin1 in numpy/torch).
                return this.push(this.str(op.data.toString('latin1'), op));
            case 0x58: // BINUNICODE
            case 0x8c: // SHORT_BINUNICODE
            case 0x8d: {
                // BINUNICODE8
                if (op.truncated)
                    return this.push(this.str(op.data.toString('latin1'), op));
                const text = decodeUtf8SurrogatePass(op.data);
                if (text === undefined)
                    throw new MachineFault(`${op.info.name} argument is not valid UTF-8`);
                return this.push(this.str(text, op));
            }
            case 0x42: // BINBYTES
            case 0x43: // SHORT_BINBYTES
            case 0x8e: // BINBYTES8
            case 0x96: // BYTEARRAY8
                return this.push(this.bytes(op));
            case 0x97: // NEXT_BUFFER
                this.recorder.add('MA2020', 'NEXT_BUFFER takes data from outside the file (protocol 5 out-of-band buffer)', 'NEXT_BUFFER', this.here());
                return this.push({ k: 'buffer', note: 'out-of-band buffer' });
            case 0x98: // READONLY_BUFFER
                this.top();
                return;
            // -- containers
            case 0x28: // MARK
                this.marks.push(this.stack.length);
                return;
            case 0x29: // EMPTY_TUPLE
                return this.push(container('tuple', []));
            case 0x74: // TUPLE
                return this.push(container('tuple', this.popMark()));
            case 0x85: // TUPLE1
            case 0x86: // TUPLE2
            case 0x87: {
                // TUPLE3
                const n = op.info.code - 0x84; // TUPLE1..TUPLE3 are 0x85..0x87
                const items = [];
                for (let i = 0; i < n; i++)
                    items.unshift(this.pop());
                return this.push(container('tuple', items));
            }
            case 0x5d: // EMPTY_LIST
                return this.push(container('list', []));
            case 0x6c: // LIST
                return this.push(container('list', this.popMark()));
            case 0x7d: // EMPTY_DICT
                return this.push(container('dict', []));
            case 0x64: {
                // DICT
                const items = this.popMark();
                if (items.length % 2 !== 0)
                    throw new MachineFault('odd number of items for DICT');
                return this.push(container('dict', items));
            }
            case 0x8f: // EMPTY_SET
                return this.push(container('set', []));
            case 0x91: // FROZENSET
                return this.push(container('frozenset', this.popMark()));
            case 0x61: {
                // APPEND
                const v = this.pop();
                const target = this.top();
                this.checkMutationTarget(target, 'appends', this.here());
                addItems(target, [v]);
                return;
            }
            case 0x65: {
                // APPENDS
                const items = this.popMark();
                const target = this.top();
                this.checkMutationTarget(target, 'extends', this.here());
                addItems(target, items);
                return;
            }
            case 0x73: {
                // SETITEM
                const v = this.pop();
                const k = this.pop();
                const target = this.top();
                this.checkMutationTarget(target, `sets item ${render(k, 60)}`, this.here());
                addItems(target, [k, v]);
                return;
            }
            case 0x75: {
                // SETITEMS
                const items = this.popMark();
                if (items.length % 2 !== 0)
                    throw new MachineFault('odd number of items for SETITEMS');
                const target = this.top();
                this.checkMutationTarget(target, 'sets items', this.here());
                addItems(target, items);
                return;
            }
            case 0x90: {
                // ADDITEMS
                const items = this.popMark();
                const target = this.top();
                this.checkMutationTarget(target, 'adds items', this.here());
                addItems(target, items);
                return;
            }
            // -- stack and memo
            case 0x30: // POP
                if (this.marks.length > 0 && this.marks[this.marks.length - 1] === this.stack.length)
                    this.marks.pop();
                else
                    this.pop();
                return;
            case 0x31: // POP_MARK
                this.popMark();
                return;
            case 0x32: // DUP
                return this.push(this.top());
            case 0x67: // GET
                return this.push(this.memoGet(Number(this.textInt(op.lines[0], parseIndexArg, 'GET', this.here()))));
            case 0x68: // BINGET
            case 0x6a: // LONG_BINGET
                return this.push(this.memoGet(op.int));
            case 0x70: // PUT
                return this.memoPut(Number(this.textInt(op.lines[0], parseIndexArg, 'PUT', this.here())), this.top());
            case 0x71: // BINPUT
            case 0x72: // LONG_BINPUT
                return this.memoPut(op.int, this.top());
            case 0x94: // MEMOIZE
                return this.memoPut(this.memo.size, this.top());
            // -- imports
            case 0x63: {
                // GLOBAL
                const [module, name] = this.importNames(op);
                return this.push(this.makeGlobal(module, name, this.here()));
            }
            case 0x93: {
                // STACK_GLOBAL
                const name = this.pop();
                const module = this.pop();
                if (module.k === 'str' && name.k === 'str' && !module.truncated && !name.truncated) {
                    return this.push(this.makeGlobal(module.text, name.text, this.here()));
                }
                const shown = `${render(module, 80)}, ${render(name, 80)}`;
                const constantButNotStr = [module, name].every((v) => v.k === 'str' || v.k === 'bytes' || v.k === 'scalar');
                this.currentHasSemantics = true;
                if (constantButNotStr && (module.k !== 'str' || name.k !== 'str')) {
                    throw new MachineFault(`STACK_GLOBAL requires str operands, got ${shown}`);
                }
                this.recorder.add('MA2007', `STACK_GLOBAL imports a name computed at load time: (${shown})`, `STACK_GLOBAL(${shown})`, this.here());
                return this.push(unknown(`import of (${shown})`));
            }
            case 0x82: // EXT1
            case 0x83: // EXT2
            case 0x84: {
                // EXT4
                const code = op.int ?? 0;
                if (code <= 0)
                    throw new MachineFault(`EXT specifies code <= 0`);
                this.currentHasSemantics = true;
                this.recorder.add('MA2009', `${op.info.name} imports whatever the loading process registered as extension code ${code}`, `${op.info.name} ${code}`, this.here());
                return this.push({ k: 'ext', note: `extension code ${code}` });
            }
            // -- calls
            case 0x52: {
                // REDUCE
                const args = this.pop();
                const callee = this.pop();
                return this.push(this.invoke(callee, args, this.here()));
            }
            case 0x81: {
                // NEWOBJ
                const args = this.pop();
                const cls = this.pop();
                return this.push(this.invoke(cls, args, this.here(), 'new'));
            }
            case 0x92: {
                // NEWOBJ_EX
                const kwargs = this.pop();
                const args = this.pop();
                const cls = this.pop();
                const all = args.k === 'tuple' && kwargs.k === 'dict' && kwargs.count > 0
                    ? container('tuple', [...args.items, kwargs])
                    : args;
                return this.push(this.invoke(cls, all, this.here(), 'new'));
            }
            case 0x6f: {
                // OBJ
                const items = this.popMark();
                if (items.length === 0)
                    throw new MachineFault('OBJ needs a class after MARK');
                const cls = items[0];
                return this.push(this.invoke(cls, container('tuple', items.slice(1)), this.here()));
            }
            case 0x69: {
                // INST
                const [module, name] = this.importNames(op);
                const cls = this.makeGlobal(module, name, this.here());
                const args = this.popMark();
                return this.push(this.invoke(cls, container('tuple', args), this.here()));
            }
            case 0x62: {
                // BUILD
                const state = this.pop();
                const inst = this.top();
                this.checkMutationTarget(inst, `applies state ${render(state, 80)}`, this.here());
                return;
            }
            case 0x50: {
                // PERSID
                const line = op.lines[0];
                if ([...line].some((ch) => ch.charCodeAt(0) > 0x7f))
                    throw new MachineFault('persistent IDs in protocol 0 must be ASCII strings');
                return this.push(this.persistent({ k: 'str', text: line, truncated: op.truncated, length: line.length }, this.here()));
            }
            case 0x51: // BINPERSID
                return this.push(this.persistent(this.pop(), this.here()));
            default:
                throw new MachineFault(`opcode ${op.info.name} is not handled`);
        }
    }
    importNames(op) {
        const [a, b] = op.lines;
        if (op.truncated)
            return [a ?? '', (b ?? '') + '…'];
        const module = lineAsUtf8(a ?? '');
        const name = lineAsUtf8(b ?? '');
        if (module === undefined || name === undefined)
            throw new MachineFault(`${op.info.name} names are not valid UTF-8`);
        return [module, name];
    }
}
/** Floats never matter to a verdict; one shared value spares an allocation per BINFLOAT. */
const FLOAT = Object.freeze({ k: 'scalar', text: '<float>' });
/** Shared values for small integers: data-heavy pickles hold millions of them. */
const SMALL_INTS = Array.from({ length: 1024 }, (_, i) => Object.freeze({ k: 'scalar', num: i }));
function intValue(n) {
    return n >= 0 && n < SMALL_INTS.length ? SMALL_INTS[n] : { k: 'scalar', num: n };
}
function machine_isDunder(part) {
    return part.length > 4 && part.startsWith('__') && part.endsWith('__');
}
/** module.name, with the Python 3 name a Python 2 name is mapped to. */
function displayName(g) {
    const name = qualifiedName(g);
    return g.alias && g.alias !== name ? `${name} (${g.alias} on Python 3)` : name;
}
function addItems(target, items) {
    if (target.k === 'list' || target.k === 'dict' || target.k === 'set') {
        const c = target;
        for (const item of items)
            if (c.items.length < 8)
                c.items.push(item);
        c.count += items.length;
    }
}
function ruleForDanger(category, invoked) {
    if (category === 'code-reconstruction')
        return 'MA2017';
    if (category === 'dunder-traversal')
        return 'MA2019';
    if (category === 'suspicious-name')
        return 'MA2018';
    return invoked ? 'MA2001' : 'MA2002';
}
function describeFault(f) {
    switch (f.kind) {
        case 'invalid-opcode':
            return `invalid opcode byte 0x${f.byte.toString(16).padStart(2, '0')} at offset ${f.offset}`;
        case 'truncated':
            return `${f.opcode} at offset ${f.offset} is truncated: ${f.detail}`;
        case 'bad-argument':
            return `${f.opcode} at offset ${f.offset}: ${f.detail}`;
    }
}
/** Two's-complement little-endian integer (LONG1/LONG4), rendered in decimal. */
function decodeLong(data) {
    if (data.length === 0)
        return '0';
    if (data.length > 64)
        return `<int of ${data.length} bytes>`;
    let v = 0n;
    for (let i = data.length - 1; i >= 0; i--)
        v = (v << 8n) | BigInt(data[i]);
    if (data[data.length - 1] & 0x80)
        v -= 1n << BigInt(8 * data.length);
    return v.toString();
}
/** A protocol-2+ header followed by an opcode byte, or a protocol-0 GLOBAL. */
function looksLikePickleStart(head) {
    if (head.length >= 3 && head[0] === 0x80 && head[1] >= 2 && head[1] <= HIGHEST_PROTOCOL) {
        return (head[2] === 0x95 ||
            head[2] === 0x63 ||
            head[2] === 0x8c ||
            head[2] === 0x28 ||
            head[2] === 0x5d ||
            head[2] === 0x7d ||
            head[2] === 0x58 ||
            head[2] === 0x4b);
    }
    return /^c[A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n/.test(head.toString('latin1', 0, Math.min(head.length, 64)));
}

;// CONCATENATED MODULE: ./src/pickle/reader.ts

const CHUNK = 1 << 20;
const MIN_CHUNK = 64 * 1024;
/** Most bytes buffered to splice a frame in `file` mode; beyond it the payload is skipped linearly. */
const MAX_SPLICE_WINDOW = 1 << 20;
/** Largest 8-byte length treated as a number; anything larger is beyond any real stream. */
const MAX_LENGTH = Number.MAX_SAFE_INTEGER;
/**
 * Reads every opcode of `stream` until its end or a fault, handing each to `handler`.
 * Returns the stream position where reading stopped.
 */
async function readOpcodes(stream, handler, options) {
    const win = new Window(stream);
    let frameEnd;
    const streamSize = stream.size;
    for (;;) {
        handler.checkpoint();
        // Parse as many opcodes as the window holds before awaiting more input.
        for (;;) {
            if (win.available === 0) {
                if (win.eof)
                    return win.position;
                break;
            }
            const parsed = parseOp(win, options.keepBytes);
            if (parsed.t === 'need') {
                if (win.eof) {
                    // parseOp asks for more only when the argument is not complete yet.
                    const b = win.byteAt(0);
                    handler.fault({
                        kind: 'truncated',
                        offset: win.position,
                        opcode: OPCODES[b]?.name ?? `0x${b.toString(16)}`,
                        detail: 'the stream ends inside this opcode',
                    });
                    return win.position;
                }
                await win.fill(parsed.bytes);
                break;
            }
            if (parsed.t === 'fault') {
                handler.fault(parsed.fault);
                return win.position;
            }
            const { op, take, skip, skipLines } = parsed;
            if (frameEnd !== undefined) {
                if (op.offset >= frameEnd)
                    frameEnd = undefined;
                else if (op.end > frameEnd) {
                    handler.frameViolation({ kind: 'straddle', op, frameEnd });
                    if (options.frameMode === 'file') {
                        const dropped = await dropFrameRemainder(win, op, frameEnd);
                        frameEnd = undefined;
                        if (dropped)
                            continue; // re-parse this opcode from the spliced bytes
                    }
                    frameEnd = undefined;
                }
            }
            if (op.info.name === 'FRAME') {
                if (frameEnd !== undefined)
                    handler.frameViolation({ kind: 'nested', op, frameEnd });
                const size = op.int ?? 0;
                frameEnd = op.end + size;
                if (streamSize !== undefined && frameEnd > streamSize) {
                    handler.frameViolation({ kind: 'beyond-end', op, frameEnd, size: streamSize });
                }
            }
            win.consume(take);
            handler.op(op);
            if (skip > 0) {
                const skipped = await win.skip(skip);
                if (skipped < skip) {
                    handler.fault({
                        kind: 'truncated',
                        offset: op.offset,
                        opcode: op.info.name,
                        detail: `argument declares ${op.length ?? skip} bytes but the stream ends ${skip - skipped} bytes short`,
                    });
                    return win.position;
                }
                break;
            }
            if (skipLines > 0) {
                const ok = await win.skipLines(skipLines);
                if (!ok) {
                    handler.fault({
                        kind: 'truncated',
                        offset: op.offset,
                        opcode: op.info.name,
                        detail: 'the stream ends inside a text argument',
                    });
                    return win.position;
                }
                break;
            }
        }
        if (win.available === 0 && !win.eof)
            await win.fill(1);
    }
}
/**
 * Old C unpicklers reading a file serve each read from the frame buffer only when it fits;
 * otherwise they drop what is left of the frame and read from the file after it. Removes the
 * dropped bytes from the window so the opcode can be parsed again as such a loader reads it.
 * Returns false when the split point lies beyond the window (inside a skipped payload).
 */
async function dropFrameRemainder(win, op, frameEnd) {
    const reads = readCallBoundaries(win, op);
    let cut = op.offset;
    for (const [start, end] of reads) {
        if (end > frameEnd) {
            cut = start;
            break;
        }
    }
    const need = frameEnd - win.position;
    if (need > win.available) {
        if (need > MAX_SPLICE_WINDOW)
            return false;
        await win.fill(need);
        if (need > win.available)
            return false;
    }
    win.remove(cut - win.position, frameEnd - win.position);
    return true;
}
/** The separate reads a C unpickler makes for one opcode: opcode byte, fixed argument, payload or lines. */
function readCallBoundaries(win, op) {
    const calls = [[op.offset, op.offset + 1]];
    const kind = op.info.arg;
    let pos = op.offset + 1;
    if (kind === 'line' || kind === 'line2') {
        const lines = kind === 'line' ? 1 : 2;
        for (let i = 0; i < lines; i++) {
            const nl = win.indexOfNewline(pos - win.position);
            const end = nl < 0 ? op.end : win.position + nl + 1;
            calls.push([pos, end]);
            pos = end;
        }
        return calls;
    }
    const fixed = fixedArgSize(kind);
    if (fixed > 0) {
        calls.push([pos, pos + fixed]);
        pos += fixed;
    }
    if (kind === 'bytes1' || kind === 'bytes4' || kind === 'bytes8')
        calls.push([pos, op.end]);
    return calls;
}
/** Parses one opcode at the start of the window. */
function parseOp(win, keepBytes) {
    const code = win.byteAt(0);
    const info = OPCODES[code];
    const offset = win.position;
    if (!info)
        return { t: 'fault', fault: { kind: 'invalid-opcode', offset, byte: code } };
    const kind = info.arg;
    if (kind === 'none')
        return opResult(mkOp(info, offset, offset + 1, false), 1);
    if (kind === 'line' || kind === 'line2')
        return parseLines(win, info, kind === 'line' ? 1 : 2, keepBytes);
    const fixed = fixedArgSize(kind);
    if (win.available < 1 + fixed)
        return { t: 'need', bytes: 1 + fixed };
    const b = win.buffer;
    const at = win.offsetOf(1);
    switch (kind) {
        case 'u1':
            return opResult(mkOp(info, offset, offset + 2, false, b[at]), 2);
        case 'u2':
            return opResult(mkOp(info, offset, offset + 3, false, b.readUInt16LE(at)), 3);
        case 'i4':
            return opResult(mkOp(info, offset, offset + 5, false, b.readInt32LE(at)), 5);
        case 'u4':
            return opResult(mkOp(info, offset, offset + 5, false, b.readUInt32LE(at)), 5);
        case 'f8':
            return opResult(mkOp(info, offset, offset + 9, false, undefined, b.readDoubleBE(at)), 9);
        case 'u8': {
            const v = b.readBigUInt64LE(at);
            const n = v > BigInt(MAX_LENGTH) ? MAX_LENGTH : Number(v);
            return opResult(mkOp(info, offset, offset + 9, false, n), 9);
        }
        default:
            break;
    }
    // Counted argument: length field, then payload.
    let length;
    if (kind === 'bytes1')
        length = b[at];
    else if (kind === 'bytes4') {
        // BINSTRING and LONG4 are signed for pickle.py and pickletools; _pickle.c reads the
        // length unsigned for BINSTRING (python/cpython#135321) and signed for LONG4.
        const signed = b.readInt32LE(at);
        if (signed < 0 && info.name === 'LONG4') {
            return {
                t: 'fault',
                fault: { kind: 'bad-argument', offset, opcode: info.name, detail: 'negative byte count' },
            };
        }
        length = b.readUInt32LE(at);
    }
    else {
        const v = b.readBigUInt64LE(at);
        length = v > BigInt(MAX_LENGTH) ? MAX_LENGTH : Number(v);
    }
    const head = 1 + fixed;
    const dataOffset = offset + head;
    const end = dataOffset + length;
    if (length <= keepBytes) {
        if (win.available < head + length)
            return { t: 'need', bytes: head + length };
        const data = b.subarray(at + fixed, at + fixed + length);
        return opResult(mkOp(info, offset, end, false, length, undefined, undefined, data, length, dataOffset), head + length);
    }
    // Large payload: keep a prefix (for sniffing nested pickles), skip the rest.
    const keep = Math.min(4096, keepBytes);
    if (win.available < head + keep && !win.eof)
        return { t: 'need', bytes: head + keep };
    const have = Math.min(keep, win.available - head);
    const data = b.subarray(at + fixed, at + fixed + have);
    return opResult(mkOp(info, offset, end, true, length, undefined, undefined, data, length, dataOffset), head + have, length - have);
}
function parseLines(win, info, count, keepBytes) {
    const offset = win.position;
    const lines = [];
    let truncated = false;
    let pos = 1;
    for (let i = 0; i < count; i++) {
        const nl = win.indexOfNewline(pos);
        if (nl < 0) {
            const pending = win.available - pos;
            if (pending <= keepBytes && !win.eof)
                return { t: 'need', bytes: win.available + Math.max(4096, pending) };
            if (win.eof && pending <= keepBytes) {
                return {
                    t: 'fault',
                    fault: {
                        kind: 'truncated',
                        offset,
                        opcode: info.name,
                        detail: 'text argument is not terminated by a newline',
                    },
                };
            }
            // A line longer than we keep: take a prefix and skip to its newline (and any later line).
            lines.push(win.text(pos, pos + keepBytes));
            while (lines.length < count)
                lines.push('');
            return opResult(mkOp(info, offset, offset + win.available, true, undefined, undefined, lines), win.available, 0, count - i);
        }
        if (nl - pos > keepBytes) {
            lines.push(win.text(pos, pos + keepBytes));
            truncated = true;
        }
        else
            lines.push(win.text(pos, nl));
        pos = nl + 1;
    }
    return opResult(mkOp(info, offset, offset + pos, truncated, undefined, undefined, lines), pos);
}
/** Parsing is synchronous and its result is read before any await: reuse one object. */
const scratch = {
    t: 'op',
    op: undefined,
    take: 0,
    skip: 0,
    skipLines: 0,
};
/** Every RawOp has the same shape (same fields, same order), keeping the machine's reads monomorphic. */
function mkOp(info, offset, end, truncated, int, float, lines, data, length, dataOffset) {
    return { info, offset, end, int, float, lines, data, length, truncated, dataOffset };
}
function opResult(op, take, skip = 0, skipLines = 0) {
    scratch.op = op;
    scratch.take = take;
    scratch.skip = skip;
    scratch.skipLines = skipLines;
    return scratch;
}
/** A growable window of buffered stream bytes; `position` is the stream offset of its first byte. */
class Window {
    stream;
    buffer = Buffer.alloc(0);
    start = 0;
    end = 0;
    position = 0;
    eof = false;
    /** Read size: starts small after a skip (the next payload may be near), grows to CHUNK. */
    chunk = MIN_CHUNK;
    constructor(stream) {
        this.stream = stream;
        this.position = stream.position;
    }
    get available() {
        return this.end - this.start;
    }
    byteAt(i) {
        return this.buffer[this.start + i];
    }
    offsetOf(i) {
        return this.start + i;
    }
    text(from, to) {
        return this.buffer.toString('latin1', this.start + from, this.start + to);
    }
    indexOfNewline(from) {
        const i = this.buffer.indexOf(0x0a, this.start + from);
        return i < 0 || i >= this.end ? -1 : i - this.start;
    }
    consume(n) {
        this.start += n;
        this.position += n;
    }
    /** Ensures at least `n` bytes are buffered, unless the stream ends first. */
    async fill(n) {
        while (this.available < n && !this.eof) {
            if (this.start > 0 &&
                (this.start > this.buffer.length / 2 || this.end === this.buffer.length)) {
                this.buffer.copy(this.buffer, 0, this.start, this.end);
                this.end -= this.start;
                this.start = 0;
            }
            const want = Math.max(n - this.available, this.chunk);
            this.chunk = Math.min(CHUNK, this.chunk * 2);
            if (this.end + want > this.buffer.length) {
                const grown = Buffer.allocUnsafe(Math.max(this.end + want, this.buffer.length * 2));
                this.buffer.copy(grown, 0, 0, this.end);
                this.buffer = grown;
            }
            const chunk = await this.stream.read(this.buffer.length - this.end);
            if (!chunk) {
                this.eof = true;
                break;
            }
            chunk.copy(this.buffer, this.end);
            this.end += chunk.length;
        }
    }
    /** Skips `n` bytes, buffered first, then from the stream. Returns how many were skipped. */
    async skip(n) {
        const fromBuffer = Math.min(n, this.available);
        this.consume(fromBuffer);
        let rest = n - fromBuffer;
        if (rest === 0)
            return n;
        this.chunk = MIN_CHUNK;
        const skipped = await this.stream.skip(rest);
        this.position += skipped;
        rest -= skipped;
        if (rest > 0)
            this.eof = true;
        return n - rest;
    }
    /** Discards bytes up to and including the `count`-th newline. */
    async skipLines(count) {
        let left = count;
        for (;;) {
            while (left > 0) {
                const nl = this.indexOfNewline(0);
                if (nl < 0)
                    break;
                this.consume(nl + 1);
                left--;
            }
            if (left === 0)
                return true;
            this.consume(this.available);
            await this.fill(1);
            if (this.available === 0)
                return false;
        }
    }
    /** Removes buffered bytes [from, to) (relative to the window start). */
    remove(from, to) {
        if (to <= from)
            return;
        const a = this.start + from;
        const b = this.start + to;
        this.buffer.copy(this.buffer, a, b, this.end);
        this.end -= b - a;
        // The removed bytes were consumed as far as stream positions go: later opcodes keep their
        // true offsets only approximately, which is acceptable for this emulation pass.
    }
}

;// CONCATENATED MODULE: ./src/pickle/recorder.ts
class Recorder {
    maxEntries;
    entries = new Map();
    /** Appended to every message, e.g. "as read by a file-mode C unpickler". */
    context = '';
    constructor(maxEntries = 10_000) {
        this.maxEntries = maxEntries;
    }
    /** Records one observation; `key` merges repeats (defaults to the evidence). */
    add(ruleId, message, evidence, site, key = evidence) {
        const k = `${ruleId}\u0000${key}`;
        const e = this.entries.get(k);
        if (e) {
            e.count++;
            return;
        }
        if (this.entries.size >= this.maxEntries)
            return;
        const full = this.context ? `${message} (${this.context})` : message;
        this.entries.set(k, { ruleId, message: full, evidence, site, count: 1 });
    }
    has(ruleId, key) {
        return this.entries.has(`${ruleId}\u0000${key}`);
    }
    hasRule(ruleId) {
        for (const e of this.entries.values())
            if (e.ruleId === ruleId)
                return true;
        return false;
    }
    get size() {
        return this.entries.size;
    }
    findings() {
        return [...this.entries.values()].map((e) => ({
            ruleId: e.ruleId,
            message: e.count > 1 ? `${e.message} (${e.count} occurrences)` : e.message,
            evidence: e.evidence,
            offset: e.site.offset,
            opcodeIndex: e.site.opcodeIndex,
        }));
    }
}

;// CONCATENATED MODULE: ./src/pickle/probe.ts
/**
 * Decides whether bytes are a pickle by running the opcode reader and the machine over the
 * first bytes: protocol 0/1 pickles have no magic number, only text opcodes, so a file is a
 * pickle when the C unpickler would get through its start without an error.
 */







/** Opcodes needed before text that parses as opcodes counts as a pickle. */
const MIN_OPCODES = 3;
class Probe {
    machine;
    complete;
    ops = 0;
    stopped = false;
    fatal = false;
    constructor(machine, complete) {
        this.machine = machine;
        this.complete = complete;
    }
    op(op) {
        if (this.stopped)
            return;
        this.ops++;
        this.machine.op(op);
        if (op.info.name === 'STOP')
            this.stopped = true;
    }
    fault(f) {
        // Running out of sniffed bytes is expected when the head is only the start of the file.
        if (this.stopped || (f.kind === 'truncated' && !this.complete))
            return;
        this.fatal = true;
    }
    frameViolation(_v) { }
    checkpoint() { }
}
/**
 * True when `head` starts like a pickle: a PROTO header of a known protocol, or opcodes that
 * the C unpickler would run without error for at least a few steps (or to a STOP).
 * `complete` says whether `head` is the whole content.
 */
async function probePickle(head, complete) {
    if (head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= HIGHEST_PROTOCOL)
        return true;
    // A PROTO the C unpickler refuses (0x80 0x06…) still makes a pickle for lenient readers
    // such as pickletools: judge the rest of the stream.
    if (head.length >= 4 && head[0] === 0x80)
        return probeOpcodes(head.subarray(2), complete);
    if (head.length < 2)
        return false;
    return probeOpcodes(head, complete);
}
async function probeOpcodes(head, complete) {
    const recorder = new Recorder();
    const machine = new PickleMachine(recorder, DEFAULT_LIMITS, () => { });
    const probe = new Probe(machine, complete);
    const sample = head.subarray(0, Math.min(head.length, 16 * 1024));
    try {
        await readOpcodes(new SourceStream(new BufferSource(sample)), probe, {
            keepBytes: 4096,
            frameMode: 'linear',
        });
    }
    catch {
        return false;
    }
    if (probe.fatal || recorder.hasRule('MA2013'))
        return false;
    return probe.stopped ? probe.ops >= 2 : probe.ops >= MIN_OPCODES;
}

;// CONCATENATED MODULE: ./src/pickle/sweep.ts

const IDENT = '[A-Za-z_][A-Za-z0-9_.]{0,127}';
const TEXT_IMPORT = new RegExp(`[ci](${IDENT})\\n(${IDENT})\\n`, 'g');
const IDENT_ONLY = new RegExp(`^${IDENT}$`);
const sweep_CHUNK = 1 << 20;
const OVERLAP = 600;
const MAX_HITS = 50;
/** Sweeps at most `maxBytes` of the stream for GLOBAL/INST and STACK_GLOBAL-like operands. */
async function sweepForImports(stream, maxBytes, checkpoint) {
    const hits = [];
    const seen = new Set();
    let carry = Buffer.alloc(0);
    let base = stream.position;
    let total = 0;
    while (total < maxBytes && hits.length < MAX_HITS) {
        checkpoint();
        const chunk = await stream.read(Math.min(sweep_CHUNK, maxBytes - total));
        if (!chunk)
            break;
        total += chunk.length;
        const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const text = buf.toString('latin1');
        const consider = (offset, module, name) => {
            const key = `${offset}:${module}:${name}`;
            if (seen.has(key))
                return;
            seen.add(key);
            const cls = classifyGlobal(module, name);
            if (cls.level === 'dangerous' && hits.length < MAX_HITS)
                hits.push({ offset, module, name, cls });
        };
        TEXT_IMPORT.lastIndex = 0;
        for (let m = TEXT_IMPORT.exec(text); m; m = TEXT_IMPORT.exec(text))
            consider(base + m.index, m[1], m[2]);
        // Counted strings (SHORT_BINUNICODE, BINUNICODE, SHORT_BINSTRING) taken in pairs.
        let prev;
        for (let i = 0; i < buf.length - 2; i++) {
            const op = buf[i];
            let len = -1;
            let start = 0;
            if (op === 0x8c || op === 0x55) {
                len = buf[i + 1];
                start = i + 2;
            }
            else if (op === 0x58 && i + 5 <= buf.length) {
                len = buf.readUInt32LE(i + 1);
                start = i + 5;
            }
            if (len <= 0 || len > 128 || start + len > buf.length)
                continue;
            const s = text.slice(start, start + len);
            if (!IDENT_ONLY.test(s))
                continue;
            if (prev && i - prev.end <= 16)
                consider(base + i, prev.text, s);
            prev = { text: s, end: start + len };
            i = start + len - 1;
        }
        carry = buf.subarray(Math.max(0, buf.length - OVERLAP));
        base += buf.length - carry.length;
    }
    return hits;
}

;// CONCATENATED MODULE: ./src/pickle/analyze.ts
/**
 * Runs the symbolic machine over a pickle target: the straight read, a second read as an
 * older C unpickler reading a file when frames are violated, a sweep of bytes the parser
 * could not follow, and nested scans of pickles carried inside constants.
 */








/** Bytes swept for hidden imports after a fault. */
const SWEEP_LIMIT = 64 * 1024 * 1024;
/**
 * Scans `target` as a pickle stream (all pickles in it), reporting through `ctx`.
 * Findings gathered before a time or size limit are reported before the limit propagates.
 */
async function analyzePickle(target, ctx) {
    const recorder = new Recorder();
    const machine = new PickleMachine(recorder, ctx.limits, () => ctx.checkpoint());
    let complete = false;
    let summary;
    try {
        await runPass(target.openStream(), machine, 'linear', ctx);
        if (!machine.betweenPickles) {
            recorder.add('MA2013', 'malformed pickle: the stream ends before the STOP opcode of its last pickle', 'missing STOP', { offset: target.size ?? -1, opcodeIndex: -1, opcode: 'STOP' }, 'malformed');
        }
        summary = machine.finish();
        complete = true;
        if (machine.sawFrameViolation)
            await fileModePass(target, ctx, recorder);
        if (summary.faulted || machine.sawFrameViolation)
            await sweep(target, ctx, recorder);
    }
    catch (err) {
        if (!(err instanceof LimitExceeded))
            throw err;
        recorder.add('MA1002', `scan stopped: ${err.message}`, err.limit, { offset: -1, opcodeIndex: -1, opcode: '' }, 'limit');
    }
    finally {
        summary ??= machine.finish();
        for (const f of recorder.findings())
            ctx.report(f);
    }
    await scanEmbedded(target, ctx, machine.embedded);
    return { ...summary, complete };
}
async function runPass(stream, machine, frameMode, ctx) {
    try {
        await readOpcodes(stream, machine, { keepBytes: ctx.limits.maxConstantBytes, frameMode });
    }
    finally {
        await stream.close();
    }
}
/** Re-reads the stream as CPython < 3.13.15/3.14.7 reads a file when frames are violated. */
async function fileModePass(target, ctx, into) {
    const recorder = new Recorder();
    recorder.context = 'as an older C unpickler reads it from a file';
    const machine = new PickleMachine(recorder, ctx.limits, () => ctx.checkpoint());
    await runPass(target.openStream(), machine, 'file', ctx);
    machine.finish();
    for (const f of recorder.findings()) {
        // Only what the straight read did not already show.
        if (f.ruleId === 'MA2012' ||
            f.ruleId === 'MA2013' ||
            f.ruleId === 'MA2014' ||
            f.ruleId === 'MA2015')
            continue;
        if (!into.has(f.ruleId, f.evidence ?? '')) {
            into.add(f.ruleId, f.message, f.evidence ?? '', {
                offset: f.offset ?? -1,
                opcodeIndex: f.opcodeIndex ?? -1,
                opcode: '',
            });
        }
    }
}
async function sweep(target, ctx, recorder) {
    const stream = target.openStream();
    try {
        const hits = await sweepForImports(stream, SWEEP_LIMIT, () => ctx.checkpoint());
        for (const h of hits) {
            const name = `${h.module}.${h.name}`;
            recorder.add('MA2021', `bytes at offset ${h.offset} import ${name} (${h.cls.reason}), outside the opcodes a straight read reaches`, name, { offset: h.offset, opcodeIndex: -1, opcode: 'sweep' }, name);
        }
    }
    finally {
        await stream.close();
    }
}
async function scanEmbedded(target, ctx, candidates) {
    for (const c of candidates) {
        const v = c.value;
        const outer = target.source;
        // Small pickles were kept whole; larger raw ones are read back from the outer file.
        const source = c.data
            ? new BufferSource(c.data)
            : outer && v.k === 'bytes' && v.dataOffset !== undefined
                ? sliceOf(outer, v.dataOffset, v.length)
                : undefined;
        if (!source)
            continue;
        const label = `embedded pickle at offset ${c.site.offset}`;
        const member = {
            path: target.path,
            member: target.member ? `${target.member} > ${label}` : label,
            name: 'embedded.pkl',
            size: source.size,
            head: await source.read(0, Math.min(HEAD_BYTES, source.size)),
            openStream: () => new SourceStream(source),
            source,
        };
        const result = await ctx.scanMember(member);
        if (result.findings > 0) {
            ctx.report({
                ruleId: 'MA2022',
                message: `a ${c.encoding === 'base64' ? 'base64-encoded ' : ''}pickle is embedded in a constant (${result.findings} findings inside, worst ${result.worst})`,
                evidence: render(v, 80),
                offset: c.site.offset,
                opcodeIndex: c.site.opcodeIndex,
            });
        }
    }
}
function sliceOf(source, offset, size) {
    return {
        size,
        read: (position, length) => source.read(offset + position, Math.max(0, Math.min(length, size - position))),
    };
}

;// CONCATENATED MODULE: ./src/scanners/pickle.ts


/** Plain pickle streams, whatever their name: every pickle in the stream is judged. */
const pickleScanner = {
    id: 'pickle',
    formats: ['pickle'],
    rules: [...PICKLE_RULES.map((r) => r.id), 'MA1002'],
    async scan(target, ctx) {
        const a = await analyzePickle(target, ctx);
        ctx.detail('pickle', {
            pickles: a.pickles,
            protocols: a.protocols,
            opcodes: a.opcodes,
            imports: a.imports,
            ...(a.storageReferences > 0 ? { storageReferences: a.storageReferences } : {}),
        });
    },
};

;// CONCATENATED MODULE: ./src/scanners/pickle-plugin.ts


/** Plain pickle streams: identified by running their first opcodes, so this plugin goes last. */
const picklePlugin = {
    name: 'pickle',
    detectors: [
        {
            format: 'pickle',
            content: (i) => probePickle(i.head, i.size !== undefined && i.head.length >= i.size),
            extensions: ['.pkl', '.pickle', '.pck', '.pcl'],
            executable: true,
        },
    ],
    scanners: [pickleScanner],
    layouts: [],
};

;// CONCATENATED MODULE: ./src/scanners/repository-plugin.ts
const LFS_HEADER = 'version https://git-lfs.github.com/spec/v1';
/** Pointer files are tiny (the spec caps them at 1024 bytes). */
const MAX_POINTER = 1024;
function isLfsPointer(head, size) {
    if (size === undefined || size > MAX_POINTER || head.length < LFS_HEADER.length)
        return false;
    return head.toString('latin1', 0, LFS_HEADER.length) === LFS_HEADER;
}
const lfsPointerScanner = {
    id: 'git-lfs',
    formats: ['git-lfs-pointer'],
    rules: ['MA7001'],
    scan(target, ctx) {
        const text = target.head.toString('utf8');
        const oid = /^oid (\S+)$/m.exec(text)?.[1];
        const size = /^size (\d+)$/m.exec(text)?.[1];
        ctx.report({
            ruleId: 'MA7001',
            message: `Git LFS pointer for a ${size ? `${size}-byte ` : ''}object that was not fetched; the real model was not scanned`,
            evidence: oid ? `${oid}${size ? ` (${size} bytes)` : ''}` : 'git-lfs pointer',
        });
        ctx.detail('gitLfs', { oid, size: size ? Number(size) : undefined });
        return Promise.resolve();
    },
};
const repositoryPlugin = {
    name: 'repository',
    detectors: [{ format: 'git-lfs-pointer', content: (i) => isLfsPointer(i.head, i.size) }],
    scanners: [lfsPointerScanner],
    layouts: [],
};

;// CONCATENATED MODULE: ./src/scanners/index.ts






/** Specific magic-byte detectors first; the pickle probe, a heuristic, last. */
const PLUGINS = [
    repositoryPlugin,
    archivePlugin,
    graphPlugin,
    llmPlugin,
    formatsPlugin,
    picklePlugin,
];
const DETECTORS = PLUGINS.flatMap((p) => p.detectors);
const SCANNERS = PLUGINS.flatMap((p) => p.scanners);
const ARCHIVE_LAYOUTS = PLUGINS.flatMap((p) => p.layouts);
const byFormat = new Map();
for (const s of SCANNERS)
    for (const f of s.formats)
        if (!byFormat.has(f))
            byFormat.set(f, s);
function scannerFor(format) {
    return byFormat.get(format);
}
function detectorFor(format) {
    return DETECTORS.find((d) => d.format === format);
}

;// CONCATENATED MODULE: ./src/utils/filetype.ts
/**
 * Format identification: content first (magic bytes, first opcodes); the file name is only a
 * hint, used when the content alone is not conclusive.
 */

function extensionOf(name) {
    return (0,external_node_path_namespaceObject.extname)(name).toLowerCase();
}
async function identify(input, detectors) {
    for (const d of detectors) {
        if (d.content && (await d.content(input)))
            return { format: d.format, by: 'content' };
    }
    const ext = extensionOf(input.name);
    if (ext) {
        for (const d of detectors)
            if (d.extensions?.includes(ext))
                return { format: d.format, by: 'name' };
    }
    return { format: 'unknown', by: 'none' };
}
/** Extensions that promise data-only or text content. */
const DATA_ONLY_EXTENSIONS = new Set([
    '.safetensors',
    '.json',
    '.txt',
    '.md',
    '.csv',
    '.tsv',
    '.yaml',
    '.yml',
    '.npy',
    '.png',
    '.jpg',
    '.jpeg',
    '.gif',
    '.onnx',
    '.gguf',
    '.tflite',
    '.msgpack',
    '.vocab',
    '.spm',
]);
/** True when the name promises data but the content is an executable serialization. */
function isExtensionMismatch(name, detector) {
    return Boolean(detector?.executable) && DATA_ONLY_EXTENSIONS.has(extensionOf(name));
}

;// CONCATENATED MODULE: ./src/core/context.ts
/**
 * The engine side of ScanContext: stamps findings with path, member, rule severity and
 * scanner; enforces the time budget and the nesting limit; dispatches members back through
 * identification so containers never need to know which scanner handles what.
 */









const MAX_MEMBER_DETAILS = 2000;
const MAX_CLAIMS = 500;
/** Everything gathered while scanning one top-level file. */
class FileCollector {
    path;
    stats;
    findings = [];
    details = {};
    members = [];
    claims = [];
    format = 'unknown';
    cleanups = [];
    constructor(path, stats) {
        this.path = path;
        this.stats = stats;
    }
    onCleanup(fn) {
        this.cleanups.push(fn);
    }
    async cleanup() {
        for (const fn of this.cleanups.splice(0))
            await fn().catch(() => undefined);
    }
}
class EngineContext {
    collector;
    limits;
    deadline;
    depth;
    target;
    signal;
    scannerId = 'engine';
    count = 0;
    worst;
    constructor(collector, limits, deadline, depth, target, signal) {
        this.collector = collector;
        this.limits = limits;
        this.deadline = deadline;
        this.depth = depth;
        this.target = target;
        this.signal = signal;
    }
    report(input) {
        const rule = getRule(input.ruleId);
        const member = [this.target.member, input.member].filter(Boolean).join(' > ') || undefined;
        const finding = Object.freeze({
            ruleId: rule.id,
            severity: input.severity ?? rule.severity,
            message: input.message,
            location: Object.freeze({
                path: this.collector.path,
                ...(member ? { member } : {}),
                ...(input.offset !== undefined && input.offset >= 0 ? { offset: input.offset } : {}),
                ...(input.opcodeIndex !== undefined && input.opcodeIndex >= 0
                    ? { opcodeIndex: input.opcodeIndex }
                    : {}),
                ...(input.line !== undefined ? { line: input.line } : {}),
            }),
            ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
            ...(rule.cwe ? { cwe: rule.cwe } : {}),
            scanner: this.scannerId,
        });
        this.collector.findings.push(finding);
        this.count++;
        if (this.worst === undefined || findings_severityRank(finding.severity) > findings_severityRank(this.worst))
            this.worst = finding.severity;
    }
    detail(key, value) {
        if (this.target.member === undefined)
            this.collector.details[key] = value;
        else {
            const perMember = (this.collector.details.memberDetails ??= {});
            if (Object.keys(perMember).length < MAX_MEMBER_DETAILS)
                (perMember[this.target.member] ??= {})[key] = value;
        }
    }
    claim(claim) {
        if (this.collector.claims.length >= MAX_CLAIMS)
            return;
        const source = this.target.member ? `${this.target.member}: ${claim.source}` : claim.source;
        this.collector.claims.push(Object.freeze({ ...claim, source }));
    }
    layouts() {
        return ARCHIVE_LAYOUTS;
    }
    checkpoint() {
        if (this.signal?.aborted)
            throw new ScanInterrupted('aborted');
        if (Date.now() > this.deadline)
            throw new ScanInterrupted('timeout');
    }
    async scanMember(target) {
        this.checkpoint();
        const child = new EngineContext(this.collector, this.limits, this.deadline, this.depth + 1, target, this.signal);
        if (child.depth > this.limits.maxDepth) {
            child.report({
                ruleId: 'MA1002',
                message: `nesting deeper than ${this.limits.maxDepth} levels; this member was not scanned`,
                evidence: 'maxDepth',
            });
            return { format: 'unscanned', findings: child.count, worst: child.worst };
        }
        const format = await child.run();
        if (this.collector.members.length < MAX_MEMBER_DETAILS) {
            this.collector.members.push({
                member: target.member ?? target.name,
                format,
                findings: child.count,
            });
        }
        this.count += child.count;
        if (child.worst &&
            (this.worst === undefined || findings_severityRank(child.worst) > findings_severityRank(this.worst)))
            this.worst = child.worst;
        return { format, findings: child.count, worst: child.worst };
    }
    async randomAccess(target) {
        if (target.source)
            return target.source;
        const stream = target.openStream();
        try {
            const limit = this.limits.maxInMemoryBytes;
            const parts = [];
            let total = 0;
            for (;;) {
                this.checkpoint();
                const chunk = await stream.read(1 << 20);
                if (!chunk)
                    break;
                total += chunk.length;
                if (total > limit) {
                    // Too large for memory: spill the rest to a private temporary file.
                    return await this.spill(parts, chunk, stream);
                }
                parts.push(Buffer.from(chunk));
            }
            return new BufferSource(Buffer.concat(parts, total));
        }
        finally {
            await stream.close();
        }
    }
    async spill(parts, pending, stream) {
        const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'modelaudit-'));
        this.collector.onCleanup(() => (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true }));
        const file = (0,external_node_path_namespaceObject.join)(dir, 'member');
        await (0,promises_namespaceObject.writeFile)(file, Buffer.concat(parts));
        const handle = await (0,promises_namespaceObject.open)(file, 'a');
        try {
            await handle.write(pending);
            for (;;) {
                this.checkpoint();
                const chunk = await stream.read(1 << 20);
                if (!chunk)
                    break;
                await handle.write(chunk);
            }
        }
        finally {
            await handle.close();
        }
        const source = await FileSource.open(file, new IoStats());
        this.collector.onCleanup(() => source.close());
        return source;
    }
    /** Identifies the target and runs its scanner; returns the format. */
    async run() {
        const target = this.target;
        const id = await identify({
            head: target.head,
            name: target.name,
            size: target.size,
            ...(target.source ? { source: target.source } : {}),
        }, DETECTORS);
        if (target.member === undefined)
            this.collector.format = id.format;
        const scanner = scannerFor(id.format);
        if (!scanner) {
            this.scannerId = 'identify';
            this.report({
                ruleId: 'MA1003',
                message: id.format === 'unknown'
                    ? 'not a format modelaudit recognises; it was not scanned for code'
                    : `recognised as ${id.format}, but no scanner handles it`,
                evidence: describeHead(target.head),
            });
            return id.format;
        }
        if (isExtensionMismatch(target.name, detectorFor(id.format))) {
            this.scannerId = 'identify';
            this.report({
                ruleId: 'MA1005',
                message: `named like a data-only file but its content is ${id.format}`,
                evidence: `${target.name}: ${id.format}`,
            });
        }
        await this.runScanner(scanner, target);
        return id.format;
    }
    async runScanner(scanner, target) {
        this.scannerId = scanner.id;
        try {
            await scanner.scan(target, this);
        }
        catch (err) {
            if (err instanceof ScanInterrupted)
                throw err; // the whole file's budget is spent
            if (err instanceof LimitExceeded) {
                this.report({
                    ruleId: 'MA1002',
                    message: `scan incomplete: ${err.message}`,
                    evidence: err.limit,
                });
                return;
            }
            const message = err instanceof Error ? err.message : String(err);
            this.report({
                ruleId: 'MA1004',
                message: `the ${scanner.id} scanner failed: ${message}`,
                evidence: message,
            });
        }
    }
}
/** A short, printable description of the first bytes, for unknown-format findings. */
function describeHead(head) {
    const sample = head.subarray(0, 16);
    const printable = /^[\x20-\x7e\t\r\n]*$/.test(sample.toString('latin1'));
    return printable ? JSON.stringify(sample.toString('latin1')) : sample.toString('hex');
}

;// CONCATENATED MODULE: ./src/core/discover.ts
/**
 * Turns the paths a user gave into the regular files to scan: directories are walked
 * recursively; symbolic links are not followed unless asked, and never out of the roots.
 */


/** Directory names never descended into: version-control internals, not artifacts. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);
async function discover(paths, followSymlinks) {
    const out = { files: [], errors: [], skipped: [] };
    const seen = new Set();
    for (const given of paths) {
        let info;
        try {
            info = await (0,promises_namespaceObject.stat)(given); // a path given explicitly is followed even if it is a link
        }
        catch (err) {
            out.errors.push({ path: given, message: describeError(err) });
            continue;
        }
        if (info.isDirectory()) {
            const root = await (0,promises_namespaceObject.realpath)(given);
            await walk(given, root, followSymlinks, out, seen);
        }
        else if (info.isFile()) {
            const real = await (0,promises_namespaceObject.realpath)(given);
            if (!seen.has(real)) {
                seen.add(real);
                out.files.push(given);
            }
        }
        else {
            out.skipped.push({ path: given, reason: 'not a regular file' });
        }
    }
    return out;
}
async function walk(dir, root, follow, out, seen) {
    let entries;
    try {
        entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    }
    catch (err) {
        out.errors.push({ path: dir, message: describeError(err) });
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        const path = (0,external_node_path_namespaceObject.join)(dir, e.name);
        if (e.isDirectory()) {
            if (SKIPPED_DIRS.has(e.name)) {
                out.skipped.push({ path, reason: 'version-control directory' });
                continue;
            }
            await walk(path, root, follow, out, seen);
        }
        else if (e.isFile()) {
            const real = (0,external_node_path_namespaceObject.resolve)(path);
            if (!seen.has(real)) {
                seen.add(real);
                out.files.push(path);
            }
        }
        else if (e.isSymbolicLink()) {
            if (!follow) {
                out.skipped.push({ path, reason: 'symbolic link (use --follow-symlinks)' });
                continue;
            }
            let real;
            try {
                real = await (0,promises_namespaceObject.realpath)(path);
            }
            catch {
                out.skipped.push({ path, reason: 'broken symbolic link' });
                continue;
            }
            if (!isInside(real, root)) {
                out.skipped.push({ path, reason: `symbolic link leads outside ${root}` });
                continue;
            }
            const target = await (0,promises_namespaceObject.lstat)(real);
            if (target.isDirectory()) {
                if (!seen.has(real + external_node_path_namespaceObject.sep)) {
                    seen.add(real + external_node_path_namespaceObject.sep);
                    await walk(path, root, follow, out, seen);
                }
            }
            else if (target.isFile() && !seen.has(real)) {
                seen.add(real);
                out.files.push(path);
            }
        }
        else {
            out.skipped.push({ path, reason: 'not a regular file' });
        }
    }
}
function isInside(path, root) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(external_node_path_namespaceObject.sep) && rel !== '..');
}
function describeError(err) {
    if (err && typeof err === 'object' && 'code' in err) {
        const code = String(err.code);
        if (code === 'ENOENT')
            return 'no such file or directory';
        if (code === 'EACCES' || code === 'EPERM')
            return 'permission denied';
        if (code === 'EISDIR')
            return 'is a directory';
    }
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./src/core/engine.ts
/**
 * discover → identify → scan → collect. One top-level file at a time per worker slot, each
 * under its own time budget; findings are collected per file into the report.
 */











const REPORT_SCHEMA_VERSION = '1.0.0';
/** Scans files and directories; never throws for bad input, only for bad options. */
async function scan(paths, input = {}) {
    const options = resolveOptions(input);
    const startedAt = new Date();
    const t0 = external_node_perf_hooks_namespaceObject.performance.now();
    const found = await discover(paths, options.followSymlinks);
    const errors = [...found.errors];
    for (const e of found.errors)
        options.onEvent?.({ type: 'operational-error', path: e.path, message: e.message });
    const results = new Array(found.files.length);
    let next = 0;
    const worker = async () => {
        while (next < found.files.length) {
            if (options.signal?.aborted)
                return;
            const i = next++;
            const path = found.files[i];
            try {
                results[i] = await scanFile(path, options);
            }
            catch (err) {
                const e = { path, message: describeError(err) };
                errors.push(e);
                options.onEvent?.({ type: 'operational-error', ...e });
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, found.files.length) }, worker));
    const files = results.filter((r) => r !== undefined);
    return buildReport(files, errors, startedAt, external_node_perf_hooks_namespaceObject.performance.now() - t0);
}
function buildReport(files, errors, startedAt, durationMs) {
    const findings = emptyCounts();
    let bytesRead = 0;
    for (const f of files) {
        bytesRead += f.bytesRead;
        const c = countBySeverity(f.findings);
        findings.INFO += c.INFO;
        findings.WARNING += c.WARNING;
        findings.ERROR += c.ERROR;
    }
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: 'modelaudit', version: VERSION },
        startedAt: startedAt.toISOString(),
        durationMs: round(durationMs),
        files,
        errors,
        totals: {
            files: files.length,
            filesWithFindings: files.filter((f) => f.findings.length > 0).length,
            bytesRead,
            findings,
        },
    };
}
/**
 * Scans one file. Throws only when the file cannot be opened or read at all (an operational
 * error); anything wrong with its content becomes a finding.
 */
async function scanFile(path, options) {
    const t0 = external_node_perf_hooks_namespaceObject.performance.now();
    const info = await (0,promises_namespaceObject.stat)(path);
    options.onEvent?.({ type: 'file-start', path, size: info.size });
    const stats = new IoStats();
    const collector = new FileCollector(path, stats);
    const limits = options.limits;
    const finish = () => {
        const findings = [...collector.findings].sort(compareFindings);
        const details = {
            ...collector.details,
            ...(collector.members.length ? { members: collector.members } : {}),
            ...(collector.claims.length ? { identityClaims: collector.claims } : {}),
        };
        const result = {
            path,
            format: collector.format,
            size: info.size,
            bytesRead: stats.bytesRead,
            durationMs: round(external_node_perf_hooks_namespaceObject.performance.now() - t0),
            status: findings.length > 0 ? 'findings' : 'clean',
            findings,
            details,
        };
        options.onEvent?.({
            type: 'file-done',
            path,
            findings: findings.length,
            durationMs: result.durationMs,
        });
        return result;
    };
    const placeholder = {
        path,
        name: (0,external_node_path_namespaceObject.basename)(path),
        size: info.size,
        head: Buffer.alloc(0),
        openStream: () => {
            throw new Error('not opened');
        },
    };
    if (info.size > limits.maxFileBytes) {
        const ctx = new EngineContext(collector, limits, Infinity, 0, placeholder, options.signal);
        ctx.report({
            ruleId: 'MA1002',
            message: `file is ${info.size} bytes, over the ${limits.maxFileBytes}-byte limit; it was not scanned`,
            evidence: 'maxFileBytes',
        });
        return finish();
    }
    const source = await FileSource.open(path, stats);
    try {
        const head = await source.read(0, HEAD_BYTES);
        const target = {
            path,
            name: (0,external_node_path_namespaceObject.basename)(path),
            size: source.size,
            head,
            openStream: () => new SourceStream(source, 0, head),
            source,
        };
        const ctx = new EngineContext(collector, limits, Date.now() + limits.timeoutMs, 0, target, options.signal);
        try {
            await ctx.run();
        }
        catch (err) {
            if (!(err instanceof ScanInterrupted))
                throw err;
            ctx.report({
                ruleId: 'MA1001',
                message: err.reason === 'timeout'
                    ? `scan stopped after ${limits.timeoutMs} ms; the rest of the file was not examined`
                    : 'scan aborted before the file was fully examined',
                evidence: err.reason === 'timeout' ? `timeoutMs=${limits.timeoutMs}` : 'aborted',
            });
        }
    }
    finally {
        await collector.cleanup();
        await source.close();
    }
    return finish();
}
function round(ms) {
    return Math.round(ms * 100) / 100;
}

;// CONCATENATED MODULE: ./src/reporters/json.ts
/** The report as JSON, in the shape described by schema/report.schema.json. */
function formatJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/reporters/text.ts


const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 };
function paint(on, code, s) {
    return on ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s;
}
const SEVERITY_COLOR = {
    ERROR: 'red',
    WARNING: 'yellow',
    INFO: 'cyan',
};
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KB', 'MB', 'GB', 'TB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
function formatLocation(f) {
    const parts = [];
    if (f.location.member)
        parts.push(f.location.member);
    if (f.location.offset !== undefined)
        parts.push(`offset ${f.location.offset}`);
    if (f.location.opcodeIndex !== undefined)
        parts.push(`opcode #${f.location.opcodeIndex}`);
    if (f.location.line !== undefined)
        parts.push(`line ${f.location.line}`);
    return parts.join(', ');
}
function formatText(report, options) {
    const c = options.color;
    const lines = [];
    let hiddenInfo = 0;
    for (const file of report.files) {
        const shown = file.findings.filter((f) => options.verbose || f.severity !== 'INFO');
        hiddenInfo += file.findings.length - shown.length;
        if (shown.length === 0 && !options.verbose)
            continue;
        const header = `${paint(c, 'bold', file.path)}  ${paint(c, 'dim', `(${file.format}, ${formatBytes(file.size)}, ${file.durationMs} ms)`)}`;
        lines.push(header);
        if (shown.length === 0)
            lines.push(`  ${paint(c, 'green', 'clean')}`);
        for (const f of shown) {
            const rule = findRule(f.ruleId);
            const sev = paint(c, SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
            lines.push(`  ${sev}  ${f.ruleId}  ${rule?.name ?? ''}`);
            lines.push(`           ${f.message}`);
            const where = formatLocation(f);
            if (where)
                lines.push(`           ${paint(c, 'dim', 'at')} ${where}`);
            if (f.evidence)
                lines.push(`           ${paint(c, 'dim', 'evidence:')} ${f.evidence}`);
        }
        if (options.verbose && Object.keys(file.details).length > 0) {
            lines.push(`  ${paint(c, 'dim', 'details: ' + JSON.stringify(file.details).slice(0, 2000))}`);
        }
        lines.push('');
    }
    for (const e of report.errors)
        lines.push(`${paint(c, 'red', 'error')}: ${e.path}: ${e.message}`);
    if (report.errors.length)
        lines.push('');
    const t = report.totals;
    const counts = ['ERROR', 'WARNING', 'INFO']
        .map((s) => paint(c && t.findings[s] > 0, SEVERITY_COLOR[s], `${t.findings[s]} ${s}`))
        .join(', ');
    const worst = ['ERROR', 'WARNING', 'INFO'].find((s) => t.findings[s] > 0);
    const verdict = worst === undefined ? paint(c, 'green', 'no findings') : `${t.filesWithFindings} with findings`;
    lines.push(`Scanned ${t.files} file${t.files === 1 ? '' : 's'} (${formatBytes(t.bytesRead)} read) in ${(report.durationMs / 1000).toFixed(2)} s: ${verdict} — ${counts}`);
    if (hiddenInfo > 0)
        lines.push(paint(c, 'dim', `${hiddenInfo} INFO finding${hiddenInfo === 1 ? '' : 's'} not shown (use --verbose)`));
    return lines.join('\n') + '\n';
}
/** Severity order helper for callers that sort or filter by threshold. */
function atLeast(f, threshold) {
    return severityRank(f.severity) >= severityRank(threshold);
}

;// CONCATENATED MODULE: ./src/rules/docs.ts
/** The rule reference page (docs/rules.md), one section per rule. */
function renderRulesMarkdown(rules) {
    const out = [
        '# modelaudit rules',
        '',
        '<!-- Generated by `node dist/cli.js rules --format markdown > docs/rules.md`; a test keeps it current. -->',
        '',
        'Every finding carries one of these stable IDs. IDs are never reused: a retired rule keeps its number.',
        'Families: MA1xxx general, MA2xxx pickle, MA3xxx archives and pickle-bearing formats, MA4xxx Keras/TensorFlow/ONNX,',
        'MA5xxx other formats, MA6xxx name policy, MA7xxx repository and CI.',
        '',
        '| ID | Name | Severity | CWE | Title |',
        '|---|---|---|---|---|',
        ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}-${r.name}) | ${r.name} | ${r.severity} | ${r.cwe ?? ''} | ${r.title} |`),
        '',
    ];
    for (const r of rules) {
        out.push(`## ${r.id} ${r.name}`, '', `**${r.title}**`, '', `Severity: ${r.severity}${r.cwe ? ` · ${r.cwe}` : ''} · family: ${r.family}`, '');
        out.push('### What it detects and why it matters', '', r.description, '', '### What to do', '', r.remediation, '');
        if (r.references?.length)
            out.push('### References', '', ...r.references.map((u) => `- <${u}>`), '');
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `modelaudit` command line: parses argv, runs the library, prints, and returns the exit code.
 * Reports go to stdout (or --output); progress and errors go to stderr.
 */










const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
const MAIN_HELP = `modelaudit ${VERSION}: scan model files for code they would run when loaded,
without loading them.

Usage:
  modelaudit scan [options] <path>...   scan files and directories
  modelaudit rules [RULE]               list rules, or explain one (ID or name)
  modelaudit --version                  print the version
  modelaudit --help                     print this help

Run "modelaudit scan --help" for scan options.
`;
const SCAN_HELP = `Usage: modelaudit scan [options] <path>...

Scans files and directories (recursively) for code execution, file and network access and
other risks in model files: pickles, PyTorch checkpoints and more. Formats are identified by
content; names are only hints.

Options:
  -f, --format <text|json>    report format (default: text)
  -o, --output <file>         write the report to a file instead of stdout
      --fail-on <level>       exit 1 when a finding is at or above: error, warning, info,
                              or none (default: error)
  -q, --quiet                 no progress output; text reports list findings only
  -v, --verbose               also list clean files, INFO findings, skipped entries, details
      --timeout <seconds>     time limit per file (default: 120)
      --max-file-size <bytes> skip (and report) files larger than this (default: 256 GiB)
      --follow-symlinks       follow symbolic links inside the given directories
      --no-color              never colour the text report (also: NO_COLOR=1)
  -h, --help                  print this help

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, or a path that could not be read (takes precedence over 1)
`;
const RULES_HELP = `Usage: modelaudit rules [options] [RULE]

Lists every rule, or explains one rule given by ID (MA2001) or name (pickle-dangerous-call).

Options:
  -f, --format <fmt>          text (default), json, or markdown (the docs/rules.md page)
  -h, --help                  print this help
`;
class UsageError extends Error {
}
async function main(argv, io) {
    try {
        const [command, ...rest] = argv;
        if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
            io.stdout.write(MAIN_HELP);
            return command === undefined ? EXIT_ERROR : EXIT_OK;
        }
        if (command === '-V' || command === '--version' || command === 'version') {
            io.stdout.write(`${VERSION}\n`);
            return EXIT_OK;
        }
        if (command === 'scan')
            return await scanCommand(rest, io);
        if (command === 'rules')
            return rulesCommand(rest, io);
        throw new UsageError(`unknown command "${command}"`);
    }
    catch (err) {
        if (err instanceof UsageError || err instanceof ConfigError || isParseArgsError(err)) {
            io.stderr.write(`modelaudit: ${err.message}\nRun "modelaudit --help" for usage.\n`);
            return EXIT_ERROR;
        }
        io.stderr.write(`modelaudit: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return EXIT_ERROR;
    }
}
function isParseArgsError(err) {
    const code = err instanceof Error ? err.code : undefined;
    return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
function parseFormat(value) {
    const v = value ?? 'text';
    if (v !== 'text' && v !== 'json')
        throw new UsageError(`--format must be text or json, not "${v}"`);
    return v;
}
function parseFailOn(value) {
    const v = (value ?? 'error').toUpperCase();
    if (v === 'NONE')
        return 'none';
    if (SEVERITIES.includes(v))
        return v;
    throw new UsageError(`--fail-on must be error, warning, info or none, not "${value}"`);
}
function parsePositive(name, value) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new UsageError(`${name} must be a positive number, not "${value}"`);
    return n;
}
async function scanCommand(args, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
            format: { type: 'string', short: 'f' },
            output: { type: 'string', short: 'o' },
            'fail-on': { type: 'string' },
            quiet: { type: 'boolean', short: 'q' },
            verbose: { type: 'boolean', short: 'v' },
            timeout: { type: 'string' },
            'max-file-size': { type: 'string' },
            'follow-symlinks': { type: 'boolean' },
            'no-color': { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help) {
        io.stdout.write(SCAN_HELP);
        return EXIT_OK;
    }
    const format = parseFormat(values.format);
    const failOn = parseFailOn(values['fail-on']);
    if (values.quiet && values.verbose)
        throw new UsageError('--quiet and --verbose cannot be used together');
    if (positionals.length === 0)
        throw new UsageError('scan needs at least one path');
    const timeout = parsePositive('--timeout', values.timeout);
    const maxFileBytes = parsePositive('--max-file-size', values['max-file-size']);
    const progress = makeProgress(io, Boolean(values.quiet), Boolean(values.verbose));
    const report = await scan(positionals, {
        limits: {
            ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
            ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
        },
        followSymlinks: Boolean(values['follow-symlinks']),
        onEvent: progress.onEvent,
    });
    progress.done();
    const toFile = values.output !== undefined;
    const color = !toFile &&
        format === 'text' &&
        !values['no-color'] &&
        !io.env.NO_COLOR &&
        (Boolean(io.stdout.isTTY) || Boolean(io.env.FORCE_COLOR));
    const output = format === 'json'
        ? formatJson(report)
        : formatText(report, { color, verbose: Boolean(values.verbose) });
    if (toFile)
        await (0,promises_namespaceObject.writeFile)(values.output, output);
    else
        io.stdout.write(output);
    return exitCode(report, failOn);
}
function exitCode(report, failOn) {
    if (report.errors.length > 0)
        return EXIT_ERROR;
    if (failOn === 'none')
        return EXIT_OK;
    const threshold = findings_severityRank(failOn);
    const hit = report.files.some((f) => f.findings.some((x) => findings_severityRank(x.severity) >= threshold));
    return hit ? EXIT_FINDINGS : EXIT_OK;
}
function makeProgress(io, quiet, verbose) {
    const live = !quiet && Boolean(io.stderr.isTTY);
    let scanned = 0;
    let lastLen = 0;
    const clear = () => {
        if (live && lastLen > 0)
            io.stderr.write('\r' + ' '.repeat(lastLen) + '\r');
        lastLen = 0;
    };
    return {
        onEvent(e) {
            if (e.type === 'operational-error') {
                clear();
                if (!quiet)
                    io.stderr.write(`modelaudit: ${e.path}: ${e.message}\n`);
                return;
            }
            if (e.type === 'file-done') {
                scanned++;
                if (verbose && !live)
                    io.stderr.write(`scanned ${e.path} (${e.findings} findings, ${e.durationMs} ms)\n`);
                return;
            }
            if (live) {
                const line = `scanning [${scanned + 1}] ${e.path}`.slice(0, 120);
                clear();
                io.stderr.write(line);
                lastLen = line.length;
            }
        },
        done: clear,
    };
}
function rulesCommand(args, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
        io.stdout.write(RULES_HELP);
        return EXIT_OK;
    }
    if (values.format === 'markdown') {
        io.stdout.write(renderRulesMarkdown(ALL_RULES));
        return EXIT_OK;
    }
    const format = parseFormat(values.format);
    if (positionals.length > 1)
        throw new UsageError('rules takes at most one rule ID');
    if (positionals.length === 1) {
        const rule = findRule(positionals[0]);
        if (!rule)
            throw new UsageError(`no rule "${positionals[0]}" (run "modelaudit rules" for the list)`);
        io.stdout.write(format === 'json'
            ? JSON.stringify({ ...rule, helpUri: ruleHelpUrl(rule) }, null, 2) + '\n'
            : explainRule(rule));
        return EXIT_OK;
    }
    if (format === 'json') {
        io.stdout.write(JSON.stringify(ALL_RULES.map((r) => ({ ...r, helpUri: ruleHelpUrl(r) })), null, 2) + '\n');
        return EXIT_OK;
    }
    const lines = ALL_RULES.map((r) => `${r.id}  ${r.severity.padEnd(7)}  ${r.name.padEnd(32)}  ${r.title}`);
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT_OK;
}
function explainRule(rule) {
    const lines = [
        `${rule.id} ${rule.name}`,
        rule.title,
        '',
        `Severity: ${rule.severity}${rule.cwe ? `    CWE: ${rule.cwe}` : ''}    Family: ${rule.family}`,
        '',
        wrap(rule.description),
        '',
        `What to do: ${wrap(rule.remediation)}`,
    ];
    if (rule.references?.length)
        lines.push('', 'References:', ...rule.references.map((r) => `  ${r}`));
    lines.push('', `Documentation: ${ruleHelpUrl(rule)}`);
    return lines.join('\n') + '\n';
}
function wrap(text, width = 92) {
    const out = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + word.length + 1 > width) {
            out.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        out.push(line);
    return out.join('\n');
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
