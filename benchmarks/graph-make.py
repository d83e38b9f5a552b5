"""Large inputs for the graph-family benchmarks, written to benchmarks/out/graph/ by streaming
(nothing here holds a whole model in memory):

- keras-2g.h5: a legacy Keras .h5 (root attributes of a real keras model, copied from the
  fixtures) with 2 GiB of weights in /model_weights, written chunk by chunk with h5py.
- onnx-1p9g-inline.onnx: a 1.9 GiB ModelProto whose initializers carry raw_data inline,
  hand-serialized field by field (onnx.save cannot write protobufs near 2 GiB).
- onnx-external/model.onnx + model.onnx.data: 2 GiB of external data (a sparse file).
- savedmodel-1g/saved_model.pb: a SavedModel with 200,000 nodes, a function library and one
  1 GiB frozen constant (tensor_content), plus variables/.

    python benchmarks/graph-make.py && node benchmarks/graph-run.mjs
"""
import os
import shutil

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "out", "graph")
FIX = os.path.join(ROOT, "..", "fixtures", "graph", "keras", "benign", "functional.h5")
GiB = 1024**3


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | 0x80 if n else b)
        if not n:
            return bytes(out)


def ld(field, data):
    return varint(field << 3 | 2) + varint(len(data)) + data


def tag_len(field, length):
    return varint(field << 3 | 2) + varint(length)


