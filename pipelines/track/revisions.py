"""Article versions and what changed between them.

A page whose normalized body equals the latest version's is no new version: whitespace, share counts and
timestamps outside the body never make one. Between consecutive versions we count characters added and
removed (a word-level diff) and compare their facts by claim.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict

import polars as pl

from pipelines.records import Revision, columns, polars_schema
from pipelines.track.corrections import is_correction_note

_WS = re.compile(r"\s+")
_TOKENS = re.compile(r"\S+")

REVISION_COLUMNS = columns(Revision)


def normalized_body(text: str) -> str:
    """The body as compared between fetches: whitespace collapsed."""
    return _WS.sub(" ", text).strip()


def body_hash(text: str) -> str:
    return hashlib.sha256(normalized_body(text).encode("utf-8")).hexdigest()


def char_diff(old: str, new: str) -> tuple[int, int]:
    """(chars_added, chars_removed) between two bodies, by a diff over words."""
    a, b = _TOKENS.findall(normalized_body(old)), _TOKENS.findall(normalized_body(new))
    added = removed = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed += sum(len(t) for t in a[i1:i2])
        if op in ("replace", "insert"):
            added += sum(len(t) for t in b[j1:j2])
    return added, removed


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}"


def correction_note(old: str, new: str) -> str | None:
    """The correction note paragraphs the new body adds (joined by a blank line), or None."""
    before = {normalized_body(p) for p in old.split("\n")}
    notes = [normalized_body(p) for p in new.split("\n")
             if p.strip() and is_correction_note(p) and normalized_body(p) not in before]
    return "\n\n".join(notes) or None


def build_revisions(articles: pl.DataFrame, facts: pl.DataFrame,
                    observations: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per pair of consecutive versions of an article.

    ``articles``: article_id, version, source, canonical_url, headline, body_text, fetched_at.
    ``facts``: article_id, version, claim_key, value, surface.
    ``observations`` (optional): article_id, version, claim_key, corrects_fact_id: the claims each version
    corrected (``changed_claims``).
    """
    full_schema = polars_schema(Revision)
    multi = articles.filter(pl.col("version") > 1).select("article_id").unique()
    if multi.is_empty():
        return pl.DataFrame(schema=full_schema)
    versions = articles.join(multi, on="article_id").sort(["article_id", "version"])
    fact_map: dict[tuple[str, int], list[tuple[str, float, str]]] = defaultdict(list)
    for r in facts.join(multi, on="article_id").iter_rows(named=True):
        fact_map[(r["article_id"], r["version"])].append((r["claim_key"], r["value"], r["surface"]))
    corrected: dict[tuple[str, int], set[str]] = defaultdict(set)
    if observations is not None and not observations.is_empty() and "corrects_fact_id" in observations.columns:
        for aid, version, key in observations.filter(pl.col("corrects_fact_id").is_not_null()).select(
                "article_id", "version", "claim_key").iter_rows():
            corrected[(aid, version)].add(key)
    rows = []
    prev = None
    for cur in versions.iter_rows(named=True):
        if prev is not None and prev["article_id"] == cur["article_id"]:
            added, removed = char_diff(prev["body_text"], cur["body_text"])
            old_f = fact_map[(prev["article_id"], prev["version"])]
            new_f = fact_map[(cur["article_id"], cur["version"])]
            old_keys = {(k, v) for k, v, _ in old_f}
            new_keys = {(k, v) for k, v, _ in new_f}
            old_by_claim = defaultdict(set)
            new_by_claim = defaultdict(set)
            for k, v, _ in old_f:
                old_by_claim[k].add(v)
            for k, v, _ in new_f:
                new_by_claim[k].add(v)
            changed_claims = {k for k in old_by_claim.keys() & new_by_claim.keys()
                              if old_by_claim[k] != new_by_claim[k]}
            rows.append({
                "article_id": cur["article_id"], "source": cur["source"], "url": cur["canonical_url"],
                "from_version": prev["version"], "to_version": cur["version"], "detected_at": cur["fetched_at"],
                "headline_changed": (prev["headline"] or "") != (cur["headline"] or ""),
                "chars_added": added, "chars_removed": removed,
                "facts_added": sorted({s for k, v, s in new_f if (k, v) not in old_keys and k not in changed_claims}),
                "facts_removed": sorted({s for k, v, s in old_f if (k, v) not in new_keys and k not in changed_claims}),
                "facts_changed": sorted(
                    f"{k}: {', '.join(_fmt(v) for v in sorted(old_by_claim[k] - new_by_claim[k]))} -> "
                    f"{', '.join(_fmt(v) for v in sorted(new_by_claim[k] - old_by_claim[k]))}"
                    for k in changed_claims
                ),
                "changed_claims": sorted(corrected[(cur["article_id"], cur["version"])]),
                "correction_note": correction_note(prev["body_text"], cur["body_text"]),
            })
        prev = cur
    return pl.DataFrame(rows, schema=full_schema)
