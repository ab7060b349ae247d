"""Turning merged metadata and body paragraphs into the :class:`ParsedPage` contract, with final checks."""

from __future__ import annotations

import copy
from datetime import datetime, tzinfo
from typing import Any

from .. import registry
from ..parsed_page import ParsedPage
from .context import PageContext
from .dates import UTC, PageDate
from .html_text import clean_text
from .metadata import Metadata
from .outlet import page_outlet
from .page_kinds import article_markers, explicit_non_article, is_paywall_stub

MIN_BODY_CHARS = 250
# Korean, Japanese and Chinese say in about 150 characters what English says in 400: a brief's body is short.
MIN_BODY_CHARS_CJK = 90
_CJK = ("ko", "ja", "zh")


def min_body_chars(language: str | None) -> int:
    """The shortest body that is an article's text in ``language`` (250 characters; 90 for ko, ja, zh)."""
    return MIN_BODY_CHARS_CJK if (language or "").lower()[:2] in _CJK else MIN_BODY_CHARS


def finalize_paragraphs(paragraphs: list[str]) -> list[str]:
    """Whitespace-collapse each paragraph and drop empties and immediate duplicates."""
    out: list[str] = []
    for p in paragraphs:
        text = clean_text(p)
        if text and (not out or out[-1] != text):
            out.append(text)
    return out


def language_for(ctx: PageContext) -> str | None:
    """The outlet's language where ``<html lang>`` may not override it (News1: ``ko``); otherwise
    ``<html lang>``, then the outlet default."""
    pub = registry.SOURCES.get(ctx.source)
    if pub is not None and not pub.html_lang_wins:
        return pub.language
    return ctx.html_lang or (pub.language if pub else None)


def htmldate_published(ctx: PageContext, tz: tzinfo) -> PageDate | None:
    """The publication day htmldate finds in ``<time>`` elements, visible datelines ("Published: March 2,
    2025") and URL patterns: the last resort when no metadata layer or era selector gave a date. Day
    precision, midnight in the outlet's time zone. htmldate gets a copy of the tree (it cleans what it reads).

    On the corpus and the sample every article already has a date from the layers before this one (measured:
    34 of 34), so htmldate only fills pages that had none; it is not asked to second-guess the others.
    """
    from htmldate import find_date  # imported lazily: only undated pages pay for it

    try:
        found = find_date(copy.deepcopy(ctx.doc), url=ctx.url or None, original_date=True,
                          outputformat="%Y-%m-%d")
    except Exception:  # a fallback's failure must not fail the page
        return None
    if not found:
        return None
    day = datetime.strptime(found, "%Y-%m-%d")
    return PageDate(value=day.replace(tzinfo=tz), has_time=False, raw=f"htmldate:{found}")


def non_article(ctx: PageContext, reason: str, why: str, **extras: Any) -> ParsedPage:
    """A page that is not an article (or is blocked), keeping identity fields."""
    page = ParsedPage(
        url=ctx.url,
        source=ctx.source,
        is_article=False,
        reason=reason,
        canonical_url=registry.canonical_article_url(ctx.canonical) if ctx.canonical else None,
        language=language_for(ctx),
        extras={"classified_by": why, **ctx.extras, **extras},
    )
    return page


def build_page(
    ctx: PageContext,
    meta: Metadata,
    paragraphs: list[str],
    parser: str,
    *,
    extras: dict[str, Any] | None = None,
    page_text_hint: str = "",
    template_markers: tuple[str, ...] | list[str] = (),
) -> ParsedPage:
    """Assemble the final page, classifying non-articles, paywall stubs and empty pages."""
    paragraphs = finalize_paragraphs(paragraphs)
    body = "\n\n".join(paragraphs)
    why = explicit_non_article(ctx)
    if why:
        return non_article(ctx, "non_article", why)
    markers = article_markers(ctx) + list(template_markers)
    all_extras: dict[str, Any] = {**ctx.extras, **(extras or {})}
    min_body = min_body_chars(language_for(ctx))
    if meta.published is None and len(body) >= min_body:
        pub = registry.SOURCES.get(ctx.source)
        meta.published = htmldate_published(ctx, pub.timezone if pub else UTC)
        if meta.published is not None:
            meta.origins["published"] = "htmldate"
    if meta.origins:
        all_extras["field_layers"] = dict(meta.origins)
    if meta.keywords:
        all_extras.setdefault("keywords", meta.keywords)
    if meta.published is not None:
        all_extras["published_raw"] = meta.published.raw
        if not meta.published.has_time:
            all_extras["published_precision"] = "day"
    if meta.modified is not None:
        all_extras["modified_raw"] = meta.modified.raw
    paywalled = bool(meta.paywalled)
    reason: str | None = None
    if len(body) < min_body:
        if paywalled and (body or markers):
            reason = "paywall_stub"
        elif not markers:
            reason = "non_article"
        elif not body:
            reason = "empty"
    if reason is None and is_paywall_stub(paragraphs, paywalled, page_text_hint):
        reason = "paywall_stub"
    if reason is None and not markers and (not meta.headline or (len(body) < 1500 and len(paragraphs) < 4)):
        reason = "non_article"
    if reason == "non_article":
        return non_article(ctx, "non_article", "no article markers and no substantial body")
    all_extras["article_markers"] = markers
    found = page_outlet(ctx, paragraphs, all_extras.get("byline"))
    if found.via:
        all_extras["outlet_via"] = found.via
    if found.carried_by:
        all_extras["carried_by"] = found.carried_by
    return ParsedPage(
        url=ctx.url,
        source=ctx.source,
        is_article=reason is None,
        reason=reason,
        canonical_url=registry.canonical_article_url(ctx.canonical or ctx.url),
        language=language_for(ctx),
        headline=meta.headline,
        description=meta.description,
        authors=list(meta.authors),
        published_at=meta.published.value if meta.published else None,
        modified_at=meta.modified.value if meta.modified else None,
        section=meta.section,
        paragraphs=paragraphs if reason is None or reason == "paywall_stub" else [],
        body_text=body if reason is None or reason == "paywall_stub" else "",
        paywalled=paywalled,
        parser=parser,
        outlet=found.outlet,
        extras=all_extras,
    )
