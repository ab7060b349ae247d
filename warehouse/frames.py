"""Polars frames shaped by the warehouse's table declarations.

The polars type of every column is derived here from its DuckDB type in ``warehouse.schema``, so no
module keeps its own copy of a table's columns. Building a frame for a table fails loudly on a row key the
table does not have or a column the row lacks: a typo in a row key is an error, never a NULL column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from warehouse.schema import Table

# DuckDB column type -> polars dtype. TIMESTAMPTZ values are held in UTC.
POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "DOUBLE": pl.Float64(),
    "BOOLEAN": pl.Boolean(),
    "TIMESTAMPTZ": pl.Datetime("us", "UTC"),
    "VARCHAR[]": pl.List(pl.String),
}


def polars_schema(table: Table) -> dict[str, pl.DataType]:
    """Column name -> polars dtype for ``table``, in the table's column order."""
    schema = {}
    for c in table.columns:
        try:
            schema[c.name] = POLARS_TYPES[c.type]
        except KeyError:
            raise KeyError(f"{table.qualified}.{c.name}: no polars type for DuckDB type {c.type!r}") from None
    return schema


def _mismatch(what: str, keys: Iterable[str], table: Table) -> str:
    keys = set(keys)
    unknown = sorted(keys - set(table.column_names))
    missing = [c for c in table.column_names if c not in keys]
    parts = ([f"unknown columns {unknown}"] if unknown else []) + ([f"missing columns {missing}"] if missing else [])
    return f"{what} does not fit {table.qualified}: {'; '.join(parts)}"


def table_frame(rows: Iterable[Mapping[str, Any]], table: Table) -> pl.DataFrame:
    """A frame of ``rows`` typed by ``table``'s declaration; every row must have exactly its columns."""
    rows = list(rows)
    schema = polars_schema(table)
    expected = set(schema)
    for i, row in enumerate(rows):
        if row.keys() != expected:
            raise ValueError(_mismatch(f"row {i}", row.keys(), table))
    if not rows:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame(rows, schema_overrides=schema, infer_schema_length=None).select(table.column_names)


def conform(df: pl.DataFrame, table: Table) -> pl.DataFrame:
    """``df`` with the table's column order and types; it must have exactly the table's columns."""
    if set(df.columns) != set(table.column_names):
        raise ValueError(_mismatch("frame", df.columns, table))
    schema = polars_schema(table)
    if df.is_empty():
        return pl.DataFrame(schema=schema)
    return df.select(table.column_names).cast(schema)
