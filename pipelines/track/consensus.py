"""Who is right: per claim, the value range the most independent outlets agree on, and each report against it.

**Who votes.** One outlet is one vote, however many times it reported the claim: its vote is the union of
its reports' intervals (``value_low``/``value_high``, bounds included: "less than $6 million" supports $5.6
million), so an outlet repeating itself adds nothing, and an outlet that reported two values supports each
once. A figure superseded by a later version of its article (``superseded_at``) does not vote, nor does a
report that cites another outlet's report (``cites_fact_id``, where the warehouse links citations).
``is_recitation`` alone does not take a vote away: it marks every report whose value another outlet
reported earlier, i.e. every agreeing report after the first, so discounting it would leave each consensus
at one outlet (the Nvidia close, $118.42 by CNN and News1 against $118.51 by The New York Times, would be a
one-to-one tie).

**The range.** The consensus is the range covered by the most outlets' votes (a sweep over the interval
ends, linear after sorting; intervals that only touch do not meet), its ``support`` the number of outlets
covering it. ``basis`` says how far it goes: ``unanimous`` (every voting outlet's vote meets it),
``majority`` (more outlets than on any other range) or ``tie`` (another range has as many outlets: the range
given is the one of the claim's latest voting report, the newest information, so a claim with one conflict
still has a consensus range, but no side of the tie is called wrong for it).

**Each report** (``consensus``): ``agrees`` (meets the range), ``unit_error`` (disjoint from it by a factor
near a power of ten: against a representative agreeing report, or in a tie against the claim's original,
first, report; a tie is settled by the latest report that is no such slip), ``outlier`` (disjoint
otherwise; in a tie: outside every tied range, so fewer outlets than either side) or ``no_consensus`` (on
one side of a tie).
"""

from __future__ import annotations

import polars as pl

from pipelines.extract.intervals import BOUND_QUALIFIERS
from pipelines.track.relations import UNIT_ERROR_LOG_TOL

LABELS = ("agrees", "outlier", "unit_error", "no_consensus")
BASES = ("unanimous", "majority", "tie")
CONSENSUS_COLUMNS = ["claim_key", "consensus_low", "consensus_high", "consensus_support", "consensus_basis"]
_BAD = ("outlier", "unit_error")

_KEY = "claim_key"
_OUT = "_outlet"
_C = "_c"  # the claim as a small integer: grouping on it is much cheaper than on the key's text


def _outlet() -> pl.Expr:
    return pl.coalesce("outlet", "source").alias(_OUT)


def _speaks(columns: list[str]) -> pl.Expr:
    """Whether a report votes as the third party it re-tells (see ``_voter``)."""
    if "said_by" not in columns:
        return pl.lit(False)
    return pl.col("said_by").is_not_null() & (pl.col("said_by") != pl.col("subject").fill_null(""))


def _voter(columns: list[str]) -> pl.Expr:
    """Who a report's vote belongs to: the outlet, or the third party whose claim it re-tells (``said_by``,
    when it is not the subject itself: three outlets quoting Alexandr Wang's "more than 50,000 H100 chips"
    are one source, and cannot outvote an official's "fewer than 50,000" three to one). A company's own
    figure re-told by many outlets still votes per outlet: each outlet read the company's statement."""
    if "said_by" not in columns:
        return pl.col(_OUT)
    return pl.when(_speaks(columns)).then(pl.lit("\x00") + pl.col("said_by")).otherwise(pl.col(_OUT))


def _widened_high() -> pl.Expr:
    """A point interval (low == high) gets a sliver of width so that the sweep sees it."""
    lo, hi = pl.col("value_low"), pl.col("value_high")
    return pl.when(hi > lo).then(hi).otherwise(lo + pl.max_horizontal(lo.abs() * 1e-9, pl.lit(1e-12)))


def voters(observations: pl.DataFrame) -> pl.DataFrame:
    """The reports that vote: not superseded, not citing another outlet's report."""
    df = observations.with_columns(_widened_high().alias("_hi"))
    if _OUT not in df.columns:
        df = df.with_columns(_outlet())
    keep = pl.lit(True)
    if "superseded_at" in df.columns:
        keep = keep & pl.col("superseded_at").is_null()
    if "cites_fact_id" in df.columns:
        keep = keep & pl.col("cites_fact_id").is_null()
    return df.filter(keep)


