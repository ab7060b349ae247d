"""Observations, timelines and revisions from hand-made facts (no extractor involved)."""

from datetime import UTC, datetime

import polars as pl

from pipelines.track import build_observations, build_revisions, build_timeline, claim_key
from pipelines.track.revisions import body_hash, char_diff

CK = claim_key("DeepSeek", "training_cost", None, "USD")


def fact(fid, source, day, value, low, high, qualifier="exact", unit="USD", article=None, version=1,
         surface=None, span=0, key=CK):
    when = datetime(2025, 1, day, 12, tzinfo=UTC)
    return {"fact_id": fid, "article_id": article or f"a-{fid}", "version": version, "source": source,
            "published_at": when, "modified_at": None, "fetched_at": when, "subject": "DeepSeek",
            "metric": "training_cost", "chip": None, "value": value, "unit": unit, "qualifier": qualifier,
            "value_low": low, "value_high": high, "surface": surface or str(value), "span_start": span,
            "claim_key": key}


def frame(rows):
    return pl.DataFrame(rows, schema_overrides={"modified_at": pl.Datetime("us", "UTC")})


def test_training_cost_story_relations():
    facts = frame([
        fact("nyt1", "nyt", 23, 6e6, 5e6, 7e6, "approx", surface="about $6 million"),
        fact("cnn1", "cnn", 27, 5.6e6, 5.55e6, 5.65e6, surface="$5.6 million"),
        fact("n1a", "news1", 28, 5_576_000, 5_575_500, 5_576_500, surface="557만 6000달러"),
        fact("n1k", "news1", 28, 7_880_000_000, 7_090_000_000, 8_670_000_000, "approx", unit="KRW",
             article="a-n1a", span=20, surface="약 78억8000만원"),
        fact("n1x", "news1", 29, 55_760_000, 55_755_000, 55_765_000, surface="5576만 달러"),
        fact("n1b", "news1", 30, 5_576_000, 5_575_500, 5_576_500, surface="557만 6000달러"),
    ])
    obs, disc = build_observations(facts)
    rel = dict(zip(obs["fact_id"], obs["relation_to_previous"], strict=True))
    assert rel == {"nyt1": "first", "cnn1": "rounding", "n1a": "rounding", "n1k": "consistent",
                   "n1x": "probable_unit_error", "n1b": "consistent"}
    # The unit error is not the baseline of the next report.
    prev = dict(zip(obs["fact_id"], obs["previous_fact_id"], strict=True))
    assert prev["n1b"] == "n1k"
    assert obs.filter(pl.col("fact_id") == "n1k")["unit"].item() == "USD"
    assert disc.height == 1 and disc["kind"].item() == "probable_unit_error"
    assert disc["surface_b"].item() == "5576만 달러" and round(disc["ratio"].item()) == 10
    recited = dict(zip(obs["fact_id"], obs["is_recitation"], strict=True))
    assert recited["nyt1"] is False and recited["cnn1"] is True
    first = dict(zip(obs["fact_id"], obs["first_reported_at"], strict=True))
    assert first["n1b"].day == 23

    tl = build_timeline(obs)
    row = tl.row(0, named=True)
    assert row["n_observations"] == 6 and row["n_sources"] == 3 and row["n_conflicts"] == 1
    assert row["first_source"] == "nyt" and row["latest_source"] == "news1"
    assert row["consensus_low"] <= 5_576_000 < row["consensus_high"]


def test_repeated_figure_in_later_version_is_not_a_new_report():
    facts = frame([
        fact("v1", "cnn", 27, 593e9, 592.5e9, 593.5e9, article="art", version=1),
        fact("v2", "cnn", 27, 593e9, 592.5e9, 593.5e9, article="art", version=2),
    ])
    obs, _ = build_observations(facts)
    assert obs["fact_id"].to_list() == ["v1"]


def test_empty_input_gives_empty_typed_frames():
    obs, disc = build_observations(pl.DataFrame(schema={"fact_id": pl.String, "value": pl.Float64}))
    assert obs.is_empty() and disc.is_empty() and "relation_to_previous" in obs.columns
    assert build_timeline(obs).is_empty()


def test_revisions_list_changed_figure():
    t1 = datetime(2025, 1, 27, 20, tzinfo=UTC)
    t2 = datetime(2025, 1, 28, 9, tzinfo=UTC)
    body1 = "Nvidia lost $593 billion in market value on Monday.\n\nShares fell 17%."
    body2 = body1.replace("$593", "$589") + "\n\nCorrection: An earlier version misstated the loss."
    arts = pl.DataFrame([
        {"article_id": "a", "version": 1, "source": "cnn", "canonical_url": "u", "headline": "H", "body_text": body1,
         "fetched_at": t1},
        {"article_id": "a", "version": 2, "source": "cnn", "canonical_url": "u", "headline": "H", "body_text": body2,
         "fetched_at": t2},
    ])
    key = claim_key("Nvidia", "market_value_change", None, "USD")
    pct = claim_key("Nvidia", "percent_change", None, "percent")
    facts = pl.DataFrame([
        {"article_id": "a", "version": 1, "claim_key": key, "value": 593e9, "surface": "$593 billion"},
        {"article_id": "a", "version": 1, "claim_key": pct, "value": 17.0, "surface": "17%"},
        {"article_id": "a", "version": 2, "claim_key": key, "value": 589e9, "surface": "$589 billion"},
        {"article_id": "a", "version": 2, "claim_key": pct, "value": 17.0, "surface": "17%"},
    ])
    revs = build_revisions(arts, facts)
    assert revs.height == 1
    r = revs.row(0, named=True)
    assert (r["from_version"], r["to_version"], r["detected_at"]) == (1, 2, t2)
    assert r["facts_changed"] == [f"{key}: 593,000,000,000 -> 589,000,000,000"]
    assert r["facts_added"] == [] and r["facts_removed"] == []
    assert r["chars_added"] > r["chars_removed"] > 0
    assert r["headline_changed"] is False


