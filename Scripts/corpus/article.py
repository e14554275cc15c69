"""One synthetic article: how it is made (`make_article`) and how it is written to a file.

The body is laid out as blocks separated by a blank line: the content paragraphs (the first
may open with a wire dateline or a bracket credit), then the byline, the notice and the
"most read" list when present. `Article.layout()` gives each block's code-point range in the
body, so obfuscations can tell copied content from copied boilerplate.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .grammar import Expander
from .outlets import Outlet
from .people import Person, make_person
from .topics import TOPICS, TOPIC_NAMES
from .vocab import COMMON

LENGTHS = {"short": (4, 6), "typical": (8, 11), "long": (11, 12)}


@dataclass
class Block:
    kind: str      # content | byline | notice | most_read
    start: int
    end: int
    index: int     # paragraph number for content blocks


@dataclass
class Article:
    outlet: Outlet
    topic: str
    title: str
    sentences: list            # list[list[str]]: content paragraphs as sentences
    reporter: Person
    published: str             # ISO 8601 with +09:00
    url: str
    dateline: str = ""         # prefix of the first paragraph, e.g. "(서울=한빛통신) 홍길동 기자 = "
    byline: str | None = None
    notice: str | None = None
    notice_form: str | None = None
    most_read: list | None = None
    context: dict = field(default_factory=dict, repr=False)  # the sticky slots (for same-event rewrites)

    @property
    def paragraphs(self) -> list[str]:
        paras = [" ".join(s) for s in self.sentences]
        if self.dateline and paras:
            paras[0] = self.dateline + paras[0]
        return paras

    def blocks(self) -> list[tuple[str, str]]:
        out = [("content", p) for p in self.paragraphs]
        if self.byline:
            out.append(("byline", self.byline))
        if self.notice:
            out.append(("notice", self.notice))
        if self.most_read:
            out.append(("most_read", "\n".join([self.outlet.most_read_header] +
                                               [f"{i}. {t}" for i, t in enumerate(self.most_read, 1)])))
        return out

    @property
    def body(self) -> str:
        return "\n\n".join(text for _, text in self.blocks()) + "\n"

    def layout(self) -> list[Block]:
        pos, out, n = 0, [], 0
        for kind, text in self.blocks():
            out.append(Block(kind, pos, pos + len(text), n if kind == "content" else -1))
            if kind == "content":
                n += 1
            pos += len(text) + 2
        return out

    def content_range(self) -> tuple[int, int]:
        """From the first content character to the end of the last content paragraph."""
        content = [b for b in self.layout() if b.kind == "content"]
        return content[0].start, content[-1].end

    def front_matter(self) -> str:
        return (f"---\ntitle: {self.title}\noutlet: {self.outlet.name}\npublished: {self.published}\n"
                f"url: {self.url}\n---\n")

    def render_txt(self, front_matter: bool = True, body: str | None = None) -> str:
        return (self.front_matter() if front_matter else "") + (self.body if body is None else body)

    def render_md(self, body: str | None = None) -> str:
        """Markdown without front matter: the title as a heading, then the body."""
        return f"# {self.title}\n\n" + (self.body if body is None else body)

    def to_json(self, ident: str, body: str | None = None) -> str:
        text = (self.body if body is None else body).rstrip("\n")
        return json.dumps({"id": ident, "url": self.url, "outlet": self.outlet.name, "title": self.title,
                           "published": self.published, "text": text}, ensure_ascii=False)


def _published(rng) -> str:
    y = 2025 if rng.random() < 0.5 else 2026
    m = 1 + int(rng.random() * (12 if y == 2025 else 6))
    d = 1 + int(rng.random() * 28)
    return f"{y}-{m:02d}-{d:02d}T{6 + int(rng.random() * 16):02d}:{int(rng.random() * 12) * 5:02d}:00+09:00"


def _shuffled(rng, items):
    items = list(items)
    rng.shuffle(items)
    return items


def _byline_and_dateline(rng, outlet: Outlet, reporter: Person, city: str):
    email = f"{reporter.email_local(outlet.email_style)}@{outlet.domain}"
    byline = outlet.byline.format(name=reporter.name, email=email)
    if outlet.credit == "wire":
        return f"({city}={outlet.name}) {reporter.name} 기자 = ", byline
    if outlet.credit == "bracket":
        return f"[{outlet.name} {reporter.name} 기자] ", byline
    return "", byline


def make_headline(rng, topic: str | None = None) -> str:
    """A headline on its own (for "most read" lists)."""
    topic = topic or TOPIC_NAMES[int(rng.random() * len(TOPIC_NAMES))]
    vocab = TOPICS[topic]
    ex = Expander(rng, vocab, COMMON)
    return ex(vocab["title"][int(rng.random() * len(vocab["title"]))])


def make_sentences(ex: Expander, vocab: dict, n_paragraphs: int, rng) -> list[list[str]]:
    """The content paragraphs: a lede, then details, figures, quotes and context, each sentence
    frame used at most once until the pool runs dry."""
    pool = _shuffled(rng, vocab["detail"] + vocab["stat"] + COMMON["generic"] + vocab["stat"])
    quotes = _shuffled(rng, COMMON["quote"])
    experts = _shuffled(rng, COMMON["expert"])
    lede = vocab["lede"][int(rng.random() * len(vocab["lede"]))]
    paras: list[list[str]] = [[ex(lede)]]
    if rng.random() < 0.6:
        paras[0].append(ex(pool.pop()))
    quote_at = {1 + int(rng.random() * (n_paragraphs - 1)), n_paragraphs - 1 - int(rng.random() * 2)}
    expert_at = 2 + int(rng.random() * max(1, n_paragraphs - 3)) if rng.random() < 0.6 else -1
    for i in range(1, n_paragraphs):
        sents = []
        if i in quote_at and quotes:
            sents.append(ex(quotes.pop()))
        elif i == expert_at and experts:
            sents.append(ex(experts.pop()))
        want = 3 + int(rng.random() * 4) - len(sents)
        for _ in range(max(0, want)):
            if not pool:
                pool = _shuffled(rng, vocab["detail"] + vocab["stat"] + COMMON["generic"])
            sents.append(ex(pool.pop()))
        if rng.random() < 0.5:
            sents.reverse()  # a quote sometimes closes its paragraph
        paras.append(sents)
    return paras


def make_article(rng, outlet: Outlet, topic: str, *, length: str = "typical", serial: int | None = None,
                 context: dict | None = None, published: str | None = None, notice: str | None | bool = True,
                 most_read: list | None = None) -> Article:
    """A new article. `rng` is a random.Random; the same rng state gives the same article.

    context: sticky slot values to reuse (another article's `context`), for a second article
    about the same event. notice: True = the outlet's own choice (it may print none), False =
    none, or the exact notice text.
    """
    vocab = TOPICS[topic]
    ctx = {} if context is None else _fresh_context(context)
    ex = Expander(rng, vocab, COMMON, ctx)
    lo, hi = LENGTHS[length]
    n = lo + int(rng.random() * (hi - lo + 1))
    sentences = make_sentences(ex, vocab, n, rng)
    title = ex(vocab["title"][int(rng.random() * len(vocab["title"]))])
    reporter = make_person(rng)
    published = published or _published(rng)
    serial = serial if serial is not None else 100000 + int(rng.random() * 900000)
    dateline, byline = _byline_and_dateline(rng, outlet, reporter, ex.slot("CITY"))
    if notice is True:
        form, text = outlet.pick_notice(rng)
    elif notice:
        form, text = "given", notice
    else:
        form, text = None, None
    return Article(outlet, topic, title, sentences, reporter, published, outlet.article_url(serial, published),
                   dateline, byline, text, form, most_read, ctx)


def _fresh_context(context: dict) -> dict:
    """A copy of another article's sticky slots with every person "not yet introduced"."""
    out = {}
    for k, v in context.items():
        if isinstance(v, list):
            v = list(v)
            v[-1] = False
        out[k] = v
    return out
