"""Claim identity: keys and model scopes."""

from pipelines.extract import extract_figures
from pipelines.extract.entities import find_mentions
from pipelines.extract.subjects import model_scope
from pipelines.track.claims import claim_key


def scope_for(subject, sentence, surface):
    at = max(sentence.find(surface), 0)
    return model_scope(subject, find_mentions(sentence), (at, at + len(surface)))


def test_claim_key_is_canonical_and_scope_is_appended():
    assert claim_key("DeepSeek", "training_cost", None, "KRW") == "DeepSeek|training_cost|-|money"
    assert claim_key(None, "chip_count", "H800", "chips") == "?|chip_count|H800|chips"
    assert claim_key("DeepSeek", "training_cost", None, "USD", "DeepSeek-V3") == \
        "DeepSeek|training_cost|-|money|DeepSeek-V3"


def test_scope_is_the_subjects_model_nearest_the_figure():
    s = "DeepSeek says it spent just $5.6 million on computing power to train V3, the model on which R1 is built."
    assert scope_for("DeepSeek", s, "just $5.6 million") == "DeepSeek-V3"
    s = "Chinese AI developer DeepSeek spent $294,000 to train its R1 reasoning model, the company said."
    assert scope_for("DeepSeek", s, "$294,000") == "DeepSeek-R1"
    assert scope_for("DeepSeek", "R1에 투입된 비용은 557만 6000달러로 알려졌다.", "557만 6000달러") == "DeepSeek-R1"


def test_no_scope_without_a_model_of_the_subject():
    s = "DeepSeek says it built an AI model that rivals the best in Silicon Valley for less than $6 million."
    assert scope_for("DeepSeek", s, "less than $6 million") is None
    # A model of another owner does not scope a figure about DeepSeek.
    assert scope_for("DeepSeek", "OpenAI spent $100 million on ChatGPT, far more than DeepSeek.",
                     "$100 million") is None
    assert scope_for(None, "R1 cost $294,000.", "$294,000") is None


def test_the_extractor_carries_the_scope_on_each_figure():
    text = ("DeepSeek said it spent $5.6 million to train V3. "
            "It spent $294,000 to train its R1 reasoning model, the company said in a paper.")
    by_surface = {f.surface: f for f in extract_figures(text)}
    assert by_surface["$5.6 million"].scope == "DeepSeek-V3"
    assert by_surface["$294,000"].scope == "DeepSeek-R1"
    assert by_surface["$294,000"].subject == "DeepSeek"


# ----------------------------------------------------------------------------- events, scopes, comparisons

from datetime import UTC, datetime  # noqa: E402

import polars as pl  # noqa: E402

from pipelines.track import build_observations, build_timeline  # noqa: E402
from pipelines.track.claims import parse_event, resolve_events, significant_digits  # noqa: E402


def _fact(fid, source, when, value, low, high, *, metric="market_value_change", subject="Nvidia", unit="USD",
          qualifier="exact", refers_to=None, article=None, version=1, span=0, scope=None, linked=None,
          chip=None):
    return {"fact_id": fid, "article_id": article or f"a-{fid}", "version": version, "source": source,
            "published_at": when, "modified_at": None, "fetched_at": when, "subject": subject, "metric": metric,
            "chip": chip, "value": value, "unit": unit, "qualifier": qualifier, "value_low": low,
            "value_high": high, "surface": str(value), "span_start": span, "scope": scope,
            "claim_key": claim_key(subject, metric, chip, unit, scope), "refers_to": refers_to,
            "linked_fact_id": linked}


def _frame(rows):
    return pl.DataFrame(rows, schema_overrides={"modified_at": pl.Datetime("us", "UTC"),
                                                "refers_to": pl.String, "linked_fact_id": pl.String,
                                                "scope": pl.String, "subject": pl.String, "chip": pl.String})


def _t(month, day, hour=15):
    return datetime(2025, month, day, hour, tzinfo=UTC)


def test_parse_event_labels():
    assert parse_event("2025-01-27 intraday")[2] == "intraday"
    assert parse_event("2025-Q1")[:2] == (datetime(2025, 1, 1).date(), datetime(2025, 3, 31).date())
    assert parse_event("2024")[1] == datetime(2024, 12, 31).date()
    assert parse_event("2025-02-01/2025-04-30")[:2] == (datetime(2025, 2, 1).date(), datetime(2025, 4, 30).date())
    assert parse_event("sometime") is None


def test_one_period_written_several_ways_is_one_event_label():
    from pipelines.track.claims import event_label

    quarter = {event_label(t, "deal_value") for t in ("2025-Q1", "2025-01/2025-03", "2025-01-01/2025-03-31")}
    assert quarter == {"2025-01/2025-03"}
    assert event_label("2025-01-01/2025-12-31", "revenue") == "2025"
    assert event_label("2025-04-01/2025-04-30", "revenue") == "2025-04"
    # a fiscal quarter keeps its months, a span of days that are not whole months its days, a session its session
    assert event_label("2025-02-01/2025-04-30", "charge") == "2025-02/2025-04"
    assert event_label("2025-01-20/2025-01-26", "percent_change") == "2025-01-20/2025-01-26"
    assert event_label("2025-01-27 intraday", "percent_change") == "2025-01-27 intraday"


