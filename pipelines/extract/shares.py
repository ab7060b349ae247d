"""A company's share of a market: a quantity of its own, of a period, never a percent change.

"SK hynix held 62% of the HBM market in the second quarter, while Micron had 21% and Samsung 17%" and "2분기 HBM
시장 점유율은 SK하이닉스가 62%로 1위를 지켰고" report three companies' shares of one market in one quarter. Without
this rule each percentage is an unscoped ``other`` figure (never compared) or a ``percent_change`` ("Samsung's share
rose to 22%"), and the same share re-reported by another outlet joins nothing. A share is scoped by the market the
sentence names (``market share in HBM``; ``as market share`` when it names none); the next sentence of the paragraph
that goes on ranking the same market ("Micron ranked second with 21%, overtaking Samsung, whose share slipped to
17%") keeps that market.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .entities import Mention
from .metrics import MARKET_SHARE_SCOPE, MARKET_SHARE_SCOPE_PREFIX
from .model import Figure, negated

__all__ = ["market_named", "market_shares"]

# the wording that makes a sentence's percentages shares of a market
_SHARE_CUE = {
    "en": re.compile(
        r"\bmarket\s+share\b|\bshare\s+of\s+(?:the\s+)?[\w'’\s-]{0,40}?\bmarket\b|"
        r"\b(?:per\s?cent|percent|%)\s+of\s+(?:the\s+)?(?:(?:global|world(?:wide)?|world's)\s+)?"
        r"(?:market\s+for\b|[\w\s-]{0,40}?\bmarket\b|(?:HBM|DRAM|NAND|memory|foundry)\s+(?:sales|shipments|revenue)\b)|"
        r"\b(?:controlled|held|had|commanded|took)\s+[\w\s.%-]{0,20}?\bof\s+the\s+[\w\s-]{0,40}?\bmarket\b", re.I),
    "ko": re.compile(r"점유율|"
                     r"시장(?:의|에서)\s?[^.]{0,40}?\d+(?:\.\d+)?\s?%\s?(?:로|를|으로)?\s?(?:\d위|차지|선두|1등)"),
}
# what a following sentence says when it goes on ranking the market the sentence before named
_RANKING = {
    "en": re.compile(r"\bshare\b|\branked\s+(?:first|second|third|fourth)\b|\b(?:first|second|third)\s+place\b",
                     re.I),
    "ko": re.compile(r"점유율|\d위(?:로|를|에)"),
}
# "of its DRAM revenue", "of Nvidia's sales": a share of a company's own revenue, not of a market
_OWN_REVENUE = re.compile(r"\bof\s+(?:its|their|the\s+company's|[A-Z][\w.&-]*(?:'s|’s))\s+[\w\s-]{0,30}?"
                          r"\b(?:revenue|sales|shipments|output|production)\b")
# a percentage governed as a change, not as the level of a share: "rose 5%", "5% 늘었다"
_EN_CHANGE_BEFORE = re.compile(r"\b(?:rose|fell|grew|jumped|gained|climbed|dropped|slid|increased|decreased|"
                               r"declined|up|down)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+)?$", re.I)
_KO_CHANGE_AFTER = re.compile(r"\s?(?:가량|가까이|넘게|이상|안팎)?\s?(?:늘|줄|증가|감소|상승|하락|급등|급락|올랐|오른|"
                              r"내렸|내린|떨어|뛰|성장|확대|축소)")
_KO_CHANGE_BEFORE = re.compile(r"(?:대비|보다|비해|비교해|전년\s?동기|전\s?분기)\s?(?:\S+\s)?$")
# the markets a share is of, in the order they are tried (HBM before memory, "AI chips" before chips)
_SEGMENTS = (
    ("HBM", re.compile(r"\bHBM\d?E?\b|high[-\s]bandwidth\s+memory|고대역폭\s?메모리", re.I)),
    ("DRAM", re.compile(r"\bDRAM\b|D램|디램", re.I)),
    ("NAND", re.compile(r"\bNAND\b|낸드", re.I)),
    ("foundry", re.compile(r"\bfoundry\b|contract\s+chipmaking|파운드리", re.I)),
    ("AI chips", re.compile(r"\bAI\s+(?:chip|accelerator|processor|semiconductor)s?\b|"
                            r"AI\s?(?:칩|반도체|가속기)", re.I)),
    ("smartphones", re.compile(r"\bsmartphones?\b|스마트폰", re.I)),
    ("memory", re.compile(r"\bmemory\b|메모리", re.I)),
)
# the metrics a percentage in a share sentence may have been given for want of a better one (a government's share
# of sales, a margin or a price keep theirs)
_SHARE_OF = frozenset({"other", "percent_change"})
# "from 95% to zero", "95%에서 0%로": the share it had before, another time's (not compared: no period of its own)
_EN_FROM_LEVEL = re.compile(r"\bfrom\s+(?:about\s+|nearly\s+|roughly\s+|around\s+)?$", re.I)
_EN_TO_AFTER = re.compile(r"\s+to\b", re.I)
_KO_FROM_LEVEL = re.compile(r"\s?(?:가량|가까이|수준)?에서\s")
_CHINA = re.compile(r"\bChina(?:'s|’s)?\b|\bChinese\b|중국")


def market_named(text: str) -> str | None:
    """The market ``text`` names, nearest its end: "HBM", "DRAM", "China AI chips"…"""
    taken: list[tuple[int, int]] = []
    best: tuple[int, str] | None = None
    for name, rx in _SEGMENTS:  # ("high-bandwidth memory" is HBM, not memory)
        hits = [m for m in rx.finditer(text) if not any(a <= m.start() < b for a, b in taken)]
        taken += [m.span() for m in hits]
        if hits and (best is None or hits[-1].start() > best[0]):
            best = (hits[-1].start(), name)
    if best is None:
        return None
    china = _CHINA.search(text, max(0, best[0] - 30), best[0] + 30)
    return f"China {best[1]}" if china else best[1]


def _is_change(st: str, lang: str, f: Figure) -> bool:
    if lang == "ko":
        return bool(_KO_CHANGE_AFTER.match(st, f.span_end) or _KO_CHANGE_BEFORE.search(st, max(0, f.span_start - 16),
                                                                                         f.span_start))
    return bool(_EN_CHANGE_BEFORE.search(st, max(0, f.span_start - 24), f.span_start))


def _former_level(st: str, lang: str, f: Figure) -> bool:
    if lang == "ko":
        return bool(_KO_FROM_LEVEL.match(st, f.span_end))
    return bool(_EN_FROM_LEVEL.search(st, max(0, f.span_start - 16), f.span_start)
                and _EN_TO_AFTER.match(st, f.span_end))


def _holder(st: str, f: Figure, since: int, mentions: list[Mention]) -> str | None:
    """The company a listed share is of: the one right after "for" ("against 17 per cent for Samsung"), else the
    last one named between the share before it (or the sentence's start) and this one ("with Samsung at 27% and
    Micron at 16%", "SK하이닉스 57%, 삼성전자 22%", "SK하이닉스(62%)")."""
    companies = [x for x in mentions if x.entity.kind == "org"]
    m = re.match(r"\s+for\s+(?:the\s+)?", st[f.span_end:f.span_end + 12], re.I)
    if m is not None:
        at = f.span_end + m.end()
        after = next((x.canonical for x in companies if x.start == at), None)
        if after:
            return after
    before = [x for x in companies if since <= x.start and x.end <= f.span_start]
    return before[-1].canonical if before else None


def market_shares(st: str, lang: str, figs: list[Figure], carried: str | None, known: str | None = None,
                  mentions: list[Mention] | None = None) -> tuple[list[Figure], str | None]:
    """The sentence's percentages that are shares of a market (metric ``other``, scope ``market share in X``),
    and the market this sentence ranks (for the next one). ``carried`` is the market the previous sentence of
    the paragraph ranked, if any; ``known`` the last market the article (or its headline) named, for a sentence
    that names none ("트렌드포스는 같은 분기 매출 기준으로 SK하이닉스 점유율을 57%로 추정했다"). ``mentions`` are the
    sentence's mentions that may be subjects (not its sources)."""
    cue = _SHARE_CUE["ko" if lang == "ko" else "en"].search(st)
    if cue is not None and lang != "ko" and _OWN_REVENUE.search(st) and "market" not in st.lower():
        cue = None  # "HBM made up more than 40% of its DRAM revenue": a share of the company's own sales
    if cue is None and not (carried and _RANKING["ko" if lang == "ko" else "en"].search(st)):
        return figs, None
    segment = market_named(st) or next((m for m in (carried, known) if m and m != MARKET_SHARE_SCOPE), None)
    scope = f"{MARKET_SHARE_SCOPE_PREFIX}{segment}" if segment else MARKET_SHARE_SCOPE
    out = []
    since = 0  # where the list item of the next share begins
    for f in figs:
        if (f.unit == "percent" and f.linked_to is None and f.metric in _SHARE_OF
                and not _is_change(st, lang, f) and not _former_level(st, lang, f)):
            holder = _holder(st, f, since, mentions or [])
            since = f.span_end
            if holder and holder != f.subject:
                f = replace(f, subject=holder, subject_via="sentence")
            # (a share is a level, never signed by its verb: "whose share slipped to 17%" is 17%)
            f = replace(negated(f) if f.value is not None and f.value < 0 and not re.search(r"[-−–]", f.surface)
                        else f, metric="other", scope=scope)
        out.append(f)
    return out, segment or MARKET_SHARE_SCOPE