def _same_group(key: str, n: int) -> pl.Expr:
    """Whether the row ``n`` rows away (``shift(n)``) is of the same group, in a frame sorted by ``key``.
    (Shifts and running sums within groups are written with plain shifts: window functions over hundreds of
    thousands of small groups cost ten times more.)"""
    return (pl.col(key).shift(n) == pl.col(key)).fill_null(False)


def _shift_in(col: str | pl.Expr, key: str, n: int) -> pl.Expr:
    c = pl.col(col) if isinstance(col, str) else col
    return pl.when(_same_group(key, n)).then(c.shift(n))


def _cum_sum_in(col: str, key: str) -> pl.Expr:
    total = pl.col(col).cum_sum()
    start = pl.when(~_same_group(key, 1)).then(total - pl.col(col)).forward_fill()
    return total - start


def _unions(votes: pl.DataFrame) -> pl.DataFrame:
    """Per claim and outlet (``_co``), the union of its intervals: _c, lo, hi (disjoint runs)."""
    pos = votes.select(_C, "_co", pl.col("value_low").alias("lo"), pl.col("_hi").alias("hi")).sort("_co", "lo")
    # A new run starts where an interval begins at or past every earlier end of the outlet's intervals.
    running = pos.group_by("_co", maintain_order=True).agg(pl.col("hi").cum_max().alias("_max")).explode("_max")
    pos = pos.with_columns(running["_max"])
    prev_hi = _shift_in("_max", "_co", 1)
    pos = pos.with_columns((prev_hi.is_null() | (pl.col("lo") >= prev_hi)).cum_sum().alias("_run"))
    return pos.group_by("_run").agg(pl.col(_C).first(), pl.col("lo").min(), pl.col("hi").max()).drop("_run")


def _segments(votes: pl.DataFrame) -> pl.DataFrame:
    """Per claim, the elementary ranges between interval ends, with how many outlets cover each (``ucov``)
    and how many outlets' point estimates do (``pcov``), and whether an outlet's range ends at its low end
    (``u_end``: the set of outlets changes there even when their number does not)."""
    point = ~pl.col("qualifier").is_in(list(BOUND_QUALIFIERS))
    u, p = _unions(votes), _unions(votes.filter(point))
    one, zero = pl.lit(1, dtype=pl.Int32), pl.lit(0, dtype=pl.Int32)
    events = pl.concat([
        u.select(_C, pl.col("lo").alias("x"), one.alias("du"), zero.alias("dp")),
        u.select(_C, pl.col("hi").alias("x"), (-one).alias("du"), zero.alias("dp")),
        p.select(_C, pl.col("lo").alias("x"), zero.alias("du"), one.alias("dp")),
        p.select(_C, pl.col("hi").alias("x"), zero.alias("du"), (-one).alias("dp")),
    ])
    at = events.group_by(_C, "x").agg(
        pl.col("du").sum(), pl.col("dp").sum(), (pl.col("du") < 0).any().alias("u_end")).sort(_C, "x")
    at = at.with_columns(
        _cum_sum_in("du", _C).alias("ucov"),
        _cum_sum_in("dp", _C).alias("pcov"),
        _shift_in("x", _C, -1).alias("hi"),
    )
    return at.filter(pl.col("hi").is_not_null()).select(_C, pl.col("x").alias("lo"), "hi", "ucov", "pcov",
                                                        "u_end")


def _meets(lo: pl.Expr, hi: pl.Expr) -> pl.Expr:
    return (pl.col("value_low") < hi) & (pl.col("_hi") > lo)


def _runs(segments: pl.DataFrame, best: pl.Expr, split: pl.Expr, name: str) -> pl.DataFrame:
    """The segments where ``best`` holds, numbered (``name``) by contiguous run; a run also ends where
    ``split`` holds at a segment's low end."""
    prev_best = _shift_in(best, _C, 1).fill_null(False)
    prev_hi = _shift_in("hi", _C, 1)
    new = best & (~prev_best | (prev_hi != pl.col("lo")).fill_null(True) | split)
    return segments.with_columns(best.alias("_best"), new.cum_sum().alias(name)).filter(pl.col("_best"))


