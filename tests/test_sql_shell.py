"""`chipwatch sql`: the published snapshot, read-only, in Harlequin (driven through tmux as a person types) and
statement by statement (-c, -f, standard input)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import duckdb
import pytest

from assets.cli import main
from warehouse.shell import ANALYST_QUERIES, cell, harlequin_command

BIN = Path(sys.executable).parent


@pytest.fixture
def snapshot(tmp_path, monkeypatch):
    """A small snapshot with the tables the analyst queries name (no pipeline run)."""
    path = tmp_path / "published" / "chipwatch.duckdb"
    path.parent.mkdir()
    from warehouse.db import ensure_schema

    conn = duckdb.connect(str(path))
    ensure_schema(conn)
    conn.execute("""INSERT INTO marts.figure_citations (fact_id, claim_key, outlet, language, observed_at, surface,
        qualifier, attributed_to, cited, cited_kind, cites_fact_id, cites_outlet, cites_surface, dropped_qualifier,
        loses_information)
        VALUES ('f2', '?|chip_count|-|chips', 'News1', 'ko', TIMESTAMPTZ '2025-01-28 07:40:29+00', '2000개',
        'exact', 'The New York Times', 'The New York Times', 'outlet', 'f1', 'The New York Times',
        'more than 2,000 chips', 'more_than', true)""")
    conn.close()
    monkeypatch.setenv("CHIPWATCH_PUBLISHED_DB", str(path))
    return path


def run_cli(argv, capsys, stdin_text=None, monkeypatch=None):
    if stdin_text is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin_text))
    code = main(["sql", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_command_prints_results_as_a_table(snapshot, capsys):
    code, out, err = run_cli(["-c", "SELECT outlet, surface, dropped_qualifier, 5576000.0::DOUBLE AS usd "
                                    "FROM marts.figure_citations"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split(" | ") == ["outlet", "surface", "dropped_qualifier", "usd"]
    assert lines[2].split(" | ") == ["News1 ", "2000개 ", "more_than        ", "5576000"]
    assert "(1 row)" in out


def test_saved_analyst_questions_all_run_on_a_snapshot(snapshot, capsys):
    code, out, err = run_cli(["-f", str(ANALYST_QUERIES)], capsys)
    assert code == 0, err
    assert out.count("row") >= 6  # one table per question, even when empty
    assert "more_than" in out


def test_sql_on_standard_input(snapshot, capsys, monkeypatch):
    code, out, _ = run_cli([], capsys, "SELECT count(*) AS n FROM marts.figure_citations;", monkeypatch)
    assert code == 0 and out.splitlines()[2].strip() == "1"


def test_the_snapshot_is_read_only_and_errors_are_one_line(snapshot, capsys):
    code, _, err = run_cli(["-c", "DELETE FROM marts.figure_citations"], capsys)
    assert code == 1 and "read-only" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(["-c", "SELECT * FROM marts.nothing_here"], capsys)
    assert code == 1 and err.startswith("chipwatch sql: Catalog Error") and len(err.strip().splitlines()) == 1
    assert duckdb.connect(str(snapshot), read_only=True).execute(
        "SELECT count(*) FROM marts.figure_citations").fetchone()[0] == 1


def test_missing_snapshot_or_file_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHIPWATCH_PUBLISHED_DB", str(tmp_path / "none.duckdb"))
    code, _, err = run_cli(["-c", "SELECT 1"], capsys)
    assert code == 2 and "make run" in err
    code, _, err = run_cli(["-f", str(tmp_path / "missing.sql")], capsys)
    assert code == 2 and "cannot read" in err


def test_cells_read_as_written():
    assert cell(None) == "NULL" and cell(5_576_000.0) == "5576000" and cell(118.42) == "118.42"
    assert cell(float("inf")) == "inf" and cell(True) == "true" and cell(["a", None]) == "[a, NULL]"


def test_harlequin_opens_the_snapshot_read_only_with_the_saved_queries(snapshot):
    cmd = harlequin_command(snapshot)
    assert "--read-only" in cmd and cmd[-1] == str(snapshot)
    assert Path(cmd[cmd.index("--show-files") + 1]) == ANALYST_QUERIES.parent


def _screen(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def _wait_for(session: str, text: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(session)
        if text in screen:
            return screen
        time.sleep(0.3)
    return screen


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed: the IDE needs a terminal to start in")
@pytest.mark.skipif(not (BIN / "harlequin").is_file(), reason="harlequin is not installed in this environment")
def test_harlequin_in_a_terminal_runs_a_typed_query_and_refuses_writes(snapshot, tmp_path):
    session = f"chipwatch-sql-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "TERM": "xterm-256color", "CHIPWATCH_PUBLISHED_DB": str(snapshot)}
    env_args = [a for k, v in env.items() if k in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                                     "TERM", "CHIPWATCH_PUBLISHED_DB") for a in ("-e", f"{k}={v}")]
    started = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "40", *env_args,
                              str(BIN / "chipwatch"), "sql"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        pytest.skip(f"tmux cannot start a session here: {started.stderr.strip()}")
    try:
        screen = _wait_for(session, "Query Editor", 20)
        if "Query Editor" not in screen:
            pytest.skip(f"the IDE did not draw its screen headless within 20 s:\n{screen}")
        assert "Databases" in screen and "Files" in screen
        subprocess.run(["tmux", "send-keys", "-t", session,
                        "SELECT surface, cites_outlet, dropped_qualifier FROM marts.figure_citations"], check=True)
        time.sleep(0.4)
        subprocess.run(["tmux", "send-keys", "-t", session, "C-j"], check=True)
        screen = _wait_for(session, "more_than", 15)
        assert "Query Results (1 Records)" in screen and "2000개" in screen and "The New York Times" in screen
        # back to the editor (the results have the focus now), replace the query with a write, run it
        for keys in ("Escape", "F2", "C-a", "DELETE FROM marts.figure_citations", "C-j"):
            subprocess.run(["tmux", "send-keys", "-t", session, keys], check=True)
            time.sleep(0.4)
        screen = _wait_for(session, "read-only", 15)
        assert "read-only" in screen, screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert duckdb.connect(str(snapshot), read_only=True).execute(
        "SELECT count(*) FROM marts.figure_citations").fetchone()[0] == 1


def test_the_saved_queries_are_the_readmes_analyst_questions():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Questions an analyst asks", 1)[1].split("\n### ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```sql\n")[1:]]
    saved = " ".join(ANALYST_QUERIES.read_text(encoding="utf-8").split())
    assert len(blocks) >= 6
    for block in blocks:
        assert " ".join(block.split()) in saved, f"add this README question to {ANALYST_QUERIES.name}:\n{block}"
