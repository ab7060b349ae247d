"""The bilingual alias table (``data/entities.json``) and entity mentions in text.

Each row: ``{"canonical", "kind", "aliases": [...]}`` (kinds: ``KINDS``) plus optional
``owner`` (a model's developer, used as the subject: "R1" → DeepSeek), ``base`` (the model a model was built
on: R1 → DeepSeek-V3), ``maker`` (a chip's maker),
``role: "outlet"`` (news outlets: cited as sources, never subjects), ``government`` (a country's government,
the subject when the country acts as a regulator or takes a fee) and ``patterns`` (regular
expressions for phrasings too varied to list: "미국 주요 AI 기업들", "the leading American A.I. companies").

Matching: the longest alias wins; Latin aliases need a non-alphanumeric character on both sides (a
trailing plural "s" or possessive "'s" is allowed) and are case-sensitive when short (<= 4 characters,
e.g. "US", "BIS", "AMD") or containing digits, case-insensitive otherwise; Korean aliases match anywhere
(particles follow them: "딥시크가", "엔비디아의").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .romanize import romanize
from .trie import trie_pattern

__all__ = [
    "ACTOR_KINDS", "KINDS", "REPORTING_KINDS", "SUBJECT_KINDS", "Entity", "Mention", "entity_table", "find_mentions",
    "base_model", "canonical_name", "chip_makers", "is_case_party", "government_of", "load_entities",
]

DATA = Path(__file__).parent / "data" / "entities.json"
KINDS = ("org", "person", "chip", "country", "model", "agency", "government", "court", "fund", "index", "case",
         "rule")
# Who can report a figure about someone else: when one of these is the speaker ("..., the Justice Department
# said", "법무부는 ...고 밝혔다"), it is the source, not the subject. A company speaking is usually reporting
# about itself ("Nvidia said it expects a $5.5 billion charge"), so orgs are not in this set.
REPORTING_KINDS = frozenset({"agency", "government", "court"})
# What a figure can be about.
SUBJECT_KINDS = frozenset(
    {"org", "agency", "government", "court", "fund", "country", "person", "model", "index", "case", "rule"}
)
# What makes an article's main entity (the document's salient subject).
ACTOR_KINDS = frozenset({"org", "agency", "government", "court", "fund", "model", "index", "rule"})


@dataclass(frozen=True)
class Entity:
    """One row of the alias table."""

    canonical: str
    kind: str
    aliases: tuple[str, ...]
    owner: str | None = None
    maker: str | None = None
    role: str | None = None
    patterns: tuple[str, ...] = ()
    government: str | None = None  # a country's government entity ("United States" → "US government")
    market: str | None = None  # where a company's shares or an index trade, when not a US exchange ("KRX")
    fiscal_year_end: int | None = None  # the month a company's fiscal year ends in, when not December (Nvidia: 1)
    private: bool = False  # a company whose shares do not trade (DeepSeek, OpenAI): it has no share price
    base: str | None = None  # the model a model was built on (R1 → DeepSeek-V3): what "its base model" is


@dataclass(frozen=True)
class Mention:
    """An alias found in a text: ``text[start:end]`` is the alias as written."""

    start: int
    end: int
    entity: Entity

    @property
    def canonical(self) -> str:
        return self.entity.canonical


@lru_cache(maxsize=1)
def entity_table() -> tuple[Entity, ...]:
    """All entities of ``data/entities.json``, validated."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    out = []
    for row in rows:
        if row["kind"] not in KINDS:
            raise ValueError(f"unknown entity kind {row['kind']!r} for {row['canonical']!r}")
        out.append(
            Entity(
                row["canonical"],
                row["kind"],
                tuple(row["aliases"]),
                row.get("owner"),
                row.get("maker"),
                row.get("role"),
                tuple(row.get("patterns", ())),
                row.get("government"),
                row.get("market"),
                row.get("fiscal_year_end"),
                bool(row.get("private", False)),
                row.get("base"),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {e.canonical: e.kind for e in entity_table()}


def base_model(canonical: str | None) -> str | None:
    """The model ``canonical`` was built on (``base`` in the alias table), if the table says."""
    return next((e.base for e in entity_table() if e.canonical == canonical and e.base), None)


def kind_of(canonical: str | None) -> str | None:
    """The kind of a canonical entity name ("country", "org", ...); ``None`` for names not in the table."""
    return _kinds().get(canonical or "")


@lru_cache(maxsize=1)
def _listed_parties() -> frozenset[str]:
    return frozenset(e.canonical for e in entity_table() if e.role == "case_party")


def is_case_party(canonical: str | None) -> bool:
    """Whether ``canonical`` can be a party to a legal case as the extractor finds them: a name the alias table
    does not know (a person or company found by its shape), or one it lists with ``role: "case_party"`` (the
    story's named defendants, listed for their Korean spellings: "앨런 하오 쉬")."""
    return kind_of(canonical) is None or (canonical or "") in _listed_parties()


@lru_cache(maxsize=1)
def _private() -> frozenset[str]:
    return frozenset(e.canonical for e in entity_table() if e.private)


def is_private(canonical: str | None) -> bool:
    """Whether ``canonical`` is a company whose shares do not trade (``private`` in the alias table)."""
    return (canonical or "") in _private()


@lru_cache(maxsize=1)
def _markets() -> dict[str, str]:
    return {e.canonical: e.market for e in entity_table() if e.market}


def market_of(canonical: str | None) -> str:
    """The exchange whose sessions a figure about ``canonical`` follows: its ``market`` (KRX for Samsung
    Electronics, SK hynix, the KOSPI), else "US" (the domain's chip stocks and indexes trade in New York)."""
    return _markets().get(canonical or "", "US")


def load_entities() -> list[dict[str, Any]]:
    """Rows for the ``core.entities`` table: ``canonical``, ``kind`` and the ``aliases`` list (ko and en)."""
    return [{"canonical": e.canonical, "kind": e.kind, "aliases": list(e.aliases)} for e in entity_table()]


def _has_hangul(s: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in s)


@lru_cache(maxsize=1)
def _matcher() -> tuple[tuple[re.Pattern[str], ...], dict[str, Entity], dict[str, Entity]]:
    """Three trie-shaped patterns (Korean aliases anywhere; short or digit-bearing Latin aliases with
    their case; other Latin aliases in any case) and the lookup tables from surface to entity."""
    exact: dict[str, Entity] = {}
    folded: dict[str, Entity] = {}
    korean: list[str] = []
    sensitive: list[str] = []
    insensitive: list[str] = []
    for ent in entity_table():
        for alias in ent.aliases:
            if _has_hangul(alias):
                korean.append(alias)
                exact[alias.replace(" ", "")] = ent
            elif len(alias) <= 4 or any(ch.isdigit() for ch in alias):
                sensitive.append(alias)
                exact[alias] = ent
            else:
                insensitive.append(alias)
                folded[alias.lower()] = ent
                exact.setdefault(alias, ent)
    latin = r"(?<![A-Za-z0-9])(?:{})(?:'s|’s|s)?(?![A-Za-z0-9])"
    patterns = (
        re.compile(trie_pattern(korean, r"\s?")),
        re.compile(latin.format(trie_pattern(sensitive))),
        re.compile(latin.format(trie_pattern(insensitive)), re.I),
    )
    return patterns, exact, folded


def _lookup(surface: str, exact: dict[str, Entity], folded: dict[str, Entity]) -> Entity | None:
    s = re.sub(r"(?:'s|’s)$", "", surface)
    for cand, plural in ((s, False), (s[:-1] if s.endswith("s") else None, True)):
        if cand is None:
            continue
        key = re.sub(r"\s+", " ", cand)
        ent = exact.get(key) or exact.get(key.replace(" ", "")) or folded.get(key.lower())
        if ent is not None and (not plural or ent.kind == "chip"):  # "H100s", never "Nvidias"
            return ent
    return None


def canonical_name(name: str) -> str:
    """The canonical spelling of a name the alias table knows ("Cadence" → "Cadence Design Systems"), else the
    name as given."""
    _, exact, folded = _matcher()
    ent = _lookup(name.strip(), exact, folded)
    return ent.canonical if ent is not None else name


@lru_cache(maxsize=1)
def _pattern_matchers() -> tuple[tuple[re.Pattern[str], Entity], ...]:
    return tuple((re.compile(p), ent) for ent in entity_table() for p in ent.patterns)


SUFFIXES = Path(__file__).parent / "data" / "org_suffixes.json"


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(e.canonical for e in entity_table())


@lru_cache(maxsize=1)
def _ko_suffix_english() -> dict[str, str]:
    return json.loads(SUFFIXES.read_text(encoding="utf-8")).get("ko_en", {})


@lru_cache(maxsize=1)
def _suffix_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    raw = json.loads(SUFFIXES.read_text(encoding="utf-8"))
    en = "|".join(re.escape(x) for x in sorted(raw["en"], key=len, reverse=True))
    ko = "|".join(re.escape(x) for x in sorted(raw["ko"], key=len, reverse=True))
    en_rx = re.compile(rf"(?<![\w.])((?:[A-Z][\w&-]*\s){{1,3}})(?:{en})(?![\w])")
    ko_rx = re.compile(rf"(?<![가-힣A-Za-z])(?:[가-힣]{{1,6}}|[A-Z][A-Za-z0-9]{{1,8}}\s?)(?P<suffix>{ko})")
    return en_rx, ko_rx, frozenset(raw["en_drop"])


_KO_DIVISION_AFTER = re.compile(r"(?:\s?\([A-Za-z]{1,5}\))?\s?(?:부문|사업부|사업본부)")
_NOT_A_NAME = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "Its", "Their", "This", "That", "And"})


