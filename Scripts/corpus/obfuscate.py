"""Ways a copier changes a copied article, each returning a `MappedText` whose origins record
which source characters survived. Edits are token-level (an eojeol is a run of non-space
characters); edited characters become new text (-1), untouched ones keep their origin."""
from __future__ import annotations

import re

from .article import Article
from .korean import JOSA, is_hangul, josa
from .mapped import MappedText
from .topics import TOPICS
from .vocab import COMMON


# --- copying whole blocks -------------------------------------------------------------------

def content(article: Article, paragraphs=None) -> MappedText:
    """The article's content paragraphs (all, or the given indices) as copied text, joined by
    a blank line. The separators between consecutive source paragraphs keep their origin."""
    blocks = [b for b in article.layout() if b.kind == "content"]
    if paragraphs is not None:
        blocks = [blocks[i] for i in paragraphs]
    body = article.body
    out = MappedText([], [])
    prev = None
    for b in blocks:
        if prev is not None:
            sep = MappedText.copied("\n\n", prev.end) if b.start == prev.end + 2 else MappedText.new("\n\n")
            out = out + sep
        out = out + MappedText.copied(body[b.start:b.end], b.start)
        prev = b
    return out


def block_text(article: Article, kind: str) -> MappedText | None:
    for b in article.layout():
        if b.kind == kind:
            return MappedText.copied(article.body[b.start:b.end], b.start)
    return None


def assemble(parts) -> MappedText:
    """Blocks (MappedText or str, None skipped) joined by blank lines, ending with a newline."""
    out = MappedText([], [])
    first = True
    for p in parts:
        if p is None:
            continue
        if isinstance(p, str):
            p = MappedText.new(p)
        if not first:
            out = out + MappedText.new("\n\n")
        out = out + p
        first = False
    return out + MappedText.new("\n")


def evidence(article: Article):
    """Source offsets that count as copied text: the content paragraphs, not the byline,
    notice or headline list."""
    lo, hi = article.content_range()
    return lambda o: lo <= o < hi


# --- token helpers --------------------------------------------------------------------------

def _tokens(mt: MappedText):
    """(start, end) of each run of non-whitespace characters."""
    out, start = [], None
    for i, ch in enumerate(mt.chars):
        if ch.isspace():
            if start is not None:
                out.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(mt.chars)))
    return out


def _replace(mt: MappedText, start: int, end: int, text: str) -> None:
    mt.chars[start:end] = list(text)
    mt.origin[start:end] = [-1] * len(text)


_TRAIL = "\"'.,!?)…”’」"


def _split_trail(token: str):
    """Word and the punctuation that closes it: ('밝혔다', '.')."""
    i = len(token)
    while i > 0 and token[i - 1] in _TRAIL:
        i -= 1
    return token[:i], token[i:]


# --- spacing and punctuation ----------------------------------------------------------------

_FULLWIDTH = {"%": "％", "(": "（", ")": "）", ",": "，", "~": "～", "=": "＝"}
_OPENERS = ("한편", "특히", "또", "아울러", "다만", "이에", "앞서", "실제로", "그동안", "동시에")


def edit_spacing(rng, mt: MappedText, remove: float = 0.25, add: float = 0.08, quotes: str = "“”",
                 drop_commas: float = 0.5, add_commas: float = 0.7, fullwidth: bool = False) -> MappedText:
    """Spaces removed between eojeol and added inside them, commas dropped and added, quotes
    restyled, optionally ASCII punctuation turned fullwidth."""
    mt = MappedText(list(mt.chars), list(mt.origin))
    chars = mt.chars
    # Quotes pair up left to right; replacing them first keeps every index valid.
    quote_marks = [i for i, ch in enumerate(chars) if ch == '"']
    for n, qi in enumerate(quote_marks):
        _replace(mt, qi, qi + 1, quotes[n % 2])
    # Right to left so earlier indices stay valid.
    i = len(chars) - 1
    while i >= 0:
        ch = chars[i]
        if ch == " " and 0 < i < len(chars) - 1 and is_hangul(chars[i - 1]) and is_hangul(chars[i + 1]) \
                and rng.random() < remove:
            del chars[i]
            del mt.origin[i]
        elif ch == "," and rng.random() < drop_commas:
            del chars[i]
            del mt.origin[i]
        elif fullwidth and ch in _FULLWIDTH:
            _replace(mt, i, i + 1, _FULLWIDTH[ch])
        elif is_hangul(ch) and i > 0 and is_hangul(chars[i - 1]) and i + 1 < len(chars) \
                and is_hangul(chars[i + 1]) and rng.random() < add / 3:
            chars.insert(i, " ")
            mt.origin.insert(i, -1)
        i -= 1
    for start, end in reversed(_tokens(mt)):
        word = "".join(mt.chars[start:end])
        if word in _OPENERS and rng.random() < add_commas:
            mt.chars.insert(end, ",")
            mt.origin.insert(end, -1)
    return mt


