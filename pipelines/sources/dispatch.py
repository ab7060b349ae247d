"""``parse_page``: decode, detect the outlet, classify block pages and fronts, run the outlet parser.

It never raises: any exception inside a parser becomes ``ParsedPage(is_article=False,
reason="parse_error", error="<Type>: <msg>")``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from .layers import generic
from .layers.assemble import non_article
from .layers.context import PageContext
from .layers.html_text import parse_html
from .layers.page_kinds import bot_wall_marker, explicit_non_article
from .outlets import cnn, news1, nyt
from .parsed_page import ParsedPage
from .registry import SOURCES, source_for_url

PARSERS: dict[str, Callable[[PageContext], ParsedPage]] = {
    "news1": news1.parse,
    "cnn": cnn.parse,
    "nyt": nyt.parse,
    "other": generic.parse,
}

_HEAD_BYTES = 400_000
_CANONICAL_HOSTS = etree.XPath(
    "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href"
    " | //meta[@property='og:url' or @name='og:url']/@content | //meta[@property='og:url' or @name='og:url']/@value"
)
_SITE_NAME = etree.XPath(
    "//meta[@property='og:site_name' or @name='og:site_name' or @name='application-name']/@content"
)
_NEWS1_MARKER = re.compile(r"news1\.kr|뉴스1")


def detect_source(url: str | None, doc: lxml.html.HtmlElement | None) -> str:
    """The outlet from the URL, else from the canonical link / og:url, else from markup."""
    source = source_for_url(url)
    if source != "other" or doc is None:
        return source
    for href in _CANONICAL_HOSTS(doc):
        source = source_for_url(href)
        if source != "other":
            return source
    names = " ".join(_SITE_NAME(doc)).lower()
    if "new york times" in names or doc.xpath("boolean(//meta[@name='nyt_uri' or @name='byl'])"):
        return "nyt"
    if re.search(r"\bcnn\b", names):
        return "cnn"
    if _NEWS1_MARKER.search(names) or doc.xpath("boolean(//script[@id='__NEXT_DATA__'][contains(., 'articleView')])"):
        return "news1"
    return "other"




def _parse(html: str | bytes | None, url: str, source: str | None) -> ParsedPage:
    if html is None:
        html = b""
    doc = parse_html(html)
    source = source if source in PARSERS else detect_source(url, doc)
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
    return PARSERS[source](ctx)


def parse_page(html: str | bytes, url: str, source: str | None = None) -> ParsedPage:
    """Parse one saved page into a :class:`ParsedPage`; never raises."""
    url = url if isinstance(url, str) else str(url or "")
    try:
        return _parse(html, url, source)
    except Exception as exc:  # the contract: a parser failure is data, not an exception
        try:
            fallback_source = source if source in PARSERS else source_for_url(url)
        except Exception:
            fallback_source = "other"
        return ParsedPage(
            url=url,
            source=fallback_source or "other",
            is_article=False,
            reason="parse_error",
            error=f"{type(exc).__name__}: {exc}",
        )
