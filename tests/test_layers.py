"""Imports point one way: assets/ uses pipelines/ and warehouse/, which import neither each other nor Dagster;
the assets reach the pipeline through its stages and the warehouse's SQL through its queries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

# The command line and the resources build fetchers and call single stages directly (see architecture).
_ASSET_GLUE = {"cli.py", "resources.py"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize(("package", "forbidden"), [
    ("pipelines", {"warehouse", "assets", "dagster", "dagster_duckdb", "duckdb"}),
    ("warehouse", {"pipelines", "assets", "dagster", "dagster_duckdb"}),
])
def test_pipelines_and_warehouse_import_neither_each_other_nor_dagster(package, forbidden):
    bad = {f"{p.relative_to(REPO)}: {name}" for p in (REPO / package).rglob("*.py")
           for name in _imports(p) if _top(name) in forbidden}
    assert sorted(bad) == []


def test_assets_reach_the_pipeline_through_its_stages_and_sql_through_queries():
    bad = []
    for path in sorted((REPO / "assets").glob("*.py")):
        if path.name in _ASSET_GLUE:
            continue
        bad += [f"{path.name}: {n}" for n in _imports(path)
                if _top(n) == "pipelines" and n not in ("pipelines", "pipelines.stages")]
        text = path.read_text(encoding="utf-8")
        bad += [f"{path.name}: SQL" for word in ("SELECT ", "INSERT ", "DELETE ") if word in text]
    assert bad == []
