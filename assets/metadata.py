"""Helpers to turn frames and tables into Dagster metadata: counts, a markdown preview, column schemas."""

from __future__ import annotations

import hashlib
import math
from typing import Any

import dagster as dg
import polars as pl

from pipelines import stages
from warehouse.schema import TABLES, Table


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if math.isinf(v):
            return "∞"
        return stages.number_as_written(v)  # 5,576,000 and 118.42: every digit reported, never 5.606e+06 or 118.4
    if isinstance(v, list):
        return ", ".join(map(str, v))
    text = str(v).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "..."


def md_table(df: pl.DataFrame, columns: list[str] | None = None, limit: int = 10) -> str:
    """A markdown table of the first ``limit`` rows."""
    cols = columns or df.columns
    if df.is_empty():
        return "_no rows_"
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.select(cols).head(limit).iter_rows():
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    if df.height > limit:
        lines.append(f"\n_{df.height - limit} more rows_")
    return "\n".join(lines)


def preview(df: pl.DataFrame, columns: list[str] | None = None, limit: int = 10) -> dg.MetadataValue:
    return dg.MetadataValue.md(md_table(df, columns, limit))


def frame_version(df: pl.DataFrame) -> dg.DataVersion:
    """A data version of a partition's rows: the same rows (in any order) give the same version, so a run
    that wrote nothing new does not look like an update to the automation downstream."""
    digest = hashlib.sha256(f"{df.height}:{','.join(df.columns)}".encode())
    if not df.is_empty():  # row hashes are stable within one polars version (an upgrade costs one marts run)
        digest.update(df.hash_rows().sort().to_numpy().tobytes())
    return dg.DataVersion(digest.hexdigest()[:16])


def column_schema_metadata(table: Table) -> dict[str, Any]:
    """Dagster's table metadata for a warehouse table: its qualified name and every column with its DuckDB
    type and the comment ``warehouse/schema.py`` gives it (the keys ``TableMetadataSet`` writes, so the asset
    page lists the columns)."""
    columns = [dg.TableColumn(c.name, c.type, description=c.comment) for c in table.columns]
    return {"dagster/column_schema": dg.TableSchema(columns=columns), "dagster/table_name": table.qualified}


def with_column_schemas(assets: list[dg.AssetsDefinition]) -> list[dg.AssetsDefinition]:
    """``assets`` with the column schema of their warehouse table (the asset key ``[schema, table]``) attached
    to each spec's definition metadata; keys that are no table (reports, the snapshot) are left as they are."""
    tables = {tuple(t.qualified.split(".")): t for t in TABLES}

    def attach(spec: dg.AssetSpec) -> dg.AssetSpec:
        table = tables.get(tuple(spec.key.path))
        return spec if table is None else spec.merge_attributes(metadata=column_schema_metadata(table))

    return list(dg.map_asset_specs(attach, assets))
