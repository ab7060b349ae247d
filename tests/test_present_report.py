"""Charts and the HTML report of claims."""

import re
from datetime import UTC, datetime

import polars as pl

from pipelines.present.report import write_report
from pipelines.track import build_observations, build_timeline
from tests.test_track_observations import CK, fact


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
    assert page.count("<svg xmlns") == 1  # the card, inline: no network, no script
    assert "<script" not in page and "http" not in page.split("<svg xmlns")[0].lower()
    assert not list(tmp_path.glob("*.tmp"))
    assert "23 Jan 2025" in page


def _story(day, hour, fid, source, value, low, high, qualifier="exact", surface="", key=None):
    row = fact(fid, source, day, value, low, high, qualifier, surface=surface, key=key or CK)
    row["published_at"] = row["fetched_at"] = datetime(2025, 1, day, hour, tzinfo=UTC)
    return row


def test_the_report_reads_in_five_seconds(tmp_path):
    noisy = "Nvidia|share_price|-|money"
    rows = [
        _story(23, 9, "nyt1", "nyt", 6e6, 5.1e6, 6.9e6, "approx", "about $6 million"),
        _story(27, 9, "cnn1", "cnn", 5.6e6, 5.55e6, 5.65e6, surface="$5.6 million"),
        _story(27, 12, "n1a", "news1", 6e6, 0, 6e6, "less_than", "600만 달러 미만"),
        _story(28, 9, "n1b", "news1", 5_576_000, 5_575_500, 5_576_500, surface="557만 6000달러"),
        # a noisy claim of two outlets, with more conflicts but fewer outlets: it comes second
        *[_story(27, 21 + i % 3, f"p{i}", ("cnn", "news1")[i % 2], v, v - 0.005, v + 0.005, surface=f"${v}",
                 key=noisy) for i, v in enumerate([118.42, 118.51, 118.42, 118.58, 118.42])],
    ]
    for r in rows:
        if r["claim_key"] == noisy:
            r.update(subject="Nvidia", metric="share_price")
    obs, _ = build_observations(pl.DataFrame(rows, schema_overrides={"modified_at": pl.Datetime("us", "UTC")}))
    context = pl.DataFrame({"fact_id": obs["fact_id"],
                            "sentence": [f"The sentence of {f}." for f in obs["fact_id"]],
                            "url": [f"https://example.com/{f}" for f in obs["fact_id"]],
                            "headline": ["A headline"] * obs.height})
    write_report(obs, build_timeline(obs), tmp_path, context=context)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    text = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    # titles in words, the widely reported claim first, the other language beside it
    titles = re.findall(r"<h2 lang='(\w+)'>([^<]+)</h2>", text)
    assert titles == [("en", "DeepSeek training cost, as reported"),
                      ("en", "Nvidia share price, around 27 Jan 2025, as reported")]
    assert "딥시크 훈련 비용 (보도된 수치)" in text and "DeepSeek|training_cost" not in "".join(t for _, t in titles)
    # what the marks mean, before the first card
    top = text[:text.index("<section")]
    for words in ("one colour per outlet", "re-cites", "conflicts with the report before it", "unit error",
                  "a bound", "agree on", "Hover a point"):
        assert words in top, words
    # numbers as written or in readable units, never in scientific notation
    assert not re.search(r"\d\.?\d*e[+-]?\d", text)
    assert "$5,576,000" in text and "&lt; $6,000,000" in text and "under $6,000,000" in text and "$118.42" in text
    assert "4 reports from 3 outlets" in text and "outlets: The New York Times, CNN, News1 Korea" in text
    # each point tells its sentence on hover and links to its article
    assert "<title>The New York Times, 23 Jan 2025 09:00 UTC" in page
    assert "The sentence of nyt1." in page and 'href="https://example.com/nyt1"' in page


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
    assert md.startswith("**E figure, as reported**\n\n![E figure, as reported](data:image/png;base64,")
    assert md.count("data:image/png") == 3
    assert charts_markdown(timeline, {}) == "_no claim has two reports yet_"


def test_a_split_between_sources_is_said_as_such_not_as_agreement():
    import polars as pl

    from pipelines.present.report import _conflict_words, summarize

    claim = pl.DataFrame({
        "consensus": ["no_consensus", "no_consensus", "no_consensus"], "outlet": ["cnn", "news1", "nyt"],
        "surface": ["more than 50,000", "5만 개 이상", "fewer than 50,000"], "unit": ["chips"] * 3,
        "relation_to_previous": ["first", "consistent", "conflicting"],
    })
    s = summarize("DeepSeek|chip_count|H100|chips", claim, {"consensus_low": 50000.0, "consensus_high": float("inf"),
                                                           "subject": "DeepSeek", "metric": "chip_count",
                                                           "chip": "H100", "unit": "chips"})
    assert s.agreed == "no consensus" and "sources split" in s.sentence and _conflict_words(s) == "sources split"
    assert s.title.main.startswith("DeepSeek H100 chips,")  # held, not "used" to train a model
