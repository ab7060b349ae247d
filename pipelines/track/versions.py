"""Turning parsed pages into versioned articles.

Pages of one article (same canonical URL) are read in fetch order; a page becomes a new version only when
its normalized body differs from the latest version's. Re-fetching an unchanged article, or replaying the
same archive twice, therefore adds nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from pipelines.records import ArticleVersion
from pipelines.sources.parsed_page import ParsedPage
from pipelines.track.revisions import body_hash


def article_id_for(canonical_url: str) -> str:
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


@dataclass
class PageParse:
    """A kept page and what the parser made of it."""

    page_id: str
    url: str
    source: str
    fetched_at: datetime
    parsed: ParsedPage


def assign_versions(
    pages: list[PageParse], relevance: dict[str, bool] | None = None
) -> tuple[list[ArticleVersion], dict[str, str]]:
    """Article version rows (``core.articles``) and a map page_id -> article_id for article pages.

    ``relevance`` maps page_id to the topic filter's verdict (default True).
    """
    by_article: dict[str, list[PageParse]] = {}
    page_article: dict[str, str] = {}
    for p in pages:
        if not p.parsed.is_article:
            continue
        canonical = p.parsed.canonical_url or p.url
        aid = article_id_for(canonical)
        page_article[p.page_id] = aid
        by_article.setdefault(aid, []).append(p)
    rows: list[ArticleVersion] = []
    for aid, group in by_article.items():
        group.sort(key=lambda p: (p.fetched_at, p.page_id))
        first_seen = group[0].fetched_at
        latest_hash = None
        version = 0
        for p in group:
            h = body_hash(p.parsed.body_text)
            if h == latest_hash:
                continue
            latest_hash = h
            version += 1
            a = p.parsed
            rows.append({
                "article_id": aid, "version": version, "source": p.source, "url": p.url,
                "outlet": a.outlet, "outlet_via": a.extras.get("outlet_via"),
                "canonical_url": a.canonical_url or p.url, "language": a.language, "headline": a.headline,
                "description": a.description, "authors": list(a.authors), "section": a.section,
                "published_at": a.published_at, "modified_at": a.modified_at, "first_seen_at": first_seen,
                "fetched_at": p.fetched_at, "page_id": p.page_id, "content_sha256": h, "body_text": a.body_text,
                "word_count": len(a.body_text.split()), "parser": a.parser,
                "is_relevant": (relevance or {}).get(p.page_id, True), "paywalled": a.paywalled,
            })
    return rows, page_article
