"""The claim gold sets and the claim evaluator (``chipwatch eval --claims``).

The floors are regression floors just under the measured values (see tests/gold/claims/README.md). ``dev3``
was the first held-out set: scored three times as a whole, then retired into the tuned sets when a fresh
labeller wrote ``holdout2``, which is never tuned on.
"""

from __future__ import annotations

import json

import pytest

from pipelines import evaluate_claims as ec

SETS = {name: ec.load_gold(ec.gold_path(name)) for name in ec.SETS}


@pytest.mark.parametrize("name", ec.SETS)
def test_gold_set_is_well_formed(name):
    docs = SETS[name]
    claims = json.loads((ec.GOLD_DIR / f"{name}.claims.json").read_text(encoding="utf-8"))
    # (dev2's are short: 40 versions; session 15's briefs asked for 14-18 versions with 80+ figures)
    assert len(docs) >= 14 and sum(len(d["figures"]) for d in docs) >= 80
    assert {d["language"] for d in docs} == {"en", "ko"}
    assert len({d["doc"] for d in docs}) == len(docs)
    for d in docs:
        figures = ec._gold_figures(d)  # raises when a surface is not in the body
        surfaces = {f["surface"] for f in d["figures"]}
        for raw, g in zip(d["figures"], figures, strict=True):
            assert g.claim is None or g.claim in claims, (d["doc"], g.claim)
            assert (g.claim is None) or g.groups, (d["doc"], g.surface)
            assert raw.get("conversion_of") in (None, *surfaces)
    versions = {}
    for d in docs:
        versions.setdefault(d["article"], []).append(d["version"])
    # revised articles (the briefs ask for at least two)
    assert sum(len(v) > 1 for v in versions.values()) >= 2


def _doc(doc, article, when, body, figures, outlet="cnn", version=1):
    return {"doc": doc, "article": article, "version": version, "outlet": outlet, "language": "en",
            "published_at": when, "headline": "", "body": body, "figures": figures}


def _f(surface, claim, group, subject="Nvidia", metric="market_value_change"):
    return {"surface": surface, "subject": subject, "metric": metric, "claim": claim, "group": group}


def test_evaluator_counts_pairs_and_discrepancies():
    docs = [
        _doc("x1", "a", "2025-01-27T21:00:00+00:00", "Nvidia lost $593 billion in market value on Monday.",
             [_f("$593 billion", "loss", "a")]),
        _doc("x2", "b", "2025-01-28T01:00:00+00:00", "Nvidia lost $589 billion in market value on Monday.",
             [_f("$589 billion", "loss", "b")], outlet="nyt"),
        _doc("x3", "c", "2025-01-28T02:00:00+00:00",
             "Nvidia lost nearly $600 billion in market value on Monday.",
             [_f("nearly $600 billion", "loss", ["a", "b"])], outlet="news1"),
    ]
    s = ec.evaluate(docs)
    assert (s.n_gold, s.n_matched) == (3, 3)
    assert (s.pair_tp, s.pair_fp, s.pair_fn) == (3, 0, 0)
    # $589B vs $593B is the one real disagreement, found; "nearly $600 billion" agrees with both
    assert (s.disc_right, s.disc_wrong) == (1, 0) and (s.groups_found, s.groups_total) == (2, 2)
    assert s.subject_accuracy == s.metric_accuracy == 1.0


def test_evaluator_counts_a_false_discrepancy_and_a_missed_pair():
    docs = [
        _doc("y1", "a", "2025-01-27T21:00:00+00:00", "Nvidia lost $593 billion in market value on Monday.",
             [_f("$593 billion", "jan", "a")]),
        # gold: another event (a different claim), but the text gives no date: the tool groups them
        _doc("y2", "b", "2025-01-28T01:00:00+00:00", "Nvidia lost $279 billion in market value.",
             [_f("$279 billion", "sep", "a")], outlet="nyt"),
    ]
    s = ec.evaluate(docs, errors=10)
    assert s.pair_fp == 1 and s.disc_wrong == 1 and s.discrepancy_precision == 0.0
    assert any(line.startswith("false disc") for line in s.errors)