def _pick(runs: pl.DataFrame, latest: pl.DataFrame, name: str) -> pl.DataFrame:
    """Per claim, the hull of the run that meets the claim's latest voting report (else the lowest run)."""
    hull = runs.group_by(_C, name).agg(pl.col("lo").min(), pl.col("hi").max())
    hull = hull.join(latest, on=_C).with_columns(
        ((pl.col("_l_lo") < pl.col("hi")) & (pl.col("_l_hi") > pl.col("lo"))).alias("_has_latest"))
    return hull.sort(_C, "_has_latest", "lo", descending=[False, True, False]).group_by(
        _C, maintain_order=True).first().drop("_has_latest", "_l_lo", "_l_hi")


def claim_consensus(observations: pl.DataFrame) -> pl.DataFrame:
    """One row per claim: ``CONSENSUS_COLUMNS`` plus what the labels and explanations use (the tied ranges
    ``_tie_lo``/``_tie_hi``, the agreeing outlets ``_outlets``, a representative agreeing report ``_rep_*``
    and the claim's original report ``_orig_*``)."""
    if observations.is_empty():
        return pl.DataFrame(schema={
            _KEY: pl.String, "consensus_low": pl.Float64, "consensus_high": pl.Float64,
            "consensus_support": pl.Int32, "consensus_basis": pl.String})
    claims = observations.select(_KEY).unique().with_columns(pl.col(_KEY).rank("dense").cast(pl.UInt32).alias(_C))
    obs = observations.join(claims, on=_KEY).with_columns(_outlet())
    obs = obs.with_columns(
        (pl.col(_C).cast(pl.UInt64) * (1 << 24) + _voter(obs.columns).rank("dense")).alias("_co"))
    votes = voters(obs)
    segments = _segments(votes)
    orig = obs.sort(_C, "report_seq").group_by(_C, maintain_order=True).first()
    orig = orig.select(_C, pl.col("value").alias("_orig_value"), pl.col("surface").alias("_orig_surface"),
                       pl.col(_OUT).alias("_orig_outlet"), pl.col("observed_at").alias("_orig_at"),
                       pl.col("fact_id").alias("_orig_fact_id"))
    # A tie is settled by the latest report that is no power-of-ten slip of the original one.
    plausible = votes.join(orig.select(_C, "_orig_value"), on=_C).with_columns(
        _slip(pl.col("value"), pl.col("_orig_value")).alias("_slipped"))
    latest = plausible.sort(_C, ~pl.col("_slipped"), "report_seq").group_by(_C, maintain_order=True).last().select(
        _C, pl.col("value_low").alias("_l_lo"), pl.col("_hi").alias("_l_hi"))
    # Regions: contiguous ranges covered by the most outlets (the same outlets throughout).
    regions = _runs(segments, pl.col("ucov") == pl.col("ucov").max().over(_C), pl.col("u_end"), "_region")
    n_outlets = votes.group_by(_C).agg(pl.col("_co").n_unique().alias("_n_outlets"),
                                       _speaks(votes.columns).any().alias("_by_speaker"))
    hulls = regions.group_by(_C, "_region").agg(pl.col("lo").min(), pl.col("hi").max(), pl.col("ucov").first())
    ties = hulls.group_by(_C).agg(pl.col("lo").alias("_tie_lo"), pl.col("hi").alias("_tie_hi"),
                                    pl.len().alias("_n_regions"), pl.col("ucov").first().alias("_support"))
    region = _pick(regions, latest, "_region").select(_C, "_region")
    # Within the region, the part the most outlets' point estimates cover ("less than $6 million" and
    # "$5.6 million": the range of the point estimate).
    inside = regions.join(region, on=[_C, "_region"]).drop("_best").sort(_C, "lo")
    best = _runs(inside, pl.col("pcov") == pl.col("pcov").max().over(_C), pl.lit(False), "_part")
    chosen = _pick(best, latest, "_part").join(ties, on=_C).join(n_outlets, on=_C)
    chosen = chosen.with_columns(
        pl.when(pl.col("_n_regions") > 1).then(pl.lit("tie"))
        .when(pl.col("_support") == pl.col("_n_outlets")).then(pl.lit("unanimous"))
        .otherwise(pl.lit("majority")).alias("consensus_basis"),
    ).select(_C, pl.col("lo").alias("consensus_low"), pl.col("hi").alias("consensus_high"),
             pl.col("_support").cast(pl.Int32).alias("consensus_support"), "consensus_basis", "_tie_lo", "_tie_hi",
             "_by_speaker")
    agreeing = votes.join(chosen.select(_C, "consensus_low", "consensus_high"), on=_C).filter(
        _meets(pl.col("consensus_low"), pl.col("consensus_high")))
    rep = agreeing.sort(_C, pl.col("qualifier").is_in(list(BOUND_QUALIFIERS)), "report_seq").group_by(
        _C, maintain_order=True).agg(
        pl.col("value").first().alias("_rep_value"), pl.col("surface").first().alias("_rep_surface"),
        pl.col(_OUT).unique().sort().alias("_outlets"))
    out = chosen.join(rep, on=_C, how="left").join(orig, on=_C, how="left")
    return out.join(claims, on=_C).drop(_C).select(_KEY, pl.exclude(_KEY))


