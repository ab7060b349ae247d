"""CNN (www/edition/money.cnn.com): one selector template per era, on top of the shared metadata layers.

Field priority: the headline is the displayed ``h1`` first (CNN's og:title and itemprop headline are often a
different wording); authors, dates and description follow the standard JSON-LD -> meta -> microdata order,
with the era's byline and timestamp selectors after them. Visible timestamps are US Eastern.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from pipelines.fetch.urls import UrlPolicy

from ..layers.assemble import build_page
from ..layers.authors import split_byline
from ..layers.context import PageContext
from ..layers.dates import EASTERN, PageDate, parse_any, parse_english, parse_js_date
from ..layers.generic import with_fallback_body
from ..layers.html_text import xclass
from ..layers.metadata import Metadata, common_layers, merge_displayed_headline_first
from ..layers.selectors import Template, all_texts, detect, extract_blocks, first_text
from ..parsed_page import ParsedPage
from ..publisher import Feed, Publisher

_CONTRIBUTOR = re.compile(r"contributed to this (?:report|story)|contributed reporting", re.I)
_RELATED = re.compile(r"^(?:Related|RELATED|Read more|READ MORE|MORE|Watch|WATCH|Video|Photos?|Sign up)\s*:", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[^()]{0,60}?)\s*\((?P<org>CNN(?:\s?Business|\s?Money|\s?Politics|\s+Espa[ñn]ol|\s+Sport)?)\)"
    r"\s*(?:--|—|–|-)?\s*"
)
_FIRST_PUB = etree.XPath("//script[contains(., 'cnnFirstPub')]/text()")
_FIRST_PUB_VALUE = re.compile(r"cnnFirstPub\s*=\s*new\s+Date\(\s*['\"]([^'\"]+)['\"]")

_COMMON_DROP = (_CONTRIBUTOR, _RELATED)

TEMPLATES: tuple[Template, ...] = (
    Template(
        name="cnn.selectors.2023",
        marker=f"//div[{xclass('article__content')}]",
        containers=(f"//div[{xclass('article__content')}]",),
        blocks=f".//p[{xclass('paragraph')}] | .//h2[{xclass('subheader')}] | .//h3[{xclass('subheader')}]",
        headline=(f"//h1[{xclass('headline__text')}]", "//h1[@id='maincontent']"),
        byline=(f"//div[{xclass('byline__names')}]//span[{xclass('byline__name')}]",
                f"//div[{xclass('byline__names')}]"),
        published=(f"//div[{xclass('timestamp')}]",),
        skip_classes=frozenset({"related-content", "image", "image__metadata", "source", "ad-slot", "ad-slot-rail",
                                "video-resource", "ad-feedback-link-container", "gallery-inline", "social-embed",
                                "product-zone", "interactive-video"}),
        drop_text=_COMMON_DROP,
        valid_from=date(2022, 9, 1),
    ),
    Template(
        name="cnn.selectors.money",
        marker="//div[@id='storytext']",
        containers=("//div[@id='storytext']",),
        blocks="./p | ./h2 | ./h3",
        headline=(f"//h1[{xclass('article-title')}]",),
        byline=(f"//span[{xclass('byline')}]",),
        published=(f"//div[{xclass('storytimestamp')}]//span[{xclass('cnnDateStamp')}]",),
        modified=(f"//span[{xclass('byline-timestamp')}]//span[{xclass('cnnDateStamp')}]",),
        drop_link_only=True,
        drop_text=_COMMON_DROP,
        valid_until=date(2023, 1, 1),
    ),
    Template(
        name="cnn.selectors.2015",
        marker=f"//*[{xclass('zn-body__paragraph')}]",
        containers=("//section[@id='body-text']", "//div[@itemprop='articleBody']"),
        blocks=f".//*[{xclass('zn-body__paragraph')}]",
        headline=(f"//h1[{xclass('pg-headline')}]",),
        byline=(f"//span[{xclass('metadata__byline__author')}]",),
        modified=(f"//p[{xclass('update-time')}]",),
        skip_classes=frozenset({"el__embedded", "el__storyhighlights", "zn-body__footer", "zn-body__read-more",
                                "el__video", "el__gallery", "ad", "el__leafmedia--storyhighlights",
                                "el-editorial-note", "zn-body__paragraph--editorial-note"}),
        drop_text=_COMMON_DROP,
        valid_from=date(2015, 1, 1),
        valid_until=date(2023, 1, 1),
    ),
    Template(
        name="cnn.selectors.2013",
        marker=f"//p[{xclass('cnn_storypgraphtxt')}]",
        containers=(f"//div[{xclass('cnn_strycntntlft')}]",),
        blocks="./p",
        headline=("//div[@id='cnnContentContainer']//h1", "//h1"),
        byline=(f"//div[{xclass('cnnByline')}]",),
        skip_classes=frozenset({"cnnEditorialNote", "cnn_strycbftrtxt", "cnnStryHghLght"}),
        drop_link_only=True,
        drop_text=_COMMON_DROP,
        valid_from=date(2012, 1, 1),
        valid_until=date(2015, 1, 1),
    ),
    Template(
        name="cnn.selectors.2010",
        marker=f"//div[{xclass('cnn_strycntntlft')}]",
        containers=(f"//div[{xclass('cnn_strycntntlft')}]",),
        blocks="./p",
        headline=("//div[@id='cnnContentContainer']//h1", "//h1"),
        byline=(f"//div[{xclass('cnnByline')}]",),
        skip_classes=frozenset({"cnnEditorialNote", "cnn_strycbftrtxt"}),
        drop_link_only=True,
        drop_text=_COMMON_DROP,
        valid_until=date(2013, 1, 1),
    ),
)


def strip_dateline(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Remove ``Washington (CNN) --`` / ``(CNN)`` from the first paragraph; return the place too."""
    if not paragraphs:
        return paragraphs, None
    match = _DATELINE.match(paragraphs[0])
    if not match:
        return paragraphs, None
    rest = paragraphs[0][match.end() :].strip()
    place = match.group("place").strip() or None
    return ([rest] if rest else []) + paragraphs[1:], place


