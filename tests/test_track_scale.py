"""The marts on a generated 1,000,000-observation table compute the same, per claim, as on one claim.

(Speed and memory are measured by bench/bench_track.py, not asserted here.)
"""

from datetime import UTC, datetime, timedelta

import polars as pl

from pipelines.track import build_observations, build_timeline

# One claim's story: (source, day, value, low, high, qualifier, unit)
PATTERN = [
    ("nyt", 1, 6e6, 5e6, 7e6, "approx", "USD"),                     # first
    ("cnn", 2, 5.6e6, 5.55e6, 5.65e6, "exact", "USD"),               # rounding, re-cited
    ("news1", 3, 5_576_000, 5_575_500, 5_576_500, "exact", "USD"),   # rounding, re-cited
    ("news1", 3, 8.1e9, 7.29e9, 8.91e9, "approx", "KRW"),            # consistent (converted), re-cited
    ("news1", 4, 55_760_000, 55_755_000, 55_765_000, "exact", "USD"),  # probable_unit_error
    ("cnn", 5, 6e6, None, 6e6, "less_than", "USD"),                  # bound
    ("cnn", 6, 5.6e6, 5.55e6, 5.65e6, "exact", "USD"),               # consistent with the KRW amount
    ("cnn", 7, 294_000, 293_500, 294_500, "exact", "USD"),           # conflicting
    ("news1", 8, 294_000, 293_500, 294_500, "exact", "USD"),         # consistent, re-cited
    ("news1", 9, 390_000, 385_000, 395_000, "exact", "USD"),         # conflicting
]


def _facts(n_claims: int) -> pl.DataFrame:
    base = datetime(2025, 1, 20, tzinfo=UTC)
    one = pl.DataFrame(
        [{"source": s, "published_at": base + timedelta(days=d), "value": v, "value_low": lo, "value_high": hi,
          "qualifier": q, "unit": u, "span_start": k} for k, (s, d, v, lo, hi, q, u) in enumerate(PATTERN)],
        schema_overrides={"published_at": pl.Datetime("us", "UTC"), "value_low": pl.Float64},
    )
    claims = pl.DataFrame({"c": pl.arange(0, n_claims, eager=True)})
    df = claims.join(one, how="cross").with_row_index("i")
    return df.with_columns(
        pl.format("f{}", "i").alias("fact_id"),
        pl.format("a{}-{}", "c", "span_start").alias("article_id"),
        pl.lit(1).alias("version"),
        pl.lit(None, dtype=pl.Datetime("us", "UTC")).alias("modified_at"),
        pl.col("published_at").alias("fetched_at"),
        pl.format("S{}", "c").alias("subject"),
        pl.lit("training_cost").alias("metric"),
        pl.lit(None, dtype=pl.String).alias("chip"),
        pl.format("S{}|training_cost|-|money", "c").alias("claim_key"),
        pl.lit("x").alias("surface"),
    ).drop("c", "i")


def _per_claim(obs: pl.DataFrame) -> list[tuple]:
    return obs.sort(["claim_key", "observed_at", "source", "article_id"]).select(
        "relation_to_previous", "is_recitation", "consensus").rows()


def test_million_observations_match_the_single_claim_result():
    one_obs, one_disc = build_observations(_facts(1))
    expected = _per_claim(one_obs)
    assert [r for r, _, _ in expected] == ["first", "rounding", "rounding", "consistent", "probable_unit_error",
                                        "bound", "consistent", "conflicting", "consistent", "conflicting"]
    n_claims = 100_000
    obs, disc = build_observations(_facts(n_claims))
    assert obs.height == n_claims * len(PATTERN) == 1_000_000
    counts = dict(obs.group_by("relation_to_previous").len().iter_rows())
    for relation in {r for r, _, _ in expected}:
        assert counts[relation] == n_claims * sum(1 for r, _, _ in expected if r == relation), relation
    assert int(obs["is_recitation"].sum()) == n_claims * sum(1 for _, rec, _ in expected if rec)
    labels = dict(obs.group_by("consensus").len().iter_rows())
    for label in {c for _, _, c in expected}:
        assert labels[label] == n_claims * sum(1 for _, _, c in expected if c == label), label
    assert disc.height == n_claims * one_disc.height
    timeline = build_timeline(obs)
    assert timeline.height == n_claims
    assert timeline["n_observations"].unique().to_list() == [len(PATTERN)]
    assert timeline["n_conflicts"].unique().to_list() == [3]
    assert timeline["first_source"].unique().to_list() == ["nyt"]
    one = build_timeline(one_obs).row(0, named=True)
    for column in ("consensus_low", "consensus_high", "consensus_support", "consensus_basis"):
        assert timeline[column].unique().to_list() == [one[column]], column
