"""Row contracts: every record a stage hands on is its warehouse table's row, column for column and type for
type, and frames for a table refuse rows that do not fit it."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from pipelines import records
from warehouse.frames import POLARS_TYPES, conform, polars_schema, table_frame
from warehouse.schema import ENTITIES, FETCH_LOG, TABLES, table

T = datetime(2025, 1, 28, 9, tzinfo=UTC)


def test_every_table_has_a_record_type_and_every_record_a_table():
    assert sorted(records.RECORDS) == sorted(t.qualified for t in TABLES)


@pytest.mark.parametrize("qualified", sorted(records.RECORDS))
def test_record_fields_are_the_table_columns_with_the_same_types(qualified):
    record, tbl = records.RECORDS[qualified], table(qualified)
    assert records.columns(record) == tbl.column_names
    assert records.polars_schema(record) == polars_schema(tbl)


def test_every_declared_column_type_has_a_polars_type():
    assert {c.type for t in TABLES for c in t.columns} <= set(POLARS_TYPES)


def _log_row(**changes) -> dict:
    row = {"url": "https://x/1", "source": "cnn", "attempted_at": T, "outcome": "ok", "http_status": 200,
           "elapsed_ms": 0.0, "bytes": 10, "error": None, "mode": "replay", "attempts": 1,
           "same_failures": None, "next_try_at": None}
    return {**row, **changes}


def test_table_frame_types_columns_from_the_schema():
    df = table_frame([_log_row(bytes=5_000_000_000)], FETCH_LOG)
    assert df.columns == FETCH_LOG.column_names
    assert df.schema["bytes"] == pl.Int64 and df.schema["http_status"] == pl.Int32
    assert df.schema["attempted_at"] == pl.Datetime("us", "UTC") and df.schema["error"] == pl.String
    assert df["bytes"][0] == 5_000_000_000
    empty = table_frame([], ENTITIES)
    assert empty.height == 0 and dict(empty.schema) == polars_schema(ENTITIES)


def test_table_frame_refuses_a_misspelt_key():
    row = _log_row()
    row["http_statsu"] = row.pop("http_status")
    with pytest.raises(ValueError, match=r"row 1 .*raw.fetch_log: unknown columns \['http_statsu'\]; "
                                         r"missing columns \['http_status'\]"):
        table_frame([_log_row(), row], FETCH_LOG)


def test_table_frame_refuses_a_missing_or_extra_key():
    row = _log_row()
    del row["attempts"]
    with pytest.raises(ValueError, match=r"missing columns \['attempts'\]"):
        table_frame([row], FETCH_LOG)
    with pytest.raises(ValueError, match=r"unknown columns \['bogus'\]"):
        table_frame([_log_row(bogus=1)], FETCH_LOG)


def test_conform_orders_and_types_a_frame_and_refuses_other_columns():
    df = pl.DataFrame({"aliases": [["엔비디아"]], "kind": ["org"], "canonical": ["Nvidia"]})
    out = conform(df, ENTITIES)
    assert out.columns == ENTITIES.column_names and out.row(0) == ("Nvidia", "org", ["엔비디아"])
    with pytest.raises(ValueError, match=r"missing columns \['aliases'\]"):
        conform(df.drop("aliases"), ENTITIES)
    with pytest.raises(ValueError, match=r"unknown columns \['owner'\]"):
        conform(df.with_columns(pl.lit("x").alias("owner")), ENTITIES)
    assert dict(conform(df.head(0), ENTITIES).schema) == polars_schema(ENTITIES)


def test_records_a_bad_type_hint_is_an_error():
    from typing import TypedDict

    class Odd(TypedDict):
        when: complex

    with pytest.raises(TypeError, match="Odd.when"):
        records.polars_schema(Odd)


def test_the_rows_stages_read_are_what_the_queries_return(tmp_path):
    from warehouse import queries
    from warehouse.db import connect
    from warehouse.schema import PAGES
    from warehouse.writes import insert_new

    assert sorted(records.INPUTS) == ["pages_to_parse", "urls_to_fetch"]
    page = {c: None for c in PAGES.column_names} | {
        "page_id": "p", "url": "https://x/a", "source": "cnn", "kind": "page", "fetched_at": T,
        "content_sha256": "0", "warc_file": "a.warc.gz", "warc_offset": 7}
    with connect(tmp_path / "w.duckdb") as conn:
        insert_new(conn, PAGES, table_frame([page], PAGES))
        assert queries.urls_to_fetch(conn, "cnn").columns == records.columns(records.UrlCandidate)
        [row] = queries.pages_to_parse(conn, "cnn")
        assert list(row) == records.columns(records.PageToParse)
        assert row["warc_offset"] == 7 and row["fetched_at"] == T