# --- particles and endings ------------------------------------------------------------------

def _nouns():
    words = set()
    for vocab in list(TOPICS.values()) + [COMMON]:
        for v in vocab.values():
            if isinstance(v, list):
                for item in v:
                    if isinstance(item, str):
                        words.update(w for w in re.findall(r"[가-힣]{2,}", re.sub(r"\{[^}]*\}", " ", item)))
    return words


_NOUNS = None
_TOPIC_SWAP = {"은": "이", "는": "이", "이": "은", "가": "은"}
ENDING_SWAPS = [("밝혔다", "전했다"), ("말했다", "언급했다"), ("나타났다", "드러났다"), ("집계됐다", "집계되었다"),
                ("됐다", "되었다"), ("했다고", "하였다고"), ("했다", "하였다"), ("전망이다", "예상된다"),
                ("계획이다", "예정이다"), ("방침이다", "계획이다"), ("했고", "하였고"), ("됐으며", "되었으며")]


def edit_particles(rng, mt: MappedText, particles: float = 0.6, endings: float = 0.8) -> MappedText:
    """Topic and subject particles swapped (은/는 ↔ 이/가) on known nouns, and sentence
    endings changed (했다→하였다, 밝혔다→전했다, …)."""
    global _NOUNS
    if _NOUNS is None:
        _NOUNS = _nouns()
    mt = MappedText(list(mt.chars), list(mt.origin))
    for start, end in reversed(_tokens(mt)):
        word, trail = _split_trail("".join(mt.chars[start:end]))
        wend = start + len(word)
        for old, new in ENDING_SWAPS:
            if word.endswith(old) and len(word) > len(old) - 1 and rng.random() < endings:
                _replace(mt, wend - len(old), wend, new)
                break
        else:
            if len(word) >= 3 and word[-1] in _TOPIC_SWAP and word[:-1] in _NOUNS and rng.random() < particles:
                stem = word[:-1]
                swapped = josa(stem, _TOPIC_SWAP[word[-1]])
                _replace(mt, wend - 1, wend, swapped[len(stem):])
    return mt


# --- reordering -----------------------------------------------------------------------------

def reorder_sentences(rng, article: Article) -> MappedText:
    """Each paragraph's sentences in a new order (the dateline stays first). Paragraphs with
    a single sentence are left as they are."""
    layout = [b for b in article.layout() if b.kind == "content"]
    body = article.body
    out = MappedText([], [])
    for n, (block, sents) in enumerate(zip(layout, article.sentences)):
        pos = block.start
        pieces = []
        head = None
        if n == 0 and article.dateline:
            head = MappedText.copied(article.dateline, pos)
            pos += len(article.dateline)
        for s in sents:
            assert body[pos:pos + len(s)] == s
            pieces.append(MappedText.copied(s, pos))
            pos += len(s) + 1
        order = list(range(len(pieces)))
        if len(order) > 1:
            while order == sorted(order):
                rng.shuffle(order)
        para = head or MappedText([], [])
        for k, i in enumerate(order):
            if k:
                para = para + MappedText.new(" ")
            para = para + pieces[i]
        if n:
            out = out + MappedText.new("\n\n")
        out = out + para
    return out


# --- synonyms -------------------------------------------------------------------------------

