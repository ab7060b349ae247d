"""``parse_page``: decode, detect the outlet, classify block pages and fronts, run the outlet parser.

It never raises: any exception inside a parser becomes ``ParsedPage(is_article=False,
reason="parse_error", error="<Type>: <msg>")``.
"""

from __future__ import annotations

from collections.abc import Callable

import lxml.html
from lxml import etree

from .layers import generic
from .layers.assemble import non_article
from .layers.context import PageContext
from .layers.html_text import parse_html
from .layers.page_kinds import bot_wall_marker, explicit_non_article
from .parsed_page import ParsedPage
from .registry import FALLBACK, SOURCES, source_for_url

_HEAD_BYTES = 400_000
_CANONICAL_HOSTS = etree.XPath(
    "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href"
    " | //meta[@property='og:url' or @name='og:url']/@content | //meta[@property='og:url' or @name='og:url']/@value"
)
_SITE_NAME = etree.XPath(
    "//meta[@property='og:site_name' or @name='og:site_name' or @name='application-name']/@content"
)


def parser_for(source: str) -> Callable[[PageContext], ParsedPage]:
    """The outlet's parser, or the generic one for :data:`~pipelines.sources.registry.FALLBACK`."""
    pub = SOURCES.get(source)
    return pub.parse if pub is not None else generic.parse


def detect_source(url: str | None, doc: lxml.html.HtmlElement | None) -> str:
    """The outlet from the URL, else from the canonical link / og:url, else from markup (``Publisher.detect``)."""
    source = source_for_url(url)
    if source != FALLBACK or doc is None:
        return source
    for href in _CANONICAL_HOSTS(doc):
        source = source_for_url(href)
        if source != FALLBACK:
            return source
    names = " ".join(_SITE_NAME(doc)).lower()
    for pub in SOURCES.values():
        if pub.detect is not None and pub.detect(doc, names):
            return pub.name
    return FALLBACK


def _parse(html: str | bytes | None, url: str, source: str | None) -> ParsedPage:
    if html is None:
        html = b""
    doc = parse_html(html)
    source = source if source in SOURCES or source == FALLBACK else detect_source(url, doc)
    if doc is None:
        return ParsedPage(url=url, source=source, is_article=False, reason="empty",
                          language=SOURCES[source].language if source in SOURCES else None)
    ctx = PageContext(url=url, source=source, doc=doc)
    marker = bot_wall_marker(html[:_HEAD_BYTES], doc)
    if marker:
        return non_article(ctx, "bot_wall", f"marker:{marker}")
    why = explicit_non_article(ctx)
    if why:
        return non_article(ctx, "non_article", why)
    return parser_for(source)(ctx)


def parse_page(html: str | bytes, url: str, source: str | None = None) -> ParsedPage:
    """Parse one saved page into a :class:`ParsedPage`; never raises."""
    url = url if isinstance(url, str) else str(url or "")
    try:
        return _parse(html, url, source)
    except Exception as exc:  # the contract: a parser failure is data, not an exception
        try:
            fallback_source = source if source in SOURCES or source == FALLBACK else source_for_url(url)
        except Exception:
            fallback_source = FALLBACK
        return ParsedPage(
            url=url,
            source=fallback_source or FALLBACK,
            is_article=False,
            reason="parse_error",
            error=f"{type(exc).__name__}: {exc}",
        )
