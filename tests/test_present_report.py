"""Charts and the HTML report of claims."""

from datetime import UTC, datetime

import polars as pl

from pipelines.present.report import write_report
from pipelines.track import build_observations, build_timeline
from tests.test_track_observations import fact


def test_report_has_a_chart_per_repeated_claim_and_flags_conflicts(tmp_path):
    facts = pl.DataFrame([
        fact("a", "nyt", 23, 6e6, 5e6, 7e6, "approx", surface="about $6 million"),
        fact("b", "cnn", 27, 5.6e6, 5.55e6, 5.65e6, surface="<b>$5.6 million</b>"),
        fact("c", "news1", 29, 55_760_000, 55_755_000, 55_765_000, surface="5576만 달러"),
        fact("d", "news1", 29, 11, 10.5, 11.5, unit="companies", key="lonely|company_count|-|companies"),
    ], schema_overrides={"modified_at": pl.Datetime("us", "UTC")})
    obs, _ = build_observations(facts)
    stale = tmp_path / "a-claim-that-is-gone.png"
    stale.write_bytes(b"old")
    charts = write_report(obs, build_timeline(obs), tmp_path)
    assert not stale.exists()  # a chart of a claim that no longer exists is not left to mislead
    assert list(charts) == ["DeepSeek|training_cost|-|money"]  # the single-report claim gets no chart
    png = charts["DeepSeek|training_cost|-|money"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;$5.6 million&lt;/b&gt;" in page and "<b>$5.6" not in page
    assert "<tr class='probable_unit_error'>" in page and "5576만 달러" in page
    assert page.count("data:image/png;base64,") == 1
    assert not list(tmp_path.glob("*.tmp"))
    assert datetime(2025, 1, 23, tzinfo=UTC).strftime("%Y-%m-%d") in page


def test_the_ui_shows_the_most_widely_reported_claims_about_a_known_subject(tmp_path):
    from pipelines.present.report import charts_markdown, most_reported

    timeline = pl.DataFrame({
        "claim_key": ["few", "many", "unknown", "uncharted", "most", "tie"],
        "subject": ["A", "B", None, "D", "E", "F"],
        "n_sources": [1, 3, 9, 9, 3, 3], "n_observations": [2, 4, 9, 9, 5, 4], "n_conflicts": [0, 1, 0, 0, 0, 0],
    })
    charts = {k: tmp_path / f"{k}.png" for k in ["few", "many", "unknown", "most", "tie"]}
    for i, p in enumerate(charts.values()):
        p.write_bytes(b"png%d" % i)
    assert most_reported(timeline, charts) == ["most", "many", "tie"]
    md = charts_markdown(timeline, charts)
    assert md.startswith("**most**\n\n![most](data:image/png;base64,") and md.count("data:image/png") == 3
    assert charts_markdown(timeline, {}) == "_no claim has two reports yet_"
