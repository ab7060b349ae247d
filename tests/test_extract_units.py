"""Unit tests of the extractor's small modules: sentences, numbers, qualifiers, intervals, vocabularies."""

from __future__ import annotations

import math

import pytest

from pipelines.extract import METRICS, detect_language, extract_figures, load_entities
from pipelines.extract.attribution import find_attribution
from pipelines.extract.entities import KINDS, find_mentions
from pipelines.extract.intervals import interval
from pipelines.extract.metrics import ACCOUNTS_METRICS, load_metrics
from pipelines.extract.numbers_en import find_en_numbers, parse_word_number
from pipelines.extract.numbers_ko import find_ko_numbers
from pipelines.extract.qualifiers import en_prefix, ko_prefix, ko_suffix
from pipelines.extract.sentences import split_sentences


def test_sentences_abbreviations_decimals_and_quotes():
    text = (
        'Mr. Wang met Nvidia Inc. executives on Jan. 27. The U.S. chipmaker lost 5.6%. "It is big." '
        "Then B. Riley cut its target."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Wang met Nvidia Inc. executives on Jan. 27.",
        "The U.S. chipmaker lost 5.6%.",
        '"It is big."',
        "Then B. Riley cut its target.",
    ]


def test_sentences_korean_and_paragraphs():
    text = 'R1에 투입된 비용은 557만 6000달러다. 칩도 약 2000개다.\n\n美 규제…"中, 길 막히자" 끝'
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "R1에 투입된 비용은 557만 6000달러다.",
        "칩도 약 2000개다.",
        '美 규제…"中, 길 막히자" 끝',
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert all(text[s.start : s.end] == s.text for s in sents)


def test_sentences_us_at_the_end():
    assert [s.text for s in split_sentences("Sales rose in the U.S. The firm grew.")] == [
        "Sales rose in the U.S.",
        "The firm grew.",
    ]


@pytest.mark.parametrize(
    ("text", "value", "resolution"),
    [
        ("557만 6000", 5_576_000, 1000),
        ("1억 300만", 103_000_000, 1_000_000),
        ("1만6000", 16_000, 1000),
        ("78억8000만", 7_880_000_000, 10_000_000),
        ("1.6조", 1.6e12, 1e11),
        ("2천", 2000, 1000),
        ("오백만", 5_000_000, 1_000_000),
        ("이천", 2000, 1000),
        ("3천5백", 3500, 100),
        ("1천200억", 120_000_000_000, 10_000_000_000),
        ("16,000", 16_000, 1000),
        ("2,048", 2048, 1),
        ("11.20", 11.2, 0.01),
    ],
)
def test_korean_numbers(text, value, resolution):
    nums = find_ko_numbers(text)
    assert len(nums) == 1 and text[nums[0].start : nums[0].end] == text
    assert math.isclose(nums[0].value, value) and math.isclose(nums[0].resolution, resolution)


@pytest.mark.parametrize("text", ["H800", "R1에", "GB200", "이번 일", "V3와 A100"])
def test_korean_non_numbers(text):
    assert find_ko_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.6 million", 5.6e6),
        ("16,000", 16000),
        ("two thousand", 2000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("one hundred and five", 105),
        ("1.6bn", 1.6e9),
    ],
)
def test_english_numbers(text, value):
    nums = find_en_numbers(text)
    assert len(nums) == 1 and math.isclose(nums[0].value, value)


def test_english_word_numbers_do_not_join_across_and():
    assert [float(n.value) for n in find_en_numbers("between two and three years")] == [2, 3]
    assert parse_word_number("a million") == 1_000_000
    assert find_en_numbers("one of the firms") == []


def test_english_letter_scale_needs_currency():
    assert float(find_en_numbers("$5.576M")[0].value) == 5_576_000
    assert find_en_numbers("Ascend 910B and RTX 4090D") == []


def test_qualifier_words():
    assert ko_prefix("약 2000개", 2) == ("approx", 0)
    assert ko_prefix("계약 2000개", 3) is None
    assert ko_suffix("2000개 이상의", 5)[0] == "at_least"
    assert ko_suffix("2000개가 넘는", 5)[0] == "more_than"
    assert en_prefix("more than 50,000", 10)[0] == "more_than"
    assert en_prefix("nearly $600", 7)[0] == "approx"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((5.6e6, 1e5, "exact"), (5.55e6, 5.7e6)),  # rounded (half a unit below) or truncated (a unit above)
        ((-16.9, 0.1, "exact"), (-17.0, -16.85)),  # a fall: truncation is away from zero too
        # approx: two units of the last significant digit, at most ±15% of the value ("about $6 million" still
        # contains $5.576M; "about $593 billion" does not contain $589 billion)
        ((6e6, 1e6, "approx"), (5.1e6, 6.9e6)),
        ((2000, 1000, "approx"), (1700, 2300)),
        ((103e6, 1e6, "approx"), (101e6, 105e6)),
        ((593e9, 1e9, "approx"), (591e9, 595e9)),
        ((1, 1, "approx"), (0.85, 1.15)),  # "약 1년" leaves "about seven months" out
        # exact round numbers: half a unit of the last significant digit, at most 10% below; a one-digit figure
        # may be its leading digit cut off, up to 20% above ("$5M" for $5.576 million)
        ((10_000, 10_000, "exact"), (9_000, 12_000)),
        ((1e8, 1e8, "exact"), (0.9e8, 1.2e8)),
        ((5e6, 1e6, "exact"), (4.5e6, 6e6)),
        ((12_000, 1_000, "exact"), (11_500, 13_000)),
        ((5_576_000, 1_000, "exact"), (5_575_500, 5_577_000)),
        ((2000, 1000, "more_than"), (2000, math.inf)),
        ((2000, 1000, "at_least"), (2000, math.inf)),
        ((6e6, 1e6, "less_than"), (0, 6e6)),
        ((6e6, 1e6, "up_to"), (0, 6e6)),
        ((-17, 1, "more_than"), (-math.inf, -17)),
        ((None, None, "vague"), (None, None)),
    ],
)
def test_intervals(args, expected):
    low, high = interval(*args)
    for got, want in ((low, expected[0]), (high, expected[1])):
        assert got == want or math.isclose(got, want, rel_tol=1e-9)


