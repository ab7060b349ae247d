"""The gold set: its shape, and the floors the extractor must keep on it."""

from __future__ import annotations

import json

import pytest

from pipelines.extract import METRICS, QUALIFIERS, load_entities
from pipelines.extract.evaluate import DEFAULT_GOLD, evaluate, format_report, load_gold
from pipelines.extract.sentences import split_sentences

UNITS = {
    "USD",
    "KRW",
    "CNY",
    "EUR",
    "JPY",
    "TWD",
    "GBP",
    "chips",
    "servers",
    "units",
    "companies",
    "people",
    "count",
    "percent",
    "percentage_points",
    "gpu_hours",
    "years",
    "months",
    "days",
    "hours",
    "times",
    "fraction",
}


@pytest.fixture(scope="module")
def report():
    return evaluate(DEFAULT_GOLD)


def test_gold_files_exist():
    names = {p.name for p in DEFAULT_GOLD}
    assert {"figures_ko.jsonl", "figures_en.jsonl"} <= names


def test_gold_shape():
    items = load_gold(DEFAULT_GOLD)
    canon = {e["canonical"] for e in load_entities()}
    chips = {e["canonical"] for e in load_entities() if e["kind"] == "chip"}
    sentences = {"ko": 0, "en": 0}
    for item in items:
        sentences[item["language"]] += len(split_sentences(item["text"]))
        for f in item["figures"]:
            assert set(f) >= {"surface", "value", "unit", "qualifier", "metric", "subject", "chip"}, f
            assert f["surface"] in item["text"], f
            assert f["qualifier"] in QUALIFIERS, f
            assert f["metric"] in METRICS, f
            assert f["unit"] in UNITS, f
            assert f["subject"] is None or f["subject"] in canon, f
            assert f["chip"] is None or f["chip"] in chips, f
            assert (f["value"] is None) == (f["qualifier"] == "vague"), f
    assert sum(sentences.values()) >= 200
    assert min(sentences.values()) >= 90, sentences
    negatives = [i for i in items if not i["figures"]]
    assert len(negatives) >= 30


def test_gold_has_the_seed_article():
    items = load_gold([p for p in DEFAULT_GOLD if p.name == "figures_ko.jsonl"])
    seed = [i for i in items if "(서울=뉴스1) 이창규 기자" in i["text"]]
    assert len(seed) == 1
    assert {f["surface"] for f in seed[0]["figures"]} >= {"557만 6000달러", "1억 달러", "약 2000개", "11개 기업"}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_figure_f1_floor(report, language):
    s = report.languages[language]
    assert s.f1 >= 0.95, format_report(report, errors=30)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_metric_and_subject_accuracy_floor(report, language):
    s = report.languages[language]
    assert s.metric_accuracy >= 0.90, format_report(report, errors=30)
    assert s.subject_accuracy >= 0.90, format_report(report, errors=30)


HOLDOUT = [DEFAULT_GOLD[0].parent / "holdout_ko.jsonl", DEFAULT_GOLD[0].parent / "holdout_en.jsonl"]


def test_holdout_floors():
    """The hold-out set (labeled blind, see tests/gold/README.md) keeps lower floors than the gold set."""
    report = evaluate(HOLDOUT)
    for language in ("ko", "en"):
        s = report.languages[language]
        assert s.f1 >= 0.90, format_report(report, errors=20)
        assert s.metric_accuracy >= 0.80 and s.subject_accuracy >= 0.80, format_report(report, errors=20)


def test_report_formats_and_serializes(report):
    table = format_report(report, errors=3)
    assert table.splitlines()[0].split()[:3] == ["lang", "items", "sents"]
    assert any(line.startswith("ko ") for line in table.splitlines())
    json.dumps(report.to_dict())


def test_evaluate_counts_mismatches(tmp_path):
    gold = tmp_path / "figures_en.jsonl"
    gold.write_text(
        json.dumps(
            {
                "text": "DeepSeek spent $5.6 million and 2,048 chips.",
                "figures": [
                    {
                        "surface": "$5.6 million",
                        "value": 5.6e6,
                        "unit": "USD",
                        "qualifier": "approx",
                        "metric": "training_cost",
                        "subject": "DeepSeek",
                        "chip": None,
                    },
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    r = evaluate([gold])
    s = r.languages["en"]
    assert (s.gold, s.predicted, s.matched) == (1, 2, 0)
    assert s.recall == 0.0 and s.f1 == 0.0
    kinds = sorted(e["kind"] for e in s.errors)
    assert kinds == ["missed", "spurious", "spurious"]
