"""Hangul helpers: particles that agree with the preceding word, romanisation for e-mail
addresses, syllable counts. Pure functions, no state."""

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3

# Final consonant of the Korean reading of a trailing digit: 영 일 이 삼 사 오 육 칠 팔 구.
# True = has a final consonant; the value 'ㄹ' marks 일/칠/팔, which take 로 rather than 으로.
_DIGIT_FINAL = {"0": True, "1": "ㄹ", "2": False, "3": True, "4": False, "5": False,
                "6": True, "7": "ㄹ", "8": "ㄹ", "9": False}
# Latin letters whose English name ends in a consonant sound when read out (L, M, N, R).
_LATIN_FINAL = {"l": "ㄹ", "m": True, "n": True, "r": "ㄹ"}

# Each particle pair: (after a final consonant, after a vowel). Keyed by either form.
_PAIRS = [("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"),
          ("이라고", "라고"), ("이다", "다"), ("이며", "며"), ("이나", "나"), ("이라며", "라며"),
          ("이었다", "였다"), ("이라는", "라는"), ("이자", "자"), ("으로서", "로서"), ("이란", "란")]
JOSA = {}
for _c, _v in _PAIRS:
    JOSA.setdefault(_c, (_c, _v))
    JOSA.setdefault(_v, (_c, _v))


def final_consonant(word: str):
    """False (ends in a vowel), True (ends in a consonant) or 'ㄹ' for the last readable letter."""
    for ch in reversed(word):
        o = ord(ch)
        if _HANGUL_FIRST <= o <= _HANGUL_LAST:
            jong = (o - _HANGUL_FIRST) % 28
            if jong == 0:
                return False
            return "ㄹ" if jong == 8 else True
        if ch in _DIGIT_FINAL:
            return _DIGIT_FINAL[ch]
        low = ch.lower()
        if "a" <= low <= "z":
            return _LATIN_FINAL.get(low, False)
        if ch == "%":  # read 퍼센트
            return False
        # brackets, quotes, spaces: look further left
    return False


def josa(word: str, particle: str) -> str:
    """`word` followed by the form of `particle` that agrees with its last sound."""
    pair = JOSA.get(particle)
    if pair is None:
        return word + particle
    fin = final_consonant(word)
    if pair[0].startswith("으로"):
        return word + (pair[0] if fin is True else pair[1])
    return word + (pair[0] if fin else pair[1])


def is_hangul(ch: str) -> bool:
    return _HANGUL_FIRST <= ord(ch) <= _HANGUL_LAST


def syllables(text: str) -> int:
    """Number of Hangul syllables in `text`."""
    return sum(1 for ch in text if _HANGUL_FIRST <= ord(ch) <= _HANGUL_LAST)


# Revised Romanization, letter by letter (no sound-change rules): enough for plausible
# e-mail local parts.
_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
           "wi", "yu", "eu", "ui", "i"]
_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
          "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
SURNAME_ROMAN = {
    "김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang", "조": "cho",
    "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo", "신": "shin",
    "권": "kwon", "황": "hwang", "안": "ahn", "송": "song", "류": "ryu", "전": "jeon", "홍": "hong",
    "고": "ko", "문": "moon", "양": "yang", "손": "son", "배": "bae", "백": "baek", "허": "heo",
    "유": "yoo", "남": "nam", "심": "shim", "노": "noh", "하": "ha", "곽": "kwak", "성": "sung",
    "차": "cha", "주": "joo", "우": "woo", "구": "koo", "민": "min", "진": "jin", "나": "na",
    "지": "ji", "엄": "eom", "채": "chae", "원": "won", "천": "cheon", "방": "bang", "공": "kong",
    "현": "hyun", "함": "ham", "변": "byun", "염": "yeom", "여": "yeo", "추": "choo", "도": "do",
    "소": "so", "석": "seok", "선": "sun", "설": "seol", "마": "ma", "길": "gil", "연": "yeon",
    "위": "wi", "표": "pyo", "명": "myung", "기": "ki", "반": "ban", "금": "keum", "옥": "ok",
    "인": "in", "맹": "maeng", "제": "je", "모": "mo", "탁": "tak", "국": "kook", "편": "pyeon",
    "용": "yong", "남궁": "namgung", "황보": "hwangbo", "선우": "sunwoo", "제갈": "jegal",
}


def romanize(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if _HANGUL_FIRST <= o <= _HANGUL_LAST:
            i = o - _HANGUL_FIRST
            out.append(_INITIAL[i // 588] + _MEDIAL[(i % 588) // 28] + _FINAL[i % 28])
        elif ch.isascii() and ch.isalnum():
            out.append(ch.lower())
    return "".join(out)
