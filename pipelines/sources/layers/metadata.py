"""The metadata layers shared by every outlet: JSON-LD, then meta tags, then microdata.

Each layer yields a :class:`Metadata`; :func:`merge` takes, field by field, the first layer that has a
value (dates: the first, upgraded to a later candidate that adds a time of day on the same date). Outlet
parsers put their selector layer in front or behind as their templates require.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import tzinfo

from . import jsonld
from .authors import split_byline
from .context import PageContext
from .dates import PageDate, choose, parse_any

_SITE_SUFFIX = re.compile(
    r"\s*(?:[-|–—:]\s*(?:CNN(?:\.com)?|CNN\s?Politics|CNN\s?Business|CNNMoney|CNN\s+International|"
    r"The\s+New\s+York\s+Times|NYTimes\.com|NYT|뉴스1|News1|머니투데이)|\(Published\s+\d{4}\))\s*$",
    re.I,
)


@dataclass
class Metadata:
    """Article metadata from one layer (or merged from several)."""

    headline: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published: PageDate | None = None
    modified: PageDate | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    paywalled: bool | None = None
    layer: str = ""
    origins: dict[str, str] = field(default_factory=dict)


def clean_headline(title: str | None) -> str | None:
    """Drop site suffixes (" - CNN", " - The New York Times", " (Published 2016)") from a title."""
    if not title:
        return None
    previous = None
    text = title.strip()
    while text != previous:
        previous = text
        text = _SITE_SUFFIX.sub("", text).strip()
    return text or None


def _authors(raw: list[str]) -> list[str]:
    names: list[str] = []
    for value in raw:
        if not value or value.startswith(("http://", "https://")):
            continue
        for name in split_byline(value):
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
    return names


def from_jsonld(ctx: PageContext, tz: tzinfo) -> Metadata:
    """The JSON-LD NewsArticle layer."""
    art = ctx.article_ld
    if art is None:
        return Metadata(layer="jsonld")
    section = jsonld.raw_value(art, "articleSection")
    return Metadata(
        headline=clean_headline(jsonld.text_value(art, "headline") or jsonld.text_value(art, "name")),
        description=jsonld.text_value(art, "description"),
        authors=_authors(jsonld.author_names(art)),
        published=choose([parse_any(jsonld.raw_value(art, k), tz) for k in ("datePublished", "dateCreated")]),
        modified=parse_any(jsonld.raw_value(art, "dateModified"), tz),
        section=section.strip() if isinstance(section, str) and section.strip() else None,
        keywords=jsonld.keywords(art),
        paywalled=(lambda free: None if free is None else not free)(jsonld.is_accessible_for_free(art)),
        layer="jsonld",
    )


_META_PUBLISHED = (
    "article:published_time", "article:published", "og:pubdate", "pubdate", "publishdate", "publish-date",
    "date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "ptime",
    "article:published_date", "pdate", "pud",
)  # fmt: skip
_META_MODIFIED = (
    "article:modified_time", "article:modified", "og:updated_time", "lastmod", "last-modified", "utime",
    "dc.date.modified", "dcterms.modified",
)  # fmt: skip


def from_meta(ctx: PageContext, tz: tzinfo) -> Metadata:
    """The meta tag layer (og:, article:, twitter:, NYT byl/pdate/ptime, Dublin Core...)."""
    meta = ctx.meta
    author_raw: list[str] = []
    for key in ("author", "byl", "article:author", "dable:author", "clmst", "dc.creator", "sailthru.author",
                "parsely-author"):
        author_raw.extend(meta.get_all(key))
    keywords: list[str] = []
    for key in ("news_keywords", "keywords"):
        value = meta.get(key)
        if value:
            keywords = [k.strip() for k in value.split(",") if k.strip()]
            break
    if not keywords:
        keywords = meta.get_all("article:tag")
    return Metadata(
        headline=clean_headline(meta.get("og:title", "twitter:title", "hdl", "fb_title", "title", "dc.title")),
        description=meta.get("description", "og:description", "twitter:description"),
        authors=_authors(author_raw),
        published=choose([parse_any(v, tz) for k in _META_PUBLISHED for v in meta.values.get(k, ())]),
        modified=choose([parse_any(v, tz) for k in _META_MODIFIED for v in meta.values.get(k, ())]),
        section=meta.get("article:section", "section", "cg"),
        keywords=keywords,
        layer="meta",
    )


def from_microdata(ctx: PageContext, tz: tzinfo) -> Metadata:
    """The schema.org microdata layer."""
    md = ctx.microdata
    return Metadata(
        headline=clean_headline(md.get("headline")),
        description=md.get("description"),
        authors=_authors(md.get_all("author") or md.get_all("creator")),
        published=choose([parse_any(v, tz) for k in ("datePublished", "dateCreated") for v in md.get_all(k)]),
        modified=choose([parse_any(v, tz) for v in md.get_all("dateModified")]),
        section=md.get("articleSection"),
        keywords=[k.strip() for k in (md.get("keywords") or "").split(",") if k.strip()],
        layer="microdata",
    )


def merge(*layers: Metadata) -> Metadata:
    """Field by field, the first layer with a value; records which layer supplied what in ``origins``."""
    out = Metadata(layer="+".join(layer.layer for layer in layers if layer.layer))
    for name in ("headline", "description", "section", "paywalled"):
        for layer in layers:
            value = getattr(layer, name)
            if value is not None and value != "":
                setattr(out, name, value)
                out.origins[name] = layer.layer
                break
    for name in ("authors", "keywords"):
        for layer in layers:
            value = getattr(layer, name)
            if value:
                setattr(out, name, list(value))
                out.origins[name] = layer.layer
                break
    for name in ("published", "modified"):
        candidates = [getattr(layer, name) for layer in layers]
        chosen = choose(candidates)
        if chosen is not None:
            setattr(out, name, chosen)
            out.origins[name] = next(layer.layer for layer in layers if getattr(layer, name) is chosen)
    return out


def common_layers(ctx: PageContext, tz: tzinfo) -> list[Metadata]:
    """JSON-LD, meta and microdata layers in the standard order."""
    return [from_jsonld(ctx, tz), from_meta(ctx, tz), from_microdata(ctx, tz)]


def merge_displayed_headline_first(layers: list[Metadata], selectors: Metadata) -> Metadata:
    """Merge the embedded layers and the template's selectors field by field (embedded data first), except
    the headline, which is taken as displayed (the selectors' ``h1``) when the page shows one."""
    meta = merge(*layers, selectors)
    shown = merge(selectors, *layers)
    meta.headline = shown.headline
    meta.origins["headline"] = shown.origins.get("headline", "")
    return meta
