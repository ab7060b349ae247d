"""Discovery: turning RSS/Atom feeds, sitemaps, Google News sitemaps and sitemap indexes into feed items.

RSS/Atom go through feedparser; sitemaps through lxml with ``recover=True`` so that malformed XML still yields
what it can. Gzip bodies are recognised by their magic bytes and decompressed with a size cap
(:func:`pipelines.fetch.decode.gunzip_prefix`). Only items
whose URL passes :func:`registry.is_article_url` are returned as items; the others are kept in
``FeedParseResult.skipped`` with a reason.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from pipelines.fetch.decode import gunzip_prefix

from .layers.dates import parse_any
from .layers.html_text import clean_text, strip_tags
from .registry import as_outlet_url, canonical_article_url, is_article_url, source_for_url

MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024
_SNIFF_STRIP = re.compile(
    rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*\?>)+", re.S | re.I
)


@dataclass
class FeedItem:
    """One entry of a feed or sitemap. ``url`` is canonical; ``raw_url`` is the link exactly as written."""

    url: str
    title: str | None
    summary: str | None
    published_at: datetime | None
    source: str
    via: str
    modified_at: datetime | None = None
    raw_url: str | None = None
    kind: str = ""
    keywords: list[str] = field(default_factory=list)
    is_article: bool = True
    skip_reason: str | None = None


@dataclass
class FeedParseResult:
    """Everything read from one feed body."""

    kind: str
    items: list[FeedItem] = field(default_factory=list)
    skipped: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Entries seen, kept or skipped."""
        return len(self.items) + len(self.skipped)


