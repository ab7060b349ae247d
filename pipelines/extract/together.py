"""Figures of two companies taken together: "두 회사를 합치면 1000조 원", "the two chipmakers, which together
account for roughly a third of the index", "양사 시가총액은 20조 원 넘게 줄었다".

The two are the last two companies the article named up to the figure (in its sentence or the ones before), and
the figure's subject is their group ("SK hynix + Samsung Electronics", members sorted as every coordinated
subject is). A figure of one of them named after the phrase ("두 회사 가운데 삼성전자는 …") keeps its own subject,
and so do figures given one each ("두 회사 주가는 각각 6.9%, 7.4% 밀렸다").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .entities import Mention
from .model import Figure

# the phrase naming "the two", close before the figure (within its sentence)
_TWO = {
    "en": re.compile(r"\b(?:the\s+two\s+(?:companies|chipmakers|chip\s?makers|firms|memory\s+makers|groups)|"
                     r"both\s+companies)\b", re.I),
    "ko": re.compile(r"두\s?(?:회사|기업|업체|종목|곳)|양사|양\s?社"),
}
# "두 회사 주가는 각각 6.9%, 7.4% 밀렸다": one figure each, not the pair's
_EACH = re.compile(r"각각|\brespectively\b|\beach\b", re.I)
_WINDOW = 60  # characters before the figure the phrase may stand
_ORG_KINDS = frozenset({"org"})


def one_each(sentence: str) -> bool:
    """Whether the sentence gives its figures one per member ("각각 6.9%, 7.4%", "respectively")."""
    return _EACH.search(sentence) is not None


def recent_companies(mentions: list[Mention], until: int | None = None) -> list[str]:
    """The companies ``mentions`` name (before offset ``until``), in the order of their mentions."""
    return [m.entity.canonical for m in mentions if m.entity.kind in _ORG_KINDS and m.entity.role != "outlet"
            and (until is None or m.end <= until)]


def last_two(names: list[str]) -> tuple[str, str] | None:
    """The last two distinct names of ``names`` (latest last), or ``None`` when fewer than two."""
    seen: list[str] = []
    for name in reversed(names):
        if name not in seen:
            seen.append(name)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


def two_together(sentence: str, lang: str, figs: list[Figure], offset: int, mentions: list[Mention],
                 earlier: list[str]) -> list[Figure]:
    """``figs`` with the subject of each figure that "the two" companies own set to their group.

    ``offset`` is where the sentence starts in the text the figures' offsets count in; ``mentions`` are the
    sentence's (sentence offsets); ``earlier`` holds the companies the article named before it, in order."""
    rx = _TWO.get(lang)
    if rx is None or one_each(sentence):
        return figs
    out = []
    for f in figs:
        start = f.span_start - offset
        hit = None
        for m in rx.finditer(sentence, max(0, start - _WINDOW), max(0, start)):
            hit = m
        if hit is None or any(m.start >= hit.end() and m.end <= start and m.entity.kind in _ORG_KINDS
                              for m in mentions):
            out.append(f)  # no "two", or one of them named between it and the figure
            continue
        pair = last_two([*earlier, *recent_companies(mentions, hit.start())])
        if pair is None:
            out.append(f)
            continue
        group = " + ".join(sorted(pair, key=str.casefold))
        out.append(replace(f, subject=group, subject_via="sentence" if f.subject_via == "sentence" else
                           "previous_sentence"))
    return out
