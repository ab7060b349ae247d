"""The backfill: an archive read in one streaming pass, the sniff before the full parse, one partition per file.

The sniff must lose nothing the full topic filter keeps: on the sample archive (every relevant article and every
fact of the sample run) and on a generated CC-NEWS-like archive of a few hundred pages.
"""

from __future__ import annotations

import duckdb
import pytest

from bench.make_ccnews_warc import generate
from pipelines.backfill import reconcile_versions, stream_archive
from pipelines.fetch.warc import iter_responses
from pipelines.sources import is_relevant_page, parse_page
from pipelines.sources.sniff import READ_LANGUAGES, sniff_page
from tests.conftest import REPO

SAMPLE = REPO / "sample_archive" / "sample.warc.gz"


def _stream(path):
    rows: dict[str, list[dict]] = {}
    scan, counts = stream_archive(path, lambda t, r: rows.setdefault(t, []).extend(r), batch=50)
    return scan, counts, rows


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory):
    """300 generated pages, a fifth of them mutated sample/corpus pages (seeded: the same file every time)."""
    from bench.make_ccnews_warc import default_corpus

    out = tmp_path_factory.mktemp("ccnews") / "small.warc.gz"
    held = generate(out, pages=300, size=3 << 20, seed=5, chip_share=0.2, corpus=default_corpus(), workers=1)
    return out, held


def test_every_article_and_fact_the_sample_run_keeps_is_kept(sample_run):
    paths, _, _ = sample_run
    conn = duckdb.connect(str(paths["CHIPWATCH_DB"]), read_only=True)
    try:
        relevant = {r[0] for r in conn.execute("SELECT article_id FROM core.articles WHERE is_relevant").fetchall()}
        facts = {r[0] for r in conn.execute("SELECT fact_id FROM core.facts").fetchall()}
    finally:
        conn.close()
    scan, counts, rows = _stream(SAMPLE)
    assert scan.complete and counts.html_pages == 31
    assert relevant and relevant <= {a["article_id"] for a in rows["core.articles"] if a["is_relevant"]}
    assert facts == {f["fact_id"] for f in rows["core.facts"]}
    assert counts.parsed < counts.html_pages  # the weather, sports and NBA pages were not parsed


def test_sniff_drops_no_page_the_full_filter_keeps_on_a_generated_archive(small_archive):
    path, held = small_archive
    kept = relevant = lost = other_language = 0
    for rec in iter_responses(path):
        sniff = sniff_page(rec.body, rec.url, rec.headers.get("Content-Type"))
        page = parse_page(rec.body, rec.url)
        full = page.is_article and is_relevant_page(page)
        kept += sniff.keep
        relevant += full
        if full and not sniff.keep:
            if sniff.reason == "language":
                assert sniff.language not in READ_LANGUAGES
                other_language += 1
            else:
                lost += 1
    assert lost == 0 and relevant >= 30
    assert other_language <= held["foreign_chip"]  # only pages in languages the extractor does not read
    assert kept < 0.5 * held["pages"]


def test_stream_counts_every_page_and_says_why_it_was_skipped(small_archive):
    path, held = small_archive
    scan, counts, rows = _stream(path)
    assert scan.responses == held["pages"] == counts.html_pages
    results = rows["core.parse_results"]
    assert len(results) == len(rows["raw.pages"]) == len(rows["raw.fetch_log"]) == held["pages"]
    reasons = {r["reason"] for r in results if r["is_article"] is None}
    assert {"skipped_off_topic", "skipped_language"} <= reasons <= {"skipped_off_topic", "skipped_language",
                                                                    "skipped_url"}
    assert sum(counts.skipped.values()) + counts.parsed == counts.html_pages
    assert all(p["kind"] == "archive" for p in rows["raw.pages"])
    lang = next(r for r in results if r["reason"] == "skipped_language")
    assert lang["error"].startswith("language ")


def test_a_version_the_warehouse_holds_is_not_added_again_and_a_new_one_follows_it():
    art = {"article_id": "a1", "version": 1, "content_sha256": "new"}
    fact = {"fact_id": "f", "article_id": "a1", "version": 1, "span_start": 0, "span_end": 3, "unit": "USD",
            "linked_fact_id": None}
    same, none = reconcile_versions([{**art, "content_sha256": "old"}], [fact], [("a1", 1, "old")])
    assert same == [] and none == []
    arts, facts = reconcile_versions([art], [fact], [("a1", 1, "old"), ("a1", 2, "older")])
    assert arts[0]["version"] == 3 and facts[0]["version"] == 3 and facts[0]["fact_id"] != "f"


def test_run_archive_backfills_a_partition_and_the_outlet_partitions_leave_its_rows_alone(isolated_env,
                                                                                           small_archive, capsys):
    import dagster as dg

    from assets.cli import main

    path, held = small_archive
    assert main(["run", "--archive", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"backfill {path.name} ok" in out and "off-topic by sniff" in out and "marts + publish ok" in out
    assert dg.DagsterInstance.get().get_dynamic_partitions("archives") == [str(path.resolve())]
    db = isolated_env / "wh" / "chipwatch.duckdb"

    def counts():
        conn = duckdb.connect(str(db), read_only=True)
        try:
            return (conn.execute("SELECT count(*) FROM core.articles a JOIN raw.pages p USING (page_id) "
                                 "WHERE p.kind = 'archive'").fetchone()[0],
                    conn.execute("SELECT count(*) FROM core.facts").fetchone()[0],
                    dict(conn.execute("SELECT reason, count(*) FROM core.parse_results WHERE is_article IS NULL "
                                      "GROUP BY reason").fetchall()))
        finally:
            conn.close()

    articles, facts, skipped = counts()
    assert articles > 0 and facts > 0 and sum(skipped.values()) > held["pages"] / 2
    # An outlet's partition rewrites its slice (here: found nothing); the archive's rows are not in it.
    from warehouse import queries
    from warehouse.frames import table_frame
    from warehouse.schema import ARTICLES, FACTS, PARSE_RESULTS
    from warehouse.writes import replace_where

    conn = duckdb.connect(str(db))
    try:
        for source in ("cnn", "news1", "nyt", "other"):
            replace_where(conn, PARSE_RESULTS, table_frame([], PARSE_RESULTS), queries.SOURCE_PAGES_SLICE, [source])
            replace_where(conn, ARTICLES, table_frame([], ARTICLES), queries.SOURCE_PAGES_SLICE, [source])
            replace_where(conn, FACTS, table_frame([], FACTS), queries.SOURCE_FACTS_SLICE, [source])
            assert queries.articles_to_mine(conn, source) == []
    finally:
        conn.close()
    assert counts() == (articles, facts, skipped)