def make_h5():
    path = os.path.join(OUT, "keras-2g.h5")
    with h5py.File(FIX, "r") as src:
        attrs = {k: src.attrs[k] for k in src.attrs}
    chunk = np.random.default_rng(0).standard_normal((64 * 1024 * 1024 // 4,)).astype(np.float32)
    with h5py.File(path, "w") as f:
        for k, v in attrs.items():
            f.attrs[k] = v
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = [b"dense_big"]
        g.attrs["backend"] = "torch"
        g.attrs["keras_version"] = "3.15.1"
        d = g.create_group("dense_big").create_dataset("kernel", shape=(2 * GiB // 4,), dtype="float32")
        for i in range(0, d.shape[0], chunk.shape[0]):
            d[i : i + chunk.shape[0]] = chunk[: d.shape[0] - i]
    return path


def make_onnx_inline():
    path = os.path.join(OUT, "onnx-1p9g-inline.onnx")
    n_tensors, tensor_bytes = 30, 64 * 1024 * 1024  # 1.875 GiB
    payload = np.random.default_rng(1).standard_normal(tensor_bytes // 4).astype(np.float32).tobytes()
    nodes = b"".join(
        ld(1, ld(1, f"x{i}".encode()) + ld(1, f"W{i}".encode()) + ld(2, f"x{i+1}".encode()) + ld(4, b"MatMul"))
        for i in range(n_tensors)
    )
    tensors = []
    for i in range(n_tensors):
        head = varint(1 << 3) + varint(4096) + varint(1 << 3) + varint(4096) + varint(2 << 3) + varint(1) + ld(8, f"W{i}".encode())
        tensors.append((head, len(head) + len(tag_len(9, tensor_bytes)) + tensor_bytes))
    graph_len = len(nodes) + len(ld(2, b"big")) + sum(len(tag_len(5, t)) + t for _, t in tensors)
    with open(path, "wb") as f:
        f.write(varint(1 << 3) + varint(8) + ld(2, b"modelaudit-benchmark") + ld(8, ld(1, b"") + varint(2 << 3) + varint(17)))
        f.write(tag_len(7, graph_len))
        f.write(nodes + ld(2, b"big"))
        for head, total in tensors:
            f.write(tag_len(5, total) + head + tag_len(9, tensor_bytes))
            f.write(payload)
    return path


def make_onnx_external():
    d = os.path.join(OUT, "onnx-external")
    os.makedirs(d, exist_ok=True)
    n, size = 32, 64 * 1024 * 1024
    nodes = b"".join(ld(1, ld(1, f"x{i}".encode()) + ld(1, f"W{i}".encode()) + ld(2, f"x{i+1}".encode()) + ld(4, b"MatMul")) for i in range(n))
    inits = b""
    for i in range(n):
        ext = ld(13, ld(1, b"location") + ld(2, b"model.onnx.data")) + ld(13, ld(1, b"offset") + ld(2, str(i * size).encode())) + ld(13, ld(1, b"length") + ld(2, str(size).encode()))
        inits += ld(5, varint(1 << 3) + varint(4096) + varint(1 << 3) + varint(4096) + varint(2 << 3) + varint(1) + ld(8, f"W{i}".encode()) + ext + varint(14 << 3) + varint(1))
    with open(os.path.join(d, "model.onnx"), "wb") as f:
        f.write(varint(1 << 3) + varint(8) + ld(2, b"modelaudit-benchmark") + ld(8, ld(1, b"") + varint(2 << 3) + varint(17)) + ld(7, nodes + ld(2, b"ext") + inits))
    with open(os.path.join(d, "model.onnx.data"), "wb") as f:
        f.truncate(n * size)
    return os.path.join(d, "model.onnx")


def make_savedmodel():
    d = os.path.join(OUT, "savedmodel-1g")
    os.makedirs(os.path.join(d, "variables"), exist_ok=True)

    def node(name, op, inputs=(), attrs=b""):
        return ld(1, name.encode()) + ld(2, op.encode()) + b"".join(ld(3, i.encode()) for i in inputs) + attrs

    def attr(key, value):
        return ld(5, ld(1, key.encode()) + ld(2, value))

    body = bytearray()
    body += ld(1, node("x", "Placeholder", attrs=attr("dtype", varint(6 << 3) + varint(1))))
    prev = "x"
    for i in range(200_000):
        op = ("Relu", "Identity", "Tanh", "Sigmoid")[i % 4]
        body += ld(1, node(f"n{i}", op, [prev], attr("T", varint(6 << 3) + varint(1))))
        prev = f"n{i}"
    fn_nodes = b"".join(ld(3, node(f"f{i}", "AddV2", ["a", "a"])) for i in range(20_000))
    library = ld(2, ld(1, ld(1, ld(1, b"__inference_big_1") + ld(2, ld(1, b"a"))) + fn_nodes))
    big = 1 * GiB
    tensor_head = varint(1 << 3) + varint(1)
    tensor_len = len(tensor_head) + len(tag_len(4, big)) + big
    value = tag_len(8, tensor_len)
    const_prefix = ld(1, b"frozen_weights") + ld(2, b"Const")
    entry_len = len(ld(1, b"value")) + len(tag_len(2, len(value) + tensor_len)) + len(value) + tensor_len
    const_len = len(const_prefix) + len(tag_len(5, entry_len)) + entry_len
    graph_len = len(body) + len(library) + len(tag_len(1, const_len)) + const_len
    meta_info = ld(1, ld(4, b"serve") + ld(5, b"2.20.0"))
    meta_len = len(meta_info) + len(tag_len(2, graph_len)) + graph_len
    chunk = bytes(64 * 1024 * 1024)
    with open(os.path.join(d, "saved_model.pb"), "wb") as f:
        f.write(varint(1 << 3) + varint(1) + tag_len(2, meta_len) + meta_info + tag_len(2, graph_len))
        f.write(body)
        f.write(library)
        f.write(tag_len(1, const_len) + const_prefix + tag_len(5, entry_len) + ld(1, b"value") + tag_len(2, len(value) + tensor_len) + value + tensor_head + tag_len(4, big))
        for _ in range(big // len(chunk)):
            f.write(chunk)
    open(os.path.join(d, "variables", "variables.index"), "wb").write(b"\0" * 16)
    open(os.path.join(d, "variables", "variables.data-00000-of-00001"), "wb").write(b"\0" * 16)
    return os.path.join(d, "saved_model.pb")


if __name__ == "__main__":
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for fn in (make_h5, make_onnx_inline, make_onnx_external, make_savedmodel):
        p = fn()
        print(p, os.path.getsize(p))
