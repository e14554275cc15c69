"""evalset — a PAN-style text-reuse evaluation set for copyscan, built from a seed.

    from evalset.make import make
    make(out_dir, seed=1, size="small", realworld=Path("../shared/realworld"), law="auto")

writes into `out_dir`:

- `sources/*.txt`: the indexed documents — sources of the cases (most with a notice in one of
  the corpus's forms, some with none or a bare reservation) and distractors (more generated
  articles, and borrowed texts no case used). No two share a run of 40 normalised characters.
- `suspects/*.txt|*.html`: one file per case, named `<obfuscation>-<n>.<ext>`.
- `truth.json`: every case with its obfuscation, expected verdict (`violation` when the source's
  notice forbids republication, `reuse` when it has none or only reserves rights, `clean` for
  negatives), the source(s) and the copied passages `{source, suspect: [s0, s1], sourceRange:
  [o0, o1]}` in Unicode code points of each body (the text after the front matter). HTML
  suspects give their passages in a virtual body — the copied paragraphs joined by blank lines —
  with `htmlParagraphs` [[start, text]] so a scorer can locate them in whatever body the HTML
  extractor produces.

Obfuscations (`build.POSITIVE`): verbatim (notice and byline kept), notice-removed,
notice-replaced (the copier's own notice), spacing (띄어쓰기, commas, quote styles, fullwidth),
particles (은/는↔이/가, 했다→하였다 …), reorder (sentences within paragraphs), partial (one or
two paragraphs of ≥ 200 characters inside an unrelated article), half (the first or second half
of the paragraphs), html (the whole article in another site's template), reword (a fifth of the
eojeol changed: synonyms, then endings). Negatives: neg-boilerplate (an unrelated article of the
source's outlet with the same notice, "많이 본 뉴스" list and/or footer; two in three without
front matter) and neg-same-event (the same event written independently: same people, place
and figure, one shared short quote).

Texts: the corpus generator (Scripts/corpus), and when present the real pages' expected texts
(`realworld/html/ko/**/*.expected.json`) and the Korean Constitution from the konlpy 0.6.0
wheel; every fifth case of an obfuscation other than reword copies a borrowed text. Borrowed
texts are only ever written into the temporary evaluation folder.
"""
