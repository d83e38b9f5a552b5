"""Makes the pickle benchmark inputs in benchmarks/out/ (not committed):

- numpy-1g.pkl: about 1 GB of numpy float32 arrays in a dict, pickled by numpy (protocol 4)
- bytes-2g.pkl: about 2 GB of bytes payloads in a list (protocol 4, BINBYTES8 opcodes)
- numpy-1g-p2.pkl: the same arrays in protocol 2, where numpy writes its data as latin-1 text

Run:  python3 benchmarks/make_pickles.py [--small]
"""
import pickle
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "out"
OUT.mkdir(exist_ok=True)
scale = 16 if "--small" in sys.argv else 1


def write(name: str, obj, protocol: int) -> None:
    path = OUT / name
    with open(path, "wb") as f:
        pickle.dump(obj, f, protocol=protocol)
    print(f"{path}  {path.stat().st_size / 1e9:.2f} GB")


rng = np.random.default_rng(0)
arrays = {f"layer{i}.weight": rng.standard_normal((1024, 2560 // scale), dtype=np.float32) for i in range(100)}
write("numpy-1g.pkl", arrays, 4)
write("numpy-1g-p2.pkl", dict(list(arrays.items())[:25]), 2)
del arrays

# Distinct objects: a repeated object would be memoized and written once.
size = 100 * 1024 * 1024 // scale
write("bytes-2g.pkl", [bytes([i]) * size for i in range(20)], 4)

# Opcode-heavy: many small objects, where time goes to interpretation rather than skipping.
write("opcodes-heavy.pkl", [{"id": i, "score": i * 0.5, "tag": f"t{i % 97}"} for i in range(1_000_000)], 4)
