"""Conformance of ``parse_page`` and ``parse_feed`` on the shared CNN/NYT corpus (real pages, 2010-2023).

The pages are read from ``shared/corpus`` at test time and never copied into the project. A per-field accuracy
table is printed (visible with ``-s``), and floors are enforced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from pipelines.sources import canonical_article_url, parse_page
from pipelines.sources.discovery import parse_feed_detailed
from tests.test_sources_support import norm_text, require_corpus, same_calendar_day, same_instant

CORPUS = require_corpus()
EXPECTED = [json.loads(line) for line in (CORPUS / "expected.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
PAGES = [e for e in EXPECTED if "kind" not in e]
FEEDS = [e for e in EXPECTED if "kind" in e]

FLOORS = {
    "is_article": 1.00,
    "headline": 0.95,
    "published_day": 0.95,
    "authors": 0.90,
    "must_contain": 0.95,
    "language": 0.95,
}
CEILINGS = {"must_not_contain": 0.05}


@dataclass
class Tally:
    """Hits and totals per field, with the failures for the report."""

    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, ok: bool, what: str, n: int = 1, hits: int | None = None) -> None:
        self.totals[name] = self.totals.get(name, 0) + n
        self.hits[name] = self.hits.get(name, 0) + (hits if hits is not None else (n if ok else 0))
        if not ok:
            self.misses.setdefault(name, []).append(what)

    def rate(self, name: str) -> float:
        return self.hits.get(name, 0) / self.totals[name] if self.totals.get(name) else 1.0


def _norm_headline(text: str | None) -> str:
    return norm_text(text).casefold()


def _score() -> tuple[Tally, list[dict[str, Any]]]:
    tally = Tally()
    rows = []
    for exp in PAGES:
        html = (CORPUS / "pages" / exp["file"]).read_bytes()
        page = parse_page(html, exp["url"] or f"file:///{exp['file']}")
        name = exp["file"]
        body = norm_text(page.body_text)
        tally.add("is_article", page.is_article == exp["is_article"], f"{name}: {page.is_article} ({page.reason})")
        tally.add("language", page.language == exp["language"], f"{name}: {page.language}")
        tally.add("no_parse_error", page.error is None, f"{name}: {page.error}")
        if exp["url"]:
            tally.add("canonical_url", page.canonical_url == canonical_article_url(exp["url"]),
                      f"{name}: {page.canonical_url}")
        if exp["is_article"]:
            if exp["headline"] is not None:
                tally.add("headline", _norm_headline(page.headline) == _norm_headline(exp["headline"]),
                          f"{name}: {page.headline!r}")
            if exp["published"] is not None:
                tally.add("published_day", same_calendar_day(page.published_at, exp["published"]),
                          f"{name}: {page.published_at} vs {exp['published']}")
                tally.add("published_instant", same_instant(page.published_at, exp["published"]),
                          f"{name}: {page.published_at} vs {exp['published']}")
            if exp["modified"] is not None:
                tally.add("modified_instant", same_instant(page.modified_at, exp["modified"]),
                          f"{name}: {page.modified_at} vs {exp['modified']}")
            if exp["authors"]:
                got = {a.casefold() for a in page.authors}
                want = {a.casefold() for a in exp["authors"]}
                tally.add("authors", got == want, f"{name}: {page.authors}")
            approx = exp.get("body_word_count_approx") or 0
            if approx:
                words = len(body.split())
                tally.add("word_count_15pct", abs(words - approx) <= 0.15 * approx, f"{name}: {words} vs {approx}")
        found = [s for s in exp["must_contain"] if norm_text(s) in body]
        missing = [s[:60] for s in exp["must_contain"] if norm_text(s) not in body]
        if exp["must_contain"]:
            tally.add("must_contain", not missing, f"{name}: missing {missing}", n=len(exp["must_contain"]),
                      hits=len(found))
        leaked = [s[:60] for s in exp["must_not_contain"] if norm_text(s) in body]
        if exp["must_not_contain"]:
            tally.add("must_not_contain", bool(leaked), f"{name}: leaked {leaked}", n=len(exp["must_not_contain"]),
                      hits=len(leaked))
        rows.append({"file": name, "parser": page.parser, "reason": page.reason})
    return tally, rows


@pytest.fixture(scope="module")
def scored() -> Tally:
    tally, rows = _score()
    lines = ["", f"sources conformance on {len(PAGES)} corpus pages ({CORPUS})",
             f"{'field':<20} {'hits':>6} {'total':>6} {'rate':>7}  floor"]
    for name in sorted(tally.totals):
        bound = (f">= {FLOORS[name]:.0%}" if name in FLOORS else f"<= {CEILINGS[name]:.0%}" if name in CEILINGS
                 else "(reported)")
        hits, total = tally.hits.get(name, 0), tally.totals[name]
        lines.append(f"{name:<20} {hits:>6} {total:>6} {tally.rate(name):>7.1%}  {bound}")
    for name, misses in sorted(tally.misses.items()):
        if name == "must_not_contain":
            misses = [m for m in misses if "leaked []" not in m]
        for miss in misses:
            lines.append(f"  miss {name}: {miss}")
    parsers = sorted({r["parser"] or r["reason"] for r in rows})
    lines.append("parsers used: " + ", ".join(parsers))
    print("\n".join(lines))  # shown with -s
    return tally


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_floor(scored: Tally, name: str) -> None:
    assert scored.rate(name) >= FLOORS[name], scored.misses.get(name)


def test_must_not_contain_ceiling(scored: Tally) -> None:
    assert scored.rate("must_not_contain") <= CEILINGS["must_not_contain"], scored.misses.get("must_not_contain")


def test_no_parse_errors(scored: Tally) -> None:
    assert scored.rate("no_parse_error") == 1.0, scored.misses.get("no_parse_error")


def test_non_articles_carry_no_article_fields() -> None:
    for exp in PAGES:
        if exp["is_article"]:
            continue
        page = parse_page((CORPUS / "pages" / exp["file"]).read_bytes(), exp["url"])
        assert page.reason == "non_article", exp["file"]
        assert page.headline is None and page.published_at is None and page.body_text == ""


def test_str_and_bytes_inputs_agree() -> None:
    exp = next(e for e in PAGES if e["file"].startswith("nyt_2020"))
    raw = (CORPUS / "pages" / exp["file"]).read_bytes()
    from_bytes = parse_page(raw, exp["url"])
    from_text = parse_page(raw.decode("utf-8"), exp["url"])
    assert from_bytes.body_text == from_text.body_text
    assert from_bytes.headline == from_text.headline


def test_source_detected_from_markup_without_url() -> None:
    for exp in PAGES:
        if not exp["is_article"]:
            continue
        page = parse_page((CORPUS / "pages" / exp["file"]).read_bytes(), "")
        assert page.source == exp["source"], exp["file"]


@pytest.mark.parametrize("feed", FEEDS, ids=[f["file"] for f in FEEDS])
def test_corpus_feeds(feed: dict[str, Any]) -> None:
    body = (CORPUS / "feeds" / feed["file"]).read_bytes()
    result = parse_feed_detailed(body, feed["source"], f"corpus://{feed['file']}")
    assert result.total == feed["item_count"]
    entries = {item.raw_url: item for item in result.items + result.skipped}
    for exp in feed["items"]:
        item = entries[exp["url"]]
        assert item.title == exp["title"]
        assert same_instant(item.published_at, exp["published"])
        target = exp.get("orig_link") or exp["url"]
        assert item.url == canonical_article_url(target)
        if "lastmod" in exp:
            assert same_instant(item.modified_at, exp["lastmod"])
    for item in result.items:
        assert item.is_article and item.source == feed["source"]
    for item in result.skipped:
        assert not item.is_article and item.skip_reason
