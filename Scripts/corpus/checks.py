"""Checks of a generated corpus: the ground truth agrees with the files, copies copy enough,
clean articles share no long run with the archive, no real outlet names, and unrelated
articles share few 5-syllable sequences. Each check returns a list of problems (empty = pass)
and the figures it measured."""
from __future__ import annotations

import itertools
import random

from .similarity import containment, longest_common_run, normalize, shingles

# Real Korean outlets (and the strings the repository hook rejects); none may appear in Corpus/.
REAL_OUTLETS = ("메가경제", "scrapping-webs", "연합뉴스", "연합인포맥스", "뉴시스", "뉴스1", "조선일보", "중앙일보",
                "동아일보", "한국일보", "한겨레", "경향신문", "국민일보", "세계일보", "서울신문", "문화일보",
                "머니투데이", "매일경제", "한국경제", "서울경제", "헤럴드경제", "아시아경제", "파이낸셜뉴스",
                "이데일리", "아주경제", "전자신문", "디지털타임스", "YTN", "KBS", "MBC", "SBS", "JTBC", "MBN",
                "채널A", "TV조선", "노컷뉴스", "오마이뉴스", "프레시안", "데일리안", "뉴데일리", "부산일보",
                "강원일보", "매일신문", "국제신문", "경인일보", "더팩트", "시사IN", "비즈니스워치", "블로터",
                "지디넷", "ZDNET", "아이뉴스24", "조세금융신문", "대한경제", "글로벌이코노믹", "코메디닷컴",
                "조선비즈", "한경비즈니스", "포모스", "여성신문", "AI타임스", "새누리")


def check_names(files: dict) -> list[str]:
    problems = []
    for rel, text in files.items():
        if rel == "README.md":
            continue
        for name in REAL_OUTLETS:
            if name in text:
                problems.append(f"{rel}: contains the real outlet name {name!r}")
    return problems


def check_expected(archive, suspects) -> list[str]:
    """Exact copies match character for character; edited copies keep most of the source's
    shingles; every violation or reuse copies at least 150 characters."""
    bodies = {p: a.body for p, a in archive}
    problems = []
    exact = {"verbatim-notice-kept", "verbatim-notice-removed", "notice-replaced", "partial-copy",
             "copy-of-unprotected", "verbatim-markdown", "jsonl-copy", "short-quote-credited", "sentence-reorder"}
    for s in suspects:
        if not s.passages:
            if s.verdict != "clean":
                problems.append(f"{s.path}: {s.verdict} without copied passages")
            continue
        src = bodies[s.sources[0]]
        copied = sum(o1 - o0 for _, _, o0, o1 in s.passages)
        if s.verdict != "clean" and copied < 150:
            problems.append(f"{s.path}: only {copied} characters copied")
        for s0, s1, o0, o1 in s.passages:
            a, b = s.body[s0:s1], src[o0:o1]
            if s.case in exact and s.case != "sentence-reorder":
                if a != b:
                    problems.append(f"{s.path}: passage {s0}-{s1} differs from source {o0}-{o1}")
            elif s.case == "sentence-reorder":
                if sorted(a.replace("\n", " ").split(" ")) != sorted(b.replace("\n", " ").split(" ")):
                    problems.append(f"{s.path}: reordered passage {s0}-{s1} has other words than {o0}-{o1}")
            else:
                c = containment(shingles(b), shingles(a))
                if c < 0.3:
                    problems.append(f"{s.path}: edited passage keeps only {c:.0%} of the source's shingles")
    return problems


def check_clean(archive, suspects, limit: int = 60) -> tuple[list[str], dict]:
    """Clean suspects share no run of `limit` or more normalised characters with any archive
    article (a credited short quotation is allowed its quote)."""
    problems, worst = [], {}
    # Boilerplate is shared on purpose (same notice, byline, headline list): leave it out.
    boiler = {t for _, a in archive for k, t in a.blocks() if k != "content"}
    for s in suspects:
        if s.verdict != "clean":
            continue
        body = "\n\n".join(b for b in s.body.split("\n\n") if b.strip() not in boiler)
        best = max(longest_common_run(body, "\n".join(a.paragraphs)) for _, a in archive)
        worst[s.path] = best
        allowed = limit + (100 if s.case == "short-quote-credited" else 0)
        if best >= allowed:
            problems.append(f"{s.path}: shares a {best}-character run with the archive")
    return problems, worst


def overlap_figures(make, n: int = 120, seed: int = 7) -> dict:
    """Containment of 5-shingles between unrelated generated articles (same and different topic)
    and the longest common run, over n articles from `make(rng, i)`."""
    arts = [make(random.Random(f"{seed}:{i}"), i) for i in range(n)]
    texts = ["\n".join(a.paragraphs) for a in arts]
    sets = [shingles(t) for t in texts]
    norms = [normalize(t) for t in texts]
    same, diff, runs = [], [], []
    for i, j in itertools.combinations(range(n), 2):
        c = containment(sets[i], sets[j])
        (same if arts[i].topic == arts[j].topic else diff).append(c)
    for i, j in itertools.combinations(range(min(n, 60)), 2):
        runs.append(longest_common_run(norms[i], norms[j]))

    def summary(v):
        v = sorted(v)
        return {"mean": round(sum(v) / len(v), 3), "p95": round(v[int(len(v) * 0.95)], 3), "max": round(v[-1], 3)}
    runs.sort()
    return {"same_topic_containment": summary(same), "other_topic_containment": summary(diff),
            "longest_common_run": {"median": runs[len(runs) // 2], "p99": runs[int(len(runs) * 0.99)],
                                   "max": runs[-1]}}
