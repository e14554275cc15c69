"""Character shingles of whitespace-and-punctuation-free text, exact Jaccard and containment,
and the longest common run: the yardsticks the corpus checks and the benchmark use.

Normalisation here: NFKC, lower case, keep only letters and digits (Unicode categories L*
and N*). copyscan's own normaliser may differ in details (which symbols it keeps); a benchmark
that states "exact Jaccard" should name this function as its definition.
"""
from __future__ import annotations

import unicodedata

_KEEP = {}


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    for ch in text:
        keep = _KEEP.get(ch)
        if keep is None:
            keep = _KEEP[ch] = unicodedata.category(ch)[0] in "LN"
        if keep:
            out.append(ch)
    return "".join(out)


def shingles(text: str, k: int = 5, normalized: bool = False) -> set:
    n = text if normalized else normalize(text)
    return {n[i:i + k] for i in range(len(n) - k + 1)}


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def containment(a: set, b: set) -> float:
    """Share of `a`'s shingles that are also in `b`."""
    return len(a & b) / len(a) if a else 0.0


def longest_common_run(a: str, b: str, k: int = 5) -> int:
    """Length of the longest common substring of the normalised texts (0 when below `k`)."""
    na, nb = normalize(a), normalize(b)
    grams = {nb[i:i + k] for i in range(len(nb) - k + 1)}
    best = run = 0
    for i in range(len(na) - k + 1):
        if na[i:i + k] in grams:
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best + k - 1 if best else 0
