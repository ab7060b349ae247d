"""A bilingual topic filter: does a page talk about AI chips, semiconductors or export controls?

The keyword data lives in ``topics.json`` next to this module. A text is relevant when it contains one
"strong" term ("Nvidia", "반도체", "export controls"), or a "weak" hardware term (chip, GPU, accelerator, 칩) and
a second distinct weak or "context" term (company names, "artificial intelligence", "export ban", 관세): two
context terms alone ("삼성전자" + "인공지능" in a TV launch) are not enough.

A page is read with more than its body (``is_relevant_page``): its headline and URL slug (a hardware term in
either is enough: "Gray market for banned accelerators thrives", ``/banned-gpus-gray-market``) and its section
("반도체" or "Semiconductors" is enough; "Technology", "IT/과학", "산업" count as one context term). A wire brief
says what it is about in its headline and slug more than in its two sentences.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from .parsed_page import ParsedPage


@dataclass(frozen=True)
class TopicMatcher:
    """Compiled keyword patterns."""

    en_strong: re.Pattern[str]
    en_weak: re.Pattern[str]
    en_exclude: re.Pattern[str] | None
    ko_strong: re.Pattern[str]
    ko_weak: re.Pattern[str]
    en_context: re.Pattern[str]
    ko_context: re.Pattern[str]
    strong_sections: frozenset[str]
    context_sections: frozenset[str]

    def hits(self, text: str) -> tuple[set[str], set[str]]:
        """``(strong, weak)`` terms found in ``text`` (lower-cased); ``weak`` holds hardware and context terms."""
        strong, hardware, context = self.all_hits(text)
        return strong, hardware | context

    def all_hits(self, text: str) -> tuple[set[str], set[str], set[str]]:
        """``(strong, hardware, context)`` terms found in ``text`` (lower-cased)."""
        if self.en_exclude is not None:
            text = self.en_exclude.sub(" ", text)
        strong = {m.group(0).lower() for m in self.en_strong.finditer(text)}
        strong |= {m.group(0).lower() for m in self.ko_strong.finditer(text)}
        hardware = {_singular(m.group(0).lower()) for m in self.en_weak.finditer(text)}
        hardware |= {m.group("term").lower() for m in self.ko_weak.finditer(text)}
        context = {_singular(m.group(0).lower()) for m in self.en_context.finditer(text)}
        context |= {m.group("term").lower() for m in self.ko_context.finditer(text)}
        return strong, hardware, context - hardware


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
    sections = data.get("sections", {})
    bounded, particles = set(ko.get("bounded", [])), ko.get("particles", [])
    return TopicMatcher(
        en_strong=_en_pattern(en["strong"]),
        en_weak=_en_pattern(en["weak"]),
        en_exclude=re.compile("|".join(f"(?:{x})" for x in exclude), re.I) if exclude else None,
        ko_strong=_ko_pattern(ko["strong"], set(), []),
        ko_weak=_ko_pattern(ko["weak"], bounded, particles),
        en_context=_en_pattern(en.get("context", [])),
        ko_context=_ko_pattern(ko.get("context", []), bounded, particles),
        strong_sections=frozenset(_section_key(x) for x in sections.get("strong", [])),
        context_sections=frozenset(_section_key(x) for x in sections.get("context", [])),
    )


def _section_key(section: str) -> str:
    return re.sub(r"\s+", " ", section).strip().casefold()


def _section_words(section: str | None) -> set[str]:
    """The section and its parts: "IT/과학" -> {"it/과학", "it", "과학"}; "Business > Technology" -> both."""
    if not section:
        return set()
    key = _section_key(section)
    return {key, *(p.strip() for p in re.split(r"[/>|·,&]| - ", key) if p.strip())}


def slug_text(url: str | None) -> str:
    """The words of a URL's path ("/tech/banned-gpus-gray-market" -> "tech banned gpus gray market"), without
    numeric ids, file suffixes and query strings."""
    if not url:
        return ""
    path = urlsplit(url).path
    words = re.split(r"[/_.+-]+", re.sub(r"\.(?:html?|php|aspx?|jsp)$", "", path, flags=re.I))
    return " ".join(w for w in words if w and not w.isdigit() and not re.fullmatch(r"[0-9a-f]{8,}", w, re.I))


def relevance_hits(text: str) -> tuple[set[str], set[str]]:
    """The strong and weak keyword hits in ``text``."""
    return matcher().hits(text or "")


def is_relevant_text(text: str) -> bool:
    """True when ``text`` is about AI chips, semiconductors or export controls (Korean or English)."""
    strong, hardware, context = matcher().all_hits(text or "")
    return bool(strong) or (bool(hardware) and len(hardware | context) >= 2)


def is_relevant_page(page: ParsedPage) -> bool:
    """The filter applied to a parsed article: its body and description, its headline and URL slug (a hardware
    term there is enough), and its section (see the module docstring)."""
    m = matcher()
    head = "\n".join(x for x in (page.headline, slug_text(page.canonical_url or page.url)) if x)
    strong_h, hardware_h, context_h = m.all_hits(head)
    if strong_h or hardware_h:
        return True
    strong, hardware, context = m.all_hits("\n".join(x for x in (page.description, page.body_text) if x))
    if strong:
        return True
    sections = _section_words(page.section)
    if sections & m.strong_sections:
        return True
    if sections & m.context_sections:
        context = context | {"section:" + page.section.casefold()}
    return bool(hardware) and len(hardware | context | context_h) >= 2
