"""Where the warehouse files live. Environment variables override the defaults inside this folder."""

from __future__ import annotations

import os
from pathlib import Path

WAREHOUSE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = WAREHOUSE_DIR.parent


def working_db_path() -> Path:
    """The pipeline's read-write database (``CHIPWATCH_DB``); analysts never open it."""
    return Path(os.environ.get("CHIPWATCH_DB", WAREHOUSE_DIR / "chipwatch.duckdb"))


def published_db_path() -> Path:
    """The analyst snapshot (``CHIPWATCH_PUBLISHED_DB``), replaced atomically after each successful run."""
    return Path(os.environ.get("CHIPWATCH_PUBLISHED_DB", WAREHOUSE_DIR / "published" / "chipwatch.duckdb"))


def output_dir() -> Path:
    """Charts and reports (``CHIPWATCH_OUTPUT``)."""
    return Path(os.environ.get("CHIPWATCH_OUTPUT", WAREHOUSE_DIR / "output"))


def relative_to_project(path: str | Path) -> str:
    """``path`` relative to the project root when it lies inside it, else absolute."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(p)


def resolve_project_path(path: str) -> Path:
    """Inverse of :func:`relative_to_project`."""
    p = Path(path)
    return p if p.is_absolute() else PROJECT_ROOT / p
