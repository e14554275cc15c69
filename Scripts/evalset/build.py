"""Builds the evaluation set: indexed sources and distractors, suspects under each obfuscation,
negatives, and `truth.json` with the copied passages in both texts.

Every random choice comes from `random.Random(f"eval:{seed}:{name}")`, so a case depends only
on the seed, its own name and the borrowed texts that were found (listed in truth.json).

Two phases keep the ground truth honest: first every indexed document (sources, distractors)
is written, each sharing no run of `Guard.K` normalised characters with an earlier one; then
the suspects, whose own (not copied) text must share no such run with any indexed document.
So a passage the tool finds outside the ground truth is a false detection, not an accident of
the generator.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field

from corpus import obfuscate as ob
from corpus.article import Article, _published, make_article, make_headline
from corpus.build import _first_number, _quotes, later
from corpus.grammar import Expander
from corpus.korean import josa
from corpus.mapped import MappedText
from corpus.outlets import ARCHIVE_OUTLETS, COPIER_OUTLETS, NOTICE_FORMS, PERMISSIVE_FORMS
from corpus.people import make_person
from corpus.similarity import normalize
from corpus.topics import TOPICS, TOPIC_NAMES
from corpus.vocab import COMMON

from .page import render_page

SIZES = {
    # cases per positive obfuscation, boilerplate negatives, same-event negatives, distractors
    "small": dict(per_case=8, boilerplate=9, same_event=6, distractors=60),
    "full": dict(per_case=30, boilerplate=30, same_event=20, distractors=150),
}
POSITIVE = ["verbatim", "notice-removed", "notice-replaced", "spacing", "particles", "reorder",
            "partial", "half", "html", "reword"]
HEAVY = {"reword"}
NEGATIVE = ["neg-boilerplate", "neg-same-event"]
# Obfuscations whose source must carry a notice that forbids republication (they are about it).
NEEDS_PROTECTED = {"notice-removed", "notice-replaced", "html"}
# A partial copy is substantial: at least this many characters of the source's content.
PARTIAL_MIN_CHARS = 200
REWORD_SHARE = 0.2
FORBIDDING = [f for f in NOTICE_FORMS if f not in PERMISSIVE_FORMS]
NOTICED_COPIERS = [c for c in COPIER_OUTLETS if c.notice_rate >= 1.0]


class Guard:
    """Hashes of every K-character run of normalised text seen so far."""
    K = 40

    def __init__(self):
        self.grams: set[int] = set()

    @classmethod
    def grams_of(cls, text: str) -> set[int]:
        n = normalize(text)
        return {hash(n[i:i + cls.K]) for i in range(len(n) - cls.K + 1)}

    def clashes(self, text: str) -> bool:
        n = normalize(text)
        return any(hash(n[i:i + self.K]) in self.grams for i in range(len(n) - self.K + 1))

    def add(self, text: str) -> None:
        self.grams |= self.grams_of(text)


def protected(a: Article) -> bool:
    return a.notice is not None and a.notice_form not in PERMISSIVE_FORMS


def split_sentences(paragraph: str) -> list[str]:
    """Sentences such that " ".join(sentences) is the paragraph again."""
    p = re.sub(r"\s+", " ", paragraph).strip()
    return [s for s in re.split(r"(?<=[.!?])\s", p) if s] or [p]


def text_article(rng, outlet, title: str, paragraphs: list[str]) -> Article:
    """An `Article` around borrowed text, so every obfuscation works on it."""
    reporter = make_person(rng)
    published = _published(rng)
    email = f"{reporter.email_local(outlet.email_style)}@{outlet.domain}"
    return Article(outlet, "society", title, [split_sentences(p) for p in paragraphs], reporter, published,
                   outlet.article_url(100000 + int(rng.random() * 900000), published), "",
                   outlet.byline.format(name=reporter.name, email=email))


def footer_for(outlet, seed) -> str:
    rng = random.Random(f"eval:{seed}:footer:{outlet.name}")
    street = ["세종대로", "을지로", "테헤란로", "여의대로", "중앙로", "충장로"][int(rng.random() * 6)]
    return (f"{outlet.name} | 주소: 서울특별시 중구 {street} {10 + int(rng.random() * 190)} "
            f"| 대표전화 02-{1000 + int(rng.random() * 8999)}-{1000 + int(rng.random() * 8999)} "
            f"| 등록번호 서울 아{10000 + int(rng.random() * 89999)} | 발행·편집인 {make_person(rng).name} "
            f"| 청소년보호책임자 {make_person(rng).name}")


@dataclass
class Source:
    path: str
    article: Article
    origin: str                       # generated | realworld | law
    label: str = ""                   # where borrowed text came from
    footer: str | None = None


@dataclass
class Plan:
    kind: str
    n: int
    source: Source
    extra: dict = field(default_factory=dict)


class Builder:
    def __init__(self, seed: int, size: str, borrowed: list[tuple[str, str, str, list[str]]]):
        self.seed = seed
        self.size = SIZES[size]
        self.size_name = size
        self.borrowed = borrowed          # [(origin, label, title, paragraphs)]
        self.borrowed_sources: dict[str, Source | None] = {}
        self.guard = Guard()
        self.files: dict[str, str] = {}
        self.cases: list[dict] = []
        self.counter = 0
        self.serial = 700000

    def rng(self, name: str) -> random.Random:
        return random.Random(f"eval:{self.seed}:{name}")

    def next_serial(self) -> int:
        self.serial += 41
        return self.serial

    # --- phase 1: indexed documents ---------------------------------------------------------

    def _notice(self, rng, a: Article, want):
        """want: True = a forbidding notice, False = none or a bare reservation, None = mostly forbidding."""
        if want is None:
            r = rng.random()
            want = True if r < 0.85 else False
        if want:
            form = a.outlet.notices[0] if rng.random() < 0.5 and a.outlet.notices[0] in FORBIDDING else \
                FORBIDDING[int(rng.random() * len(FORBIDDING))]
            a.notice_form, a.notice = form, a.outlet.notice(form)
        elif rng.random() < 0.5:
            a.notice_form, a.notice = None, None
        else:
            form = sorted(PERMISSIVE_FORMS)[int(rng.random() * len(PERMISSIVE_FORMS))]
            a.notice_form, a.notice = form, a.outlet.notice(form)

    def _write_source(self, rng, a: Article, origin: str, label: str = "", footer: bool = False) -> Source:
        self.counter += 1
        slug = a.outlet.domain.split(".")[0]
        path = f"sources/{slug}-{self.counter:04d}.txt"
        foot = footer_for(a.outlet, self.seed) if footer else None
        body = a.body + ("\n" + foot + "\n" if foot else "")
        self.files[path] = a.render_txt(front_matter=rng.random() < 0.9, body=body)
        self.guard.add("\n".join(a.paragraphs))
        return Source(path, a, origin, label, foot)

    def generated_source(self, rng, want=None, need=None, topic=None, most_read=False, footer=False) -> Source:
        for _ in range(60):
            outlet = ARCHIVE_OUTLETS[int(rng.random() * len(ARCHIVE_OUTLETS))]
            t = topic or TOPIC_NAMES[int(rng.random() * len(TOPIC_NAMES))]
            length = ["short", "typical", "typical", "typical", "long"][int(rng.random() * 5)]
            mr = [make_headline(rng) for _ in range(5 + int(rng.random() * 4))] if most_read else None
            a = make_article(rng, outlet, t, length=length, serial=self.next_serial(), notice=False, most_read=mr)
            self._notice(rng, a, want)
            if need is not None and not need(a):
                continue
            if self.guard.clashes("\n".join(a.paragraphs)):
                continue
            return self._write_source(rng, a, "generated", footer=footer)
        raise RuntimeError("could not write a source unrelated to the others")

    def borrowed_source(self, k: int, want, need) -> Source | None:
        """The k-th borrowed text as a source (each written once, then shared by its cases)."""
        if not self.borrowed:
            return None
        for step in range(len(self.borrowed)):
            origin, label, title, paras = self.borrowed[(k + step) % len(self.borrowed)]
            if label not in self.borrowed_sources:
                rng = self.rng(f"borrowed:{label}")
                outlet = ARCHIVE_OUTLETS[int(rng.random() * len(ARCHIVE_OUTLETS))]
                a = text_article(rng, outlet, title, paras)
                self._notice(rng, a, True)
                ok = not self.guard.clashes("\n".join(a.paragraphs))
                self.borrowed_sources[label] = self._write_source(rng, a, origin, label) if ok else None
            s = self.borrowed_sources[label]
            if s is not None and (want is not True or protected(s.article)) and (need is None or need(s.article)):
                return s
        return None

    @staticmethod
    def partial_paragraphs(a: Article, count: int):
        paras = a.paragraphs
        inner = list(range(1, len(paras) - 1))
        if count == 1:
            best = [i for i in inner if len(paras[i]) >= PARTIAL_MIN_CHARS]
            return [max(best, key=lambda i: len(paras[i]))] if best else None
        pairs = [(i, j) for i in inner for j in inner if i < j and len(paras[i]) + len(paras[j]) >= PARTIAL_MIN_CHARS
                 and len(paras[i]) >= 60 and len(paras[j]) >= 60]
        return list(max(pairs, key=lambda p: (p[1] - p[0] > 1, len(paras[p[0]]) + len(paras[p[1]])))) if pairs else None

    def plan(self) -> list[Plan]:
        plans = []
        per = self.size["per_case"]
        for kind in POSITIVE:
            for n in range(per):
                rng = self.rng(f"source:{kind}:{n}")
                want = True if kind in NEEDS_PROTECTED else None
                extra = {}
                need = None
                if kind == "partial":
                    extra["count"] = 1 + n % 2
                    need = lambda a, c=extra["count"]: self.partial_paragraphs(a, c) is not None
                elif kind == "reorder":
                    need = lambda a: sum(len(s) > 1 for s in a.sentences) >= 2
                src = None
                # Every fifth case copies borrowed text (real news, law), except heavy rewording,
                # whose synonym lists know only the generator's vocabulary.
                if n % 5 == 2 and kind not in HEAVY:
                    src = self.borrowed_source(len(plans), want, need)
                if src is None:
                    src = self.generated_source(rng, want, need)
                plans.append(Plan(kind, n, src, extra))
        for n in range(self.size["boilerplate"]):
            rng = self.rng(f"source:neg-boilerplate:{n}")
            mr, foot = [(True, False), (False, True), (True, True)][n % 3]
            plans.append(Plan("neg-boilerplate", n, self.generated_source(rng, True, most_read=mr, footer=foot)))
        for n in range(self.size["same_event"]):
            rng = self.rng(f"source:neg-same-event:{n}")
            need = lambda a: any(15 <= len(q) < 60 for q in _quotes(a))
            plans.append(Plan("neg-same-event", n, self.generated_source(rng, True, need=need)))
        for n in range(self.size["distractors"]):
            rng = self.rng(f"distractor:{n}")
            self.generated_source(rng, None, most_read=rng.random() < 0.2, footer=rng.random() < 0.2)
        # Borrowed texts no case used are distractors too.
        for k, (origin, label, title, paras) in enumerate(self.borrowed):
            if label not in self.borrowed_sources:
                self.borrowed_source(k, None, None)
        return plans

    # --- phase 2: suspects ------------------------------------------------------------------

    def shell(self, rng, copier, src: Article, notice=False) -> Article:
        for _ in range(30):
            sh = make_article(rng, copier, src.topic if src.topic in TOPICS else "local", serial=self.next_serial(),
                              published=later(src.published, rng), notice=notice)
            if not self.guard.clashes(sh.byline or ""):
                break
        sh.title = src.title
        return sh

    def host(self, rng, outlet, topic=None, notice=False, published=None, avoid: str = "") -> Article:
        for _ in range(60):
            t = topic or TOPIC_NAMES[int(rng.random() * len(TOPIC_NAMES))]
            h = make_article(rng, outlet, t, serial=self.next_serial(), notice=notice, published=published)
            text = "\n".join(h.paragraphs)
            if not self.guard.clashes(text):
                return h
        raise RuntimeError("could not write a suspect unrelated to the indexed documents")

    def add(self, p: Plan, shell: Article, body: MappedText | None, expected: str, note: str,
            front_matter=True, html: dict | None = None, text: str | None = None, extra: dict | None = None):
        src = p.source
        passages = body.passages(ob.evidence(src.article)) if body is not None and p.kind in POSITIVE else []
        ext = "html" if html else "txt"
        path = f"suspects/{p.kind}-{p.n:03d}.{ext}"
        if html:
            self.files[path] = html["page"]
        else:
            self.files[path] = shell.render_txt(front_matter, body=text if text is not None else body.text)
        case = {
            "id": f"{p.kind}-{p.n:03d}", "suspect": path, "obfuscation": p.kind, "expected": expected,
            "origin": src.origin, "sources": [src.path],
            "passages": [{"source": src.path, "suspect": [s0, s1], "sourceRange": [o0, o1]} for s0, s1, o0, o1 in passages],
            "note": note,
            # The form of the source's notice (corpus.outlets.NOTICE_FORMS), null for none.
            "sourceNotice": src.article.notice_form,
        }
        if src.label:
            case["borrowed"] = src.label
        if html:
            case["htmlParagraphs"] = html["paragraphs"]
        if extra:
            case.update(extra)
        self.cases.append(case)

    def build_case(self, p: Plan):
        rng = self.rng(f"case:{p.kind}:{p.n}")
        a = p.source.article
        expected = "violation" if protected(a) else "reuse"
        copier = NOTICED_COPIERS[int(rng.random() * len(NOTICED_COPIERS))]
        fm = rng.random() < 0.8
        k = p.kind
        if k == "verbatim":
            sh = self.shell(rng, COPIER_OUTLETS[int(rng.random() * len(COPIER_OUTLETS))], a)
            body = ob.assemble([ob.content(a), ob.block_text(a, "byline"), ob.block_text(a, "notice")])
            self.add(p, sh, body, expected, "whole article with the source's byline and notice", fm)
        elif k == "notice-removed":
            sh = self.shell(rng, COPIER_OUTLETS[int(rng.random() * len(COPIER_OUTLETS))], a)
            body = ob.assemble([ob.content(a), sh.byline])
            self.add(p, sh, body, expected, "whole article; the source's notice and byline removed", fm)
        elif k == "notice-replaced":
            sh = self.shell(rng, copier, a, notice=True)
            body = ob.assemble([ob.content(a), sh.byline, sh.notice])
            self.add(p, sh, body, expected, f"whole article under the copier's own notice ({sh.notice})", fm)
        elif k == "spacing":
            sh = self.shell(rng, copier, a, notice=rng.random() < 0.5)
            quotes = ["“”", "‘’", "「」", '""'][int(rng.random() * 4)]
            fw = rng.random() < 0.3
            mt = ob.edit_spacing(rng, ob.content(a), quotes=quotes, fullwidth=fw)
            body = ob.assemble([mt, sh.byline, sh.notice])
            self.add(p, sh, body, expected, f"띄어쓰기 and punctuation edited, quotes {quotes}" + (", fullwidth" if fw else ""), fm)
        elif k == "particles":
            sh = self.shell(rng, copier, a, notice=rng.random() < 0.5)
            body = ob.assemble([ob.edit_particles(rng, ob.content(a)), sh.byline, sh.notice])
            self.add(p, sh, body, expected, "particles (은/는, 이/가) and endings (했다→하였다 …) changed", fm)
        elif k == "reorder":
            sh = self.shell(rng, copier, a, notice=rng.random() < 0.5)
            body = ob.assemble([ob.reorder_sentences(rng, a), sh.byline, sh.notice])
            self.add(p, sh, body, expected, "sentences shuffled within each paragraph", fm)
        elif k == "partial":
            idx = self.partial_paragraphs(a, p.extra["count"])
            h = self.host(rng, copier, published=later(a.published, rng), notice=True)
            paras = h.paragraphs
            at = 1 + int(rng.random() * (len(paras) - 1))
            blocks = [MappedText.new(t) for t in paras[:at]] + [ob.content(a, [i]) for i in idx] + \
                     [MappedText.new(t) for t in paras[at:]]
            body = ob.assemble(blocks + [h.byline, h.notice])
            copied = sum(len(a.paragraphs[i]) for i in idx)
            self.add(p, h, body, expected, f"{len(idx)} paragraph(s), {copied} characters, inside an unrelated article", fm)
        elif k == "half":
            sh = self.shell(rng, copier, a, notice=rng.random() < 0.5)
            n = len(a.paragraphs)
            idx = list(range((n + 1) // 2)) if rng.random() < 0.6 else list(range(n // 2, n))
            body = ob.assemble([ob.content(a, idx), sh.byline, sh.notice])
            self.add(p, sh, body, expected, f"paragraphs {idx[0] + 1}–{idx[-1] + 1} of {n}", fm)
        elif k == "html":
            sh = self.shell(rng, copier, a)
            mt = ob.content(a)
            paras, pos = [], 0
            for t in mt.text.split("\n\n"):
                paras.append([pos, t])
                pos += len(t) + 2
            sidebar = [make_headline(rng) for _ in range(6)]
            most_read = [make_headline(rng) for _ in range(5)]
            page = render_page(copier, sh.title, sh.published, sh.reporter.name, [t for _, t in paras], sidebar,
                               most_read, footer_for(copier, self.seed))
            self.add(p, sh, mt, expected, "whole article in another site's HTML template (nav, sidebar, footer)",
                     html={"page": page, "paragraphs": paras})
        elif k == "reword":
            sh = self.shell(rng, copier, a, notice=rng.random() < 0.5)
            mt, share = heavy_reword(rng, ob.content(a), REWORD_SHARE)
            body = ob.assemble([mt, sh.byline, sh.notice])
            self.add(p, sh, body, expected, f"{100 * share:.0f}% of the eojeol changed (synonyms, then endings)", fm,
                     extra={"changedShare": round(share, 4)})
        elif k == "neg-boilerplate":
            other = [t for t in TOPIC_NAMES if t != a.topic]
            h = self.host(rng, a.outlet, topic=other[int(rng.random() * len(other))], notice=a.notice)
            h.most_read = a.most_read
            text = h.body + ("\n" + p.source.footer + "\n" if p.source.footer else "")
            shared = ["notice"] + (["most-read list"] if a.most_read else []) + (["footer"] if p.source.footer else [])
            # Without front matter nothing names the suspect's outlet, so the shared notice cannot
            # make it the source's own article: only boilerplate exclusion keeps it clean.
            fm = p.n % 3 == 0
            self.add(p, h, None, "clean", "unrelated article sharing the source's " + ", ".join(shared) +
                     ("" if fm else "; no front matter"), fm, text=text)
        elif k == "neg-same-event":
            b, quote, number, run = self.same_event(rng, a)
            self.add(p, b, None, "clean", f"independent report of the same event: same people and figure ({number}), "
                     f"shared quote of {len(quote)} characters", fm, text=b.body)
        else:
            raise ValueError(k)

    def same_event(self, rng, a: Article):
        quote = next(q for q in _quotes(a) if 15 <= len(q) < 60)
        number = _first_number(a)
        c = COPIER_OUTLETS[int(rng.random() * len(COPIER_OUTLETS))]
        for _ in range(60):
            b = make_article(rng, c, a.topic, context=a.context, serial=self.next_serial(),
                             published=later(a.published, rng, (0, 1)))
            ex = Expander(rng, TOPICS[a.topic], COMMON, b.context)
            b.sentences[1].append(ex("[이번에 공개된|관계자가 밝힌|알려진] 핵심 수치는 ") + josa(number, "이다") + ".")
            b.sentences[2].insert(0, f'"{quote}"라고 ' + ex("{SPK/은} 말했다."))
            if not self.guard.clashes("\n".join(b.paragraphs).replace(quote, " ")):
                return b, quote, number, 0
        raise RuntimeError("same-event article kept sharing long runs")

    def build(self) -> dict:
        plans = self.plan()
        for p in plans:
            self.build_case(p)
        return self.files


def heavy_reword(rng, mt: MappedText, share: float):
    """Synonyms first (`obfuscate.reword`); when the vocabulary runs short of `share` of the
    eojeol, ending and particle changes on top, until at least `share` are changed."""
    out, _, _ = ob.reword(rng, mt, share)
    for strength in (0.15, 0.3, 0.5, 0.8):
        if changed_share(out) >= share:
            break
        out = ob.edit_particles(rng, out, particles=strength, endings=strength)
    return out, changed_share(out)


def changed_share(mt: MappedText) -> float:
    toks = ob._tokens(mt)
    changed = sum(any(mt.origin[i] < 0 for i in range(s, e)) for s, e in toks)
    return changed / max(1, len(toks))


def truth_json(seed: int, size: str, cases: list[dict], notes: list[str], sources: int) -> str:
    return json.dumps({
        "format": 1, "seed": seed, "size": size, "notes": notes, "indexedDocuments": sources,
        "positive": POSITIVE, "heavy": sorted(HEAVY), "negative": NEGATIVE,
        "offsets": "Unicode code points of each article's body: for .txt the text after the front matter; "
                   "for .html the virtual body of the copied paragraphs joined by blank lines "
                   "(htmlParagraphs: [start, text]), to be located in the extracted body",
        "cases": cases,
    }, ensure_ascii=False, indent=1)
