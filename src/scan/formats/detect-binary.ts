/**
 * Content detectors of the binary formats of this family: magic numbers, flatbuffer file
 * identifiers (bytes 4–8), protobuf and msgpack shapes. Extensions are hints only for the
 * formats without a magic number (Core ML, PaddlePaddle, SentencePiece).
 */
import type { Detector } from '../../identify/identify.js';
import { isCoreMlWeights } from './coreml.js';
import { isDescriptorSet, isOcdbt, isSentencePiece } from './data-only.js';
import { isIdlSave, isMatlabV4, isMatlabV5 } from './scientific.js';
import { isMsgpackModel } from './msgpack.js';
import { nativeKind } from './native.js';
import { isPythonBytecode } from '../python/scanner.js';
import { rSerializationKind } from './rds.js';
import { isTorch7 } from './torch7.js';
import { isLightgbmText } from './trees.js';
import { isUbjsonModel } from './ubjson.js';
import { xmlRoot } from './xml.js';

const ident = (head: Buffer, id: string): boolean =>
  head.length >= 8 && head.toString('latin1', 4, 8) === id;

export const BINARY_DETECTORS: readonly Detector[] = [
  {
    format: 'native-executable',
    content: (i) => nativeKind(i.head) !== undefined,
    extensions: ['.so', '.dylib', '.dll', '.exe', '.llamafile'],
    executable: true,
  },
  {
    format: 'python-bytecode',
    content: (i) => isPythonBytecode(i.head),
    extensions: ['.pyc', '.pyo'],
    executable: true,
  },
  { format: 'tflite', content: (i) => ident(i.head, 'TFL3'), extensions: ['.tflite'] },
  { format: 'onnxruntime-ort', content: (i) => ident(i.head, 'ORTM'), extensions: ['.ort'] },
  {
    format: 'executorch',
    content: (i) => ident(i.head, 'ET12') || /^ET\d\d$/.test(i.head.toString('latin1', 4, 8)),
    extensions: ['.pte'],
  },
  {
    format: 'catboost',
    content: (i) => i.head.toString('latin1', 0, 4) === 'CBM1',
    extensions: ['.cbm'],
  },
  { format: 'xgboost-binary', content: (i) => i.head.toString('latin1', 0, 4) === 'binf' },
  { format: 'xgboost-ubjson', content: (i) => isUbjsonModel(i.head), extensions: ['.ubj'] },
  { format: 'lightgbm-text', content: (i) => isLightgbmText(i.head) },
  { format: 'torch7', content: (i) => isTorch7(i.head), extensions: ['.t7'], executable: true },
  {
    format: 'r-serialized',
    content: (i) => rSerializationKind(i.head) !== undefined,
    extensions: ['.rds', '.rda', '.rdata'],
    executable: true,
  },
  { format: 'coreml-weights', content: (i) => isCoreMlWeights(i.head) },
  { format: 'orbax-ocdbt', content: (i) => isOcdbt(i.head), extensions: ['.ocdbt'] },
  {
    format: 'flax-msgpack',
    content: (i) => isMsgpackModel(i.head),
    extensions: ['.msgpack', '.flax'],
  },
  { format: 'sentencepiece', content: (i) => isSentencePiece(i.head) },
  { format: 'protobuf-descriptor-set', content: (i) => isDescriptorSet(i.head) },
  { format: 'matlab-v5', content: (i) => isMatlabV5(i.head) },
  { format: 'idl-sav', content: (i) => isIdlSave(i.head) },
  // No magic number: only a run of headers whose sizes add up to the file.
  { format: 'matlab-v4', content: (i) => isMatlabV4(i.head, i.size) },
  { format: 'pmml', content: (i) => xmlRoot(i.head) === 'PMML', extensions: ['.pmml'] },
  { format: 'openvino-ir', content: (i) => xmlRoot(i.head) === 'net' },
  {
    format: 'xml-metadata',
    content: (i) => /^\s*<\?xml\b/.test(i.head.toString('utf8', 0, 64).replace(/^\ufeff/, '')),
    extensions: ['.xml'],
  },
  { format: 'coreml', extensions: ['.mlmodel'] },
  { format: 'paddle-program', extensions: ['.pdmodel'] },
  { format: 'paddle-params', extensions: ['.pdiparams'] },
];
