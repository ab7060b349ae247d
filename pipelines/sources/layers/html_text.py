"""Turning raw bytes into an lxml tree, and elements into clean paragraph text.

The hot path stays on lxml: one parse per page, no BeautifulSoup (see the README: lxml alone is faster and
its XPath is what the templates are written in). Bytes are decoded by the fetch layer's charset sniffer
(:func:`pipelines.fetch.decode.decode_html`), the only one in the project. Text helpers never modify the tree, so
several layers can read the same document.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from pipelines.fetch.decode import decode_html

_WS = re.compile(r"\s+")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")
_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,30});")
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(
    r"(?i)<\s*/?\s*(?:br|p|div|li|ul|ol|h[1-6]|blockquote|section|article|tr|td|th|table|figure|figcaption|header|"
    r"footer|dd|dt|dl|pre)\b[^>]*>"
)
_BREAK = re.compile(r"(?i)<\s*br\s*/?\s*>|<\s*/?\s*(?:p|div|li|h[1-6]|blockquote|section|tr)(?:\s[^>]*)?>")

BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "blockquote", "tr", "td", "th", "table", "figure", "header", "footer", "aside", "main", "nav",
        "dd", "dt", "dl", "pre", "address",
    }
)  # fmt: skip
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "iframe", "object", "video", "audio", "select",
     "head"}
)

MAX_INPUT_BYTES = 30_000_000


def parse_html(data: str | bytes) -> lxml.html.HtmlElement | None:
    """Parse an HTML document with lxml; ``None`` when there is nothing to parse."""
    if isinstance(data, str):
        raw = data.encode("utf-8", errors="replace")
        encoding = "utf-8"
    else:
        raw = data[:MAX_INPUT_BYTES]
        text, encoding = decode_html(raw)
        if encoding not in ("utf-8", "ascii"):  # valid UTF-8 goes to lxml as it is; the rest re-encoded
            raw = text.encode("utf-8")
        encoding = "utf-8"
    raw = raw.replace(b"\x00", b"")
    if not raw.strip():
        return None
    parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        doc = lxml.html.document_fromstring(raw, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if doc is None or not isinstance(doc.tag, str):
        return None
    return doc


def clean_text(value: str | None) -> str:
    """Collapse all Unicode whitespace (NBSP included) to single spaces and decode stray entities."""
    if not value:
        return ""
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    value = _ZERO_WIDTH.sub("", value)
    return _WS.sub(" ", value).strip()


def element_text(el: etree._Element, skip: Callable[[etree._Element], bool] | None = None) -> str:
    """Rendered text of ``el`` with block boundaries as spaces; subtrees for which ``skip`` is true are left out."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIP_TAGS and not (skip is not None and skip(child)):
                block = tag in BLOCK_TAGS
                if block:
                    parts.append(" ")
                walk(child)
                if block:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    try:
        walk(el)
    except RecursionError:  # pathological nesting: fall back to lxml's flat text
        return clean_text(el.text_content())
    return clean_text("".join(parts))


def strip_tags(fragment: str | None) -> str:
    """Plain text of an HTML fragment (used for JSON values that carry markup)."""
    if not fragment:
        return ""
    if "<" in fragment:
        fragment = _TAG.sub("", _BLOCK_TAG.sub(" ", fragment))
    return clean_text(fragment)


def split_html_paragraphs(fragment: str | None) -> list[str]:
    """Split an HTML fragment into paragraphs at ``<br>`` and block tags, then strip the remaining tags.

    Plain text without any break tags is split at its newlines instead (newlines inside markup are only
    whitespace).
    """
    if not fragment:
        return []
    pieces = _BREAK.split(fragment)
    if len(pieces) == 1:
        pieces = fragment.split("\n")
    return [text for text in (strip_tags(piece) for piece in pieces) if text]


def class_list(el: etree._Element) -> list[str]:
    """The element's classes."""
    value = el.get("class")
    return value.split() if value else []


def has_class(el: etree._Element, *names: str) -> bool:
    """True when the element carries one of ``names`` as a whole class."""
    value = el.get("class")
    if not value:
        return False
    classes = value.split()
    return any(name in classes for name in names)


def xclass(name: str) -> str:
    """XPath predicate body matching a whole class name."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def visible_text_length(doc: etree._Element, limit: int = 20000) -> int:
    """Approximate length of the page's visible text, stopping early at ``limit``."""
    body = doc.find("body")
    root = body if body is not None else doc
    total = 0
    for node in root.iter():
        tag = node.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            continue
        parent = node.getparent()
        if parent is not None and parent.tag in SKIP_TAGS:
            continue
        if node.text:
            total += len(node.text.strip())
        if node.tail:
            total += len(node.tail.strip())
        if total >= limit:
            break
    return total


def break_paragraphs(el: etree._Element, skip: Callable[[etree._Element], bool] | None = None) -> list[str]:
    """Paragraphs of a container whose text is separated by ``<br>`` and block elements, not ``<p>``s."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = clean_text("".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(node: etree._Element) -> None:
        if node.text:
            current.append(node.text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIP_TAGS and not (skip is not None and skip(child)):
                if tag == "br":
                    flush()
                elif tag in BLOCK_TAGS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)
            if child.tail:
                current.append(child.tail)

    try:
        walk(el)
    except RecursionError:
        return [clean_text(el.text_content())]
    flush()
    return paragraphs
