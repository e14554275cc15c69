"""The peer MinHash libraries on the benchmark corpus: datasketch, rensa and gaoya.

Runs inside the benchmark's virtual environment (`venv.py` makes it), one core:
RAYON_NUM_THREADS=1 is set by the caller before the Rust libraries load. Prints one JSON
object on standard output.

Every peer gets the same input: `corpus.similarity.normalize` (NFKC, lower case, letters and
digits only; the ground truth's definition), 5-character shingles, 128 permutations, LSH of
32 bands × 4 rows, and no post-filter on the LSH candidates (gaoya is given a similarity
threshold of 0 so that its query returns its raw band candidates like the others).

Two speeds per peer, both text in memory → 128-value signature, on one core:
- `peer_only`: from what the library takes — the shingle list (datasketch as UTF-8 bytes,
  rensa as str) or, for gaoya, the normalised text it shingles itself in Rust;
- `from_text`: from the article text, including normalisation and shingling in Python (what a
  Python user of datasketch or rensa pays; for gaoya the normalisation only).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchlib import corpusgen  # noqa: E402
from corpus.similarity import normalize  # noqa: E402

NUM_PERM = 128
BANDS, ROWS = 32, 4
K = 5


def shingle_list(normalized: str) -> list[str]:
    return list({normalized[i:i + K] for i in range(len(normalized) - K + 1)}) or ([normalized] if normalized else [])


class Peer:
    name = ""
    package = ""

    def signature(self, shingles: list[str], normalized: str):
        """The 128 values from the library's preferred input (see the module docstring)."""
        raise NotImplementedError

    def prepare(self, shingles: list[str], normalized: str):
        """The library's preferred input, built outside the timed region for `peer_only`."""
        return shingles

    def timed(self, prepared, normalized: str):
        return self.signature(prepared, normalized)

    def new_lsh(self):
        raise NotImplementedError

    def insert(self, lsh, key: int, sig):
        raise NotImplementedError

    def query(self, lsh, sig) -> list[int]:
        raise NotImplementedError

    def index_insert(self, lsh, key: int, normalized: str, shingles: list[str]):
        self.insert(lsh, key, self.signature(shingles, normalized))

    def index_query(self, lsh, normalized: str, shingles: list[str]) -> list[int]:
        return list(self.query(lsh, self.signature(shingles, normalized)))

    def values(self, sig) -> list[int]:
        return list(sig)


class Datasketch(Peer):
    name, package = "datasketch", "datasketch"

    def __init__(self):
        import datasketch
        self.m = datasketch
        self.version = datasketch.__version__
        self.api = "MinHash(num_perm=128, seed=1).update_batch([bytes…]) (affine32, sha1_hash32); MinHashLSH(num_perm=128, params=(32, 4))"

    def prepare(self, shingles, normalized):
        return [s.encode("utf-8") for s in shingles]

    def timed(self, prepared, normalized):
        mh = self.m.MinHash(num_perm=NUM_PERM, seed=1)
        mh.update_batch(prepared)
        return mh

    def signature(self, shingles, normalized):
        return self.timed(self.prepare(shingles, normalized), normalized)

    def new_lsh(self):
        return self.m.MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))

    def insert(self, lsh, key, sig):
        lsh.insert(key, sig, check_duplication=False)

    def query(self, lsh, sig):
        return lsh.query(sig)

    def values(self, sig):
        return [int(v) for v in sig.digest()]


class Rensa(Peer):
    name, package = "rensa", "rensa"

    def __init__(self):
        import importlib.metadata
        import rensa
        self.m = rensa
        self.version = importlib.metadata.version("rensa")
        self.api = "RMinHash(num_perm=128, seed=42).update([str…]); RMinHashLSH(threshold=0.5, num_perm=128, num_bands=32)"

    def timed(self, prepared, normalized):
        mh = self.m.RMinHash(NUM_PERM, 42)
        mh.update(prepared)
        return mh

    def signature(self, shingles, normalized):
        return self.timed(shingles, normalized)

    def new_lsh(self):
        return self.m.RMinHashLSH(0.5, NUM_PERM, BANDS)

    def insert(self, lsh, key, sig):
        lsh.insert(key, sig)

    def query(self, lsh, sig):
        return list(lsh.query(sig))

    def values(self, sig):
        return list(sig.digest())


class Gaoya(Peer):
    name, package = "gaoya", "gaoya"

    def __init__(self):
        import importlib.metadata
        from gaoya.gaoya import minhash as m
        self.version = importlib.metadata.version("gaoya")
        # Positional: jaccard_threshold, num_bands, band_width, num_hashes, analyzer, lowercase, ngram_range.
        self.make = lambda: m.MinHash32StringIntIndexVec(0.0, BANDS, ROWS, None, "char", False, (K, K))
        self.hasher = self.make()
        self.api = ("MinHash32StringIntIndexVec(jaccard_threshold=0, num_bands=32, band_width=4, analyzer='char', "
                    "ngram_range=(5, 5)).tokenize_and_minhash(normalised text); insert_document/query (normalised text) for LSH")

    def prepare(self, shingles, normalized):
        return normalized

    def timed(self, prepared, normalized):
        return self.hasher.tokenize_and_minhash(prepared)

    def signature(self, shingles, normalized):
        return self.hasher.tokenize_and_minhash(normalized)

    def new_lsh(self):
        return self.make()

    # gaoya's index takes documents, not signatures: it shingles the normalised text itself.
    def index_insert(self, lsh, key, normalized, shingles):
        lsh.insert_document(key, normalized)

    def index_query(self, lsh, normalized, shingles):
        return list(lsh.query(normalized))


