"""Adding an outlet touches its module and one registry entry, nothing else.

The Harbor Ledger (``tests/outlet_ledger.py``, a made-up outlet with a tiny page and feed in
``tests/fixtures/outlets/ledger/``) is registered here; it must then be a partition, a CLI choice, a fetch
target with its feeds and hosts, discovered from its feed, dispatched to its parser by URL and by markup,
parsed and mined for figures, and run end to end through Dagster (in a fresh process, where the
registration precedes the assets' import as the line in ``outlets/__init__.py`` would).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import duckdb
import pytest

from pipelines import stages
from pipelines.fetch.pack import pack_folder
from pipelines.fetch.replay import WarcReplay
from pipelines.fetch.targets import canonicalize, source_config
from pipelines.sources import parse_page, registry
from tests import outlet_ledger
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "outlets" / "ledger"
ARTICLE_URL = "https://www.harborledger.example/2025/04/14/nvidia-chips-singapore.html"


@pytest.fixture
def ledger() -> Iterator[None]:
    registry.register(outlet_ledger.PUBLISHER)
    try:
        yield
    finally:
        del registry.SOURCES[outlet_ledger.PUBLISHER.name]


def _archive(tmp_path) -> str:
    folder = tmp_path / "capture"
    folder.mkdir()
    for name in ("article.html", "tech.xml"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    entries = [
        {"url": outlet_ledger.FEED_URL, "file": "tech.xml", "fetched_at": "2025-04-14T08:00:00Z",
         "headers": {"Content-Type": "application/rss+xml"}, "kind": "feed"},
        {"url": ARTICLE_URL, "file": "article.html", "fetched_at": "2025-04-14T08:05:00Z",
         "headers": {"Content-Type": "text/html; charset=utf-8"}},
    ]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(e) for e in entries) + "\n")
    out = tmp_path / "ledger.warc.gz"
    pack_folder(folder, out)
    return str(out)


def test_registered_outlet_is_everywhere_the_outlets_are(ledger) -> None:
    from assets.cli import build_parser

    assert registry.source_keys() == ["news1", "cnn", "nyt", "ledger", "other"]
    assert build_parser().parse_args(["parse", "page.html", "--source", "ledger"]).source == "ledger"
    assert registry.outlet_color("ledger") == "#9467bd"
    assert source_config("ledger").feeds == (outlet_ledger.FEED_URL,)
    assert source_config("ledger").hosts == ("harborledger.example",)
    assert canonicalize(ARTICLE_URL.replace("www.", "amp.") + "?utm_source=rss#top") == ARTICLE_URL
    assert registry.source_for_url("https://harborledger.example/x") == "ledger"
    assert registry.article_key(ARTICLE_URL.replace("www.", "amp.")) == (
        "ledger:/2025/04/14/nvidia-chips-singapore.html")
    assert [t.name for t in registry.SOURCES["ledger"].parser_versions] == ["ledger.selectors.2024"]


def test_registered_outlet_is_discovered_parsed_and_mined(ledger, tmp_path) -> None:
    replay = WarcReplay([_archive(tmp_path)])
    found = stages.discover(replay, "ledger")
    feed_urls = [u for u in found.urls if u["via"] == "rss"]
    assert [u["url"] for u in feed_urls] == [ARTICLE_URL]  # AMP host and tracking parameter gone
    assert feed_urls[0]["title_relevant"] is True and found.skipped == 1  # the video item
    results = stages.fetch_all(replay, [ARTICLE_URL], "ledger")
    rows = [stages.page_row(r, "article") for r in results]
    assert [r["source"] for r in rows if r] == ["ledger"]
    batch = stages.version_articles(
        stages.parse_pages([(row, res.body, None) for row, res in zip(rows, results, strict=True)]))
    [result] = batch.results
    assert result["is_article"] and result["parser"] == "ledger.selectors.2024"
    [article] = batch.articles
    assert article["is_relevant"] and article["language"] == "en"
    facts = stages.extract_facts(batch.articles)
    assert {f["source"] for f in facts} == {"ledger"}
    assert any(f["value"] == 90e6 and f["unit"] == "USD" for f in facts), [(f["value"], f["unit"]) for f in facts]


def test_registered_outlet_dispatch_by_url_and_by_markup(ledger) -> None:
    body = (FIXTURES / "article.html").read_bytes()
    by_url = parse_page(body, ARTICLE_URL)
    assert by_url.source == "ledger" and by_url.is_article and by_url.parser == "ledger.selectors.2024"
    assert by_url.headline == "Broker says Nvidia chips reached China through Singapore"
    assert by_url.published_at == datetime(2025, 4, 14, 7, 30, tzinfo=UTC)
    assert len(by_url.paragraphs) == 4
    by_markup = parse_page(body, "file:///tmp/saved.html")  # no URL to go by: og:site_name says whose page it is
    assert by_markup.source == "ledger" and by_markup.body_text == by_url.body_text


def test_unregistered_outlet_falls_back_to_the_generic_parser() -> None:
    page = parse_page((FIXTURES / "article.html").read_bytes(), ARTICLE_URL)
    assert page.source == "other" and page.parser == "generic.trafilatura"


def test_register_refuses_a_taken_name_or_host(ledger) -> None:
    import dataclasses

    with pytest.raises(ValueError, match="already registered"):
        registry.register(outlet_ledger.PUBLISHER)
    with pytest.raises(ValueError, match="belongs to 'cnn'"):
        registry.register(dataclasses.replace(outlet_ledger.PUBLISHER, name="cnn2", hosts=("edition.cnn.com",)))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(dataclasses.replace(outlet_ledger.PUBLISHER, name="other", hosts=("x.example",)))


_RUN = """
import sys
from pipelines.sources import registry
from tests import outlet_ledger
registry.register(outlet_ledger.PUBLISHER)  # what the line in pipelines/sources/outlets/__init__.py does
from assets.cli import main
from assets.partitions import source_partitions
print("partitions:", ",".join(source_partitions.get_partition_keys()))
import json, pathlib, tempfile
config = pathlib.Path(tempfile.mkdtemp()) / "replay.json"  # replay through the outlets' partitions (not a backfill)
config.write_text(json.dumps({"archives": [sys.argv[1]]}))
sys.exit(main(["run", "--config", str(config)]))
"""


def test_registered_outlet_runs_end_to_end_through_dagster(isolated_env, tmp_path) -> None:
    warc = _archive(tmp_path)
    proc = subprocess.run([sys.executable, "-c", _RUN, warc], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "partitions: news1,cnn,nyt,ledger,other" in proc.stdout
    assert f"replaying {warc}" in proc.stdout  # the banner names the archive of --config, not the sample
    assert "ingest ledger ok" in proc.stdout
    conn = duckdb.connect(str(isolated_env / "wh" / "chipwatch.duckdb"), read_only=True)
    try:
        urls = conn.execute("SELECT url, via FROM raw.discovered_urls WHERE source = 'ledger'").fetchall()
        articles = conn.execute("SELECT parser, is_relevant FROM core.articles WHERE source = 'ledger'").fetchall()
        facts = conn.execute("SELECT count(*) FROM core.facts WHERE source = 'ledger'").fetchone()[0]
    finally:
        conn.close()
    assert (ARTICLE_URL, "rss") in urls
    assert articles == [("ledger.selectors.2024", True)]
    assert facts >= 2
