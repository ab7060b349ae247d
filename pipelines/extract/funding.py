"""A company's valuation, the money it raises and the stakes in it: quantities of their own, never an investment.

"Anthropic raised $30 billion in a Series G round at a post-money valuation of $380 billion" reports the round's
size (what Anthropic raised, dated: a round happens on a day, like a deal) and Anthropic's valuation (its market
value then). Without these rules both would join the investments other companies make in Anthropic. A stake ("a stake
of roughly 27% in OpenAI", "오픈AI 지분 32.5%") is its holder's, scoped by the company held (``stake in OpenAI``), and
what the stake is worth ("worth about $135 billion", "지분 가치는 약 1350억 달러") is its own quantity again
(``stake value in OpenAI``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import CURRENCY_UNITS
from .entities import Mention
from .metrics import NET_BUYING_SCOPE, NET_SELLING_SCOPE, STAKE_SCOPE_PREFIX, STAKE_VALUE_SCOPE_PREFIX
from .model import Figure

__all__ = ["FUNDING_ROUND_SCOPE", "funding_and_valuation", "net_trades", "stakes"]

FUNDING_ROUND_SCOPE = "as funding round"

# "valued at", "would value the Claude developer at", "valuing OpenAI at", "a post-money valuation of"
_EN_VALUED_BEFORE = re.compile(r"\bvalu(?:e|es|ed|ing)\s+(?:(?!each\b|every\b|per\b|a\b|an\b)"
                               r"(?:the|it|its|[A-Za-z][\w.&'-]*)\s+){0,7}?at\s+$|"
                               r"\b(?:post-money\s+|pre-money\s+)?valuation\s+(?:of|at|to)\s+$", re.I)
_EN_VALUATION_AFTER = re.compile(r"\s+(?:post-money\s+|pre-money\s+)?valuation\b", re.I)  # "a $61.5 billion valuation"
# "기업가치는 3800억 달러", "기업가치 3000억 달러를 인정받았다", "615억 달러의 몸값", "몸값이 약 140억 달러"
# ("기업가치는 투자금을 포함해 1830억 달러로 평가됐다": a few words may stand between)
_KO_VALUED_BEFORE = re.compile(r"(?:기업\s?가치|몸값)(?:는|가|를|은|이)?\s?(?:[^\s\d]{1,6}\s){0,3}$")
_KO_VALUATION_AFTER = re.compile(r"(?:\s?\([^)]{1,30}\))?(?:의|로)\s?(?:기업\s?가치|몸값)")
# "The valuation is well above the $183 billion Anthropic reached in September", "기업가치는 3800억 달러로, 지난해 9월
# 1830억 달러를 크게 웃돈다": what a valuation is compared with is a valuation
_EN_VALUATION_COMPARED = re.compile(r"\bvaluation\b[^.;]{0,40}\b(?:above|below|than|from|over|exceed\w*|with|"
                                    r"doubl\w*|tripl\w*)\s+(?:the\s+|its\s+)?$", re.I)
_KO_VALUATION_COMPARED = re.compile(r"(?:\s?\([^)]{1,30}\))?(?:를|을|보다|에서)\s?(?:\S+\s)?"
                                    r"(?:웃|넘|밑|상회|하회|늘|뛰|올)")
_STAKE = re.compile(r"\bstake\b|지분", re.I)

# "raise about $10 billion", "had raised $30 billion", "closed a $40 billion funding round", "$30 billion in a Series
# G funding round"; "400억 달러를 조달하며", "300억 달러(약 43조 원) 규모의 시리즈G 투자 유치"
_EN_RAISED_BEFORE = re.compile(r"\brais(?:e|ed|es|ing)\s+(?:an?\s+|another\s+|a\s+further\s+)?$"
                               r"|\bfunding\s+round\s+of\s+$", re.I)
_EN_ROUND_AFTER = re.compile(r"(?:\s+\S+){0,1}?\s+(?:in\s+(?:a|its|the)\s+(?:new\s+)?(?:Series\s+\w+\s+)?)?"
                             r"(?:funding|financing|fundraising)(?:\s+round)?\b|"
                             r"(?:\s+\S+){0,1}?\s+in\s+(?:a|its|the)\s+(?:new\s+)?Series\s+\w+", re.I)
_KO_RAISED_AFTER = re.compile(r"(?:\s?\([^)]{1,30}\))?(?:\s?규모의)?(?:\s?\S{1,8})?\s?(?:투자\s?)?(?:유치|조달)|"
                              r"(?:\s?\([^)]{1,30}\))?(?:를|을)\s?(?:유치|조달|모으|모금)")


def _is_valuation(st: str, lang: str, fig: Figure) -> bool:
    before = st[max(0, fig.span_start - 60):fig.span_start]
    if lang == "ko":
        if _STAKE.search(st, max(0, fig.span_start - 12), fig.span_start):
            return False  # "MS가 보유한 지분 가치는 약 1350억 달러"
        return bool(_KO_VALUED_BEFORE.search(before) or _KO_VALUATION_AFTER.match(st, fig.span_end) or (
            re.search(r"기업\s?가치|몸값", st[:fig.span_start]) and _KO_VALUATION_COMPARED.match(st, fig.span_end)))
    return bool(_EN_VALUED_BEFORE.search(before) or _EN_VALUATION_AFTER.match(st, fig.span_end)
                or _EN_VALUATION_COMPARED.search(st[max(0, fig.span_start - 70):fig.span_start]))


def _is_funding_round(st: str, lang: str, fig: Figure) -> bool:
    if lang == "ko":
        return bool(_KO_RAISED_AFTER.match(st, fig.span_end))
    before = st[max(0, fig.span_start - 40):fig.span_start]
    return bool(_EN_RAISED_BEFORE.search(before) or _EN_ROUND_AFTER.match(st, fig.span_end))


def _valued_company(st: str, lang: str, fig: Figure, mentions: list[Mention]) -> str | None:
    """The company a valuation is of, when the sentence puts it right there: "value Anthropic at", "앤트로픽의
    기업가치는", else ``None`` (the figure keeps the subject it was bound to)."""
    if lang == "ko":
        found = [m for m in mentions if m.entity.kind == "org" and m.end <= fig.span_start
                 and re.fullmatch(r"(?:\s?\([^)]{1,30}\))?의\s?(?:기업\s?가치|몸값)(?:는|가|은|이)?\s?(?:\S{1,6}\s)?",
                                  st[m.end:fig.span_start])]
    else:
        found = [m for m in mentions if m.entity.kind in ("org", "model") and m.end <= fig.span_start
                 and re.fullmatch(r"(?:'s|’s)?(?:\s+(?:maker|developer|parent))?\s+at\s+", st[m.end:fig.span_start])
                 and re.search(r"\bvalu\w*\s+(?:the\s+)?$", st[max(0, m.start - 20):m.start], re.I)]
    if not found:
        return None
    m = found[-1]
    return m.entity.owner or m.entity.canonical


