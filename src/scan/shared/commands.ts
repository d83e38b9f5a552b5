/**
 * Strings that are commands rather than data: shell command lines, interpreter invocations and
 * inline code, paths of native libraries. Shared by every scanner that judges free-form strings
 * from a model (metadata values, custom operator attributes, config values).
 */

export interface CommandMatch {
  /** What kind of command: "shell command", "Python process call", "native library path"… */
  readonly what: string;
  /** The matching text with a little context. */
  readonly evidence: string;
}

/** Patterns of code or commands that have no business in model data, most telling first. */
const COMMAND_PATTERNS: readonly { readonly re: RegExp; readonly what: string }[] = [
  { re: /\b__import__\s*\(/, what: 'Python __import__ call' },
  {
    re: /\bimport\s+(os|subprocess|sys|socket|pty|ctypes|shutil|base64|pickle|marshal|requests|urllib)\b/,
    what: 'Python import of a system module',
  },
  {
    re: /\bfrom\s+(os|subprocess|sys|socket|pty|ctypes|shutil)\s+import\b/,
    what: 'Python import of a system module',
  },
  {
    re: /\b(os\.(system|popen|exec\w*|spawn\w*)|subprocess\.\w+|pty\.spawn)\s*\(/,
    what: 'Python process call',
  },
  { re: /\b(eval|exec|compile)\s*\(\s*['"A-Za-z_(]/, what: 'Python eval/exec call' },
  {
    re: /\b(python[23]?(\.\d+)?|perl|ruby|node|php|lua|Rscript)(\.exe)?\s+(-\w+\s+)*-(c|e|r)\s/,
    what: 'interpreter invocation with inline code',
  },
  { re: /\b(curl|wget)\s+[^|;]*\|\s*(ba|z|da)?sh\b/, what: 'download piped to a shell' },
  { re: /\b(bash|sh|zsh|dash|ksh)\s+(-\w+\s+)*-c\s/, what: 'shell command' },
  { re: /(^|[\s;|&'"])\/(usr\/)?bin\/(ba|z|da|k)?sh\b/, what: 'shell path' },
  { re: /\bcmd(\.exe)?\s+\/[ck]\s/i, what: 'Windows shell command' },
  { re: /\b(nc|ncat|netcat)\s+(-\w+\s+)*-[ec]\b/, what: 'reverse shell' },
  { re: /\bpowershell(\.exe)?\s+(-\w+\s+)*-(enc|e|command|c)\b/i, what: 'PowerShell command' },
  { re: /\brequire\s*\(\s*['"]child_process['"]\s*\)/, what: 'Node.js child_process' },
  { re: /\brm\s+-rf\s+[/~]/, what: 'destructive shell command' },
  { re: /(^|[\s;|&])(chmod\s+[+0-7]*x|mkfifo|nohup|crontab)\s/, what: 'shell command' },
  {
    re: /\$\(\s*(curl|wget|cat|echo|id|whoami|uname|sh|bash|python[23]?|base64)\b/,
    what: 'shell command substitution',
  },
  { re: /\b(LD_PRELOAD|DYLD_INSERT_LIBRARIES)\s*=/, what: 'library injection' },
];

/** A path to a native library: what a loader dlopen()s. */
const LIBRARY_PATH =
  /(?:^|[\s"'=:])((?:[A-Za-z]:)?(?:[.~]{0,2}[\\/])?(?:[\w.@+-]+[\\/])*[\w.@+-]+\.(?:so(?:\.\d+)*|dylib|dll|pyd))(?=$|[\s"',;:])/;

function clip(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The first command or inline code in `text`, if any. */
export function findCommand(text: string): CommandMatch | undefined {
  for (const { re, what } of COMMAND_PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const start = Math.max(0, m.index - 20);
      return { what, evidence: clip(text.slice(start, m.index + m[0].length + 40)) };
    }
  }
  return undefined;
}

/** A native library path in `text`, if any. */
export function findLibraryPath(text: string): CommandMatch | undefined {
  const m = LIBRARY_PATH.exec(text);
  return m ? { what: 'native library path', evidence: clip(m[1]!) } : undefined;
}
