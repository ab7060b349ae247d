"""The outlet layer: who published the article, as the page states it, normalised by the outlet table.

In order (``via`` in ``ParsedPage.extras["outlet_via"]`` says which one answered):

1. ``adapter``: the page was read by an outlet's own module (a stand-in host included): that outlet;
2. ``domain``: the page's registrable domain is in the outlet table (``edition.cnn.com`` -> CNN);
3. ``jsonld_publisher``, ``og:site_name``: the publisher the page names, normalised through the table's names;
4. ``host``: the registrable domain itself (``harborledger.example``), when the page names nobody.

A syndicated copy names the original outlet where the page says so, and the copy's outlet is the original
(``via`` ``syndicated:<signal>``, the site that carried it in ``extras["carried_by"]``): a
``original-source``/``syndication-source`` link, JSON-LD ``sourceOrganization``/``isBasedOn``, a byline or
JSON-LD author that is a news agency ("By Reuters", "The Associated Press"), a wire dateline opening the body
("WASHINGTON (Reuters) -", "(서울=연합뉴스)") or a credit line ("This story originally appeared in Fortune").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .. import registry
from ..outlet_table import is_wire, known_outlet, normalise_outlet, outlet_for_domain, registrable_domain
from . import jsonld
from .context import PageContext

_ORIGINAL_LINKS = etree.XPath(
    "//link[@rel='original-source' or @rel='syndication-source']/@href"
    " | //meta[@name='original-source' or @name='syndication-source']/@content"
)
_SITE_NAMES = ("og:site_name", "application-name", "twitter:site")
_ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "onlinebusiness"}
# "WASHINGTON (Reuters) -", "SEOUL, March 3 (Yonhap) --", "(AP) —"
_EN_DATELINE = re.compile(
    r"^[A-Z][\w .,'’/-]{0,60}?\(([A-Za-z][A-Za-z .-]{1,30})\)\s*[-–—]{1,2}\s|^\(([A-Za-z .-]{2,30})\)\s*[-–—]")
# "(서울=연합뉴스) 홍길동 기자 =", "(워싱턴=뉴스1)", "[서울=뉴시스]"
_KO_DATELINE = re.compile(r"^[(\[]\s*[가-힣A-Za-z ]{1,12}=\s*([가-힣A-Za-z0-9 ]{2,12}?)\s*[)\]]")
_CREDIT = re.compile(
    r"\b(?i:originally\s+(?:appeared|published|ran)\s+(?:in|on|at|by)|first\s+(?:appeared|published)\s+(?:in|on|by)|"
    r"republished\s+(?:from|with\s+permission\s+(?:from|of))|reprinted\s+(?:from|with\s+permission\s+of))\s+"
    r"(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})",
)
_BY = re.compile(r"^\s*(?:by|from)\s+", re.I)


@dataclass(frozen=True)
class OutletFound:
    """The outlet of a page and how it was found; ``carried_by`` is the site of a syndicated copy."""

    outlet: str | None
    via: str | None
    carried_by: str | None = None


def _org_name(value: Any, objects: list[dict[str, Any]]) -> str | None:
    """The name of a JSON-LD organization value (a string, an object, a list, or an ``@id`` reference)."""
    if isinstance(value, list):
        for item in value:
            name = _org_name(item, objects)
            if name:
                return name
        return None
    if isinstance(value, str):
        return value.strip() or None
    if not isinstance(value, dict):
        return None
    name = value.get("name") or value.get("legalName") or value.get("alternateName")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str) and n.strip()), None)
    if isinstance(name, str) and name.strip():
        return name.strip()
    ref = value.get("@id")
    if isinstance(ref, str):
        for obj in objects:
            if obj is not value and obj.get("@id") == ref and (obj.get("name") or obj.get("legalName")):
                return _org_name(obj, objects)
    return None


def stated_publisher(ctx: PageContext) -> tuple[str | None, str | None]:
    """(name, layer) of the publisher the page states: JSON-LD ``publisher`` of the article (or the page's
    one news-media organization), else ``og:site_name`` / ``application-name``."""
    art = ctx.article_ld
    objects = ctx.jsonld
    name = _org_name(art.get("publisher"), objects) if art else None
    if not name:
        orgs = [o for o in objects if jsonld.types_of(o) & {"newsmediaorganization"}]
        name = _org_name(orgs[0], objects) if len(orgs) == 1 else None
    if name:
        return name, "jsonld_publisher"
    for key in _SITE_NAMES:
        value = ctx.meta.get(key)
        if value and value.strip().lstrip("@"):
            return value.strip().lstrip("@"), key
    return None, None


def _outlet_of_url(url: str | None) -> str | None:
    if not url or not url.strip().lower().startswith(("http://", "https://", "//")):
        return None
    pub = registry.publisher_for_url(url)
    return outlet_for_domain(url) or (pub.title if pub else None) or registrable_domain(url)


def own_outlet(ctx: PageContext) -> OutletFound:
    """The site's own outlet, before any syndication: adapter, domain, stated publisher, host."""
    pub = registry.SOURCES.get(ctx.source)
    if pub is not None:
        host = pub.url_policy.host or (pub.hosts[0] if pub.hosts else "")
        return OutletFound(outlet_for_domain(host) or pub.title, "adapter")
    for url in (ctx.url, ctx.canonical):
        name = outlet_for_domain(url)
        if name:
            return OutletFound(name, "domain")
    name, layer = stated_publisher(ctx)
    if name:
        return OutletFound(normalise_outlet(name), layer)
    domain = registrable_domain(ctx.url) or registrable_domain(ctx.canonical)
    return OutletFound(domain, "host" if domain else None)


