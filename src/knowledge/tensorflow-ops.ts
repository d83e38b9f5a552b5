/**
 * TensorFlow ops that reach outside the graph, with the reason and how each is judged.
 *
 * - "file": reads, writes, lists or deletes files; always reported (MA4020).
 * - "python": calls a Python function registered in the process (MA4021).
 * - "checkpoint": save/restore ops; normal when their path comes from the saver placeholder or a
 *   function argument, reported when it is a constant in the graph (MA4022).
 * - "table-file": table initializers and vocabulary readers; normal when fed from assets,
 *   reported for other constant paths (MA4022).
 * - "external": databases, remote services, debug sinks, file-system configuration (MA4023).
 * - "attr": harmless unless an attribute points at a file or URL (checked by `attrCheck`).
 *
 * `paths` lists the input positions that carry a path, for evidence and provenance.
 */
export type OpCategory = 'file' | 'python' | 'checkpoint' | 'table-file' | 'external' | 'attr';

export interface OpEntry {
  readonly category: OpCategory;
  readonly reason: string;
  /** Input positions holding file names or prefixes. */
  readonly paths?: readonly number[];
  /** For "attr" ops: the attribute to check and what makes it dangerous. */
  readonly attr?: { readonly name: string; readonly dangerous: (value: string) => boolean };
}

const DATASET = 'a tf.data source that reads the files named by its input';
const SUMMARY = 'writes event files through a summary writer';

