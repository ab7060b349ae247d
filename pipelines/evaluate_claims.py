"""How well chipwatch groups figures into claims and flags disagreements, on a labelled gold set.

The gold sets (``tests/gold/claims/*.jsonl``, one article version per line) were written and labelled by
people who did not read the extractor or the tracker: every figure of every body carries its subject,
metric, ``refers_to``, a ``claim`` id (the same quantity of the same thing for the same event, across
outlets, dates, languages and revisions; ``null`` for a figure with no subject) and an agreement ``group``
(figures of one claim that can all be true together share a group; a bound may fit several). ``dev``,
``dev2`` and ``dev3`` (each by another labeller) are the parts the rules were tuned on; ``holdout2`` (a
fresh labeller's, added once the first held-out set had been read and retired into ``dev3``) is never tuned
on, and the figures that count are its.

The gold articles run through the same stages as the warehouse (``stages.extract_facts`` then
``stages.track_observations``), then each gold figure is matched to the predicted fact whose span overlaps
it most. Reported:

- figures: detection precision/recall; subject, metric and ``refers_to`` accuracy on matched figures;
- **same-claim pairs**: over pairs of gold figures from different article versions (conversions in
  parentheses excluded: they are part of their figure), a pair is gold-positive when both have the same
  claim id, predicted-positive when both are observations of the same predicted claim. Precision, recall, F1;
- **discrepancies**: a predicted discrepancy is right when both sides are gold figures of one claim whose
  groups do not meet (precision). Recall counts, per claim, every group that disagrees with another group
  of it reported in another article version, and whether a right discrepancy flags a figure of that group.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from pathlib import Path

import polars as pl

from pipelines import stages
from pipelines.extract.entities import canonical_name
from pipelines.extract.evaluate import f1_score
from pipelines.records import Fact, polars_schema

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold" / "claims"
SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6",
        "holdout7", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15",
        "holdout16", "holdout17", "holdout18", "holdout19", "holdout20", "holdout21", "holdout22", "holdout23",
        "holdout24", "holdout25", "holdout26", "holdout27", "holdout28", "holdout29", "holdout31", "holdout32",
        "holdout33", "holdout34", "holdout35", "holdout36", "holdout37", "holdout38", "holdout39", "holdout40",
        "holdout41", "holdout42", "holdout43", "holdout44", "holdout45", "holdout46", "holdout47", "holdout52",
        "holdout53", "holdout54", "holdout55", "holdout56", "holdout57", "holdout62",
        "holdout58", "holdout59", "holdout60", "holdout61", "holdout63", "holdout64", "holdout66")


@dataclass(frozen=True)
class GoldFigure:
    doc: str
    surface: str
    start: int
    end: int
    subject: str | None
    metric: str
    refers_to: str | None
    claim: str | None
    groups: frozenset[str]
    is_conversion: bool
    language: str


@dataclass
class ClaimScores:
    """The figures of one evaluation run."""

    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
    subject_ok: int = 0
    metric_ok: int = 0
    refers_ok: int = 0
    pair_tp: int = 0
    pair_fp: int = 0
    pair_fn: int = 0
    disc_right: int = 0
    disc_wrong: int = 0
    groups_found: int = 0
    groups_total: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def figure_precision(self) -> float:
        return self._ratio(self.n_matched, self.n_pred)

    @property
    def figure_recall(self) -> float:
        return self._ratio(self.n_matched, self.n_gold)

    @property
    def subject_accuracy(self) -> float:
        return self._ratio(self.subject_ok, self.n_matched)

    @property
    def metric_accuracy(self) -> float:
        return self._ratio(self.metric_ok, self.n_matched)

    @property
    def refers_to_accuracy(self) -> float:
        return self._ratio(self.refers_ok, self.n_matched)

    @property
    def pair_precision(self) -> float:
        return self._ratio(self.pair_tp, self.pair_tp + self.pair_fp)

    @property
    def pair_recall(self) -> float:
        return self._ratio(self.pair_tp, self.pair_tp + self.pair_fn)

    @property
    def pair_f1(self) -> float:
        return f1_score(self.pair_precision, self.pair_recall)

    @property
    def discrepancy_precision(self) -> float:
        return self._ratio(self.disc_right, self.disc_right + self.disc_wrong)

    @property
    def discrepancy_recall(self) -> float:
        return self._ratio(self.groups_found, self.groups_total)


def load_gold(path: Path) -> list[dict]:
    """The gold article versions of one set; a line that is not valid JSON stops with its line number."""
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}:{n}: not a JSON object ({exc.msg})") from None
    return docs


def _gold_figures(doc: dict) -> list[GoldFigure]:
    body = doc["body"]
    out = []
    for f in doc["figures"]:
        start = f.get("start")
        if start is None or body[start : start + len(f["surface"])] != f["surface"]:
            start = body.find(f["surface"])
        if start < 0:
            raise ValueError(f"{doc['doc']}: surface {f['surface']!r} is not in the body")
        group = f.get("group")
        groups = frozenset(group if isinstance(group, list) else [group] if group else [])
        out.append(GoldFigure(doc["doc"], f["surface"], start, start + len(f["surface"]), f.get("subject"),
                              f["metric"], f.get("refers_to"), f.get("claim"), groups,
                              bool(f.get("conversion_of")), doc["language"]))
    return out


def _articles(docs: Iterable[dict]) -> list[dict]:
    out = []
    for d in docs:
        when = datetime.fromisoformat(d["published_at"])
        out.append({
            "article_id": f"gold:{d['article']}", "version": int(d.get("version", 1)), "source": d["outlet"],
            "language": d["language"], "headline": d.get("headline"), "body_text": d["body"],
            "published_at": when, "fetched_at": when, "is_relevant": True, "doc": d["doc"],
        })
    return out


def _facts_frame(facts: list[Fact], articles: list[dict]) -> pl.DataFrame:
    """Facts with the dates of their article versions, as ``warehouse.queries.facts_for_tracking`` gives them."""
    schema = polars_schema(Fact)
    df = pl.DataFrame(facts, schema=schema) if facts else pl.DataFrame(schema=schema)
    dates = pl.DataFrame(
        {"article_id": [a["article_id"] for a in articles], "version": [a["version"] for a in articles],
         "modified_at": [a["published_at"] for a in articles]},
        schema={"article_id": pl.String, "version": schema["version"], "modified_at": schema["published_at"]},
    )
    return df.join(dates, on=["article_id", "version"], how="left")


def _match(gold: list[GoldFigure], preds: list[dict]) -> dict[int, dict]:
    """Gold index → the predicted fact overlapping it most (one to one, greedy by overlap)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            overlap = min(g.end, p["span_end"]) - max(g.start, p["span_start"])
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    cands.sort()
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = preds[pi]
    return out


