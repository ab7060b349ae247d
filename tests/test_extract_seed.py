"""The seed News1 article (2025-01-28): the figures chipwatch must get right."""

from __future__ import annotations

import math

import pytest

from pipelines.extract import extract_figures

# The paragraphs of the seed article that carry figures (and the sentences they depend on), joined
# with blank lines as the News1 parser joins paragraphs.
SEED = "\n\n".join(
    [
        "딥시크가 최근 선보인 AI 챗봇 'R1'에 투입한 비용과 훈련에 사용된 칩이 기존 모델보다 현저히 적은 데다 "
        "성능은 높은 것으로 나타났기 때문이다.",
        "R1에 투입된 비용은 557만 6000달러로 오픈AI가 최신 챗GPT에 투자한 1억 달러의 20분의 1 수준이다. "
        "또한 훈련에 사용된 전용 칩은 엔비디아의 최신 칩인 H100을 다운그레이드 시킨 H800이고 칩도 약 "
        "2000개밖에 사용되지 않은 것으로 알려졌다.",
        "미국의 AI업체들이 챗봇을 훈련시키는 데 사용하는 칩이 1만 6000개인 것과 비교할 때 현저히 적다.",
        "딥시크가 R1에 사용한 H800 칩은 미국이 수출 규제를 실시한 후 엔비디아가 중국 시장을 위해 개발한 AI 칩으로 "
        "미국이 H800까지 규제하는 데 약 1년이 걸렸고, 그동안 중국은 H800 칩을 대량으로 비축했다는 이유에서다.",
        "엔비디아와 미국 정부가 밀수 규모가 제한적이라고 주장하고 있지만 지난해 중국에서 제한된 AI 기술이 활발히 "
        "거래된 것으로 알려졌다.",
        "NYT에 따르면, 11개 기업 대표들이 엔비디아의 최신 칩인 A100, H100을 포함해 금지된 칩을 판매하거나 "
        "운송했으며 온라인에서도 해당 칩들을 판매하는 수십 개의 기업이 발견됐다. 중국 선전의 한 판매업자는 "
        "2000개 이상의 최첨단 엔비디아 칩이 포함된 약 1억 300만 달러 규모의 계약을 체결하기도 했다.",
        "yellowapollo@news1.kr",
    ]
)


@pytest.fixture(scope="module")
def figures():
    return extract_figures(SEED, "ko")


def _find(figures, surface_part: str):
    found = [f for f in figures if surface_part in f.surface]
    assert found, f"no figure with {surface_part!r}: {[f.surface for f in figures]}"
    return found[0]


@pytest.mark.parametrize(
    ("surface", "value", "unit", "qualifier", "fields"),
    [
        ("557만 6000달러", 5_576_000, "USD", "exact", {"subject": "DeepSeek", "metric": "training_cost"}),
        ("1억 달러", 100_000_000, "USD", "exact", {"subject": "OpenAI"}),
        ("20분의 1", 0.05, "fraction", None, {}),
        ("2000개", 2_000, "chips", "approx", {"subject": "DeepSeek", "chip": "H800", "metric": "chip_count"}),
        ("1만 6000개", 16_000, "chips", "exact", {"subject": "US AI companies", "metric": "chip_count"}),
        ("1년", 1, "years", "approx", {"metric": "duration"}),
        (
            "11개 기업",
            11,
            "companies",
            "exact",
            {"metric": "company_count", "attributed_to": "The New York Times"},
        ),
        ("1억 300만 달러", 103_000_000, "USD", "approx", {"metric": "deal_value"}),
        ("2000개 이상", 2_000, "chips", "at_least", {"metric": "chip_count"}),
    ],
)
def test_seed_figure(figures, surface, value, unit, qualifier, fields):
    f = _find(figures, surface)
    assert math.isclose(f.value, value, rel_tol=1e-9)
    assert f.unit == unit
    if qualifier is not None:
        assert f.qualifier == qualifier
    for key, expected in fields.items():
        assert getattr(f, key) == expected, (surface, key)
    assert SEED[f.span_start : f.span_end] == f.surface
    assert SEED[f.sentence_start : f.sentence_start + len(f.sentence)] == f.sentence
    assert f.sentence_start <= f.span_start < f.span_end <= f.sentence_start + len(f.sentence)
    assert f.rule.startswith("ko.")


def test_seed_surfaces_include_qualifiers(figures):
    surfaces = [f.surface for f in figures]
    assert "약 2000개" in surfaces
    assert "약 1억 300만 달러" in surfaces
    assert "약 1년" in surfaces


def test_seed_intervals(figures):
    cost = _find(figures, "557만 6000달러")
    # rounded or truncated: half a unit below, one unit above
    assert (cost.value_low, cost.value_high) == (5_575_500, 5_577_000)
    openai = _find(figures, "1억 달러")
    # a round exact figure is within 10% below and 20% above (a cut-off leading digit), not half its leading digit
    assert (openai.value_low, openai.value_high) == (90_000_000, 120_000_000)
    at_least = _find(figures, "2000개 이상")
    assert at_least.value_low == 2000 and at_least.value_high == math.inf


def test_seed_no_figures_from_model_numbers_or_vague(figures):
    for f in figures:
        assert not any(code in f.surface for code in ("H800", "H100", "A100", "R1"))
    vague = [f for f in figures if "수십" in f.surface]
    assert all(f.qualifier == "vague" and f.value is None for f in vague)
    assert not any(f.value in (800, 100, 1) and f.unit == "count" for f in figures)
    assert not any("news1" in f.surface for f in figures)


def test_seed_exact_figure_list(figures):
    non_vague = [f.surface for f in figures if f.qualifier != "vague"]
    assert non_vague == [
        "557만 6000달러",
        "1억 달러",
        "20분의 1 수준",
        "약 2000개",
        "1만 6000개",
        "약 1년",
        "11개 기업",
        "2000개 이상",
        "약 1억 300만 달러",
    ]


def test_seed_language_detected():
    assert extract_figures(SEED) == extract_figures(SEED, "ko")