const entries: [string[], OpEntry][] = [
  [['ReadFile'], { category: 'file', reason: 'reads a whole file into a tensor', paths: [0] }],
  [['WriteFile'], { category: 'file', reason: 'writes a tensor to a file', paths: [0] }],
  [
    ['MatchingFiles', 'MatchingFilesDataset', 'ExperimentalMatchingFilesDataset'],
    { category: 'file', reason: 'lists files matching a glob pattern', paths: [0] },
  ],
  [
    [
      'WholeFileReader',
      'WholeFileReaderV2',
      'TextLineReader',
      'TextLineReaderV2',
      'TFRecordReader',
      'TFRecordReaderV2',
      'FixedLengthRecordReader',
      'FixedLengthRecordReaderV2',
      'IdentityReader',
      'IdentityReaderV2',
      'LMDBReader',
      'ReaderRead',
      'ReaderReadV2',
      'ReaderReadUpTo',
      'ReaderReadUpToV2',
    ],
    { category: 'file', reason: 'queue-based reader of files' },
  ],
  [
    [
      'TFRecordDataset',
      'TFRecordDatasetV2',
      'TextLineDataset',
      'FixedLengthRecordDataset',
      'FixedLengthRecordDatasetV2',
      'CSVDataset',
      'CSVDatasetV2',
      'ExperimentalCSVDataset',
      'LMDBDataset',
      'ExperimentalLMDBDataset',
      'RecordInput',
      'SnapshotChunkDataset',
      'SnapshotDatasetReader',
      'SnapshotNestedDatasetReader',
    ],
    { category: 'file', reason: DATASET, paths: [0] },
  ],
  [
    ['LoadDataset'],
    { category: 'file', reason: 'loads a saved tf.data dataset from a path', paths: [0] },
  ],
  [
    [
      'SaveDataset',
      'SaveDatasetV2',
      'DatasetToTFRecord',
      'ExperimentalDatasetToTFRecord',
      'DistributedSave',
    ],
    { category: 'file', reason: 'writes dataset elements to files', paths: [1] },
  ],
  [
    ['SnapshotDataset', 'SnapshotDatasetV2'],
    { category: 'file', reason: 'writes and reads dataset snapshots at a path', paths: [1] },
  ],
  [
    ['CacheDataset', 'CacheDatasetV2'],
    {
      category: 'file',
      reason: 'caches dataset elements in files at a path when the filename is not empty',
      paths: [1],
    },
  ],
  [
    [
      'CreateSummaryFileWriter',
      'SummaryWriter',
      'WriteSummary',
      'WriteScalarSummary',
      'WriteHistogramSummary',
      'WriteImageSummary',
      'WriteAudioSummary',
      'WriteGraphSummary',
      'WriteRawProtoSummary',
      'ImportEvent',
      'FlushSummaryWriter',
      'CloseSummaryWriter',
    ],
    { category: 'file', reason: SUMMARY },
  ],
  [
    ['LoadAndRemapMatrix'],
    { category: 'file', reason: 'reads a checkpoint file named by its input', paths: [0] },
  ],
  [
    ['GenerateVocabRemapping'],
    { category: 'file', reason: 'reads two vocabulary files named by its inputs', paths: [0, 1] },
  ],
  [
    ['Skipgram'],
    { category: 'file', reason: 'reads the training text file named in its "filename" attribute' },
  ],
  [
    ['FixedUnigramCandidateSampler'],
    {
      category: 'attr',
      reason: 'reads the vocabulary file named in its "vocab_file" attribute',
      attr: { name: 'vocab_file', dangerous: (v) => v.length > 0 },
    },
  ],
  [
    ['PyFunc', 'PyFuncStateless', 'EagerPyFunc'],
    { category: 'python', reason: 'calls a Python function registered in the loading process' },
  ],
  [
    ['Save', 'SaveSlices', 'SaveV2'],
    { category: 'checkpoint', reason: 'writes tensors to checkpoint files', paths: [0] },
  ],
  [
    ['Restore', 'RestoreSlice', 'RestoreV2', 'DTensorRestoreV2'],
    { category: 'checkpoint', reason: 'reads tensors from checkpoint files', paths: [0] },
  ],
  [
    ['MergeV2Checkpoints'],
    {
      category: 'checkpoint',
      reason: 'merges checkpoint files and can delete their directories',
      paths: [0, 1],
    },
  ],
  [
    ['InitializeTableFromTextFile', 'InitializeTableFromTextFileV2'],
    { category: 'table-file', reason: 'initializes a lookup table from a text file', paths: [1] },
  ],
  [
    ['SqlDataset', 'ExperimentalSqlDataset'],
    { category: 'external', reason: 'queries an external SQL database' },
  ],
  [
    ['CreateSummaryDbWriter'],
    { category: 'external', reason: 'writes summaries to a database URI' },
  ],
  [
    [
      'DataServiceDataset',
      'DataServiceDatasetV2',
      'DataServiceDatasetV3',
      'DataServiceDatasetV4',
      'RegisterDataset',
      'RegisterDatasetV2',
    ],
    { category: 'external', reason: 'connects to a remote tf.data service address' },
  ],
  [
    ['RemoteCall'],
    { category: 'external', reason: 'runs a function on another (remote) device or task' },
  ],
  [
    ['DebugIdentity', 'DebugIdentityV2', 'DebugIdentityV3', 'DebugNanCount', 'DebugNumericSummary'],
    {
      category: 'external',
      reason: 'tfdbg op that dumps tensors to its debug URLs (file:// or grpc://)',
    },
  ],
  [
    ['ImmutableConst'],
    {
      category: 'external',
      reason: 'memory-maps the file named in its "memory_region_name" attribute',
    },
  ],
  [
    [
      'GcsConfigureCredentials',
      'GcsConfigureBlockCache',
      'FileSystemSetConfiguration',
      'BigQueryReader',
      'GenerateBigQueryReaderPartitions',
      'KafkaDataset',
      'IgniteDataset',
      'KinesisDataset',
    ],
    { category: 'external', reason: 'configures cloud file systems or reads external services' },
  ],
  [
    ['PrintV2'],
    {
      category: 'attr',
      reason: 'prints to the output stream in its attribute, which may be a file',
      attr: {
        name: 'output_stream',
        dangerous: (v) => !/^(stderr|stdout|log\(info\)|log\(warning\)|log\(error\))$/.test(v),
      },
    },
  ],
  [
    ['DecodeProtoV2', 'EncodeProto'],
    {
      category: 'attr',
      reason: 'loads protobuf descriptors from the source in its attribute',
      attr: {
        name: 'descriptor_source',
        dangerous: (v) => v !== '' && v !== 'local://' && !v.startsWith('bytes://'),
      },
    },
  ],
];

export const TF_OP_TABLE: ReadonlyMap<string, OpEntry> = new Map(
  entries.flatMap(([ops, entry]) => ops.map((op) => [op, entry] as const)),
);

/** Ops through which a path flows unchanged (or joined with other strings). */
export const PATH_PASSTHROUGH: ReadonlySet<string> = new Set([
  'Identity',
  'IdentityN',
  'StringJoin',
  'ShardedFilename',
  'ShardedFilespec',
  'Select',
  'SelectV2',
  'Snapshot',
  'StopGradient',
  'PreventGradient',
  'Enter',
  'RefIdentity',
  'Switch',
  'Merge',
  'Pack',
  'ConcatV2',
  'Concat',
  'Reshape',
  'ExpandDims',
  'Squeeze',
  'StaticRegexReplace',
  'RegexReplace',
]);

/** Ops whose output comes from outside the graph (feeds, function arguments). */
export const PATH_SOURCES: ReadonlySet<string> = new Set([
  'Placeholder',
  'PlaceholderV2',
  'PlaceholderWithDefault',
  '_Arg',
  '_DeviceArg',
]);