def _slip(value: pl.Expr, ref: pl.Expr) -> pl.Expr:
    """A factor near a power of ten (not 1) between two positive values (as ``relations.is_power_of_ten_slip``)."""
    exponent = (value / ref).log10()
    k = exponent.round(0)
    return (value > 0) & (ref > 0) & (k != 0) & ((exponent - k).abs() < UNIT_ERROR_LOG_TOL)


def label_observations(observations: pl.DataFrame, consensus: pl.DataFrame | None = None) -> pl.DataFrame:
    """``observations`` with ``consensus``: agrees, outlier, unit_error or no_consensus (see the module)."""
    if observations.is_empty():
        return observations.with_columns(pl.lit(None, dtype=pl.String).alias("consensus"))
    cons = claim_consensus(observations) if consensus is None else consensus
    if "consensus" in observations.columns:
        observations = observations.drop("consensus")
    df = observations.with_columns(_widened_high().alias("_hi"), pl.int_range(pl.len()).alias("_row")).join(
        cons.select(_KEY, "consensus_low", "consensus_high", "consensus_basis", "_tie_lo", "_tie_hi",
                    "_rep_value", "_orig_value", "_orig_fact_id").rename(
            {"consensus_low": "_c_lo", "consensus_high": "_c_hi"}),
        on=_KEY, how="left")
    tie = pl.col("consensus_basis") == "tie"
    in_tie = (
        df.filter(tie).select("_row", "value_low", "_hi", "_tie_lo", "_tie_hi").explode("_tie_lo", "_tie_hi")
        .filter(_meets(pl.col("_tie_lo"), pl.col("_tie_hi"))).select("_row").unique()
        .with_columns(pl.lit(True).alias("_in_tie"))
    )
    df = df.join(in_tie, on="_row", how="left")
    ref = pl.when(tie).then(pl.col("_orig_value")).otherwise(pl.col("_rep_value"))
    slipped = _slip(pl.col("value"), ref) & (pl.col("fact_id") != pl.col("_orig_fact_id"))
    label = (
        pl.when(~tie & _meets(pl.col("_c_lo"), pl.col("_c_hi"))).then(pl.lit("agrees"))
        .when(slipped).then(pl.lit("unit_error"))
        .when(tie & pl.col("_in_tie").fill_null(False)).then(pl.lit("no_consensus"))
        .otherwise(pl.lit("outlier"))
    )
    return df.sort("_row").with_columns(label.alias("consensus")).select(*observations.columns, "consensus")


_FOLD = {1: "tenfold", 2: "hundredfold", 3: "thousandfold"}


def _fold(ratio: pl.Expr) -> pl.Expr:
    k = ratio.abs().log10().abs().round(0).cast(pl.Int64)
    return pl.when(k <= 3).then(k.replace_strict(_FOLD, default="tenfold", return_dtype=pl.String)).otherwise(
        pl.format("10^{}-fold", k))


