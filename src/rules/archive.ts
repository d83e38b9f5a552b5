import type { Rule } from './types.js';

const ZIP_SPEC = 'https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT';
const TORCH_SERIALIZATION = 'https://pytorch.org/docs/stable/notes/serialization.html';

/** Rules of archives and pickle-bearing containers (MA3xxx). */
export const ARCHIVE_RULES: readonly Rule[] = [
  {
    id: 'MA3001',
    name: 'archive-path-escape',
    title: 'Archive member or link escapes the extraction directory',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-22',
    description:
      'A member name is absolute, starts with a drive letter, or climbs out with "..", or a ' +
      'symbolic or hard link (or a shard index entry) points outside the archive. Extracting it ' +
      '(tarfile.extractall without a filter, many unzip tools, loaders that join paths) writes or ' +
      'reads files anywhere the user can: overwriting code, shell profiles or other models ' +
      '("zip slip").',
    remediation:
      'Do not extract or load this archive. Real model archives only hold relative paths inside ' +
      'their own directory.',
    references: ['https://security.snyk.io/research/zip-slip-vulnerability'],
  },
  {
    id: 'MA3002',
    name: 'decompression-bomb',
    title: 'Decompression exceeds the size or ratio limit',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-409',
    description:
      'Decompressing a member (or a compressed file) produced more bytes than the total limit for ' +
      'the file, or expands by more than the allowed ratio. Decompression bombs exhaust memory or ' +
      'disk of whatever loads them, and hide content past the point where scanners give up. ' +
      'Decompression stopped there, so the rest was not examined.',
    remediation:
      'Treat the file as hostile unless it is known to hold extremely repetitive data; raise ' +
      'maxDecompressedBytes or maxCompressionRatio only for trusted files.',
    references: ['https://www.bamsoftware.com/hacks/zipbomb/'],
  },
  {
    id: 'MA3003',
    name: 'archive-encrypted-member',
    title: 'Password-protected member cannot be read',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-693',
    description:
      'The member is encrypted (zip traditional or AES encryption, 7z AES), so its content could ' +
      'not be examined. A loader given the password would read whatever it holds, including a ' +
      'pickle; model files are never legitimately encrypted inside their archive.',
    remediation: 'Obtain the model unencrypted, or decrypt it and scan the result.',
  },
  {
    id: 'MA3004',
    name: 'zip-crc-mismatch',
    title: 'Zip member CRC does not match its content',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-354',
    description:
      "A member's CRC-32 differs from the one the central directory records. PyTorch's reader " +
      "does not check CRCs while Python's zipfile refuses such members, so a tampered CRC once made " +
      'scanners built on zipfile skip a pickle that torch.load still runs (CVE-2025-10156). The ' +
      'member was scanned regardless. CRCs are checked for members up to 16 MiB (large stored ' +
      'tensors are skipped without being read).',
    remediation:
      'The archive was modified after it was written: obtain a fresh copy from a trusted source.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-10156', ZIP_SPEC],
  },
  {
    id: 'MA3005',
    name: 'zip-local-name-mismatch',
    title: 'Zip local header names a member differently from the central directory',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'The local header in front of a member gives another name than the central directory. ' +
      'PyTorch finds members by the central directory while streaming readers and some scanners go ' +
      'by local headers, so the two see differently named files (CVE-2025-1944). The member was ' +
      'scanned by its content, whatever its names.',
    remediation: 'The archive was crafted or damaged: do not load it.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-1944', ZIP_SPEC],
  },
  {
    id: 'MA3006',
    name: 'zip-flag-mismatch',
    title: 'Zip member flags claim encryption that the data does not have',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'A stored member carries the encryption flag (or strong-encryption flag), which PyTorch ' +
      "ignores while Python's zipfile then refuses to read it without a password. Flipped flag bits " +
      'hid pickles from scanners that torch.load still ran (CVE-2025-1945). The member was read as ' +
      'stored data and scanned.',
    remediation: 'The archive was crafted or damaged: do not load it.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-1945', ZIP_SPEC],
  },
  {
    id: 'MA3007',
    name: 'zip-local-header-mismatch',
    title: 'Zip headers contradict each other',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'A local header disagrees with the central directory on the compression method, sizes, CRC ' +
      'or encryption, or the end record declares a different member count than the directory ' +
      'holds. Readers that trust different copies of these fields extract different data. The ' +
      'central directory (what PyTorch and zipfile use) was followed.',
    remediation: 'The archive was crafted or damaged: do not load it.',
    references: [ZIP_SPEC],
  },
  {
    id: 'MA3008',
    name: 'archive-prefix-data',
    title: 'Data precedes the archive',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'Bytes come before the first byte of the zip archive. Zip readers skip them, but a loader ' +
      'reading the file from its start does not: torch.load only treats files starting with a zip ' +
      'signature as zip checkpoints and unpickles anything else, so a pickle in front of a valid ' +
      'archive runs while tools listing the zip see a clean model. The prefix was scanned as a ' +
      'member of its own.',
    remediation: 'Remove the prefix or obtain an unmodified copy of the model.',
  },
  {
    id: 'MA3009',
    name: 'zip-duplicate-member',
    title: 'Two zip members have the same name',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'The central directory lists the same name twice. Readers disagree on which copy they use ' +
      '(the first, the last, or the one a sorted lookup finds), so a scanner and a loader may read ' +
      'different members under one name. Both copies were scanned.',
    remediation: 'The archive was crafted or damaged: do not load it.',
  },
  {
    id: 'MA3010',
    name: 'zip-overlapping-members',
    title: 'Zip members share bytes',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-409',
    description:
      'Two members claim overlapping byte ranges of the file. Overlap is how non-recursive zip ' +
      'bombs multiply their output, and how archives present different content to different ' +
      'readers. Each member was scanned under the decompression limits.',
    remediation: 'Do not extract or load this archive.',
    references: ['https://www.bamsoftware.com/hacks/zipbomb/'],
  },
  {
    id: 'MA3011',
    name: 'archive-unlisted-data',
    title: 'Archive holds data that no listed member accounts for',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'Bytes between zip members, or after the end-of-archive marker of a tar, belong to no member ' +
      'the directory lists. Readers that walk local headers (streaming unzip) or ignore the tar end ' +
      'marker find content there that directory-based tools never show. The region was scanned as ' +
      'a member of its own.',
    remediation: 'The archive was crafted or damaged: do not load it.',
  },
  {
    id: 'MA3012',
    name: 'archive-malformed',
    title: 'Archive or compressed stream is malformed',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The container could not be parsed completely: a missing or broken directory, a member that ' +
      'runs past the end of the file, a header with invalid fields, or compressed data that does ' +
      'not decode. What could not be read was not examined, and a different reader may well make ' +
      'sense of it, so this is never treated as clean.',
    remediation: 'Obtain an intact copy of the file; treat damaged model files as untrusted.',
  },
  {
    id: 'MA3013',
    name: 'archive-unsupported-member',
    title: 'Archive member uses a compression method that cannot be read',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-693',
    description:
      'The member is compressed with a method or filter chain modelaudit does not decode (for ' +
      'example Deflate64 in zip, PPMd or BCJ2 in 7z), so its content was not examined. ' +
      'Loaders with support for the method would read it.',
    remediation:
      'Repack the archive with stored, deflate, bzip2, LZMA, xz or zstd compression and scan it ' +
      'again.',
  },
  {
    id: 'MA3014',
    name: 'pytorch-missing-storage',
    title: 'PyTorch checkpoint references a storage that is not in the archive',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'A persistent ID in data.pkl names a tensor storage (archive/data/<key>) that the zip does not ' +
      'contain. torch.load fails on it after the pickle has already run, and a checkpoint that was ' +
      'edited by hand or assembled by a tool is more likely to carry other surprises.',
    remediation: 'Obtain an intact checkpoint; do not load a file that was modified after saving.',
    references: [TORCH_SERIALIZATION],
  },
  {
    id: 'MA3015',
    name: 'pytorch-ambiguous-archive',
    title: 'PyTorch archive holds more than one model pickle',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-436',
    description:
      'Several top-level folders each hold a data.pkl. torch.load reads the one under the folder ' +
      'named by the first member, while other tools may pick another: a scanner and a loader can ' +
      'disagree on which pickle is the model. Every pickle was scanned.',
    remediation: 'Do not load an archive that holds several checkpoints.',
    references: [TORCH_SERIALIZATION],
  },
  {
    id: 'MA3016',
    name: 'pytorch-legacy-structure',
    title: 'Legacy PyTorch file does not have the structure torch.save writes',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'A file that starts with the legacy PyTorch magic number lacks the protocol-version, ' +
      'system-information, model or storage-key pickles that torch.load expects, or holds values ' +
      'other than torch writes there. Every pickle present was scanned; the odd structure suggests ' +
      'a hand-made file.',
    remediation: 'Obtain the checkpoint from a trusted source, preferably re-saved as safetensors.',
    references: [TORCH_SERIALIZATION],
  },
  {
    id: 'MA3017',
    name: 'torchscript-dangerous-call',
    title: 'TorchScript code calls an operator that reaches outside the model',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-94',
    description:
      'Code in a TorchScript archive (code/**.py) calls something that loads native libraries, ' +
      'reads or writes files, or deserializes further data (torch.ops.load_library, ' +
      'aten::from_file, torch.save/torch.load, storage from_file…), or names Python modules ' +
      'TorchScript never compiles (os, subprocess, builtins.eval). Loading the module with ' +
      'torch.jit.load and running it executes that code.',
    remediation: 'Do not load or run this TorchScript module.',
    references: ['https://pytorch.org/docs/stable/jit.html'],
  },
  {
    id: 'MA3018',
    name: 'torchscript-custom-operator',
    title: 'TorchScript code calls an operator outside the built-in namespaces',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'The code calls torch.ops.<namespace>.<op> for a namespace that is not built into PyTorch. ' +
      'Such operators come from native extension libraries that the user must load first, and run ' +
      'whatever that library does.',
    remediation: 'Check that the extension library the module needs comes from a trusted source.',
  },
  {
    id: 'MA3019',
    name: 'joblib-array-unverifiable',
    title: 'joblib array data cannot be located as joblib reads it',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-436',
    description:
      'joblib.load reads raw array bytes (or a nested pickle for object arrays) from the stream ' +
      'right after each NumpyArrayWrapper, with a length computed from the shape and dtype the ' +
      "wrapper carries. This wrapper's shape, dtype or padding could not be resolved exactly, so " +
      'the opcodes after it may not be where the loader reads them: a payload could hide there.',
    remediation: 'Do not load this file with joblib; re-save the model from trusted code.',
    references: ['https://joblib.readthedocs.io/en/stable/persistence.html'],
  },
  {
    id: 'MA3020',
    name: 'numpy-malformed-header',
    title: 'NumPy file header cannot be parsed',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'The .npy header (magic, version, length, or the dictionary with descr, fortran_order and ' +
      'shape) is not what numpy.load accepts, so whether the data is raw numbers or a pickle (object ' +
      'arrays) could not be decided from it. The data was identified by its content instead.',
    remediation: 'Obtain an intact copy of the array file.',
    references: ['https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html'],
  },
  {
    id: 'MA3021',
    name: 'numpy-size-mismatch',
    title: 'NumPy array data does not match its header',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'The bytes after a .npy header are fewer or more than the shape and dtype require. numpy ' +
      'refuses short files and ignores extra bytes, which can carry content no array reader shows.',
    remediation: 'Obtain an intact copy of the array file.',
    references: ['https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html'],
  },
  {
    id: 'MA3022',
    name: 'shard-index-invalid',
    title: 'Sharded checkpoint index is not valid',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-20',
    description:
      'A Hugging Face *.bin.index.json is not JSON, has no weight_map, or maps weights to values ' +
      'that are not file names. transformers resolves each listed shard next to the index and ' +
      'loads it with torch.load, so the index decides which files run.',
    remediation: 'Regenerate the index with save_pretrained or obtain it from the model authors.',
    references: ['https://huggingface.co/docs/transformers/main/en/big_models'],
    retired: 'superseded by MA5304–MA5306 (one scanner now handles every *.index.json)',
  },
  {
    id: 'MA3023',
    name: 'compressed-undecodable',
    title: 'Compressed content could not be checked: a loader may decompress it',
    family: 'archive',
    severity: 'ERROR',
    cwe: 'CWE-693',
    description:
      'The content carries the signature of a compression or encoding format (lzip, lzop, ' +
      'Unix compress, LZFSE, Snappy framing, brotli by its .br name) that modelaudit cannot ' +
      'decode, or well-formed compressed data that needs something modelaudit does not do: a ' +
      'zstd frame that needs a dictionary or a window above the limit, a pre-1.0 zstd frame, an ' +
      'xz filter other than LZMA2, a randomised bzip2 block, an LZMA dictionary above the limit. ' +
      'Nothing behind it was examined, while a loader or a wrapper that decompresses it would ' +
      'read whatever it holds, a pickle included.',
    remediation:
      'Decompress the file with its own tool and scan the result, or obtain the model in a ' +
      'format modelaudit reads (gzip, bzip2, xz, zstd, LZ4 or uncompressed).',
    references: ['https://www.rfc-editor.org/rfc/rfc8878'],
  },
  {
    id: 'MA3025',
    name: 'joblib-sidecar-unreachable',
    title: 'Array file of an old joblib pickle is missing or unreadable',
    family: 'archive',
    severity: 'WARNING',
    cwe: 'CWE-829',
    description:
      'joblib pickles written before joblib 0.10 keep each array in a file beside the pickle ' +
      '(<name>_01.npy), named by an NDArrayWrapper. joblib.load opens that file with ' +
      'numpy.load(allow_pickle=True), so an object array there runs its pickle. The file named ' +
      'here is not beside the pickle (or is too large or cannot be read), so what it holds was ' +
      'not scanned; whoever supplies it later decides what the load runs.',
    remediation:
      'Scan the pickle together with the files beside it, or re-save the model with a current joblib.',
    references: ['https://joblib.readthedocs.io/en/stable/persistence.html'],
  },
];
