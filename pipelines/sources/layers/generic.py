"""The generic layer: trafilatura as the body fallback, and the whole parser for sites we have no module for."""

from __future__ import annotations

import logging

from lxml import etree

from ..parsed_page import ParsedPage
from .assemble import build_page
from .context import PageContext
from .dates import UTC
from .html_text import clean_text, element_text, visible_text_length
from .metadata import Metadata, clean_headline, common_layers, merge

PARSER_NAME = "generic.trafilatura"
MIN_VISIBLE_TEXT = 200
_H1 = etree.XPath("//h1")
_TITLE = etree.XPath("//title")

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def trafilatura_paragraphs(ctx: PageContext) -> list[str]:
    """Body paragraphs as trafilatura sees them (its own copy of the tree; ours is left untouched)."""
    import trafilatura  # imported lazily: only pages that need the fallback pay for it

    if visible_text_length(ctx.doc, limit=MIN_VISIBLE_TEXT) < MIN_VISIBLE_TEXT:
        return []  # nothing worth extracting (and spares trafilatura's slow rescue paths)
    try:
        result = trafilatura.bare_extraction(
            ctx.doc,
            url=ctx.url or None,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception:  # trafilatura is a fallback; its failure must not fail the page
        return []
    if result is None:
        return []
    text = result.text if not isinstance(result, dict) else result.get("text")
    if not text:
        return []
    lines = [clean_text(line) for line in text.split("\n")]
    return [line.removeprefix("- ").strip() for line in lines if line]


def fallback_headline(ctx: PageContext) -> str | None:
    """The first ``<h1>``, else ``<title>`` without site suffixes."""
    for node in _H1(ctx.doc):
        text = element_text(node)
        if text:
            return text
    for node in _TITLE(ctx.doc):
        text = clean_headline(element_text(node))
        if text:
            return text
    return None


def parse(ctx: PageContext) -> ParsedPage:
    """Parse a page from a site without a dedicated module: metadata layers + trafilatura body."""
    meta = merge(*common_layers(ctx, UTC))
    if not meta.headline:
        meta.headline = fallback_headline(ctx)
        if meta.headline:
            meta.origins["headline"] = "html"
    return build_page(ctx, meta, drop_headline(trafilatura_paragraphs(ctx), meta.headline), PARSER_NAME)


def drop_headline(paragraphs: list[str], headline: str | None) -> list[str]:
    """Generic extractors often return the headline as the first paragraph; drop it."""
    if paragraphs and headline and paragraphs[0].casefold() == headline.casefold():
        return paragraphs[1:]
    return paragraphs


def with_fallback_body(ctx: PageContext, meta: Metadata, paragraphs: list[str], parser: str) -> tuple[list[str], str]:
    """Keep outlet paragraphs when there are any; otherwise ask trafilatura."""
    if paragraphs:
        return paragraphs, parser
    return drop_headline(trafilatura_paragraphs(ctx), meta.headline), PARSER_NAME
