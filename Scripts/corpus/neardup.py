"""Near-duplicates with a known exact Jaccard, for the benchmark.

`plant_near_duplicate` edits a copy of a text (random eojeol replaced by words from the
generator's vocabulary) until the 5-shingle Jaccard with the original is as close to the
target as one word's granularity allows, and returns the exact value it reached, computed with
`similarity.shingles` (the definition the benchmark should cite).
"""
from __future__ import annotations

import re

from .similarity import jaccard, normalize, shingles

_WORDS = None


def _words():
    global _WORDS
    if _WORDS is None:
        from .obfuscate import _nouns
        _WORDS = sorted(_nouns())
    return _WORDS


def plant_near_duplicate(rng, text: str, target: float, k: int = 5):
    """(new_text, exact_jaccard): `text` with eojeol replaced so that the Jaccard of their
    k-shingles is close to `target` (0 < target ≤ 1)."""
    parts = re.split(r"(\s+)", text)
    slots = [i for i in range(0, len(parts), 2) if parts[i]]
    rng.shuffle(slots)
    words = _words()
    repl = {i: words[int(rng.random() * len(words))] for i in slots}
    base = shingles(normalize(text), k, normalized=True)

    def edited(m):
        chosen = set(slots[:m])
        return "".join(repl[i] if i in chosen else p for i, p in enumerate(parts))

    def j(m):
        return jaccard(base, shingles(edited(m), k))

    lo, hi = 0, len(slots)
    best_m, best_j = 0, 1.0
    while lo <= hi:
        mid = (lo + hi) // 2
        v = j(mid)
        if abs(v - target) < abs(best_j - target):
            best_m, best_j = mid, v
        if v > target:
            lo = mid + 1
        else:
            hi = mid - 1
    return edited(best_m), best_j