def sniff_kind(body: bytes) -> str:
    """``rss``, ``atom``, ``sitemap``, ``sitemap_index``, ``html`` or ``unknown`` from the first tag."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    head = _SNIFF_STRIP.sub(b"", head, count=1).lstrip().lower()
    for prefix, kind in ((b"<rss", "rss"), (b"<rdf:rdf", "rss"), (b"<feed", "atom"), (b"<urlset", "sitemap"),
                         (b"<sitemapindex", "sitemap_index"), (b"<html", "html"), (b"<!doctype html", "html")):
        if head.startswith(prefix):
            return kind
    if b"<urlset" in head:
        return "sitemap"
    if b"<sitemapindex" in head:
        return "sitemap_index"
    if b"<rss" in head or b"<channel" in head:
        return "rss"
    return "unknown"


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError):
        pass
    found = parse_any(text, UTC)
    return found.value if found else None


def _finish(result: FeedParseResult, item: FeedItem, source: str, stand_ins: tuple[str, ...] = ()) -> None:
    item_source = source if source != "other" else source_for_url(item.url)
    item.source = item_source if item_source != "other" else source
    if (is_article_url(item.source, item.raw_url or item.url, stand_ins)
            or is_article_url(item.source, item.url, stand_ins)):
        result.items.append(item)
    else:
        item.is_article = False
        item.skip_reason = "not an article URL for " + item.source
        result.skipped.append(item)


def _parse_rss(body: bytes, source: str, feed_url: str, kind: str,
               stand_ins: tuple[str, ...] = ()) -> FeedParseResult:
    import feedparser

    result = FeedParseResult(kind=kind)
    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.entries:
        result.errors.append(f"feedparser: {parsed.get('bozo_exception')!r}")
    version = parsed.get("version") or ""
    if version.startswith("atom"):
        result.kind = "atom"
    for entry in parsed.entries:
        link = entry.get("link") or ""
        original = entry.get("feedburner_origlink") or entry.get("origlink") or ""
        target = (original or link).strip()
        if not target:
            continue
        published = _date(dict.get(entry, "published") or dict.get(entry, "pubdate") or dict.get(entry, "updated"))
        if published is None and entry.get("published_parsed"):
            published = datetime(*entry["published_parsed"][:6], tzinfo=UTC)
        tags = [t.get("term") for t in entry.get("tags", []) if isinstance(t, dict) and t.get("term")]
        item = FeedItem(
            url=canonical_article_url(target),
            title=clean_text(entry.get("title")) or None,
            summary=strip_tags(entry.get("summary")) or None,
            published_at=published,
            source=source,
            via=feed_url,
            modified_at=_date(dict.get(entry, "updated")) if dict.get(entry, "published") else None,
            raw_url=link.strip() or None,
            kind=result.kind,
            keywords=[clean_text(t) for t in tags],
        )
        _finish(result, item, source, stand_ins)
    return result


def _child_text(el: etree._Element, path: str) -> str | None:
    found = el.find(path)
    if found is None or found.text is None:
        return None
    text = found.text.strip()
    return text or None


def _parse_sitemap(body: bytes, source: str, feed_url: str, stand_ins: tuple[str, ...] = ()) -> FeedParseResult:
    result = FeedParseResult(kind="sitemap")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        result.errors.append(f"xml: {exc}")
        return result
    if root is None:
        result.errors.append("xml: no root element")
        return result
    if parser.error_log:
        result.errors.extend(f"xml: {e.message.strip()} (line {e.line})" for e in list(parser.error_log)[:5])
    local = etree.QName(root).localname if isinstance(root.tag, str) else ""
    if local == "sitemapindex":
        result.kind = "sitemap_index"
        for sm in root.iter("{*}sitemap"):
            loc = _child_text(sm, "{*}loc")
            if loc:
                result.sitemaps.append(loc)
        return result
    for url_el in root.iter("{*}url"):
        loc = _child_text(url_el, "{*}loc")
        if not loc:
            continue
        news = url_el.find("{*}news")
        title = None
        published = None
        keywords: list[str] = []
        if news is not None:
            result.kind = "news_sitemap"
            title = _child_text(news, "{*}title")
            published = _date(_child_text(news, "{*}publication_date"))
            kw = _child_text(news, "{*}keywords")
            keywords = [k.strip() for k in kw.split(",") if k.strip()] if kw else []
        modified = _date(_child_text(url_el, "{*}lastmod"))
        item = FeedItem(
            url=canonical_article_url(loc),
            title=clean_text(title) or None,
            summary=None,
            published_at=published,
            source=source,
            via=feed_url,
            modified_at=modified,
            raw_url=loc,
            kind=result.kind,
            keywords=keywords,
        )
        _finish(result, item, source, stand_ins)
    return result


def parse_feed_detailed(body: bytes | str, source: str, feed_url: str,
                        stand_ins: Iterable[str] = ()) -> FeedParseResult:
    """Parse any supported feed body; never raises (problems go to ``errors``).

    ``stand_ins``: hosts standing in for ``source`` (the fetcher's ``sources`` override); their URLs are
    judged by the outlet's article-URL rules as if they were on its own host.
    """
    stand_ins = tuple(stand_ins)
    try:
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
        raw, error = gunzip_prefix(raw, MAX_DECOMPRESSED_BYTES)
        kind = sniff_kind(raw)
        if kind in ("rss", "atom"):
            result = _parse_rss(raw, source, feed_url, kind, stand_ins)
        elif kind in ("sitemap", "sitemap_index"):
            result = _parse_sitemap(raw, source, feed_url, stand_ins)
        elif kind == "html":
            result = FeedParseResult(kind="html", errors=["body is HTML, not a feed"])
        else:
            # unknown: try a sitemap parse (tolerant), then feedparser
            result = _parse_sitemap(raw, source, feed_url, stand_ins) if raw.strip() else FeedParseResult(kind="empty")
            if not result.total and not result.sitemaps and raw.strip():
                result = _parse_rss(raw, source, feed_url, "rss", stand_ins)
                if not result.total:
                    result = FeedParseResult(kind="unknown", errors=["not a recognisable feed or sitemap"])
        if error:
            result.errors.insert(0, error)
        return result
    except Exception as exc:  # a broken feed is data, not a crash
        return FeedParseResult(kind="error", errors=[f"{type(exc).__name__}: {exc}"])


def parse_feed(body: bytes, source: str, feed_url: str, stand_ins: Iterable[str] = ()) -> list[FeedItem]:
    """Article items of a feed/sitemap body (skipped entries: see :func:`parse_feed_detailed`)."""
    return parse_feed_detailed(body, source, feed_url, stand_ins).items


def as_dict(item: FeedItem) -> dict[str, Any]:
    """JSON-friendly form of a feed item."""
    out = dict(item.__dict__)
    for key in ("published_at", "modified_at"):
        if out[key] is not None:
            out[key] = out[key].isoformat()
    return out


def parse_listing(html: str | bytes, source: str, page_url: str, stand_ins: Iterable[str] = ()) -> FeedParseResult:
    """Article links on a listing page (News1 ``/latest?page=N``, section fronts), as feed items.

    Links are resolved against ``page_url``, canonicalised and de-duplicated; titles are the link texts.
    Listing pages carry no reliable per-item dates here, so ``published_at`` stays ``None``. Links to the
    ``stand_ins`` hosts count as the outlet's own (see :func:`parse_feed_detailed`).
    """
    stand_ins = tuple(stand_ins)
    from urllib.parse import urljoin

    from .layers.html_text import element_text, parse_html

    result = FeedParseResult(kind="listing")
    try:
        doc = parse_html(html)
    except Exception as exc:  # pragma: no cover - parse_html already swallows parser errors
        result.errors.append(f"{type(exc).__name__}: {exc}")
        return result
    if doc is None:
        result.errors.append("empty page")
        return result
    seen: set[str] = set()
    for link in doc.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        absolute = urljoin(page_url, href)
        url = canonical_article_url(absolute)
        if url in seen:
            continue
        seen.add(url)
        item = FeedItem(url=url, title=element_text(link) or None, summary=None, published_at=None,
                        source=source, via=page_url, raw_url=absolute, kind="listing")
        if source_for_url(as_outlet_url(source, url, stand_ins)) != source:
            continue  # off-site links are not reported at all
        _finish(result, item, source, stand_ins)
    return result
