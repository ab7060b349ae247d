"""Page classification before and after parsing: bot walls, non-article pages, paywall stubs.

The generic rules live here; each outlet adds its own front-page and article markers on its ``Publisher``
(``front_page``, ``article_marker``, ``article_evidence``), which apply to every page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from pipelines.fetch.outcome import looks_like_challenge

from .. import registry
from .context import PageContext
from .html_text import visible_text_length
from .jsonld import ARTICLE_TYPES, NON_ARTICLE_TYPES

# Markers of block pages (lower-case; matched as plain substrings, which is far faster than a regex over a
# multi-megabyte page). The strong ones are specific to challenge pages; the weak ones also occur in
# <noscript> notes of real articles, so they count only when the page has little visible text.
BOT_STRONG = (
    "captcha-delivery.com",
    "you have been blocked",
    "you’ve been blocked",
    "you've been blocked",
    "we are having trouble retrieving the article content",
    "access to this page has been denied",
    "px-captcha",
    "cf-chl-bypass",
    "attention required! | cloudflare",
    "request unsuccessful. incapsula",
)
BOT_WEAK = (
    "verify access",
    "please enable javascript",
    "enable javascript and cookies",
    "checking your browser",
    "are you a robot",
    "verify you are human",
    "unusual traffic",
    "access denied",
)
# Prompts that replace the rest of a story behind the wall ("Already a subscriber? Log in." is not one of
# them: NYT prints it after complete stories too).
_PAYWALL_TEXT = re.compile(
    r"Subscribe to continue reading|This article is for subscribers|subscribers only|"
    r"Create your free account to continue|Log in or create a free account|"
    r"You have reached your limit of free articles|continue reading with a subscription",
    re.I,
)

MIN_ARTICLE_CHARS = 400
BOT_WALL_MAX_TEXT = 4000


def _find(haystack: str | bytes, needles: tuple[str, ...]) -> str | None:
    for needle in needles:
        probe: str | bytes = needle.encode("utf-8") if isinstance(haystack, bytes) else needle
        if probe in haystack:  # type: ignore[operator]
            return needle
    return None


def bot_wall_marker(raw_head: str | bytes, doc: etree._Element | None) -> str | None:
    """The matched bot-wall phrase if this page is a captcha/block page, else ``None``.

    ``raw_head`` is the start of the raw page (bytes or text); it is lower-cased here.
    """
    low = raw_head.lower()
    strong = _find(low, BOT_STRONG)
    marker = strong or _find(low, BOT_WEAK)
    if marker is None:
        # No known phrase: a JavaScript challenge still shows by its shape (pipelines.fetch.outcome).
        raw = raw_head.encode("utf-8") if isinstance(raw_head, str) else raw_head
        return "challenge-shape" if looks_like_challenge(raw) else None
    text_len = visible_text_length(doc, limit=BOT_WALL_MAX_TEXT * 2) if doc is not None else 0
    limit = BOT_WALL_MAX_TEXT * 2 if strong else BOT_WALL_MAX_TEXT
    return marker if text_len < limit else None


def has_paywall_text(text: str) -> bool:
    """True when the text carries a subscription prompt."""
    return bool(_PAYWALL_TEXT.search(text))


def is_front_url(url: str | None) -> bool:
    """Home pages: an empty path (``https://www.nytimes.com``, ``http://edition.cnn.com/``)."""
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    path = parts.path.strip("/")
    return parts.scheme in ("http", "https") and path in ("", "index.html", "index.htm", "home", "main")


def explicit_non_article(ctx: PageContext) -> str | None:
    """A reason string when the markup says outright that this is not an article page."""
    types = ctx.ld_types
    if types & {"liveblogposting"}:
        return "jsonld:LiveBlogPosting"
    if types and not (types & ARTICLE_TYPES) and types & {"collectionpage", "itemlist", "searchresultspage"}:
        return "jsonld:" + ",".join(sorted(types & NON_ARTICLE_TYPES))
    for pub in registry.SOURCES.values():
        why = pub.front_page(ctx) if pub.front_page else None
        if why:
            return why
    meta = ctx.meta
    for url in (ctx.url, ctx.canonical):
        if is_front_url(url):
            return "url:front"
    if (meta.get("og:type") or "").lower() == "website" and not _strong_article_evidence(ctx):
        return "og:type=website"
    return None


def _strong_article_evidence(ctx: PageContext) -> bool:
    """Evidence that outweighs a generic ``og:type=website`` set by a site layout."""
    if ctx.article_ld is not None:
        return True
    if any(pub.article_evidence(ctx) for pub in registry.SOURCES.values() if pub.article_evidence):
        return True
    if ctx.meta.get("article:published_time", "article:published", "pubdate", "ptime"):
        return True
    return bool(ctx.microdata.itemtypes & {"newsarticle", "article", "blogposting", "reportagenewsarticle"})


def article_markers(ctx: PageContext) -> list[str]:
    """Evidence that the page is a single article."""
    found: list[str] = []
    if ctx.article_ld is not None:
        found.append("jsonld")
    if ctx.microdata.itemtypes & {"newsarticle", "article", "blogposting", "reportagenewsarticle"}:
        found.append("microdata")
    meta = ctx.meta
    if (meta.get("og:type") or "").lower() == "article":
        found.append("og:type")
    if meta.get("article:published_time", "article:published", "pubdate", "ptime", "pdate"):
        found.append("meta:published")
    for pub in registry.SOURCES.values():
        marker = pub.article_marker(ctx) if pub.article_marker else None
        if marker:
            found.append(marker)
    return found


def is_paywall_stub(paragraphs: list[str], paywalled: bool, page_text_hint: str = "") -> bool:
    """A short teaser behind a paywall: flagged not free and too short to be the story."""
    if not paywalled:
        return False
    words = sum(len(p.split()) for p in paragraphs)
    if words < 80 or (len(paragraphs) <= 2 and words < 150):
        return True
    return words < 350 and has_paywall_text(page_text_hint)
