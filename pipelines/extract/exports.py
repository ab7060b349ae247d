"""A country's exports in a month: quantities of their own, not deals or a company's sales.

"9월 반도체 수출은 166억1000만 달러로 작년 같은 달보다 22.0% 늘었다" and "Chip exports jumped 22% to $16.6 billion"
report South Korea's chip exports of a month (metric ``other``, scope ``as chip exports``) and their growth
(``percent_change``, scope ``of chip exports``); "전체 수출은 659억5000만 달러" is all exports (``as exports``), "하루
평균 수출" the exports per working day (``as daily exports``). Three quantities, each compared only with itself. A
figure whose sentence names no exporter is the country of the trade data: South Korea in a Korean report, or where
the sentence or headline names Korea. Export controls ("수출 규제", "export curbs") and a share of exports ("수출에서
반도체가 차지하는 비중") are no exports.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import CURRENCY_UNITS
from .metrics import EXPORT_KINDS
from .model import Figure

__all__ = ["exports"]

CHIP_EXPORTS, EXPORTS, DAILY_EXPORTS, ANNUAL_CHIP_EXPORTS, ANNUAL_EXPORTS = EXPORT_KINDS
EXPORTER = "South Korea"

_NOUN = {
    "ko": re.compile(r"수출(?:액|액수|실적|금액)?"),
    "en": re.compile(r"\bexports?\b|\boutbound\s+shipments\b|\bshipments\s+abroad\b", re.I),
}
_NOT_EXPORTS = {
    "ko": re.compile(r"^\s?(?:통제|규제|제한|금지|허가|라이선스|승인|길|시장|기업|업체|물량\s?(?:제한|규제))|"
                     r"^[^,.]{0,20}비중"),
    "en": re.compile(r"^\s+(?:controls?|curbs?|restrictions?|bans?|licen[cs]es?|rules?|limits?|markets?)\b|"
                     r"^\s+(?:to|of)\s+(?:China|the\s+US)\b", re.I),
}
_CHIP_WORD = {"ko": re.compile(r"반도체|메모리|칩"), "en": re.compile(r"\b(?:chip|semiconductor|memory)", re.I)}
_DAILY_WORD = {"ko": re.compile(r"하루\s?평균|일\s?평균|일평균"), "en": re.compile(r"\bdaily\b|\bper\s+working\s+day\b",
                                                                          re.I)}
_ANNUAL_WORD = {"ko": re.compile(r"연간|한\s?해|올해|지난해|작년"),
                "en": re.compile(r"\bannual\b|\bfull[- ]year\b|\bfor\s+the\s+year\b|\bthis\s+year\b|\blast\s+year\b",
                                 re.I)}
# "연간 최대 기록", "an annual record": the sentence is about the year
_ANNUAL_RECORD = {"ko": re.compile(r"연간\s?(?:기준\s?)?(?:최대|최고|사상)"),
                  "en": re.compile(r"\b(?:annual|full-year)\s+record\b", re.I)}
# a change counted up ("22.0% 늘었다", "rose 12.7%"): a figure another reading took for a share of sales
_CHANGE_AFTER = {"ko": re.compile(r"\s?(?:가량|정도|넘게|이상)?\s?(?:늘|증가|줄|감소|급증|급감|뛰|성장)"),
                 "en": re.compile(r"^(?!)")}
_KOREA = re.compile(r"\b(?:South\s+)?Korea(?:'s|n)?\b|한국|국내|우리나라", re.I)
# how far before the figure its export noun may stand (Korean: "반도체 수출은 1년 전보다 22.0% 늘었다")
_REACH = {"ko": 40, "en": 60}


def _noun_before(st: str, lang: str, fig: Figure) -> re.Match | None:
    start = max(0, fig.span_start - _REACH[lang])
    found = [m for m in _NOUN[lang].finditer(st, start, fig.span_start)
             if not _NOT_EXPORTS[lang].search(st[m.end(): m.end() + 24])
             and not re.search(r"[.;]", st[m.end(): fig.span_start])]
    return found[-1] if found else None


def exports(st: str, lang: str, fig: Figure, headline: str | None = None) -> Figure:
    """The exports a figure reports (module doc), or the figure unchanged."""
    if fig.value is None:
        return fig
    if fig.unit == "percent" and fig.metric == "tariff_or_fee_share" and _CHANGE_AFTER[lang].match(st, fig.span_end):
        fig = replace(fig, metric="percent_change", subject=None, subject_via=None, scope=None)
    if not (fig.unit in CURRENCY_UNITS or fig.metric == "percent_change"):
        return fig
    if fig.subject is not None and fig.subject not in (EXPORTER, "South Korean government"):
        return fig  # a company's exports are its sales
    if fig.scope and fig.metric != "percent_change":
        return fig
    noun = _noun_before(st, lang, fig)
    if noun is None:
        return fig
    phrase = st[max(0, noun.start() - 12): noun.end()]
    chip = bool(_CHIP_WORD[lang].search(phrase))
    if _DAILY_WORD[lang].search(phrase):
        kind = DAILY_EXPORTS
    elif _ANNUAL_WORD[lang].search(st[max(0, noun.start() - 16): fig.span_start]) or _ANNUAL_RECORD[lang].search(st):
        kind = ANNUAL_CHIP_EXPORTS if chip else ANNUAL_EXPORTS  # ("반도체 연간 수출이 1500억 달러를 넘는")
    else:
        kind = CHIP_EXPORTS if chip else EXPORTS
    subject = fig.subject
    if subject is None and (lang == "ko" or _KOREA.search(st) or _KOREA.search(headline or "")):
        subject = EXPORTER
    if subject is None:
        return fig
    via = fig.subject_via if fig.subject is not None else "article"
    if fig.metric == "percent_change":
        return replace(fig, subject=subject, subject_via=via, scope=f"of {kind}", chip=None)
    return replace(fig, subject=subject, subject_via=via, metric="other", scope=f"as {kind}", chip=None)
