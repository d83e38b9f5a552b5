/** Member paths and link targets that land outside the extraction directory (zip slip). */
import { linkEscape, pathEscape } from '../../../src/scan/archive/members.js';

test.each([
  ['model/data.pkl', false],
  ['./model/../model/x', false],
  ['a/b/../../c', false],
  ['../x', true],
  ['a/../../x', true],
  ['/etc/passwd', true],
  ['C:/Windows/x', true],
  ['c:evil', true],
  ['a\\..\\..\\x', true],
  ['\\\\server\\share\\x', true],
  ['x\0y', true],
])('pathEscape(%j) escapes: %s', (name, escapes) => {
  expect(pathEscape(name) !== undefined).toBe(escapes);
});

test.each([
  ['a/link', 'x', true, false],
  ['a/link', '../x', true, false],
  ['a/link', '../../x', true, true],
  ['link', '/etc/passwd', true, true],
  ['a/b/link', '../../x', false, true],
  ['a/hard', 'a/x', false, false],
  ['a/hard', '../x', false, true],
])('linkEscape(%j -> %j, symlink %s) escapes: %s', (name, target, sym, escapes) => {
  expect(linkEscape(name, target, sym) !== undefined).toBe(escapes);
});
