"""Idempotent writes: every write either replaces a well-defined slice or inserts only new keys.

Frames are polars DataFrames whose columns are a subset of the table's; DuckDB reads them by name
(``INSERT ... BY NAME``), so column order never matters.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from warehouse.schema import Table


def _select_known(df: pl.DataFrame, table: Table) -> pl.DataFrame:
    unknown = set(df.columns) - set(table.column_names)
    if unknown:
        raise ValueError(f"columns {sorted(unknown)} are not in {table.qualified}")
    return df


@contextmanager
def _transaction_with(conn: duckdb.DuckDBPyConnection, frame: pl.DataFrame) -> Iterator[None]:
    """One transaction with ``frame`` visible as ``_incoming``; rolled back on any error."""
    conn.register("_incoming", frame)
    try:
        conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except Exception:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.unregister("_incoming")


def insert_new(conn: duckdb.DuckDBPyConnection, table: Table, df: pl.DataFrame) -> int:
    """Insert the rows of ``df`` whose key is not in ``table`` yet; return how many were inserted."""
    if df.is_empty():
        return 0
    if not table.key:
        raise ValueError(f"{table.qualified} has no key; use replace_where")
    frame = _select_known(df, table).unique(subset=list(table.key), keep="first", maintain_order=True)
    cond = " AND ".join(f't."{k}" IS NOT DISTINCT FROM n."{k}"' for k in table.key)
    with _transaction_with(conn, frame):
        before = conn.execute(f"SELECT count(*) FROM {table.qualified}").fetchone()[0]
        conn.execute(
            f"INSERT INTO {table.qualified} BY NAME SELECT n.* FROM _incoming n "
            f"WHERE NOT EXISTS (SELECT 1 FROM {table.qualified} t WHERE {cond})"
        )
        after = conn.execute(f"SELECT count(*) FROM {table.qualified}").fetchone()[0]
    return int(after - before)


def replace_where(
    conn: duckdb.DuckDBPyConnection,
    table: Table,
    df: pl.DataFrame,
    where: str = "TRUE",
    params: list | None = None,
) -> tuple[int, int]:
    """Delete the rows matching ``where`` and insert ``df`` in one transaction.

    Returns ``(rows_removed_not_reinserted, rows_added_not_there_before)`` measured on the table's key, so a
    re-run that recomputes the same slice reports ``(0, 0)``.
    """
    frame = _select_known(df, table)
    key = list(table.key)
    with _transaction_with(conn, frame):
        if key:
            key_sql = ", ".join(f'"{k}"' for k in key)
            old = read_frame(conn, f"SELECT {key_sql} FROM {table.qualified} WHERE {where}", params or [])
        conn.execute(f"DELETE FROM {table.qualified} WHERE {where}", params or [])
        if not frame.is_empty():
            conn.execute(f"INSERT INTO {table.qualified} BY NAME SELECT * FROM _incoming")
    if not key:
        return 0, frame.height
    new = frame.select(key).unique() if not frame.is_empty() else old.head(0)
    old = old.unique()
    added = new.join(old, on=key, how="anti", nulls_equal=True).height if not new.is_empty() else 0
    removed = old.join(new, on=key, how="anti", nulls_equal=True).height if not old.is_empty() else 0
    return removed, added


def read_frame(conn: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> pl.DataFrame:
    """Run a query and return a polars frame."""
    return conn.sql(sql, params=params or None).pl()