def funding_and_valuation(st: str, lang: str, figs: list[Figure], mentions: list[Mention]) -> list[Figure]:
    """Each amount the sentence gives as a company's valuation as its ``market_value``, and each it gives as
    money the company raised as a dated funding round (``deal_value``, scope ``as funding round``)."""
    out: list[Figure] = []
    for f in figs:
        if f.linked_to is not None:
            out.append(f)  # (a conversion follows its figure: figures._conversions_follow)
            continue
        if f.unit not in CURRENCY_UNITS or f.metric in ("market_value_change", "revenue", "profit", "charge"):
            out.append(f)
            continue
        if _is_valuation(st, lang, f):
            subject = _valued_company(st, lang, f, mentions) or f.subject
            via = "sentence" if subject != f.subject else f.subject_via
            out.append(replace(f, metric="market_value", scope=None, subject=subject, subject_via=via))
        elif (f.metric in ("investment", "other", "deal_value", "price") and not f.scope
              and _is_funding_round(st, lang, f)):
            out.append(replace(f, metric="deal_value", scope=FUNDING_ROUND_SCOPE))
        else:
            out.append(f)
    return out


_EN_STAKE = re.compile(r"\bstakes?\b|\bownership\b", re.I)
_EN_STAKE_TARGET = re.compile(r"\s+(?:stake\s+)?in\s+(?:the\s+)?$", re.I)
_EN_WORTH = re.compile(r"\b(?:worth|valued\s+at)\s+$", re.I)
_KO_STAKE_AFTER = re.compile(r"(?:\s?\([^)]{1,30}\))?(?:의)?\s?지분")
_KO_STAKE_VALUE = re.compile(r"지분\s?가치(?:는|가|를|은)?\s?(?:\S{1,4}\s)?$")


def _stake_target(st: str, lang: str, fig: Figure, mentions: list[Mention], holder: str | None) -> str | None:
    """The company a stake is in: "a stake of 27% in OpenAI", "오픈AI 지분 32.5%"; ``None`` when unnamed."""
    if lang == "ko":
        found = [m for m in mentions if m.entity.kind == "org" and m.end <= fig.span_start
                 and _KO_STAKE_AFTER.match(st, m.end) and (m.entity.owner or m.entity.canonical) != holder]
        return (found[-1].entity.owner or found[-1].entity.canonical) if found else None
    found = [m for m in mentions if m.entity.kind == "org" and m.start >= fig.span_end
             and m.start - fig.span_end <= 40 and _EN_STAKE_TARGET.search(st[fig.span_end:m.start])
             and (m.entity.owner or m.entity.canonical) != holder]
    return (found[0].entity.owner or found[0].entity.canonical) if found else None


_STAKE_RIGHT_AFTER = re.compile(r"\s+(?:equity\s+|ownership\s+)?stake\b", re.I)
_KO_STAKE_RIGHT_BEFORE = re.compile(r"지분(?:율)?\s?(?:은|는|을|를|이|가)?\s?(?:약\s?)?$")


