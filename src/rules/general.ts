import type { Rule } from './types.js';

export const GENERAL_RULES: readonly Rule[] = [
  {
    id: 'MA1001',
    name: 'scan-timeout',
    title: 'Scan did not finish within the time limit',
    family: 'general',
    severity: 'ERROR',
    cwe: 'CWE-400',
    description:
      'The scan of this file was stopped when it reached the per-file time limit, so part of the ' +
      'file was never examined. A file that cannot be fully examined is never reported as clean: ' +
      'an attacker can pad a model so that a slow scanner gives up before reaching the payload.',
    remediation:
      'Raise the time limit (--timeout) if the file is legitimately large, or inspect the file by hand.',
  },
  {
    id: 'MA1002',
    name: 'limit-exceeded',
    title: 'A resource limit was reached; the scan is incomplete',
    family: 'general',
    severity: 'ERROR',
    cwe: 'CWE-400',
    description:
      'A size, member-count, nesting-depth, decompression, opcode, stack or memo limit was reached ' +
      'and the rest of the file (or member) was not examined. The evidence names the limit. ' +
      'Limits keep scans bounded; reaching one is never treated as clean.',
    remediation:
      'Check whether the file is legitimately this large or deep; if so raise the named limit, ' +
      'otherwise treat the file as hostile.',
  },
  {
    id: 'MA1003',
    name: 'unknown-format',
    title: 'File format not recognised',
    family: 'general',
    severity: 'INFO',
    description:
      'Neither the content nor the name of this file matched a format modelaudit knows, so it was ' +
      'not scanned for code. Reported so that an unscanned file is never mistaken for a clean one.',
    remediation:
      'If this file is a model, open an issue with its format; otherwise exclude it from the scan.',
  },
  {
    id: 'MA1004',
    name: 'scanner-failure',
    title: 'The scanner failed on this file',
    family: 'general',
    severity: 'ERROR',
    description:
      'The scanner hit an internal error while reading this file, so the file was not fully ' +
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
    description:
      'The name and the content disagree, in either direction. The name promises a data-only or ' +
      'text format (.safetensors, .json, .txt, .npy, .png) but the content is an executable ' +
      'serialization such as a pickle or an archive: loaders that pick their parser from the ' +
      'content, and humans who trust the extension, are both misled. Or the name promises a model ' +
      '(.pt, .pth, .bin, .ckpt, .pkl, .onnx, .h5…) but the content is no model at all (text, an ' +
      'image, a protobuf descriptor set): the file is not what a loader expects, and whatever ' +
      'loader the name implies would read it anyway (torch.load unpickles what is not a zip, so ' +
      'what that would import or call is judged too). Either way the content is scanned as what ' +
      'it really is.',
    remediation: 'Rename the file after its real format, or replace it with the format it claims.',
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2025-1889'],
  },
  {
    id: 'MA1006',
    name: 'format-not-deeply-scanned',
    title: 'Format recognised but not deeply scanned',
    family: 'general',
    severity: 'WARNING',
    description:
      'modelaudit recognises this format but does not yet analyse everything it can carry, so the ' +
      'absence of other findings is weaker evidence than for fully supported formats.',
    remediation:
      'Review the file with the tools of its framework, or convert it to a fully scanned format.',
  },
  {
    id: 'MA1007',
    name: 'special-file',
    title: 'A FIFO, socket or device sits among the scanned files',
    family: 'general',
    severity: 'WARNING',
    cwe: 'CWE-400',
    description:
      'A named pipe (FIFO), socket, character device or block device was found while walking a ' +
      'directory (or a symbolic link to one). It has no content to check, so it is never opened: ' +
      'opening a FIFO blocks until a writer appears. A loader that opens it would hang, read ' +
      'endless bytes (a link to /dev/zero named pytorch_model.bin) or receive whatever a process ' +
      'writes at load time, none of which this scan saw. Severity: WARNING, not ERROR, because ' +
      'such entries carry no payload at rest and turn up in ordinary working directories ' +
      '(sockets of running tools); never silence, because the file a loader gets there is ' +
      'unchecked. A special file named on the command line is a usage error (exit 2) instead.',
    remediation:
      'Remove the entry from the model directory, or exclude its path from the scan if it is ' +
      'not part of any model.',
  },
  {
    id: 'MA1008',
    name: 'link-outside-root',
    title: 'A symbolic link leads outside the scanned directory',
    family: 'general',
    severity: 'ERROR',
    cwe: 'CWE-59',
    description:
      'A symbolic link inside the scanned directory points outside it (the evidence names the ' +
      'target). Links are never followed out of the directory given to scan, so the content a ' +
      'loader would read through the link was not checked; a repository can ship a link named ' +
      'model.bin that resolves to any file on the machine that loads it. Severity: ERROR by the ' +
      'fail-closed principle, like a file that could not be read to the end: an unchecked model ' +
      'never passes as clean. A link whose target does not exist on this machine is a WARNING: ' +
      'nothing could be loaded through it here, but it may resolve elsewhere. Links inside a ' +
      'Hugging Face cache entry (snapshots into blobs) stay inside and are scanned.',
    remediation:
      'Scan the link target as well (name it on the command line), replace the link with the ' +
      'file, or remove it.',
  },
  {
    id: 'MA1009',
    name: 'malformed-input',
    title: 'File or member is malformed',
    family: 'general',
    severity: 'ERROR',
    cwe: 'CWE-20',
    description:
      'A reader found the content is not what its format says (a length past the end, a broken ' +
      'structure, an impossible value) and no family rule names the problem more precisely. ' +
      'Nothing after that point was examined, and loaders are often more lenient than the ' +
      'format: whatever they would read there is unchecked.',
    remediation: 'Do not load the file; re-export it with the framework that made it.',
  },
  {
    id: 'MA1020',
    name: 'encoded-payload',
    title: 'A value hides a payload behind encodings',
    family: 'general',
    severity: 'ERROR',
    cwe: 'CWE-506',
    description:
      'A string or bytes value (a pickle constant, a JSON or YAML value, safetensors or GGUF ' +
      'metadata, an ONNX attribute, a Keras config entry) decodes, through hex, base32, base64, ' +
      'base85 or Ascii85 and zlib, gzip, bzip2, LZMA, xz or LZ4 layers, to a pickle, an archive or ' +
      'executable, Python source or a template. It was scanned as a nested member. The severity is ' +
      'that of the worst finding inside (INFO when nothing dangerous was found): a loader needs a ' +
      'second stage to run it, but nobody hides harmless data this way.',
    remediation:
      'Review the nested findings; do not load the file with code that decodes its values.',
    references: [
      'https://github.com/mmaitre314/picklescan/security/advisories/GHSA-84r2-jw7c-4r5q',
    ],
  },
];
