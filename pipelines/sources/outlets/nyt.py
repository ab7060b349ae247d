"""The New York Times: templates 2010-2011 (article and blogs), 2014-2018 and the 2018+ React app.

The headline is the displayed ``h1`` first (og:title and ``hdl`` may be another wording or carry
"(Published 2016)"); other fields follow JSON-LD -> meta (``byl``, ``ptime``/``pdate`` in US Eastern) ->
microdata -> selectors. ``isAccessibleForFree: false`` marks the page paywalled; a short body then makes it a
paywall stub. Paragraph classes are hashed CSS-in-JS names and are never selected on.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from pipelines.fetch.urls import UrlPolicy

from ..layers.assemble import build_page
from ..layers.authors import merge_case, split_byline
from ..layers.context import PageContext
from ..layers.dates import EASTERN, parse_english
from ..layers.generic import with_fallback_body
from ..layers.html_text import element_text, xclass
from ..layers.metadata import Metadata, common_layers, merge_displayed_headline_first
from ..layers.selectors import Template, all_texts, detect, extract_blocks, first_text
from ..parsed_page import ParsedPage
from ..publisher import Feed, Publisher, SearchApi

_PROMO = re.compile(r"^\[.*\]$|^(?:Sign up for|Get (?:the|our) .{0,40}newsletter|Read in app|Listen to this article)",
                    re.I)
_CONTRIBUTOR = re.compile(r"^[^.]{0,200}\bcontributed (?:reporting|research)\b.{0,120}$", re.I)
_PAYWALL_NOTES = re.compile(r"Already a subscriber\?|Want all of The Times\?|Subscribe to continue", re.I)
_DROP = (_PROMO, _CONTRIBUTOR, _PAYWALL_NOTES)
_PAYWALL_PROMPT = etree.XPath(
    "boolean(//body//text()[contains(., 'Subscribe to continue') or contains(., 'This article is for subscribers')"
    " or contains(., 'subscribers only') or contains(., 'Log in or create a free')])"
)

TEMPLATES: tuple[Template, ...] = (
    Template(
        name="nyt.selectors.2018",
        marker=(f"//div[{xclass('StoryBodyCompanionColumn')}] | //section[@name='articleBody'] | "
                "//section[@data-testid='article-body']"),
        containers=(f"//div[{xclass('StoryBodyCompanionColumn')}]", "//section[@name='articleBody']",
                    "//section[@data-testid='article-body']"),
        blocks=".//p | .//h2 | .//h3",
        headline=("//h1[@data-testid='headline']", "//h1[@data-test-id='headline']", "//h1[@itemprop='headline']",
                  "//h1[@id='headline']"),
        byline=("//*[@data-testid='byline']//*[@itemprop='name']", "//p[@itemprop='author creator']",
                "//*[@itemprop='author']//*[@itemprop='name']"),
        skip_attrs=(("data-testid", "photoviewer-wrapper"), ("data-testid", "inline-interactive"),
                    ("data-testid", "brand-bar"), ("id", "sponsor-wrapper")),
        drop_text=_DROP,
        valid_from=date(2018, 1, 1),
    ),
    Template(
        name="nyt.selectors.2014",
        marker=f"//p[{xclass('story-body-text')}]",
        containers=("//article[@id='story']", "//body"),
        blocks=f".//p[{xclass('story-body-text')}] | .//h4[{xclass('story-subheading')}]",
        headline=("//h1[@id='headline']", "//h1[@itemprop='headline']"),
        byline=(f"//span[{xclass('byline-author')}]", f"//*[{xclass('byline')}]"),
        skip_classes=frozenset({"caption", "credit", "newsletter-signup", "story-ad", "related-coverage-marginalia"}),
        drop_text=_DROP,
        valid_from=date(2014, 1, 1),
        valid_until=date(2018, 6, 1),
    ),
    Template(
        name="nyt.selectors.2010",
        marker=f"//div[{xclass('articleBody')}]",
        containers=(f"//div[{xclass('articleBody')}]",),
        blocks=".//p",
        headline=(f"//h1[{xclass('articleHeadline')}]",),
        byline=(f"//h6[{xclass('byline')}]", f"//div[@id='article']//*[{xclass('byline')}]"),
        published=(f"//h6[{xclass('dateline')}]",),
        skip_classes=frozenset({"articleInline", "inlineImage", "credit", "caption", "articleSpanImage"}),
        drop_text=_DROP,
        valid_until=date(2014, 1, 1),
    ),
    Template(
        name="nyt.selectors.blog",
        marker=f"//div[{xclass('entry-content')}]",
        containers=(f"(//div[{xclass('entry-content')}])[1]",),
        blocks=".//p",
        headline=(f"//h1[{xclass('entry-title')}]",),
        byline=(f"//address[{xclass('byline')}]", f"//*[{xclass('byline')}]"),
        published=(f"//span[{xclass('timestamp')}]//span[{xclass('date')}]", f"//span[{xclass('date')}]"),
        skip_classes=frozenset({"w480", "w190", "wp-caption", "wp-caption-text", "credit", "caption", "entry-meta",
                                "sharetools", "module", "inlineImage"}),
        drop_text=_DROP,
        valid_until=date(2017, 1, 1),
    ),
)


def selector_layer(ctx: PageContext, template: Template | None) -> Metadata:
    """Metadata read from the era's selectors."""
    out = Metadata(layer="selectors")
    if template is None:
        return out
    doc = ctx.doc
    out.headline = first_text(doc, template, template.headline)
    names: list[str] = []
    for line in all_texts(doc, template, template.byline):
        for name in split_byline(line):
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
    out.authors = names
    published = first_text(doc, template, template.published)
    if published:
        out.published = parse_english(published, EASTERN)
    return out


