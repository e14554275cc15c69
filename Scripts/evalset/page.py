"""Another site's HTML template around copied paragraphs: navigation, a sidebar with other
headlines and a "많이 본 뉴스" list, the copied text as `<p>` elements inside
`<div id="article_body">`, and a footer with the copier's copyright line."""
from __future__ import annotations

from html import escape

_SECTIONS = ["정치", "경제", "사회", "국제", "문화", "스포츠", "연예", "오피니언"]


def render_page(outlet, title: str, published: str, reporter: str, paragraphs: list[str], sidebar: list[str],
                most_read: list[str], footer: str) -> str:
    e = escape
    nav = "".join(f'<li><a href="/section/{i}">{s}</a></li>' for i, s in enumerate(_SECTIONS, 1))
    side = "".join(f'<li><a href="/news/{9000 + i}">{e(h)}</a></li>' for i, h in enumerate(sidebar))
    top = "".join(f'<li><a href="/news/{8000 + i}">{e(h)}</a></li>' for i, h in enumerate(most_read))
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>{e(title)} - {e(outlet.name)}</title>
<meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="{e(outlet.name)}">
<meta property="article:published_time" content="{e(published)}">
</head>
<body>
<header class="site-header"><a class="logo" href="/">{e(outlet.name)}</a>
<nav class="gnb"><ul>{nav}</ul></nav></header>
<div class="container">
<main>
<article>
<h1 class="headline">{e(title)}</h1>
<div class="info"><span class="writer">{e(reporter)} 기자</span> <span class="date">입력 {e(published[:16].replace("T", " "))}</span></div>
<div id="article_body">
{body}
</div>
<div class="share"><a href="#">공유하기</a> <a href="#">스크랩</a> <a href="#">인쇄</a></div>
</article>
</main>
<aside class="sidebar">
<section class="latest"><h3>최신 기사</h3><ul>{side}</ul></section>
<section class="ranking"><h3>많이 본 뉴스</h3><ol>{top}</ol></section>
</aside>
</div>
<footer class="site-footer"><p>{e(footer)}</p>
<p class="copyright">Copyright ⓒ {e(outlet.name)}. All rights reserved. 무단 전재 및 재배포 금지</p></footer>
</body>
</html>
"""
