"""corpus — synthetic Korean news, copy obfuscations with ground-truth spans, and the corpus
copyscan is tested on. Standard library only (Python 3.11).

README
======

Everything is synthetic and fictional: outlets, people, companies, teams, universities and
parties are invented by combination; domains end in `.example`; real city names are used as
places. Notices follow the forms common in Korean news, composed with fictional names.

Making articles
---------------
    import random
    from corpus import make_article, ARCHIVE_OUTLETS, COPIER_OUTLETS, OUTLETS, TOPIC_NAMES

    rng = random.Random(42)                      # all randomness comes from this object
    a = make_article(rng, OUTLETS["한빛일보"], "economy", length="typical")
    a.title, a.paragraphs, a.sentences           # str, [str], [[str]]
    a.dateline, a.byline, a.notice, a.most_read  # "" / str | None / str | None / [str] | None
    a.body                                       # the text every offset refers to
    a.layout()                                   # [Block(kind, start, end, index)] in code points
    a.render_txt(front_matter=True), a.render_md(), a.to_json(ident)

`make_article(rng, outlet, topic, *, length="short"|"typical"|"long", serial=None,
context=None, published=None, notice=True|False|"text", most_read=None)`.
Topics: economy, politics, local, sports, culture, science, weather, realestate, health,
education. Typical articles have 8–11 paragraphs and about 1,200 Hangul syllables (median;
short 4–6 paragraphs, long 11–12). `context=other.context` writes a second, independently
worded article about the same event (same people, organisation, city).
`make_headline(rng, topic=None)` gives a headline alone. `Outlet.notice(form)` renders one
of `NOTICE_FORMS` (keys such as "bracket", "angle", "collect", "reserved", "ai", "copying",
"fullwidth", …) for an outlet; `PERMISSIVE_FORMS` are the ones that forbid nothing.

Copies and their ground truth
-----------------------------
A `MappedText` is text in which every character remembers its offset in the source body, or
-1 for text the copier wrote. Build copies from pieces and obfuscate them:

    from corpus import obfuscate as ob
    mt = ob.content(src)                         # all content paragraphs, copied
    mt = ob.content(src, [3, 5])                 # some paragraphs
    mt = ob.edit_spacing(rng, mt, remove=.25, add=.08, quotes="“”", fullwidth=False)
    mt = ob.edit_particles(rng, mt)              # 은/는↔이/가, 했다→하였다, 밝혔다→전했다 …
    mt = ob.reorder_sentences(rng, src)          # sentences shuffled within paragraphs
    mt, replaced, total = ob.reword(rng, mt, 0.2)  # eojeol replaced by synonyms
    body = ob.assemble([mt, "홍길동 기자", "[저작권자ⓒ …]"])   # blocks + blank lines + "\n"
    body.text                                    # the suspect's body
    body.passages(ob.evidence(src))              # [(susp_start, susp_end, src_start, src_end)]
    format_passages(...)                         # "s0-s1:o0-o1,…" as in EXPECTED.tsv

`evidence(src)` limits passages to the source's content (a copied notice, byline or
headline list is boilerplate, not evidence). Passages absorb gaps of up to 12 characters on
either side, and join pieces whose source ranges touch (moved sentences), while paragraphs
copied from far apart in the source stay separate passages.

Similarity and near-duplicates (benchmark)
------------------------------------------
    from corpus.similarity import normalize, shingles, jaccard, containment, longest_common_run
    from corpus.neardup import plant_near_duplicate
    dup, j = plant_near_duplicate(rng, a.body, 0.8)   # j = exact Jaccard of 5-shingles

`normalize` is NFKC + lower case + letters and digits only: "5-character shingles of
whitespace-and-punctuation-free text". `plant_near_duplicate` replaces random eojeol until
the Jaccard is as close to the target as one word allows and returns the exact value.

The corpus
----------
`Scripts/generate-corpus` writes Corpus/ from `build.SEED` (byte-identical every run);
`--check` regenerates in memory, compares with Corpus/ and runs `checks`; `--speed N`
times N articles. `build.generate(seed)` returns {path: text} plus the archive and suspects.

Speed, measured with `Scripts/generate-corpus --speed 20000` (CPython 3.11.7, the project's
2-core machine, other builds running): 20,000 typical articles in 9.7 s, 11.3 s and 21.3 s over
three runs (0.48–1.06 ms an article, 1,885 characters on average).

Overlap between unrelated articles, measured by `--check` over 120 generated articles:
5-shingle containment of one article in another averages 0.14 for the same topic (p95 0.19,
max 0.25) and 0.06 across topics; the longest common run of normalised characters has a median
of 14 and a maximum of 37 (from shared stock phrases, never whole sentences).
"""
from .article import Article, Block, make_article, make_headline
from .mapped import MappedText, format_passages
from .outlets import ARCHIVE_OUTLETS, COPIER_OUTLETS, NOTICE_FORMS, OUTLETS, PERMISSIVE_FORMS, Outlet
from .topics import TOPIC_NAMES

__all__ = ["Article", "Block", "make_article", "make_headline", "MappedText", "format_passages",
           "ARCHIVE_OUTLETS", "COPIER_OUTLETS", "NOTICE_FORMS", "OUTLETS", "PERMISSIVE_FORMS", "Outlet",
           "TOPIC_NAMES"]
