"""Corrections: a later version of an article that changes a figure corrects that figure.

Between consecutive versions of one article, a claim (``core.facts.claim_key``) whose values differ is a
correction: each value the later version no longer states is paired with a value it newly states (same
``refers_to`` first, then in text order). Both figures stay observations; the old one gets
``superseded_at`` (when the correcting version appeared) and the new one ``corrects_fact_id``.

A correction note ("Correction: An earlier version of this story misstated the loss. It was $589
billion.", "정정: ...") is read as the new value of the figure it corrects: in the note's paragraph the last
figure of a claim is the new value (it takes the event of the figure it corrects when it states none), and
any earlier figure of that claim in the note is the old value quoted, which is no report at all. The note
is recognised by its paragraph (``paragraph_head``: the paragraph's text before the figure, from the
warehouse), never by the extractor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

import polars as pl

# A paragraph that is a correction note: it opens with the word, or says what an earlier version said.
CORRECTION_NOTE = re.compile(
    r"^\W*(corrections?|clarification|editor[’']s note|정정|바로잡습니다|알려드립니다)\b"
    r"|\ban earlier version of this\b|이전 기사|기사에서 .{0,40}잘못",
    re.IGNORECASE,
)

LINK_SCHEMA = {"fact_id": pl.String, "corrects_fact_id": pl.String, "superseded_fact_id": pl.String,
               "superseded_at": pl.Datetime("us", "UTC")}


def is_correction_note(paragraph: str | None) -> bool:
    """Whether a paragraph (or its beginning) is a correction note."""
    return bool(paragraph) and CORRECTION_NOTE.search(paragraph) is not None


def read_notes(facts: pl.DataFrame) -> pl.DataFrame:
    """``facts`` without the old values a correction note quotes, and with the note's new value dated like
    the figure of its claim that the same version states (when the note states no date)."""
    if facts.is_empty() or "paragraph_head" not in facts.columns:
        return facts
    note = pl.col("paragraph_head").str.contains("(?i)" + CORRECTION_NOTE.pattern).fill_null(False)
    df = facts.with_columns(note.alias("_note"), pl.int_range(pl.len()).alias("_row"))
    notes = df.filter(pl.col("_note") & pl.col("value").is_not_null())
    if notes.is_empty():
        return facts
    # In a note, every figure of a claim but the last is the old value it quotes.
    last = notes.group_by("article_id", "version", "claim_key").agg(pl.col("span_start").max().alias("_last"))
    quoted = notes.join(last, on=["article_id", "version", "claim_key"]).filter(
        pl.col("span_start") < pl.col("_last")).select("_row")
    df = df.join(quoted.with_columns(pl.lit(True).alias("_quoted")), on="_row", how="left").filter(
        pl.col("_quoted").is_null())
    if "refers_to" in df.columns:
        # The note's figure takes the date of the body's figure of the same claim and value in its version.
        dated = df.filter(~pl.col("_note") & pl.col("refers_to").is_not_null()).group_by(
            "article_id", "version", "claim_key", "value").agg(pl.col("refers_to").first().alias("_body_date"))
        df = df.join(dated, on=["article_id", "version", "claim_key", "value"], how="left").with_columns(
            pl.when(pl.col("_note") & pl.col("refers_to").is_null()).then(pl.col("_body_date"))
            .otherwise(pl.col("refers_to")).alias("refers_to")).drop("_body_date")
    return df.sort("_row").drop("_note", "_row", "_quoted")


def correction_links(facts: pl.DataFrame, observed_at: dict[tuple[str, int], datetime]) -> pl.DataFrame:
    """Per corrected figure: ``fact_id`` of the new figure, ``corrects_fact_id`` the old one (the first
    report of that value in the article, which is its observation), and the old one's ``superseded_at``.

    ``facts``: the reports (one per figure, notes read), with article_id, version, claim_key, value,
    qualifier, span_start, fact_id, refers_to. ``observed_at``: (article_id, version) -> report time.
    """
    if facts.is_empty() or facts.filter(pl.col("version") > 1).is_empty():
        return pl.DataFrame(schema=LINK_SCHEMA)
    multi = facts.filter(pl.col("version") > 1).select("article_id").unique()
    cols = ["article_id", "version", "claim_key", "value", "qualifier", "span_start", "fact_id", "refers_to"]
    rows = (facts.join(multi, on="article_id")
            .select([c if c in facts.columns else pl.lit(None, dtype=pl.String).alias(c) for c in cols])
            .sort("article_id", "version", "span_start").iter_rows())
    by_version: dict[str, dict[int, dict[str, list[tuple]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    first_of: dict[tuple, str] = {}
    for aid, version, key, value, qualifier, _span, fid, refers in rows:
        by_version[aid][version][key].append((value, qualifier, fid, refers))
        first_of.setdefault((aid, key, value, qualifier), fid)
    out: list[tuple[str, str, str, datetime | None]] = []
    for aid, versions in by_version.items():
        order = sorted(versions)
        for before, after in zip(order, order[1:], strict=False):
            old_claims, new_claims = versions[before], versions[after]
            for key in old_claims.keys() & new_claims.keys():
                old, new = old_claims[key], new_claims[key]
                old_vals = {(v, q) for v, q, _, _ in old}
                new_vals = {(v, q) for v, q, _, _ in new}
                removed = _distinct([f for f in old if (f[0], f[1]) not in new_vals])
                added = _distinct([f for f in new if (f[0], f[1]) not in old_vals])
                for o, n in _pairs(removed, added):
                    old_id = first_of[(aid, key, o[0], o[1])]
                    out.append((n[2], old_id, old_id, observed_at.get((aid, after))))
    if not out:
        return pl.DataFrame(schema=LINK_SCHEMA)
    return pl.DataFrame(out, schema=LINK_SCHEMA, orient="row")


def _distinct(figs: list[tuple]) -> list[tuple]:
    """One figure per value (the first in the text), as ``observations.first_reports`` keeps them."""
    seen: set[tuple] = set()
    out = []
    for f in figs:
        if (f[0], f[1]) not in seen:
            seen.add((f[0], f[1]))
            out.append(f)
    return out


def _pairs(removed: list[tuple], added: list[tuple]) -> list[tuple[tuple, tuple]]:
    """Old and new values paired: the same stated date first, then in text order."""
    pairs = []
    rest_new = list(added)
    rest_old = []
    for o in removed:
        match = next((n for n in rest_new if o[3] is not None and n[3] == o[3]), None)
        if match is None:
            rest_old.append(o)
        else:
            pairs.append((o, match))
            rest_new.remove(match)
    pairs.extend(zip(rest_old, rest_new, strict=False))
    return pairs
