"""Opening the warehouse and creating its schema before the first write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.schema import ddl_statements
from warehouse.views import view_statements


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create schemas, tables, views and their comments if missing. Safe to run on every connection."""
    conn.execute("SET TimeZone = 'UTC'")
    for stmt in ddl_statements():
        conn.execute(stmt)
    for stmt in view_statements():
        conn.execute(stmt)
    columns: dict[str, list[str]] = {}
    for schema, view, column in conn.execute(
        "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
        "WHERE table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal) ORDER BY column_index"
    ).fetchall():
        columns.setdefault(f"{schema}.{view}", []).append(column)
    for stmt in view_statements(columns)[0:]:
        if stmt.startswith("COMMENT ON COLUMN"):
            conn.execute(stmt)


@contextmanager
def connect(path: str | Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the database at ``path`` with the schema in place (read-write) and UTC time zone."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(path), read_only=read_only)
    try:
        if read_only:
            conn.execute("SET TimeZone = 'UTC'")
        else:
            ensure_schema(conn)
        yield conn
    finally:
        conn.close()
