"""Text that remembers where each character came from.

A `MappedText` is a list of characters, each with the code-point offset it had in the source
body (or -1 when the copier wrote it). Obfuscations edit the list; `passages()` turns the
origins back into ground-truth passages `(suspect_start, suspect_end, source_start,
source_end)`, so every span in EXPECTED.tsv is computed from how the copy was built.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MappedText:
    chars: list
    origin: list

    @classmethod
    def copied(cls, text: str, start: int) -> "MappedText":
        return cls(list(text), list(range(start, start + len(text))))

    @classmethod
    def new(cls, text: str) -> "MappedText":
        return cls(list(text), [-1] * len(text))

    def __add__(self, other: "MappedText") -> "MappedText":
        return MappedText(self.chars + other.chars, self.origin + other.origin)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def __len__(self) -> int:
        return len(self.chars)

    def passages(self, evidence=None, gap: int = 12) -> list[tuple[int, int, int, int]]:
        """Copied passages. `evidence(o)` says whether source offset `o` counts (content, not
        boilerplate); characters that do not count are treated as new text.

        First, runs that advance together on both sides (each step at most `gap` characters on
        either side, which absorbs inserted spaces, dropped commas and replaced words). Then
        runs whose source ranges touch or nearly touch are joined, so sentences moved within a
        paragraph still make one passage, while paragraphs copied from far apart in the source
        stay separate.
        """
        runs = []  # [s0, s1, o0, o1]
        last_s = last_o = None
        for s, o in enumerate(self.origin):
            if o < 0 or (evidence is not None and not evidence(o)):
                continue
            if last_s is not None and s - last_s <= gap and 0 < o - last_o <= gap:
                runs[-1][1] = s + 1
                runs[-1][3] = o + 1
            else:
                runs.append([s, s + 1, o, o + 1])
            last_s, last_o = s, o
        passages = []
        for group in _split(runs, lambda a, b: b[0] - a[1] > gap):
            if _coverage(group) >= 0.9:
                passages.append(_box(group))
            else:  # copied from places far apart in the source: one passage per place
                passages.extend(_box(g) for g in _split(group, lambda a, b: not _near(a, b, gap)))
        return passages

    def copied_count(self, evidence=None) -> int:
        return sum(1 for o in self.origin if o >= 0 and (evidence is None or evidence(o)))


def format_passages(passages, shift: int = 0) -> str:
    """EXPECTED.tsv form: `s0-s1:o0-o1` joined by commas, or `-`."""
    if not passages:
        return "-"
    return ",".join(f"{s0 + shift}-{s1 + shift}:{o0}-{o1}" for s0, s1, o0, o1 in passages)


def _split(runs, cut):
    """Consecutive runs grouped, a new group wherever `cut(previous, next)` holds."""
    groups = []
    for r in runs:
        if groups and not cut(groups[-1][-1], r):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def _near(a, b, gap):
    return b[2] <= a[3] + gap and b[3] >= a[2] - gap


def _box(group):
    return (group[0][0], group[-1][1], min(r[2] for r in group), max(r[3] for r in group))


def _coverage(group) -> float:
    """Share of the group's source box that its runs cover."""
    spans = sorted((r[2], r[3]) for r in group)
    covered, end = 0, -1
    for a, b in spans:
        if b > end:
            covered += b - max(a, end)
            end = b
    lo, hi = spans[0][0], max(b for _, b in spans)
    return covered / (hi - lo)
