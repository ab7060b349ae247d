"""News1 (news1.kr): ``__NEXT_DATA__`` first, then JSON-LD/meta, then the HTML selectors, then trafilatura.

The stable contract is ``script#__NEXT_DATA__`` -> ``props.pageProps.articleView``; its body is the
``content`` of ``contentArrange[]`` items of type ``text``. Whatever layer produced the body, the News1
conventions (dateline, captions, e-mail, footer) are applied by :mod:`news1_text`. Times without an offset
are KST.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from lxml import etree

from pipelines.fetch.urls import UrlPolicy

from ..layers.assemble import build_page, non_article
from ..layers.authors import split_byline, split_korean_byline
from ..layers.context import PageContext
from ..layers.dates import KST, PageDate, choose, parse_any
from ..layers.generic import PARSER_NAME as GENERIC_PARSER
from ..layers.generic import drop_headline, trafilatura_paragraphs
from ..layers.html_text import break_paragraphs, clean_text, element_text, split_html_paragraphs, strip_tags, xclass
from ..layers.metadata import Metadata, clean_headline, common_layers, merge
from ..layers.selectors import Template, extract_blocks, first_text
from ..parsed_page import ParsedPage
from ..publisher import Feed, ParserVersion, Publisher
from .news1_text import clean_body

_NEXT_DATA = etree.XPath("//script[@id='__NEXT_DATA__']/text()")
_REPORTER = re.compile(r"([가-힣]{2,4})\s*(?:선임기자|전문기자|기자|특파원)")
_TEXT_TYPES = {"text", "paragraph", "p", "html", "content"}

SELECTORS = Template(
    name="news1.selectors",
    marker=f"//*[@id='articleBodyContent'] | //h1[{xclass('article-h2-header-title')}]",
    containers=("//*[@id='articleBodyContent']",),
    blocks=".//p",
    headline=(f"//h1[{xclass('article-h2-header-title')}]",),
    byline=(f"//*[{xclass('box--report-top')}]",),
    published=("//*[@id='article_created']//time/@datetime", "//*[@id='article_created']//time",
               "//*[@id='article_created']"),
    modified=("//*[@id='article_updated']//time/@datetime", "//*[@id='article_updated']//time"),
    skip_classes=frozenset({"ads-article-warp", "article_content_stitle", "article-photo", "photo-caption",
                            "ads", "ad", "related-article", "article-related"}),
    skip_tags=frozenset({"figure", "figcaption", "aside", "nav", "form", "table", "img", "picture"}),
    valid_from=date(2023, 1, 1),
)


def next_data(ctx: PageContext) -> dict[str, Any] | None:
    """The parsed ``__NEXT_DATA__`` JSON, or ``None``."""
    for text in _NEXT_DATA(ctx.doc):
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    return None


def _page_props(data: dict[str, Any] | None) -> dict[str, Any]:
    if not data:
        return {}
    props = data.get("props")
    page_props = props.get("pageProps") if isinstance(props, dict) else None
    return page_props if isinstance(page_props, dict) else {}


def _first(obj: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _names(value: Any, *keys: str) -> list[str]:
    """Names from a list of strings or dicts (``category_array``, ``keywords_array``, ``reporter_box``)."""
    items = value if isinstance(value, list) else [value] if value else []
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            name = clean_text(item)
        elif isinstance(item, dict):
            name = clean_text(str(_first(item, *keys) or ""))
        else:
            continue
        if name and name not in out:
            out.append(name)
    return out


def article_view_paragraphs(view: dict[str, Any], page_props: dict[str, Any]) -> list[str]:
    """Body paragraphs from ``contentArrange`` (text items only), else from an HTML ``content`` string."""
    arrange = view.get("contentArrange")
    if arrange is None:
        arrange = page_props.get("contentArrange")
    paragraphs: list[str] = []
    if isinstance(arrange, list):
        for item in arrange:
            if not isinstance(item, dict):
                continue
            kind = str(item.get("type") or "").lower()
            if kind not in _TEXT_TYPES:
                continue
            content = item.get("content")
            if isinstance(content, str):
                paragraphs.extend(split_html_paragraphs(content))
            elif isinstance(content, list):
                for part in content:
                    if isinstance(part, str):
                        paragraphs.extend(split_html_paragraphs(part))
    if not paragraphs:
        html_body = _first(view, "content", "contents", "article_content", "body")
        if isinstance(html_body, str):
            paragraphs = split_html_paragraphs(html_body)
    return paragraphs


def next_data_layer(view: dict[str, Any]) -> Metadata:
    """Metadata from ``articleView``."""
    published_candidates: list[PageDate | None] = [
        parse_any(view.get(k), KST) for k in ("published_time", "pubdate_at", "published_at", "pubdate",
                                              "create_date", "created_at")
    ]
    modified_candidates: list[PageDate | None] = [
        parse_any(view.get(k), KST) for k in ("modified_time", "updated_at", "update_date", "modified_at")
    ]
    author = _first(view, "author", "reporter", "writer")
    authors = split_byline(author) if isinstance(author, str) else []
    if not authors:
        for name in _names(view.get("reporter_box"), "name", "reporter_name", "author"):
            authors.extend(n for n in split_korean_byline(name) if n not in authors)
    sections = _names(view.get("category_array"), "name", "category_name")
    title = _first(view, "title", "headline")
    description = _first(view, "description", "summary")
    return Metadata(
        headline=clean_headline(strip_tags(title)) if isinstance(title, str) else None,
        description=strip_tags(description) if isinstance(description, str) else None,
        authors=authors,
        published=choose(published_candidates),
        modified=choose(modified_candidates),
        section=sections[0] if sections else None,
        keywords=_names(view.get("keywords_array"), "name", "keyword", "title"),
        layer="next_data",
    )


def selector_layer(ctx: PageContext) -> Metadata:
    """Metadata from the article HTML (class names may change on redesign)."""
    doc = ctx.doc
    out = Metadata(layer="selectors")
    if not SELECTORS.matches(doc):
        return out
    out.headline = first_text(doc, SELECTORS, SELECTORS.headline)
    box = first_text(doc, SELECTORS, SELECTORS.byline)
    if box:
        out.authors = list(dict.fromkeys(_REPORTER.findall(box)))
    published = first_text(doc, SELECTORS, SELECTORS.published)
    out.published = parse_any(published, KST) if published else None
    modified = first_text(doc, SELECTORS, SELECTORS.modified)
    out.modified = parse_any(modified, KST) if modified else None
    return out


def selector_paragraphs(ctx: PageContext) -> list[str]:
    """``#articleBodyContent p``, or the container's ``<br>``-separated text when it has no ``<p>``."""
    paragraphs = extract_blocks(ctx.doc, SELECTORS)
    if paragraphs:
        return paragraphs
    for container in SELECTORS.xp(SELECTORS.containers[0])(ctx.doc):
        return break_paragraphs(container, skip=SELECTORS.skip)
    return []


