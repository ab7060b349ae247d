"""Declarative per-template selectors and the block extractor that applies them.

A :class:`Template` names one outlet template era: a marker that identifies it, where the headline,
byline and timestamps are, the body container, which blocks inside it are paragraphs, and which
sub-trees (captions, promos, related links, ads) are not body text. Extraction never modifies the tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from .html_text import class_list, element_text

# Text-only rules that apply to every outlet's paragraphs.
BOILERPLATE = re.compile(
    r"^(?:Advertisement|Continue reading the main story|Supported by|Ad Feedback|Read More|"
    r"Story highlights|STORY HIGHLIGHTS|Skip Advertisement|Share|Share this|Close|Image|Video|Photo|"
    r"Already a subscriber\? Log in\.?|Want all of The Times\? Subscribe\.?|Sign up|Subscribe)$",
    re.I,
)
BOILERPLATE_CONTAINS = re.compile(
    r"Already a subscriber\? Log in|Want all of The Times\? Subscribe|Chat with us in Facebook Messenger",
    re.I,
)

# Newsletter promos inside the story column ("CNN will soon launch Royal News, a weekly newsletter ... Sign up here.")
NEWSLETTER_PROMO = re.compile(r"\bnewsletter\b.{0,240}\bsign up\b|\bsign up\b.{0,160}\bnewsletter\b", re.I)


@dataclass(frozen=True)
class Template:
    """One template era of one outlet: ``valid_from`` (inclusive) to ``valid_until`` (exclusive), either open."""

    name: str
    marker: str
    containers: tuple[str, ...]
    blocks: str
    headline: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    skip_classes: frozenset[str] = frozenset()
    skip_class_prefixes: tuple[str, ...] = ()
    skip_tags: frozenset[str] = frozenset({"figure", "figcaption", "aside", "nav", "form", "table"})
    skip_ids: frozenset[str] = frozenset()
    skip_attrs: tuple[tuple[str, str], ...] = ()
    block_ancestor_tags: frozenset[str] = frozenset({"a", "button", "figure", "aside"})
    drop_link_only: bool = False
    drop_text: tuple[re.Pattern[str], ...] = ()
    min_chars: int = 1
    valid_from: date | None = None
    valid_until: date | None = None
    _compiled: dict[str, etree.XPath] = field(default_factory=dict, compare=False, repr=False)

    def xp(self, expr: str) -> etree.XPath:
        """A compiled XPath (cached per template)."""
        compiled = self._compiled.get(expr)
        if compiled is None:
            compiled = etree.XPath(expr)
            self._compiled[expr] = compiled
        return compiled

    def valid_on(self, day: date) -> bool:
        """True when ``day`` falls in the template's era (pages of that day may carry this markup)."""
        started = self.valid_from is None or day >= self.valid_from
        return started and (self.valid_until is None or day < self.valid_until)

    def matches(self, doc: etree._Element) -> bool:
        """True when the template's marker is present."""
        return bool(self.xp(self.marker)(doc))

    def skip(self, el: etree._Element) -> bool:
        """True for sub-trees that are not body text (captions, promos, ads...)."""
        tag = el.tag
        if tag in self.skip_tags:
            return True
        classes = class_list(el)
        if classes:
            if self.skip_classes and any(c in self.skip_classes for c in classes):
                return True
            if self.skip_class_prefixes and any(c.startswith(self.skip_class_prefixes) for c in classes):
                return True
        if self.skip_ids and el.get("id") in self.skip_ids:
            return True
        return any(el.get(attr) == value for attr, value in self.skip_attrs)


def first_text(doc: etree._Element, template: Template, exprs: tuple[str, ...]) -> str | None:
    """Text of the first non-empty node matched by one of ``exprs`` (attributes are returned as is)."""
    for expr in exprs:
        for node in template.xp(expr)(doc):
            text = node.strip() if isinstance(node, str) else element_text(node)
            if text:
                return text
    return None


def all_texts(doc: etree._Element, template: Template, exprs: tuple[str, ...]) -> list[str]:
    """Texts of every node matched by the first expression that matches anything."""
    for expr in exprs:
        nodes = template.xp(expr)(doc)
        texts = [n.strip() if isinstance(n, str) else element_text(n) for n in nodes]
        texts = [t for t in texts if t]
        if texts:
            return texts
    return []


def _is_link_only(el: etree._Element) -> bool:
    links = el.findall(".//a")
    if not links:
        return False
    link_text = "".join(a.text_content() for a in links).strip()
    return bool(link_text) and len(link_text) >= 0.9 * len(el.text_content().strip())


def extract_blocks(
    doc: etree._Element,
    template: Template,
    text_filter: Callable[[str], bool] | None = None,
) -> list[str]:
    """Paragraph texts of the template's body, in document order, skipping non-body sub-trees."""
    containers: list[etree._Element] = []
    for expr in template.containers:
        containers = template.xp(expr)(doc)
        if containers:
            break
    if not containers:
        return []
    container_set = set(containers)
    block_xp = template.xp(template.blocks)
    paragraphs: list[str] = []
    taken: set[etree._Element] = set()
    for container in containers:
        # nested containers (the same class inside itself) are walked once, from the outermost
        parent = container.getparent()
        nested = False
        while parent is not None:
            if parent in container_set:
                nested = True
                break
            parent = parent.getparent()
        if nested:
            continue
        for block in block_xp(container):
            node = block.getparent()
            excluded = template.skip(block)
            while not excluded and node is not None and node is not container:
                if node in taken or node.tag in template.block_ancestor_tags or template.skip(node):
                    excluded = True
                node = node.getparent()
            if excluded:
                continue
            taken.add(block)
            if template.drop_link_only and _is_link_only(block):
                continue
            text = element_text(block, skip=template.skip)
            if len(text) < template.min_chars:
                continue
            if BOILERPLATE.match(text) or BOILERPLATE_CONTAINS.search(text):
                continue
            if len(text) < 400 and NEWSLETTER_PROMO.search(text):
                continue
            if any(p.search(text) for p in template.drop_text):
                continue
            if text_filter is not None and not text_filter(text):
                continue
            paragraphs.append(text)
    return paragraphs


def detect(doc: etree._Element, templates: tuple[Template, ...]) -> Template | None:
    """The first template whose marker is present."""
    for template in templates:
        if template.matches(doc):
            return template
    return None
