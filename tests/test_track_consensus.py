"""Who is right (consensus per claim, each report against it) and corrections, from hand-made facts."""

from datetime import UTC, datetime

import polars as pl

from pipelines.track import build_observations, build_revisions, build_timeline, claim_key
from tests.test_track_observations import fact, frame

PRICE = claim_key("Nvidia", "share_price", None, "USD")
LOSS = claim_key("Nvidia", "market_value_change", None, "USD")


def _by_fact(obs: pl.DataFrame, column: str) -> dict:
    return dict(zip(obs["fact_id"], obs[column], strict=True))


def test_two_outlets_against_one_name_the_one_as_likely_wrong():
    facts = frame([
        fact("cnn", "cnn", 27, 118.42, 118.415, 118.43, surface="$118.42", key=PRICE),
        fact("nyt", "nyt", 27, 118.51, 118.505, 118.52, surface="$118.51", key=PRICE, span=1),
        fact("n1", "news1", 28, 118.42, 118.415, 118.43, surface="118.42달러", key=PRICE, span=2),
    ])
    obs, disc = build_observations(facts)
    assert _by_fact(obs, "consensus") == {"cnn": "agrees", "nyt": "outlier", "n1": "agrees"}
    row = build_timeline(obs).row(0, named=True)
    assert (row["consensus_low"], row["consensus_high"]) == (118.415, 118.43)
    assert row["consensus_support"] == 2 and row["consensus_basis"] == "majority"
    # Both pairs blame the New York Times, whichever side it is on.
    blamed = {r["fact_id_a"] if r["likely_wrong"] == "a" else r["fact_id_b"] for r in disc.iter_rows(named=True)}
    assert blamed == {"nyt"}
    assert all("2 outlets (cnn, news1: $118.42)" in w for w in disc["why"])


def test_an_outlet_repeating_itself_is_one_vote():
    facts = frame([
        fact("a", "cnn", 20, 118.42, 118.415, 118.43, key=PRICE),
        fact("b", "nyt", 21, 118.51, 118.505, 118.52, key=PRICE),
        fact("c", "nyt", 22, 118.51, 118.505, 118.52, key=PRICE),
        fact("d", "nyt", 23, 118.51, 118.505, 118.52, key=PRICE),
    ])
    obs, disc = build_observations(facts)
    row = build_timeline(obs).row(0, named=True)
    assert row["consensus_basis"] == "tie" and row["consensus_support"] == 1
    assert set(obs["consensus"]) == {"no_consensus"}
    assert disc["likely_wrong"].to_list() == [None]
    assert disc["why"].item().startswith("no consensus")


def test_one_conflict_still_has_a_consensus_range():
    # one outlet against one: a tie, but the range is never NULL (the latest report's)
    facts = frame([
        fact("more", "news1", 2, 50_000, 50_000, float("inf"), "at_least", key="D|chip_count|H100|chips"),
        fact("fewer", "nyt", 20, 50_000, 0, 50_000, "less_than", key="D|chip_count|H100|chips"),
    ])
    obs, disc = build_observations(facts)
    row = build_timeline(obs).row(0, named=True)
    assert (row["consensus_low"], row["consensus_high"]) == (0, 50_000)
    assert row["consensus_basis"] == "tie"
    assert disc.height == 1 and disc["likely_wrong"].item() is None


def test_consensus_is_the_point_estimate_inside_the_bounds_and_a_slip_is_a_unit_error():
    facts = frame([
        fact("cnn1", "cnn", 27, 5.6e6, 5.55e6, 5.7e6, surface="$5.6 million"),
        fact("cnnb", "cnn", 28, 6e6, 0, 6e6, "less_than", surface="less than $6 million"),
        fact("n1b", "news1", 27, 6e6, 0, 6e6, "less_than", surface="600만 달러 미만"),
        fact("n1a", "news1", 27, 5_576_000, 5_575_500, 5_577_000, article="a-n1b", span=5,
             surface="557만6000달러"),
        fact("n1x", "news1", 29, 55_760_000, 55_755_000, 55_770_000, surface="5576만 달러"),
    ])
    obs, disc = build_observations(facts)
    row = build_timeline(obs).row(0, named=True)
    assert (row["consensus_low"], row["consensus_high"]) == (5_575_500, 5_577_000)
    assert row["consensus_support"] == 2
    assert _by_fact(obs, "consensus")["n1x"] == "unit_error"
    assert {v for k, v in _by_fact(obs, "consensus").items() if k != "n1x"} == {"agrees"}
    assert disc.height == 1 and disc["likely_wrong"].item() == "b"
    assert "tenfold error against the consensus of 2 outlets" in disc["why"].item()


