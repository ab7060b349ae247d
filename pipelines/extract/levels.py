"""Index levels written without a unit: "the Nasdaq Composite fell 3.1% to 19,341.84", "코스피는 2.35% 내린
2,433.13에 거래를 마쳤다", "나스닥지수는 1만9341.83으로 마감했다". A bare number is a figure only here: written to
the hundredth (an index's closing level always is), at least 100, in a sentence that names a market index, and
placed where a level is read ("to"/"at" before it in English; 로/에/으로 and a closing or trading verb after it in
Korean). Unit ``points``. Everything else without a unit stays out (calendar years, clock times, bare counts).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .candidate import Candidate

__all__ = ["index_levels"]

_LEVEL = r"(?<![\d.,$€£¥₩])(?P<n>\d{1,3}(?:,\d{3})+\.\d{2}|\d{3,5}\.\d{2})(?![\d%]|\.\d)"
_INDEX_WORDS = {
    "en": re.compile(r"\b(?:index|indexes|indices|Nasdaq|S&P|Dow|KOSPI|Kospi|KOSDAQ|Kosdaq|Nikkei|Hang Seng|SOX|"
                     r"benchmark|Composite|Taiex)\b"),
    "ko": re.compile(r"코스피|코스닥|지수|나스닥|다우|S&P|닛케이|항셍|자취안|필라델피아"),
}
_PLACED = {
    # "fell 3.1% to 19,341.84", "closed at 6,012.28", "ended the day at 2,433.13"
    "en": re.compile(r"\b(?:to|at)\s" + _LEVEL + r"(?!\s?(?:points?\s)?(?:percent|per cent|billion|million|trillion|"
                     r"chips?|GPUs?|units?|won|yen|yuan|dollars?|euros?|a\s+share|per\s+share)\b)"),
    # "2,433.13에 거래를 마쳤다", "2517.37로 마감했다", "2,480선" is a threshold, not a level
    # ("1만9341.83으로 마감": the ten thousands written with 만)
    "ko": re.compile(r"(?<![\d.,$€£¥₩])(?:(?P<man>[1-9]\d{0,3})만\s?(?P<low>\d{1,4}\.\d{2})(?![\d%]|\.\d)|"
                     + _LEVEL[len(r"(?<![\d.,$€£¥₩])"):] + ")"
                     + r"(?=\s?(?:로|으로|에|까지)\s?(?:[가-힣]+\s){0,2}?(?:거래를\s?마쳤|거래를\s?마감|"
                     r"장을\s?마쳤|장을\s?마감|마감|마쳤|출발|거래되|거래 중|밀려|밀렸|내려앉|주저앉|올라서|"
                     r"올라섰|후퇴|상승 마감|하락 마감|추락|떨어졌|떨어진|올랐|내렸|하락했|상승했))"),
}


def index_levels(text: str, lang: str, taken: list[Candidate]) -> list[Candidate]:
    """Index-level candidates in one sentence of language ``lang`` that no other candidate in ``taken``
    already covers."""
    if lang not in _PLACED or not _INDEX_WORDS[lang].search(text):
        return []
    out = []
    for m in _PLACED[lang].finditer(text):
        man = m.groupdict().get("man")
        start, end = (m.start("man"), m.end("low")) if man else m.span("n")
        if any(c.start < end and start < c.end for c in taken):
            continue
        value = Decimal(man) * 10000 + Decimal(m.group("low")) if man else Decimal(m.group("n").replace(",", ""))
        if value < 100:
            continue
        out.append(Candidate(start, end, start, end, float(value), 0.01, "points", "exact", f"{lang}.index_level"))
    return out
