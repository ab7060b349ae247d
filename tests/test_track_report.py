"""Charts and the HTML report of claims."""

from datetime import UTC, datetime

import polars as pl

from pipelines.track import build_observations, build_timeline
from pipelines.track.report import write_report
from tests.test_track_observations import fact


def test_report_has_a_chart_per_repeated_claim_and_flags_conflicts(tmp_path):
    facts = pl.DataFrame([
        fact("a", "nyt", 23, 6e6, 5e6, 7e6, "approx", surface="about $6 million"),
        fact("b", "cnn", 27, 5.6e6, 5.55e6, 5.65e6, surface="<b>$5.6 million</b>"),
        fact("c", "news1", 29, 55_760_000, 55_755_000, 55_765_000, surface="5576만 달러"),
        fact("d", "news1", 29, 11, 10.5, 11.5, unit="companies", key="lonely|company_count|-|companies"),
    ], schema_overrides={"modified_at": pl.Datetime("us", "UTC")})
    obs, _ = build_observations(facts)
    charts = write_report(obs, build_timeline(obs), tmp_path)
    assert list(charts) == ["DeepSeek|training_cost|-|money"]  # the single-report claim gets no chart
    png = charts["DeepSeek|training_cost|-|money"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;$5.6 million&lt;/b&gt;" in page and "<b>$5.6" not in page
    assert "<tr class='probable_unit_error'>" in page and "5576만 달러" in page
    assert page.count("data:image/png;base64,") == 1
    assert not list(tmp_path.glob("*.tmp"))
    assert datetime(2025, 1, 23, tzinfo=UTC).strftime("%Y-%m-%d") in page
