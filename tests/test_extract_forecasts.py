"""Forecasts and results are two quantities: a charge warned of and the charge booked
(``pipelines.extract.charges``), capital spending planned and spent (``pipelines.extract.capex``), and a change
from the previous quarter beside one from a year before. The tracker keeps a company's capital spending apart by
the period it is for.

Sentences written for this project, not taken from the gold sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipelines.extract import extract_figures
from pipelines.extract.governing import words_around
from pipelines.track import build_observations
from tests.test_extract_claim_identity import fig
from tests.test_track_claims import _fact, _frame, _t

APRIL = datetime(2025, 4, 16, 12, tzinfo=UTC)
MAY = datetime(2025, 5, 29, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "surface", "when", "scope"),
    [
        ("Nvidia said on Tuesday it expects to take a charge of about $5.5 billion tied to its H20 chips.",
         "about $5.5 billion", APRIL, "as guidance"),
        ("Nvidia said the licence rule would cost it $5.5 billion in the quarter.", "$5.5 billion", APRIL,
         "as guidance"),
        ("The company booked a $4.5 billion charge related to the H20, less than the $5.5 billion it had warned of.",
         "$4.5 billion", MAY, None),
        ("The company booked a $4.5 billion charge related to the H20, less than the $5.5 billion it had warned of.",
         "less than the $5.5 billion", MAY, "as guidance"),
        # "May" the month is no "may" of a forecast
        ("In May it put the H20 write-down at $4.5 billion.", "$4.5 billion", MAY, None),
        # a write-down booked, followed by a forecast of another quantity
        ("The ban forced a $4.5 billion H20 write-down and was expected to cut sales.", "$4.5 billion", MAY, None),
        ("엔비디아는 H20 수출 규제로 1분기에 약 55억 달러(약 7조8000억 원)의 비용을 반영할 것이라고 밝혔다.",
         "약 55억 달러", APRIL, "as guidance"),
        ("엔비디아는 H20 수출 규제로 약 55억 달러의 비용을 반영한다고 밝혔다.", "약 55억 달러", APRIL, "as guidance"),
        ("엔비디아는 1분기에 H20 관련 재고 비용 45억 달러를 반영했다.", "45억 달러", MAY, None),
        # the words before a Korean amount that modify it are its own, not the amount's before
        ("H20 관련 비용은 45억 달러로 지난달 예고했던 55억 달러보다 10억 달러 적었다.", "45억 달러", MAY, None),
        ("H20 관련 비용은 45억 달러로 지난달 예고했던 55억 달러보다 10억 달러 적었다.", "55억 달러", MAY,
         "as guidance"),
        # compared with the warning: the charge booked
        ("1분기에 반영된 H20 손실은 45억 달러로 예고보다 적었다.", "45억 달러", MAY, None),
    ],
)
def test_a_charge_warned_of_is_guidance_and_the_charge_booked_is_not(text, surface, when, scope):
    f = fig(text, surface, published_at=when)
    assert (f.metric, f.scope) == ("charge", scope)


def test_a_conversion_follows_its_warned_charge():
    f = fig("엔비디아는 H20 수출 규제로 1분기에 약 55억 달러(약 7조8000억 원)의 비용을 반영할 것이라고 밝혔다.",
            "약 7조8000억 원", published_at=APRIL)
    assert (f.metric, f.scope) == ("charge", "as guidance")


def test_a_warned_charge_named_again_without_a_verb_is_the_warned_one():
    text = ("Nvidia said in April it would take a $5.5 billion charge tied to the H20. "
            "The $5.5 billion charge rattled investors.")
    again = [f for f in extract_figures(text, published_at=APRIL) if f.surface == "$5.5 billion"]
    assert [f.scope for f in again] == ["as guidance", "as guidance"]


def test_a_forecast_retold_later_is_of_the_quarter_ahead_of_the_day_it_was_made():
    f = fig("In April Nvidia had said it would take a charge of $5.5 billion in its first quarter.", "$5.5 billion",
            published_at=datetime(2025, 8, 28, 12, tzinfo=UTC))
    assert (f.scope, f.refers_to) == ("as guidance", "2025-02/2025-04")


@pytest.mark.parametrize(
    ("text", "surface", "when", "scope", "refers_to"),
    [
        ("Microsoft has said it will spend about $80 billion in the fiscal year through June, Alphabet has guided "
         "to $75 billion, and Meta expects $60 billion to $65 billion.", "about $80 billion",
         datetime(2025, 2, 7, tzinfo=UTC), "as guidance", "2024-07/2025-06"),
        ("Microsoft has said it will spend about $80 billion in the fiscal year through June, Alphabet has guided "
         "to $75 billion, and Meta expects $60 billion to $65 billion.", "$75 billion",
         datetime(2025, 2, 7, tzinfo=UTC), "as guidance", "2025"),
        ("Amazon spent $26.3 billion on property and equipment in the fourth quarter.", "$26.3 billion",
         datetime(2025, 2, 7, tzinfo=UTC), None, "2024-10/2024-12"),
        # a plan revised: the old value is the same year's plan, not spending in July
        ("Alphabet lifted its 2025 forecast to between $91bn and $93bn, from $85bn in July, after spending $24bn "
         "in the third quarter.", "$85bn", datetime(2025, 10, 31, tzinfo=UTC), "as guidance", "2025"),
        ("Alphabet lifted its 2025 forecast to between $91bn and $93bn, from $85bn in July, after spending $24bn "
         "in the third quarter.", "$24bn", datetime(2025, 10, 31, tzinfo=UTC), None, "2025-07/2025-09"),
        # Korean: the verb after a list of companies' plans governs every item
        ("올해 설비투자 계획으로 알파벳은 750억 달러, 메타는 600억~650억 달러를 제시했다.", "750억 달러",
         datetime(2025, 2, 8, tzinfo=UTC), "as guidance", "2025"),
        ("아마존은 올해 설비투자를 약 2000억 달러(약 290조 원)로 제시했다.", "약 2000억 달러",
         datetime(2026, 2, 6, tzinfo=UTC), "as guidance", "2026"),
        ("analysts expect Microsoft to spend about $145 billion over the calendar year.", "about $145 billion",
         datetime(2026, 2, 6, tzinfo=UTC), "as estimate", "2026"),
    ],
)
def test_capital_spending_planned_is_guidance_of_a_year(text, surface, when, scope, refers_to):
    f = fig(text, surface, published_at=when)
    assert (f.metric, f.scope, f.refers_to) == ("investment", scope, refers_to)


def test_an_investment_in_another_company_is_no_capital_spending():
    f = fig("Nvidia said it would invest up to $100 billion in OpenAI.", "up to $100 billion",
            published_at=datetime(2025, 9, 22, tzinfo=UTC))
    assert (f.metric, f.scope) == ("investment", "in OpenAI")


def test_capital_spending_of_different_years_is_never_compared():
    rows = [
        _fact("plan25", "cnbc", _t(2, 7), 75e9, 74.5e9, 75.5e9, metric="investment", subject="Google",
              scope="as guidance", refers_to="2025"),
        _fact("raised25", "ft", _t(10, 31), 92e9, 91e9, 93e9, metric="investment", subject="Google",
              scope="as guidance", refers_to="2025", qualifier="range"),
        _fact("plan26", "nyt", datetime(2026, 2, 5, tzinfo=UTC), 180e9, 175e9, 185e9, metric="investment",
              subject="Google", scope="as guidance", refers_to="2026", qualifier="range"),
        _fact("q3", "ft", _t(10, 31), 24e9, 23.5e9, 24.5e9, metric="investment", subject="Google",
              refers_to="2025-07/2025-09", article="a-raised25", span=80),
    ]
    obs, disc = build_observations(_frame(rows))
    key = dict(zip(obs["fact_id"], obs["claim_key"], strict=True))
    assert key["plan25"] == key["raised25"] != key["plan26"]
    assert len({key["plan25"], key["plan26"], key["q3"]}) == 3
    # the raised plan disagrees with the first one (a revision); the 2026 plan and a quarter's spending are
    # other quantities
    assert {frozenset(r) for r in disc[["fact_id_a", "fact_id_b"]].rows()} == {frozenset({"plan25", "raised25"})}


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("3분기 영업이익은 직전 분기보다 23.6% 늘었다.", "23.6%", "of operating profit vs previous quarter"),
        ("매출은 24조4489억 원으로 직전 분기 22조2320억 원보다 10% 늘었다.", "10%", "of revenue vs previous quarter"),
        ("영업이익은 전 분기(9조2129억 원) 대비 24% 증가했다.", "24%", "of operating profit vs previous quarter"),
        ("3분기 영업이익은 전년 동기 대비 62% 늘었다.", "62%", "of operating profit"),
        ("Revenue rose 22% from the previous quarter to $57 billion.", "22%", "of revenue vs previous quarter"),
        ("Third-quarter revenue jumped 36% from a year earlier and 20% from the second quarter to $9.25 billion.",
         "20%", "of revenue vs previous quarter"),
        ("Third-quarter revenue jumped 36% from a year earlier and 20% from the second quarter to $9.25 billion.",
         "36%", "of revenue"),
        ("Revenue rose 30% from the second quarter of last year.", "30%", "of revenue"),
        ("Revenue rose 62% from a year earlier to $57 billion.", "62%", "of revenue"),
    ],
)
def test_a_change_from_the_previous_quarter_is_another_quantity(text, surface, scope):
    f = fig(text, surface, headline="SK하이닉스 3분기 실적" if "분기" in text else "Nvidia results",
            published_at=datetime(2025, 10, 29, tzinfo=UTC))
    assert (f.metric, f.scope) == ("percent_change", scope)


def test_a_division_glossed_by_its_figure_is_the_division():
    f = fig("SK하이닉스의 3분기 영업이익은 11조3834억 원이었다. 다만 SK하이닉스가 삼성전자 DS 부문(7조 원)을 크게 "
            "앞질렀다.", "7조 원", published_at=datetime(2025, 10, 30, tzinfo=UTC))
    assert (f.subject, f.scope) == ("Samsung Electronics", "in chip division")


def test_the_governing_words_stop_at_the_next_amount_and_skip_the_figures_conversion():
    st = "손실은 45억 달러(약 6조 원)로, 지난달 예고한 55억 달러보다 적었다."
    start = st.index("45억")
    before, after = words_around(st, (start, start + len("45억 달러")))
    assert before == "손실은 " and after == "로"
    st = "The company booked a $4.5 billion charge, less than the $5.5 billion it had warned of."
    start = st.index("$5.5")
    before, after = words_around(st, (start, start + len("$5.5 billion")))
    assert before == "less than the " and after == " it had warned of."


@pytest.mark.parametrize(
    ("text", "surface", "when", "refers_to"),
    [
        # dated by the day the results were reported: the quarter last closed then
        ("Operating profit for the whole company came to 12.2 trillion won, Samsung Electronics said Thursday.",
         "12.2 trillion won", datetime(2025, 10, 30, 12, tzinfo=UTC), "2025-07/2025-09"),
        # a period's last day weeks before is the period's end, not a reporting day
        ("Nvidia's sales in the period ended July 27 climbed 56% to $46.7 billion.", "$46.7 billion",
         datetime(2025, 8, 28, 12, tzinfo=UTC), "2025-05/2025-07"),
    ],
)
def test_an_accounts_figure_dated_by_its_reporting_day_is_the_quarters(text, surface, when, refers_to):
    assert fig(text, surface, published_at=when).refers_to == refers_to


@pytest.mark.parametrize(
    ("text", "surface", "unit", "scope", "subject"),
    [
        ("TSMC said revenue for the July-September quarter was T$989.92 billion, with September sales alone reaching "
         "T$330.98 billion.", "T$330.98 billion", "TWD", "as monthly", "TSMC"),
        ("TSMC의 3분기 매출은 9899억2000만 대만달러였다. 미국 달러 기준으로는 331억 달러다.", "331억 달러", "USD", None,
         "TSMC"),
        ("엔비디아가 올해 2~4월 매출 441억 달러를 기록했다.", "441억 달러", "USD", None, "Nvidia"),
    ],
)
def test_a_months_sales_are_their_own_and_a_dollar_is_no_country(text, surface, unit, scope, subject):
    f = fig(text, surface, headline="TSMC results" if "TSMC" not in text else None, published_at=MAY)
    assert (f.unit, f.scope, f.subject) == (unit, scope, subject)


@pytest.mark.parametrize(
    ("text", "surface", "metric", "scope"),
    [
        # the brokers' average is the analysts' figure; a cue past the comma heads the next figure
        ("에프앤가이드에 따르면 증권사들이 제시한 SK하이닉스의 3분기 영업이익 전망치 평균은 11조3000억 원, "
         "매출 전망치는 24조7000억 원이다.", "11조3000억 원", "profit", "as estimate"),
        ("에프앤가이드에 따르면 증권사들이 제시한 SK하이닉스의 3분기 영업이익 전망치 평균은 11조3000억 원, "
         "매출 전망치는 24조7000억 원이다.", "24조7000억 원", "revenue", "as estimate"),
        # analysts as the topic of the sentence, clauses before the figure; where the forecast says it will go
        ("증권가는 HBM에 더해 범용 D램과 낸드 가격이 동시에 오르고 있어 SK하이닉스의 4분기 영업이익이 "
         "13조 원대로 늘어날 것으로 내다봤다.", "13조 원", "profit", "as estimate"),
        # a company's own outlook stays guidance; a result reported stays a result
        ("SK하이닉스는 4분기 매출이 25조 원으로 늘어날 것으로 전망했다.", "25조 원", "revenue", "as guidance"),
        ("SK하이닉스의 3분기 영업이익은 11조3834억 원, 매출은 24조4489억 원이다.", "11조3834억 원", "profit", None),
    ],
)
def test_korean_brokers_forecasts_are_estimates_of_their_own_metric(text, surface, metric, scope):
    f = fig(text, surface)
    assert (f.metric, f.scope) == (metric, scope)


def test_a_korean_comparand_is_read_dated_and_scoped_as_the_previous_quarters():
    pub = datetime(2025, 10, 29, 8, tzinfo=UTC)
    figs = {f.surface: f for f in extract_figures(
        "SK하이닉스의 3분기 영업이익률은 47%로 직전 분기(41%)보다 6%포인트 높아졌다. 영업이익은 11조 원으로 "
        "전 분기 9조 원보다 늘었다.", language="ko", published_at=pub)}
    assert figs["47%"].refers_to == "2025-07/2025-09" and figs["41%"].refers_to == "2025-04/2025-06"
    # an amount right before "보다" is read at all, dated once, and dates nothing else
    assert figs["9조 원"].refers_to == "2025-04/2025-06" and figs["11조 원"].refers_to == "2025-07/2025-09"
    f = fig("SK하이닉스의 영업이익은 전 분기 9조 원보다 늘어난 11조 원이었다.", "11조 원", published_at=pub)
    assert f.refers_to != "2025-04/2025-06"
    # the previous quarter's amount of a division is the division's, and the company is named with its division
    figs = {f.surface: f for f in extract_figures(
        "삼성전자 반도체(DS) 부문 영업이익은 1조1000억 원으로 전 분기(2조9000억 원)보다 크게 줄었다.", language="ko")}
    assert {(f.subject, f.scope) for f in figs.values()} == {("Samsung Electronics", "in chip division")}


def test_an_english_comparands_period_dates_only_the_comparand():
    figs = {f.surface: f.refers_to for f in extract_figures(
        "Samsung's operating profit came to 12.2 trillion won, up from 4.7 trillion won in the second quarter, on "
        "revenue of 86.1 trillion won.", published_at=datetime(2025, 10, 30, 8, tzinfo=UTC))}
    assert figs["4.7 trillion won"] == "2025-04/2025-06"
    assert figs["86.1 trillion won"] != "2025-04/2025-06" and figs["12.2 trillion won"] != "2025-04/2025-06"


@pytest.mark.parametrize(
    ("text", "surface", "metric", "scope"),
    [
        ("The board approved an additional $60 billion of share buybacks.", "$60 billion", "other", "as buyback"),
        ("지난해 8월 승인한 500억 달러에 이은 두 번째 대형 자사주 매입이다.", "500억 달러", "other", "as buyback"),
        ("엔비디아는 자사주 600억 달러어치를 더 사들이기로 했다.", "600억 달러", "other", "as buyback"),
        # a revenue named beside a buyback stays the revenue
        ("Nvidia's board authorised a further $60bn of share repurchases. The buyback came alongside revenue of "
         "$46.7bn for the quarter.", "$46.7bn", "revenue", None),
    ],
)
def test_a_share_buyback_is_its_own_quantity_not_revenue_or_a_deal(text, surface, metric, scope):
    f = fig(text, surface)
    assert (f.metric, f.scope) == (metric, scope)


def test_the_previous_years_figure_named_as_a_comparand_is_a_year_back():
    figs = {f.surface: f.refers_to for f in extract_figures(
        "엔비디아의 2026회계연도 연간 매출은 2159억 달러로 전년의 1305억 달러에서 크게 늘었다.", language="ko",
        published_at=datetime(2026, 2, 26, 8, tzinfo=UTC))}
    assert figs["2159억 달러"] != figs["1305억 달러"]
    assert int(figs["1305억 달러"][:4]) == int(figs["2159억 달러"][:4]) - 1


@pytest.mark.parametrize(
    ("text", "surface", "refers_to"),
    [
        ("Cambricon's revenue for the six months to June jumped 4,348% from a year earlier.", "4,348%",
         "2025-01/2025-06"),
        ("Cambricon's revenue in the nine months ended September rose 20%.", "20%", "2025-01/2025-09"),
    ],
)
def test_months_to_a_month_are_the_months_ending_then_not_the_month(text, surface, refers_to):
    assert fig(text, surface, published_at=datetime(2025, 10, 26, 8, tzinfo=UTC)).refers_to == refers_to


@pytest.mark.parametrize(
    ("text", "surface", "when", "scope", "refers_to"),
    [
        # a Korean company's forecast told by its verb, and the next quarter after the one it reports
        ("AMD는 3분기 매출이 87억 달러(±3억 달러)가 될 것으로 전망했다.", "87억 달러",
         datetime(2025, 8, 6, 8, tzinfo=UTC), "as guidance", "2025-07/2025-09"),
        ("엔비디아는 다음 분기 매출이 780억 달러에 이를 것이라는 전망도 내놨다.", "780억 달러",
         datetime(2026, 2, 26, 8, tzinfo=UTC), "as guidance", "2026-02/2026-04"),
        ("Nvidia expects revenue of $54 billion in the next quarter, it said on Wednesday.", "$54 billion",
         datetime(2025, 8, 27, 21, tzinfo=UTC), "as guidance", "2025-08/2025-10"),
        # guidance the results beat is the guidance of the quarter reported, not of one ahead
        ("엔비디아가 석 달 전 제시했던 3분기 매출 가이던스 540억 달러를 크게 웃돌았다.", "540억 달러",
         datetime(2025, 11, 20, 0, tzinfo=UTC), "as guidance", "2025-08/2025-10"),
    ],
)
def test_a_forecast_is_of_the_companys_quarter_ahead_of_the_one_it_reports(text, surface, when, scope, refers_to):
    got = fig(text, surface, published_at=when)
    assert (got.scope, got.refers_to) == (scope, refers_to)


def test_a_fiscal_year_named_is_the_companys_and_the_same_quarter_a_year_before_is_a_year_back():
    when = datetime(2026, 2, 26, 8, tzinfo=UTC)
    assert fig("엔비디아의 2025회계연도 매출은 1305억 달러였다.", "1305억", published_at=when).refers_to == \
        "2024-02/2025-01"
    assert fig("Nvidia's fiscal 2025 revenue was $130.5 billion.", "$130.5", published_at=when).refers_to == \
        "2024-02/2025-01"
    assert fig("Apple's fiscal 2025 revenue was $416 billion.", "$416", published_at=when).refers_to == \
        "2024-10/2025-09"  # (Apple's year ends in September)
    assert fig("AMD's fiscal 2025 revenue was $34.6 billion.", "$34.6", published_at=when).refers_to == "2025"
    text = ("엔비디아는 4분기 매출이 681억 달러를 기록했다고 밝혔다. 매출은 681억 달러로 1년 전 같은 분기의 "
            "393억 달러보다 73% 늘었다. 1년 전 같은 분기 영업이익은 240억 달러였다.")
    got = {f.surface: f.refers_to for f in extract_figures(text, published_at=when)}
    assert got["681억 달러"] == got["73%"] == "2025-11/2026-01"
    assert got["393억 달러"] == got["240억 달러"] == "2024-11/2025-01"


def test_a_companys_accounts_are_never_its_chief_executives():
    text = ("엔비디아 3분기 매출이 570억 달러를 기록했다. 젠슨 황 최고경영자(CEO)는 GPU가 모두 팔렸다고 말했다. "
            "데이터센터 매출은 512억 달러로 전년 동기 대비 66% 늘었다.")
    got = {f.surface: f.subject for f in extract_figures(text, published_at=datetime(2025, 11, 20, 0, tzinfo=UTC))}
    assert got["512억 달러"] == got["66%"] == "Nvidia"


def test_the_years_spending_a_plan_is_compared_with_is_no_plan():
    text = "Meta said it plans to spend about $125 billion in 2026, up from roughly $72 billion last year."
    got = {f.surface: f.scope for f in extract_figures(text, published_at=datetime(2026, 1, 29, 22, tzinfo=UTC))}
    assert got["about $125 billion"] == "as guidance" and got["roughly $72 billion"] is None


@pytest.mark.parametrize(
    ("text", "surface", "metric", "scope"),
    [
        ("오라클의 잔여이행의무(RPO)는 5230억 달러로 1년 전보다 438% 늘었다.", "5230억 달러", "other", "as backlog"),
        ("오라클의 잔여이행의무(RPO)는 5230억 달러로 1년 전보다 438% 늘었다.", "438%", "percent_change", "of backlog"),
        ("Remaining performance obligations, a gauge of contracted revenue not yet recognized, rose to $523 billion.",
         "$523 billion", "other", "as backlog"),
        # the share move the backlog caused is the stock's
        ("The backlog Oracle disclosed sent its shares up as much as 40% on Wednesday.", "as much as 40%",
         "percent_change", None),
    ],
)
def test_a_backlog_is_its_own_quantity_and_its_growth_is_no_share_move(text, surface, metric, scope):
    got = fig(text, surface, published_at=datetime(2025, 12, 11, 8, tzinfo=UTC))
    assert (got.metric, got.scope) == (metric, scope)


def test_a_backlog_at_a_months_end_is_of_the_quarter_ending_then():
    when = datetime(2025, 9, 10, 14, tzinfo=UTC)
    en = fig("Oracle's remaining performance obligations rose to $455 billion at the end of August.", "$455",
             published_at=when)
    ko = fig("오라클은 전날 실적 발표에서 잔여이행의무가 4550억 달러라고 밝혔다.", "4550억", published_at=when)
    assert en.refers_to == ko.refers_to == "2025-06/2025-08"  # (Oracle's fiscal first quarter)


def test_an_estimate_compared_with_guidance_is_of_the_quarter_guided_and_a_result_beating_it_is_no_forecast():
    text = ("Nvidia forecast fourth-quarter revenue of $65 billion, plus or minus 2%, on Wednesday, above Wall "
            "Street's average estimate of $61.7 billion, and said the outlook assumed no H20 shipments to China.")
    got = {f.surface: (f.metric, f.scope, f.refers_to) for f in
           extract_figures(text, published_at=datetime(2025, 11, 19, 22, tzinfo=UTC))}
    assert got["$61.7 billion"] == ("revenue", "as estimate", "2025-11/2026-01")
    # a preview before the results: the quarter just ended, its estimate and the guidance given for it
    text = ("Analysts expect Nvidia to report revenue of $54.9 billion for its fiscal third quarter on Wednesday, "
            "slightly above the company's guidance of $54 billion.")
    got = {f.surface: f.refers_to for f in extract_figures(text, published_at=datetime(2025, 11, 18, 15, tzinfo=UTC))}
    assert got["$54.9 billion"] == got["$54 billion"] == "2025-08/2025-10"
    text = "엔비디아가 전날 발표한 1분기 매출이 441억 달러로 예상을 웃돌면서 주가가 올랐다."
    assert fig(text, "441억", published_at=datetime(2025, 5, 29, 6, tzinfo=UTC)).scope is None


@pytest.mark.parametrize(
    ("text", "surface", "metric", "scope", "chip"),
    [
        ("It did sell $650 million of H20s to a customer outside China.", "$650 million", "revenue", None, "H20"),
        ("엔비디아는 중국 밖 고객에게 H20 6억5000만 달러어치를 판매했다.", "6억5000만", "revenue", None, "H20"),
        ("The sale let it release $180 million of a previously reserved inventory charge.", "$180 million",
         "charge", "as reserve release", None),
        ("엔비디아는 앞서 쌓아둔 충당금 가운데 1억8000만 달러를 환입했다.", "1억8000만", "charge",
         "as reserve release", None),
    ],
)
def test_chips_sold_are_revenue_and_a_reserve_released_is_no_new_charge(text, surface, metric, scope, chip):
    got = fig(text, surface, published_at=datetime(2025, 8, 27, 22, tzinfo=UTC))
    assert (got.metric, got.scope, got.chip) == (metric, scope, chip)


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("A Commerce official said Huawei can make no more than 200,000 AI chips this year.", "no more than 200,000",
         "as output"),
        ("화웨이가 올해 생산할 수 있는 AI 칩은 20만 개 이하다.", "20만 개 이하", "as output"),
        ("Musk has said he wants to expand it to 1 million GPUs.", "1 million", "as target"),
        ("머스크는 5년 안에 GPU 5000만 개를 확보하겠다는 목표를 밝혔다.", "5000만 개", "as target"),
        ("SK그룹도 블랙웰 5만 장을 도입해 제조 AI 클라우드를 구축한다.", "5만 장", None),  # (a factory's AI, no output)
    ],
)
def test_chips_a_maker_can_turn_out_and_a_goal_are_other_counts_than_chips_held(text, surface, scope):
    assert fig(text, surface, published_at=datetime(2025, 10, 1, tzinfo=UTC)).scope == scope


def test_a_correction_note_of_two_sentences_is_one_note():
    text = ("Nvidia guided to third-quarter sales of $54 billion.\n\nCorrections & Amplifications: Nvidia's "
            "third-quarter guidance is $54 billion. An earlier version of this article incorrectly gave it as "
            "$45 billion.")
    old = fig(text, "$45 billion", published_at=datetime(2025, 8, 28, 1, tzinfo=UTC))
    assert (old.metric, old.scope, old.refers_to) == ("revenue", "as guidance", "2025-08/2025-10")


def test_korean_results_name_their_own_quantities():
    when = datetime(2025, 10, 29, 0, tzinfo=UTC)
    text = ("SK하이닉스의 3분기 매출은 24조4489억 원이었다. 매출은 전년 동기 대비 39%, 영업이익은 62% 늘어 모두 "
            "역대 최대다. 매출은 2분기 22조2320억 원에서 3분기 24조4489억 원으로 10% 증가했다.")
    got = {f.surface: f.scope for f in extract_figures(text, published_at=when)}
    assert (got["39%"], got["62%"], got["10%"]) == ("of revenue", "of operating profit",
                                                     "of revenue vs previous quarter")
    text = "같은 기간 삼성전자 DS 부문 영업이익은 4000억 원에 그친 반면 SK하이닉스는 9조2129억 원을 벌었다."
    assert fig(text, "9조2129억", published_at=when).metric == "profit"
    assert fig("SK하이닉스는 3분기에 24조 원을 벌었다.", "24조", published_at=when).metric == "revenue"