def test_in_a_tie_a_tenfold_slip_is_judged_against_the_original_source():
    facts = frame([
        fact("cnn", "cnn", 27, 5.6e6, 5.55e6, 5.7e6, surface="$5.6 million"),
        fact("n1x", "news1", 29, 55.76e6, 55.755e6, 55.77e6, surface="5576만 달러"),
    ])
    obs, disc = build_observations(facts)
    assert _by_fact(obs, "consensus") == {"cnn": "no_consensus", "n1x": "unit_error"}
    row = build_timeline(obs).row(0, named=True)
    assert row["consensus_basis"] == "tie" and row["consensus_low"] == 5.55e6  # not the slip's range
    assert disc["likely_wrong"].item() == "b"
    assert "tenfold error against the original source (cnn, 2025-01-27: $5.6 million)" in disc["why"].item()


def _corrected_article(note: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    t1, t2 = datetime(2025, 1, 27, 21, tzinfo=UTC), datetime(2025, 1, 28, 1, tzinfo=UTC)
    body1 = "Nvidia lost $593 billion on Monday."
    body2 = "Nvidia lost $589 billion on Monday.\n\n" + note
    rows = [
        fact("v1", "cnn", 27, 593e9, 592.5e9, 594e9, article="art", surface="$593 billion", key=LOSS),
        fact("v2", "cnn", 27, 589e9, 588.5e9, 590e9, article="art", version=2, surface="$589 billion", key=LOSS),
        fact("n1", "news1", 28, 589e9, 587e9, 591e9, "approx", surface="약 5890억 달러", key=LOSS),
    ]
    heads = {"v1": "Nvidia lost ", "v2": "Nvidia lost ", "n1": ""}
    for i, (surface, value) in enumerate(_note_figures(note)):
        fid = f"note{i}"
        rows.append(fact(fid, "cnn", 27, value, value - 0.5e9, value + 1e9, article="art", version=2,
                         surface=surface, span=100 + i * 40, key=LOSS))
        heads[fid] = note[:note.index(surface)]
    for r in rows:
        r["paragraph_head"] = heads[r["fact_id"]]
        r["refers_to"] = None if r["fact_id"].startswith("note") else "2025-01-27"
        if r["version"] == 2:
            r["modified_at"] = t2
            r["fetched_at"] = t2
    arts = pl.DataFrame([
        {"article_id": "art", "version": 1, "source": "cnn", "canonical_url": "u", "headline": "H",
         "body_text": body1, "fetched_at": t1},
        {"article_id": "art", "version": 2, "source": "cnn", "canonical_url": "u", "headline": "H",
         "body_text": body2, "fetched_at": t2},
    ])
    return frame(rows), arts


def _note_figures(note: str) -> list[tuple[str, float]]:
    return [(s, float(s.strip("$").split()[0]) * 1e9) for s in ("$593 billion", "$589 billion") if s in note]


def test_a_changed_figure_corrects_the_old_one_which_stays_superseded():
    facts, arts = _corrected_article("Correction: An earlier version of this story misstated the loss. "
                                     "It was $589 billion.")
    obs, _ = build_observations(facts)
    assert set(obs["fact_id"]) == {"v1", "v2", "n1"}  # the note's figure is the body's corrected one
    assert _by_fact(obs, "corrects_fact_id")["v2"] == "v1"
    superseded = _by_fact(obs, "superseded_at")
    assert superseded["v1"] == datetime(2025, 1, 28, 1, tzinfo=UTC) and superseded["v2"] is None
    # The superseded figure no longer votes: CNN and News1 agree on $589 billion.
    row = build_timeline(obs).row(0, named=True)
    assert row["consensus_basis"] == "unanimous" and row["consensus_support"] == 2
    assert row["consensus_low"] == 588.5e9
    assert _by_fact(obs, "consensus") == {"v1": "outlier", "v2": "agrees", "n1": "agrees"}
    revs = build_revisions(arts, facts.select("article_id", "version", "claim_key", "value", "surface"), obs)
    assert revs["changed_claims"].to_list() == [[obs.filter(pl.col("fact_id") == "v2")["claim_key"].item()]]
    assert revs["correction_note"].item().startswith("Correction: An earlier version")


def test_a_correction_note_quoting_the_old_value_is_no_report_of_it():
    facts, _ = _corrected_article("Correction: An earlier version of this story said Nvidia lost $593 billion. "
                                  "It was $589 billion.")
    obs, disc = build_observations(facts)
    # the note's $593 billion is the old value quoted, not version 2 still stating it
    assert "note0" not in set(obs["fact_id"])
    assert _by_fact(obs, "superseded_at")["v1"] is not None
    assert _by_fact(obs, "corrects_fact_id")["v2"] == "v1"


def test_a_correction_note_alone_is_the_new_value_of_its_claim():
    facts, _ = _corrected_article("Correction: An earlier version of this story misstated the loss. "
                                  "It was $589 billion.")
    # the body's corrected sentence is gone: the note alone states the new value
    facts = facts.filter(pl.col("fact_id") != "v2")
    obs, _ = build_observations(facts)
    assert _by_fact(obs, "corrects_fact_id")["note0"] == "v1"
    assert _by_fact(obs, "superseded_at")["v1"] is not None
    assert _by_fact(obs, "claim_key")["note0"] == _by_fact(obs, "claim_key")["v1"]


def test_an_article_without_versions_has_no_corrections():
    obs, _ = build_observations(frame([fact("a", "cnn", 27, 5.6e6, 5.55e6, 5.7e6)]))
    assert obs["superseded_at"].to_list() == [None] and obs["corrects_fact_id"].to_list() == [None]
    assert obs["consensus"].to_list() == ["agrees"]


def test_charts_take_the_unit_error_lane_from_the_warehouse_consensus():
    from pipelines.present.chart import in_unit_error_lane

    band = (5_575_500.0, 5_577_000.0)
    # the tracker's verdict decides, not the relation to the report before
    assert in_unit_error_lane({"consensus": "unit_error", "relation_to_previous": "rounding", "value": 5.576e7}, band)
    # an outlier is a disagreement, not a unit error: it stays on the main axis (ringed there)
    assert not in_unit_error_lane({"consensus": "outlier", "relation_to_previous": "conflicting", "value": 3e6},
                                  band)
    assert not in_unit_error_lane({"consensus": "agrees", "relation_to_previous": "probable_unit_error",
                                   "value": 5.6e6}, band)


def test_outlets_re_telling_one_third_partys_claim_are_one_source():
    chips = claim_key("DeepSeek", "chip_count", "H100", "chips")

    def report(fid, outlet, day, low, high, said_by, qualifier):
        row = fact(fid, outlet, day, 50000, low, high, qualifier=qualifier, unit="chips", key=chips,
                   surface=f"{qualifier} 50,000")
        return {**row, "metric": "chip_count", "chip": "H100", "said_by": said_by}

    facts = frame([
        report("cnn", "cnn", 28, 50000, float("inf"), "Alexandr Wang", "more_than"),
        report("n1", "news1", 29, 50000, float("inf"), "Alexandr Wang", "more_than"),
        report("nyt-wang", "nyt", 30, 50000, float("inf"), "Alexandr Wang", "more_than"),
        report("nyt-official", "nyt", 30, 0, 50000, None, "less_than"),
    ])
    obs, disc = build_observations(facts)
    assert _by_fact(obs, "said_by")["cnn"] == "Alexandr Wang"
    # one claim against another: no side is the consensus of three
    assert set(_by_fact(obs, "consensus").values()) == {"no_consensus"}
    row = build_timeline(obs).row(0, named=True)
    assert (row["consensus_support"], row["consensus_basis"]) == (1, "tie")
    assert disc.height >= 1 and disc["likely_wrong"].is_null().all()
    assert all(w.startswith("no consensus: as many sources (1 each)") for w in disc["why"])
    # the same reports without a named speaker: three outlets against one
    plain = frame([{**r, "said_by": None} for r in facts.to_dicts()])
    obs, disc = build_observations(plain)
    assert _by_fact(obs, "consensus")["nyt-official"] == "outlier"


def test_a_company_re_telling_its_own_figure_still_votes_per_outlet():
    facts = frame([
        {**fact("cnn", "cnn", 27, 5.6e6, 5.55e6, 5.65e6), "said_by": "DeepSeek"},
        {**fact("n1", "news1", 28, 5.576e6, 5.5755e6, 5.5765e6), "said_by": "DeepSeek"},
        {**fact("x", "digitaltoday", 29, 5.576e7, 5.5755e7, 5.5765e7), "said_by": None},
    ])
    obs, _ = build_observations(facts)
    assert _by_fact(obs, "consensus")["x"] == "unit_error"
    assert build_timeline(obs).row(0, named=True)["consensus_support"] == 2