def _timestamp(text: str | None) -> tuple[PageDate | None, PageDate | None]:
    """``(published, modified)`` from a visible CNN timestamp (it shows one date, labelled)."""
    if not text:
        return None, None
    value = parse_english(text, EASTERN)
    if value is None:
        return None, None
    if re.search(r"\bupdated\b", text, re.I):
        return None, value
    return value, None


def selector_layer(ctx: PageContext, template: Template | None) -> Metadata:
    """Metadata read from the era's selectors (and the 2010 page's ``cnnFirstPub`` script)."""
    out = Metadata(layer="selectors")
    doc = ctx.doc
    if template is not None:
        out.headline = first_text(doc, template, template.headline)
        bylines = all_texts(doc, template, template.byline)
        names: list[str] = []
        for line in bylines:
            for name in split_byline(line):
                if name.lower() not in {n.lower() for n in names}:
                    names.append(name)
        out.authors = names
        pub, mod = _timestamp(first_text(doc, template, template.published))
        if template.modified:
            mod = _timestamp("Updated " + (first_text(doc, template, template.modified) or ""))[1] or mod
        out.published, out.modified = pub, mod
    if out.published is None and template is not None and template.name in ("cnn.selectors.2010",
                                                                            "cnn.selectors.2013"):
        for script in _FIRST_PUB(doc):
            match = _FIRST_PUB_VALUE.search(script)
            if match:
                out.published = parse_js_date(match.group(1)) or parse_any(match.group(1), EASTERN)
                break
    return out


