"""The generic layer: trafilatura as the body fallback, and the whole parser for sites we have no module for.

Pages of outlets without an adapter are often short (a wire brief, a Korean 속보 of 150 characters), render
their text from JSON-LD, or put the headline and byline in the same block as the text. So the generic parser
takes a JSON-LD ``NewsArticle``'s ``articleBody`` when the page declares one with a headline, asks trafilatura
with thresholds that fit a brief (its defaults want 250 characters and otherwise fall back to gluing the
whole block, headline and byline included, into one paragraph), and drops what is not body text from the
paragraphs it gets: the headline, the byline ("By ...", "홍길동 기자"), a date line, the site's navigation before
the headline and copyright lines after the text (:func:`clean_body`).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from lxml import etree

from ..parsed_page import ParsedPage
from . import jsonld
from .assemble import build_page
from .context import PageContext
from .dates import UTC
from .html_text import clean_text, element_text, visible_text_length
from .metadata import Metadata, clean_headline, common_layers, merge

PARSER_NAME = "generic.trafilatura"
JSONLD_PARSER_NAME = "generic.jsonld"
MIN_VISIBLE_TEXT = 80  # a Korean brief's whole visible text can be this short
MIN_JSONLD_BODY = 40  # characters of a declared articleBody
MIN_SENTENCE = 25  # a paragraph list without one line this long is navigation, not text
_H1 = etree.XPath("//h1")
_TITLE = etree.XPath("//title")
_BYLINE = re.compile(
    r"^(?:(?:by|from|reporting\s+by|written\s+by)\s+\S.{0,80}|[가-힣]{2,4}\s*(?:선임|수석|전문)?(?:기자|특파원|통신원)"
    r"(?:\s*[=,·]?\s*[가-힣]{0,4}\s*(?:기자|특파원))*\s*=?)$",
    re.I,
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|입력|수정|기사입력|승인)\s*:?\s*)?[\d\s:.,/TZ+-]{8,30}(?:\s*(?:am|pm|edt|est|utc|kst))?$"
    r"|^(?:published|updated|posted)\b.{0,60}$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:^(?:©|ⓒ|\(c\)|copyright\b)|all\s+rights\s+reserved|무단\s*전재|재배포\s*금지|저작권자\s*[ⓒ©])", re.I)
_KO_GLUED_BYLINE = re.compile(r"^[가-힣]{2,4}\s*(?:기자|특파원)\s*(?=[(\[])")
_GLUED_BYLINE = re.compile(r"^\s*(?:By\s+[A-Z][^\n]{0,60}?(?:\s*\|\s*[A-Z][a-z]{2}\.?\s+\d{1,2},\s+\d{4})?)(?=\s|$)")

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def _trafilatura_config():
    """trafilatura's settings with minimum sizes that let a brief be extracted as paragraphs."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "40")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    config.set("DEFAULT", "MIN_EXTRACTED_COMM_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_COMM_SIZE", "10")
    return config


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
            config=_trafilatura_config(),
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


def jsonld_body(ctx: PageContext, headline: str | None) -> list[str]:
    """The paragraphs of the JSON-LD article's ``articleBody`` when the page declares an article with a
    headline and a body long enough for its language (pages that render their text with a script)."""
    art = ctx.article_ld
    if art is None or not headline:
        return []
    raw = art.get("articleBody")
    if isinstance(raw, list):
        raw = "\n\n".join(x for x in raw if isinstance(x, str))
    if not isinstance(raw, str):
        return []
    text = jsonld.text_value({"b": raw.replace("\r", "")}, "b") if "<" in raw or "&" in raw else raw
    paragraphs = [clean_text(p) for p in re.split(r"\n\s*\n|\n", text or "")]
    paragraphs = [p for p in paragraphs if p]
    # the page declares the article and its text: one sentence of a brief is enough
    if sum(len(p) for p in paragraphs) < MIN_JSONLD_BODY:
        return []
    return paragraphs


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def clean_body(paragraphs: list[str], headline: str | None, site_names: tuple[str, ...] = ()
               ) -> tuple[list[str], str | None]:
    """The body paragraphs without the headline, byline, date line and navigation before them, nor copyright
    lines after them; also the byline found (for the outlet layer: "By Reuters" marks a wire copy).

    A headline or byline glued to the first paragraph ("ASML orders slumpBy Tom Reyes | Feb 5, 2025ASML
    said...") is cut off it, so the first sentence is read once.
    """
    out = list(paragraphs)
    byline: str | None = None
    head = _key(headline or "")
    # navigation and the site's name before the headline: drop everything up to a headline line near the top
    if head:
        for i, p in enumerate(out[:12]):
            if _key(p) == head:
                if all(len(q) <= 40 for q in out[:i]):
                    out = out[i + 1:]
                break
    names = {_key(n) for n in site_names if n}
    while out:
        first = out[0]
        k = _key(first)
        if (head and k == head) or k in names or _DATE_LINE.match(first):
            out.pop(0)
            continue
        if _BYLINE.match(first) and len(first) <= 90:
            byline = byline or first
            out.pop(0)
            continue
        if head and k.startswith(head) and len(k) > len(head):  # the headline glued to the text
            cut = _cut_prefix(first, headline or "")
            if cut is not None:
                out[0] = cut
                continue
        m = _KO_GLUED_BYLINE.match(first)
        if m:  # "이서연 기자(세종=뉴스1) 이서연 기자 = ...": the byline glued to the dateline
            byline = byline or m.group(0).strip()
            out[0] = first[m.end():]
            continue
        m = _GLUED_BYLINE.match(first)
        if m and len(first) > m.end() + 40 and _BYLINE.match(m.group(0).strip()):
            byline = byline or m.group(0).strip()
            out[0] = first[m.end():].lstrip(" |·-—")
            continue
        break
    while out and (_COPYRIGHT.search(out[-1]) and len(out[-1]) <= 120):
        out.pop()
    if not any(len(p) >= MIN_SENTENCE for p in out):
        return [], byline
    return [p for p in out if p], byline


def _cut_prefix(text: str, prefix: str) -> str | None:
    """``text`` without its leading ``prefix`` (compared ignoring spaces and punctuation), else ``None``."""
    want = _key(prefix)
    got = ""
    for i, ch in enumerate(text):
        if re.match(r"\w", ch):
            got += ch.casefold()
        if got == want:
            rest = text[i + 1:].lstrip(" :|-–—")
            return rest or None
        if not want.startswith(got):
            return None
    return None


def parse(ctx: PageContext) -> ParsedPage:
    """Parse a page from a site without a dedicated module: metadata layers, then the JSON-LD article body or
    trafilatura's, cleaned of headline, byline and boilerplate."""
    meta = merge(*common_layers(ctx, UTC))
    if not meta.headline:
        meta.headline = fallback_headline(ctx)
        if meta.headline:
            meta.origins["headline"] = "html"
    sites = tuple(ctx.meta.get_all("og:site_name"))
    paragraphs, parser = jsonld_body(ctx, meta.headline), JSONLD_PARSER_NAME
    if not paragraphs:
        paragraphs, parser = trafilatura_paragraphs(ctx), PARSER_NAME
    paragraphs, byline = clean_body(paragraphs, meta.headline, sites)
    return build_page(ctx, meta, paragraphs, parser, extras={"byline": byline} if byline else None)


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
