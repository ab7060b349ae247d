"""The warehouse contract: documented DDL, idempotent writes, atomic snapshot publishing."""

import subprocess
import sys
import textwrap

import duckdb
import polars as pl
import pytest

from warehouse.db import connect
from warehouse.publish import publish_snapshot
from warehouse.schema import ENTITIES, FETCH_LOG, TABLES
from warehouse.writes import insert_new, replace_where


def test_every_table_view_and_column_is_documented(tmp_path):
    with connect(tmp_path / "w.duckdb") as conn:
        tables = {f"{s}.{t}" for s, t in conn.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()}
        assert {t.qualified for t in TABLES} <= tables
        assert conn.execute("SELECT count(*) FROM duckdb_tables() WHERE comment IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal AND comment IS NULL"
                            ).fetchone()[0] == 0
        undocumented = conn.execute(
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE schema_name IN ('raw', 'core', 'marts') AND comment IS NULL").fetchall()
        assert undocumented == []
        assert dict(conn.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'articles' "
            "AND schema_name = 'core'").fetchall())["published_at"] == "TIMESTAMP WITH TIME ZONE"


def test_schema_creation_is_repeatable(tmp_path):
    for _ in range(2):
        with connect(tmp_path / "w.duckdb"):
            pass


def _log_rows(n):
    from datetime import UTC, datetime, timedelta
    t = datetime(2025, 1, 27, tzinfo=UTC)
    return pl.DataFrame([{"url": f"https://x/{i}", "source": "cnn", "attempted_at": t + timedelta(minutes=i),
                          "outcome": "ok", "http_status": 200, "elapsed_ms": 0.0, "bytes": 10, "error": None,
                          "mode": "replay"} for i in range(n)])


def test_insert_new_adds_only_unseen_keys(tmp_path):
    with connect(tmp_path / "w.duckdb") as conn:
        assert insert_new(conn, FETCH_LOG, _log_rows(3)) == 3
        assert insert_new(conn, FETCH_LOG, _log_rows(5)) == 2
        assert insert_new(conn, FETCH_LOG, _log_rows(5)) == 0
        assert conn.execute("SELECT count(*) FROM raw.fetch_log").fetchone()[0] == 5


def test_insert_new_rejects_unknown_columns_and_writes_nothing(tmp_path):
    with connect(tmp_path / "w.duckdb") as conn:
        with pytest.raises(ValueError, match="not in raw.fetch_log"):
            insert_new(conn, FETCH_LOG, _log_rows(2).with_columns(pl.lit(1).alias("bogus")))
        assert conn.execute("SELECT count(*) FROM raw.fetch_log").fetchone()[0] == 0


def test_replace_where_reports_real_changes_only(tmp_path):
    df = pl.DataFrame({"canonical": ["Nvidia", "DeepSeek"], "kind": ["org", "org"],
                       "aliases": [["엔비디아"], ["딥시크"]]})
    with connect(tmp_path / "w.duckdb") as conn:
        assert replace_where(conn, ENTITIES, df) == (0, 2)
        assert replace_where(conn, ENTITIES, df) == (0, 0)
        assert replace_where(conn, ENTITIES, df.head(1)) == (1, 0)
        assert conn.execute("SELECT aliases FROM core.entities").fetchone()[0] == ["엔비디아"]


def test_failed_replace_leaves_old_rows(tmp_path):
    with connect(tmp_path / "w.duckdb") as conn:
        insert_new(conn, FETCH_LOG, _log_rows(2))
        bad = _log_rows(1).with_columns(pl.lit("not a timestamp").alias("attempted_at"))
        with pytest.raises(duckdb.Error):
            replace_where(conn, FETCH_LOG, bad)
        assert conn.execute("SELECT count(*) FROM raw.fetch_log").fetchone()[0] == 2


def test_publish_replaces_snapshot_while_a_reader_holds_the_old_one(tmp_path):
    work, pub = tmp_path / "w.duckdb", tmp_path / "published" / "w.duckdb"
    df = pl.DataFrame({"canonical": ["Nvidia"], "kind": ["org"], "aliases": [["엔비디아"]]})
    with connect(work) as conn:
        replace_where(conn, ENTITIES, df)
        publish_snapshot(conn, work, pub)
    # Another process opens the snapshot read-only and keeps it open while we publish again.
    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys
        c = duckdb.connect({str(pub)!r}, read_only=True)
        print(c.execute("SELECT count(*) FROM core.entities").fetchone()[0], flush=True)
        sys.stdin.readline()
        print(c.execute("SELECT count(*) FROM core.entities").fetchone()[0], flush=True)
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "1"
    with connect(work) as conn:
        replace_where(conn, ENTITIES, pl.concat([df, df.with_columns(pl.lit("DeepSeek").alias("canonical"))]))
        publish_snapshot(conn, work, pub)
    out, _ = reader.communicate("\n", timeout=30)
    assert out.strip() == "1"  # the old reader still sees its copy
    fresh = duckdb.connect(str(pub), read_only=True)
    assert fresh.execute("SELECT count(*) FROM core.entities").fetchone()[0] == 2
    fresh.close()
    assert not list(pub.parent.glob("*.tmp"))


def test_check_queries_find_broken_provenance_duplicates_and_timeline_gaps(tmp_path):
    from datetime import UTC, datetime

    from warehouse import queries
    from warehouse.schema import ARTICLES, FACTS, FIGURE_OBSERVATIONS, FIGURE_TIMELINE

    t = datetime(2025, 1, 27, tzinfo=UTC)
    with connect(tmp_path / "w.duckdb") as conn:
        assert queries.facts_without_provenance(conn) == [] and queries.duplicate_observations(conn) == 0
        replace_where(conn, ARTICLES, pl.DataFrame({"article_id": ["a"], "version": [1], "source": ["cnn"],
                                                    "body_text": ["It cost $6 million."]}))
        replace_where(conn, FACTS, pl.DataFrame({
            "fact_id": ["good", "shifted", "orphan"], "article_id": ["a", "a", "b"], "version": [1, 1, 1],
            "surface": ["$6 million", "$6 million", "$6 million"], "span_start": [8, 7, 8],
            "span_end": [18, 17, 18], "sentence": ["It cost $6 million."] * 3}))
        assert sorted(r[0] for r in queries.facts_without_provenance(conn)) == ["orphan", "shifted"]
        replace_where(conn, FIGURE_OBSERVATIONS, pl.DataFrame({
            "claim_key": ["k", "k", "lonely"], "fact_id": ["good", "good", "x"], "observed_at": [t, t, t]}))
        assert queries.duplicate_observations(conn) == 1
        replace_where(conn, FIGURE_TIMELINE, pl.DataFrame({
            "claim_key": ["k", "ghost"], "n_observations": [2, 1], "first_reported_at": [t, t],
            "latest_at": [t, t]}))
        assert sorted(queries.timeline_mismatches(conn)) == ["ghost", "lonely"]
        assert queries.discovered_count(conn, "cnn") == 0
