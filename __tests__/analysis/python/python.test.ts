/**
 * The Python analyzer: every dangerous construct is reported with its rule and line, whatever
 * way it is spelled; ordinary modeling code stays clean.
 */
import { analyzePython } from '../../../src/analysis/python/analyze.js';
import { tokenize } from '../../../src/analysis/python/tokenize.js';

const rulesOf = (src: string): string[] =>
  [...new Set(analyzePython(src).findings.map((f) => f.ruleId))].sort();

describe('dangerous Python is reported', () => {
  test.each([
    ['os.system', 'import os\nos.system("id")', 'MA5402'],
    ['from-import alias', 'from os import system as s\ns("id")', 'MA5402'],
    [
      'module alias and value alias',
      'import subprocess as sp\nrun = sp.run\nrun(["id"])',
      'MA5402',
    ],
    ['star import', 'from os import *\nsystem("id")', 'MA5402'],
    ['getattr with folded name', "import os\ngetattr(os, 'sys' + 'tem')('id')", 'MA5402'],
    ['getattr with computed name', 'import os\ngetattr(os, name)("id")', 'MA5403'],
    [
      '__import__ with chr()',
      "getattr(__import__(chr(111) + chr(115)), 'metsys'[::-1])('id')",
      'MA5402',
    ],
    [
      'import_module alias',
      "import importlib\nm = importlib.import_module('o' + 's')\nm.popen('id')",
      'MA5402',
    ],
    ['dynamic import', 'import importlib\nimportlib.import_module(name)', 'MA5409'],
    ['sys.modules lookup', "import sys\nsys.modules['subprocess'].run(['id'])", 'MA5402'],
    ['exec', 'exec("print(1)")', 'MA5401'],
    ['eval of compile', "eval(compile('1', 'x', 'eval'))", 'MA5401'],
    ['fullwidth exec (NFKC)', 'ｅｘｅｃ("1")', 'MA5401'],
    ['python 2 exec statement', 'exec "print 1"', 'MA5401'],
    ['exec of base64', "import base64\nexec(base64.b64decode('aW1wb3J0IG9z').decode())", 'MA5408'],
    ['builtins by subscript', "__builtins__['ex' + 'ec']('1')", 'MA5403'],
    ['globals builtins', "globals()['__builtins__']['eval']('1')", 'MA5401'],
    ['f-string replacement field', "x = f\"{__import__('os').system('id')}\"", 'MA5402'],
    ['subclasses walk', '().__class__.__base__.__subclasses__()', 'MA5403'],
    ['__globals__', 'f.__globals__["os"]', 'MA5403'],
    ['socket', 'import socket\ns = socket.socket()', 'MA5405'],
    [
      'fixed URL download',
      "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9/x')",
      'MA5405',
    ],
    ['computed URL request', 'import requests\nrequests.get(url)', 'MA5406'],
    ['ctypes', "import ctypes\nctypes.CDLL('libc.so.6')", 'MA5404'],
    ['torch.load without weights_only', "import torch\ntorch.load('x.bin')", 'MA5407'],
    ['yaml.load unsafe', 'import yaml\nyaml.load(s, Loader=yaml.Loader)', 'MA5407'],
    ['rmtree', "import shutil\nshutil.rmtree('/')", 'MA5410'],
    ['pip', "import pip\npip.main(['install', 'x'])", 'MA5411'],
    ['breakpoint', 'breakpoint()', 'MA5415'],
    [
      'cpp_extension',
      "from torch.utils import cpp_extension\ncpp_extension.load('k', ['k.cpp'])",
      'MA5416',
    ],
    [
      'os.system passed as a value',
      'import os, threading\nthreading.Thread(target=os.system, args=("id",))',
      'MA5402',
    ],
    ['semicolon statements', 'import os; os.system("id")', 'MA5402'],
    [
      'spec_from_file_location',
      "import importlib.util\nimportlib.util.spec_from_file_location('m', '/tmp/m.py')",
      'MA5401',
    ],
  ])('%s', (_name, src, rule) => {
    expect(rulesOf(src)).toContain(rule);
  });

  test('findings carry the line of the call', () => {
    const f = analyzePython('import os\n\n\nos.system("id")\n').findings;
    expect(f[0]).toMatchObject({ ruleId: 'MA5402', line: 4, evidence: 'os.system' });
  });

  test('strings passed to exec are analysed in turn', () => {
    const f = analyzePython('exec("import subprocess; subprocess.run([1])")').findings;
    expect(f.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['MA5401', 'MA5402']));
  });

  test('pickles decoded from literals are handed back as payloads', () => {
    const pickle = Buffer.from('\x80\x02cos\nsystem\n(Vid\ntR.', 'latin1').toString('base64');
    const a = analyzePython(`import pickle, base64\npickle.loads(base64.b64decode('${pickle}'))`);
    expect(a.payloads).toHaveLength(1);
    expect(a.findings.map((f) => f.ruleId)).toContain('MA5408');
  });
});

describe('ordinary model code stays clean', () => {
  test.each([
    [
      'os.path and environ',
      'import os\np = os.path.join(os.environ.get("HOME", "."), "x")\nos.makedirs(p, exist_ok=True)',
    ],
    [
      'method calls named eval/compile',
      'model.eval()\nimport re\nr = re.compile("x")\nimport torch\nm = torch.compile(model)',
    ],
    [
      'parameters named like builtins',
      'def f(x, compile=False, eval=None):\n    if compile:\n        return eval\n    return x',
    ],
    [
      'torch.load with weights_only',
      "import torch\nsd = torch.load('x.bin', map_location='cpu', weights_only=True)",
    ],
    ['safe yaml', 'import yaml\nyaml.load(s, Loader=yaml.SafeLoader)\nyaml.safe_load(s)'],
    ['getattr on torch', 'import torch\ndtype = getattr(torch, name)'],
    [
      'importlib metadata',
      'import importlib.metadata, importlib.util\nv = importlib.metadata.version("torch")\nok = importlib.util.find_spec("flash_attn") is not None',
    ],
    [
      'exception classes in except',
      'import socket, requests\ntry:\n    pass\nexcept (socket.timeout, requests.exceptions.HTTPError):\n    pass',
    ],
    ['relative imports', 'from .configuration_x import XConfig\nfrom . import utils'],
    ['string mentions', 'doc = "call os.system() and eval() and exec()"  # exec(x) in a comment'],
    ['f-string with format spec', 'x = f"{value:>{width}} {other!r}"'],
  ])('%s', (_name, src) => {
    expect(analyzePython(src).findings).toEqual([]);
  });
});

describe('tokenizer', () => {
  test('unterminated strings are reported, tokenizing goes on', () => {
    const t = tokenize('x = "abc\nimport os\n');
    expect(t.errors).toHaveLength(1);
    expect(t.tokens.some((k) => k.value === 'os')).toBe(true);
  });
  test('string escapes are decoded', () => {
    const s = tokenize("'\\x73ystem'").tokens[0]!;
    expect(s.value).toBe('system');
  });
});
