"""Shared test set-up: every test writes its warehouse, snapshot and Dagster instance under tmp paths."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# A developer's shell may point chipwatch at a team's Postgres instance (README "Beyond one machine"); the tests
# make their own instances and must never write to it.
for _name in ("CHIPWATCH_INSTANCE", "DAGSTER_PG_USERNAME", "DAGSTER_PG_PASSWORD", "DAGSTER_PG_HOST", "DAGSTER_PG_DB",
              "DAGSTER_PG_PORT"):
    os.environ.pop(_name, None)


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


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """Run the main job twice on the sample archive, holding the snapshot open read-only in another
    process during the second run. Yields (paths, outputs). Session-wide: the end-to-end tests read it,
    and the crash tests compare a crashed-and-rerun warehouse with its snapshot."""
    from assets.cli import main

    root = tmp_path_factory.mktemp("e2e")
    env = {
        "CHIPWATCH_DB": str(root / "wh" / "chipwatch.duckdb"),
        "CHIPWATCH_PUBLISHED_DB": str(root / "wh" / "published" / "chipwatch.duckdb"),
        "CHIPWATCH_OUTPUT": str(root / "wh" / "output"),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    outputs = []
    try:
        import contextlib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = main(["run"])
        outputs.append((code, buf.getvalue()))
        reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            c = duckdb.connect({env['CHIPWATCH_PUBLISHED_DB']!r}, read_only=True)
            print(c.execute("SELECT count(*) FROM core.facts").fetchone()[0], flush=True)
            sys.stdin.readline()
            print(c.execute("SELECT count(*) FROM core.facts").fetchone()[0], flush=True)
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        held = reader.stdout.readline().strip()
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = main(["run"])
        outputs.append((code, buf.getvalue()))
        later, _ = reader.communicate("\n", timeout=60)
        yield {k: Path(v) for k, v in env.items()}, outputs, (held, later.strip())
    finally:
        mp.undo()


@pytest.fixture
def db(sample_run):
    """The published snapshot of the shared sample run, read-only, in UTC."""
    import duckdb

    paths, _, _ = sample_run
    conn = duckdb.connect(str(paths["CHIPWATCH_PUBLISHED_DB"]), read_only=True)
    conn.execute("SET TimeZone = 'UTC'")
    yield conn
    conn.close()