def parse(ctx: PageContext) -> ParsedPage:
    """Parse a CNN page."""
    template = detect(ctx.doc, TEMPLATES)
    jsonld_layer, meta_layer, micro_layer = common_layers(ctx, EASTERN)
    sel = selector_layer(ctx, template)
    meta = merge_displayed_headline_first([jsonld_layer, meta_layer, micro_layer], sel)
    if meta.published is None and sel.modified is not None:
        meta.published = sel.modified
        ctx.extras["published_is_update_time"] = True
    paragraphs = extract_blocks(ctx.doc, template) if template else []
    paragraphs, place = strip_dateline(paragraphs)
    extras = {"template": template.name if template else None}
    if place:
        extras["dateline_place"] = place
    parser = template.name if template else "cnn.none"
    paragraphs, parser = with_fallback_body(ctx, meta, paragraphs, parser)
    if parser.startswith("generic."):
        paragraphs, place = strip_dateline(paragraphs)
    markers = [f"template:{template.name}"] if template else []
    return build_page(ctx, meta, paragraphs, parser, extras=extras, template_markers=markers)


# ------------------------------------------------------------------------------------------------ the outlet

_PAGE_TYPE = etree.XPath("//body/@data-page-type | //html/@data-page-type")
_ARTICLE_TYPES = {"article", "article_leaf"}
# data-page-type values that are never a single story (a deny-list: unknown values are not held against a page)
_FRONT_TYPES = {"section", "video", "videos", "gallery", "live-story", "livestory", "live", "homepage", "home",
                "search", "profile", "index", "show", "special", "interactive", "audio", "podcast"}


def _detect(doc: etree._Element, site_names: str) -> bool:
    return bool(re.search(r"\bcnn\b", site_names))


def _front_page(ctx: PageContext) -> str | None:
    page_types = [t.lower() for t in _PAGE_TYPE(ctx.doc)]
    if page_types and any(t in _FRONT_TYPES for t in page_types):
        return f"data-page-type={page_types[0]}"
    return None


def _article_marker(ctx: PageContext) -> str | None:
    return "data-page-type" if any(t.lower() in _ARTICLE_TYPES for t in _PAGE_TYPE(ctx.doc)) else None


PUBLISHER = Publisher(
    name="cnn",
    title="CNN",
    language="en",
    timezone=EASTERN,
    hosts=("cnn.com",),
    feeds=(
        Feed("https://www.cnn.com/sitemap/news.xml", "news_sitemap", "confirmed (5+)", note="~48 h", primary=True),
        Feed("https://edition.cnn.com/sitemap/news.xml", "news_sitemap", "confirmed", enabled=False,
             note="same content as www"),
        Feed("https://www.cnn.com/sitemap/article.xml", "sitemap", "confirmed",
             note="sitemap index of monthly archives; walk it, do not build names"),
        Feed("https://www.cnn.com/sitemaps/cnn/news.xml", "news_sitemap", "single", enabled=False,
             note="legacy"),
        Feed("http://rss.cnn.com/rss/cnn_topstories.rss", "rss", "frozen", enabled=False,
             note="answers 200 but stopped in April 2023"),
    ),
    article_url=re.compile(
        r"^https?://(?:(?:www|edition|us|amp|money|lite)\.)?cnn\.com/"
        r"(?:\d{4}/(?:[A-Za-z]+/)?\d{2}/\d{2}/[^?#]+?(?:/index\.html|\.html|/)?"
        r"|(?:en/)?article/[^?#]+)(?:[?#].*)?$",
        re.I,
    ),
    skip_urls=(
        re.compile(r"/(?:videos?|live-news|gallery|galleries|interactive|specials|photos?|audio|podcasts?|"
                   r"profiles|vr|election/\d{4}/results)(?:/|$)", re.I),
        re.compile(r"\.cnn(?:-ap)?\.html$", re.I),
        re.compile(r"^https?://(?:www\.)?cnn\.com/?$", re.I),
    ),
    # AMP pages: amp.cnn.com/cnn/2025/01/27/... is the article at www.cnn.com/2025/01/27/...
    url_policy=UrlPolicy(host="www.cnn.com", aliases=re.compile(r"(?:edition\.|us\.|amp\.)?cnn\.com"),
                         path_rewrites=((re.compile(r"^/cnn(?=/\d{4}/)", re.I), ""),)),
    parse=parse,
    templates=TEMPLATES,
    detect=_detect,
    front_page=_front_page,
    article_marker=_article_marker,
    color="#d62728",
)
