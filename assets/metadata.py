"""Helpers to turn frames into Dagster metadata: counts and a markdown preview."""

from __future__ import annotations

import math
from typing import Any

import dagster as dg
import polars as pl


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if math.isinf(v):
            return "∞"
        return f"{v:,.0f}" if v.is_integer() else f"{v:,.4g}"
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