def stakes(st: str, lang: str, figs: list[Figure], mentions: list[Mention]) -> list[Figure]:
    """Each percentage the sentence gives as a holder's stake in a company (metric ``other``, scope ``stake in
    X``), and each amount it gives as what such a stake is worth (``stake value in X``)."""
    if not (_EN_STAKE.search(st) if lang == "en" else "지분" in st):
        return figs
    out: list[Figure] = []
    target: str | None = None
    for f in figs:
        named_stake = bool(_STAKE_RIGHT_AFTER.match(st, f.span_end) or _KO_STAKE_RIGHT_BEFORE.search(
            st, max(0, f.span_start - 8), f.span_start))  # ("roughly a 10% stake", "지분 10%": never a move)
        if f.unit == "percent" and (f.metric in ("other", "ratio") or named_stake) and f.subject \
                and " + " not in f.subject:
            near = st[max(0, f.span_start - 30):f.span_end + 30]
            if (_EN_STAKE.search(near) if lang == "en" else "지분" in near):
                target = _stake_target(st, lang, f, mentions, f.subject) or target
                f = replace(f, metric="other", scope=f"{STAKE_SCOPE_PREFIX}{target}" if target else "stake")
        elif f.unit in CURRENCY_UNITS and f.subject and (target or lang == "ko"):
            before = st[max(0, f.span_start - 20):f.span_start]
            if _KO_STAKE_VALUE.search(before) if lang == "ko" else _EN_WORTH.search(before):
                f = replace(f, metric="other",
                            scope=f"{STAKE_VALUE_SCOPE_PREFIX}{target}" if target else "stake value")
        out.append(f)
    return out


# investors' net trading ("외국인은 유가증권시장에서 2조5000억 원어치를 순매도했다", "Foreign investors sold a net 2.5
# trillion won of shares"): the investor group's, neither a deal nor the index's
_NET_TRADE = {
    NET_SELLING_SCOPE: (re.compile(r"\bnet\s+(?:sell(?:ing|ers?)?|sales?|outflows?)\b|"
                                  r"\b(?:sold|offloaded|dumped)\s+a\s+net\b", re.I), re.compile(r"순매도")),
    NET_BUYING_SCOPE: (re.compile(r"\bnet\s+(?:buy(?:ing|ers?)?|purchases?|inflows?)\b|\bbought\s+a\s+net\b", re.I),
                      re.compile(r"순매수")),
}
_INVESTOR_GROUPS = (
    ("foreign investors", re.compile(r"\bforeign(?:ers|\s+(?:investors|funds|buyers|sellers))\b|"
                                     r"\boverseas\s+investors\b", re.I), re.compile(r"외국인|외인")),
    ("institutional investors", re.compile(r"\binstitution(?:s|al\s+investors)\b", re.I), re.compile(r"기관")),
    ("retail investors", re.compile(r"\b(?:retail|individual)\s+investors\b", re.I), re.compile(r"개인(?:\s?투자자)?")),
)


# a tally over several sessions ("이틀 동안 … 약 4조7000억 원어치를 순매도했다", "sold a net $3 billion over three
# sessions"): another quantity than any one day's
_SEVERAL_SESSIONS_BEFORE = re.compile(r"(?:이틀|사흘|나흘|닷새|\d+\s?거래일|\d+\s?일)\s?(?:간|동안|연속|째)")
_SEVERAL_SESSIONS_AFTER = re.compile(r"\s+(?:over|in|across)\s+(?:the\s+(?:past|last)\s+)?(?:two|three|four|five|"
                                     r"several|\d+)\s+(?:straight\s+|consecutive\s+)?(?:trading\s+)?"
                                     r"(?:days|sessions)\b", re.I)
SEVERAL_SESSIONS = " over several sessions"


def net_trades(st: str, lang: str, figs: list[Figure]) -> list[Figure]:
    """Each amount the sentence gives as an investor group's net selling or buying (metric ``other``, scope ``as
    net selling``/``as net buying``, ``… over several sessions`` for a tally of more than one day; subject the
    group it names, else the figure's own)."""
    out = []
    since = 0  # the end of the sentence's amount before
    for f in figs:
        if f.unit in CURRENCY_UNITS:
            after_prev, since = since, f.span_end
            # (a Korean list shares its verb: "지난 4일 2조2200억 원, 5일 2조5000억 원 등 … 순매도했다")
            clause = st[max(0, f.span_start - 80):None if lang == "ko" else f.span_end + 40]
            side = next((name for name, (en, ko) in _NET_TRADE.items()
                         if (ko if lang == "ko" else en).search(clause)), None)
            if side and (_SEVERAL_SESSIONS_BEFORE.search(st, after_prev, f.span_start) if lang == "ko"
                         else _SEVERAL_SESSIONS_AFTER.match(st, f.span_end)):
                side += SEVERAL_SESSIONS
            if side:
                group = next((name for name, en, ko in _INVESTOR_GROUPS
                              if (ko if lang == "ko" else en).search(st, 0, f.span_start)), None)
                f = replace(f, metric="other", scope=side, subject=group or f.subject,
                            subject_via="sentence" if group else f.subject_via)
        out.append(f)
    return out