def parse(ctx: PageContext) -> ParsedPage:
    """Parse a News1 page."""
    data = next_data(ctx)
    page_props = _page_props(data)
    view = page_props.get("articleView")
    has_selectors = SELECTORS.matches(ctx.doc)
    if data is not None and not isinstance(view, dict) and not has_selectors:
        kinds = ",".join(sorted(k for k in page_props if k.endswith("View"))) or "no articleView"
        return non_article(ctx, "non_article", f"next_data:{kinds}")
    layers: list[Metadata] = []
    paragraphs: list[str] = []
    parser = ""
    if isinstance(view, dict):
        layers.append(next_data_layer(view))
        paragraphs = article_view_paragraphs(view, page_props)
        parser = "news1.next_data"
    layers.extend(common_layers(ctx, KST))
    layers.append(selector_layer(ctx))
    meta = merge(*layers)
    if not paragraphs and has_selectors:
        paragraphs = selector_paragraphs(ctx)
        parser = "news1.selectors"
    if not paragraphs:
        paragraphs = drop_headline(trafilatura_paragraphs(ctx), meta.headline)
        parser = GENERIC_PARSER
    cleaned = clean_body(paragraphs)
    extras: dict[str, Any] = {}
    markers = ["next_data:articleView"] if isinstance(view, dict) else []
    if has_selectors:
        markers.append("template:news1.selectors")
    if cleaned.dateline_place is not None:
        extras["dateline_place"] = cleaned.dateline_place
        extras["dateline_reporters"] = cleaned.dateline_reporters
    if cleaned.reporter_email:
        extras["reporter_email"] = cleaned.reporter_email
    if isinstance(view, dict):
        if view.get("id") not in (None, ""):
            extras["article_id"] = view["id"]
        if isinstance(view.get("sub_title"), str):
            extras["subtitle"] = " / ".join(split_html_paragraphs(view["sub_title"]))
        canonical = _first(view, "canonical_url", "url")
        if ctx.canonical is None and isinstance(canonical, str) and canonical.startswith("http"):
            ctx.__dict__["canonical"] = canonical  # fill the cached property from articleView
    else:
        subtitle = first_text(ctx.doc, SELECTORS, (f"//h2[{xclass('article-h2-header-subtitle2')}]",))
        if subtitle:
            extras["subtitle"] = subtitle
    if not meta.authors and cleaned.dateline_reporters:
        meta.authors = list(cleaned.dateline_reporters)
        meta.origins["authors"] = "dateline"
    if not meta.headline:
        for node in ctx.doc.xpath("//h1"):
            meta.headline = element_text(node) or None
            if meta.headline:
                break
    return build_page(ctx, meta, cleaned.paragraphs, parser or GENERIC_PARSER, extras=extras,
                      template_markers=markers)