def judge_discrepancies(discrepancies: pl.DataFrame, observations: pl.DataFrame,
                        consensus: pl.DataFrame | None = None) -> pl.DataFrame:
    """``discrepancies`` with ``likely_wrong`` (a, b, both, or NULL when the reports do not decide) and
    ``why``, from the observations' ``consensus`` labels and the claim's consensus."""
    if discrepancies.is_empty():
        return discrepancies.with_columns(pl.lit(None, dtype=pl.String).alias("likely_wrong"),
                                          pl.lit(None, dtype=pl.String).alias("why"))
    cons = claim_consensus(observations) if consensus is None else consensus
    labels = observations.select("fact_id", "consensus")
    df = (discrepancies.with_columns(pl.int_range(pl.len()).alias("_row"))
          .join(labels.rename({"fact_id": "fact_id_a", "consensus": "_la"}), on="fact_id_a", how="left")
          .join(labels.rename({"fact_id": "fact_id_b", "consensus": "_lb"}), on="fact_id_b", how="left")
          .join(cons.select(_KEY, "consensus_support", "consensus_basis", "_rep_surface", "_outlets",
                            "_orig_outlet", "_orig_at", "_orig_surface",
                            *(["_by_speaker"] if "_by_speaker" in cons.columns else [])), on=_KEY, how="left")
          .sort("_row"))
    bad_a, bad_b = pl.col("_la").is_in(_BAD), pl.col("_lb").is_in(_BAD)
    wrong = (pl.when(bad_a & bad_b).then(pl.lit("both")).when(bad_a).then(pl.lit("a"))
             .when(bad_b).then(pl.lit("b")).otherwise(pl.lit(None, dtype=pl.String)))
    n = pl.col("consensus_support")
    # votes are outlets, unless some report re-tells a third party's claim: then they are sources
    noun = pl.when(pl.col("_by_speaker").fill_null(False) if "_by_speaker" in df.columns else pl.lit(False)).then(
        pl.lit("source")).otherwise(pl.lit("outlet"))
    plural = pl.format("{}{}", noun, pl.when(n == 1).then(pl.lit("")).otherwise(pl.lit("s")))
    against_outlets = pl.format("{}: {}", pl.col("_outlets").list.join(", "), pl.col("_rep_surface"))
    against_consensus = pl.format("the consensus of {} {} ({})", n, plural, against_outlets)
    against_original = pl.format(
        "the original source ({}, {}: {})", pl.col("_orig_outlet"), pl.col("_orig_at").dt.strftime("%Y-%m-%d"),
        pl.col("_orig_surface"))
    against = pl.when(pl.col("consensus_basis") == "tie").then(against_original).otherwise(against_consensus)

    def side(s: str, label: str) -> pl.Expr:
        who = pl.format("{}'s {}", pl.col(f"outlet_{s}").fill_null(pl.col(f"source_{s}")), pl.col(f"surface_{s}"))
        return (pl.when(pl.col(label) == "unit_error").then(pl.format("{} is a {} error against {}", who,
                                                                        _fold(pl.col("ratio")), against))
                .when(pl.col("consensus_basis") == "tie").then(pl.format(
                    "{} is outside every range that {} {} report (tied; one is {})", who, n, plural,
                    against_outlets))
                .otherwise(pl.format("{} is outside {}", who, against_consensus)))

    why = (
        pl.when(bad_a & bad_b).then(pl.format("neither {} nor {} is within {}", pl.col("surface_a"),
                                              pl.col("surface_b"), against_consensus))
        .when(bad_a).then(side("a", "_la"))
        .when(bad_b).then(side("b", "_lb"))
        .when(pl.col("consensus_basis") == "tie").then(pl.format(
            "no consensus: as many {}s ({} each) report a value on either side", noun, n))
        .otherwise(pl.format("undecided: both meet {}", against_consensus))
    )
    return df.with_columns(wrong.alias("likely_wrong"), why.alias("why")).select(
        *discrepancies.columns, "likely_wrong", "why")
