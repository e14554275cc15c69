"""Builds Corpus/: the archive, the incoming suspects and EXPECTED.tsv, all from one seed.

Every random choice comes from `random.Random(f"{seed}:{name}")`, so a case's text depends
only on the seed and its own name, and running the build twice writes the same bytes.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import obfuscate as ob
from .article import Article, make_article, make_headline
from .grammar import Expander
from .korean import josa
from .mapped import MappedText, format_passages
from .outlets import ARCHIVE_OUTLETS, COPIER_OUTLETS, OUTLETS, PERMISSIVE_FORMS
from .similarity import longest_common_run
from .topics import TOPICS, TOPIC_NAMES
from .vocab import COMMON

SEED = 20260314
ARCHIVE_SIZE = 48
# Unrelated articles must not share a run this long with any archive article.
MAX_UNRELATED_RUN = 40


@dataclass
class Suspect:
    path: str
    verdict: str
    sources: list
    case: str
    copied: str
    note: str
    text: str            # the file's full text (for feed entries: the JSON line)
    body: str            # the body the offsets refer to
    passages: list       # [(s0, s1, o0, o1)]


def rng_for(seed: int, name: str) -> random.Random:
    return random.Random(f"{seed}:{name}")


def slug(outlet) -> str:
    return outlet.domain.split(".")[0]


def later(published: str, rng, days=(1, 6)) -> str:
    t = dt.datetime.fromisoformat(published) + dt.timedelta(days=days[0] + int(rng.random() * (days[1] - days[0])),
                                                            minutes=5 * int(rng.random() * 200))
    return t.isoformat()


# --- archive --------------------------------------------------------------------------------

NO_NOTICE = {4, 13, 27, 38}          # archive articles printed without any notice
MOST_READ = {2, 10, 18, 26, 34, 43}  # ... and with a "most read" list after the notice
LONG = {0, 6, 12, 18, 24, 30, 36, 42}


def build_archive(seed: int) -> list[tuple[str, Article]]:
    out = []
    counters = {}
    for i in range(ARCHIVE_SIZE):
        outlet = ARCHIVE_OUTLETS[i % len(ARCHIVE_OUTLETS)]
        topic = TOPIC_NAMES[(i * 3 + i // 10) % len(TOPIC_NAMES)]
        rng = rng_for(seed, f"archive:{i}")
        length = "long" if i in LONG else ("short" if i % 11 == 5 else "typical")
        most_read = [make_headline(rng) for _ in range(5)] if i in MOST_READ else None
        art = make_article(rng, outlet, topic, length=length, serial=200000 + i * 7919 % 100000,
                           notice=False if i in NO_NOTICE else True, most_read=most_read)
        if i in MOST_READ and art.notice is None:
            art.notice_form, art.notice = outlet.notices[0], outlet.notice(outlet.notices[0])
        counters[outlet.name] = counters.get(outlet.name, 0) + 1
        out.append((f"{slug(outlet)}-{counters[outlet.name]:02d}.txt", art))
    return out


# --- incoming -------------------------------------------------------------------------------

class Incoming:
    def __init__(self, seed: int, archive: list[tuple[str, Article]]):
        self.seed = seed
        self.archive = archive
        self.used: set[str] = set()
        self.suspects: list[Suspect] = []
        self.feed: list[Suspect] = []
        self.serial = 500000

    def rng(self, name):
        return rng_for(self.seed, f"incoming:{name}")

    def pick(self, want, name):
        """An archive article not used by another case, satisfying `want`."""
        rng = self.rng("pick:" + name)
        candidates = [(p, a) for p, a in self.archive if p not in self.used and want(a)]
        p, a = candidates[int(rng.random() * len(candidates))]
        self.used.add(p)
        return p, a

    @staticmethod
    def protected(a: Article) -> bool:
        return a.notice is not None and a.notice_form not in PERMISSIVE_FORMS

    def next_serial(self):
        self.serial += 37
        return self.serial

    def host(self, rng, outlet, topic=None, published=None, notice=True, avoid=()) -> Article:
        """A new article that shares no long run with the archive."""
        for attempt in range(50):
            t = topic or TOPIC_NAMES[int(rng.random() * len(TOPIC_NAMES))]
            a = make_article(rng, outlet, t, serial=self.next_serial(), published=published, notice=notice)
            text = "\n".join(a.paragraphs)
            if all(longest_common_run(text, "\n".join(src.paragraphs)) < MAX_UNRELATED_RUN
                   for _, src in self.archive):
                return a
        raise RuntimeError("could not write an article unrelated to the archive")

    def add(self, name, ext, shell: Article, body: MappedText, verdict, sources, case, note,
            src: Article | None = None, front_matter=True, feed=False):
        passages = body.passages(ob.evidence(src)) if src is not None else []
        if ext == "md":
            body = MappedText.new(f"# {shell.title}\n\n") + body
            passages = body.passages(ob.evidence(src)) if src is not None else []
        text = body.text
        if feed:
            ident = name
            file_text = shell.to_json(ident, body=text)
            path = f"feed.jsonl#{ident}"
            body_text = text.rstrip("\n")
        else:
            path = f"{name}.{ext}"
            file_text = text if ext == "md" else shell.render_txt(front_matter, body=text)
            body_text = text
        s = Suspect(path, verdict, sources, case, format_passages(passages), note, file_text, body_text, passages)
        (self.feed if feed else self.suspects).append(s)
        return s

    def fname(self, outlet):
        return f"{slug(outlet)}-{self.next_serial()}"

    # The cases, one method each -----------------------------------------------------------

    def verbatim(self):
        c = COPIER_OUTLETS
        p, a = self.pick(lambda a: self.protected(a) and not a.most_read, "verbatim-kept")
        rng = self.rng("verbatim-kept")
        shell = make_article(rng, c[1], a.topic, serial=self.next_serial(), published=later(a.published, rng),
                             notice=False)
        shell.title = a.title
        body = ob.assemble([ob.content(a), ob.block_text(a, "byline"), ob.block_text(a, "notice")])
        self.add(self.fname(c[1]), "txt", shell, body, "violation", [p], "verbatim-notice-kept",
                 "whole article copied with the source's byline and notice", a)

        p, a = self.pick(self.protected, "verbatim-removed")
        rng = self.rng("verbatim-removed")
        shell = make_article(rng, c[1], a.topic, serial=self.next_serial(), published=later(a.published, rng),
                             notice=False)
        shell.title = a.title
        body = ob.assemble([ob.content(a), shell.byline])
        self.add(self.fname(c[1]), "txt", shell, body, "violation", [p], "verbatim-notice-removed",
                 "whole article copied; source notice and byline removed, copier's byline added", a)

    def notice_replaced(self):
        c = COPIER_OUTLETS[0]
        p, a = self.pick(self.protected, "notice-replaced")
        rng = self.rng("notice-replaced")
        shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng),
                             notice=c.notice(c.notices[0]))
        shell.title = "[종합] " + a.title
        body = ob.assemble([ob.content(a), shell.byline, shell.notice])
        self.add(self.fname(c), "txt", shell, body, "violation", [p], "notice-replaced",
                 "whole article copied; the copier's own notice instead of the source's", a)

    def spacing(self):
        for k, (quotes, fullwidth, fm) in enumerate([("“”", False, True), ("‘’", True, False)], 1):
            c = COPIER_OUTLETS[2 + k % 2]
            p, a = self.pick(self.protected, f"spacing-{k}")
            rng = self.rng(f"spacing-{k}")
            shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng))
            shell.title = a.title.replace(",", "") if k == 1 else a.title + "…"
            mt = ob.edit_spacing(rng, ob.content(a), quotes=quotes, fullwidth=fullwidth)
            body = ob.assemble([mt, shell.byline, shell.notice])
            how = "spaces removed and added, commas dropped/added, quotes " + quotes + \
                  (", ASCII punctuation fullwidth" if fullwidth else "") + ("" if fm else "; no front matter")
            self.add(self.fname(c), "txt", shell, body, "violation", [p], "spacing-punctuation", how, a,
                     front_matter=fm)

    def particles(self):
        for k, fm in enumerate([True, False], 1):
            c = COPIER_OUTLETS[4 - k]
            p, a = self.pick(self.protected, f"particles-{k}")
            rng = self.rng(f"particles-{k}")
            shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng))
            shell.title = a.title
            mt = ob.edit_particles(rng, ob.content(a))
            body = ob.assemble([mt, shell.byline, shell.notice])
            self.add(self.fname(c), "txt", shell, body, "violation", [p], "particles-endings",
                     "은/는↔이/가 on nouns, 했다→하였다, 밝혔다→전했다 and other ending swaps" +
                     ("" if fm else "; no front matter"), a, front_matter=fm)

    def partial(self):
        for k, n_paras in enumerate([1, 2], 1):
            c = COPIER_OUTLETS[k]
            p, a = self.pick(lambda a: self.protected(a) and len(a.sentences) >= 10, f"partial-{k}")
            rng = self.rng(f"partial-{k}")
            paras = a.paragraphs
            # Long paragraphs from the middle of the source (never the lede), ≥ 150 characters.
            order = sorted(range(2, len(paras) - 1), key=lambda i: -len(paras[i]))
            idx = sorted(order[:n_paras] if n_paras == 1 else [order[0], order[0] + 2 if order[0] + 2 < len(paras) - 1 else order[0] - 2])
            host = self.host(rng, c, published=later(a.published, rng))
            host_paras = host.paragraphs
            at = 2 + int(rng.random() * (len(host_paras) - 3))
            blocks = [MappedText.new(t) for t in host_paras[:at]] + \
                     [ob.content(a, [i]) for i in idx] + \
                     [MappedText.new(t) for t in host_paras[at:]]
            body = ob.assemble(blocks + [host.byline, host.notice])
            copied = sum(len(paras[i]) for i in idx)
            self.add(self.fname(c), "txt", host, body, "violation", [p], "partial-copy",
                     f"{n_paras} source paragraph(s) ({copied} characters) inside an unrelated article", a,
                     front_matter=(k == 1))

    def reorder(self):
        c = COPIER_OUTLETS[4]
        p, a = self.pick(lambda a: self.protected(a) and not a.dateline, "reorder")
        rng = self.rng("reorder")
        shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng))
        shell.title = a.title
        body = ob.assemble([ob.reorder_sentences(rng, a), shell.byline, shell.notice])
        self.add(self.fname(c), "txt", shell, body, "violation", [p], "sentence-reorder",
                 "sentences shuffled within each paragraph", a)

    def reworded(self):
        c = COPIER_OUTLETS[0]
        p, a = self.pick(self.protected, "reword")
        rng = self.rng("reword")
        shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng))
        shell.title = a.title
        mt, replaced, total = ob.reword(rng, ob.content(a), 0.2)
        body = ob.assemble([mt, shell.byline, shell.notice])
        self.add(self.fname(c), "txt", shell, body, "violation", [p], "reworded",
                 f"{replaced} of {total} eojeol ({100 * replaced / total:.0f}%) replaced by synonyms", a)

    def reuse(self):
        c = COPIER_OUTLETS[1]
        p, a = self.pick(lambda a: a.notice is None, "reuse")
        rng = self.rng("reuse")
        shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng),
                             notice=False)
        shell.title = a.title
        body = ob.assemble([ob.content(a), shell.byline])
        self.add(self.fname(c), "txt", shell, body, "reuse", [p], "copy-of-unprotected",
                 "whole article copied from an archive article that carries no notice", a)

    def shared_boilerplate(self):
        # A new article by the same outlet: same notice line.
        p, a = self.pick(lambda a: self.protected(a) and not a.most_read, "shares-notice")
        rng = self.rng("shares-notice")
        other = [t for t in TOPIC_NAMES if t != a.topic]
        h = self.host(rng, a.outlet, topic=other[int(rng.random() * len(other))], notice=a.notice)
        self.add(self.fname(a.outlet), "txt", h, MappedText.new(h.body), "clean", [], "shares-notice",
                 f"unrelated article; same notice line as {p}")
        # Same reporter and byline, a different story.
        p, a = self.pick(lambda a: a.byline and "@" in a.byline and not a.dateline, "shares-byline")
        rng = self.rng("shares-byline")
        h = self.host(rng, a.outlet, topic=a.topic, notice=False)
        h.reporter, h.byline = a.reporter, a.byline
        self.add(self.fname(a.outlet), "txt", h, MappedText.new(h.body), "clean", [], "shares-byline",
                 f"unrelated article on the same topic; same byline as {p}")
        # Same "most read" list (and notice) as an archive article of the same outlet.
        p, a = self.pick(lambda a: bool(a.most_read), "shares-most-read")
        rng = self.rng("shares-most-read")
        h = self.host(rng, a.outlet, notice=a.notice)
        h.most_read = a.most_read
        self.add(self.fname(a.outlet), "txt", h, MappedText.new(h.body), "clean", [], "shares-most-read",
                 f"unrelated article; same notice and '많이 본 뉴스' list as {p}")

    def same_event(self):
        c = COPIER_OUTLETS[3]
        p, a = self.pick(lambda a: '"' in a.body and self.protected(a), "same-event")
        rng = self.rng("same-event")
        quote = next(q for q in _quotes(a) if 15 <= len(q) < 60)
        number = _first_number(a)
        for attempt in range(50):
            b = make_article(rng, c, a.topic, context=a.context, serial=self.next_serial(),
                             published=later(a.published, rng, (0, 1)))
            ex = Expander(rng, TOPICS[a.topic], COMMON, b.context)
            b.sentences[1].append(ex("[이번에 공개된|관계자가 밝힌|알려진] 핵심 수치는 ") + josa(number, "이다") + ".")
            b.sentences[2].insert(0, f'"{quote}"라고 ' + ex("{SPK/은} 말했다."))
            run = longest_common_run("\n".join(b.paragraphs).replace(quote, "\0"),
                                     "\n".join(a.paragraphs).replace(quote, "\1"))
            if run < MAX_UNRELATED_RUN:
                break
        else:
            raise RuntimeError("same-event article kept sharing long runs")
        body = MappedText.new(b.body)
        self.add(self.fname(c), "txt", b, body, "clean", [], "same-event-independent",
                 f"independent report of the event in {p}: same people, place and figure ({number}), "
                 f"shared quote of {len(quote)} characters, longest other shared run {run} characters")

    def short_quote(self):
        c = COPIER_OUTLETS[2]
        p, a = self.pick(self.protected, "short-quote")
        rng = self.rng("short-quote")
        body_text = a.body
        start, sentence = next((s, t) for s, t in _sentence_spans(a)
                               if 50 <= len(t) - 1 < 100 and '"' not in t and t.split()[0] not in _OPENER_WORDS)
        quoted = sentence[:-1]  # without the final period
        h = self.host(rng, c, topic=a.topic, published=later(a.published, rng))
        paras = h.paragraphs
        at = 1 + int(rng.random() * (len(paras) - 2))
        lead = MappedText.new(f'{a.outlet.name}에 따르면 "')
        quote = MappedText.copied(quoted, start)
        tail = MappedText.new('"고 한다. ' + paras[at])
        assert body_text[start:start + len(quoted)] == quoted
        blocks = [MappedText.new(t) for t in paras[:at]] + [lead + quote + tail] + \
                 [MappedText.new(t) for t in paras[at + 1:]]
        body = ob.assemble(blocks + [h.byline, h.notice])
        self.add(self.fname(c), "txt", h, body, "clean", [p], "short-quote-credited",
                 f"one sentence ({len(quoted)} characters) quoted with a credit line naming {a.outlet.name}; "
                 f"below the 150-character substantiality threshold", a)

    def markdown(self):
        c = COPIER_OUTLETS[4]
        p, a = self.pick(self.protected, "markdown")
        rng = self.rng("markdown")
        shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng),
                             notice=False)
        shell.title = a.title
        body = ob.assemble([ob.content(a), shell.byline])
        self.add(self.fname(c), "md", shell, body, "violation", [p], "verbatim-markdown",
                 "whole article copied into Markdown (`# title` heading, no front matter; "
                 "offsets count from the file's first character)", a)

    def unrelated(self):
        c = COPIER_OUTLETS[0]
        rng = self.rng("unrelated")
        h = self.host(rng, c)
        self.add(self.fname(c), "txt", h, MappedText.new(h.body), "clean", [], "unrelated",
                 "an unrelated article (control)")

    def feed_entries(self):
        c = COPIER_OUTLETS[5]
        rng = self.rng("feed")
        p, a = self.pick(self.protected, "feed-copy")
        shell = make_article(rng, c, a.topic, serial=self.next_serial(), published=later(a.published, rng),
                             notice=False)
        shell.title = a.title
        entries = [("copy", shell, ob.assemble([ob.content(a), shell.byline]), a, p)]
        for k in range(2):
            h = self.host(rng, c, notice=False)
            entries.append(("new", h, MappedText.new(h.body), None, None))
        order = [0, 1, 2]
        rng.shuffle(order)
        for n, i in enumerate(order, 1):
            kind, shell, body, src, p = entries[i]
            ident = f"moanaru-{self.next_serial()}"
            if kind == "copy":
                self.add(ident, "jsonl", shell, body, "violation", [p], "jsonl-copy",
                         "feed entry: whole article copied, notice removed", src, feed=True)
            else:
                self.add(ident, "jsonl", shell, body, "clean", [], "jsonl-unrelated", "feed entry: unrelated",
                         feed=True)

    def build(self):
        self.verbatim()
        self.notice_replaced()
        self.spacing()
        self.particles()
        self.partial()
        self.reorder()
        self.reworded()
        self.reuse()
        self.shared_boilerplate()
        self.same_event()
        self.short_quote()
        self.markdown()
        self.unrelated()
        self.feed_entries()
        return self.suspects, self.feed


_OPENER_WORDS = {w.strip() for w in COMMON["open"] + COMMON["open_f"] if w.strip()} | {"이에", "이와", "이", "동시에"}


def _quotes(a: Article):
    body = a.body
    i = 0
    while True:
        i = body.find('"', i)
        if i < 0:
            return
        j = body.find('"', i + 1)
        if j < 0:
            return
        yield body[i + 1:j]
        i = j + 1


def _first_number(a: Article) -> str:
    import re
    m = re.search(r"\d[\d,.]*(?:조\d천억원|억\d천만원|억원|천\d00만원|만원|명|가구|%)", " ".join(a.paragraphs))
    return m.group(0) if m else "100명"


def _sentence_spans(a: Article):
    """(offset in body, sentence) for every content sentence."""
    for block, sents in zip([b for b in a.layout() if b.kind == "content"], a.sentences):
        pos = block.start + (len(a.dateline) if block.index == 0 else 0)
        for s in sents:
            yield pos, s
            pos += len(s) + 1


# --- writing --------------------------------------------------------------------------------

EXPECTED_HEADER = "path\tverdict\tsources\tcase\tcopied\tnote"


def expected_tsv(suspects: list[Suspect]) -> str:
    rows = [EXPECTED_HEADER]
    for s in suspects:
        rows.append("\t".join([s.path, s.verdict, ",".join(s.sources) or "-", s.case, s.copied, s.note]))
    return "\n".join(rows) + "\n"


def archive_tsv(archive) -> str:
    rows = ["path\toutlet\ttopic\tnotice_form\tnotice\tdateline\tmost_read\tcontent_chars"]
    for p, a in archive:
        lo, hi = a.content_range()
        rows.append("\t".join([p, a.outlet.name, a.topic, a.notice_form or "-", a.notice or "-",
                               "yes" if a.dateline else "no", "yes" if a.most_read else "no", str(hi - lo)]))
    return "\n".join(rows) + "\n"


def generate(seed: int = SEED):
    """Everything the corpus holds, as {relative path: text}, plus the objects for checks."""
    archive = build_archive(seed)
    suspects, feed = Incoming(seed, archive).build()
    files = {f"archive/{p}": a.render_txt() for p, a in archive}
    for s in suspects:
        files[f"incoming/{s.path}"] = s.text
    files["incoming/feed.jsonl"] = "".join(s.text + "\n" for s in feed)
    files["incoming/EXPECTED.tsv"] = expected_tsv(suspects + feed)
    files["ARCHIVE.tsv"] = archive_tsv(archive)
    from .readme import corpus_readme
    files["README.md"] = corpus_readme(seed, archive, suspects + feed)
    return files, archive, suspects + feed


def write(root, files: dict) -> None:
    """Replaces the generated parts of `root` (archive/, incoming/, the two TSVs, README.md)."""
    import shutil
    from pathlib import Path
    root = Path(root)
    for d in ("archive", "incoming"):
        if (root / d).exists():
            shutil.rmtree(root / d)
    for rel, text in sorted(files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