def test_whitespace_only_change_is_no_new_body():
    assert body_hash("a  b\n\nc") == body_hash("a b c ")
    assert char_diff("one two three", "one two three four") == (4, 0)


def test_point_estimate_is_compared_with_the_latest_point_not_an_intervening_bound():
    facts = frame([
        fact("a", "cnn", 27, 5.6e6, 5.55e6, 5.65e6, surface="$5.6 million"),
        fact("b", "cnn", 28, 6e6, None, 6e6, "less_than", surface="less than $6 million"),
        fact("c", "news1", 29, 5_576_000, 5_575_500, 5_576_500, surface="557만 6000달러"),
        fact("d", "nyt", 30, 7e6, 7e6, None, "more_than", surface="more than $7 million"),
    ])
    obs, disc = build_observations(facts)
    rel = dict(zip(obs["fact_id"], obs["relation_to_previous"], strict=True))
    prev = dict(zip(obs["fact_id"], obs["previous_fact_id"], strict=True))
    assert rel["b"] == "bound" and prev["b"] == "a"
    assert rel["c"] == "rounding" and prev["c"] == "a"
    # A bound is compared with the latest report; (7M, inf) misses [5.5755M, 5.5765M): a conflict.
    assert rel["d"] == "conflicting" and prev["d"] == "c"
    assert disc["fact_id_b"].to_list() == ["d"]


def test_figures_of_metric_other_are_kept_but_never_compared():
    from datetime import UTC, datetime

    import polars as pl

    from pipelines.track.observations import first_reports

    facts = pl.DataFrame({
        "fact_id": ["a", "b"], "article_id": ["x", "y"], "version": [1, 1], "value": [20e9, 50e9],
        "subject": ["Jensen Huang"] * 2, "metric": ["other", "investment"], "chip": [None, None],
        "scope": [None, None], "claim_key": ["Jensen Huang|other|-|money", "Jensen Huang|investment|-|money"],
        "qualifier": ["approx"] * 2, "unit": ["USD"] * 2, "span_start": [0, 0], "linked_fact_id": [None, None],
        "published_at": [datetime(2025, 1, 27, tzinfo=UTC)] * 2,
    })
    assert first_reports(facts)["fact_id"].to_list() == ["b"]


def test_a_stake_in_a_named_company_is_an_other_figure_that_is_compared():
    from pipelines.track.observations import reportable

    facts = pl.DataFrame({
        "value": [27.0, 32.5, 10.0], "subject": ["Microsoft"] * 3, "metric": ["other"] * 3,
        "chip": [None] * 3, "scope": ["stake in OpenAI", "stake value in OpenAI", "stake"],
        "linked_fact_id": [None] * 3,
    })
    assert reportable(facts)["scope"].to_list() == ["stake in OpenAI", "stake value in OpenAI"]


def test_intraday_snapshots_are_never_discrepancies():
    def move(fid, src, hour, value, session):
        f = fact(fid, src, 27, value, value - 0.05, value + 0.05, unit="percent",
                 key="Nvidia|percent_change|-|percent")
        f.update(subject="Nvidia", metric="percent_change", refers_to=f"2025-01-27 {session}",
                 published_at=datetime(2025, 1, 27, hour, tzinfo=UTC))
        return f

    # -11.2% at noon and -15% in the afternoon are both true of a moving price
    obs, disc = build_observations(frame([move("a", "cnn", 16, -11.2, "intraday"), move("b", "nyt", 19, -15.0,
                                                                                        "intraday")]))
    assert obs.height == 2 and disc.is_empty()
    # two different closes are a real disagreement
    obs, disc = build_observations(frame([move("a", "cnn", 21, -16.9, "close"), move("b", "nyt", 22, -17.9,
                                                                                     "close")]))
    assert disc.height == 1


def test_recitation_counts_outlets_not_partitions():
    a = fact("a", "other", 23, 6e6, 5.1e6, 6.9e6, "approx")
    b = fact("b", "other", 24, 6e6, 5.1e6, 6.9e6, "approx")
    a["outlet"], b["outlet"] = "Reuters", "Yonhap"
    obs, _ = build_observations(frame([a, b]))
    assert obs.filter(pl.col("fact_id") == "b")["is_recitation"].item() is True  # another outlet had it first
    b["outlet"] = "Reuters"
    obs, _ = build_observations(frame([a, b]))
    assert obs.filter(pl.col("fact_id") == "b")["is_recitation"].item() is False  # the same outlet again
