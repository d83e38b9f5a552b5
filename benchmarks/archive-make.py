#!/usr/bin/env python3
"""Benchmark inputs of the archive scanners (run by hand; outputs are not committed).

    python3 benchmarks/archive-make.py

Writes to benchmarks/out/archive/:
- torch-5g.pt: a 5 GB PyTorch-style zip (torch.save layout: archive/data.pkl, version,
  byteorder, .data/serialization_id, and four stored tensor storages of 1.25 GB each). The
  storages are zeros written as sparse regions, so the file is quick to make; the scanner must
  read only the directory, the local headers and data.pkl.
- joblib-2g.joblib: joblib.dump of a dict of float32/float64/int64 numpy arrays, about 2 GB.
- joblib-2g.joblib.gz: the same arrays (smaller, 256 MB) gzip-compressed by joblib.dump.
"""
import pickle
import struct
import zlib
from collections import OrderedDict
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "out" / "archive"


def crc_of_zeros(n: int) -> int:
    crc = 0
    block = bytes(1 << 24)
    while n > 0:
        k = min(n, len(block))
        crc = zlib.crc32(block[:k] if k < len(block) else block, crc)
        n -= k
    return crc & 0xFFFFFFFF


def torch_like_zip(path: Path, storages: int, storage_bytes: int) -> None:
    # data.pkl as torch.save writes it for an OrderedDict of float32 tensors (protocol 2).
    buf = bytearray(b"\x80\x02ccollections\nOrderedDict\nq\x00)Rq\x01(")
    for i in range(storages):
        numel = storage_bytes // 4
        key = str(i).encode()
        name = f"layer{i}.weight".encode()
        buf += b"X" + struct.pack("<I", len(name)) + name
        buf += (b"ctorch._utils\n_rebuild_tensor_v2\n(("
                + b"X\x07\x00\x00\x00storagectorch\nFloatStorage\nX" + struct.pack("<I", len(key)) + key
                + b"X\x03\x00\x00\x00cpu" + b"\x8a\x08" + struct.pack("<q", numel) + b"tQ"
                + b"K\x00" + b"\x8a\x08" + struct.pack("<q", numel) + b"\x85K\x01\x85\x89ccollections\nOrderedDict\n)Rt" + b"R")
    buf += b"u."
    members = [("archive/data.pkl", bytes(buf)), ("archive/byteorder", b"little"),
               ("archive/.data/serialization_id", b"1234567890123456789012345678901234567890"),
               ("archive/version", b"3\n")]
    central = bytearray()
    with open(path, "wb") as f:
        def add(name: str, data: bytes | None, size: int, crc: int) -> None:
            n = name.encode()
            off = f.tell()
            # zip64 extra in every local header: sizes beyond 4 GiB are allowed.
            lextra = struct.pack("<HHQQ", 1, 16, size, size)
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 0, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(n), len(lextra)) + n + lextra)
            if data is not None:
                f.write(data)
            else:
                f.seek(size, 1)  # sparse zeros
            cextra = struct.pack("<HHQQQ", 1, 24, size, size, off)
            central.extend(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 45, 0, 0, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(n), len(cextra), 0, 0, 0, 0, 0xFFFFFFFF) + n + cextra)
        add(*members[0][:1], members[0][1], len(members[0][1]), zlib.crc32(members[0][1]))
        zcrc = crc_of_zeros(storage_bytes)
        for i in range(storages):
            add(f"archive/data/{i}", None, storage_bytes, zcrc)
        for name, data in members[1:]:
            add(name, data, len(data), zlib.crc32(data))
        cd_off = f.tell()
        f.write(central)
        z64 = f.tell()
        count = storages + len(members)
        f.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(central), cd_off))
        f.write(struct.pack("<IIQI", 0x07064B50, 0, z64, 1))
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))


def main() -> None:
    import sys

    import joblib

    OUT.mkdir(parents=True, exist_ok=True)
    torch_like_zip(OUT / "torch-5g.pt", 4, 5 * 10**9 // 4)
    if "--torch-only" in sys.argv:
        return
    rng = np.random.default_rng(0)
    arrays = {f"w{i}": rng.standard_normal(25_000_000, dtype=np.float32) for i in range(16)}
    arrays.update({f"d{i}": np.arange(12_500_000, dtype=np.float64) for i in range(4)})
    arrays["ids"] = np.arange(5_000_000, dtype=np.int64)
    joblib.dump(arrays, OUT / "joblib-2g.joblib")
    small = {k: v for k, v in list(arrays.items())[:3]}
    joblib.dump(small, OUT / "joblib-300m.joblib.gz", compress=("gzip", 1))
    for p in sorted(OUT.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
