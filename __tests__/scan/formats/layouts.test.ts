/**
 * Archive layouts of the formats family, driven with in-memory archives.
 */
import {
  coreMlPackageLayout,
  llamafileLayout,
  nemoLayout,
  skopsLayout,
  torchServeLayout,
} from '../../../src/scan/formats/layouts.js';
import { FakeContext, bufferTarget, fakeArchive } from './fake.js';

const manifest = (model: Record<string, unknown>): string =>
  JSON.stringify({
    runtime: 'python',
    model: { modelName: 'm', serializedFile: 'model.pt', ...model },
  });

describe('TorchServe .mar', () => {
  test('a custom handler is custom code, and its dangerous calls are summarised', async () => {
    const a = fakeArchive({
      'MAR-INF/MANIFEST.json': manifest({ handler: 'handler.py' }),
      'handler.py': 'import os\nos.system("id")\n',
      'model.pt': 'x',
    });
    expect(torchServeLayout.matches(a.entries, bufferTarget('x', 'm.mar'))).toBe(true);
    const ctx = new FakeContext();
    expect(await torchServeLayout.scan(a, bufferTarget('x', 'm.mar'), ctx)).toBe('continue');
    expect(ctx.rules()).toEqual(['MA5301', 'MA5303']);
    expect(ctx.claims).toContainEqual(expect.objectContaining({ field: 'name', value: 'm' }));
  });
  test('a built-in handler with a plain state dict is clean', async () => {
    const ctx = new FakeContext();
    await torchServeLayout.scan(
      fakeArchive({
        'MAR-INF/MANIFEST.json': manifest({ handler: 'image_classifier' }),
        'model.pt': 'x',
      }),
      bufferTarget('x'),
      ctx,
    );
    expect(ctx.findings).toEqual([]);
  });
  test('manifest paths that leave the archive are errors', async () => {
    const ctx = new FakeContext();
    await torchServeLayout.scan(
      fakeArchive({
        'MAR-INF/MANIFEST.json': manifest({
          handler: 'image_classifier',
          serializedFile: '/etc/passwd',
        }),
      }),
      bufferTarget('x'),
      ctx,
    );
    expect(ctx.rules()).toEqual(['MA5304']);
  });
  test('unusual requirement files are checked', async () => {
    const ctx = new FakeContext();
    await torchServeLayout.scan(
      fakeArchive({
        'MAR-INF/MANIFEST.json': manifest({
          handler: 'image_classifier',
          requirementsFile: 'deps.txt',
        }),
        'deps.txt': '--index-url http://x/simple\nnumpy\n',
      }),
      bufferTarget('x'),
      ctx,
    );
    expect(ctx.rules()).toEqual(['MA5504']);
  });
});

describe('skops', () => {
  const node = (
    module: string,
    cls: string,
    loader = 'ObjectNode',
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    __module__: module,
    __class__: cls,
    __loader__: loader,
    ...extra,
  });
  test.each([
    [
      'FunctionNode reaching os.system',
      node('os', 'function', 'FunctionNode', {
        content: { module_path: 'os', function: 'system' },
      }),
      'MA5308',
    ],
    ['operator.methodcaller', node('operator', 'methodcaller', 'OperatorFuncNode'), 'MA5308'],
    ['builtins.eval as a type', node('builtins', 'eval', 'TypeNode'), 'MA5308'],
    ['an unknown class', node('mypkg.models', 'Thing'), 'MA5608'],
  ])('%s', async (_n, hook, rule) => {
    const schema = node('sklearn.linear_model._logistic', 'LogisticRegression', 'ObjectNode', {
      content: {
        __class__: 'dict',
        __module__: 'builtins',
        __loader__: 'DictNode',
        content: { hook },
      },
    });
    const a = fakeArchive({ 'schema.json': JSON.stringify(schema), 'a.npy': 'x' });
    expect(skopsLayout.matches(a.entries, bufferTarget('x', 'm.skops'))).toBe(true);
    const ctx = new FakeContext();
    await skopsLayout.scan(a, bufferTarget('x', 'm.skops'), ctx);
    expect(ctx.rules()).toContain(rule);
  });
  test('sklearn estimators and numpy arrays are trusted', async () => {
    const schema = node('sklearn.tree._classes', 'DecisionTreeClassifier', 'ObjectNode', {
      content: {
        __class__: 'dict',
        __module__: 'builtins',
        __loader__: 'DictNode',
        content: { a: node('numpy', 'ndarray', 'NdArrayNode') },
      },
    });
    const ctx = new FakeContext();
    await skopsLayout.scan(
      fakeArchive({ 'schema.json': JSON.stringify(schema) }),
      bufferTarget('x', 'm.skops'),
      ctx,
    );
    expect(ctx.findings).toEqual([]);
  });
});

describe('other layouts', () => {
  test('llamafile: an APE with a GGUF inside is an executable', async () => {
    const a = fakeArchive({ 'model.gguf': 'GGUF', '.args': '-m' });
    const target = bufferTarget("MZqFpD='\n", 'x.llamafile');
    expect(llamafileLayout.matches(a.entries, target)).toBe(true);
    expect(llamafileLayout.matches(a.entries, bufferTarget('PK\x03\x04', 'x.zip'))).toBe(false);
    const ctx = new FakeContext();
    await llamafileLayout.scan(a, target, ctx);
    expect(ctx.rules()).toEqual(['MA5605']);
  });
  test('NeMo archives are recognised by model_config.yaml', () => {
    expect(
      nemoLayout.matches(
        fakeArchive({ './model_config.yaml': 'a: 1' }).entries,
        bufferTarget('x', 'm.nemo'),
      ),
    ).toBe(true);
  });
  test('Core ML packages: manifest paths must stay inside', async () => {
    const a = fakeArchive({
      'm.mlpackage/Manifest.json': JSON.stringify({
        itemInfoEntries: { A: { path: '../../etc/x' } },
      }),
      'm.mlpackage/Data/com.apple.CoreML/model.mlmodel': 'x',
    });
    expect(coreMlPackageLayout.matches(a.entries, bufferTarget('x'))).toBe(true);
    const ctx = new FakeContext();
    await coreMlPackageLayout.scan(a, bufferTarget('x'), ctx);
    expect(ctx.rules()).toEqual(['MA5304']);
  });
});
