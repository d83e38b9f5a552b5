#!/usr/bin/env python3
"""Large safetensors and GGUF inputs for `node benchmarks/run.mjs` (llm family).

    python3 benchmarks/llm-make.py      # writes benchmarks/out/llm-*.{safetensors,gguf}

A 2 GiB safetensors file with 2,000 tensors and a 1 GiB GGUF with a 150,000-token vocabulary,
150,000 merges and a real chat template. The scanner must read only their headers.
"""
import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "out"
OUT.mkdir(exist_ok=True)

from safetensors.numpy import save_file  # noqa: E402

per = (2 << 30) // 2000 // 4
save_file({f"model.layers.{i}.weight": np.zeros(per, dtype=np.float32) for i in range(2000)},
          str(OUT / "llm-2g.safetensors"), metadata={"format": "pt"})

import gguf  # noqa: E402

here = Path(__file__).resolve().parent.parent
template = next(t["template"] for t in json.loads((here / "fixtures/llm/templates/real-templates.json").read_text())["templates"] if t["name"] == "llama3.1_8b")
w = gguf.GGUFWriter(str(OUT / "llm-1g.gguf"), "llama")
w.add_name("Benchmark Llama")
w.add_tokenizer_model("gpt2")
tokens = [f"tok{i}" for i in range(150_000)]
w.add_token_list(tokens)
w.add_token_types([1] * len(tokens))
w.add_token_merges([f"t{i} k{i}" for i in range(150_000)])
w.add_chat_template(template)
for i in range(64):
    w.add_tensor(f"blk.{i}.w", np.zeros((1 << 22,), dtype=np.float32))
w.write_header_to_file()
w.write_kv_data_to_file()
w.write_tensors_to_file()
w.close()
print("wrote", *(p.name for p in OUT.glob("llm-*")))
