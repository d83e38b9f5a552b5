/** Every scanner of the formats family. */
import type { Scanner } from '../base.js';
import { coremlScanner, coremlWeightsScanner } from './coreml.js';
import { executorchScanner } from './executorch.js';
import { jsonMetadataScanner } from '../huggingface/json-metadata.js';
import { descriptorSetScanner, ocdbtScanner, sentencePieceScanner } from './data-only.js';
import { idlSaveScanner, matlabV4Scanner, matlabV5Scanner } from './scientific.js';
import { msgpackScanner } from './msgpack.js';
import { nativeScanner } from './native.js';
import { ortScanner } from '../graph/ort.js';
import { paddleParamsScanner, paddleProgramScanner } from './paddle.js';
import { pythonBytecodeScanner, pythonSourceScanner } from '../python/scanner.js';
import { rdsScanner } from './rds.js';
import { textScanner } from './text.js';
import { tfliteScanner } from './tflite.js';
import { torch7Scanner } from './torch7.js';
import { catboostScanner, lightgbmScanner, xgboostBinaryScanner } from './trees.js';
import { ubjsonScanner } from './ubjson.js';
import { xmlScanner } from './xml.js';
import { yamlScanner } from './yaml.js';

export const FORMAT_SCANNERS: readonly Scanner[] = [
  jsonMetadataScanner,
  yamlScanner,
  textScanner,
  pythonSourceScanner,
  pythonBytecodeScanner,
  nativeScanner,
  tfliteScanner,
  ortScanner,
  executorchScanner,
  catboostScanner,
  xgboostBinaryScanner,
  ubjsonScanner,
  lightgbmScanner,
  torch7Scanner,
  rdsScanner,
  coremlScanner,
  coremlWeightsScanner,
  ocdbtScanner,
  msgpackScanner,
  sentencePieceScanner,
  descriptorSetScanner,
  matlabV5Scanner,
  matlabV4Scanner,
  idlSaveScanner,
  xmlScanner,
  paddleProgramScanner,
  paddleParamsScanner,
];
