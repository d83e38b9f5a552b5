import { classifyGlobal } from '../../src/knowledge/callables/classify.js';
import { DANGEROUS_CALLABLES } from '../../src/knowledge/callables/dangerous.js';
import { DEFENCE_TAMPERING } from '../../src/knowledge/callables/defences.js';

const level = (m: string, n: string): string => classifyGlobal(m, n).level;

describe('callable classification', () => {
  test.each([
    ['os', 'system'],
    ['posix', 'system'],
    ['nt', 'system'],
    ['subprocess', 'Popen'],
    ['builtins', 'eval'],
    ['builtins', 'getattr'],
    ['__builtin__', 'eval'], // Python 2 name
    ['commands', 'getoutput'], // Python 2 module mapped to subprocess
    ['os.path', 'join'], // submodule of a dangerous family (CVE-2025-10157 class)
    ['asyncio.subprocess', 'create_subprocess_shell'],
    ['pathlib', 'os.system'], // attribute alias
    ['builtins', 'eval.__call__'],
    ['pydoc', 'pipepager'],
    ['pkgutil', 'resolve_name'],
    ['operator', 'attrgetter'],
    ['_operator', 'attrgetter'],
    ['torch', 'load'],
    ['numpy', 'load'],
    ['torch.hub', 'load'],
  ])('%s.%s is dangerous', (m, n) => {
    expect(level(m, n)).toBe('dangerous');
  });

  test.each([
    ['collections', 'OrderedDict'],
    ['torch._utils', '_rebuild_tensor_v2'],
    ['numpy.core.multiarray', '_reconstruct'],
    ['numpy._core.multiarray', '_reconstruct'],
    ['copyreg', '_reconstructor'],
    ['copy_reg', '_reconstructor'], // Python 2 name of copyreg
    ['__builtin__', 'set'],
    ['sklearn.linear_model._logistic', 'LogisticRegression'],
    ['torch.nn.modules.linear', 'Linear'],
  ])('%s.%s is safe', (m, n) => {
    expect(level(m, n)).toBe('safe');
  });

  test('name parts are never moved into the module to match a safe glob', () => {
    // ('sklearn.x', 'np.lib.npyio.DataSource') walks the attribute np of an sklearn module
    // (numpy), it does not name an sklearn class.
    expect(level('sklearn.linear_model._base', 'np.lib.npyio.DataSource')).not.toBe('safe');
    expect(level('torch', '_utils._rebuild_tensor_v2')).not.toBe('safe');
  });

  test('library namespaces: unlisted callables are "library", other modules "unclassified"', () => {
    expect(level('torch.utils.collect_env', 'get_pretty_env_info')).not.toBe('safe');
    expect(level('numpy', 'some_new_function')).toBe('library');
    expect(level('json', 'loads')).toBe('library');
    expect(level('mylab.models', 'Net')).toBe('unclassified');
  });

  test('runner-like names and dunder walks are dangerous anywhere', () => {
    expect(classifyGlobal('somepkg.util', 'system')).toMatchObject({
      level: 'dangerous',
      category: 'suspicious-name',
    });
    expect(classifyGlobal('mylab', 'Net.__init__.__globals__')).toMatchObject({
      level: 'dangerous',
    });
  });

  test('transformers modeling classes are safe only as __new__-rebuilt objects; tokenizers are not covered', () => {
    expect(classifyGlobal('transformers.models.bert.modeling_bert', 'BertModel')).toMatchObject({
      level: 'safe',
      entry: { newOnly: true },
    });
    expect(level('transformers.models.bert.tokenization_bert', 'BertTokenizer')).toBe('library');
    expect(level('transformers.models.bert.modeling_bert', 'load_tf_weights_in_bert')).toBe(
      'library',
    );
  });

  test('implausibly long dotted names are dangerous', () => {
    const name = Array.from({ length: 2000 }, (_, i) => `a${i}`).join('.');
    expect(classifyGlobal('mylab', name)).toMatchObject({
      level: 'dangerous',
      category: 'suspicious-name',
    });
  });

  test('the most specific match explains an alias', () => {
    const c = classifyGlobal('shutil', 'os.system');
    expect(c).toMatchObject({ level: 'dangerous', basis: 'alias', matched: 'os.system' });
  });
});

describe('tampering with the defences (MA2024) wins over every other tier', () => {
  const category = (m: string, n: string): string | undefined => {
    const c = classifyGlobal(m, n);
    return c.level === 'dangerous' ? c.category : c.level;
  };

  test.each([
    ['sys', 'settrace'], // sys as a whole is an environment change
    ['sys', 'addaudithook'],
    ['sys', 'meta_path'],
    ['threading', 'setprofile_all_threads'],
    ['torch.serialization', 'add_safe_globals'],
    ['torch._weights_only_unpickler', '_add_safe_globals'], // also a more specific danger entry
    ['keras.config', 'enable_unsafe_deserialization'],
    ['yaml', 'add_constructor'],
    ['copyreg', 'add_extension'],
    ['picklescan.scanner', 'scan_pickle_bytes'],
    ['fickling.hook', 'remove_hook'],
    ['modelscan.scanners', 'PickleUnsafeOpScan'],
    ['pickle', 'sys.setprofile'], // reached through another module's attribute
    ['warnings', 'simplefilter'],
  ])('%s.%s', (m, n) => {
    expect(category(m, n)).toBe('defence-tampering');
  });

  test('no target is listed both as tampering and as another danger', () => {
    const tampering = new Set(DEFENCE_TAMPERING.map((e) => e.target));
    const both = DANGEROUS_CALLABLES.filter((e) => tampering.has(e.target)).map((e) => e.target);
    expect(both).toEqual([]);
  });

  test('the tampering table does not swallow ordinary calls', () => {
    expect(category('sys', 'getrecursionlimit')).toBe('environment');
    expect(category('torch.serialization', 'load')).toBe('deserializer');
  });
});
