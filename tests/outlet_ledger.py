"""A made-up outlet, The Harbor Ledger, declared exactly as a real one is in ``pipelines/sources/outlets/``:
its parser and template era, then its ``PUBLISHER``. ``tests/test_sources_new_outlet.py`` registers it and
checks that nothing else has to change for it to be partitioned, discovered, dispatched, parsed and mined."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from pipelines.fetch.urls import UrlPolicy
from pipelines.sources.layers.assemble import build_page
from pipelines.sources.layers.context import PageContext
from pipelines.sources.layers.dates import UTC
from pipelines.sources.layers.generic import with_fallback_body
from pipelines.sources.layers.metadata import Metadata, common_layers, merge_displayed_headline_first
from pipelines.sources.layers.selectors import Template, detect, extract_blocks, first_text
from pipelines.sources.parsed_page import ParsedPage
from pipelines.sources.publisher import Feed, Publisher

FEED_URL = "https://www.harborledger.example/rss/tech.xml"

TEMPLATES = (
    Template(
        name="ledger.selectors.2024",
        marker="//div[@class='story-body']",
        containers=("//div[@class='story-body']",),
        blocks="./p",
        headline=("//h1[@class='story-title']",),
        valid_from=date(2024, 1, 1),
    ),
)


def parse(ctx: PageContext) -> ParsedPage:
    """Parse a Harbor Ledger page: the shared metadata layers, the displayed headline, the era's body."""
    template = detect(ctx.doc, TEMPLATES)
    shown = Metadata(layer="selectors", headline=first_text(ctx.doc, template, template.headline) if template else None)
    meta = merge_displayed_headline_first(list(common_layers(ctx, UTC)), shown)
    paragraphs = extract_blocks(ctx.doc, template) if template else []
    paragraphs, parser = with_fallback_body(ctx, meta, paragraphs, template.name if template else "ledger.none")
    return build_page(ctx, meta, paragraphs, parser, template_markers=[f"template:{template.name}"] if template else [])


_SITE = etree.XPath("boolean(//meta[@property='og:site_name'][contains(@content, 'Harbor Ledger')])")

PUBLISHER = Publisher(
    name="ledger",
    title="The Harbor Ledger",
    language="en",
    timezone=UTC,
    hosts=("harborledger.example",),
    feeds=(Feed(FEED_URL, "rss"),),
    article_url=re.compile(r"^https?://(?:www\.|amp\.)?harborledger\.example/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html"
                           r"(?:[?#].*)?$"),
    skip_urls=(re.compile(r"/video/"),),
    url_policy=UrlPolicy(host="www.harborledger.example", aliases=re.compile(r"(?:amp\.)?harborledger\.example")),
    parse=parse,
    templates=TEMPLATES,
    detect=lambda doc, site_names: bool(_SITE(doc)),
    color="#9467bd",
)