def evaluate(docs: list[dict], errors: int = 0) -> ClaimScores:
    """Run extraction and tracking on ``docs`` and score them against their labels (module doc)."""
    articles = _articles(docs)
    facts = stages.extract_facts(articles)
    obs, disc = stages.track_observations(_facts_frame(facts, articles))
    claim_of = dict(zip(obs["fact_id"].to_list(), obs["claim_key"].to_list(), strict=True))
    # a figure repeated unchanged in a later version is no new report: it belongs to its first version's claim
    first_claim = {(f["article_id"], f["claim_key"], f["value"], f["qualifier"], f["unit"]): claim_of[f["fact_id"]]
                   for f in facts if f["fact_id"] in claim_of}
    for f in facts:
        if f["fact_id"] not in claim_of:
            key = first_claim.get((f["article_id"], f["claim_key"], f["value"], f["qualifier"], f["unit"]))
            if key is not None:
                claim_of[f["fact_id"]] = key
    doc_of_article = {(a["article_id"], a["version"]): a["doc"] for a in articles}
    by_doc: dict[str, list[dict]] = {}
    for f in facts:
        by_doc.setdefault(doc_of_article[(f["article_id"], f["version"])], []).append(f)
    s = ClaimScores()
    gold_all: list[GoldFigure] = []
    pred_for: list[dict | None] = []
    gold_of_fact: dict[str, int] = {}
    for d in docs:
        gold = _gold_figures(d)
        preds = by_doc.get(d["doc"], [])
        matched = _match(gold, preds)
        s.n_gold += len(gold)
        s.n_pred += len(preds)
        s.n_matched += len(matched)
        for gi, g in enumerate(gold):
            p = matched.get(gi)
            pred_for.append(p)
            gold_all.append(g)
            if p is None:
                _note(s, errors, f"missed      {g.doc} {g.surface!r}")
                continue
            gold_of_fact[p["fact_id"]] = len(gold_all) - 1
            same_subject = _members(p["subject"]) == _members(g.subject)
            s.subject_ok += same_subject
            s.metric_ok += p["metric"] == g.metric
            s.refers_ok += (p["refers_to"] or None) == (g.refers_to or None)
            if not same_subject:
                _note(s, errors, f"subject     {g.doc} {g.surface!r}: gold {g.subject!r}, got {p['subject']!r} "
                                 f"({p['subject_via']})")
            if p["metric"] != g.metric:
                _note(s, errors, f"metric      {g.doc} {g.surface!r}: gold {g.metric!r}, got {p['metric']!r}")
    # same-claim pairs over gold figures of different article versions (conversions are part of their figure)
    idx = [i for i, g in enumerate(gold_all) if not g.is_conversion]
    for i, j in combinations(idx, 2):
        gi, gj = gold_all[i], gold_all[j]
        if gi.doc == gj.doc:
            continue
        same_gold = gi.claim is not None and gi.claim == gj.claim
        pi, pj = pred_for[i], pred_for[j]
        ki = claim_of.get(pi["fact_id"]) if pi else None
        kj = claim_of.get(pj["fact_id"]) if pj else None
        same_pred = ki is not None and ki == kj
        if same_gold and same_pred:
            s.pair_tp += 1
        elif same_pred:
            s.pair_fp += 1
            _note(s, errors, f"pair+       {gi.doc} {gi.surface!r} ~ {gj.doc} {gj.surface!r} in {ki}")
        elif same_gold:
            s.pair_fn += 1
            _note(s, errors, f"pair-       {gi.doc} {gi.surface!r} ({ki}) ~ {gj.doc} {gj.surface!r} ({kj})")
    # discrepancies
    found: set[tuple[str, str]] = set()
    for a, b, key in zip(disc["fact_id_a"].to_list(), disc["fact_id_b"].to_list(), disc["claim_key"].to_list(),
                         strict=True):
        ga, gb = gold_of_fact.get(a), gold_of_fact.get(b)
        fa, fb = (gold_all[ga] if ga is not None else None), (gold_all[gb] if gb is not None else None)
        right = (fa is not None and fb is not None and fa.claim is not None and fa.claim == fb.claim
                 and fa.groups and fb.groups and not (fa.groups & fb.groups))
        if right:
            s.disc_right += 1
            for g in (fa, fb):
                if len(g.groups) == 1:
                    found.add((g.claim, next(iter(g.groups))))
        else:
            s.disc_wrong += 1
            _note(s, errors, f"false disc  {key}: {fa.doc if fa else '?'} {fa.surface if fa else a!r} vs "
                             f"{fb.doc if fb else '?'} {fb.surface if fb else b!r}")
    wanted: set[tuple[str, str]] = set()
    by_claim: dict[str, list[GoldFigure]] = {}
    for g in gold_all:
        if g.claim is not None and not g.is_conversion and g.groups:
            by_claim.setdefault(g.claim, []).append(g)
    for claim, figs in by_claim.items():
        for x, y in combinations(figs, 2):
            if x.doc != y.doc and not (x.groups & y.groups):
                for g in (x, y):
                    if len(g.groups) == 1:
                        wanted.add((claim, next(iter(g.groups))))
    s.groups_total = len(wanted)
    s.groups_found = len(wanted & found)
    for claim, group in sorted(wanted - found):
        _note(s, errors, f"unflagged   {claim} group {group}")
    return s


