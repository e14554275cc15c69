"""Fictional outlets and the copyright notices they print. Every name and domain here is
invented (`.example` domains); the notice FORMS follow shapes common in Korean news, composed
afresh with these names."""
from __future__ import annotations

from dataclasses import dataclass


def _forms():
    # Each form: (key, template, what it forbids in words). {n} name, {d} domain.
    return {
        "bracket": "[저작권자ⓒ {n}. 무단전재-재배포 금지]",
        "angle": "<저작권자 © {n}, 무단 전재 및 재배포 금지>",
        "collect": "ⓒ {n}({d}), 무단전재 및 수집, 재배포금지",
        "reserved": "Copyright ⓒ {n} All rights reserved.",
        "ai": "저작권자 © {n} 무단전재 및 재배포, AI학습 이용 금지",
        "copying": "(C) {n}. 무단 복제 및 배포 금지",
        "fullwidth": "［저작권자ⓒ {n}．무단전재·재배포 금지］",
        "kangle": "〈ⓒ {n}({d}) 무단전재 및 재배포금지〉",
        "note": "※ 저작권자 ⓒ {n}, 무단전재-재배포 금지",
        "dash": "- Copyrights ⓒ {n} & {d}, 무단 전재 및 재배포 금지 -",
        "portal": "Copyright © {n}. 무단 전재, 재배포 및 AI학습 이용 금지.",
        "reserved_ai": "Copyright ⓒ {n}. All rights reserved. 무단 전재-재배포, AI 학습 및 활용 금지.",
        "bar": "저작권자 | {n} 무단전재 및 재배포 금지",
        "paren_c": "<저작권자(c) {n}, 무단 전재-재배포 금지>",
        "law": "{n}의 모든 콘텐츠는 저작권법의 보호를 받으며, 무단 전재·복사·배포를 금합니다.",
        "mark_only": "ⓒ {n} - www.{d}",
        "fw_angle": "＜ⓒ{n} - 무단전재 & 재배포 금지＞",
        "crawl": "Copyright ⓒ {n}. All rights reserved. 무단 전재, 재배포 및 크롤링 금지.",
        "data": "[저작권자(c) {n} 무단전재, 재배포 및 AI 데이터 활용 금지]",
    }


NOTICE_FORMS = _forms()

# Forms that forbid republishing (as opposed to a bare reservation or a mark alone).
PERMISSIVE_FORMS = frozenset({"reserved", "mark_only"})


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    kind: str = "daily"                  # daily | economy | wire | online | broadcast | aggregator
    notices: tuple = ("bracket",)         # house form first; the others are occasional variants
    notice_rate: float = 0.9              # share of articles that carry a notice
    credit: str = "byline"                # byline | wire | bracket (how the reporter is named)
    byline: str = "{name} 기자 {email}"
    url: str = "https://{d}/news/articleView.html?idxno={serial}"
    email_style: int = 1
    most_read_header: str = "많이 본 뉴스"

    def notice(self, form: str) -> str:
        return NOTICE_FORMS[form].format(n=self.name, d=self.domain)

    def pick_notice(self, rng):
        """A notice as this outlet prints it, or None for an article without one."""
        if rng.random() >= self.notice_rate:
            return None, None
        form = self.notices[0] if rng.random() < 0.75 or len(self.notices) == 1 else \
            self.notices[1 + int(rng.random() * (len(self.notices) - 1))]
        return form, self.notice(form)

    def article_url(self, serial: int, published: str) -> str:
        return self.url.format(d=self.domain, serial=serial, ymd=published[:10].replace("-", ""))


# Publishers of the archive (the articles to protect).
ARCHIVE_OUTLETS = (
    Outlet("한빛일보", "hanbit-ilbo.example", "daily", ("bracket", "fullwidth"), 0.9, "byline",
           "{name} 기자 {email}"),
    Outlet("가온경제", "gaon-econ.example", "economy", ("reserved_ai", "portal"), 0.9, "byline",
           "{name} 기자 ({email})", "https://www.{d}/article/{ymd}{serial}"),
    Outlet("물결신문", "mulgyeol.example", "daily", ("angle", "kangle", "bar"), 0.85, "byline",
           "/{name} 기자 {email}", "https://{d}/news/{serial}"),
    Outlet("미래데일리", "miraedaily.example", "online", ("collect", "fw_angle"), 0.9, "bracket",
           "{email}", "https://www.{d}/view/{serial}"),
    Outlet("푸른뉴스", "pureun-news.example", "online", ("reserved", "mark_only"), 0.8, "byline",
           "{name} 기자", "https://{d}/{serial}", 2),
    Outlet("한빛통신", "hanbit-wire.example", "wire", ("paren_c", "note"), 0.95, "wire",
           "{email}", "https://www.{d}/view/AKR{ymd}{serial}", 3),
    Outlet("솔뫼타임즈", "solmoe-times.example", "daily", ("ai", "dash", "law"), 0.85, "byline",
           "{name} 기자 {email}", "https://www.{d}/news/articleView.html?idxno={serial}", 0),
    Outlet("너울방송", "neoul-tv.example", "broadcast", ("copying", "data", "crawl"), 0.9, "byline",
           "{name} 기자({email})", "https://news.{d}/news/{serial}", 1),
)

# Sites that republish (the suspects' publishers).
COPIER_OUTLETS = (
    Outlet("누리온뉴스", "nurion-news.example", "aggregator", ("note",), 1.0, "byline",
           "{name} 기자 {email}", "https://{d}/news/{serial}"),
    Outlet("바로픽뉴스", "baropick.example", "aggregator", ("bracket",), 0.0, "byline",
           "{name} 기자", "https://{d}/post/{serial}"),
    Outlet("이음경제", "ieum-econ.example", "economy", ("angle",), 1.0, "byline",
           "{name} 기자 {email}", "https://www.{d}/news/{serial}"),
    Outlet("새벽별신문", "saebyeokbyeol.example", "daily", ("fullwidth",), 1.0, "byline",
           "{name} 기자 ({email})", "https://{d}/article/{serial}"),
    Outlet("다솜타임스", "dasom-times.example", "online", ("portal",), 1.0, "byline",
           "{name} 기자 {email}", "https://{d}/news/{serial}"),
    Outlet("모아나루", "moanaru.example", "aggregator", ("reserved",), 0.0, "byline",
           "{name} 기자", "https://{d}/feed/{serial}"),
)

OUTLETS = {o.name: o for o in ARCHIVE_OUTLETS + COPIER_OUTLETS}