PEERS = {"datasketch": Datasketch, "rensa": Rensa, "gaoya": Gaoya}


def measure(fn, runs: int) -> dict:
    fn()  # warm-up, untimed
    seconds = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - t)
    return {"seconds": seconds, "median": statistics.median(seconds), "min": min(seconds), "max": max(seconds)}


def run_peer(peer: Peer, sample_texts, sample_norm, sample_shingles, runs, index_items, planted, log) -> dict:
    out = {"version": peer.version, "api": peer.api}
    n = len(sample_texts)
    prepared = [peer.prepare(s, t) for s, t in zip(sample_shingles, sample_norm)]

    def peer_only():
        for p, t in zip(prepared, sample_norm):
            peer.timed(p, t)

    def from_text():
        for text in sample_texts:
            t = normalize(text)
            peer.timed(peer.prepare(shingle_list(t), t), t)

    for label, fn in (("peer_only", peer_only), ("from_text", from_text)):
        m = measure(fn, runs)
        m["articles"] = n
        m["articles_per_s"] = n / m["median"]
        out[label] = m
        log(f"  {peer.name} {label}: {m['articles_per_s']:,.0f} articles/s (median of {runs})")

    # Recall of the planted pairs through the peer's own LSH.
    lsh = peer.new_lsh()
    t = time.perf_counter()
    for key, (norm, shingles) in index_items.items():
        peer.index_insert(lsh, key, norm, shingles)
    out["index_seconds"] = time.perf_counter() - t
    out["indexed"] = len(index_items)
    hits = {}
    candidates = []
    errors = []
    for p in planted:
        norm, shingles = p["norm"], p["shingles"]
        found = peer.index_query(lsh, norm, shingles)
        candidates.append(len(found))
        hits[p["suspect_id"]] = p["base_key"] in found
        base = index_items[p["base_key"]]
        a, b = peer.values(peer.signature(base[1], base[0])), peer.values(peer.signature(shingles, norm))
        errors.append(sum(x == y for x, y in zip(a, b)) / NUM_PERM - p["exact_jaccard"])
    out["hits"] = hits
    out["mean_candidates"] = statistics.mean(candidates) if candidates else 0
    out["estimate_bias"] = statistics.mean(errors) if errors else None
    out["estimate_mae"] = statistics.mean(abs(e) for e in errors) if errors else None
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--sample", type=int, default=2000, help="articles timed per run (default 2000)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--index-limit", type=int, default=20000,
                    help="archive articles in each peer's LSH besides the planted bases (default 20000)")
    ap.add_argument("--peers", default="datasketch,rensa,gaoya")
    args = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    truth = corpusgen.read_truth(args.corpus)
    bases = {r["base_id"] for r in truth}
    texts = {}
    order = []
    for ident, text in corpusgen.iter_archive(args.corpus):
        if len(order) < max(args.sample, args.index_limit) or ident in bases:
            texts[ident] = text
            order.append(ident)
    sample_ids = order[:args.sample]
    sample_texts = [texts[i] for i in sample_ids]
    t = time.perf_counter()
    sample_norm = [normalize(x) for x in sample_texts]
    t_norm = time.perf_counter() - t
    sample_shingles = [shingle_list(x) for x in sample_norm]
    t_shingle = time.perf_counter() - t - t_norm
    result = {"sample": len(sample_texts), "runs": args.runs, "num_perm": NUM_PERM, "bands": BANDS, "rows": ROWS,
              "python": sys.version.split()[0],
              "normalise_articles_per_s": len(sample_texts) / t_norm if t_norm else None,
              "shingle_articles_per_s": len(sample_texts) / t_shingle if t_shingle else None, "peers": {}}

    # Keys are ints for every library; the index holds the planted bases and the first
    # `index_limit` archive articles.
    keyed = {i: k for k, i in enumerate(order)}
    index_ids = [i for i in order[:args.index_limit]] + [b for b in bases if keyed[b] >= args.index_limit]
    log(f"peers: normalising and shingling {len(index_ids):,} archive articles for the LSH indexes …")
    index_items = {}
    for ident in index_ids:
        n = normalize(texts[ident])
        index_items[keyed[ident]] = (n, shingle_list(n))
    suspects = dict(corpusgen.iter_suspects(args.corpus))
    planted = []
    for r in truth:
        n = normalize(suspects[r["suspect_id"]])
        planted.append({"suspect_id": r["suspect_id"], "base_key": keyed[r["base_id"]], "exact_jaccard": r["exact_jaccard"],
                        "norm": n, "shingles": shingle_list(n)})

    for name in [p.strip() for p in args.peers.split(",") if p.strip()]:
        try:
            peer = PEERS[name]()
        except Exception as e:  # not installed, or an import-time API change
            result["peers"][name] = {"error": f"cannot load {name}: {type(e).__name__}: {e}"}
            log(f"  {name}: NOT RUN: {result['peers'][name]['error']}")
            continue
        try:
            log(f"peers: {name} {peer.version}")
            result["peers"][name] = run_peer(peer, sample_texts, sample_norm, sample_shingles, args.runs,
                                             index_items, planted, log)
        except Exception as e:  # a different API than expected: say so, carry on with the others
            result["peers"][name] = {"version": getattr(peer, "version", None),
                                     "error": f"{type(e).__name__}: {e}", "trace": traceback.format_exc(limit=3)}
            log(f"  {name}: FAILED: {type(e).__name__}: {e}")
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
