"""A tiny template language for news sentences.

    literal text
    {name}        expand slot `name` (a list of templates, a callable, or a sticky value)
    {name/을}     ... followed by the particle that agrees with the expansion (을/를, 은/는, …)
    [a|b|c]       one of the alternatives, each itself a template; [a|] makes `a` optional

Slots are looked up in the article's topic vocabulary first, then the common vocabulary.
Slot names that start with an upper-case letter are sticky: expanded once per article and
reused (the article's city, main organisation, main person), so one article stays about one
thing. Templates are parsed once and cached; expansion is a walk over the parsed nodes.
"""
from __future__ import annotations

from .korean import josa

_cache: dict[str, list] = {}


def parse(template: str) -> list:
    nodes = _cache.get(template)
    if nodes is None:
        nodes, end = _parse(template, 0, top=True)
        if end != len(template):
            raise ValueError(f"unbalanced template: {template!r}")
        _cache[template] = nodes
    return nodes


def _parse(t: str, i: int, top: bool):
    """Nodes: str (literal), ('s', name, particle), ('a', [alternatives])."""
    nodes: list = []
    buf: list[str] = []
    n = len(t)
    while i < n:
        c = t[i]
        if c == "{":
            j = t.index("}", i)
            spec = t[i + 1:j]
            name, _, particle = spec.partition("/")
            if buf:
                nodes.append("".join(buf))
                buf = []
            nodes.append(("s", name, particle))
            i = j + 1
        elif c == "[":
            if buf:
                nodes.append("".join(buf))
                buf = []
            alts = []
            i += 1
            while True:
                alt, i = _parse(t, i, top=False)
                alts.append(alt)
                if i >= n:
                    raise ValueError(f"unclosed [ in {t!r}")
                if t[i] == "|":
                    i += 1
                    continue
                i += 1  # past ']'
                break
            nodes.append(("a", alts))
        elif not top and c in "|]":
            break
        else:
            buf.append(c)
            i += 1
    if buf:
        nodes.append("".join(buf))
    return nodes, i


class Expander:
    """Expands templates against a topic vocabulary, the common vocabulary and an article's
    sticky context."""

    __slots__ = ("rng", "vocab", "common", "ctx")

    def __init__(self, rng, vocab: dict, common: dict, ctx: dict | None = None):
        self.rng = rng
        self.vocab = vocab
        self.common = common
        self.ctx = {} if ctx is None else ctx

    def __call__(self, template: str) -> str:
        out: list[str] = []
        self._walk(parse(template), out)
        return "".join(out)

    def slot(self, name: str) -> str:
        ctx = self.ctx
        if name in ctx:
            return ctx[name]
        src = self.vocab.get(name)
        if src is None:
            src = self.common.get(name)
            if src is None:
                raise KeyError(f"no slot {name!r}")
        if callable(src):
            value = src(self)
        else:
            value = self(src[int(self.rng.random() * len(src))])
        if name[0].isupper():
            ctx[name] = value
        return value

    def has(self, name: str) -> bool:
        return name in self.ctx or name in self.vocab or name in self.common

    def _walk(self, nodes: list, out: list[str]) -> None:
        rnd = self.rng.random
        for node in nodes:
            if node.__class__ is str:
                out.append(node)
            elif node[0] == "s":
                value = self.slot(node[1])
                out.append(josa(value, node[2]) if node[2] else value)
            else:
                alts = node[1]
                self._walk(alts[int(rnd() * len(alts))], out)
