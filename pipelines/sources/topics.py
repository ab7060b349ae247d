"""A bilingual topic filter: does a text talk about AI chips, semiconductors or export controls?

The keyword data lives in ``topics.json`` next to this module. A text is relevant when it contains one
"strong" term, or two distinct "weak" terms (e.g. "Huawei" + "chips", "화웨이" + "수출 규제" is strong anyway).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .parsed_page import ParsedPage


@dataclass(frozen=True)
class TopicMatcher:
    """Compiled keyword patterns."""

    en_strong: re.Pattern[str]
    en_weak: re.Pattern[str]
    en_exclude: re.Pattern[str] | None
    ko_strong: re.Pattern[str]
    ko_weak: re.Pattern[str]

    def hits(self, text: str) -> tuple[set[str], set[str]]:
        """``(strong, weak)`` terms found in ``text`` (lower-cased)."""
        if self.en_exclude is not None:
            text = self.en_exclude.sub(" ", text)
        strong = {m.group(0).lower() for m in self.en_strong.finditer(text)}
        strong |= {m.group(0).lower() for m in self.ko_strong.finditer(text)}
        weak = {_singular(m.group(0).lower()) for m in self.en_weak.finditer(text)}
        weak |= {m.group("term").lower() for m in self.ko_weak.finditer(text)}
        return strong, weak


def _singular(term: str) -> str:
    return term[:-1] if term.endswith("s") and len(term) > 3 else term


def _en_pattern(terms: list[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(t).replace(r"\ ", r"[\s-]+") for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")s?(?![\w-])", re.I)


def _ko_pattern(terms: list[str], bounded: set[str], particles: list[str]) -> re.Pattern[str]:
    parts = []
    particle_alt = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    for term in sorted(set(terms), key=len, reverse=True):
        escaped = re.escape(term).replace(r"\ ", r"\s*")
        if term in bounded:
            # not part of a longer word: followed by a non-Hangul character or a particle
            parts.append(rf"(?<![가-힣]){escaped}(?=$|[^가-힣]|(?:{particle_alt}))")
        elif re.fullmatch(r"[A-Za-z0-9 ]+", term):
            parts.append(rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])")
        else:
            parts.append(escaped)
    return re.compile("(?P<term>" + "|".join(parts) + ")", re.I)


@lru_cache(maxsize=1)
def matcher() -> TopicMatcher:
    """The compiled matcher for the packaged keyword file."""
    data = json.loads(resources.files(__package__).joinpath("topics.json").read_text(encoding="utf-8"))
    en, ko = data["en"], data["ko"]
    exclude = en.get("exclude") or []
    return TopicMatcher(
        en_strong=_en_pattern(en["strong"]),
        en_weak=_en_pattern(en["weak"]),
        en_exclude=re.compile("|".join(f"(?:{x})" for x in exclude), re.I) if exclude else None,
        ko_strong=_ko_pattern(ko["strong"], set(), []),
        ko_weak=_ko_pattern(ko["weak"], set(ko.get("bounded", [])), ko.get("particles", [])),
    )


def relevance_hits(text: str) -> tuple[set[str], set[str]]:
    """The strong and weak keyword hits in ``text``."""
    return matcher().hits(text or "")


def is_relevant_text(text: str) -> bool:
    """True when ``text`` is about AI chips, semiconductors or export controls (Korean or English)."""
    strong, weak = relevance_hits(text)
    return bool(strong) or len(weak) >= 2


def is_relevant_page(page: ParsedPage) -> bool:
    """The filter applied to a parsed article: headline, description and body together."""
    return is_relevant_text("\n".join(x for x in (page.headline, page.description, page.body_text) if x))