def _unlisted_orgs(text: str) -> list[Mention]:
    """Companies not in the alias table, recognised by a corporate suffix (``data/org_suffixes.json``)."""
    en_rx, ko_rx, drop = _suffix_patterns()
    out = []
    for m in en_rx.finditer(text):
        words = m.group(0).split()
        while words and (words[0] in _NOT_A_NAME or words[0].endswith("-based")):
            words = words[1:]  # "Houston-based Hao Global" is Hao Global
        if len(words) < 2:
            continue
        start = m.start() + m.group(0).find(words[0])
        name = " ".join(w for w in words if w not in drop)
        known = _lookup(name, *_matcher()[1:])
        # "SK Hynix Inc." is SK hynix: a listed company written with its corporate suffix
        ent = known if known is not None else Entity(name, "org", (m.group(0)[start - m.start():],))
        out.append(Mention(start, m.end(), ent))
    english = _ko_suffix_english()
    for m in ko_rx.finditer(text):
        if _KO_DIVISION_AFTER.match(text, m.end()):
            continue  # "디바이스솔루션(DS) 부문": a company's division, no company
        name = m.group(0)
        prefix = name[: m.start("suffix") - m.start()].strip()
        if prefix and m.group("suffix") in english:
            # "ALX솔루션" is "ALX Solutions"; "하오글로벌" is "Hao Global" (the stem romanized)
            stem = prefix if prefix.isascii() else romanize(prefix).capitalize()
            name = f"{stem} {english[m.group('suffix')]}"
        out.append(Mention(m.start(), m.end(), Entity(name, "org", (m.group(0),))))
    return out


