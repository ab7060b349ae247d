"""The surfaces the story reports (docs/story.md) in English and Korean, one sentence each."""

from __future__ import annotations

import math

import pytest

from pipelines.extract import extract_figures

INF = math.inf

EN = [
    # (sentence, surface, value, unit, qualifier, extra fields)
    (
        "DeepSeek said it spent $5.6 million to train the model.",
        "$5.6 million",
        5.6e6,
        "USD",
        "exact",
        {"subject": "DeepSeek", "metric": "training_cost", "attributed_to": "DeepSeek"},
    ),
    (
        "The Times said DeepSeek used about $6 million of computing power.",
        "about $6 million",
        6e6,
        "USD",
        "approx",
        {"subject": "DeepSeek", "attributed_to": "The New York Times"},
    ),
    ("DeepSeek trained the model for less than $6 million.", "less than $6 million", 6e6, "USD", "less_than", {}),
    (
        "The V3 model was trained on 2,048 Nvidia H800 chips.",
        "2,048 Nvidia H800 chips",
        2048,
        "chips",
        "exact",
        {"chip": "H800", "metric": "chip_count"},
    ),
    (
        "American labs train their chatbots on 16,000 or more chips.",
        "16,000 or more chips",
        16000,
        "chips",
        "at_least",
        {"subject": "US AI companies"},
    ),
    (
        "Alexandr Wang told CNBC that DeepSeek has more than 50,000 H100 chips.",
        "more than 50,000 H100 chips",
        50000,
        "chips",
        "more_than",
        {"subject": "DeepSeek", "chip": "H100", "attributed_to": "CNBC"},
    ),
    (
        "Nvidia lost $589 billion in market value on Monday.",
        "$589 billion",
        589e9,
        "USD",
        "exact",
        {"subject": "Nvidia", "metric": "market_value_change"},
    ),
    (
        "Nvidia shed nearly $600 billion of market value.",
        "nearly $600 billion",
        600e9,
        "USD",
        "approx",
        {"metric": "market_value_change"},
    ),
    ("Nvidia shares were down 17% at the close.", "17%", -17, "percent", "exact", {"metric": "percent_change"}),
    (
        "Nvidia expects a charge of about $5.5 billion tied to the H20.",
        "about $5.5 billion",
        5.5e9,
        "USD",
        "approx",
        {"metric": "charge", "chip": "H20", "subject": "Nvidia"},
    ),
    (
        "Analysts put H20 revenue at $12 billion to $15 billion last year.",
        "$12 billion to $15 billion",
        13.5e9,
        "USD",
        "range",
        {"metric": "revenue", "chip": "H20"},
    ),
    (
        "Smugglers moved at least $1 billion of B200 chips in three months.",
        "at least $1 billion",
        1e9,
        "USD",
        "at_least",
        {},
    ),
    (
        "Prosecutors cited an invoice of $28.4 million for the H100 servers.",
        "$28.4 million",
        28.4e6,
        "USD",
        "exact",
        {"metric": "deal_value"},
    ),
    (
        # the agency reports the figure; the unnamed ring it is about is no entity (issue 10: a cited
        # source is never the subject)
        "The Justice Department said the ring exported about 7,000 chips.",
        "about 7,000 chips",
        7000,
        "chips",
        "approx",
        {"subject": None, "attributed_to": "US Justice Department"},
    ),
    (
        "Training R1 cost $294,000, according to the Nature paper.",
        "$294,000",
        294000,
        "USD",
        "exact",
        {"attributed_to": "Nature", "metric": "training_cost"},
    ),
    ("The model ran on 512 H800 chips.", "512 H800 chips", 512, "chips", "exact", {"chip": "H800"}),
    ("R1 was trained over 80 hours.", "80 hours", 80, "hours", "exact", {"metric": "duration"}),
    (
        "The government will collect 25% of the H200 revenue.",
        "25%",
        25,
        "percent",
        "exact",
        {"metric": "tariff_or_fee_share"},
    ),
    ("DeepSeek reported a cost of $5.576M for the final run.", "$5.576M", 5.576e6, "USD", "exact", {}),
    (
        "High-Flyer paid US$103 million for the servers.",
        "US$103 million",
        103e6,
        "USD",
        "exact",
        {"subject": "High-Flyer"},
    ),
    (
        "SemiAnalysis put DeepSeek's server capex at $1.6bn.",
        "$1.6bn",
        1.6e9,
        "USD",
        "exact",
        {"metric": "investment", "attributed_to": "SemiAnalysis"},
    ),
    ("Two thousand chips were seized.", "Two thousand chips", 2000, "chips", "exact", {}),
    ("A dozen firms sold the chips.", "A dozen firms", 12, "companies", "approx", {"metric": "company_count"}),
]

