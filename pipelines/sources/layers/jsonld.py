"""JSON-LD: tolerant extraction of ``<script type="application/ld+json">`` objects and NewsArticle fields.

Handles ``@graph`` containers, top-level lists, empty ``[]`` blocks, CDATA/comment wrappers, trailing commas,
raw control characters, several objects in one script, and HTML entities left inside string values.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .html_text import clean_text, strip_tags

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "factcheck",
        "blogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
NON_ARTICLE_TYPES = frozenset(
    {
        "collectionpage",
        "itemlist",
        "website",
        "searchresultspage",
        "liveblogposting",
        "profilepage",
        "videoobject",
        "imagegallery",
        "mediagallery",
    }
)

_WRAPPER = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LD_XPATH = etree.XPath(
    "//script[contains(translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'ld+json')]"
)


def _loads_tolerant(text: str) -> list[Any]:
    """Parse one script body into zero or more JSON values, repairing common breakage."""
    text = text.strip()
    for _ in range(3):
        stripped = _WRAPPER.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    if not text:
        return []
    try:
        return [json.loads(text, strict=False)]
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", text)
    try:
        return [json.loads(repaired, strict=False)]
    except ValueError:
        pass
    # several concatenated values, or garbage after the first one
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos = 0
    while pos < len(repaired):
        start = min((i for i in (repaired.find("{", pos), repaired.find("[", pos)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, end = decoder.raw_decode(repaired, start)
        except ValueError:
            pos = start + 1
            continue
        values.append(value)
        pos = end
    return values


def _flatten(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if isinstance(graph, list | dict):
            yield from _flatten(graph, depth + 1)
        if "@type" in value or not graph:
            yield value
        main = value.get("mainEntity")
        if isinstance(main, dict) and "@type" in main:
            yield from _flatten(main, depth + 1)


def extract_jsonld(doc: etree._Element) -> list[dict[str, Any]]:
    """All JSON-LD objects on the page, flattened (``@graph`` members, list items, ``mainEntity``)."""
    objects: list[dict[str, Any]] = []
    for script in _LD_XPATH(doc):
        text = script.text
        if not text or not text.strip():
            continue
        for value in _loads_tolerant(text):
            objects.extend(_flatten(value))
    return objects


def types_of(obj: dict[str, Any]) -> set[str]:
    """Lower-cased ``@type`` values of an object (``@type`` may be a string or a list)."""
    raw = obj.get("@type")
    if isinstance(raw, str):
        return {raw.lower().rsplit("/", 1)[-1]}
    if isinstance(raw, list):
        return {t.lower().rsplit("/", 1)[-1] for t in raw if isinstance(t, str)}
    return set()


def find_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first article-typed object (NewsArticle and relatives), else ``None``."""
    for obj in objects:
        if types_of(obj) & ARTICLE_TYPES:
            return obj
    return None


def text_value(obj: dict[str, Any] | None, key: str) -> str | None:
    """A string field with entities and tags removed; lists yield their first string."""
    if not obj:
        return None
    value = obj.get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if not isinstance(value, str):
        return None
    text = strip_tags(html.unescape(value)) if ("&" in value or "<" in value) else clean_text(value)
    return text or None


def raw_value(obj: dict[str, Any] | None, key: str) -> Any:
    """The raw value of ``key`` (first element if a list)."""
    if not obj:
        return None
    value = obj.get(key)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def author_names(obj: dict[str, Any] | None) -> list[str]:
    """Raw author strings from ``author`` (Person/Organization objects, strings or lists of either)."""
    if not obj:
        return []
    value = obj.get("author")
    if value is None:
        value = obj.get("creator")
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(n for n in name if isinstance(n, str))
            if isinstance(name, str):
                names.append(name)
    return [html.unescape(n) for n in names if n and n.strip()]


def is_accessible_for_free(obj: dict[str, Any] | None) -> bool | None:
    """``isAccessibleForFree`` as a bool (accepts "False"/"false" strings); ``None`` when absent."""
    if not obj:
        return None
    value = obj.get("isAccessibleForFree")
    if value is None:
        part = obj.get("hasPart")
        parts = part if isinstance(part, list) else [part]
        for p in parts:
            if isinstance(p, dict) and "isAccessibleForFree" in p:
                value = p["isAccessibleForFree"]
                break
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("false", "no", "0"):
            return False
        if lowered in ("true", "yes", "1"):
            return True
    return None


def keywords(obj: dict[str, Any] | None) -> list[str]:
    """``keywords`` as a list (comma-separated strings are split)."""
    if not obj:
        return []
    value = obj.get("keywords")
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    if isinstance(value, list):
        return [clean_text(k) for k in value if isinstance(k, str) and k.strip()]
    return []