# People not in the alias table, in English: two or three capitalized words where the text says they are a
# person ("Houston businessman Alan Hao Hsu", "Chinese nationals Chuan Geng and Shiwei Yang", "Alan Hao Hsu, 52,",
# "Chuan Geng pleaded guilty"); the names of parties to cases, which the alias table cannot list ahead.
_EN_NAME = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_PERSON_ROLE_BEFORE = re.compile(
    r"\b(?:businessman|businesswoman|businessmen|defendants?|founders?|co-founders?|engineers?|nationals?|"
    r"citizens?|residents?|traders?|smugglers?|brokers?|executives?|CEO|chief\s+executive|managers?|"
    r"employees?|men|man|woman|women|sales\s+manager)(?:,)?\s+$")
_PERSON_AFTER = re.compile(
    r",\s\d{2},|,\s(?:a|an|the)\s(?:[\w-]+\s){0,3}(?:businessman|businesswoman|national|citizen|engineer|founder|"
    r"executive|resident|manager|employee)\b|\s(?:pleaded|was|were|has\s+been|had\s+been)\s(?:not\s+)?"
    r"(?:guilty|charged|arrested|indicted|sentenced|accused|convicted)\b"
    r"|,\s(?:through|via)\s(?:his|her)\s(?:company|firm|business)\b|\s(?:and|&)\s(?:his|her)\s(?:company|firm)\b")
_PERSON_NAME_RX = re.compile(rf"(?<![\w.&-])({_EN_NAME})(?![\w&-])")
_NOT_NAME_WORDS = frozenset({
    "The", "A", "An", "In", "On", "At", "By", "For", "And", "But", "His", "Her", "Its", "Their", "This", "That",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Chinese",
    "American", "Justice", "Commerce", "Department", "Court", "District", "Attorney", "Office", "Prosecutors",
})


def _unlisted_people(text: str, orgs: list[Mention]) -> list[Mention]:
    """People not in the alias table whom the English text marks as people (``_PERSON_ROLE_BEFORE``,
    ``_PERSON_AFTER``, coordinated with such a name: "nationals Chuan Geng and Shiwei Yang", or with a company
    among ``orgs``)."""
    org_starts = {o.start for o in orgs}
    names = [m for m in _PERSON_NAME_RX.finditer(text)
             if not any(w in _NOT_NAME_WORDS for w in m.group(1).split()) and m.group(1) not in _known_names()]
    out: list[Mention] = []
    for i, m in enumerate(names):
        marked = bool(_PERSON_ROLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                      or _PERSON_AFTER.match(text, m.end()))
        if not marked:  # "Alan Hao Hsu and Hao Global LLC": a name coordinated with a company it runs
            joined = re.match(r"\s(?:and|&)\s", text[m.end():])
            marked = bool(joined) and m.end() + joined.end() in org_starts
        if not marked and i > 0 and out and out[-1].end == names[i - 1].end() and re.fullmatch(
                r",?\s(?:and|&)\s|,\s", text[names[i - 1].end():m.start()]):
            marked = True  # the second of "Chuan Geng and Shiwei Yang"
        if marked:
            name = m.group(1)
            out.append(Mention(m.start(), m.end(), Entity(name, "person", (name,))))
    return out