def _wire_in_byline(raw: str) -> str | None:
    """A news agency a byline names: the whole byline ("By Reuters", "The Associated Press") or its last
    comma-separated affiliation ("By Jane Doe, Reuters")."""
    text = _BY.sub("", raw.strip()).strip(" .")
    last = text.rsplit(",", 1)[-1] if "," in text else ""
    for part in (text, last, re.sub(r"\s+(?:staff|wire)$", "", text, flags=re.I)):
        name = known_outlet(part.strip())
        if name and is_wire(name):
            return name
    return None


def syndication_source(ctx: PageContext, paragraphs: list[str], byline: str | None) -> tuple[str | None, str | None]:
    """(original outlet, signal) when the page says it carries another outlet's story, else (None, None)."""
    for href in _ORIGINAL_LINKS(ctx.doc):
        name = _outlet_of_url(href)
        if name:
            return name, "original_source_link"
    art = ctx.article_ld or {}
    org = _org_name(art.get("sourceOrganization"), ctx.jsonld)
    if org:
        return normalise_outlet(org), "jsonld_source_organization"
    based = art.get("isBasedOn") or art.get("isBasedOnUrl")
    if isinstance(based, dict):
        name = _org_name(based.get("publisher"), ctx.jsonld) or None
        if name:
            return normalise_outlet(name), "jsonld_is_based_on"
        based = based.get("url") or based.get("@id")
    if isinstance(based, str):
        name = _outlet_of_url(based)
        if name:
            return name, "jsonld_is_based_on"
    authors = art.get("author") if art else None
    for item in authors if isinstance(authors, list) else [authors]:
        if isinstance(item, dict) and jsonld.types_of(item) & _ORG_TYPES:
            name = _wire_in_byline(_org_name(item, ctx.jsonld) or "")
            if name:
                return name, "jsonld_author"
    raw_bylines = [*jsonld.author_names(art), *ctx.meta.get_all("author"), *([byline] if byline else [])]
    for raw in raw_bylines:
        name = _wire_in_byline(raw)
        if name:
            return name, "byline"
    if paragraphs:
        first = paragraphs[0]
        m = _EN_DATELINE.match(first) or _KO_DATELINE.match(first)
        if m:
            name = known_outlet(next(g for g in m.groups() if g))
            if name and is_wire(name):
                return name, "dateline"
        for para in (paragraphs[-1], paragraphs[0]) if len(paragraphs) > 1 else (first,):
            m = _CREDIT.search(para)
            if m:
                name = known_outlet(m.group(1)) or known_outlet(" ".join(m.group(1).split()[:2]))
                if name:
                    return name, "credit_line"
    return None, None


def page_outlet(ctx: PageContext, paragraphs: list[str], byline: str | None = None) -> OutletFound:
    """The outlet of an article page (see the module docstring)."""
    own = own_outlet(ctx)
    original, signal = syndication_source(ctx, paragraphs, byline)
    if original and own.outlet and original.casefold() != own.outlet.casefold():
        return OutletFound(original, f"syndicated:{signal}", own.outlet)
    if original and not own.outlet:
        return OutletFound(original, f"syndicated:{signal}")
    return own
