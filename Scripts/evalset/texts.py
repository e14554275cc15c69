"""Korean text the evaluation set borrows at run time, never stored in the repository.

- `realworld_texts(root)`: the expected main texts of the real pages in
  `../shared/realworld/html/ko/**/*.expected.json` (field `parsed_data.text`), cleaned of player
  and image-caption chrome, at least `MIN_CHARS` long, without duplicates.
- `constitution_chunks(cache)`: the Constitution of the Republic of Korea (public domain) from
  the konlpy 0.6.0 wheel on PyPI (`konlpy/data/corpus/kolaw/constitution.txt`), fetched with
  `pip download --no-deps` into a cache folder outside the repository and cut into article-sized
  pieces of whole 조 (articles of the law).

Both return [(label, title, [paragraph])] and an explanation of what was (not) found, so the
caller can print why a source of text was skipped.
"""
from __future__ import annotations

import ast
import glob
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

MIN_CHARS = 400
MAX_CHARS = 2400
KONLPY = "konlpy==0.6.0"
CONSTITUTION = "konlpy/data/corpus/kolaw/constitution.txt"

# Page chrome that scrapers left inside the expected texts.
_CHROME = [
    "브라우저가 video 태그를 지원하지 않습니다.죄송하지만 다른 브라우저를 사용하여 주십시오.닫기",
    "이미지 확대하기",
]


def _clean_paragraphs(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for c in _CHROME:
        text = text.replace(c, "\n")
    paras = []
    for line in text.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if len(line) >= 2:
            paras.append(line)
    # Cap the length at whole paragraphs.
    out, total = [], 0
    for p in paras:
        if total + len(p) > MAX_CHARS and out:
            break
        out.append(p)
        total += len(p)
    return out


def _field(value):
    """parsed_data fields are Python reprs of lists of strings."""
    if isinstance(value, str) and value.startswith("["):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value or ""


def realworld_texts(root: Path):
    base = root / "html" / "ko"
    if not base.is_dir():
        return [], f"no real-world texts: {base} is absent"
    out, seen = [], set()
    for path in sorted(glob.glob(str(base / "**" / "*.expected.json"), recursive=True)):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            parsed = data.get("parsed_data", {})
            if isinstance(parsed, str):
                parsed = ast.literal_eval(parsed)
            paras = _clean_paragraphs(_field(parsed.get("text")))
            title = re.sub(r"\s+", " ", unicodedata.normalize("NFC", _field(parsed.get("title")))).strip()
        except (OSError, ValueError, SyntaxError, AttributeError):
            continue
        if sum(len(p) for p in paras) < MIN_CHARS:
            continue
        key = paras[0][:60]
        if key in seen:
            continue
        seen.add(key)
        out.append((str(Path(path).relative_to(root)), title or paras[0][:40], paras))
    return out, f"{len(out)} real-world texts from {base}"


def _constitution_text(cache: Path, download: bool):
    cache.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache.glob("konlpy-0.6.0-*.whl"))
    if not wheels and download:
        try:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", KONLPY, "-d", str(cache)],
                           check=True, timeout=180, capture_output=True)
        except (subprocess.SubprocessError, OSError) as e:
            return None, f"constitution skipped: `pip download {KONLPY}` failed ({type(e).__name__}; offline?)"
        wheels = sorted(cache.glob("konlpy-0.6.0-*.whl"))
    if not wheels:
        return None, f"constitution skipped: no {KONLPY} wheel in {cache}" + ("" if download else " (downloads off)")
    try:
        with zipfile.ZipFile(wheels[0]) as z:
            return z.read(CONSTITUTION).decode("utf-8"), f"constitution from {wheels[0].name}"
    except (KeyError, OSError, zipfile.BadZipFile, UnicodeDecodeError) as e:
        return None, f"constitution skipped: {wheels[0]} unreadable ({e})"


def constitution_chunks(cache: Path, download: bool = True, size: int = 1100):
    text, why = _constitution_text(cache, download)
    if text is None:
        return [], why
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    # One paragraph per 조 (its numbered clauses joined), chapter headings dropped.
    articles, current = [], None
    for line in text.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if not line or re.match(r"^제\d+장", line) or re.match(r"^제\d+절", line) or line == "대한민국헌법":
            continue
        if re.match(r"^제\d+조", line) or current is None:
            current = [line]
            articles.append(current)
        else:
            current.append(line)
    paras = [" ".join(a) for a in articles]
    chunks, chunk = [], []
    for p in paras:
        chunk.append(p)
        if sum(len(x) for x in chunk) >= size:
            chunks.append(chunk)
            chunk = []
    if sum(len(x) for x in chunk) >= MIN_CHARS:
        chunks.append(chunk)
    out = []
    for n, c in enumerate(chunks, 1):
        m = re.match(r"^(제\d+조)", c[0])
        out.append((f"{CONSTITUTION}#{n}", f"대한민국헌법 {m.group(1) if m else '전문'} 이하", c))
    return out, f"{why}: {len(out)} pieces"
