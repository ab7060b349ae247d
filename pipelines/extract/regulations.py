"""A regulation's terms are the rule's: its caps, its counts of countries and its deadlines.

"The rule sorted the world into tiers. Eighteen close allies faced no new limits, while about 120 countries were
capped at roughly 50,000 advanced graphics processors each" and "AI 확산 규칙은 … 한국을 포함한 핵심 동맹 18개국은 …
국가별로 최대 5만 개의 GPU만" state the AI diffusion rule's terms: the cap is the rule's, not Korea's (named only as
one of the allies) nor nobody's. Applied to the figures of an article that names a rule (an entity of kind
``rule``), in the sentences that speak of it (a rule word, its tiers, caps or licences) and the sentence after
one; a figure a company owns is left alone. A count of countries is metric ``other`` (never compared:
the tiers' sizes are not one quantity).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .entities import Mention, kind_of
from .model import Figure
from .sentences import Sentence

__all__ = ["COUNTRIES_AFTER", "rule_terms"]

_RULE_WORDS = re.compile(r"\b(?:rules?|framework|regulations?|tiers?|tiered|capped|caps?|quotas?|licen[cs]es?)\b|"
                         r"규칙|규정|등급|상한|한도|쿼터|허가|국가당|국가별", re.I)
# a count of countries ("18개국", "about 120 countries"), matched where the number ends
COUNTRIES_AFTER = re.compile(r"\s?개\s?(?:국|나라)|\s+(?:[a-z][\w-]*\s+){0,3}(?:countries|nations)\b", re.I)
# the kinds a rule's term is wrongly bound to: a member country, the government or agency that wrote the rule
_NOT_OWNERS = frozenset({"country", "government", "agency"})
_TERM_METRICS = frozenset({"chip_count", "duration"})


def rule_terms(text: str, figs: list[Figure], sentences: list[Sentence], mentions: Iterable[Mention]) -> list[Figure]:
    """The figures stating the terms of the one rule the article names (``mentions``: the headline's and the
    sentences' entity mentions), bound to that rule."""
    rules = {m.entity.canonical for m in mentions if m.entity.kind == "rule"}
    if len(rules) != 1:
        return figs
    rule = next(iter(rules))
    out: list[Figure] = []
    for f in figs:
        if f.metric not in _TERM_METRICS and f.unit != "count":
            out.append(f)
            continue
        if f.subject is not None and (kind_of(f.subject) not in _NOT_OWNERS or " + " in f.subject):
            out.append(f)
            continue
        if f.metric == "duration" and f.chip:
            out.append(f)  # ("H800을 출시 약 1년 만에 통제 대상에 올렸다": the chip's time to its curbs)
            continue
        earlier = [st.text for st in sentences if st.end <= f.sentence_start]
        if not (_RULE_WORDS.search(f.sentence) or (earlier and _RULE_WORDS.search(earlier[-1]))):
            out.append(f)
            continue
        countries = f.unit in ("count", "chips") and (
            COUNTRIES_AFTER.search(f.surface) or COUNTRIES_AFTER.match(text, f.span_end))
        if countries:  # ("18개국", "about 120 countries": read as chips in a sentence counting chips)
            f = replace(f, metric="other", unit="count", scope=None)
        out.append(replace(f, subject=rule, subject_via="article"))
    return out
