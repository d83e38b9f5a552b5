/**
 * The graph family: Keras (legacy HDF5 and .keras archives), TensorFlow SavedModel (and Keras
 * SavedModel metadata) and ONNX. None of these formats is loaded: HDF5 and protobuf structures
 * are read with bounded positioned reads, tensor payloads are skipped.
 */
import type { ScannerPlugin } from '../base.js';
import { hdf5SignatureOffset } from '../../io/hdf5.js';
import { kerasArchiveLayout, kerasH5Scanner } from './keras.js';
import { looksLikeOnnx, onnxScanner } from './onnx.js';
import { isOnnxTensor, onnxTensorScanner } from './onnx-tensor.js';
import { kerasMetadataScanner, looksLikeSavedModel, savedModelScanner } from './savedmodel.js';

export const graphPlugin: ScannerPlugin = {
  name: 'graph',
  detectors: [
    {
      format: 'hdf5',
      // Also behind a user block, under any name: h5py and tf.keras open HDF5 by content.
      content: async (i) => (await hdf5SignatureOffset(i.head, i.size, i.source)) !== undefined,
      extensions: ['.h5', '.hdf5', '.he5'],
    },
    { format: 'tf-savedmodel', content: (i) => looksLikeSavedModel(i.head, i.name) },
    {
      format: 'keras-metadata',
      content: (i) =>
        i.name.endsWith('keras_metadata.pb') && i.head.length > 0 && i.head[0] === 0x0a,
    },
    { format: 'onnx', content: (i) => looksLikeOnnx(i.head), extensions: ['.onnx'] },
    { format: 'onnx-tensor-pb', content: (i) => isOnnxTensor(i.head, i.size) },
  ],
  scanners: [
    kerasH5Scanner,
    savedModelScanner,
    kerasMetadataScanner,
    onnxScanner,
    onnxTensorScanner,
  ],
  layouts: [kerasArchiveLayout],
};
