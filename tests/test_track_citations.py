"""Who copied whom: re-citations linked to the cited outlet's report, and what they lost (hand-made facts, and
the sample's smuggling story end to end)."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from pipelines.track import build_observations
from pipelines.track.citations import build_citations, normalise_source, rounding_changes_meaning


def fact(fid, outlet, when, value, qualifier="exact", *, unit="USD", metric="training_cost", subject="DeepSeek",
         attributed_to=None, refers_to=None, surface=None, low=None, high=None, language="en", article=None):
    if low is None:
        low, high = {"more_than": (value, float("inf")), "at_least": (value, float("inf")),
                     "less_than": (0.0, value), "approx": (value * 0.9, value * 1.1)}.get(
            qualifier, (value * 0.99, value * 1.01))
    key = f"{subject or '?'}|{metric}|-|{'money' if unit in ('USD', 'KRW') else unit}"
    return {"fact_id": fid, "article_id": article or f"a-{fid}", "version": 1, "source": "other", "outlet": outlet,
            "published_at": when, "modified_at": None, "fetched_at": when, "subject": subject, "metric": metric,
            "chip": None, "scope": None, "value": value, "unit": unit, "qualifier": qualifier, "value_low": low,
            "value_high": high, "surface": surface or str(value), "span_start": 0, "claim_key": key,
            "refers_to": refers_to, "linked_fact_id": None, "attributed_to": attributed_to, "language": language}


def frame(rows):
    return pl.DataFrame(rows, schema_overrides={"modified_at": pl.Datetime("us", "UTC"),
                                                "published_at": pl.Datetime("us", "UTC"),
                                                "fetched_at": pl.Datetime("us", "UTC")})


def day(y, m, d):
    return datetime(y, m, d, 12, tzinfo=UTC)


def cites_of(rows):
    facts = frame(rows)
    obs, _ = build_observations(facts)
    return obs, {r["fact_id"]: r for r in build_citations(facts, obs).iter_rows(named=True)}


def test_sources_are_normalised_to_the_outlet_table_or_the_entity_kind():
    assert normalise_source("뉴욕타임스") == ("The New York Times", "outlet")
    assert normalise_source("The New York Times") == ("The New York Times", "outlet")
    assert normalise_source("CNBC") == ("CNBC", "outlet")
    assert normalise_source("Donald Trump") == ("Donald Trump", "person")
    assert normalise_source("US Justice Department") == ("US Justice Department", "agency")
    assert normalise_source(None) == (None, None)


def test_recitation_is_linked_to_the_cited_outlets_earliest_report_even_when_rounded():
    obs, c = cites_of([
        fact("nyt-first", "The New York Times", day(2025, 1, 23), 5_576_000, surface="$5.576 million"),
        fact("nyt-again", "The New York Times", day(2025, 1, 25), 5_576_000, surface="$5.576 million"),
        fact("cnn-other", "CNN", day(2025, 1, 24), 5_576_000, surface="$5,576,000"),
        fact("k-recite", "Korea Herald", day(2025, 1, 27), 5_600_000, attributed_to="NYT", surface="$5.6 million",
             low=5.55e6, high=5.65e6),
    ])
    row = c["k-recite"]
    assert (row["cited"], row["cited_kind"], row["cites_fact_id"]) == ("The New York Times", "outlet", "nyt-first")
    assert row["match"] == "same_claim" and row["relation"] == "rounding"
    assert row["root_fact_id"] == "nyt-first" and row["hops"] == 1
    assert not row["loses_information"]
    o = {r["fact_id"]: r for r in obs.iter_rows(named=True)}
    assert o["k-recite"]["cites_fact_id"] == "nyt-first" and o["k-recite"]["is_recitation"]
    assert o["nyt-first"]["cites_fact_id"] is None


def test_dropped_more_than_is_a_recitation_that_loses_information():
    obs, c = cites_of([
        fact("nyt", "The New York Times", day(2024, 8, 4), 2000, "more_than", unit="chips", metric="chip_count",
             surface="more than 2,000 chips"),
        fact("n1", "News1", day(2024, 8, 5), 2000, unit="chips", metric="chip_count", attributed_to="뉴욕타임스",
             surface="2000개", language="ko"),
    ])
    row = c["n1"]
    assert row["cites_fact_id"] == "nyt" and row["relation"] == "bound"
    assert row["dropped_qualifier"] == "more_than" and row["dropped_date"] is None and row["loses_information"]
    # a bound relation alone would not make it a recitation; the named source does
    assert obs.filter(pl.col("fact_id") == "n1")["is_recitation"].item()


def test_a_deal_recited_months_later_without_its_date_loses_the_date():
    _, c = cites_of([
        fact("nyt", "The New York Times", day(2024, 8, 4), 103e6, metric="deal_value", subject=None,
             surface="$103 million"),
        fact("soon", "CNN", day(2024, 8, 6), 103e6, metric="deal_value", subject=None, attributed_to="NYT"),
        fact("late", "News1", day(2025, 1, 28), 103e6, "approx", metric="deal_value", subject=None,
             attributed_to="NYT", surface="약 1억 300만 달러", language="ko"),
        fact("dated", "Yonhap", day(2025, 1, 28), 103e6, metric="deal_value", subject=None, attributed_to="NYT",
             refers_to="2024-08"),
    ])
    assert c["late"]["cites_fact_id"] == "nyt" and c["late"]["match"] == "same_metric"
    assert c["late"]["dropped_date"] == "2024-08" and c["late"]["dropped_qualifier"] is None
    assert c["soon"]["dropped_date"] is None  # two days later the deal is still news of the day
    assert c["dated"]["dropped_date"] is None  # it says when


def test_a_stated_period_dropped_months_later_is_flagged_for_property_metrics_too():
    _, c = cites_of([
        fact("nyt", "The New York Times", day(2024, 8, 4), 11, unit="companies", metric="company_count",
             subject=None, refers_to="2023-08-05/2024-08-04"),
        fact("n1", "News1", day(2025, 1, 28), 11, unit="companies", metric="company_count", subject=None,
             attributed_to="The New York Times"),
    ])
    assert c["n1"]["dropped_date"] == "2023-08-05/2024-08-04"


def test_rounding_that_changes_meaning():
    assert rounding_changes_meaning(5_576_000, 6_000_000)  # 7.6 % off
    assert rounding_changes_meaning(4.96e9, 5e9)  # "under five billion" becomes "five billion"
    assert rounding_changes_meaning(49.6, 50)
    assert not rounding_changes_meaning(5_576_000, 5_600_000)
    assert not rounding_changes_meaning(2_000, 2_000)
    _, c = cites_of([
        fact("ft", "Financial Times", day(2025, 3, 1), 4.96e9, surface="$4.96 billion"),
        fact("x", "CNN", day(2025, 3, 2), 5e9, attributed_to="Financial Times", surface="$5 billion",
             low=4.5e9, high=5.5e9),
    ])
    assert c["x"]["relation"] == "rounding" and c["x"]["rounding_changes_meaning"] and c["x"]["loses_information"]


def test_chains_follow_recitations_of_recitations():
    _, c = cites_of([
        fact("nyt", "The New York Times", day(2025, 1, 1), 50_000, "approx", unit="chips", metric="chip_count"),
        fact("n1", "News1", day(2025, 1, 2), 50_000, "approx", unit="chips", metric="chip_count",
             attributed_to="NYT", language="ko"),
        fact("y", "Yonhap", day(2025, 1, 3), 50_000, "approx", unit="chips", metric="chip_count",
             attributed_to="뉴스1", language="ko"),
    ])
    assert c["y"]["cites_fact_id"] == "n1" and c["y"]["root_fact_id"] == "nyt" and c["y"]["hops"] == 2
    assert c["y"]["root_outlet"] == "The New York Times"


def test_no_link_to_self_later_reports_the_same_article_or_another_quantity():
    _, c = cites_of([
        fact("late", "The New York Times", day(2025, 2, 1), 103e6, metric="deal_value"),
        fact("self", "The New York Times", day(2025, 1, 15), 103e6, metric="deal_value", attributed_to="NYT",
             article="shared"),
        fact("early", "CNN", day(2025, 1, 10), 103e6, metric="deal_value", attributed_to="NYT"),
        fact("other", "CNN", day(2025, 3, 1), 11, unit="companies", metric="company_count", attributed_to="NYT"),
        fact("person", "CNN", day(2025, 3, 1), 103e6, metric="deal_value", attributed_to="Donald Trump"),
    ])
    assert c["self"]["cites_fact_id"] is None  # an outlet citing itself re-cites no one
    assert c["early"]["cites_fact_id"] is None  # NYT's only report came later
    assert c["other"]["cites_fact_id"] is None  # NYT reported no company count
    assert (c["person"]["cited_kind"], c["person"]["cites_fact_id"]) == ("person", None)


def test_no_attribution_column_no_citations():
    facts = frame([fact("a", "CNN", day(2025, 1, 1), 1.0)]).drop("attributed_to")
    obs, _ = build_observations(facts)
    assert build_citations(facts, obs).is_empty()
    assert obs["cites_fact_id"].null_count() == 1


def test_sample_smuggling_story_chain_in_both_languages(db):
    rows = db.execute("""
        SELECT hops, outlet, language, surface, recited_from, dropped_qualifier, dropped_date
        FROM marts.citation_chains WHERE first_surface = '$103 million' ORDER BY hops, outlet, surface""").fetchall()
    assert rows[0][:4] == (0, "The New York Times", "en", "$103 million")
    recited = {(r[1], r[2], r[3]): r[4:] for r in rows[1:]}
    assert recited[("CNN", "en", "$103 million")] == ("The New York Times", None, "2024-08")
    assert recited[("News1", "ko", "약 1억 300만 달러")] == ("The New York Times", None, "2024-08")


def test_readme_question_which_recitations_dropped_a_qualifier_or_a_date(db):
    rows = db.execute("""
        SELECT observed_at, outlet, surface, cites_outlet, cites_surface, dropped_qualifier, dropped_date
        FROM marts.figure_citations
        WHERE dropped_qualifier IS NOT NULL OR dropped_date IS NOT NULL
        ORDER BY observed_at, outlet""").fetchall()
    got = {(r[1], r[2]): (r[5], r[6]) for r in rows}
    assert got[("News1", "2000개")] == ("more_than", None)
    assert got[("News1", "11개 기업")] == (None, "2023-08-05/2024-08-04")
    assert ("News1", "2000개 이상") not in got  # kept its "이상"
    assert {r[3] for r in rows} == {"The New York Times"}