# ------------------------------------------------------------------------------------------------ the outlet

_SITE_NAME = re.compile(r"news1\.kr|뉴스1")
_NEXT_ARTICLE = etree.XPath("boolean(//script[@id='__NEXT_DATA__'][contains(., '\"articleView\"')])")
_NEXT_ARTICLE_LOOSE = etree.XPath("boolean(//script[@id='__NEXT_DATA__'][contains(., 'articleView')])")
_ID = re.compile(r"(\d{4,})/?(?:$|\?)")
_ID_ANYWHERE = re.compile(r"[?&/](\d{4,})")


def _detect(doc: etree._Element, site_names: str) -> bool:
    return bool(_SITE_NAME.search(site_names) or _NEXT_ARTICLE_LOOSE(doc))


def _article_evidence(ctx: PageContext) -> bool:
    return bool(_NEXT_ARTICLE(ctx.doc))


def _key(canonical_url: str) -> str | None:
    """The numeric article id, whatever the URL form (``/section/5673971``, ``/articles/?5673971``, AMP)."""
    match = _ID.search(canonical_url) or _ID_ANYWHERE.search(canonical_url)
    return f"news1:{match.group(1)}" if match else None


PUBLISHER = Publisher(
    name="news1",
    title="News1 Korea (뉴스1)",
    language="ko",
    timezone=KST,
    html_lang_wins=False,
    hosts=("news1.kr",),
    feeds=(
        Feed("https://www.news1.kr/api/feeds/google-news/", "news_sitemap", "single",
             note="declared in robots.txt; lists new articles first", primary=True),
        Feed("https://www.news1.kr/api/feeds/sitemap-index/", "sitemap", "single",
             note="sitemap index, declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/category/", "sitemap", "single", note="declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/globalmarkets/", "sitemap", "single",
             note="declared in robots.txt"),
        Feed("https://www.news1.kr/api/feeds/news-sitemap/section/realestate", "news_sitemap", "inferred",
             note="per-section pattern; only realestate seen"),
        Feed("https://www.news1.kr/latest?page=1", "listing", "single",
             note="latest-news listing (HTML, ~34 items); News1 has no confirmed RSS"),
        Feed("https://www.news1.kr/rss", "rss", "unconfirmed", enabled=False,
             note="returned HTML in 2026-03; do not rely on RSS"),
    ),
    article_url=re.compile(
        r"^https?://(?:www\.|m\.)?news1\.kr/"
        r"(?:amp/)?(?:(?:[a-z][a-z0-9_-]*/){1,2}\d{4,}|articles/\??(?:id=)?\d{4,})/?(?:[?#].*)?$",
        re.I,
    ),
    skip_urls=(
        re.compile(r"/(?:photos?|video|videos|vod|latest|trend|search|jebo|ads|gallery|live|reporter|"
                   r"series|issue|topic)(?:/|\?|$)", re.I),
    ),
    # only the legacy "/articles/?{id}" form carries meaning in its query string
    url_policy=UrlPolicy(host="www.news1.kr", aliases=re.compile(r"(?:m\.|amp\.)?news1\.kr"), strip_prefix="/amp",
                         query_paths=re.compile(r"/articles")),
    key=_key,
    parse=parse,
    templates=(SELECTORS,),
    other_versions=(
        ParserVersion("news1.next_data", date(2023, 1, 1), None, "script#__NEXT_DATA__ props.pageProps.articleView"),
        ParserVersion("news1.generic", None, date(2023, 1, 1), "pre-Next.js pages: generic extractor + News1 rules"),
    ),
    detect=_detect,
    article_evidence=_article_evidence,
    color="#1f77b4",
)
