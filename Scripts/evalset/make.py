"""Writes an evaluation set into a folder (see the package docstring)."""
from __future__ import annotations

import shutil
from pathlib import Path

from . import texts
from .build import Builder, truth_json

CACHE = Path.home() / ".cache" / "copyscan-eval"


def make(out: Path, seed: int, size: str, realworld: Path | None, law: str = "auto") -> list[str]:
    """law: "auto" (download the konlpy wheel when it is not cached), "cached" (use it only when
    cached) or "off". Returns the notes on which texts were used."""
    notes = []
    borrowed = []
    if realworld is not None:
        rw, why = texts.realworld_texts(realworld)
        notes.append(why)
        borrowed += [("realworld", label, title, paras) for label, title, paras in rw]
    else:
        notes.append("real-world texts off")
    if law != "off":
        chunks, why = texts.constitution_chunks(CACHE, download=(law == "auto"))
        notes.append(why)
        borrowed += [("law", label, title, paras) for label, title, paras in chunks]
    else:
        notes.append("constitution off")
    # Interleave the two kinds so both appear among the first cases.
    rw = [b for b in borrowed if b[0] == "realworld"]
    lw = [b for b in borrowed if b[0] == "law"]
    mixed = []
    for i in range(max(len(rw), len(lw))):
        mixed += rw[i:i + 1] + lw[i:i + 1]
    builder = Builder(seed, size, mixed)
    files = builder.build()
    if out.exists():
        shutil.rmtree(out)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    indexed = sum(1 for rel in files if rel.startswith("sources/"))
    (out / "truth.json").write_text(truth_json(seed, size, builder.cases, notes, indexed) + "\n", encoding="utf-8")
    return notes + [f"{len(builder.cases)} cases, {indexed} indexed documents"]