def test_range_interval():
    assert interval(13.5e9, None, "range", 12e9, 15e9) == (12e9, 15e9)


def test_entity_table_rows():
    rows = load_entities()
    assert all(set(r) == {"canonical", "kind", "aliases"} for r in rows)
    kinds = {r["kind"] for r in rows}
    assert {"org", "person", "chip", "country", "model", "agency", "government", "index"} <= kinds <= set(KINDS)
    by_name = {r["canonical"]: r for r in rows}
    assert "딥시크" in by_name["DeepSeek"]["aliases"]
    assert "미국의 AI업체들" in by_name["US AI companies"]["aliases"]
    assert by_name["H800"]["kind"] == "chip"
    assert len(by_name) == len(rows), "canonical names are unique"


def test_entity_mentions_prefer_longest_alias():
    text = "미국의 AI업체들과 미국 상무부, 美 법무부, 딥시크(Deep Seek)"
    assert [m.canonical for m in find_mentions(text)] == [
        "US AI companies",
        "US Commerce Department",
        "US Justice Department",
        "DeepSeek",  # "딥시크(Deep Seek)": a name glossed in parentheses is one mention
    ]
    assert [m.canonical for m in find_mentions("paid US$103 million")] == []


def test_metric_vocabulary():
    assert set(METRICS) == {
        "training_cost",
        "chip_count",
        "deal_value",
        "market_value_change",
        "market_value",
        "revenue",
        "profit",
        "margin",
        "charge",
        "investment",
        "price",
        "company_count",
        "share_price",
        "percent_change",
        "duration",
        "compute_hours",
        "fine",
        "tariff_or_fee_share",
        "ratio",
        "other",
    }
    assert all(m.cues.get("ko") is not None and m.cues.get("en") is not None for m in load_metrics())
    # a ratio ("20분의 1", "90 times") is its own dimension, never a cost
    defs = {m.name: m for m in load_metrics()}
    assert not defs["training_cost"].accepts("fraction") and defs["ratio"].accepts("times")
    # event metrics happen on a date; properties stay one quantity however late they are re-reported
    assert {m.name for m in load_metrics() if m.kind == "event"} >= {"market_value_change", "charge", "deal_value"}
    # a company's accounts are of a fiscal period (a quarter), not of the day they were reported
    assert set(ACCOUNTS_METRICS) == {"revenue", "profit", "margin", "charge"}
    assert defs["training_cost"].kind == "property" and defs["chip_count"].kind == "property"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("According to The New York Times, the deal was worth $103 million.", "en", "The New York Times"),
        ("Alexandr Wang told CNBC that DeepSeek has 50,000 H100s.", "en", "CNBC"),
        ("Reuters reported that the cost was $294,000.", "en", "Reuters"),
        ("NYT에 따르면, 11개 기업이 칩을 팔았다.", "ko", "The New York Times"),
        ("밀수는 근절되지 않았다고 뉴욕타임스는 전했다.", "ko", "The New York Times"),
        ("딥시크는 비용이 557만 달러라고 밝혔다.", "ko", "DeepSeek"),
        ("The chips were cheap.", "en", None),
    ],
)
def test_attribution(text, language, expected):
    assert find_attribution(text, find_mentions(text), language) == expected


def test_attribution_carries_to_the_next_sentence_of_a_paragraph():
    text = (
        "NYT에 따르면, 11개 기업이 칩을 팔았다. 한 업체는 1억 달러 규모의 계약을 맺었다.\n\n"
        "다른 업체는 2억 달러를 벌었다."
    )
    figs = extract_figures(text)
    assert [f.attributed_to for f in figs] == ["The New York Times", "The New York Times", None]


def test_language_detection():
    assert detect_language("딥시크가 H800 칩 2000개를 썼다") == "ko"
    assert detect_language("DeepSeek used 2,048 H800 chips") == "en"
    assert detect_language("") == "en"
    assert extract_figures("") == []


def test_inherited_metric_must_measure_the_unit():
    from pipelines.extract import extract_figures

    figs = extract_figures("딥시크는 칩 이천 개를 썼다. 직원은 2천 명이다.", "ko")
    by_surface = {f.surface: f.metric for f in figs}
    assert by_surface["이천 개"] == "chip_count"
    assert by_surface["2천 명"] != "chip_count"
