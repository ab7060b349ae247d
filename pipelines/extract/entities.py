"""The bilingual alias table (``data/entities.json``) and entity mentions in text.

Each row: ``{"canonical", "kind" (org|person|chip|country|model|agency), "aliases": [...]}`` plus optional
``owner`` (a model's developer, used as the subject: "R1" → DeepSeek), ``maker`` (a chip's maker),
``role: "outlet"`` (news outlets: cited as sources, never subjects) and ``patterns`` (regular
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

__all__ = ["Entity", "Mention", "entity_table", "find_mentions", "load_entities"]

DATA = Path(__file__).parent / "data" / "entities.json"
KINDS = ("org", "person", "chip", "country", "model", "agency")


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
            )
        )
    return tuple(out)


def load_entities() -> list[dict[str, Any]]:
    """Rows for the ``core.entities`` table: ``canonical``, ``kind`` and the ``aliases`` list (ko and en)."""
    return [{"canonical": e.canonical, "kind": e.kind, "aliases": list(e.aliases)} for e in entity_table()]


def _has_hangul(s: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in s)


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, Entity], dict[str, Entity]]:
    exact: dict[str, Entity] = {}
    folded: dict[str, Entity] = {}
    parts: list[tuple[int, str]] = []
    for ent in entity_table():
        for alias in ent.aliases:
            esc = re.escape(alias).replace(r"\ ", r"\s?" if _has_hangul(alias) else r"\s")
            if _has_hangul(alias):
                pat = esc
                exact[alias.replace(" ", "")] = ent
            else:
                sensitive = len(alias) <= 4 or any(ch.isdigit() for ch in alias)
                body = esc if sensitive else f"(?i:{esc})"
                tail = r"(?:s|'s|’s)?" if ent.kind == "chip" else r"(?:'s|’s)?"
                pat = rf"(?<![A-Za-z0-9]){body}{tail}(?![A-Za-z0-9])"
                (exact if sensitive else folded)[alias if sensitive else alias.lower()] = ent
                if not sensitive:
                    exact.setdefault(alias, ent)
            parts.append((len(alias), f"(?:{pat})"))
    parts.sort(key=lambda p: -p[0])
    return re.compile("|".join(p for _, p in parts)), exact, folded


def _lookup(surface: str, exact: dict[str, Entity], folded: dict[str, Entity]) -> Entity | None:
    s = re.sub(r"(?:'s|’s)$", "", surface)
    for cand in (s, s.rstrip("s") if s.endswith("s") else None):
        if cand is None:
            continue
        key = re.sub(r"\s+", " ", cand)
        if key in exact:
            return exact[key]
        if key.replace(" ", "") in exact:
            return exact[key.replace(" ", "")]
        if key.lower() in folded:
            return folded[key.lower()]
    return None


@lru_cache(maxsize=1)
def _pattern_matchers() -> tuple[tuple[re.Pattern[str], Entity], ...]:
    return tuple((re.compile(p), ent) for ent in entity_table() for p in ent.patterns)


def find_mentions(text: str) -> list[Mention]:
    """Entity mentions in ``text``, left to right, longest match first, not overlapping."""
    rx, exact, folded = _matcher()
    found: list[Mention] = []
    for m in rx.finditer(text):
        ent = _lookup(m.group(), exact, folded)
        if ent is None:
            continue
        end = m.end()
        if ent.canonical == "United States" and end < len(text) and text[end] == "$":
            continue  # "US$103 million" is a currency, not a mention of the country
        found.append(Mention(m.start(), end, ent))
    for prx, ent in _pattern_matchers():
        found.extend(Mention(m.start(), m.end(), ent) for m in prx.finditer(text) if m.end() > m.start())
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