_DOLLAR_AFTER = re.compile(r"\s?(?:달러|dollars?\b|\$)", re.I)
_KO_NATIONALS = re.compile(r"인(?!공)|\s?(?:국적|출신\s?(?:의\s)?(?:남성|여성|사업가|기업인))")


def find_mentions(text: str) -> list[Mention]:
    """Entity mentions in ``text``, left to right, longest match first, not overlapping."""
    patterns, exact, folded = _matcher()
    found: list[Mention] = []
    for rx in patterns:
        for m in rx.finditer(text):
            ent = _lookup(m.group(), exact, folded)
            if ent is None:
                continue
            end = m.end()
            if ent.canonical == "United States" and (end < len(text) and text[end] == "$"
                                                     or _DOLLAR_AFTER.match(text, end)):
                continue  # "US$103 million", "미국 달러 기준으로는": a currency, not a mention of the country
            if ent.kind == "country" and _KO_NATIONALS.match(text, end):
                continue  # "중국인 2명", "중국 국적자 2명": nationals, not China ("중국인공지능…" is China's AI)
            if ent.kind == "org" and (suffix := _CORPORATE_SUFFIX.match(text, end)):
                end = suffix.end()  # "SK Hynix Inc., which reported …": the suffix is part of the name
            found.append(Mention(m.start(), end, ent))
    for prx, ent in _pattern_matchers():
        found.extend(Mention(m.start(), m.end(), ent) for m in prx.finditer(text) if m.end() > m.start())
    orgs = _unlisted_orgs(text)
    listed = list(found)
    for m in [*orgs, *_unlisted_people(text, orgs)]:
        # ("Rival Samsung Electronics had reported …": a name the table knows inside a found shape is that name)
        if not any(k.start < m.end and m.start < k.end for k in listed):
            found.append(m)
    found.sort(key=lambda x: (x.start, -(x.end - x.start), x.entity.canonical not in _known_names()))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        if out and out[-1].entity.canonical == m.entity.canonical and _GLOSS_BETWEEN.fullmatch(
                text, out[-1].end, m.start) and text.startswith(")", m.end):
            continue  # "촨겅(Chuan Geng)과 스웨이양(Shiwei Yang)": a name glossed in parentheses is one mention
        out.append(m)
    return out


_GLOSS_BETWEEN = re.compile(r"\s?\(\s?")
_CORPORATE_SUFFIX = re.compile(r",?\s(?:Inc|Co|Corp|Ltd|Co\.,\s?Ltd)\.(?=[\s,'’)]|$)")


@lru_cache(maxsize=1)
def chip_makers() -> frozenset[str]:
    """Companies named as a chip's ``maker``: they sell chips, they do not train models."""
    return frozenset(e.maker for e in entity_table() if e.kind == "chip" and e.maker)


@lru_cache(maxsize=1)
def _governments() -> dict[str, str]:
    return {e.canonical: e.government for e in entity_table() if e.government}


@lru_cache(maxsize=1)
def _chip_makers_by_chip() -> dict[str, str]:
    return {e.canonical: e.maker for e in entity_table() if e.kind == "chip" and e.maker}


def maker_of(chip: str | None) -> str | None:
    """The company that makes ``chip`` (``maker`` in the alias table: H20 → Nvidia), ``None`` if unknown."""
    return _chip_makers_by_chip().get(chip) if chip else None


@lru_cache(maxsize=1)
def _fiscal_year_ends() -> dict[str, int]:
    return {e.canonical: e.fiscal_year_end for e in entity_table() if e.fiscal_year_end}


def fiscal_year_end(name: str | None) -> int | None:
    """The month a company's fiscal year ends in (``fiscal_year_end`` in the alias table: Nvidia's ends in
    January), ``None`` for a calendar fiscal year or an unknown name."""
    return _fiscal_year_ends().get(name) if name else None


def government_of(name: str | None) -> str | None:
    """The government entity of a country (``government`` in the alias table), else ``None``."""
    return _governments().get(name) if name else None
