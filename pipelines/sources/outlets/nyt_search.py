"""NYT Article Search documents as discovery records: the mapping half of the API client.

The HTTP client (paging, politeness, retries, the WARC archive, key redaction) is
:mod:`pipelines.fetch.article_search`; this module only turns the API's ``docs`` into :class:`FeedItem`\\ s.
Docs are read tolerantly: ``headline`` as an object or a string, ``byline`` null, ``lead_paragraph`` absent
(newer API versions), ``pub_date`` with ``+0000`` or ``Z``. Only docs whose ``document_type`` is ``article``
(or missing) and whose canonical ``web_url`` passes ``is_article_url("nyt", ...)`` become items; the rest go
to ``FeedParseResult.skipped`` with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from ..discovery import FeedItem, FeedParseResult
from ..layers.authors import split_byline
from ..layers.dates import parse_any
from ..layers.html_text import clean_text
from ..registry import canonical_article_url, is_article_url, source_for_url
from .nyt import PUBLISHER

API_URL = PUBLISHER.search.url if PUBLISHER.search else ""
VIA = "nyt_api"
KIND = "article_search"


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _headline(doc: dict[str, Any]) -> str | None:
    head = doc.get("headline")
    if isinstance(head, str):
        return _text(head) or None
    if isinstance(head, dict):
        for key in ("main", "print_headline", "name", "default"):
            found = _text(head.get(key))
            if found:
                return found
    return None


def _summary(doc: dict[str, Any]) -> str | None:
    parts: list[str] = []
    first = _text(doc.get("abstract")) or _text(doc.get("snippet"))
    if first:
        parts.append(first)
    lead = _text(doc.get("lead_paragraph"))
    if lead and lead not in parts:
        parts.append(lead)
    return "\n\n".join(parts) or None


def _published(doc: dict[str, Any]) -> datetime | None:
    found = parse_any(doc.get("pub_date"), UTC)
    return found.value.astimezone(UTC) if found else None


def _keywords(doc: dict[str, Any]) -> list[str]:
    raw = doc.get("keywords")
    if not isinstance(raw, list):
        return []
    out: list[str] = []
    for kw in raw:
        value = _text(kw.get("value")) if isinstance(kw, dict) else _text(kw)
        if value and value not in out:
            out.append(value)
    return out


def doc_authors(doc: dict[str, Any]) -> list[str]:
    """Author names of one doc: ``byline.person[]`` (first/middle/last), else ``byline.original`` split.

    :class:`FeedItem` has no authors field yet, so :func:`doc_to_item` cannot carry these; they are offered for
    callers that keep the raw docs.
    """
    byline = doc.get("byline")
    if isinstance(byline, str):
        return split_byline(byline)
    if not isinstance(byline, dict):
        return []
    names: list[str] = []
    people = byline.get("person")
    if isinstance(people, list):
        for person in people:
            if not isinstance(person, dict):
                continue
            name = " ".join(_text(person.get(k)) for k in ("firstname", "middlename", "lastname"))
            name = clean_text(name)
            if name and name not in names:
                names.append(name)
    return names or split_byline(_text(byline.get("original")) or None)


def doc_to_item(doc: dict[str, Any]) -> FeedItem | None:
    """Map one Article Search doc to a :class:`FeedItem` (``None`` when it has no ``web_url``).

    The item is marked ``is_article=False`` with a ``skip_reason`` when the doc is not an article
    (``document_type`` other than ``article``; a missing type is left to the URL rule) or its canonical URL is
    not an NYT article URL (``/interactive/``, ``/video/``, ``/live/``, ...).
    """
    raw_url = doc.get("web_url")
    if not isinstance(raw_url, str) or not raw_url.strip():
        return None
    raw_url = raw_url.strip()
    url = canonical_article_url(raw_url)
    item = FeedItem(
        url=url,
        title=_headline(doc),
        summary=_summary(doc),
        published_at=_published(doc),
        source="nyt",
        via=VIA,
        raw_url=raw_url,
        kind=KIND,
        keywords=_keywords(doc),
    )
    doc_type = doc.get("document_type")
    if isinstance(doc_type, str) and doc_type.strip() and doc_type.strip().lower() != "article":
        item.is_article = False
        item.skip_reason = f"document_type={doc_type.strip()}"
    elif source_for_url(url) != "nyt" or not is_article_url("nyt", url):
        item.is_article = False
        item.skip_reason = "not an article URL for nyt"
    return item


def parse_docs(docs: Iterable[Any], result: FeedParseResult | None = None, *, page: int = 0,
               seen: set[str] | None = None) -> FeedParseResult:
    """Sort docs into ``items`` (articles) and ``skipped``; docs without a URL are noted in ``errors``.

    ``seen`` holds canonical URLs already returned (by an earlier page); repeats are dropped silently.
    """
    result = result if result is not None else FeedParseResult(kind=KIND)
    seen = seen if seen is not None else set()
    for index, doc in enumerate(docs):
        if not isinstance(doc, dict):
            result.errors.append(f"page {page} doc {index}: not an object")
            continue
        item = doc_to_item(doc)
        if item is None:
            ident = doc.get("_id") or doc.get("uri") or "?"
            result.errors.append(f"page {page} doc {index} ({ident}): no web_url")
            continue
        if not item.is_article:
            result.skipped.append(item)
            continue
        if item.url in seen:
            continue
        seen.add(item.url)
        result.items.append(item)
    return result
