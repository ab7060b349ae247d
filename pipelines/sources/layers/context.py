"""The per-page state shared by all layers: the parsed tree and lazily computed metadata sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import lxml.html
from lxml import etree

from . import jsonld
from .meta_tags import MetaTags, Microdata

_CANONICAL = etree.XPath("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href")


@dataclass
class PageContext:
    """One page under parse. Everything expensive is a cached property computed on first use."""

    url: str
    source: str
    doc: lxml.html.HtmlElement
    extras: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """All JSON-LD objects (flattened)."""
        return jsonld.extract_jsonld(self.doc)

    @cached_property
    def article_ld(self) -> dict[str, Any] | None:
        """The NewsArticle-like JSON-LD object, if any."""
        return jsonld.find_article(self.jsonld)

    @cached_property
    def ld_types(self) -> set[str]:
        """Every JSON-LD ``@type`` on the page (lower-cased)."""
        types: set[str] = set()
        for obj in self.jsonld:
            types |= jsonld.types_of(obj)
        return types

    @cached_property
    def meta(self) -> MetaTags:
        """All ``<meta>`` values."""
        return MetaTags(self.doc)

    @cached_property
    def microdata(self) -> Microdata:
        """Article-level microdata."""
        return Microdata(self.doc)

    @cached_property
    def canonical(self) -> str | None:
        """The page's own URL: ``link rel=canonical``, else ``og:url``, else JSON-LD ``url``/microdata."""
        for href in _CANONICAL(self.doc):
            if href and href.strip():
                return href.strip()
        value = self.meta.get_raw("og:url", "twitter:url")
        if value:
            return value
        ld_url = jsonld.text_value(self.article_ld, "url")
        if ld_url:
            return ld_url
        itemid = self.doc.get("itemid")
        return itemid.strip() if itemid else None

    @cached_property
    def html_lang(self) -> str | None:
        """Primary language subtag from ``<html lang>`` / ``xml:lang`` / content-language metas."""
        raw = (
            self.doc.get("lang")
            or self.doc.get("{http://www.w3.org/XML/1998/namespace}lang")
            or self.doc.get("xml:lang")
            or self.meta.get("content-language", "og:locale", "language")
            or jsonld.text_value(self.article_ld, "inLanguage")
            or self.microdata.get("inLanguage")
        )
        if not raw:
            return None
        return raw.strip().replace("_", "-").split("-")[0].lower() or None

    def xpath(self, expr: str) -> list[Any]:
        """Run an XPath expression on the document."""
        return self.doc.xpath(expr)
