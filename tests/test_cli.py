"""The chipwatch command line: clear messages and exit codes for bad input."""

from __future__ import annotations

import json

from assets.cli import main


def test_run_with_missing_archive_fails_clearly(isolated_env, capsys):
    assert main(["run", "--archive", str(isolated_env / "nope.warc.gz")]) == 2
    assert "archive not found" in capsys.readouterr().err


def test_figures_without_snapshot_says_what_to_do(isolated_env, capsys):
    assert main(["figures"]) == 2
    assert "no published snapshot" in capsys.readouterr().err


def test_parse_unreadable_file(isolated_env, capsys):
    assert main(["parse", str(isolated_env / "missing.html")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_parse_non_article_prints_json_and_exits_nonzero(tmp_path, capsys):
    page = tmp_path / "front.html"
    page.write_text("<html><head><title>Tech - CNN</title></head><body><nav>Home</nav></body></html>")
    code = main(["parse", str(page), "--url", "https://www.cnn.com/business/tech"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["is_article"] is False and out["reason"]


def test_extract_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("R1에 투입된 비용은 557만 6000달러로 알려졌다."))
    assert main(["extract", "-"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert any(f["surface"] == "557만 6000달러" and f["value"] == 5_576_000 and f["unit"] == "USD" for f in lines)


def _snapshot_with_claims(env):
    """A published snapshot holding the training-cost story's observations and timeline."""
    import duckdb
    import polars as pl

    from pipelines.track import build_observations, build_timeline
    from tests.test_track_observations import fact
    from warehouse.db import ensure_schema

    price = fact("c", "news1", 28, 118.42, 118.415, 118.425, surface="118.42달러", key="Nvidia|share_price|-|USD")
    price.update(subject="Nvidia", metric="share_price")
    facts = pl.DataFrame([
        fact("a", "nyt", 23, 6e6, 5e6, 7e6, "approx", surface="about $6 million"),
        fact("b", "cnn", 27, 5_606_000.5, 5_605_000, 5_607_000, surface="$5,606,000.50"),
        price,
    ], schema_overrides={"modified_at": pl.Datetime("us", "UTC")})
    obs, _ = build_observations(facts)
    timeline = build_timeline(obs)  # noqa: F841 (read by the SQL below)
    path = env / "wh" / "published" / "chipwatch.duckdb"
    path.parent.mkdir(parents=True)
    conn = duckdb.connect(str(path))
    ensure_schema(conn)
    conn.execute("INSERT INTO marts.figure_observations BY NAME SELECT * FROM obs")
    conn.execute("INSERT INTO marts.figure_timeline BY NAME SELECT * FROM timeline")
    conn.close()


def test_figures_finds_claims_the_way_a_person_types_them_and_prints_numbers_as_written(isolated_env, capsys):
    _snapshot_with_claims(isolated_env)
    for query in ("training cost", "DeepSeek cost", "훈련 비용", "딥시크"):
        assert main(["figures", "--claim", query]) == 0, query
        out = capsys.readouterr().out
        assert "about $6 million" in out and "share_price" not in out, query
    assert main(["figures"]) == 0
    out = capsys.readouterr().out
    assert "6,000,000" in out and "5,606,000.5" in out and "118.42" in out
    assert "e+0" not in out and "118.4 " not in out
    assert main(["figures", "--claim", "nothing like it"]) == 1
