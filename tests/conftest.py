"""Shared test set-up: every test writes its warehouse, snapshot and Dagster instance under tmp paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The design folder beside the repo (``../shared``), or ``CHIPWATCH_SHARED``."""
    return Path(os.environ.get("CHIPWATCH_SHARED", REPO.parent / "shared"))


@pytest.fixture
def isolated_env(tmp_path, monkeypatch):
    """Point the warehouse, snapshot, outputs and DAGSTER_HOME at a fresh temporary folder."""
    monkeypatch.setenv("CHIPWATCH_DB", str(tmp_path / "wh" / "chipwatch.duckdb"))
    monkeypatch.setenv("CHIPWATCH_PUBLISHED_DB", str(tmp_path / "wh" / "published" / "chipwatch.duckdb"))
    monkeypatch.setenv("CHIPWATCH_OUTPUT", str(tmp_path / "wh" / "output"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    return tmp_path