def test_a_gold_subject_spelled_as_an_alias_is_that_entity():
    # an older labeller wrote "Cadence"; the alias table's name is "Cadence Design Systems"; the order of
    # coordinated members never matters, a different company always does
    body = "Cadence Design Systems agreed to pay more than $140 million to resolve the charges."
    for subject, ok in (("Cadence", 1.0), ("Cadence Design Systems", 1.0), ("Synopsys", 0.0)):
        doc = _doc("c1", "a", "2025-07-28T21:00:00+00:00", body,
                   [_f("more than $140 million", "fine", "a", subject=subject, metric="fine")])
        assert ec.evaluate([doc]).subject_accuracy == ok, subject
    assert ec._members("SK hynix + Samsung") == ec._members("Samsung Electronics + SK hynix")


def test_bad_gold_lines_fail_with_their_place(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "z"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        ec.load_gold(bad)
    doc = _doc("z1", "a", "2025-01-27T21:00:00+00:00", "No figure here.", [_f("$5", "c", "a")])
    with pytest.raises(ValueError, match="not in the body"):
        ec.evaluate([doc])


def test_cli_reports_a_missing_set(capsys):
    assert ec.main(["/nonexistent/set.jsonl"]) == 2
    assert "no gold set" in capsys.readouterr().out


# Regression floors (measured values minus 0.02, rounded down; targets are 0.9 for each), re-measured in
# session 7. holdout2 was never read; holdout3…7 and holdout9…26 were each scored once blind, then tuned on
# (README: their first scorings are the figures that count).
# (holdout6's labeller put revenue guidance and the result in one claim, as a disagreement; since session 5
# a forecast is another quantity, README: its discrepancy recall fell from 0.70 to 0.57 by that convention)
FLOORS = {
    "dev": {"pair_f1": 0.94, "discrepancy_precision": 0.98, "discrepancy_recall": 0.98,
          "subject_accuracy": 0.92, "metric_accuracy": 0.96},
    "dev2": {"pair_f1": 0.92, "discrepancy_precision": 0.98, "discrepancy_recall": 0.98,
           "subject_accuracy": 0.9, "metric_accuracy": 0.97},
    "dev3": {"pair_f1": 0.94, "discrepancy_precision": 0.98, "discrepancy_recall": 0.82,
           "subject_accuracy": 0.9, "metric_accuracy": 0.97},
    "dev4": {"pair_f1": 0.84, "discrepancy_precision": 0.92, "discrepancy_recall": 0.57,
           "subject_accuracy": 0.79, "metric_accuracy": 0.95},
    "dev5": {"pair_f1": 0.84, "discrepancy_precision": 0.94, "discrepancy_recall": 0.88,
           "subject_accuracy": 0.85, "metric_accuracy": 0.88},
    "dev6": {"pair_f1": 0.94, "discrepancy_precision": 0.94, "discrepancy_recall": 0.84,
           "subject_accuracy": 0.9, "metric_accuracy": 0.96},
    "holdout2": {"pair_f1": 0.77, "discrepancy_precision": 0.74, "discrepancy_recall": 0.76,
               "subject_accuracy": 0.75, "metric_accuracy": 0.9},
    "holdout3": {"pair_f1": 0.85, "discrepancy_precision": 0.94, "discrepancy_recall": 0.84,
               "subject_accuracy": 0.86, "metric_accuracy": 0.95},
    "holdout4": {"pair_f1": 0.93, "discrepancy_precision": 0.89, "discrepancy_recall": 0.8,
               "subject_accuracy": 0.91, "metric_accuracy": 0.94},
    "holdout5": {"pair_f1": 0.92, "discrepancy_precision": 0.91, "discrepancy_recall": 0.82,
               "subject_accuracy": 0.92, "metric_accuracy": 0.94},
    "holdout6": {"pair_f1": 0.91, "discrepancy_precision": 0.91, "discrepancy_recall": 0.63,
               "subject_accuracy": 0.89, "metric_accuracy": 0.94},
    "holdout7": {"pair_f1": 0.94, "discrepancy_precision": 0.9, "discrepancy_recall": 0.75,
               "subject_accuracy": 0.91, "metric_accuracy": 0.94},
    "holdout9": {"pair_f1": 0.96, "discrepancy_precision": 0.88, "discrepancy_recall": 0.7,
               "subject_accuracy": 0.96, "metric_accuracy": 0.95},
    "holdout10": {"pair_f1": 0.83, "discrepancy_precision": 0.98, "discrepancy_recall": 0.7,
                "subject_accuracy": 0.75, "metric_accuracy": 0.92},
    "holdout11": {"pair_f1": 0.94, "discrepancy_precision": 0.92, "discrepancy_recall": 0.89,
                "subject_accuracy": 0.9, "metric_accuracy": 0.93},
    "holdout12": {"pair_f1": 0.93, "discrepancy_precision": 0.98, "discrepancy_recall": 0.82,
                "subject_accuracy": 0.91, "metric_accuracy": 0.94},
    "holdout13": {"pair_f1": 0.94, "discrepancy_precision": 0.98, "discrepancy_recall": 0.81,
                "subject_accuracy": 0.91, "metric_accuracy": 0.94},
    "holdout14": {"pair_f1": 0.92, "discrepancy_precision": 0.98, "discrepancy_recall": 0.83,
                "subject_accuracy": 0.94, "metric_accuracy": 0.94},
    "holdout15": {"pair_f1": 0.91, "discrepancy_precision": 0.92, "discrepancy_recall": 0.81,
                "subject_accuracy": 0.9, "metric_accuracy": 0.93},
    "holdout16": {"pair_f1": 0.9, "discrepancy_precision": 0.98, "discrepancy_recall": 0.9,
                "subject_accuracy": 0.93, "metric_accuracy": 0.94},
    "holdout17": {"pair_f1": 0.96, "discrepancy_precision": 0.98, "discrepancy_recall": 0.89,
                "subject_accuracy": 0.95, "metric_accuracy": 0.95},
    "holdout18": {"pair_f1": 0.93, "discrepancy_precision": 0.85, "discrepancy_recall": 0.7,
                "subject_accuracy": 0.92, "metric_accuracy": 0.92},
    "holdout19": {"pair_f1": 0.92, "discrepancy_precision": 0.93, "discrepancy_recall": 0.87,
                "subject_accuracy": 0.96, "metric_accuracy": 0.97},
    "holdout20": {"pair_f1": 0.81, "discrepancy_precision": 0.98, "discrepancy_recall": 0.69,
                "subject_accuracy": 0.77, "metric_accuracy": 0.88},
    "holdout21": {"pair_f1": 0.86, "discrepancy_precision": 0.94, "discrepancy_recall": 0.77,
                "subject_accuracy": 0.88, "metric_accuracy": 0.93},
    "holdout22": {"pair_f1": 0.89, "discrepancy_precision": 0.98, "discrepancy_recall": 0.83,
                "subject_accuracy": 0.98, "metric_accuracy": 0.97},
    "holdout23": {"pair_f1": 0.92, "discrepancy_precision": 0.92, "discrepancy_recall": 0.85,
                "subject_accuracy": 0.93, "metric_accuracy": 0.95},
    "holdout24": {"pair_f1": 0.83, "discrepancy_precision": 0.81, "discrepancy_recall": 0.71,
                "subject_accuracy": 0.92, "metric_accuracy": 0.77},
    "holdout25": {"pair_f1": 0.76, "discrepancy_precision": 0.91, "discrepancy_recall": 0.67,
                "subject_accuracy": 0.76, "metric_accuracy": 0.86},
    "holdout26": {"pair_f1": 0.83, "discrepancy_precision": 0.75, "discrepancy_recall": 0.7,
                "subject_accuracy": 0.95, "metric_accuracy": 0.93},
    "holdout27": {"pair_f1": 0.75, "discrepancy_precision": 0.63, "discrepancy_recall": 0.82,
                "subject_accuracy": 0.84, "metric_accuracy": 0.9},
    # (session 9: the corrected 17% of h28-24 is now January 27's fall; the first version's undated 12% stays
    # an undated event, so their disagreement, flagged before by both being undated, is not: recall 0.81 → 0.75)
    "holdout28": {"pair_f1": 0.82, "discrepancy_precision": 0.78, "discrepancy_recall": 0.73,
                "subject_accuracy": 0.85, "metric_accuracy": 0.9},
    "holdout29": {"pair_f1": 0.94, "discrepancy_precision": 0.93, "discrepancy_recall": 0.89,
                "subject_accuracy": 0.96, "metric_accuracy": 0.95},
    "holdout31": {"pair_f1": 0.62, "discrepancy_precision": 0.7, "discrepancy_recall": 0.51,
                "subject_accuracy": 0.66, "metric_accuracy": 0.81},
    # session 9's blind sets, scored once at e01b852 (README), floors at the measured values less 0.02
    "holdout32": {"pair_f1": 0.4, "discrepancy_precision": 0.25, "discrepancy_recall": 0.36,
                "subject_accuracy": 0.58, "metric_accuracy": 0.76},
    "holdout33": {"pair_f1": 0.87, "discrepancy_precision": 0.73, "discrepancy_recall": 0.65,
                "subject_accuracy": 0.55, "metric_accuracy": 0.93},
    "holdout34": {"pair_f1": 0.73, "discrepancy_precision": 0.55, "discrepancy_recall": 0.5,
                "subject_accuracy": 0.88, "metric_accuracy": 0.9},
    # session 10's blind sets, scored once at 7a010af (README), floors at the measured values less 0.02
    "holdout35": {"pair_f1": 0.64, "discrepancy_precision": 0.64, "discrepancy_recall": 0.52,
                "subject_accuracy": 0.68, "metric_accuracy": 0.86},
    "holdout36": {"pair_f1": 0.49, "discrepancy_precision": 0.05, "discrepancy_recall": 0.14,
                "subject_accuracy": 0.61, "metric_accuracy": 0.85},
    "holdout37": {"pair_f1": 0.75, "discrepancy_precision": 0.35, "discrepancy_recall": 0.59,
                "subject_accuracy": 0.85, "metric_accuracy": 0.91},
    "holdout38": {"pair_f1": 0.91, "discrepancy_precision": 0.78, "discrepancy_recall": 0.4,
                "subject_accuracy": 0.94, "metric_accuracy": 0.95},
    "holdout39": {"pair_f1": 0.43, "discrepancy_precision": 0.14, "discrepancy_recall": 0.56,
                "subject_accuracy": 0.74, "metric_accuracy": 0.59},
    # session 11's blind sets, scored once at 39c9a04 (README), floors at the measured values less 0.02
    "holdout40": {"pair_f1": 0.89, "discrepancy_precision": 0.87, "discrepancy_recall": 0.75,
                "subject_accuracy": 0.96, "metric_accuracy": 0.95},
    "holdout41": {"pair_f1": 0.76, "discrepancy_precision": 0.79, "discrepancy_recall": 0.59,
                "subject_accuracy": 0.77, "metric_accuracy": 0.85},
    "holdout42": {"pair_f1": 0.82, "discrepancy_precision": 0.75, "discrepancy_recall": 0.62,
                "subject_accuracy": 0.93, "metric_accuracy": 0.93},
    "holdout43": {"pair_f1": 0.44, "discrepancy_precision": 0.44, "discrepancy_recall": 0.38,
                "subject_accuracy": 0.68, "metric_accuracy": 0.84},
    # session 12's blind sets, scored once at bb66ef3 (tests/gold/claims/README.md): measured less 0.02
    "holdout44": {"pair_f1": 0.58, "discrepancy_precision": 0.19, "discrepancy_recall": 0.38,
                "subject_accuracy": 0.89, "metric_accuracy": 0.87},
    "holdout45": {"pair_f1": 0.36, "discrepancy_precision": 0.00, "discrepancy_recall": 0.00,
                "subject_accuracy": 0.84, "metric_accuracy": 0.83},
    "holdout46": {"pair_f1": 0.63, "discrepancy_precision": 0.48, "discrepancy_recall": 0.48,
                "subject_accuracy": 0.82, "metric_accuracy": 0.89},
    "holdout47": {"pair_f1": 0.77, "discrepancy_precision": 0.85, "discrepancy_recall": 0.67,
                "subject_accuracy": 0.82, "metric_accuracy": 0.91},
    # session 15's blind sets, scored once at 266eea3 after the session's last rule change (README)
    "holdout52": {"pair_f1": 0.68, "discrepancy_precision": 0.23, "discrepancy_recall": 0.23,
                 "subject_accuracy": 0.88, "metric_accuracy": 0.86},
    "holdout53": {"pair_f1": 0.52, "discrepancy_precision": 0.64, "discrepancy_recall": 0.78,
                 "subject_accuracy": 0.49, "metric_accuracy": 0.87},
    "holdout54": {"pair_f1": 0.59, "discrepancy_precision": 0.20, "discrepancy_recall": 0.48,
                 "subject_accuracy": 0.66, "metric_accuracy": 0.89},
    "holdout55": {"pair_f1": 0.93, "discrepancy_precision": 0.79, "discrepancy_recall": 0.75,
                 "subject_accuracy": 0.92, "metric_accuracy": 0.92},
    "holdout56": {"pair_f1": 0.89, "discrepancy_precision": 0.73, "discrepancy_recall": 0.67,
                 "subject_accuracy": 0.89, "metric_accuracy": 0.96},
    "holdout57": {"pair_f1": 0.73, "discrepancy_precision": 0.48, "discrepancy_recall": 0.76,
                 "subject_accuracy": 0.92, "metric_accuracy": 0.91},
    # session 16: the one blind set its labellers finished, scored once at f61c5ce after the last rule change
    "holdout62": {"pair_f1": 0.70, "discrepancy_precision": 0.42, "discrepancy_recall": 0.58,
                  "subject_accuracy": 0.92, "metric_accuracy": 0.85},
    # session 17's blind sets, scored once at f221470 after the session's last rule change (README): measured less
    # 0.02. Far below the older sets: Gulf deals whose subject is the receiving country, Korea's exports with no
    # subject named, deals naming one party, defendants and their companies
    "holdout58": {"pair_f1": 0.42, "discrepancy_precision": 0.64, "discrepancy_recall": 0.48,
                  "subject_accuracy": 0.44, "metric_accuracy": 0.82},
    "holdout59": {"pair_f1": 0.51, "discrepancy_precision": 0.38, "discrepancy_recall": 0.48,
                  "subject_accuracy": 0.53, "metric_accuracy": 0.84},
    "holdout60": {"pair_f1": 0.52, "discrepancy_precision": 0.64, "discrepancy_recall": 0.31,
                  "subject_accuracy": 0.55, "metric_accuracy": 0.89},
    "holdout61": {"pair_f1": 0.26, "discrepancy_precision": 0.05, "discrepancy_recall": 0.18,
                  "subject_accuracy": 0.19, "metric_accuracy": 0.92},
    "holdout63": {"pair_f1": 0.39, "discrepancy_precision": 0.48, "discrepancy_recall": 0.14,
                  "subject_accuracy": 0.67, "metric_accuracy": 0.87},
    "holdout64": {"pair_f1": 0.45, "discrepancy_precision": 0.64, "discrepancy_recall": 0.48,
                  "subject_accuracy": 0.41, "metric_accuracy": 0.84},
    "holdout66": {"pair_f1": 0.75, "discrepancy_precision": 0.64, "discrepancy_recall": 0.64,
                  "subject_accuracy": 0.97, "metric_accuracy": 0.91},
}


@pytest.mark.parametrize("name", ec.SETS)
def test_claim_floors(name):
    # (session 11: the older sets' warned H20/MI308 charges were relabelled blind as forecasts, a claim apart from
    # the charge booked, as spec.md says; floors that the new split and capital spending by period moved below were
    # set again at the measured value less 0.02: tests/gold/claims/README.md)
    s = ec.evaluate(SETS[name])
    got = {k: getattr(s, k) for k in FLOORS[name]}
    assert all(got[k] >= v for k, v in FLOORS[name].items()), (ec.format_scores(name, s), got)