def test_event_metrics_split_by_stated_event_and_undated_reports_join_the_nearest():
    facts = _frame([
        _fact("jan", "cnn", _t(1, 27), 593e9, 592.5e9, 593.5e9, refers_to="2025-01-27"),
        _fact("sep", "cnn", _t(1, 27), 279e9, 237e9, 321e9, qualifier="approx", refers_to="2024-09-03",
              article="a-jan", span=90),
        _fact("undated", "nyt", _t(1, 28), 589e9, 588.5e9, 589.5e9),
        _fact("later", "news1", _t(3, 1), 150e9, 140e9, 160e9, qualifier="approx"),
        _fact("recalled", "chosun", _t(12, 1), 593e9, 592.5e9, 593.5e9),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["jan"] == "2025-01-27" and event["sep"] == "2024-09-03"
    assert event["undated"] == "2025-01-27"  # published the next day: the stated event of the day before
    # a month later with no date stated and a value no stated loss has: an event of its own, named by the
    # market's day (1 March 2025 was a Saturday: Friday's session)
    assert event["later"] == "~2025-02-28"
    # months later with no date, the value of one stated loss: that loss re-told
    assert event["recalled"] == "2025-01-27"
    # $589B vs $593B is a real disagreement (and again when $593B is re-told); the September record is another
    # claim, never compared
    assert {frozenset(r) for r in disc[["fact_id_a", "fact_id_b"]].rows()} == {
        frozenset({"jan", "undated"}), frozenset({"undated", "recalled"})}


def test_close_is_the_day_and_intraday_is_another_event():
    facts = _frame([
        _fact("intra", "news1", _t(1, 27), -11.2, -11.25, -11.15, metric="percent_change", unit="percent",
              refers_to="2025-01-27 intraday"),
        _fact("close", "cnn", _t(1, 27, 22), -17.0, -17.5, -16.5, metric="percent_change", unit="percent",
              refers_to="2025-01-27 close"),
        _fact("plain", "nyt", _t(1, 28), -16.9, -16.95, -16.85, metric="percent_change", unit="percent"),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event == {"intra": "2025-01-27 intraday", "close": "2025-01-27", "plain": "2025-01-27"}
    assert disc.is_empty()


def test_property_metrics_stay_one_claim_across_months_and_unscoped_reports_join_the_coverage():
    rows = [_fact(f"v3-{d}", "cnn", _t(1, d), 5.6e6, 5.55e6, 5.65e6, metric="training_cost", subject="DeepSeek",
                  scope="DeepSeek-V3") for d in (27, 28, 29)]
    rows.append(_fact("unscoped", "nyt", _t(2, 2), 6e6, 5.1e6, 6.9e6, metric="training_cost",
                      subject="DeepSeek", qualifier="approx"))
    rows.append(_fact("r1", "cnn", _t(9, 17), 294e3, 293.5e3, 294.5e3, metric="training_cost", subject="DeepSeek",
                      scope="DeepSeek-R1"))
    rows.append(_fact("r1-unscoped", "news1", _t(9, 18), 390e3, 385e3, 395e3, metric="training_cost",
                      subject="DeepSeek"))
    obs, disc = build_observations(_frame(rows))
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["unscoped"] == key["v3-27"] == "DeepSeek|training_cost|-|money|DeepSeek-V3"
    assert key["r1-unscoped"] == key["r1"]
    assert obs["event"].is_null().all()
    assert disc.height == 1 and disc["fact_id_b"].item() == "r1-unscoped"


def test_no_subject_no_conversion_and_no_same_version_comparisons():
    rows = [
        _fact("a", "cnn", _t(1, 27), 593e9, 592.5e9, 593.5e9, refers_to="2025-01-27"),
        # a second, different figure of the same article version: not compared with "a"
        _fact("a2", "cnn", _t(1, 27), 600e9, 510e9, 690e9, qualifier="approx", refers_to="2025-01-27",
              article="a-a", span=50),
        # its conversion in parentheses: part of the figure, not a report
        _fact("krw", "cnn", _t(1, 27), 846e12, 719e12, 973e12, unit="KRW", qualifier="approx",
              refers_to="2025-01-27", article="a-a", span=60, linked="a2"),
        _fact("nosubj", "nyt", _t(1, 27), 1e9, 0.9e9, 1.1e9, subject=None, refers_to="2025-01-27"),
    ]
    obs, disc = build_observations(_frame(rows))
    assert set(obs["fact_id"]) == {"a", "a2"}
    rel = dict(zip(obs["fact_id"], obs["relation_to_previous"], strict=True))
    assert rel == {"a": "first", "a2": "first"} and disc.is_empty()
    conv = obs.filter(pl.col("fact_id") == "a2").row(0, named=True)
    assert conv["conversion_surface"] == str(846e12) and conv["conversion_ok"] is True


def test_durations_compare_across_units():
    rows = [
        _fact("months", "nyt", _t(1, 27), 7.0, 5.95, 8.05, metric="duration", subject="US government",
              unit="months", qualifier="approx", chip="H800"),
        _fact("year", "news1", _t(1, 28), 1.0, 0.85, 1.15, metric="duration", subject="US government",
              unit="years", qualifier="approx", chip="H800"),
    ]
    obs, disc = build_observations(_frame(rows))
    assert set(obs["unit"]) == {"days"} and obs["claim_key"].n_unique() == 1
    assert disc.height == 1 and disc["kind"].item() == "conflicting"


def test_timeline_first_value_is_the_observation_marked_first():
    rows = [
        _fact("x1", "cnn", _t(1, 27), 593e9, 592.5e9, 593.5e9, refers_to="2025-01-27", span=10),
        _fact("x2", "nyt", _t(1, 27), 600e9, 510e9, 690e9, qualifier="approx", refers_to="2025-01-27"),
    ]
    obs, _ = build_observations(_frame(rows))
    first = obs.filter(pl.col("relation_to_previous") == "first")
    tl = build_timeline(obs)
    assert tl["first_value"].item() == first["value"].item()
    assert sorted(obs["report_seq"].to_list()) == [1, 2]


def test_resolve_events_on_empty_and_property_rows():
    empty = _frame([_fact("p", "cnn", _t(1, 1), 1.0, 0.9, 1.1, metric="training_cost")]).head(0)
    assert "event" in resolve_events(empty.with_columns(pl.col("published_at").alias("observed_at"))).columns


def test_coarser_stated_events_join_the_one_finer_event_they_contain():
    facts = _frame([
        _fact("day", "cnn", _t(1, 27, 22), -17.0, -17.5, -16.5, metric="percent_change", unit="percent",
              refers_to="2025-01-27"),
        _fact("month", "nyt", _t(2, 10), -17.0, -17.5, -16.5, metric="percent_change", unit="percent",
              refers_to="2025-01"),
        _fact("rebound", "cnn", _t(1, 28, 22), 8.9, 8.85, 8.95, metric="percent_change", unit="percent",
              refers_to="2025-01-28"),
        _fact("q", "ft", _t(4, 16), 5.5e9, 4.7e9, 6.3e9, metric="charge", qualifier="approx",
              refers_to="2025-02-01/2025-04-30"),
        _fact("april", "cnn", _t(4, 16), 5.5e9, 4.7e9, 6.3e9, metric="charge", qualifier="approx",
              refers_to="2025-04"),
        _fact("oneday", "news1", _t(1, 29), -17.0, -17.5, -16.5, metric="percent_change", unit="percent",
              refers_to="2025-01-27/2025-01-27"),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    # "in January" holds two days, but only the fall of the 27th has its sign
    assert event["month"] == event["day"] == event["oneday"] == "2025-01-27"
    assert event["rebound"] == "2025-01-28"
    assert event["q"] == event["april"]
    assert disc.is_empty()


def test_an_unchipped_count_joins_the_one_chip_claim_it_agrees_with():
    rows = [
        _fact("h800", "cnn", _t(1, 27), 2048, 2047.5, 2048.5, metric="chip_count", subject="DeepSeek", unit="chips",
              chip="H800"),
        _fact("h100", "cnbc", _t(1, 28), 50000, 50000, float("inf"), metric="chip_count", subject="DeepSeek",
              unit="chips", chip="H100", qualifier="more_than"),
        _fact("about", "nyt", _t(1, 29), 2000, 1700, 2300, metric="chip_count", subject="DeepSeek", unit="chips",
              qualifier="approx"),
        _fact("vague", "news1", _t(1, 30), 30000, 25500, 34500, metric="chip_count", subject="DeepSeek",
              unit="chips", qualifier="approx"),
    ]
    obs, disc = build_observations(_frame(rows))
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["about"] == key["h800"] == "DeepSeek|chip_count|H800|chips"
    assert key["vague"] == "DeepSeek|chip_count|-|chips"  # agrees with neither: stays on its own
    assert disc.is_empty()


def test_a_fee_share_naming_no_chip_joins_the_deal_it_agrees_with_and_is_no_conflict():
    rows = [
        _fact("h20", "ft", _t(8, 11), 15, 15, 15, metric="tariff_or_fee_share", subject="US government",
              unit="percent", chip="H20"),
        _fact("h200", "news1", _t(12, 8), 25, 25, 25, metric="tariff_or_fee_share", subject="US government",
              unit="percent", chip="H200"),
        _fact("each-sale", "reuters", _t(12, 20), 25, 25, 25, metric="tariff_or_fee_share", subject="US government",
              unit="percent"),
        _fact("plain", "wsj", _t(8, 12), 15, 15, 15, metric="tariff_or_fee_share", subject="US government",
              unit="percent"),
    ]
    obs, disc = build_observations(_frame(rows))
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["each-sale"] == key["h200"] == "US government|tariff_or_fee_share|H200|percent"
    assert key["plain"] == key["h20"]
    assert disc.is_empty()  # 15% and 25% are two deals, not two outlets disagreeing


def test_a_change_over_a_span_is_not_merged_with_a_year_inside_it():
    from pipelines.track.claims import resolve_events

    rows = pl.DataFrame({
        "claim_key": ["Nvidia|percent_change|-|percent"] * 2, "metric": ["percent_change"] * 2,
        "refers_to": ["2024", "2024-01-01/2025-01-31"], "value": [171.0, 90.0],
        "observed_at": [datetime(2025, 1, 27, tzinfo=UTC), datetime(2025, 1, 28, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[0] != got[1]


def test_a_months_revenue_is_a_part_of_its_quarter_and_a_year_to_date_move_no_months():
    from pipelines.track.claims import resolve_events

    rows = pl.DataFrame({
        "claim_key": ["TSMC|revenue|-|money"] * 3 + ["TSMC|percent_change|-|percent"] * 2,
        "metric": ["revenue"] * 3 + ["percent_change"] * 2,
        # September's sales beside the quarter's; "in April" for the quarter's own figure still joins it
        "refers_to": ["2025-07/2025-09", "2025-09", "2025-08", "2025-01-01/2025-11-30", "2025-10"],
        "value": [33.1e9, 10.6e9, 33.0e9, 40.0, 11.0],
        "observed_at": [datetime(2025, 10, 16, tzinfo=UTC), datetime(2025, 10, 10, tzinfo=UTC),
                        datetime(2025, 10, 17, tzinfo=UTC), datetime(2025, 11, 10, tzinfo=UTC),
                        datetime(2025, 11, 10, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[0] == got[2] == "TSMC|revenue|-|money|@2025-07/2025-09"
    assert got[1] == "TSMC|revenue|-|money|@2025-09"
    # "up 40% this year" written on November 10 runs to the report: not October's 11% rise
    assert got[3] != got[4]


def test_a_years_change_joins_a_day_inside_it_only_when_the_values_agree():
    from pipelines.track.claims import resolve_events

    rows = pl.DataFrame({
        "claim_key": ["TSMC|percent_change|-|percent"] * 3, "metric": ["percent_change"] * 3,
        # a growth forecast for 2025 and a month's sales rise disclosed on one day of it are two quantities
        "refers_to": ["2025", "2025-11-10", "2025-11-10"], "value": [25.0, 16.9, 11.0],
        "observed_at": [datetime(2025, 1, 16, tzinfo=UTC), datetime(2025, 11, 10, tzinfo=UTC),
                        datetime(2025, 11, 10, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[0] == "TSMC|percent_change|-|percent|@2025"
    rows = rows.with_columns(pl.Series("value", [-17.0, -16.97, -17.0]))
    # the year's "17% plunge" is the day's plunge
    assert len(set(resolve_events(rows)["claim_key"].to_list())) == 1


def test_an_accounts_figure_of_a_period_under_way_is_a_forecast():
    from pipelines.track.claims import resolve_events, resolve_forecasts

    rows = pl.DataFrame({
        "claim_key": ["Micron|revenue|-|money", "Micron|revenue|-|money|as guidance", "Micron|revenue|-|money",
                      "TSMC|investment|-|money", "TSMC|investment|-|money|in Arizona"],
        "metric": ["revenue", "revenue", "revenue", "investment", "investment"],
        "scope": [None, "as guidance", None, None, "in Arizona"],
        # September 23: the quarter to November is under way; the quarter to August has closed
        "refers_to": ["2025-09/2025-11", "2025-09/2025-11", "2025-06/2025-08", "2025", "2025"],
        "value": [12.5e9, 12.5e9, 11.3e9, 40e9, 165e9],
        "observed_at": [datetime(2025, 9, 23, tzinfo=UTC)] * 3 + [datetime(2025, 10, 16, tzinfo=UTC)] * 2,
    })
    got = resolve_events(resolve_forecasts(rows))
    keys = got["claim_key"].to_list()
    assert keys[0] == keys[1] == "Micron|revenue|-|money|as guidance|@2025-09/2025-11"
    assert keys[2] == "Micron|revenue|-|money|@2025-06/2025-08"
    assert keys[3] == "TSMC|investment|-|money|as guidance|@2025"  # the year's capital spending plan
    assert keys[4].startswith("TSMC|investment|-|money|in Arizona")  # an investment in a target is no plan of it
    assert got["scope"].to_list()[0] == "as guidance"


def test_an_undated_report_never_takes_an_event_after_its_own_day():
    from pipelines.track.claims import resolve_events

    key = "Nvidia|share_price|-|money"
    rows = pl.DataFrame({
        "claim_key": [key] * 3, "metric": ["share_price"] * 3, "refers_to": ["2025-01-27 close", "2025-01-28 close",
                                                                            None],
        "value": [118.42, 128.99, 118.58],
        "observed_at": [datetime(2025, 1, 27, 21, tzinfo=UTC), datetime(2025, 1, 28, 21, tzinfo=UTC),
                        datetime(2025, 1, 27, 22, 30, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[2] == got[0] != got[1]


def test_units_of_a_chip_count_are_chips():
    assert claim_key("DeepSeek", "chip_count", "H100", "units") == claim_key("DeepSeek", "chip_count", "H100", "chips")
    assert claim_key("DeepSeek", "chip_count", "H100", "count") == claim_key("DeepSeek", "chip_count", "H100", "chips")
    assert claim_key("X", "company_count", None, "count") != claim_key("X", "company_count", None, "chips")
    assert claim_key("X", "other", None, "units") != claim_key("X", "other", None, "chips")


def test_an_unscoped_figure_joins_the_model_whose_reports_it_agrees_with():
    from pipelines.track.claims import resolve_scopes

    key = "DeepSeek|training_cost|-|money"
    t = datetime(2026, 1, 26, tzinfo=UTC)
    rows = pl.DataFrame({
        "claim_key": [f"{key}|DeepSeek-V3"] * 3 + [f"{key}|DeepSeek-R1"] * 3 + [key],
        "scope": ["DeepSeek-V3"] * 3 + ["DeepSeek-R1"] * 3 + [None],
        "metric": ["training_cost"] * 7, "unit": ["USD"] * 7,
        # V3's reports are a year old; R1's are recent: coverage alone would pick R1
        "observed_at": [datetime(2025, 1, 27, tzinfo=UTC)] * 3 + [t] * 3 + [t],
        "value_low": [5.576e6, 5.55e6, 5.0e6, 2.94e5, 2.9e5, 2.94e5, 5.1e6],
        "value_high": [5.577e6, 5.65e6, 6.0e6, 2.95e5, 3.0e5, 2.95e5, 6.9e6],
    })
    assert resolve_scopes(rows)["scope"].to_list()[-1] == "DeepSeek-V3"


def test_only_model_metrics_take_a_model_and_held_chips_stay_unscoped():
    from pipelines.track.claims import resolve_scopes

    t = datetime(2025, 2, 1, tzinfo=UTC)
    ck, inv = "DeepSeek|chip_count|H800|chips", "DeepSeek|investment|-|money"
    rows = pl.DataFrame({
        "claim_key": [f"{ck}|DeepSeek-V3"] * 3 + [ck, f"{inv}|DeepSeek-V3", inv],
        "scope": ["DeepSeek-V3"] * 3 + [None, "DeepSeek-V3", None],
        "metric": ["chip_count"] * 4 + ["investment"] * 2, "unit": ["chips"] * 4 + ["USD"] * 2,
        "observed_at": [t] * 6,
        "value_low": [2048.0, 2000.0, 1700.0, 8500.0, 5.5e6, 1.5e9],
        "value_high": [2048.0, 2100.0, 2300.0, 11500.0, 5.7e6, 1.7e9],
    })
    got = resolve_scopes(rows)["scope"].to_list()
    assert got[3] is None  # "roughly 10,000 H800s" it has access to: not V3's 2,048
    assert got[5] is None  # a company's server spending belongs to no model


def test_a_training_cost_using_a_chip_is_the_same_claim_as_one_that_names_none():
    assert claim_key("DeepSeek", "training_cost", "H800", "USD", "DeepSeek-V3") == claim_key(
        "DeepSeek", "training_cost", None, "USD", "DeepSeek-V3")
    assert claim_key("Nvidia", "charge", "H20", "USD") != claim_key("Nvidia", "charge", None, "USD")


def test_fiscal_quarters_that_share_a_few_days_are_two_events():
    from pipelines.track.claims import resolve_events

    key = "Nvidia|revenue|-|money"
    rows = pl.DataFrame({
        "claim_key": [key] * 2, "metric": ["revenue"] * 2,
        "refers_to": ["2025-02-01/2025-04-30", "2025-04-28/2025-07-27"], "value": [39.1e9, 46.7e9],
        "observed_at": [datetime(2025, 5, 29, tzinfo=UTC), datetime(2025, 8, 27, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[0] != got[1]
    # a month inside a quarter is still that quarter's event
    rows = rows.with_columns(pl.Series("refers_to", ["2025-Q2", "2025-05"]))
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[0] == got[1]


def test_an_undated_rise_does_not_join_a_days_fall():
    from pipelines.track.claims import resolve_events

    key = "Nasdaq Composite|percent_change|-|percent"
    rows = pl.DataFrame({
        "claim_key": [key] * 3, "metric": ["percent_change"] * 3,
        "refers_to": ["2025-01-27", None, None], "value": [-3.07, 2.03, -3.1],
        "observed_at": [datetime(2025, 1, 27, 22, tzinfo=UTC), datetime(2025, 1, 28, 22, tzinfo=UTC),
                        datetime(2025, 1, 28, 9, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[2] == got[0] != got[1]  # the undated fall joins Monday's; the rise is another move


def test_a_move_the_other_way_on_the_events_own_day_is_a_sign_slip_in_the_same_claim():
    from pipelines.track.claims import resolve_events

    key = "Dow Jones Industrial Average|percent_change|-|percent"
    rows = pl.DataFrame({
        "claim_key": [key] * 2, "metric": ["percent_change"] * 2, "refers_to": ["2025-01-27 close", None],
        "value": [0.65, -0.65],
        "observed_at": [datetime(2025, 1, 27, 22, 5, tzinfo=UTC), datetime(2025, 1, 27, 22, 30, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[0] == got[1]  # "다우지수도 0.65% 내렸습니다" the evening it rose 0.65%: flagged, not split


def test_an_undated_market_figure_is_about_a_session_begun_by_its_markets_clock():
    from pipelines.track.claims import resolve_events

    key = "Nvidia|percent_change|-|percent"
    rows = pl.DataFrame({
        "claim_key": [key] * 3, "metric": ["percent_change"] * 3, "subject": ["Nvidia"] * 3,
        "refers_to": ["2025-01-27", "2025-01-28", None], "value": [-17.0, 8.9, -17.0],
        # the undated one: 00:30 UTC on the 28th is 19:30 in New York on the 27th
        "observed_at": [datetime(2025, 1, 27, 21, tzinfo=UTC), datetime(2025, 1, 28, 21, tzinfo=UTC),
                        datetime(2025, 1, 28, 0, 30, tzinfo=UTC)],
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[2] == got[0] != got[1]


def test_a_chips_charge_warned_then_booked_is_one_claim_whatever_the_dates():
    rows = [
        _fact("warned", "cnbc", _t(4, 15), 5.5e9, 5.45e9, 5.55e9, metric="charge", subject="Nvidia", chip="H20",
              qualifier="approx", refers_to="2025-04-15"),
        _fact("booked", "wsj", _t(5, 28), 4.5e9, 4.45e9, 4.55e9, metric="charge", subject="Nvidia", chip="H20"),
        _fact("recap", "ft", _t(8, 11), 4.5e9, 4.45e9, 4.55e9, metric="charge", subject="Nvidia", chip="H20",
              refers_to="2025-05"),
    ]
    obs, disc = build_observations(_frame(rows))
    assert obs["claim_key"].n_unique() == 1 and obs["event"].is_null().all()
    assert disc.height >= 1  # $5.5 billion warned against $4.5 billion booked: the claim's two values


def test_a_move_retold_undated_joins_the_one_stated_move_of_its_value():
    pct = {"metric": "percent_change", "unit": "percent"}
    facts = _frame([
        _fact("jan", "cnn", _t(1, 27, 22), -17.0, -17.5, -16.5, refers_to="2025-01-27 close", **pct),
        _fact("apr", "cnn", _t(4, 16, 22), -6.9, -6.95, -6.85, refers_to="2025-04-16 close", **pct),
        _fact("dec", "sedaily", _t(12, 29), -17.0, -17.5, -16.5, **pct),
        _fact("small", "sedaily", _t(12, 29), -3.0, -3.5, -2.5, span=40, article="a-dec", **pct),
    ])
    obs, _ = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["dec"] == "2025-01-27"
    assert event["small"].startswith("~")  # no stated move of its value: no event taken


def test_a_move_retold_in_won_is_recalled_by_its_dollar_value():
    mv = {"metric": "market_value_change", "subject": "Nvidia"}
    facts = _frame([
        _fact("jan", "cnn", _t(1, 27, 22), 589e9, 588.5e9, 589.5e9, refers_to="2025-01-27 close", unit="USD",
              **mv),
        _fact("feb", "chosun", _t(2, 5), 850e12, 850e12, float("inf"), qualifier="more_than", unit="KRW", **mv),
    ])
    obs, _ = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["feb"] == "2025-01-27"  # 850조 원 at February's rate is about $589 billion


def _v3_cost_reports() -> list[dict]:
    """Two outlets' reports of DeepSeek-V3's $5.576 million training cost: a distinctive value."""
    cost = {"metric": "training_cost", "subject": "DeepSeek", "scope": "DeepSeek-V3"}
    return [_fact("cnn", "cnn", _t(1, 27), 5.576e6, 5.5755e6, 5.5765e6, **cost),
            _fact("nyt", "nyt", _t(1, 28), 5.576e6, 5.5755e6, 5.5765e6, **cost)]


def test_a_distinctive_value_keeps_its_metric_whatever_word_a_sentence_used():
    facts = _frame([
        *_v3_cost_reports(),
        # "회사가 내세운 557만6000달러의 약 90배다" after GPU spending; "1시간당 2달러로 계산한 값이 557만6000달러다"
        _fact("col", "chosun", _t(2, 5), 5.576e6, 5.5755e6, 5.5765e6, metric="investment", subject="DeepSeek"),
        _fact("tl", "etnews", _t(2, 4), 5.576e6, 5.5755e6, 5.5765e6, metric="price", subject="DeepSeek"),
        _fact("round", "verge", _t(2, 3), 5.6e6, 5.55e6, 5.65e6, metric="investment", subject="DeepSeek"),
        # not the value at its own precision, and a segment of spending: left alone
        _fact("six", "wsj", _t(2, 3), 6e6, 5.5e6, 6.5e6, metric="investment", subject="DeepSeek"),
        _fact("gpus", "ft", _t(2, 3), 5.576e6, 5.5755e6, 5.5765e6, metric="investment", subject="DeepSeek",
              scope="on GPUs"),
    ])
    obs, _ = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert {key[f] for f in ("cnn", "nyt", "col", "tl", "round")} == {"DeepSeek|training_cost|-|money|DeepSeek-V3"}
    assert key["six"].startswith("DeepSeek|investment|") and key["gpus"].endswith("|on GPUs")


def test_significant_digits_and_written_precision():
    assert [significant_digits(v) for v in (5.576e6, 118.42, 5e4, 2048, 5.6e6, None)] == [4, 5, 1, 4, 2, 0]


def test_a_fortune_is_compared_as_a_days_change_and_other_figures_are_not():
    jh = {"metric": "other", "subject": "Jensen Huang", "scope": "as fortune"}
    facts = _frame([
        _fact("cnbc", "cnbc", _t(1, 27, 22), 20e9, 19.5e9, 20.5e9, qualifier="approx", refers_to="2025-01-27", **jh),
        _fact("yna", "yonhap", _t(1, 28, 1), 20.1e9, 20.05e9, 20.15e9, **jh),
        _fact("apr", "cnbc", _t(4, 4, 22), 9e9, 8.5e9, 9.5e9, refers_to="2025-04-04", **jh),
        _fact("size", "cnbc", _t(1, 28), 50e9, 45e9, 55e9, metric="other", subject="Jensen Huang"),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event == {"cnbc": "2025-01-27", "yna": "2025-01-27", "apr": "2025-04-04"} and disc.is_empty()


def test_a_figure_with_no_subject_takes_the_one_subject_of_its_distinctive_value():
    cost = {"metric": "training_cost", "subject": "DeepSeek", "scope": "DeepSeek-V3"}
    facts = _frame([
        *_v3_cost_reports(),
        # "the $5.576 million headline number shrinks to less than 1% of the hardware bill"
        _fact("blog", "substack", _t(2, 5), 5.576e6, 5.5755e6, 5.5765e6, metric="other", subject=None),
        # a round value is no one's in particular
        _fact("round", "substack", _t(2, 5), 6e6, 5.5e6, 6.5e6, metric="other", subject=None, span=40,
              article="a-blog2"),
    ])
    obs, _ = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["blog"] == "DeepSeek|training_cost|-|money|DeepSeek-V3" and "round" not in key
    # a figure whose metric the text does not tell ("… 557만6000달러보다도 훨씬 적은 금액") takes its value's metric
    facts = _frame([
        _fact("cnn", "cnn", _t(1, 27), 5.576e6, 5.5755e6, 5.5765e6, **cost),
        _fact("nyt", "nyt", _t(1, 28), 5.576e6, 5.5755e6, 5.5765e6, metric="training_cost", subject="DeepSeek"),
        _fact("dt", "digitaltoday", _t(9, 18), 5.576e6, 5.5755e6, 5.5765e6, metric="other", subject="DeepSeek"),
    ])
    obs, _ = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["dt"] == "DeepSeek|training_cost|-|money|DeepSeek-V3"
    # a subject only carried from the article yields to the one subject the value's reports name
    carried = _fact("rt", "reuters", _t(1, 28), 5.576e6, 5.5755e6, 5.5765e6, metric="other", subject="Nvidia")
    carried["subject_via"] = "article"
    facts = _frame([
        _fact("cnn", "cnn", _t(1, 27), 5.576e6, 5.5755e6, 5.5765e6, **cost),
        _fact("nyt", "nyt", _t(1, 28), 5.576e6, 5.5755e6, 5.5765e6, metric="training_cost", subject="DeepSeek"),
        carried,
    ])
    obs, _ = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["rt"] == "DeepSeek|training_cost|-|money|DeepSeek-V3"


def test_one_cases_parties_named_together_or_alone_are_one_subject():
    deal = {"metric": "deal_value"}
    facts = _frame([
        _fact("bb", "bloomberg", _t(12, 8, 21), 160e6, 160e6, float("inf"), qualifier="at_least",
              subject="Alan Hao Hsu + Hao Global", refers_to="2025-12-08", **deal),
        _fact("ap", "ap", _t(12, 8, 23), 160e6, 160e6, float("inf"), qualifier="at_least", subject="Hao Global",
              refers_to="2025-12-08", **deal),
        # a listed company is never merged into a case group by a shared member
        _fact("nv", "cnbc", _t(12, 8, 22), 160e6, 159.5e6, 160.5e6, subject="Nvidia", refers_to="2025-12-08",
              **deal),
    ])
    obs, _ = build_observations(facts)
    subj = dict(zip(obs["fact_id"], obs["subject"], strict=True))
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert subj["ap"] == "Alan Hao Hsu + Hao Global" and key["ap"] == key["bb"] and subj["nv"] == "Nvidia"


def test_running_session_snapshots_are_related_but_never_flagged():
    pct = {"metric": "percent_change", "unit": "percent"}
    facts = _frame([
        _fact("ah1", "reuters", _t(4, 16, 0), -5.0, -5.5, -4.5, refers_to="2025-04-15 after_hours", **pct),
        _fact("ah2", "yonhap", _t(4, 16, 1), -6.0, -6.0, None, qualifier="more_than",
              refers_to="2025-04-15 after_hours", **pct),
        _fact("c1", "cnbc", _t(4, 16, 21), -6.9, -6.95, -6.85, refers_to="2025-04-16 close", **pct),
        _fact("c2", "news1", _t(4, 16, 22), -6.5, -6.55, -6.45, refers_to="2025-04-16 close", **pct),
    ])
    obs, disc = build_observations(facts)
    assert {frozenset(r) for r in disc[["fact_id_a", "fact_id_b"]].rows()} == {frozenset({"c1", "c2"})}


def test_a_years_revenue_is_not_its_quarters():
    rev = {"metric": "revenue", "unit": "USD"}
    facts = _frame([
        _fact("q4", "hankyung", _t(2, 27), 39.3e9, 39.25e9, 39.35e9, refers_to="2024-11/2025-01", **rev),
        _fact("fy", "wsj", _t(5, 28), 130.5e9, 130.45e9, 130.55e9, refers_to="2024-02/2025-01", **rev),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event == {"q4": "2024-11/2025-01", "fy": "2024-02/2025-01"} and disc.is_empty()


def test_an_accounts_month_inside_a_quarter_is_the_quarters():
    rev = {"metric": "revenue", "unit": "USD"}
    facts = _frame([
        _fact("q1", "cnbc", _t(5, 28, 22), 44.1e9, 44.05e9, 44.15e9, refers_to="2025-02/2025-04", **rev),
        _fact("apr", "news1", _t(5, 29), 44.1e9, 44.05e9, 44.15e9, refers_to="2025-04", **rev),
    ])
    obs, disc = build_observations(facts)
    assert set(obs["event"]) == {"2025-02/2025-04"} and disc.is_empty()


def test_an_unscoped_cost_joins_the_model_that_reported_that_very_value():
    cost = {"metric": "training_cost", "subject": "DeepSeek"}

    def rep(fid, when, value, low, high, scope, qualifier="exact"):
        return _fact(fid, "src", _t(*when), value, low, high, scope=scope, qualifier=qualifier, **cost)

    facts = _frame([
        rep("v1", (1, 27), 5.576e6, 5.5755e6, 5.5765e6, "DeepSeek-V3"),
        rep("v2", (1, 28), 5.6e6, 5.55e6, 5.7e6, "DeepSeek-V3"),
        rep("v3", (1, 31), 5.6e6, 5.55e6, 5.7e6, "DeepSeek-V3"),
        # R1 filed with rough V3-like figures by some outlets, and its own
        rep("r1", (1, 23), 6e6, 5.1e6, 6.9e6, "DeepSeek-R1", "approx"),
        rep("r2", (1, 23), 6e6, 5.4e6, 6.6e6, "DeepSeek-R1"),
        rep("r3", (9, 17), 294e3, 293.5e3, 294.5e3, "DeepSeek-R1"),
        rep("x", (2, 2), 5.576e6, 5.5755e6, 5.5765e6, None),
    ])
    obs, _ = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["x"].endswith("|DeepSeek-V3")


def test_a_week_re_told_a_year_later_is_the_move_of_its_value():
    pct = {"metric": "percent_change", "unit": "percent"}
    facts = _frame([
        _fact("d27", "cnn", _t(1, 27, 22), -17.0, -17.5, -16.5, refers_to="2025-01-27 close", **pct),
        _fact("d28", "cnn", _t(1, 28, 22), 8.9, 8.85, 8.95, refers_to="2025-01-28 close", **pct),
        _fact("d24", "cnn", _t(1, 24, 22), -3.1, -3.15, -3.05, refers_to="2025-01-24 close", **pct),
        _fact("yr", "news1", datetime(2026, 1, 26, 22, tzinfo=UTC), -17.0, -18.0, -16.0, qualifier="approx",
              refers_to="2025-01-23/2025-01-29", **pct),
    ])
    obs, _ = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["yr"] == "2025-01-27"


def test_two_reports_in_one_currency_compare_as_written_not_through_the_dollar():
    # 8조828억원 and 8조8280억원 (a slip of a digit) are 9% apart: in won they do not meet, though each widened
    # by the exchange rate's uncertainty in dollars would
    rows = [
        _fact("yonhap", "yonhap", _t(1, 23, 0), 8.0828e12, 8.08275e12, 8.08285e12, metric="profit",
              subject="SK hynix", unit="KRW", refers_to="2024-10/2024-12"),
        _fact("mk", "mk", _t(1, 23, 1), 8.828e12, 8.8275e12, 8.8285e12, metric="profit", subject="SK hynix",
              unit="KRW", refers_to="2024-10/2024-12"),
    ]
    obs, disc = build_observations(_frame(rows))
    assert obs["claim_key"].n_unique() == 1
    assert [(r["surface_a"], r["surface_b"], r["kind"]) for r in disc.iter_rows(named=True)] == [
        (str(8.0828e12), str(8.828e12), "conflicting")]
    # across currencies the rate's uncertainty still applies: $5.6 billion is about 8조828억원 at the month's rate
    rows[1] = _fact("reuters", "reuters", _t(1, 23, 2), 5.6e9, 5.32e9, 5.88e9, metric="profit",
                    subject="SK hynix", unit="USD", qualifier="approx", refers_to="2024-10/2024-12")
    obs, disc = build_observations(_frame(rows))
    assert disc.is_empty() and obs.filter(pl.col("fact_id") == "reuters")["relation_to_previous"].item() in (
        "consistent", "rounding")


def test_a_model_taken_from_the_article_gives_way_to_the_model_its_value_is_of():
    from pipelines.track.claims import resolve_scopes

    key = "DeepSeek|chip_count|H800|chips"
    t = datetime(2025, 9, 18, tzinfo=UTC)
    # V3's 2,048 and R1's 512, each stated with its model; then "딥시크는 엔비디아 H800 약 2000개를 사용했다" in an
    # article about R1 that names no model in the sentence, and a 512 the same way
    rows = pl.DataFrame({
        "claim_key": [f"{key}|DeepSeek-V3"] * 2 + [f"{key}|DeepSeek-R1"] * 2 + [f"{key}|DeepSeek-R1"] * 2,
        "scope": ["DeepSeek-V3"] * 2 + ["DeepSeek-R1"] * 4,
        "scope_via": ["text"] * 4 + ["article", "article"],
        "metric": ["chip_count"] * 6, "unit": ["chips"] * 6, "observed_at": [t] * 6,
        "value": [2048.0, 2048.0, 512.0, 512.0, 2000.0, 512.0],
        "value_low": [2047.5, 2047.5, 511.5, 511.5, 1700.0, 511.5],
        "value_high": [2048.5, 2048.5, 512.5, 512.5, 2300.0, 512.5],
    })
    out = resolve_scopes(rows)
    assert out["scope"].to_list()[4:] == ["DeepSeek-V3", "DeepSeek-R1"]
    assert out["claim_key"].to_list()[4] == f"{key}|DeepSeek-V3"
    # the same figure with its model in the sentence stays where the text put it (the outlet's claim about R1)
    out = resolve_scopes(rows.with_columns(pl.Series("scope_via", ["text"] * 6)))
    assert out["scope"].to_list()[4] == "DeepSeek-R1"


def test_a_bound_joins_the_model_whose_reports_round_to_it():
    from pipelines.track.claims import resolve_scopes

    key = "DeepSeek|training_cost|-|money"
    t = datetime(2026, 1, 26, tzinfo=UTC)
    # V3's $5.6 million (three reports) and R1's $294,000 (two, one of them a slip filing $5.576 million under
    # R1); then "trained a frontier model for less than $6 million", which both models' values fit under
    rows = pl.DataFrame({
        "claim_key": [f"{key}|DeepSeek-V3"] * 3 + [f"{key}|DeepSeek-R1"] * 2 + [key],
        "scope": ["DeepSeek-V3"] * 3 + ["DeepSeek-R1"] * 2 + [None],
        "scope_via": ["text"] * 5 + [None],
        "metric": ["training_cost"] * 6, "unit": ["USD"] * 6, "observed_at": [t] * 6,
        "value": [5.6e6, 5.576e6, 5.6e6, 2.94e5, 5.576e6, 6e6],
        "value_low": [5.55e6, 5.5755e6, 5.55e6, 2.935e5, 5.5755e6, 0.0],
        "value_high": [5.65e6, 5.5765e6, 5.65e6, 2.945e5, 5.5765e6, 6e6],
    })
    out = resolve_scopes(rows)
    assert out["scope"].to_list()[5] == "DeepSeek-V3"
    # a bound far above both models' values rounds to neither and stays unscoped
    far = rows.with_columns(pl.Series("value", [5.6e6, 5.576e6, 5.6e6, 2.94e5, 5.576e6, 5e7]),
                            pl.Series("value_high", [5.65e6, 5.5765e6, 5.65e6, 2.945e5, 5.5765e6, 5e7]))
    assert resolve_scopes(far)["scope"].to_list()[5] is None


def test_a_distinctive_value_cut_to_its_own_precision_takes_its_metric():
    facts = _frame([
        *_v3_cost_reports(),
        # "딥시크가 세상을 놀라게 한 숫자는 557만 달러였다": 557만 of 557만6000, no cost word in the sentence
        _fact("mk", "mk", _t(2, 5), 5.57e6, 5.565e6, 5.58e6, metric="other", subject="DeepSeek"),
        # another subject's figure of that shape is not DeepSeek's, nor is a one-digit round one
        _fact("x", "x", _t(2, 5), 5.57e6, 5.565e6, 5.58e6, metric="other", subject="Meta", article="a-x2"),
        _fact("six", "mk", _t(2, 5), 6e6, 5.5e6, 6.5e6, metric="other", subject="DeepSeek", article="a-mk2"),
    ])
    obs, _ = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["mk"] == "DeepSeek|training_cost|-|money|DeepSeek-V3"
    assert "x" not in key and "six" not in key


def test_operating_costs_are_compared_but_other_figures_are_not():
    op = {"metric": "other", "subject": "DeepSeek", "scope": "as operating cost"}
    facts = _frame([
        _fact("ft", "ft", _t(2, 1), 944e6, 943.5e6, 944.5e6, **op),
        _fact("dcd", "dcd", _t(2, 2), 9.44e8, 9.435e8, 9.445e8, **op),
        _fact("wsj", "wsj", _t(2, 3), 1.6e9, 1.55e9, 1.65e9, **op),
        # an "other" figure with no scope could be any quantity of DeepSeek's: never compared
        _fact("blog", "blog", _t(2, 3), 50e9, 49.5e9, 50.5e9, metric="other", subject="DeepSeek"),
    ])
    obs, disc = build_observations(facts)
    assert set(obs["fact_id"]) == {"ft", "dcd", "wsj"}
    assert obs["claim_key"].n_unique() == 1 and disc.height == 1


def test_a_yearless_date_in_a_later_timeline_recalls_the_move_its_value_repeats():
    from pipelines.track.claims import resolve_events

    key = "Nvidia|market_value_change|-|money"
    rows = pl.DataFrame({
        "claim_key": [key] * 4, "metric": ["market_value_change"] * 4,
        # the 2025 loss; "Jan. 27, Nvidia shares drop 17%, erasing $589 billion" in a timeline of January 31,
        # 2026 (resolved to 2026 for want of a year); a different, genuine move of that day; a small one
        "refers_to": ["2025-01-27", "2026-01-27", "2026-01-27", "2026-01-27"],
        "value": [-589e9, -589e9, -120e9, -589e9 * 1.5],
        "observed_at": [datetime(2025, 1, 27, 22, tzinfo=UTC)] + [datetime(2026, 1, 31, 16, tzinfo=UTC)] * 3,
    })
    got = resolve_events(rows)["claim_key"].to_list()
    assert got[1] == got[0] == f"{key}|@2025-01-27"
    assert got[2] == got[3] == f"{key}|@2026-01-27"


def test_a_charge_naming_no_chip_joins_the_subjects_one_chip_charge_and_a_cap_slip_is_a_unit_error():
    charge = {"metric": "charge", "subject": "AMD"}
    facts = _frame([
        _fact("en", "cnbc", _t(4, 16), 8e8, 0.0, 8e8, chip="MI308", qualifier="up_to", **charge),
        # "AMD도 ... 최대 80억 달러 비용": the chip is told in another sentence, and 억 slipped
        _fact("ko", "yonhap", _t(4, 17), 8e9, 0.0, 8e9, qualifier="up_to", **charge),
        # another company's unchipped charge takes nothing from AMD's
        _fact("other", "yonhap", _t(4, 17), 1e9, 0.95e9, 1.05e9, subject="Intel", metric="charge",
              article="a-ko", span=50),
    ])
    obs, disc = build_observations(facts)
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["ko"] == key["en"] == "AMD|charge|MI308|money"
    assert "|-|" in key["other"]
    assert disc.filter(pl.col("claim_key") == key["en"])["kind"].to_list() == ["probable_unit_error"]


def test_an_undated_market_figure_takes_the_session_its_article_dates_the_others_to():
    pct = {"metric": "percent_change", "unit": "percent", "subject": "Nasdaq Composite"}
    facts = _frame([
        _fact("jan", "cnn", _t(1, 27, 22), -3.1, -3.15, -3.05, refers_to="2025-01-27 close", **pct),
        # an April 16 wrap: Nvidia's move is dated, the Nasdaq's 3.1% is not, and it is not January's
        _fact("nvda", "cnbc", _t(4, 16, 21), -6.9, -6.95, -6.85, metric="percent_change", unit="percent",
              subject="Nvidia", refers_to="2025-04-16 close", article="a-apr"),
        _fact("apr", "cnbc", _t(4, 16, 21), -3.1, -3.15, -3.05, article="a-apr", span=80, **pct),
        # a next-day piece recapping Monday's fall does not date Tuesday's rebound to Monday
        _fact("mon", "chosun", _t(1, 28, 22), -3.07, -3.075, -3.065, refers_to="2025-01-27", article="a-tue",
              **pct),
        _fact("tue", "chosun", _t(1, 28, 22), 2.03, 2.025, 2.035, article="a-tue", span=60, **pct),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["apr"] == "2025-04-16"
    assert event["tue"] != "2025-01-27"
    assert not any("apr" in r or "tue" in r for r in disc[["fact_id_a", "fact_id_b"]].rows())


def test_an_undated_report_takes_the_nearby_event_its_value_is_of_and_accounts_amounts_are_recalled():
    mv = {"metric": "market_value_change", "subject": "Nvidia"}
    rev = {"metric": "revenue", "subject": "Nvidia", "scope": "in data center"}
    facts = _frame([
        _fact("mon", "cnn", _t(1, 27, 22), 589e9, 588.5e9, 589.5e9, refers_to="2025-01-27", **mv),
        _fact("tue", "reuters", _t(1, 28, 21), 260e9, 250e9, 270e9, qualifier="approx", refers_to="2025-01-28",
              article="a-tue", **mv),
        # "... of the $589 billion in stock market value they lost a day earlier", Tuesday's story
        _fact("retold", "reuters", _t(1, 28, 21), 589e9, 588.5e9, 589.5e9, article="a-tue", span=60, **mv),
        _fact("q1", "hankyung", _t(5, 29), 39.1e9, 39.05e9, 39.15e9, refers_to="2025-02/2025-04", **rev),
        # the same amount weeks later with no quarter named
        _fact("later", "wapo", _t(6, 20), 39.1e9, 39.05e9, 39.15e9, **rev),
    ])
    obs, _ = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["retold"] == "2025-01-27"
    assert event["later"] == event["q1"] == "2025-02/2025-04"


def test_a_rounding_in_between_does_not_hide_a_disagreement():
    pct = {"metric": "percent_change", "unit": "percent", "refers_to": "2025-01-27"}
    rows = [
        _fact("cnbc", "cnbc", _t(1, 27, 21), -16.97, -16.975, -16.965, **pct),
        _fact("reuters", "reuters", _t(1, 27, 22), -16.97, -16.975, -16.965, **pct),
        _fact("ap", "ap", _t(1, 28, 1), -17.0, -17.5, -16.5, **pct),  # a rounding of both
        _fact("news1", "news1", _t(1, 28, 3), -16.86, -16.865, -16.855, **pct),
    ]
    obs, disc = build_observations(_frame(rows))
    assert obs.filter(pl.col("fact_id") == "news1")["relation_to_previous"].item() == "rounding"
    pairs = {(r["fact_id_a"], r["fact_id_b"]) for r in disc.iter_rows(named=True)}
    assert pairs == {("reuters", "news1")}
    # one stray value nobody else gave is not held against every later report
    rows = [
        _fact("odd", "blog", _t(1, 27, 21), -12.0, -12.005, -11.995, **pct),
        _fact("ap", "ap", _t(1, 28, 1), -17.0, -17.5, -16.5, **pct),
        _fact("cnbc", "cnbc", _t(1, 28, 2), -16.97, -16.975, -16.965, **pct),
    ]
    obs, disc = build_observations(_frame(rows))
    assert {(r["fact_id_a"], r["fact_id_b"]) for r in disc.iter_rows(named=True)} == {("odd", "ap")}


def test_a_bound_met_by_the_last_report_can_contradict_an_earlier_bound():
    chips = {"metric": "chip_count", "unit": "chips", "subject": "DeepSeek", "chip": "H100"}
    rows = [
        _fact("cnbc", "cnbc", _t(1, 28), 50000.0, 50000.0, None, qualifier="more_than", **chips),
        _fact("mk", "mk", _t(1, 31), 50000.0, 45000.0, 55000.0, qualifier="approx", **chips),
        _fact("reuters", "reuters", _t(6, 23), 50000.0, 0.0, 50000.0, qualifier="less_than", **chips),
    ]
    obs, disc = build_observations(_frame(rows))
    assert obs.filter(pl.col("fact_id") == "reuters")["relation_to_previous"].item() == "bound"
    assert {(r["fact_id_a"], r["fact_id_b"]) for r in disc.iter_rows(named=True)} == {("cnbc", "reuters")}