NOUN_SYNONYMS = {
    "지난해": "작년", "올해": "금년", "이번": "금번", "주민": "지역민", "계획": "구상", "방안": "대책",
    "사업": "프로젝트", "예산": "재원", "기업": "업체", "업체": "회사", "관계자": "담당자", "우려": "걱정",
    "지적": "비판", "관심": "주목", "성과": "결실", "정부": "당국", "과제": "숙제", "문제": "사안",
    "지역": "지방", "시설": "설비", "분석": "진단", "의견": "견해", "상황": "여건", "최근": "근래",
    "현재": "지금", "당초": "애초", "향후": "앞으로", "일각": "한편", "전문가들": "전문가 그룹",
    "소비자": "구매자", "시민": "주민", "학생": "학생들", "관람객": "방문객", "기대감": "기대",
    "경기": "시합", "선수": "선수단", "연구진": "연구팀", "연구팀": "연구진", "이날": "당일",
    "전날": "하루 전", "다음 달": "내달", "절차": "과정", "일정": "스케줄", "비용": "경비",
    "규모": "크기", "수준": "정도", "기준": "잣대", "대상": "적용 대상", "효과": "효력",
    "설명회": "안내 행사", "간담회": "좌담회", "조치": "대응", "결정": "판단", "발표": "공표",
    "지원": "보조", "확대": "확장", "강화": "보강", "추진": "진행", "논의": "협의", "검토": "고려",
    "개선": "보완", "운영": "운용", "마련": "준비", "관계": "관련", "가운데": "중", "일대": "주변",
    "인근": "근처", "도심": "시내", "주차장": "주차 공간", "행사": "이벤트", "공연": "무대",
    "전시": "전시회", "관객": "청중", "환자": "환자들", "의료진": "의료 인력", "교사": "교원",
}
WORD_SYNONYMS = {
    "밝혔다": "설명했다", "말했다": "얘기했다", "강조했다": "역설했다", "전했다": "알렸다",
    "나타났다": "드러났다", "집계됐다": "파악됐다", "조사됐다": "확인됐다", "예정이다": "계획이다",
    "전망이다": "관측된다", "방침이다": "입장이다", "보인다": "예상된다", "증가했다": "늘었다",
    "감소했다": "줄었다", "상승했다": "올랐다", "하락했다": "떨어졌다", "나온다": "제기된다",
    "특히": "무엇보다", "또": "또한", "다만": "단", "그러나": "하지만", "하지만": "그러나",
    "아울러": "또한", "크게": "대폭", "소폭": "조금", "꾸준히": "지속적으로", "빠르게": "급속히",
    "본격": "본격적으로", "함께": "같이", "모두": "전부", "가장": "제일", "다시": "재차",
    "새롭게": "새로", "충분히": "넉넉히", "꼼꼼히": "세심하게", "반드시": "꼭", "앞서": "이에 앞서",
    "설명했다": "밝혔다", "덧붙였다": "부연했다", "지켜보고": "주시하고", "이어졌다": "계속됐다",
    "열렸다": "개최됐다", "연다": "개최한다", "선보인다": "공개한다", "기록했다": "올렸다",
    "있다": "있는 상태다", "없다": "없는 상태다", "됐다": "되었다", "했다": "하였다",
    "위해": "위하여", "통해": "통하여", "따라": "따라서", "대한": "관한", "대해": "관해",
    "오는": "다가오는", "이어": "계속해", "열고": "개최하고", "맺었고": "체결했고", "들어간다": "착수한다",
    "나선다": "착수한다", "것으로": "걸로", "등": "등등", "최대": "최고", "모든": "온갖", "새로운": "새",
    "지난달": "전달", "올해": "금년", "내년": "이듬해", "가량": "정도", "이상": "넘게", "약": "대략",
    "통해서": "거쳐", "비교해": "견줘", "기록했다": "나타냈다", "보였다": "나타냈다", "이른다": "달한다",
    "달한다": "이른다", "했고": "하였고", "됐으며": "되었으며", "한다": "하게 된다", "있어": "있어서",
}
_PARTICLES = sorted(["은", "는", "이", "가", "을", "를", "과", "와", "으로", "로", "에", "에서", "의", "도",
                     "만", "부터", "까지", "에는", "에서는", "으로는", "로는", "이라는", "라는"], key=len, reverse=True)


def _synonym(word: str):
    if word in WORD_SYNONYMS:
        return WORD_SYNONYMS[word]
    if word in NOUN_SYNONYMS:
        return NOUN_SYNONYMS[word]
    for p in _PARTICLES:
        if word.endswith(p) and len(word) > len(p):
            stem = word[:-len(p)]
            alt = NOUN_SYNONYMS.get(stem)
            if alt is not None:
                return josa(alt, p) if p in JOSA else alt + p
    return None


def reword(rng, mt: MappedText, rate: float = 0.2):
    """About `rate` of the eojeol replaced by synonyms. Returns (text, replaced, eojeol)."""
    mt = MappedText(list(mt.chars), list(mt.origin))
    toks = _tokens(mt)
    candidates = []
    for start, end in toks:
        word, trail = _split_trail("".join(mt.chars[start:end]))
        if word.startswith(('"', "“")):
            continue
        alt = _synonym(word)
        if alt is not None:
            candidates.append((start, start + len(word), alt))
    rng.shuffle(candidates)
    chosen = sorted(candidates[:round(rate * len(toks))], reverse=True)
    for start, end, alt in chosen:
        _replace(mt, start, end, alt)
    return mt, len(chosen), len(toks)
