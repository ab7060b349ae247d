"""Kinds of wording the number grammars must read (issue 10, section 5), with sentences written for these tests.

Each positive case names the surface the extractor must report and its value, unit and qualifier (and, for
ranges, the interval); each negative case is a sentence in which nothing is a figure.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract import extract_figures

INF = math.inf

# (kind, text, surface, value, unit, qualifier, (low, high) for ranges or None)
CASES = [
    # a count whose noun stands apart from the number
    ("separated", "Nvidia shipped 1,500 of its newest accelerators to the lab in May.",
     "1,500 of its newest accelerators", 1500, "chips", "exact", None),
    ("separated", "Customs seized about 300 of the smuggled Nvidia H100 chips.",
     "about 300 of the smuggled Nvidia H100 chips", 300, "chips", "approx", None),
    ("separated", "More than 40 of those listed Chinese companies appealed.",
     "More than 40 of those listed Chinese companies", 40, "companies", "more_than", None),
    ("separated", "Police arrested 12 of the alleged smugglers.", "12 of the alleged smugglers", 12, "people",
     "exact", None),
    ("separated", "엔비디아가 보낸 최신 가속기 가운데 1500개가 연구소에 도착했다.", "1500개", 1500, "chips", "exact",
     None),
    ("separated", "적발된 밀수 서버 중 약 300대는 중국으로 향했다.", "약 300대", 300, "servers", "approx", None),
    ("separated", "About 200 of Nvidia's H20 chips were seized.", "About 200 of Nvidia's H20 chips", 200, "chips",
     "approx", None),
    ("separated", "명단에 오른 중국 기업 140곳 가운데 40곳 이상이 항소했다.", "40곳 이상", 40, "companies", "at_least",
     None),
    # a count whose noun was named by the sentence before
    ("elided", "The lab ordered 20,000 H100 chips last year. It needed only about 900.", "about 900", 900,
     "chips", "approx", None),
    ("elided", "Regulators counted 1,200 servers in the warehouse. Fewer than 300 were ever switched on.",
     "Fewer than 300", 300, "servers", "less_than", None),
    ("elided", "Smugglers tried to move 5,000 GPUs through Singapore. Police stopped more than 1,000.",
     "more than 1,000", 1000, "chips", "more_than", None),
    ("elided", "딥시크는 H800 칩 2만 개를 주문했다. 실제로 쓴 것은 약 900개뿐이었다.", "약 900개", 900, "chips",
     "approx", None),
    ("elided", "세관은 창고에서 서버 1200대를 찾아냈다. 이 가운데 300대 미만이 실제로 쓰였다.", "300대 미만", 300,
     "servers", "less_than", None),
    # counts inside compound adjectives
    ("compound", "Meta is building a 1,024-GPU cluster in Texas.", "1,024-GPU", 1024, "chips", "exact", None),
    ("compound", "The startup rents out a 10,000-chip supercomputer.", "10,000-chip", 10000, "chips", "exact", None),
    ("compound", "A 500-server data center draws as much power as a town.", "500-server", 500, "servers", "exact",
     None),
    ("compound", "The deal created a 20-company consortium.", "20-company", 20, "companies", "exact", None),
    ("compound", "xAI switched on a 100,000-H100 cluster.", "100,000-H100", 100000, "chips", "exact", None),
    ("compound", "그 연구소는 1024개 GPU 규모의 클러스터를 짓는다.", "1024개 GPU", 1024, "chips", "exact", None),
    ("compound", "The chipmaker hired a 2,000-person team in Taiwan.", "2,000-person", 2000, "people", "exact", None),
    ("compound", "Its 2048-GPU cluster went online in June.", "2048-GPU", 2048, "chips", "exact", None),
    # bounds in words
    ("bound", "The license caps exports at no more than 300,000 units a year.", "no more than 300,000 units",
     300000, "units", "at_most", None),
    ("bound", "Nvidia kept its price at or above $25,000 per chip.", "at or above $25,000", 25000, "USD",
     "at_least", None),
    ("bound", "Its China sales must stay at or below 10% of revenue.", "at or below 10%", 10, "percent", "at_most",
     None),
    ("bound", "Each order is capped at 50,000 chips.", "capped at 50,000 chips", 50000, "chips", "at_most", None),
    ("bound", "The fine may not exceed $5 million.", "not exceed $5 million", 5e6, "USD", "at_most", None),
    ("bound", "Buyers paid no lower than $30,000 for each card.", "no lower than $30,000", 30000, "USD", "at_least",
     None),
    ("bound", "연간 수출 장비는 30만 대를 넘지 않는다.", "30만 대를 넘지 않", 300000, "units", "at_most", None),
    ("bound", "관세율은 25%를 초과하지 않는다.", "25%를 초과하지 않", 25, "percent", "at_most", None),
    ("bound", "칩 한 개 가격은 2만 달러를 밑돌지 않았다.", "2만 달러를 밑돌지 않", 20000, "USD", "at_least", None),
    ("bound", "중국 업체의 점유율은 3%도 안 된다.", "3%도 안 된", 3, "percent", "less_than", None),
    # alternatives and ranges in words
    ("alternative", "The chips left Singapore in three or four shipments.", "three or four shipments", 3.5, "count",
     "range", (3, 4)),
    ("alternative", "The rule could take two to three quarters to bite.", "two to three quarters", 7.5, "months",
     "range", (6, 9)),
    ("alternative", "Deliveries slipped by two or three weeks.", "two or three weeks", 17.5, "days", "range",
     (14, 21)),
    ("alternative", "Nvidia sold 2,000 or 3,000 H20 chips to the firm.", "2,000 or 3,000 H20 chips", 2500, "chips",
     "range", (2000, 3000)),
    ("alternative", "They moved one or two servers a week.", "one or two servers", 1.5, "servers", "range", (1, 2)),
    ("alternative", "밀수 조직은 칩을 두세 차례에 나눠 옮겼다.", "두세 차례", 2.5, "count", "range", (2, 3)),
    ("alternative", "수출 허가 심사에는 서너 달이 걸린다.", "서너 달", 3.5, "months", "range", (3, 4)),
    ("alternative", "대여섯 곳의 업체가 입찰에 참여했다.", "대여섯 곳", 5.5, "companies", "range", (5, 6)),
    ("alternative", "허가는 한두 달 안에 나온다.", "한두 달", 1.5, "months", "range", (1, 2)),
    ("alternative", "허가는 두어 달 뒤에 나왔다.", "두어 달", 2, "months", "approx", None),
    ("alternative", "The cluster needs two to three million chips.", "two to three million chips", 2.5e6, "chips",
     "range", (2e6, 3e6)),
    ("alternative", "A license review takes one to two weeks.", "one to two weeks", 10.5, "days", "range", (7, 14)),
    ("alternative", "세관은 두세 번 서류를 돌려보냈다.", "두세 번", 2.5, "count", "range", (2, 3)),
    # decimal commas and dot thousands
    ("decimal_comma", "ASML expects €2,5 billion in extra orders.", "€2,5 billion", 2.5e9, "EUR", "exact", None),
    ("decimal_comma", "The levy is 3,5% of the price.", "3,5%", 3.5, "percent", "exact", None),
    ("dot_thousands", "Customs counted 10.000 units at the port.", "10.000 units", 10000, "units", "exact", None),
    ("dot_thousands", "The fund raised €1.200.000 for the startup.", "€1.200.000", 1.2e6, "EUR", "exact", None),
    ("dot_thousands", "Each board costs €12.500 in Germany.", "€12.500", 12500, "EUR", "exact", None),
    ("dot_thousands", "The chip is 2.5 times faster.", "2.5 times", 2.5, "times", "exact", None),
    ("dot_thousands", "Nvidia paid $1.250 billion for the unit.", "$1.250 billion", 1.25e9, "USD", "exact", None),
    # multiplicative verbs
    ("multiplicative", "Nvidia's data-center revenue doubled last year.", "doubled", 2, "times", "exact", None),
    ("multiplicative", "Chip exports to Malaysia more than quadrupled.", "more than quadrupled", 4, "times",
     "more_than", None),
    ("multiplicative", "Prices of used H100s nearly tripled after the ban.", "nearly tripled", 3, "times", "approx",
     None),
    ("multiplicative", "Its share of the Chinese market halved.", "halved", 0.5, "times", "exact", None),
    ("multiplicative", "H20 orders roughly doubled in the spring.", "roughly doubled", 2, "times", "approx", None),
    ("multiplicative", "Analysts expect demand to double again.", "double", 2, "times", "exact", None),
    ("multiplicative", "엔비디아의 중국 매출은 배증했다.", "배증", 2, "times", "exact", None),
    ("multiplicative", "수출 물량이 두 곱절로 늘었다.", "두 곱절", 2, "times", "exact", None),
    ("multiplicative", "중국 매출이 반토막 났다.", "반토막", 0.5, "times", "exact", None),
    ("multiplicative", "서버 가격이 세 배 넘게 뛰었다.", "세 배 넘게", 3, "times", "more_than", None),
    # Korean counters, durations and ratios
    ("ko_counter", "엔비디아 주가는 사흘간 12% 떨어졌다.", "사흘", 3, "days", "exact", None),
    ("ko_counter", "화웨이는 열흘 만에 새 칩을 내놓았다.", "열흘", 10, "days", "exact", None),
    ("ko_counter", "코스피는 3거래일간 하락했다.", "3거래일", 3, "days", "exact", None),
    ("ko_counter", "필라델피아 반도체지수는 5거래일 연속 올랐다.", "5거래일", 5, "days", "exact", None),
    ("ko_counter", "심사는 2주간 이어졌다.", "2주", 14, "days", "exact", None),
    ("ko_counter", "엔비디아는 2주일 만에 허가를 받았다.", "2주일", 14, "days", "exact", None),
    ("ko_counter", "당국은 3~4차례 조사했다.", "3~4차례", 3.5, "count", "range", (3, 4)),
    ("alternative", "The review took about a week.", "about a week", 7, "days", "approx", None),
    ("ko_counter", "미 상무부는 규정을 세 차례 개정했다.", "세 차례", 3, "count", "exact", None),
    ("ko_counter", "당국은 10여 차례 현장 조사를 벌였다.", "10여 차례", 10, "count", "approx", None),
    ("ko_counter", "엔비디아는 올해 가격을 3회 올렸다.", "3회", 3, "count", "exact", None),
    ("ko_counter", "업체는 DGX 서버 5대를 들여왔다.", "5대", 5, "servers", "exact", None),
    ("ko_counter", "그 업체는 장비 20대를 중국으로 보냈다.", "20대", 20, "units", "exact", None),
    ("ko_counter", "엔비디아는 석 달 동안 판매를 멈췄다.", "석 달", 3, "months", "exact", None),
    ("ko_counter", "규정 발표 이틀째 주가가 반등했다.", "이틀", 2, "days", "exact", None),
    ("ko_counter", "중국 매출은 전체의 3분의 1가량이다.", "3분의 1가량", 1 / 3, "fraction", "approx", None),
    ("fraction", "Three quarters of the servers sat idle.", "Three quarters", 0.75, "fraction", "exact", None),
    ("fraction_teen", "R1's bill was roughly one-nineteenth of V3's.", "roughly one-nineteenth", 1 / 19, "fraction",
     "approx", None),
    # a currency sign typed before a percentage
    ("typo", "Nvidia shares fell $3.5% on Monday.", "3.5%", -3.5, "percent", "exact", None),
    ("typo", "AMD's revenue rose $12% in the quarter.", "12%", 12, "percent", "exact", None),
    ("typo", "엔비디아 주가는 $3.5% 하락했다.", "3.5%", -3.5, "percent", "exact", None),
    ("typo", "Prices rose €5% in Europe.", "5%", 5, "percent", "exact", None),
    ("elided", "The US added 140 entities to the list. Around 40 were Chinese.", "Around 40", 40, "companies",
     "approx", None),
    ("elided", "화웨이는 어센드 칩 10만 개를 만들었다. 올해는 20만 개 이상을 만든다.", "20만 개 이상", 200000, "chips",
     "at_least", None),
]

# (kind, text): nothing in the text is a figure
NEGATIVE = [
    ("only_for", "수출은 허가받은 기업에 한해 허용된다."),
    ("only_for", "미국 정부의 승인을 받은 경우에 한해서만 판매할 수 있다."),
    ("at_one_point", "엔비디아는 한때 세계에서 가장 비싼 기업이었다."),
    ("at_one_point", "한때 H20 판매가 중단되기도 했다."),
    ("year_adjective", "Nvidia unveiled its 2026 lineup in March."),
    ("year_adjective", "Nvidia's 2026 chips will use faster memory."),
    ("year_adjective", "Huawei’s 2025 processors are made by SMIC."),
    ("year_adjective", "A 2027 GPU from AMD is planned."),
    ("year_adjective", "엔비디아의 2026년형 칩은 더 빠르다."),
    ("year_alternative", "In 2023 or 2024 the firm bought more."),
    ("idiom", "The company doubled down on its China strategy."),
    ("idiom", "Nvidia posted a double-digit gain."),
    ("idiom", "Its growth rate is set to triple digits."),
    ("idiom", "두 번째 규정이 발표됐다."),
    ("idiom", "이틀 전 규정이 발표됐다."),
    ("dot_decimal", "Version 3.000 of the driver shipped."),
    ("duration_record", "Nvidia stock hit a 52-week high."),
    ("shares", "그는 엔비디아 주식 100만 주를 샀다."),
    ("shares", "엔비디아 주가는 52주 신고가를 경신했다."),
    ("idiom", "중국 소비자들은 미국 정부에 반감을 드러냈다."),
]


def _find(text: str, surface: str):
    figures = extract_figures(text)
    match = [f for f in figures if f.surface == surface]
    assert match, f"{surface!r} not in {[f.surface for f in figures]}"
    return match[0]


@pytest.mark.parametrize(
    ("kind", "text", "surface", "value", "unit", "qualifier", "bounds"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_wording(kind, text, surface, value, unit, qualifier, bounds):
    f = _find(text, surface)
    assert math.isclose(f.value, value, rel_tol=1e-9), (f.value, value)
    assert (f.unit, f.qualifier) == (unit, qualifier)
    assert text[f.span_start : f.span_end] == surface
    if bounds is not None:
        assert (f.value_low, f.value_high) == pytest.approx(bounds)


@pytest.mark.parametrize(("kind", "text"), NEGATIVE, ids=[f"{n[0]}-{i}" for i, n in enumerate(NEGATIVE)])
def test_not_a_figure(kind, text):
    assert [f.surface for f in extract_figures(text)] == []


def test_elided_noun_needs_the_previous_sentence():
    """Without a sentence naming the noun, a qualified bare number stays no figure."""
    assert [f.surface for f in extract_figures("It needed only about 900.")] == []
    assert [f.surface for f in extract_figures("실제로 쓴 것은 이 가운데 300대 미만이었다.")] == []


def test_elided_noun_needs_a_phrase_end():
    """"about 90 on the benchmark" is a score, not one of the chips named before."""
    text = "The lab ordered 20,000 H100 chips. It scored about 90 on the benchmark."
    assert [f.surface for f in extract_figures(text)] == ["20,000 H100 chips"]


def test_elided_noun_does_not_cross_paragraphs():
    text = "The lab ordered 20,000 H100 chips last year.\n\nIt needed only about 900."
    assert [f.surface for f in extract_figures(text)] == ["20,000 H100 chips"]


def test_elided_noun_not_taken_by_a_counter_with_its_own_noun():
    """"3개국" counts countries: the chips of the sentence before do not reach it."""
    text = "딥시크는 H800 칩 2만 개를 주문했다. 이 칩은 3개국을 거쳐 들어왔다."
    units = {f.surface: f.unit for f in extract_figures(text)}
    assert units == {"2만 개": "chips", "3개국": "count"}


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1000, max_value=999_999_999))
def test_dot_thousands_counts_parse_back(n):
    """Any count written with dots between thousands reads as that count, like its comma spelling."""
    dotted = f"{n:,}".replace(",", ".")
    for written in (dotted, f"{n:,}"):
        figs = extract_figures(f"Customs counted {written} units at the port.", "en")
        assert [(f.surface, f.value, f.unit) for f in figs] == [(f"{written} units", n, "units")]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=99))
def test_decimal_comma_amounts_parse_back(whole, frac):
    """"€W,F billion" is W.F billion euros, whatever the digits."""
    figs = extract_figures(f"ASML expects €{whole},{frac} billion in orders.", "en")
    assert len(figs) == 1 and figs[0].unit == "EUR"
    assert math.isclose(figs[0].value, float(f"{whole}.{frac}") * 1e9, rel_tol=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=99_999), st.integers(min_value=1, max_value=99_999))
def test_alternatives_are_ranges(low, gap):
    """"L or H chips" is the range [L, H] for any L < H."""
    high = low + gap
    figs = extract_figures(f"Nvidia sold {low:,} or {high:,} chips to the firm.", "en")
    assert [(f.qualifier, f.value_low, f.value_high, f.unit) for f in figs] == [("range", low, high, "chips")]