KO = [
    (
        "딥시크는 557만6000달러(약 78억8000만원)를 썼다.",
        "557만6000달러",
        5_576_000,
        "USD",
        "exact",
        {"subject": "DeepSeek"},
    ),
    (
        "딥시크는 557만6000달러(약 78억8000만원)를 썼다.",
        "약 78억8000만원",
        7_880_000_000,
        "KRW",
        "approx",
        {"subject": "DeepSeek", "linked_to": 0},
    ),
    (
        "딥시크의 훈련 비용은 5576만 달러로 알려졌다.",
        "5576만 달러",
        55_760_000,
        "USD",
        "exact",
        {"metric": "training_cost"},
    ),
    ("딥시크는 600만 달러 미만을 들였다.", "600만 달러 미만", 6_000_000, "USD", "less_than", {}),
    (
        "딥시크가 하드웨어에 5억 달러(약 7290억 원)를 지출했다.",
        "5억 달러",
        500_000_000,
        "USD",
        "exact",
        {"metric": "investment"},
    ),
    (
        "딥시크가 하드웨어에 5억 달러(약 7290억 원)를 지출했다.",
        "약 7290억 원",
        729_000_000_000,
        "KRW",
        "approx",
        {"metric": "investment", "linked_to": 0},
    ),
    ("이는 딥시크가 밝힌 비용의 약 90배다.", "약 90배", 90, "times", "approx", {}),
    (
        "엔비디아 시가총액이 846조 원 증발했다.",
        "846조 원",
        846e12,
        "KRW",
        "exact",
        {"metric": "market_value_change", "subject": "Nvidia"},
    ),
    (
        "딥시크는 R1 훈련에 29만4000달러를 썼다고 밝혔다.",
        "29만4000달러",
        294_000,
        "USD",
        "exact",
        {"metric": "training_cost", "attributed_to": "DeepSeek"},
    ),
    (
        "디지털투데이는 비용이 39만달러라고 전했다.",
        "39만달러",
        390_000,
        "USD",
        "exact",
        {"attributed_to": "Digital Today"},
    ),
    (
        "한 판매업자는 1억300만달러(약 1500억원) 규모의 계약을 맺었다.",
        "1억300만달러",
        103_000_000,
        "USD",
        "exact",
        {"metric": "deal_value"},
    ),
    (
        "한 판매업자는 1억300만달러(약 1500억원) 규모의 계약을 맺었다.",
        "약 1500억원",
        150_000_000_000,
        "KRW",
        "approx",
        {"metric": "deal_value", "linked_to": 0},
    ),
    ("미국 업체들은 최대 1만6000개 이상의 칩을 쓴다.", "최대 1만6000개 이상", 16_000, "chips", "at_least", {}),
    ("엔비디아 주가는 장중 -11.20%를 기록했다.", "-11.20%", -11.2, "percent", "exact", {"metric": "percent_change"}),
    ("엔비디아 주가는 11.20% 하락했다.", "11.20%", -11.2, "percent", "exact", {"metric": "percent_change"}),
    (
        "H20 매출은 12-15억 달러로 추정된다.",
        "12-15억 달러",
        1.35e9,
        "USD",
        "range",
        {"metric": "revenue", "chip": "H20"},
    ),
]


def _check(text, surface, value, unit, qualifier, fields):
    figures = extract_figures(text)
    match = [f for f in figures if f.surface == surface]
    assert match, f"{surface!r} not in {[f.surface for f in figures]}"
    f = match[0]
    assert math.isclose(f.value, value, rel_tol=1e-9), (f.value, value)
    assert (f.unit, f.qualifier) == (unit, qualifier)
    for key, expected in fields.items():
        assert getattr(f, key) == expected, (key, getattr(f, key))
    assert text[f.span_start : f.span_end] == f.surface


@pytest.mark.parametrize(("text", "surface", "value", "unit", "qualifier", "fields"), EN)
def test_english_surface(text, surface, value, unit, qualifier, fields):
    _check(text, surface, value, unit, qualifier, fields)


@pytest.mark.parametrize(("text", "surface", "value", "unit", "qualifier", "fields"), KO)
def test_korean_surface(text, surface, value, unit, qualifier, fields):
    _check(text, surface, value, unit, qualifier, fields)


@pytest.mark.parametrize(
    ("surface", "low", "high"),
    [
        ("$5.6 million", 5.55e6, 5.7e6),  # rounded or truncated
        ("about $6 million", 5.1e6, 6.9e6),  # approx: ±15%
        ("less than $6 million", 0, 6e6),
        ("more than 50,000 H100 chips", 50000, INF),
        ("16,000 or more chips", 16000, INF),
        ("$12 billion to $15 billion", 12e9, 15e9),
    ],
)
def test_english_intervals(surface, low, high):
    text = next(t for t, s, *_ in EN if s == surface)
    f = next(f for f in extract_figures(text) if f.surface == surface)
    assert math.isclose(f.value_low, low, rel_tol=1e-9, abs_tol=1e-9)
    assert f.value_high == high or math.isclose(f.value_high, high, rel_tol=1e-9)


@pytest.mark.parametrize(
    "text",
    [
        "DeepSeek released R1 on Jan. 20, 2025, and V3 in December 2024.",
        "Nvidia's H800, A100, H100, H20, GB200 and RTX 4090 chips are all covered by the rule.",
        "Call 02-397-7000 or write to webmaster@news1.kr before 3:42 PM.",
        "딥시크는 2023년 설립됐고 2025.1.27 R1을 공개했다.",
        "1월 27일 오후 3시 42분 기준, 제3조에 따라 H800 수출이 금지됐다.",
        "The rule, Section 301, took effect in 2021.",
        "Article 000_68cb2df34e3786ef was updated.",
    ],
)
def test_not_figures(text):
    assert [f.surface for f in extract_figures(text)] == []


def test_conversion_link_indexes_main_figure():
    text = "딥시크는 557만 6000달러(약 81억 원)를 썼고, 5억 달러(약 7290억 원)라는 추정도 있다."
    figs = extract_figures(text)
    assert [f.surface for f in figs] == ["557만 6000달러", "약 81억 원", "5억 달러", "약 7290억 원"]
    assert [f.linked_to for f in figs] == [None, 0, None, 2]
    assert figs[1].subject == figs[0].subject == "DeepSeek"
