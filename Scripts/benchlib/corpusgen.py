"""The benchmark corpus: deterministic synthetic Korean news as JSON Lines, with planted
near-duplicate pairs at known exact Jaccard and a ground-truth file.

Layout of a generated corpus directory (cached, keyed by size, seed and generator version):

    archive/part-NNNN.jsonl   the N archive articles, ids a0000000…
    suspects/suspects.jsonl   the scan's suspects: every planted near-duplicate (p…), verbatim
                              copies of archive articles under a copier's name (c…) and fresh
                              articles that are in no archive (f…)
    check/one.jsonl           one planted near-duplicate (J ≈ 0.9), for the cold `check`
    truth.tsv                 one row per planted pair: its bucket, exact Jaccard, both ids
    manifest.json             how it was made, counts and sizes

Every article comes from its own `random.Random("copyscan-bench:SEED:INDEX")`, so any article
can be regenerated alone and the work splits across processes without changing a byte.
Exact Jaccard is `corpus.similarity`'s definition: 5-character shingles of the NFKC,
lower-cased text with everything but letters and digits removed, over the whole body.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import sys
import time
from multiprocessing import Pool
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

from corpus import ARCHIVE_OUTLETS, COPIER_OUTLETS, TOPIC_NAMES, make_article  # noqa: E402
from corpus.neardup import plant_near_duplicate  # noqa: E402

# Bump whenever the same (size, seed) would give different bytes: it is part of the cache key.
VERSION = 1
BUCKETS = (0.3, 0.5, 0.7, 0.9)
LENGTHS = ("short", "typical", "typical", "typical", "long")


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "copyscan-bench"


def corpus_dir(articles: int, seed: int) -> Path:
    return cache_root() / f"corpus-{articles}-seed{seed}-v{VERSION}"


def plan(articles: int, seed: int, suspects: int | None = None, pairs_per_bucket: int | None = None) -> dict:
    """Which archive articles get a planted partner, and how the suspects are made up."""
    per_bucket = pairs_per_bucket if pairs_per_bucket is not None else max(5, min(100, articles // 200))
    n_pairs = per_bucket * len(BUCKETS)
    total_suspects = suspects if suspects is not None else max(n_pairs, min(2000, articles // 10 + n_pairs))
    rest = max(0, total_suspects - n_pairs)
    rng = random.Random(f"copyscan-bench-plan:{seed}:{articles}")
    picks = rng.sample(range(articles), min(articles, n_pairs + rest // 2))
    bases, copies = picks[:n_pairs], picks[n_pairs:]
    pairs = [{"pair": k, "bucket": BUCKETS[k % len(BUCKETS)], "base": b} for k, b in enumerate(bases)]
    return {"articles": articles, "seed": seed, "pairs": pairs, "copies": copies,
            "fresh": rest - len(copies), "per_file": max(50, min(1000, articles // 16 or 1))}


def article_id(i: int) -> str:
    return f"a{i:07d}"


def make(seed: int, i: int):
    """Article number `i` of the corpus with this seed (fresh suspects use i ≥ N)."""
    rng = random.Random(f"copyscan-bench:{seed}:{i}")
    outlet = ARCHIVE_OUTLETS[i % len(ARCHIVE_OUTLETS)]
    topic = TOPIC_NAMES[int(rng.random() * len(TOPIC_NAMES))]
    length = LENGTHS[int(rng.random() * len(LENGTHS))]
    return make_article(rng, outlet, topic, length=length)


def record(article, ident: str, outlet: str | None = None, text: str | None = None) -> dict:
    r = json.loads(article.to_json(ident))
    if outlet is not None:
        r["outlet"] = outlet
        r["url"] = f"https://copier.example/{ident}"
    if text is not None:
        r["text"] = text.rstrip("\n")
    return r


def _write_part(job):
    seed, start, end, path = job
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, end):
            f.write(json.dumps(record(make(seed, i), article_id(i)), ensure_ascii=False) + "\n")
    return end - start


def _planted(job):
    seed, pair = job
    base = make(seed, pair["base"])
    rng = random.Random(f"copyscan-bench-plant:{seed}:{pair['pair']}")
    text, j = plant_near_duplicate(rng, base.body.rstrip("\n"), pair["bucket"])
    copier = COPIER_OUTLETS[pair["pair"] % len(COPIER_OUTLETS)].name
    ident = f"p{pair['pair']:04d}"
    return record(base, ident, outlet=copier, text=text), j


def _copy(job):
    seed, k, i = job
    copier = COPIER_OUTLETS[k % len(COPIER_OUTLETS)].name
    return record(make(seed, i), f"c{k:04d}", outlet=copier)


def _fresh(job):
    seed, articles, k = job
    return record(make(seed, articles + k), f"f{k:04d}")


def generate(articles: int, seed: int, *, jobs: int | None = None, log=print, suspects: int | None = None) -> Path:
    """The corpus directory, generated unless a complete one is cached."""
    target = corpus_dir(articles, seed)
    if (target / "manifest.json").exists():
        return target
    started = time.perf_counter()
    p = plan(articles, seed, suspects)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "archive").mkdir(parents=True)
    (tmp / "suspects").mkdir()
    (tmp / "check").mkdir()
    per_file = p["per_file"]
    parts = [(seed, s, min(articles, s + per_file), str(tmp / "archive" / f"part-{s // per_file:04d}.jsonl"))
             for s in range(0, articles, per_file)]
    jobs = jobs or os.cpu_count() or 1
    log(f"generating {articles:,} articles (seed {seed}) into {target} with {jobs} processes …")
    with Pool(jobs) as pool:
        done, next_report = 0, articles // 10
        for n in pool.imap_unordered(_write_part, parts):
            done += n
            if done >= next_report:
                log(f"  {done:,}/{articles:,} articles ({time.perf_counter() - started:.0f} s)")
                next_report = done + articles // 10
        planted = pool.map(_planted, [(seed, pair) for pair in p["pairs"]], chunksize=4)
        copies = pool.map(_copy, [(seed, k, i) for k, i in enumerate(p["copies"])], chunksize=16)
        fresh = pool.map(_fresh, [(seed, articles, k) for k in range(p["fresh"])], chunksize=16)

    with open(tmp / "suspects" / "suspects.jsonl", "w", encoding="utf-8") as f:
        for r in [r for r, _ in planted] + copies + fresh:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(tmp / "truth.tsv", "w", encoding="utf-8") as f:
        f.write("pair\tbucket\texact_jaccard\tbase_id\tsuspect_id\n")
        for pair, (r, j) in zip(p["pairs"], planted):
            f.write(f"{pair['pair']}\t{pair['bucket']}\t{j:.6f}\t{article_id(pair['base'])}\t{r['id']}\n")
    check = next((r for pair, (r, _) in zip(p["pairs"], planted) if pair["bucket"] == 0.9), planted[0][0])
    (tmp / "check" / "one.jsonl").write_text(json.dumps(check, ensure_ascii=False) + "\n", encoding="utf-8")

    archive_bytes = sum(f.stat().st_size for f in (tmp / "archive").iterdir())
    manifest = {
        "generator": f"Scripts/benchlib/corpusgen.py v{VERSION}", "seed": seed, "articles": articles,
        "archive_files": len(parts), "archive_bytes": archive_bytes,
        "suspects": len(planted) + len(copies) + len(fresh), "planted_pairs": len(planted),
        "verbatim_copies": len(copies), "fresh_articles": len(fresh), "buckets": list(BUCKETS),
        "check_article": check["id"], "seconds": round(time.perf_counter() - started, 1),
        "jaccard_definition": "corpus.similarity: 5-character shingles of NFKC, lower-cased, letters-and-digits-only text, whole body",
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)
    log(f"  done in {manifest['seconds']} s: {archive_bytes / 1e6:.1f} MB archive, {manifest['suspects']} suspects, "
        f"{len(planted)} planted pairs")
    return target


def read_truth(directory: Path) -> list[dict]:
    rows = []
    with open(directory / "truth.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            r["bucket"] = float(r["bucket"])
            r["exact_jaccard"] = float(r["exact_jaccard"])
            rows.append(r)
    return rows


def iter_archive(directory: Path, limit: int | None = None):
    """(id, text) of the archive articles, in id order."""
    n = 0
    for part in sorted((directory / "archive").glob("part-*.jsonl")):
        with open(part, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                yield r["id"], r["text"]
                n += 1
                if limit is not None and n >= limit:
                    return


def iter_suspects(directory: Path):
    with open(directory / "suspects" / "suspects.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield r["id"], r["text"]
