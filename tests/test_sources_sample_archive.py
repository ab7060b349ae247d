"""The sample archive (``sample_archive/``) through the source adapters: pages and feed snapshots."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pipelines.sources import canonical_article_url, is_relevant_page, parse_page, source_for_url
from pipelines.sources.discovery import parse_feed_detailed
from tests.test_sources_support import REPO

ARCHIVE = REPO / "sample_archive"
MANIFEST = ARCHIVE / "manifest.jsonl"
if not MANIFEST.is_file():
    print(f"SKIP: no sample archive manifest at {MANIFEST}")
    pytest.skip(f"no sample archive manifest at {MANIFEST}", allow_module_level=True)

ENTRIES: list[dict[str, Any]] = [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines()
                                 if line.strip()]
PAGES = [e for e in ENTRIES if re.match(r"pages/(news1|cnn|nyt)/", e["file"])]
FEEDS = [e for e in ENTRIES if e["kind"] == "feed"]
NOT_BODY = {
    "news1": ("ⓒ News1", "© News1", "@news1.kr", "Copyright", "=뉴스1)", "본문 이미지", "무단"),
    "cnn": ("Ad Feedback", "Related article", "Advertisement", "Cable News Network", "\u00a0"),
    "nyt": ("Advertisement", "Already a subscriber", "Want all of The Times", "Credit..."),
}


def _read(entry: dict[str, Any]) -> bytes:
    return (ARCHIVE / entry["file"]).read_bytes()


def _id(entry: dict[str, Any]) -> str:
    return Path(entry["file"]).name


@pytest.mark.parametrize("entry", [e for e in PAGES if e["kind"] in ("article", "irrelevant")], ids=_id)
def test_article_pages_parse_fully(entry: dict[str, Any]) -> None:
    page = parse_page(_read(entry), entry["url"])
    source = entry["file"].split("/")[1]
    assert page.source == source
    assert page.is_article, (page.reason, page.extras.get("classified_by"))
    assert not page.parser.startswith("generic."), page.parser
    assert page.headline
    assert page.published_at is not None and page.published_at.tzinfo is not None
    assert page.authors
    assert page.language == ("ko" if source == "news1" else "en")
    assert page.canonical_url == canonical_article_url(entry["url"])
    for fragment in NOT_BODY[source]:
        assert fragment not in page.body_text, fragment
    if source == "news1":
        assert "dateline_place" in page.extras
    # the topic filter agrees with the archive's labels
    assert is_relevant_page(page) is (entry["kind"] == "article")


@pytest.mark.parametrize("entry", [e for e in PAGES if e["kind"] in ("bot_wall", "non_article")], ids=_id)
def test_blocked_and_front_pages_are_classified(entry: dict[str, Any]) -> None:
    page = parse_page(_read(entry), entry["url"])
    assert page.is_article is False
    assert page.reason == entry["kind"]
    assert page.body_text == ""


def test_published_times_follow_page_zones() -> None:
    for entry in PAGES:
        if entry["kind"] not in ("article", "irrelevant"):
            continue
        page = parse_page(_read(entry), entry["url"])
        fetched = entry["fetched_at"].replace("Z", "+00:00")
        # the page's own time, never the fetch time: always before the capture
        assert page.published_at < datetime.fromisoformat(fetched), entry["file"]


@pytest.mark.parametrize("entry", FEEDS, ids=_id)
def test_feed_snapshots(entry: dict[str, Any]) -> None:
    source = source_for_url(entry["url"])
    result = parse_feed_detailed(_read(entry), source, entry["url"])
    assert not [e for e in result.errors if not e.startswith("xml:")], result.errors
    counts = re.search(r"(\d+) items?(?:; (\d+) to skip)?", entry.get("note", ""))
    if counts:
        assert result.total == int(counts.group(1))
        assert len(result.skipped) == int(counts.group(2) or 0)
    captured = {canonical_article_url(e["url"]) for e in PAGES}
    for item in result.items:
        assert item.url in captured, item.url
        assert item.published_at is not None