def _members(subject: str | None) -> frozenset[str] | None:
    """A subject as the set of its members: "Samsung Electronics + SK hynix" names the same group whichever
    order its members are written in; a member spelled as one of the alias table's names is that entity."""
    return None if subject is None else frozenset(canonical_name(m) for m in subject.split(" + "))


def _note(s: ClaimScores, limit: int, line: str) -> None:
    if len(s.errors) < limit:
        s.errors.append(line)


def gold_path(name: str) -> Path:
    return GOLD_DIR / f"{name}.jsonl"


def format_scores(name: str, s: ClaimScores) -> str:
    return (
        f"{name:8} figures P {s.figure_precision:.3f} R {s.figure_recall:.3f} | subject {s.subject_accuracy:.3f} "
        f"metric {s.metric_accuracy:.3f} refers_to {s.refers_to_accuracy:.3f} | same-claim pairs "
        f"P {s.pair_precision:.3f} R {s.pair_recall:.3f} F1 {s.pair_f1:.3f} | discrepancies "
        f"P {s.discrepancy_precision:.3f} ({s.disc_right}/{s.disc_right + s.disc_wrong}) "
        f"R {s.discrepancy_recall:.3f} ({s.groups_found}/{s.groups_total})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score claim grouping and discrepancies on the claim gold sets.")
    parser.add_argument("sets", nargs="*", default=list(SETS), help="gold set names or .jsonl paths")
    parser.add_argument("--errors", type=int, default=0, help="print up to N mistakes per set")
    args = parser.parse_args(argv)
    for name in args.sets:
        path = Path(name) if name.endswith(".jsonl") else gold_path(name)
        if not path.exists():
            print(f"chipwatch eval --claims: no gold set at {path}")
            return 2
        scores = evaluate(load_gold(path), errors=args.errors)
        print(format_scores(path.stem, scores))
        for line in scores.errors:
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
