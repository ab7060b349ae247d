"""``<meta>`` tags and schema.org microdata, read once per page.

Meta keys come from ``name=``, ``property=`` and ``http-equiv=`` alike (CNN writes ``article:*`` with
``name=``; the Postlight fixture tool rewrote ``property``/``content`` to ``name``/``value``), lower-cased.
NYT's ``data-rh`` attributes need nothing special. Microdata is kept apart so it can be its own layer.
"""

from __future__ import annotations

from lxml import etree

from .html_text import clean_text, element_text

_ITEM_XPATH = etree.XPath("//*[@itemprop or @itemtype]")
_ARTICLE_ITEMTYPES = ("newsarticle", "article", "blogposting", "reportagenewsarticle", "webpage", "report")


class MetaTags:
    """All ``<meta>`` values of a page, keyed by lower-cased name/property/http-equiv."""

    def __init__(self, doc: etree._Element) -> None:
        self.values: dict[str, list[str]] = {}
        for el in doc.iter("meta"):
            content = el.get("content")
            if content is None:
                content = el.get("value")
            if content is None:
                continue
            content = content.strip()
            for attr in ("property", "name", "http-equiv"):
                key = el.get(attr)
                if key:
                    self.values.setdefault(key.strip().lower(), []).append(content)

    def get(self, *keys: str) -> str | None:
        """The first non-empty value among ``keys``, whitespace-collapsed."""
        for key in keys:
            for value in self.values.get(key, ()):
                text = clean_text(value)
                if text:
                    return text
        return None

    def get_raw(self, *keys: str) -> str | None:
        """Like :meth:`get` but without whitespace normalisation."""
        for key in keys:
            for value in self.values.get(key, ()):
                if value.strip():
                    return value.strip()
        return None

    def get_all(self, key: str) -> list[str]:
        """Every non-empty value of ``key`` in page order."""
        return [clean_text(v) for v in self.values.get(key, ()) if v.strip()]

    def __contains__(self, key: str) -> bool:
        return key in self.values


def _scope_is_foreign(el: etree._Element) -> bool:
    """True when the element's nearest enclosing itemscope is typed as something other than an article."""
    node = el.getparent()
    while node is not None:
        if node.get("itemscope") is not None:
            itemtype = (node.get("itemtype") or "").lower()
            if not itemtype:
                return False
            return not any(itemtype.endswith("/" + t) for t in _ARTICLE_ITEMTYPES)
        node = node.getparent()
    return False


class Microdata:
    """Article-level ``itemprop`` values (nested non-article scopes such as VideoObject are ignored)."""

    def __init__(self, doc: etree._Element) -> None:
        self.values: dict[str, list[str]] = {}
        self.itemtypes: set[str] = set()
        for el in _ITEM_XPATH(doc):
            itemtype = el.get("itemtype")
            if itemtype:
                self.itemtypes.add(itemtype.lower().rstrip("/").rsplit("/", 1)[-1])
            props = el.get("itemprop")
            if not props:
                continue
            tag = el.tag
            if tag == "meta":
                value = el.get("content") if el.get("content") is not None else el.get("value")
            elif tag in ("time",):
                value = el.get("datetime") or el.get("content") or element_text(el)
            elif tag in ("link", "a"):
                value = el.get("href") or el.get("content")
            elif tag in ("img",):
                value = el.get("src")
            else:
                value = el.get("content")
                if value is None:
                    if el.get("itemscope") is not None:
                        names = el.xpath(".//*[@itemprop='name']")
                        value = element_text(names[0]) if names else element_text(el)
                    elif props.split()[0] in ("headline", "author", "creator", "datePublished", "dateModified",
                                              "name", "articleSection", "description"):
                        value = element_text(el)
                    else:
                        value = None
            if value is None:
                continue
            if props.split()[0] not in ("author", "creator") and _scope_is_foreign(el):
                continue
            for prop in props.split():
                self.values.setdefault(prop, []).append(value.strip())

    def get(self, *props: str) -> str | None:
        """The first non-empty value among ``props``."""
        for prop in props:
            for value in self.values.get(prop, ()):
                text = clean_text(value)
                if text:
                    return text
        return None

    def get_all(self, prop: str) -> list[str]:
        """Every non-empty value of ``prop``."""
        return [clean_text(v) for v in self.values.get(prop, ()) if v.strip()]
