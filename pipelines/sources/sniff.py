"""Deciding before the full parse whether an archived page can be about AI chips (the backfill's sniff).

A CC-NEWS file holds pages on every topic; only a few percent are about chips, and the full parse (lxml,
the outlet layers, trafilatura) is what costs. :func:`sniff_page` looks at the raw page instead: its URL
(an outlet's page that is not one of its article URLs), its language (the extractor reads English and
Korean) and its words, with the topic filter's own vocabulary (``topics.json``, through
:func:`~pipelines.sources.topics.matcher`).

The topic sniff is an upper bound of :func:`~pipelines.sources.topics.is_relevant_page`: that filter
never calls a page relevant without a strong or hardware term in its headline, URL slug, description or
body, and all of those are text of the raw page (markup, scripts and JSON-LD included). So the sniff asks
only that: does any strong or hardware term of the vocabulary occur anywhere in the page? To stay cheap it
first looks for each term's longest word as a plain substring of the lower-cased page (``str.__contains__``,
gigabytes per second), and runs the filter's regular expressions only on a window around each occurrence.
Pages it keeps are parsed and filtered in full; ``tests/test_backfill.py`` checks on the sample archive and on
a generated archive that it drops no page the full filter keeps.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipelines.fetch.decode import decode_html
from pipelines.sources.registry import SOURCES, is_article_url, source_for_url
from pipelines.sources.topics import matcher

# Languages the extractor reads (pipelines/extract: English and Korean grammars).
READ_LANGUAGES = frozenset({"en", "ko"})
_WINDOW = 120  # characters each side of a trigger word: longer than any term or exclusion pattern
_HEAD = 8192
_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)
_META_LANG = re.compile(r"""<meta\b[^>]*?(?:http-equiv|name|property)\s*=\s*["']?(?:content-language|og:locale|"""
                        r"""language)["']?[^>]*?content\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Sniff:
    """What the sniff saw: ``keep`` (parse it), else ``reason`` (``off_topic``, ``language``,
    ``not_article_url``); the page's ``source`` (adapter), ``language`` and ``title`` as far as the raw bytes
    tell."""

    keep: bool
    reason: str | None
    source: str
    language: str | None
    title: str | None


@lru_cache(maxsize=1)
def triggers() -> tuple[str, ...]:
    """One word per strong and hardware term of the vocabulary, lower-cased: a page without any of them as a
    substring cannot hold a term, so the filter cannot call it relevant. A one-word term is its own trigger;
    a longer one takes a word that already is a trigger ("AI chip": "chip"), else its longest word."""
    data = json.loads(resources.files("pipelines.sources").joinpath("topics.json").read_text(encoding="utf-8"))
    terms = [[p for p in re.split(r"[\s-]+", t.lower()) if p]
             for lang in ("en", "ko") for t in [*data[lang]["strong"], *data[lang]["weak"]]]
    words = {parts[0] for parts in terms if len(parts) == 1}
    for parts in terms:
        if len(parts) > 1 and not any(w in p for p in parts for w in words):
            words.add(max(reversed(parts), key=len))
    # A word that contains another trigger adds nothing ("semiconductors" holds "semiconductor").
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def topic_hit(text: str) -> str | None:
    """The first strong or hardware term of the topic vocabulary found in ``text`` (a raw page), else None."""
    low = text.lower()
    m = matcher()
    for word in triggers():
        at = low.find(word)
        while at != -1:
            window = low[max(0, at - _WINDOW):at + len(word) + _WINDOW]
            strong, hardware, _ = m.all_hits(window)
            if strong or hardware:
                return sorted(strong or hardware)[0]
            at = low.find(word, at + len(word))
    return None


def page_language(head: str, source: str) -> str | None:
    """The page's language as its first bytes declare it (``<html lang>``, a content-language meta), the
    outlet's language for a registered outlet, else None (unknown)."""
    pub = SOURCES.get(source)
    if pub is not None and pub.language:
        return pub.language
    m = _LANG.search(head) or _META_LANG.search(head)
    return m.group(1).lower()[:2] if m else None


def _readable(text: str) -> str:
    """The page with HTML entities and JSON ``\\uXXXX`` escapes resolved, where it has any (a body kept only in
    JSON-LD may spell its Hangul as escapes)."""
    if "&" in text:
        text = html.unescape(text)
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def sniff_page(body: bytes, url: str, content_type: str | None = None) -> Sniff:
    """Decide from the raw page whether it is worth the full parse (see the module docstring)."""
    source = source_for_url(url)
    text, _ = decode_html(body, content_type)
    head = text[:_HEAD]
    title_m = _TITLE.search(head)
    title = " ".join(html.unescape(title_m.group(1)).split())[:300] if title_m else None
    language = page_language(head, source)
    if source in SOURCES and not is_article_url(source, url):
        return Sniff(False, "not_article_url", source, language, title)
    if language is not None and language not in READ_LANGUAGES:
        return Sniff(False, "language", source, language, title)
    if topic_hit(_readable(text)) is None:
        return Sniff(False, "off_topic", source, language, title)
    return Sniff(True, None, source, language, title)
