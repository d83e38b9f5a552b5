import {
  parseFloatArg,
  parseIndexArg,
  parseIntArg,
  parseLongArg,
  pyLongFromString,
} from '../../../src/analysis/pickle/textargs.js';

describe('INT arguments, as _pickle.c reads them', () => {
  test.each([
    ['42', 42n, true],
    ['-7', -7n, true],
    ['00', 0n, true],
    ['01', 1n, true],
    ['0x10', 16n, false], // strtol base 0: hex (pickletools rejects)
    ['010', 8n, false], // strtol base 0: octal (pickletools reads 10)
    ['0b11', 3n, false], // strtol stops at b, PyLong_FromString(base 0) reads binary
    ['0o17', 15n, false],
    ['1\u0000junk', 1n, false], // C strings end at NUL (python/cpython#126996)
    [' 5', 5n, false],
    ['1_000', 1000n, false],
    ['+3', 3n, false],
    ['99999999999999999999999', 99999999999999999999999n, true],
  ])('%j → %s (canonical %s)', (line, value, canonical) => {
    const r = parseIntArg(line);
    expect(r).toEqual({ ok: true, value, canonical });
  });

  test.each(['', 'abc', '0x', '1 2', '008', '1__0'])('%j is rejected', (line) => {
    expect(parseIntArg(line).ok).toBe(false);
  });
});

describe('LONG, FLOAT and memo index arguments', () => {
  test('LONG drops a trailing L and uses base 0', () => {
    expect(parseLongArg('123L')).toEqual({ ok: true, value: 123n, canonical: true });
    expect(parseLongArg('0x1fL')).toEqual({ ok: true, value: 31n, canonical: false });
    expect(parseLongArg('12\u0000L').ok).toBe(true);
  });

  test('FLOAT follows PyOS_string_to_double', () => {
    expect(parseFloatArg('1.5')).toEqual({ ok: true, text: '1.5', canonical: true });
    expect(parseFloatArg('1e+100')).toEqual({ ok: true, text: '1e+100', canonical: true });
    expect(parseFloatArg('1.')).toMatchObject({ ok: true, canonical: false });
    expect(parseFloatArg('1E5')).toMatchObject({ ok: true, canonical: false });
    expect(parseFloatArg('2.5\u0000x')).toMatchObject({ ok: true, canonical: false });
    expect(parseFloatArg(' 1.0').ok).toBe(false);
    expect(parseFloatArg('1_0.0').ok).toBe(false);
  });

  test('GET/PUT indices are base 10', () => {
    expect(parseIndexArg('12')).toEqual({ ok: true, value: 12n, canonical: true });
    expect(parseIndexArg('0x1').ok).toBe(false);
    expect(parseIndexArg('1\u0000zz')).toEqual({ ok: true, value: 1n, canonical: false });
  });

  test('PyLong_FromString allows one underscore between digits and after a base prefix', () => {
    expect(pyLongFromString('0x_ff', 0)).toBe(255n);
    expect(pyLongFromString('1_2_3', 10)).toBe(123n);
    expect(pyLongFromString('_1', 10)).toBeUndefined();
    expect(pyLongFromString('1_', 10)).toBeUndefined();
    expect(pyLongFromString('0_0', 0)).toBe(0n);
  });
});
