"""Source adapters: discovery and layered parsing for News1, CNN and NYT, plus a generic fallback.

Public API::

    parse_page(html, url, source=None) -> ParsedPage        # never raises
    SOURCES, source_for_url(url), is_article_url(source, url), canonical_article_url(url)
    parse_feed(body, source, feed_url) -> list[FeedItem]    # RSS/Atom, sitemaps, news sitemaps, indexes
    parse_listing(html, source, page_url) -> FeedParseResult  # article links on /latest and section fronts
    is_relevant_text(text) -> bool                          # bilingual AI-chip / export-control filter
"""

from __future__ import annotations

from .discovery import FeedItem, FeedParseResult, parse_feed, parse_feed_detailed, parse_listing
from .dispatch import detect_source, parse_page
from .parsed_page import NOT_ARTICLE_REASONS, ParsedPage
from .publisher import Feed, Publisher
from .registry import SOURCES, article_key, canonical_article_url, is_article_url, source_for_url
from .topics import is_relevant_page, is_relevant_text

__all__ = [
    "NOT_ARTICLE_REASONS",
    "SOURCES",
    "Feed",
    "FeedItem",
    "FeedParseResult",
    "ParsedPage",
    "Publisher",
    "article_key",
    "canonical_article_url",
    "detect_source",
    "is_article_url",
    "is_relevant_page",
    "is_relevant_text",
    "parse_feed",
    "parse_feed_detailed",
    "parse_listing",
    "parse_page",
    "source_for_url",
]
