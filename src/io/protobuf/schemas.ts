/**
 * The protobuf schemas modelaudit reads, written as .proto text embedded in this module (so
 * the ncc bundle needs no files at run time) and parsed once by protobufjs.
 *
 * Each message lists only the fields the scanners look at. Everything else, tensor payloads
 * above all (ONNX raw_data, float_data…, TensorFlow tensor_content, float_val…), is left out on
 * purpose: fields that are not in the schema are skipped by the lazy decoder (wire.ts) by moving
 * the read position, without reading their bytes.
 *
 * Field numbers follow onnx/onnx.proto, tensorflow/core/framework/*.proto,
 * tensorflow/core/protobuf/{meta_graph,saved_model,saved_object_graph,saver}.proto and keras
 * saved_metadata.proto.
 */
import protobuf from 'protobufjs';

const ONNX_PROTO = `
syntax = "proto3";
package onnx;

message StringStringEntryProto { string key = 1; string value = 2; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }

message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  string doc_string = 12;
  repeated StringStringEntryProto external_data = 13;
  int32 data_location = 14;
}

message SparseTensorProto { TensorProto values = 1; TensorProto indices = 2; }

message AttributeProto {
  string name = 1;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  TensorProto t = 5;
  GraphProto g = 6;
  repeated bytes strings = 9;
  repeated TensorProto tensors = 10;
  repeated GraphProto graphs = 11;
  string doc_string = 13;
  int32 type = 20;
  string ref_attr_name = 21;
  SparseTensorProto sparse_tensor = 22;
  repeated SparseTensorProto sparse_tensors = 23;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
  string doc_string = 6;
  string domain = 7;
  string overload = 8;
}

message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  string doc_string = 10;
  repeated SparseTensorProto sparse_initializer = 15;
  repeated StringStringEntryProto metadata_props = 16;
}

message FunctionProto {
  string name = 1;
  repeated NodeProto node = 7;
  string doc_string = 8;
  repeated OperatorSetIdProto opset_import = 9;
  string domain = 10;
  string overload = 13;
}

message TrainingInfoProto { GraphProto initialization = 1; GraphProto algorithm = 2; }

message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  string domain = 4;
  int64 model_version = 5;
  string doc_string = 6;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
  repeated TrainingInfoProto training_info = 20;
  repeated FunctionProto functions = 25;
}
`;

const TF_PROTO = `
syntax = "proto3";
package tensorflow;

message TensorProto {
  int32 dtype = 1;
  repeated bytes string_val = 8;
}

// Maps are spelled as their wire form (repeated key/value entries); the decoder turns
// messages named *MapEntry into JavaScript Maps.
message AttrMapEntry { string key = 1; AttrValue value = 2; }
message StringMapEntry { string key = 1; string value = 2; }

message NameAttrList { string name = 1; repeated AttrMapEntry attr = 2; }

message AttrValue {
  message ListValue {
    repeated bytes s = 2;
    repeated TensorProto tensor = 8;
    repeated NameAttrList func = 9;
  }
  ListValue list = 1;
  bytes s = 2;
  int64 i = 3;
  bool b = 5;
  int32 type = 6;
  TensorProto tensor = 8;
  string placeholder = 9;
  NameAttrList func = 10;
}

message NodeDef {
  string name = 1;
  string op = 2;
  repeated string input = 3;
  string device = 4;
  repeated AttrMapEntry attr = 5;
}

message ArgDef { string name = 1; }
message OpDef { string name = 1; repeated ArgDef input_arg = 2; repeated ArgDef output_arg = 3; }
message OpList { repeated OpDef op = 1; }

message FunctionDef {
  OpDef signature = 1;
  repeated NodeDef node_def = 3;
  repeated StringMapEntry ret = 4;
  repeated AttrMapEntry attr = 5;
}

message GradientDef { string function_name = 1; string gradient_func = 2; }
message FunctionDefLibrary { repeated FunctionDef function = 1; repeated GradientDef gradient = 2; }

message VersionDef { int32 producer = 1; int32 min_consumer = 2; }

message GraphDef {
  repeated NodeDef node = 1;
  FunctionDefLibrary library = 2;
  VersionDef versions = 4;
}

message SaverDef {
  string filename_tensor_name = 1;
  string save_tensor_name = 2;
  string restore_op_name = 3;
}

message TensorInfo { string name = 1; }
message AssetFileDef { TensorInfo tensor_info = 1; string filename = 2; }

message MetaInfoDef {
  string meta_graph_version = 1;
  OpList stripped_op_list = 2;
  repeated string tags = 4;
  string tensorflow_version = 5;
  string tensorflow_git_version = 6;
}

message SavedUserObject { string identifier = 1; string metadata = 3; }
message SavedAsset { int32 asset_file_def_index = 1; }
message SavedObject { SavedUserObject user_object = 4; SavedAsset asset = 5; string registered_name = 13; }
message SavedObjectGraph { repeated SavedObject nodes = 1; }

message MetaGraphDef {
  MetaInfoDef meta_info_def = 1;
  GraphDef graph_def = 2;
  SaverDef saver_def = 3;
  repeated AssetFileDef asset_file_def = 6;
  SavedObjectGraph object_graph_def = 7;
}

message SavedModel {
  int64 saved_model_schema_version = 1;
  repeated MetaGraphDef meta_graphs = 2;
}
`;

const KERAS_PROTO = `
syntax = "proto3";
package keras;

message SavedObject {
  int32 node_id = 2;
  string node_path = 3;
  string identifier = 4;
  string metadata = 5;
}
message SavedMetadata { repeated SavedObject nodes = 1; }
`;

let roots: { onnx: protobuf.Root; tf: protobuf.Root; keras: protobuf.Root } | undefined;

function parsed(): NonNullable<typeof roots> {
  roots ??= {
    onnx: protobuf.parse(ONNX_PROTO, { keepCase: true }).root,
    tf: protobuf.parse(TF_PROTO, { keepCase: true }).root,
    keras: protobuf.parse(KERAS_PROTO, { keepCase: true }).root,
  };
  return roots;
}

/** A message type of the ONNX schema, e.g. "ModelProto". */
export function onnxType(name: string): protobuf.Type {
  return parsed().onnx.lookupType(`onnx.${name}`);
}

/** A message type of the TensorFlow schema, e.g. "SavedModel", "GraphDef". */
export function tfType(name: string): protobuf.Type {
  return parsed().tf.lookupType(`tensorflow.${name}`);
}

/** A message type of the Keras schema ("SavedMetadata"). */
export function kerasType(name: string): protobuf.Type {
  return parsed().keras.lookupType(`keras.${name}`);
}