def _summary(ctx: PageContext) -> str | None:
    for node in ctx.doc.xpath("//p[@id='article-summary']"):
        text = element_text(node)
        if text:
            return text
    return None


def parse(ctx: PageContext) -> ParsedPage:
    """Parse an NYT page."""
    template = detect(ctx.doc, TEMPLATES)
    jsonld_layer, meta_layer, micro_layer = common_layers(ctx, EASTERN)
    sel = selector_layer(ctx, template)
    meta = merge_displayed_headline_first([jsonld_layer, meta_layer, micro_layer], sel)
    # keep the normal-case spelling when one source writes the byline in capitals
    meta.authors = merge_case(meta.authors, meta_layer.authors + jsonld_layer.authors + sel.authors)
    if not meta.description:
        meta.description = _summary(ctx)
    paragraphs = extract_blocks(ctx.doc, template) if template else []
    parser = template.name if template else "nyt.none"
    paragraphs, parser = with_fallback_body(ctx, meta, paragraphs, parser)
    hint = ""
    if meta.paywalled and _PAYWALL_PROMPT(ctx.doc):
        hint = "Subscribe to continue reading"
    return build_page(ctx, meta, paragraphs, parser, extras={"template": template.name if template else None},
                      page_text_hint=hint, template_markers=[f"template:{template.name}"] if template else [])


# ------------------------------------------------------------------------------------------------ the outlet

_FRONT_APPS = {"homepage", "collection", "sectionfront", "section", "search", "indexpage"}
_ARTICLE_PT = {"article", "blogs", "blog"}
_NYT_META = etree.XPath("boolean(//meta[@name='nyt_uri' or @name='byl'])")


def _detect(doc: etree._Element, site_names: str) -> bool:
    return "new york times" in site_names or bool(_NYT_META(doc))


def _front_page(ctx: PageContext) -> str | None:
    meta = ctx.meta
    app = (meta.get("applicationname") or "").lower()
    if app in _FRONT_APPS:
        return f"meta:applicationName={app}"
    if (meta.get("ct") or "").lower() == "sectionfront":
        return "meta:CT=sectionfront"
    pt = (meta.get("pt") or "").lower()
    if pt in ("homepage", "collection", "sectionfront"):
        return f"meta:PT={pt}"
    return None


def _article_marker(ctx: PageContext) -> str | None:
    meta = ctx.meta
    if (meta.get("pt") or "").lower() in _ARTICLE_PT or (meta.get("applicationname") or "") == "article":
        return "meta:PT"
    return None


PUBLISHER = Publisher(
    name="nyt",
    title="The New York Times",
    language="en",
    timezone=EASTERN,
    hosts=("nytimes.com",),
    feeds=(
        Feed("https://www.nytimes.com/sitemaps/new/news.xml.gz", "news_sitemap", "confirmed (3)",
             note="gzip, ~48 h, 400-900 items incl. image entries", primary=True),
        Feed("https://www.nytimes.com/sitemaps/new/sitemap.xml.gz", "sitemap", "confirmed", note="sitemap index"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml", "rss", "likely live"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/Business.xml", "rss", "likely live"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/World.xml", "rss", "likely live"),
        Feed("https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml", "rss", "likely live"),
    ),
    article_url=re.compile(
        r"^https?://(?:(?:www\d*|mobile|m)\.)?nytimes\.com/(?:(?:es|en)/)?\d{4}/\d{2}/\d{2}/[a-z0-9/_.-]+\.html"
        r"(?:[?#].*)?$"
        r"|^https?://[a-z0-9-]+\.blogs\.nytimes\.com/\d{4}/\d{2}/\d{2}/[^/?#]+/?(?:[?#].*)?$",
        re.I,
    ),
    skip_urls=(
        re.compile(r"/(?:live|interactive|video|slideshow|athletic|wirecutter|paidpost|by|section|spotlight|"
                   r"topic|column|puzzles|crosswords|games)/", re.I),
        re.compile(r"^https?://(?:cooking|myaccount|help|store)\.nytimes\.com", re.I),
    ),
    # AMP pages: .../slug.amp.html is the article .../slug.html
    url_policy=UrlPolicy(host="www.nytimes.com", aliases=re.compile(r"(?:(?:www\d*|mobile|m)\.)?nytimes\.com"),
                         path_rewrites=((re.compile(r"(?:\.amp)+\.html$", re.I), ".html"),)),
    parse=parse,
    templates=TEMPLATES,
    detect=_detect,
    front_page=_front_page,
    article_marker=_article_marker,
    # NYT article pages answer 403 to server-side clients; its official Article Search API is the other channel.
    search=SearchApi(
        url="https://api.nytimes.com/svc/search/v2/articlesearch.json",
        query='nvidia OR deepseek OR "export controls" OR semiconductor OR "AI chips"',
        filter_query='section_name:("Technology" "Business" "World" "U.S.")',
        key_env="NYT_API_KEY",
    ),
    color="#2ca02c",
)
