"""Tracker benchmark: build observations and the timeline from a generated facts table.

Prints rows, seconds per stage and peak RSS. Not a test: run `python bench/bench_track.py [N_FACTS]`.
"""

from __future__ import annotations

import resource
import sys
import time
from datetime import UTC, datetime, timedelta

import polars as pl

from pipelines.track import build_observations, build_timeline, claim_key


def generate(n: int, n_claims: int = 2_000, seed: int = 7) -> pl.DataFrame:
    """``n`` facts over ``n_claims`` claims with rounding, bounds, conflicts and 10x slips mixed in."""
    import random

    rng = random.Random(seed)
    base = datetime(2024, 8, 1, tzinfo=UTC)
    rows = []
    truth = [10 ** rng.uniform(3, 11) for _ in range(n_claims)]
    for i in range(n):
        c = i % n_claims
        v = truth[c]
        kind = rng.random()
        if kind < 0.6:
            q, value = "exact", round(v, -max(0, len(str(int(v))) - 3))
            low, high = value * 0.995, value * 1.005
        elif kind < 0.8:
            q, value = "approx", round(v, -max(0, len(str(int(v))) - 1))
            low, high = value * 0.9, value * 1.1
        elif kind < 0.9:
            q, value, low, high = "more_than", v * 0.8, v * 0.8, float("inf")
        elif kind < 0.97:
            q, value = "exact", v * rng.uniform(1.5, 3)
            low, high = value * 0.995, value * 1.005
        else:
            q, value = "exact", v * 10
            low, high = value * 0.995, value * 1.005
        when = base + timedelta(minutes=rng.randrange(0, 500 * 24 * 60))
        rows.append((f"f{i}", f"a{i // 5}", 1, ("news1", "cnn", "nyt")[i % 3], when, None, when,
                     f"S{c}", "deal_value", None, value, "USD", q, low, high, f"{value:.0f}", i % 500,
                     claim_key(f"S{c}", "deal_value", None, "USD")))
    cols = ["fact_id", "article_id", "version", "source", "published_at", "modified_at", "fetched_at", "subject",
            "metric", "chip", "value", "unit", "qualifier", "value_low", "value_high", "surface", "span_start",
            "claim_key"]
    return pl.DataFrame(rows, schema=cols, orient="row",
                        schema_overrides={"modified_at": pl.Datetime("us", "UTC")})


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t0 = time.perf_counter()
    facts = generate(n)
    t1 = time.perf_counter()
    obs, disc = build_observations(facts)
    t2 = time.perf_counter()
    tl = build_timeline(obs)
    t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"facts generated      {facts.height:>10,}  {t1 - t0:6.2f} s")
    print(f"observations         {obs.height:>10,}  {t2 - t1:6.2f} s  ({disc.height:,} discrepancies)")
    print(f"timeline (claims)    {tl.height:>10,}  {t3 - t2:6.2f} s")
    print(f"marts total                      {t3 - t1:6.2f} s   peak RSS {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
