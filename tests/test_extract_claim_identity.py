"""What a figure is about, as the extractor decides it: subject (and how it was bound), scope, chip, metric.

Sentences written for this project (issue 10's failure kinds), not taken from the gold sets.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipelines.extract import extract_figures
from pipelines.extract.entities import find_mentions


def fields(f, expect: dict) -> dict:
    """The figure's values of the fields ``expect`` names, to compare with it."""
    return {k: getattr(f, k) for k in expect}


def fig(text: str, surface: str, **kw):
    found = [f for f in extract_figures(text, **kw) if f.surface.startswith(surface)]
    assert found, f"{surface!r} not in {[f.surface for f in extract_figures(text, **kw)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "subject", "attributed_to"),
    [
        ("The pair shipped more than 200 H100 chips to China, the Justice Department said.", "more than 200",
         None, "US Justice Department"),
        ("미 법무부는 이들이 H100 칩 200여개를 밀수했다고 밝혔다.", "200여개", None, "US Justice Department"),
        # a company speaking is reporting about itself
        ("Nvidia said it expects a charge of about $5.5 billion.", "about $5.5 billion", "Nvidia", "Nvidia"),
    ],
)
def test_a_cited_agency_is_the_source_not_the_subject(text, surface, subject, attributed_to):
    f = fig(text, surface)
    assert (f.subject, f.attributed_to) == (subject, attributed_to)


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("OpenAI, Google and Meta use 16,000 or more chips each.", "16,000 or more", "Google + Meta + OpenAI"),
        ("오픈AI와 구글, 메타는 각각 1만6000개 이상의 칩을 쓴다.", "1만6000개 이상", "Google + Meta + OpenAI"),
        # a country naming where an org is from is no member
        ("China's DeepSeek used about 2,000 chips.", "about 2,000", "DeepSeek"),
    ],
)
def test_coordinated_subjects_are_one_group(text, surface, subject):
    assert fig(text, surface).subject == subject


def test_stock_indexes_are_subjects_and_share_the_listed_direction():
    text = "필라델피아 반도체지수는 9.2% 떨어졌고, 기술주 중심의 나스닥 지수는 3.1%, S&P500 지수는 1.5% 내렸다."
    got = {f.surface: (f.subject, f.value) for f in extract_figures(text)}
    assert got == {"9.2%": ("Philadelphia Semiconductor Index", -9.2), "3.1%": ("Nasdaq Composite", -3.1),
                   "1.5%": ("S&P 500", -1.5)}
    text = ("The Philadelphia Semiconductor Index fell 9.2%, the Nasdaq Composite lost 3.1% and "
            "the S&P 500 slipped 1.5%.")
    got = {f.surface: (f.subject, f.value) for f in extract_figures(text)}
    assert got["1.5%"] == ("S&P 500", -1.5) and got["3.1%"] == ("Nasdaq Composite", -3.1)


def test_hua_hong_is_its_own_company_not_the_smic_beside_it():
    f = fig("홍콩 증시에서 SMIC는 약 10% 올랐고, 화훙반도체는 18% 급등했다.", "18%")
    assert f.subject == "Hua Hong Semiconductor"


def test_the_won_is_a_quoted_subject_but_a_conversion_into_won_is_not_the_currencys():
    assert fig("The KOSPI fell 4%, and the won weakened 0.8% to 1,449.5 per dollar.", "0.8%").subject == (
        "South Korean won")
    assert fig("원·달러 환율은 8.5원 오른 1449.5원에 마감했다.", "1449.5원").subject == "South Korean won"
    f = fig("엔비디아 시가총액 5890억 달러(약 846조 원)가 증발했다. ※ 원화 환산액 오류를 바로잡았습니다.",
            "약 846조 원")
    assert f.subject == "Nvidia"


def test_subject_and_chip_carried_from_the_previous_sentence():
    text = ("Officials believe DeepSeek obtained H100 chips despite the rules. "
            "The number of chips was believed to be fewer than 50,000, an official said.")
    f = fig(text, "fewer than 50,000")
    assert (f.subject, f.subject_via, f.chip, f.metric) == ("DeepSeek", "previous_sentence", "H100", "chip_count")


def test_an_unnamed_new_party_inherits_nothing():
    text = "DeepSeek trained V3 on 2,048 chips. A seller in Shenzhen arranged a $103 million deal."
    assert fig(text, "$103 million").subject is None
    text = "딥시크는 2048개의 칩을 썼다. 중국 선전의 한 판매상은 1억300만달러 규모의 계약을 맺었다."
    assert fig(text, "1억300만달러").subject is None


def test_headline_lends_its_subject_and_a_cause_is_no_subject():
    f = fig("시가총액이 하루에만 847조원 줄었다.", "847조원", headline="딥시크 쇼크에 엔비디아 847조원 날아갔다",
            language="ko")
    assert (f.subject, f.subject_via) == ("Nvidia", "headline")


def test_intra_sentence_antecedent():
    f = fig("Investors were reacting to DeepSeek's claim that it trained a model for less than $6 million.",
            "less than $6 million")
    assert (f.subject, f.subject_via) == ("DeepSeek", "sentence")


def test_a_correction_inherits_the_metric_it_corrects():
    text = ("An earlier version of this article misstated the market value Nvidia lost on Monday. "
            "It was $589 billion.")
    f = fig(text, "$589 billion")
    assert (f.metric, f.subject) == ("market_value_change", "Nvidia")


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("R1에 투입된 비용은 557만 6000달러로 오픈AI가 최신 챗GPT에 투자한 1억 달러의 20분의 1 수준이다.", "20분의 1",
         "vs OpenAI"),
        ("DeepSeek's cost was about one-tenth of what Meta spent.", "about one-tenth", "vs Meta"),
    ],
)
def test_ratios_are_their_own_metric_and_name_their_comparand(text, surface, scope):
    f = fig(text, surface)
    assert (f.metric, f.scope) == ("ratio", scope)


def test_a_conversion_inherits_the_bound_written_after_it():
    figs = extract_figures("딥시크가 하드웨어에 쏟아부은 돈이 5억 달러(약 7290억 원) 이상이라는 분석이 나왔다.")
    main, conv = figs[0], figs[1]
    assert conv.linked_to == 0 and main.qualifier == conv.qualifier == "at_least"
    assert conv.value_high == float("inf")


def test_unit_prices_fee_shares_and_governments():
    assert fig("It valued each GPU-hour at $2, about the rental price.", "$2").metric == "price"
    assert fig("GPU 한 개를 한 시간 빌리는 값을 2달러로 잡았다.", "2달러").metric == "price"
    f = fig("Nvidia may sell the H200 in China, with 25% of the proceeds going to the US government.", "25%")
    assert (f.metric, f.subject) == ("tariff_or_fee_share", "US government")
    f = fig("Washington restricted the H800 about seven months after its launch.", "about seven months")
    assert (f.subject, f.chip) == ("US government", "H800")


def test_a_chip_seller_does_not_train_models():
    f = fig("DeepSeek trained V3 on Nvidia H800 chips for $5.6 million.", "$5.6 million")
    assert (f.subject, f.metric, f.scope) == ("DeepSeek", "training_cost", "DeepSeek-V3")


def test_a_time_clause_holds_no_subject():
    text = "미국이 수출 통제를 강화한 뒤 중국 유통업체들이 3개월 만에 최소 10억 달러어치의 칩을 팔았다."
    f = fig(text, "최소 10억 달러")
    assert f.subject is None


def test_scope_from_an_article_that_names_one_model():
    text = "DeepSeek released V3 in December.\n\nIt said the training cost $5.6 million."
    assert fig(text, "$5.6 million").scope == "DeepSeek-V3"
    text = "DeepSeek released V3 and then R1.\n\nThe company said training cost $5.6 million."
    assert fig(text, "$5.6 million").scope is None
    # chips a company runs are its fleet, no model's; the chips a training run used are the model's
    text = ("DeepSeek released V3 in December.\n\nAlexandr Wang asserted that DeepSeek quietly runs "
            "more than 50,000 H100s.")
    assert fig(text, "more than 50,000 H100s").scope is None
    text = "DeepSeek released V3 in December.\n\nThe full run consumed 2,048 H800s."
    assert fig(text, "2,048 H800s").scope == "DeepSeek-V3"


def test_published_at_is_accepted_and_figures_keep_their_spans():
    text = "Nvidia lost $589 billion in market value on Monday."
    figs = extract_figures(text, published_at=datetime(2025, 1, 27, 21, tzinfo=UTC))
    assert figs and all(text[f.span_start:f.span_end] == f.surface for f in figs)


def test_companies_missing_from_the_alias_table_are_found_by_their_suffix():
    f = fig("Prosecutors said ALX Solutions shipped more than 200 H100 chips to China, the Justice Department said.",
            "more than 200")
    assert f.subject == "ALX Solutions" and f.attributed_to == "US Justice Department"
    f = fig("미 법무부는 하오글로벌이 최소 1억6000만 달러어치의 칩을 밀수출했다고 발표했다.", "최소 1억6000만 달러")
    assert (f.subject, f.metric) == ("Hao Global", "deal_value")  # named as English reports name it
    # a capitalised phrase without a corporate suffix is no company
    assert fig("The Global Times said chip imports rose 5%.", "5%").subject is None


def test_a_rejected_figure_reports_nothing_and_rates_are_not_unit_prices():
    f = fig("엔비디아 시총은 약 600조원이 아닌 846조원이 증발했다.", "약 600조원")
    assert f.subject is None
    assert fig("엔비디아 시총은 약 600조원이 아닌 846조원이 증발했다.", "846조원").subject == "Nvidia"
    assert fig("Huang put the market at about $50 billion a year.", "about $50 billion").metric != "price"
    assert fig("DeepSeek rented chips at $2 per GPU-hour.", "$2").metric == "price"


def test_a_speaker_after_the_figure_can_be_its_subject():
    # ", DeepSeek said": a company reporting on itself
    f = fig("The model cost $294,000 to train, DeepSeek said.", "$294,000")
    assert f.subject == "DeepSeek"


def test_spending_next_to_a_training_cost_keeps_its_own_metric():
    text = ("The lab's $5.6 million training bill for its V3 model is only part of the story. "
            "Analysts think DeepSeek has spent about $1.2 billion on servers, with operating costs of roughly "
            "$700 million. Its outlay on GPUs alone tops $400 million.")
    got = {f.surface: (f.metric, f.scope) for f in extract_figures(text)}
    assert got["about $1.2 billion"] == ("investment", "on servers")  # what it was spent on: the claim's scope
    # an article-wide model makes no training cost: an operating cost, compared as one
    assert got["roughly $700 million"] == ("other", "as operating cost")
    assert got["$400 million"] == ("investment", "on GPUs")
    # "spent" alone next to a lab and a model still means what training it cost
    assert fig("DeepSeek spent $294,000 training its R1 model.", "$294,000").metric == "training_cost"
    assert fig("중국 딥시크가 557만6000달러로 고성능 AI 모델을 개발했다.", "557만6000달러").metric == "training_cost"


def test_chips_a_company_holds_are_no_models_training_chips():
    text = ("DeepSeek trained its V3 model on 2,048 H800 chips. "
            "A rival's chief executive claims DeepSeek has more than 50,000 H100 chips.")
    got = {f.surface: f.scope for f in extract_figures(text)}
    assert got["2,048 H800 chips"] == "DeepSeek-V3"
    assert got["more than 50,000 H100 chips"] is None
    f = fig("딥시크의 V3는 비용이 적게 들었다. 딥시크는 엔비디아의 H800 칩 약 2000개를 활용했다.", "약 2000개")
    assert f.scope == "DeepSeek-V3"


def test_a_paragraph_opening_with_the_stock_continues_the_last_paragraphs_subject():
    text = ("Nvidia lost $589 billion in market value on Monday as a cheap model from DeepSeek spooked investors."
            "\n\nThe stock sank 16.9% to close at $118.58.")
    f = fig(text, "16.9%", headline="Nvidia posts record loss as DeepSeek fears grip chip stocks")
    assert (f.subject, f.subject_via) == ("Nvidia", "previous_sentence")


@pytest.mark.parametrize(
    ("published", "subject_text", "day"),
    [
        # 21:15 in New York is still Monday's close, though UTC has moved on to Tuesday
        ("2025-01-28T02:15:00+00:00", "Nvidia's stock closed down 17%.", "2025-01-27 close"),
        # a Seoul morning report on the US session: the US day before
        ("2025-01-28T00:30:00+00:00", "엔비디아 주가는 장중 11% 급락했다.", "2025-01-27 intraday"),
        # on a Saturday, the last session was Friday's
        ("2025-02-01T15:00:00+00:00", "Nvidia's stock closed down 3%.", "2025-01-31 close"),
        # a Korean stock follows Seoul's sessions: 10:00 KST is that day's session
        ("2025-01-28T01:00:00+00:00", "삼성전자 주가는 장중 2% 하락했다.", "2025-01-28 intraday"),
    ],
)
def test_a_session_without_a_date_is_the_markets_latest_session(published, subject_text, day):
    from pipelines.extract.event_time import session_day

    f = extract_figures(subject_text, published_at=datetime.fromisoformat(published))[0]
    assert f.refers_to == day
    # naive = UTC: 03:59 New York time on a Monday is before premarket, so Friday's session; 04:00 is Monday's
    assert session_day(datetime(2025, 1, 27, 8, 59)).isoformat() == "2025-01-24"
    assert session_day(datetime(2025, 1, 27, 9, 0)).isoformat() == "2025-01-27"


def test_a_change_against_a_base_is_about_its_period_not_the_day():
    when = datetime(2025, 1, 28, 9, tzinfo=UTC)
    figs = {f.surface: f.refers_to for f in extract_figures(
        "Even after Monday's 17% plunge, Nvidia's shares were still up about 90% from a year earlier.",
        published_at=when)}
    assert figs["about 90%"] == "2024-01-01/2025-01-31"
    assert figs["17%"] != figs["about 90%"]  # the base belongs to the nearer figure only
    f = fig("엔비디아 주가는 연초 대비 12% 올랐다.", "12%", published_at=datetime(2025, 6, 3, tzinfo=UTC))
    assert f.refers_to == "2025-01-01/2025-06-30"
    # a move "this year" in a year still running is the move so far; last year's is the whole year's
    figs = {f.surface: f.refers_to for f in extract_figures(
        "The Kospi rose 2.6% on Monday, extending its gain this year to about 68%.",
        published_at=datetime(2025, 10, 27, 8, tzinfo=UTC))}
    assert figs["about 68%"] == "2025-01-01/2025-10-31"
    figs = {f.surface: f.refers_to for f in extract_figures(
        "Samsung shares have gained about 125% last year.", published_at=datetime(2026, 1, 8, 1, tzinfo=UTC))}
    assert figs["about 125%"] == "2025"
    f = fig("코스피는 올해 들어 12% 올랐다.", "12%", published_at=datetime(2026, 1, 8, 1, tzinfo=UTC))
    assert f.refers_to == "2026-01-01/2026-01-31"


def test_a_speaker_in_a_clause_after_the_figure_is_not_its_subject():
    f = fig("The shares finished at $118.42 after Chinese startup DeepSeek said it had built a cheap model.",
            "$118.42", headline="Nvidia sheds $589 billion in market value")
    assert f.subject != "DeepSeek"


def test_fee_shares_taken_by_an_unnamed_government_and_korean_conjugations():
    f = fig("Nvidia and AMD agreed to hand the government 15% of their revenue from chip sales in China.", "15%")
    assert (f.subject, f.metric) == ("US government", "tariff_or_fee_share")
    f = fig("대신 판매 대금의 25%는 미국 정부가 가져간다.", "25%")
    assert (f.subject, f.metric) == ("US government", "tariff_or_fee_share")
    f = fig("미국 정부는 엔비디아와 AMD가 중국에서 올리는 칩 매출의 15%를 받는 조건으로 수출을 허용했다.", "15%")
    assert (f.subject, f.metric) == ("US government", "tariff_or_fee_share")


def test_anaphors_reach_the_right_kind_of_antecedent():
    # "they"/"이들" reach the companies named together
    text = ("중국 정부가 바이트댄스와 알리바바, 텐센트의 H200 구매를 승인했다. "
            "이들 기업이 사들일 수 있는 H200은 약 40만 개다.")
    assert fig(text, "약 40만 개").subject == "Alibaba + ByteDance + Tencent"
    # "the company" is no country
    text = ("Nvidia expects a charge of about $5.5 billion. The H20 was the most advanced chip it could sell in "
            "China. Analysts estimate the company made $12 billion to $15 billion in H20 revenue in 2024.")
    assert fig(text, "$12 billion to $15 billion").subject == "Nvidia"


def test_share_prices_and_market_value_levels():
    text = "Nvidia shares closed down 16.9% at $118.42 on Monday, erasing $589 billion of market value."
    got = {f.surface: f.metric for f in extract_figures(text)}
    assert got["$118.42"] == "share_price" and got["$589 billion"] == "market_value_change"
    f = fig("Nvidia stock rebounded on Tuesday, closing up 8.9% at $128.99.", "$128.99")
    assert f.metric == "share_price"
    f = fig("엔비디아 주가가 장중 11.20% 떨어진 126.6달러 선에서 거래되고 있다.", "126.6달러")
    assert f.metric == "share_price"
    text = ("Nvidia's market capitalization stood at about $2.9 trillion after the close, down from roughly "
            "$3.5 trillion.")
    assert fig(text, "about $2.9 trillion").metric == "market_value"
    # a correction that states no market-value word keeps the metric it inherits
    text = "An earlier version misstated the market value Nvidia lost on Monday. It was $589 billion."
    assert fig(text, "$589 billion").metric == "market_value_change"


def test_unlisted_korean_companies_get_their_english_name_and_counts_of_a_named_chip():
    ko = fig("미 법무부는 하오글로벌이 최소 1억6000만 달러어치의 H100 칩을 중국에 빼돌리려 했다고 밝혔다.",
             "최소 1억6000만 달러")
    en = fig("Houston-based Hao Global tried to move at least $160 million of Nvidia H100 chips to China.",
             "at least $160 million")
    assert ko.subject == en.subject == "Hao Global"
    assert ko.metric == en.metric == "deal_value"
    f = fig("중국이 H200 구매를 승인했다. 승인 물량은 약 40만 개로 알려졌다.", "약 40만 개")
    assert (f.metric, f.unit, f.chip) == ("chip_count", "chips", "H200")


def test_romanize():
    from pipelines.extract.romanize import romanize

    assert romanize("하오") == "hao" and romanize("엔비디아") == "enbidia" and romanize("ALX") == "ALX"


def test_listed_moves_belong_to_the_name_before_each():
    text = "Broadcom fell 17.4%, Micron 11.7% and TSMC's U.S.-listed shares 13.3%."
    got = {f.surface: f.subject for f in extract_figures(text)}
    assert got["17.4%"] == "Broadcom" and got["11.7%"] == "Micron"
    text = "브로드컴(-17.40%)과 TSMC(-13.33%)도 급락을 피하지 못했다."
    got = {f.surface: f.subject for f in extract_figures(text)}
    assert got == {"-17.40%": "Broadcom", "-13.33%": "TSMC"}


def test_listed_falls_share_their_sign_and_at_the_same_time_carries_the_session():
    got = {f.surface: f.value for f in extract_figures("Broadcom fell 17.4%, Micron 11.7% and TSMC 13.3%.")}
    assert got == {"17.4%": -17.4, "11.7%": -11.7, "13.3%": -13.3}
    text = ("엔비디아 주가가 27일(현지시간) 장중 11.20% 떨어졌다. 지난 24일에도 3.12% 하락했다.\n\n"
            "같은 시각 필라델피아반도체지수는 6.8% 내리고 있다.")
    when = datetime(2025, 1, 27, 16, 30, tzinfo=UTC)
    assert fig(text, "6.8%", published_at=when).refers_to == "2025-01-27 intraday"


def test_a_market_value_figure_after_its_move_is_the_level_it_moved_to():
    text = "시가총액은 5930억 달러 줄어 2조9000억 달러 선으로 내려앉았다."
    got = {f.surface: f.metric for f in extract_figures(text)}
    assert got["5930억 달러"] == "market_value_change" and got["2조9000억 달러"] == "market_value"
    f = fig("Nvidia's market value fell to about $2.9 trillion.", "about $2.9 trillion")
    assert f.metric == "market_value"


def test_a_quoted_figure_names_the_one_reported_before_and_a_claimant_reports_on_itself():
    text = ("딥시크는 V3 훈련에 557만6000달러가 들었다고 밝혔다. "
            "업계에서는 '600만 달러 미만'이라는 숫자에 장비 구매비가 빠져 있다는 지적이 나온다.")
    f = fig(text, "600만 달러 미만")
    assert (f.metric, f.subject, f.scope) == ("training_cost", "DeepSeek", "DeepSeek-V3")
    f = fig("600만 달러 안팎으로 최첨단 모델을 만들었다는 딥시크의 주장이 불러온 충격이었다.", "600만 달러 안팎")
    assert (f.subject, f.metric) == ("DeepSeek", "training_cost")
    f = fig("엔비디아가 H20 관련 비용 55억 달러를 1분기 실적에 반영하겠다고 밝혔다.", "55억 달러")
    assert f.metric == "charge"


def test_restriction_durations_bounds_before_the_and_country_compounds():
    f = fig("The H800 itself was a China-only part, launched in March 2023 and caught by the October 2023 rules "
            "about seven months later.", "about seven months")
    assert (f.subject, f.chip) == ("US government", "H800")
    f = fig("The number was believed to be below the 50,000 units that Wang cited.", "below the 50,000")
    assert f.qualifier == "less_than"
    assert fig("He spoke about the $5.6 million figure.", "$5.6 million").qualifier != "approx"


def test_shares_in_context_are_a_listed_companys_never_a_governments():
    text = ("Nvidia said it will take a charge of about $5.5 billion.\n\nThe charge covers H20 inventory. "
            "Shares fell about 6% in extended trading.")
    assert fig(text, "about 6%", headline="Nvidia expects $5.5 billion hit").subject == "Nvidia"
    text = ("미국 정부가 H20 수출을 막았다. 미 정부는 허가를 받도록 했다.\n\n"
            "이 소식이 알려지자 주가는 시간외 거래에서 6% 넘게 떨어졌다.")
    f = fig(text, "6% 넘게", headline="엔비디아, H20 수출 막혀 55억달러 손실")
    assert f.subject == "Nvidia"


def test_a_fee_share_is_of_the_chip_it_names_or_the_previous_sentences_undated_deal():
    text = "트럼프 대통령은 엔비디아 H200의 중국 판매를 허용했다. 판매액의 25%는 미국 정부가 가져가는 조건이다."
    assert fig(text, "25%").chip == "H200"
    text = ("Trump will let Nvidia sell its H200 chip in China. In August, the administration struck a deal under "
            "which Nvidia and AMD would pay the government 15 percent of their revenue from certain chip sales.")
    assert fig(text, "15 percent").chip is None  # a deal of its own time, not the H200's


def test_korean_counts_after_chips_and_the_lead_actor_wins_ties():
    text = "훈련용 칩도 H800 약 2000개에 그쳤다. 미국 AI 기업들은 1만 6000개가량을 쓰는 것으로 알려져 있다."
    f = fig(text, "1만 6000개가량")
    assert (f.metric, f.unit, f.subject) == ("chip_count", "chips", "US AI companies")
    f = fig("훈련용 칩도 H800 약 2000개에 그쳤다. 11개 기업이 칩을 팔았다.", "11개 기업")
    assert (f.metric, f.unit) == ("company_count", "companies")
    f = fig("Nvidia shares slid 16.9% to end the session at $118.42.", "16.9%",
            published_at=datetime(2025, 1, 27, 22, tzinfo=UTC))
    assert f.refers_to == "2025-01-27 close"


def test_elided_counts_with_a_bound_written_after_them():
    got = {f.surface: (f.value, f.qualifier, f.unit, f.subject) for f in extract_figures(
        "The trigger was DeepSeek, which trained a model on about 2,000 chips. "
        "Big US labs typically rely on 16,000 or more.")}
    assert got["16,000 or more"] == (16000.0, "at_least", "chips", "US AI companies")
    f = fig("US labs use 16,000 or more chips, while DeepSeek needed only 2,000 or fewer.", "only 2,000 or fewer")
    assert f.qualifier == "at_most"


def test_worth_of_computing_power_is_no_deal_and_that_comes_to_refers_back():
    f = fig("DeepSeek says it needed about $6 million worth of raw computing power to train its newest model.",
            "about $6 million")
    assert f.metric == "training_cost"
    assert fig("Nvidia chips worth at least $1bn were shipped to China.", "at least $1bn").metric == "deal_value"
    f = fig("DeepSeek used 2.788 million GPU-hours for V3. Priced at $2 an hour, that comes to $5.576 million.",
            "$5.576 million")
    assert f.subject == "DeepSeek"


def test_a_day_after_its_plunge_dates_and_signs_the_plunge():
    got = {f.surface: (f.value, f.refers_to) for f in extract_figures(
        "Nvidia stock recovered part of its losses on Tuesday, closing up 8.9% at $128.99 a day after its 17% "
        "plunge.", published_at=datetime(2025, 1, 28, 22, tzinfo=UTC))}
    assert got["8.9%"] == (8.9, "2025-01-28 close")
    assert got["17%"] == (-17.0, "2025-01-27")


def test_appositives_and_claimed_by_name_no_subject():
    f = fig("High-Flyer, the quantitative fund that spun out DeepSeek, bought 10,000 Nvidia A100 processors in 2021.",
            "10,000")
    assert f.subject == "High-Flyer"
    f = fig("DeepSeek has access to large volumes of H100 chips. That is below the more than 50,000 H100s claimed by "
            "Scale AI's Alexandr Wang in January.", "more than 50,000")
    assert (f.subject, f.attributed_to) == ("DeepSeek", "Scale AI")


def test_respectively_valuations_and_relative_clause_names():
    got = {f.surface: (f.subject, f.value) for f in extract_figures(
        "Broadcom and Taiwan Semiconductor Manufacturing's U.S.-listed shares slid 17.4% and 13.3%, respectively.")}
    assert got == {"17.4%": ("Broadcom", -17.4), "13.3%": ("TSMC", -13.3)}
    got = {f.surface: f.subject for f in extract_figures("브로드컴과 TSMC는 각각 17.4%, 13.3% 하락했다.")}
    assert got == {"17.4%": "Broadcom", "13.3%": "TSMC"}
    assert fig("Scale AI was valued at about $14 billion last year.", "about $14 billion").metric == "market_value"
    assert fig("Nvidia became the first company worth more than $5tn.", "more than $5tn").metric == "market_value"
    assert fig("Nvidia chips worth at least $1bn were shipped to China.", "at least $1bn").metric == "deal_value"
    f = fig("The article, which lists founder Liang Wenfeng among its co-authors, said the model was trained on "
            "512 Nvidia H800 chips.", "512")
    assert f.subject != "Liang Wenfeng"


def test_goods_after_an_amount_make_a_deal_but_chips_a_model_trained_on_do_not():
    f = fig("Prosecutors say the network tried to move at least $160 million of Nvidia H100 and H200 chips.",
            "at least $160 million")
    assert f.metric == "deal_value"
    f = fig("The startup has said it trained its V3 model on 2,048 of those chips for about $5.6 million.",
            "about $5.6 million")
    assert f.metric == "training_cost"


def test_a_date_beyond_another_figure_of_the_same_kind_is_that_figures():
    when = datetime(2025, 1, 27, 22, tzinfo=UTC)
    got = {f.surface: f.refers_to for f in extract_figures(
        "Nvidia's $589 billion loss in market value was more than double the $279 billion the company lost on "
        "Sept. 3 last year.", published_at=when)}
    assert got["$279 billion"] == "2024-09-03" and got["$589 billion"] != "2024-09-03"
    got = {f.surface: f.refers_to for f in extract_figures("Nvidia fell 16.9% to $118.42 on Monday.",
                                                            published_at=when)}
    assert got["16.9%"] == got["$118.42"] == "2025-01-27"


def test_the_chief_executive_of_x_is_no_subject_and_late_morning_is_intraday():
    text = ("DeepSeek released R1 last week. Alexandr Wang, the chief executive of Scale AI, told CNBC that he "
            "believed the Chinese lab had more than 50,000 of Nvidia's H100 chips.")
    f = fig(text, "more than 50,000")
    assert (f.subject, f.scope) == ("DeepSeek", None)  # held chips: no model's
    f = fig("Broadcom and Marvell were off 16% and 18%, respectively, by late morning.", "16%",
            published_at=datetime(2025, 1, 27, 16, tzinfo=UTC))
    assert (f.subject, f.refers_to) == ("Broadcom", "2025-01-27 intraday")


# ------------------------------------------------------------------------------- session 4 rules (holdout3 retired)
KST_MORNING = datetime(2025, 1, 28, 1, 40, tzinfo=UTC)  # a Seoul morning report on the New York session of Jan 27


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a clock time with 현재 / "as of" is a snapshot during the session, not the close
        ("27일(현지시간) 뉴욕증시에서 엔비디아는 오전 11시 30분 현재 전 거래일 대비 11.20% 내린 "
         "126.65달러에 거래되고 있다.", "11.20%", "2025-01-27 intraday"),
        ("Nvidia shares were down 11.2% as of 11:30 a.m. on Monday.", "11.2%", "2025-01-27 intraday"),
        # "전 거래일 대비" is the base of the move ("27일 전" is not "27 days ago"); the day's close stays the day's
        ("엔비디아는 27일 전 거래일 대비 16.97% 내린 118.42달러로 거래를 마쳤다.", "118.42달러", "2025-01-27 close"),
    ],
)
def test_a_clock_time_makes_a_snapshot_intraday(text, surface, expected):
    lang = "ko" if any("가" <= ch <= "힣" for ch in text) else "en"
    assert fig(text, surface, language=lang, published_at=KST_MORNING).refers_to == expected


def test_the_previous_close_is_the_session_before():
    text = "엔비디아 주가가 16.86% 폭락해 118.58달러로 거래를 마쳤다. 전 거래일 종가는 142.62달러였다."
    figs = {f.surface: f for f in extract_figures(text, language="ko", published_at=KST_MORNING)}
    assert figs["118.58달러"].refers_to == "2025-01-27 close"
    assert figs["142.62달러"].refers_to == "2025-01-24 close"  # Friday's, not Monday's: another claim


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("Nasdaq futures were down 3.3%.", "3.3%", "Nasdaq 100 futures"),
        ("The Nasdaq 100 fell 3.0% while the Nasdaq lost 3.1%.", "3.0%", "Nasdaq 100"),
        ("The Nasdaq 100 fell 3.0% while the Nasdaq lost 3.1%.", "3.1%", "Nasdaq Composite"),
        ("Japan's Nikkei 225 slipped 0.9%.", "0.9%", "Nikkei 225"),
        # an adnominal clause on "X의 훈련비": the figure is X's, not the model named before it
        ("앞서 공개된 V3의 훈련 비용 약 600만 달러를 더하더라도, 1억 달러를 훌쩍 넘는 것으로 알려진 "
         "오픈AI GPT-4의 훈련비와 비교하면 여전히 적은 수준이다.", "1억 달러", "OpenAI"),
    ],
)
def test_futures_other_indexes_and_korean_adnominal_owners(text, surface, subject):
    assert fig(text, surface).subject == subject


def test_spending_on_processors_is_an_investment_not_a_training_cost():
    f = fig("DeepSeek has spent well over $500mn on graphics processors alone, according to SemiAnalysis.",
            "well over $500mn", headline="DeepSeek's hardware bill far exceeds headline training cost")
    assert f.metric == "investment"


@pytest.mark.parametrize(
    ("text", "headline", "chip"),
    [
        ("Nvidia and AMD will give the federal government 15% of their revenue from sales of certain AI chips in "
         "China: Nvidia's H20 and AMD's MI308.", None, "H20"),
        ("Nvidia will pay the government 15% of its revenue from certain chip sales: the H20 among them.", None,
         "H20"),
        # a colon before the figure lists something else
        ("It is a new deal: the U.S. government collects 25% of the revenue from each sale.", None, None),
    ],
)
def test_a_fee_share_takes_the_chip_it_is_a_share_of(text, headline, chip):
    f = [x for x in extract_figures(text, headline=headline) if x.unit == "percent"][0]
    assert (f.metric, f.subject, f.chip) == ("tariff_or_fee_share", "US government", chip)


def test_korean_also_shares_the_moment_of_the_sentence_before():
    text = ("한국거래소에 따르면 이날 오전 10시 현재 SK하이닉스는 전 거래일 대비 9.5% 내린 수준에서 거래되고 있다. "
            "삼성전자도 2%대 약세다.")
    figs = extract_figures(text, language="ko", published_at=datetime(2025, 1, 31, 1, 15, tzinfo=UTC))
    assert [(f.subject, f.refers_to) for f in figs] == [("SK hynix", "2025-01-31 intraday"),
                                                        ("Samsung Electronics", "2025-01-31 intraday")]


def test_a_chip_after_a_new_clause_belongs_to_the_figure_after_it():
    text = ("회사는 2분기 매출 전망치로 450억 달러를 제시하면서 H20 수출 제한으로 약 80억 달러의 매출 손실이 생길 "
            "것이라고 밝혔다.")
    figs = {f.surface: f.chip for f in extract_figures(text, language="ko")}
    assert figs == {"450억 달러": None, "약 80억 달러": "H20"}


@pytest.mark.parametrize(
    ("text", "surface", "attributed_to", "said_by"),
    [
        ("Alexandr Wang, the chief executive of Scale AI, told CNBC that he believed the Chinese lab had more than "
         "50,000 of Nvidia's H100 chips.", "more than 50,000", "CNBC", "Alexandr Wang"),
        ("Alexandr Wang, the chief executive of Scale AI, said the lab had more than 50,000 H100 chips.",
         "more than 50,000", "Alexandr Wang", "Alexandr Wang"),
        ("앞서 알렉산더 왕 스케일AI 최고경영자(CEO)는 미국 CNBC 인터뷰에서 딥시크가 엔비디아 H100을 5만 개 이상 "
         "보유하고 있다고 주장한 바 있다.", "5만 개 이상", "Alexandr Wang", "Alexandr Wang"),
        # an outlet is where it was said, never whose claim it is
        ("The number of chips was believed to be fewer than 50,000, according to Reuters.", "fewer than 50,000",
         "Reuters", None),
        ("DeepSeek said it spent $5.6 million on the final training run.", "$5.6 million", "DeepSeek", "DeepSeek"),
    ],
)
def test_whose_claim_a_figure_is(text, surface, attributed_to, said_by):
    f = fig(text, surface)
    assert (f.attributed_to, f.said_by) == (attributed_to, said_by)


def _at(text, surface, published, lang="en"):
    found = [f for f in extract_figures(text, lang, published_at=published) if f.surface.startswith(surface)]
    assert found, [f.surface for f in extract_figures(text, lang, published_at=published)]
    return found[0]


def test_a_market_move_written_while_the_session_runs_is_not_the_close():
    text = "The Nasdaq composite was down 3.4%, while the S&P 500 had slipped 2%."
    assert _at(text, "3.4%", datetime(2025, 1, 27, 16, 5, tzinfo=UTC)).refers_to == "2025-01-27 intraday"
    # after the close, or about a day the sentence names before, it stays as it was
    assert _at(text, "3.4%", datetime(2025, 1, 27, 22, 0, tzinfo=UTC)).refers_to is None
    f = _at("Even after Monday's 17% plunge, Nvidia's shares were up about 90% from a year earlier.", "17%",
            datetime(2025, 1, 28, 9, 0, tzinfo=UTC))
    assert f.refers_to != "2025-01-28 premarket"


def test_a_day_after_puts_the_figures_after_it_on_the_day_before():
    text = ("Nvidia's stock was up 4% in premarket trading Tuesday, a day after it closed down 17% at $118.42 and lost "
            "about $589 billion in market value.")
    when = datetime(2025, 1, 28, 12, 40, tzinfo=UTC)
    assert _at(text, "4%", when).refers_to == "2025-01-28 premarket"
    assert _at(text, "17%", when).refers_to.startswith("2025-01-27")
    assert _at(text, "$118.42", when).refers_to == "2025-01-27 close"


def test_levels_a_value_moved_to_or_from_are_market_values():
    text = ("The slide had taken Nvidia's market value below $3 trillion, to about $2.9 trillion, from roughly "
            "$3.5 trillion at Friday's close.")
    assert {f.surface: f.metric for f in extract_figures(text)} == {
        "below $3 trillion": "market_value", "about $2.9 trillion": "market_value",
        "roughly $3.5 trillion": "market_value"}
    # the date of what the value was (…던) is not the date of where it went
    text = "지난 24일 3조5000억 달러에 육박하던 엔비디아 시총은 2조9000억 달러 안팎으로 쪼그라들었다."
    figs = extract_figures(text, "ko", published_at=datetime(2025, 1, 28, 0, 30, tzinfo=UTC))
    assert [f.refers_to for f in figs] == ["2025-01-24", None]


def test_what_a_model_was_trained_for_is_a_training_cost_whatever_follows():
    f = fig("Last January, a Chinese lab claiming to have trained a frontier model for about $6mn wiped almost "
            "$600bn from Nvidia's valuation in a single session.", "about $6mn")
    assert (f.metric, f.subject) == ("training_cost", None)  # "a Chinese lab" is named by nobody


@pytest.mark.parametrize(
    ("text", "lang", "surface", "metric", "chip"),
    [
        ("It couldn't ship an additional $2.5 billion of H20 orders in the quarter, and expects the restrictions "
         "to cut about $8 billion from sales in the current period.", "en", "about $8 billion", "revenue", "H20"),
        ("엔비디아는 수출 규제 탓에 1분기에 H20 45억 달러어치를 출하하지 못했고, 2분기에는 약 80억 달러의 매출 손실이 "
         "예상된다고 설명했다.", "ko", "약 80억 달러", "revenue", "H20"),
        # (a reserve released is a charge taken back: scope "as reserve release", not a new charge)
        ("It released $180 million of previously reserved H20 inventory.", "en", "$180 million", "charge", "H20"),
        ("For the fiscal year that ended in January, Nvidia posted revenue of $130.5 billion.", "en",
         "$130.5 billion", "revenue", None),
    ],
)
def test_sales_lost_to_a_ban_are_the_banned_chips_revenue(text, lang, surface, metric, chip):
    f = [x for x in extract_figures(text, lang) if x.surface.startswith(surface)][0]
    assert (f.metric, f.chip) == (metric, chip)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "metric"),
    [
        # "rented-equivalent" describes the cost; it is no rent
        ("DeepSeek's headline figure of $5.6mn covers only the rented-equivalent cost of its final training run: "
         "2.788mn GPU hours at $2 an hour.", "en", "$5.6mn", "training_cost"),
        ("DeepSeek's headline figure of $5.6mn covers only the rented-equivalent cost of its final training run: "
         "2.788mn GPU hours at $2 an hour.", "en", "$2", "price"),
        # a cue joined to the figure by a particle is its own, though another figure stands just before it
        ("딥시크는 GPU 1개를 1시간 빌리는 값을 2달러로 잡아 비용을 계산했다고 밝혔다.", "ko", "2달러", "price"),
    ],
)
def test_a_price_is_what_one_unit_costs(text, lang, surface, metric):
    f = [x for x in extract_figures(text, lang) if x.surface == surface][0]
    assert f.metric == metric


@pytest.mark.parametrize(
    ("text", "lang", "surface", "metric", "scope"),
    [
        ("Its outlay on GPUs alone tops $500mn, SemiAnalysis said.", "en", "$500mn", "investment", "on GPUs"),
        ("서버 투자액은 약 16억 달러로 추산됐다.", "ko", "약 16억 달러", "investment", "on servers"),
        ("딥시크가 그래픽처리장치(GPU)를 사들이는 데만 5억 달러를 쓴 것으로 추정된다.", "ko", "5억 달러", "investment",
         "on GPUs"),
        ("Nvidia's revenue rose 56% to $46.7 billion in the quarter, with data-center revenue of $41.1 billion.", "en",
         "$41.1 billion", "revenue", "in data center"),
        ("Nvidia's revenue rose 56% to $46.7 billion in the quarter, with data-center revenue of $41.1 billion.", "en",
         "$46.7 billion", "revenue", None),
        ("China accounted for about $17 billion of Nvidia's revenue in its last fiscal year.", "en",
         "about $17 billion", "revenue", "in China"),
    ],
)
def test_what_spending_is_on_and_which_part_of_revenue_is_the_claims_scope(text, lang, surface, metric, scope):
    f = [x for x in extract_figures(text, lang, headline="Nvidia and DeepSeek") if x.surface.startswith(surface)][0]
    assert (f.metric, f.scope) == (metric, scope)


def test_a_segment_is_not_carried_as_a_model_to_the_next_sentence():
    text = ("딥시크가 GPU를 사들이는 데만 5억 달러를 쓴 것으로 추정된다. "
            "딥시크가 밝힌 훈련 비용 557만6000달러의 약 90배에 이르는 규모다.")
    f = fig(text, "557만6000달러")
    assert (f.metric, f.scope) == ("training_cost", None)


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("지난달 예고한 55억 달러보다 10억 달러 적은 규모다.", "ko", "10억 달러"),
        ("Nvidia booked a charge $1 billion less than it had warned.", "en", "$1 billion"),
        # by how much a result beat, missed or moved from a figure named before it, bounds and roundings too
        ("삼성전자의 확정치는 잠정치(영업이익 12조1000억 원)보다 약 661억 원 많다.", "ko", "약 661억 원"),
        ("삼성전자의 영업이익 전망치는 10조1000억 원이었는데, 잠정치는 이를 2조 원가량 웃돌았다.", "ko", "2조 원가량"),
        ("삼성전자 영업이익은 직전 분기 12조1661억 원과 비교하면 한 분기 만에 약 8조 원이 늘었다.", "ko", "약 8조 원"),
        ("삼성전자 영업이익은 증권가 전망치 6조2000억 원을 1조 원 넘게 밑돌았다.", "ko", "1조 원 넘게"),
    ],
)
def test_a_difference_between_figures_is_not_compared(text, lang, surface):
    assert fig(text, surface, language=lang).metric == "other"
    if lang == "ko" and "삼성" in text:  # the figure compared with keeps its own metric
        first = next(f for f in extract_figures(text, language="ko") if f.surface != surface)
        assert first.metric == "profit"


def test_the_day_of_a_us_market_figure_in_a_seoul_morning_report_is_new_yorks_session():
    f = _at("이날 증발한 엔비디아 시총은 5930억 달러로, 미국 증시 역사상 가장 크다.", "5930억 달러",
            datetime(2025, 1, 28, 0, 30, tzinfo=UTC), "ko")
    assert f.refers_to == "2025-01-27"  # Monday in New York; Tuesday morning in Seoul
    f = _at("삼성전자는 이날 2.42% 내렸다.", "2.42%", datetime(2025, 1, 31, 7, 30, tzinfo=UTC), "ko")
    assert f.refers_to == "2025-01-31"  # a KRX stock: Seoul's own session


def test_a_session_cue_dates_a_charge_by_its_day_not_by_a_session():
    # (the day a charge is warned of, not the after-hours session; a forecast dated by that day is of the quarter
    # under way then: Nvidia's February-April quarter)
    f = _at("Nvidia said after the close on Tuesday that it will take a charge of about $5.5 billion.",
            "about $5.5 billion", datetime(2025, 4, 16, 1, 0, tzinfo=UTC))
    assert f.metric == "charge" and f.refers_to == "2025-02/2025-04"


# common words of Korean business news that must not contain an alias: Korean names match inside words
# ("델" for Dell would make every "모델" a mention of Dell)
_KO_COMMON = (
    "모델", "개발", "투자", "매출", "시장", "정부", "반도체", "엔지니어",
    "데이터센터", "서버", "수출", "규제", "기업", "업체", "주가", "시가총액",
    "전망", "손실", "비용", "훈련", "그래픽처리장치", "인공지능", "칩", "미국",
    "중국", "판매", "가격", "증시", "거래", "마감", "하락", "상승",
    "발표", "보고서", "분석",
)


def test_no_korean_alias_hides_inside_a_common_word():
    from pipelines.extract.entities import entity_table

    for entity in entity_table():
        for alias in entity.aliases:
            if any("가" <= ch <= "힣" for ch in alias):
                inside = [w for w in _KO_COMMON if alias in w and alias != w]
                assert not inside, (entity.canonical, alias, inside)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "subject"),
    [
        ("In 2023, hard-drive maker Seagate agreed to pay $300 million to settle charges it sold drives to Huawei.",
         "en", "$300 million", "Seagate"),
        ("미국 반도체 설계 소프트웨어 업체 케이던스가 1억4000만 달러 이상의 벌금을 내기로 했다.", "ko",
         "1억4000만 달러", "Cadence Design Systems"),
        # a policy named after a country is no subject: the company bears the charge
        ("중국 수출 규제로 H20 관련 비용 45억 달러를 반영했다.", "ko", "45억 달러", "Nvidia"),
    ],
)
def test_industry_companies_are_subjects_and_a_countrys_policy_is_not(text, lang, surface, subject):
    f = [x for x in extract_figures(text, lang, headline="Nvidia 엔비디아") if x.surface.startswith(surface)][0]
    assert f.subject == subject


def test_a_list_of_korean_moves_shares_the_verb_after_the_last():
    text = "AI 칩 설계사 브로드컴이 13.3%, 대만 파운드리 TSMC가 17.4% 밀리는 등 관련주도 고꾸라졌다."
    figs = extract_figures(text, "ko")
    assert [(f.subject, f.value) for f in figs] == [("Broadcom", -13.3), ("TSMC", -17.4)]


@pytest.mark.parametrize(
    ("text", "lang", "surface", "scope"),
    [
        ("중국 기업들이 2026년분으로 주문한 H200은 200만 개가 넘지만, 엔비디아의 재고는 약 70만 개에 그친다.", "ko",
         "200만 개", "as orders"),
        ("중국 기업들이 2026년분으로 주문한 H200은 200만 개가 넘지만, 엔비디아의 재고는 약 70만 개에 그친다.", "ko",
         "약 70만 개", "in inventory"),
        ("China has approved purchases of Nvidia's H200 chips, allowing its platforms to buy about 400,000 of them.",
         "en", "about 400,000", "as approvals"),
        # what a buyer holds is no stock for sale
        ("DeepSeek's stockpile of more than 50,000 H100 chips worries Washington.", "en", "more than 50,000", None),
        ("Nvidia reported first-quarter revenue of $44.1 billion, up 69% from a year earlier.", "en", "69%",
         "of revenue"),
        ("Nvidia shares rose 6% after revenue beat estimates.", "en", "6%", None),
    ],
)
def test_what_a_chip_count_counts_and_whether_a_percentage_is_revenues(text, lang, surface, scope):
    f = [x for x in extract_figures(text, lang) if x.surface.startswith(surface)][0]
    assert f.scope == scope


def test_sales_lost_are_their_own_quantity_and_a_year_on_year_growth_is_the_revenues_before_it():
    f = fig("For the current quarter, Nvidia expects the China restrictions to cut about $8 billion from sales.",
            "about $8 billion")
    assert (f.metric, f.scope) == ("revenue", "as lost sales")  # not the quarter's revenue
    figs = extract_figures("엔비디아의 1분기 데이터센터 매출은 391억 달러였다. 전년 동기 대비 73% 늘어난 수치다.", "ko")
    assert [(f.metric, f.scope) for f in figs] == [("revenue", "in data center"), ("percent_change", "of revenue")]


def test_accounts_figures_keep_their_own_periods():
    when = datetime(2025, 5, 28, 21, 0, tzinfo=UTC)
    f = _at("The company reported revenue of $130.5 billion for its full fiscal year that ended in January.",
            "$130.5 billion", when)
    assert f.refers_to == "2024-02/2025-01"  # a year (its months), not January
    text = ("엔비디아의 4분기(2024년 11월~2025년 1월) 매출은 393억 달러였다. 연간 매출은 1305억 달러로 전년보다 114% "
            "늘었다.")
    figs = {f.surface: f for f in extract_figures(text, "ko", published_at=when)}
    assert figs["1305억 달러"].refers_to != figs["393억 달러"].refers_to  # a year's figure is not the quarter's
    # a tolerance is no figure of its own; a difference after "보다는" neither
    assert fig("엔비디아는 1분기 매출 전망치로 430억 달러(±2%)를 제시했다.", "2%").metric == "other"
    assert fig("지난 4월 예고했던 55억 달러보다는 10억 달러 적다.", "10억 달러").metric == "other"


def test_a_stock_moved_to_a_price_and_a_builder_is_whom_the_cost_is_of():
    f = fig("Nvidia shares fell 17% to $118.58 on Monday, erasing nearly $600 billion in market value.", "$118.58")
    assert f.metric == "share_price"
    f = fig("Nvidia said revenue rose 69% to $44.1 billion in its fiscal first quarter.", "$44.1 billion")
    assert f.metric == "revenue"
    f = fig("\"DeepSeek did not 'build OpenAI for $5M',\" Bernstein analyst Stacy Rasgon wrote.", "$5M")
    assert (f.metric, f.subject) == ("training_cost", "DeepSeek")


def test_context_an_article_gives_a_figure_that_names_little():
    text = ("NEW YORK (AP) — Nvidia's stock plunged 17% Monday, wiping out roughly $589 billion of its market "
            "value.\n\nThe chipmaker's shares closed at $118.42.\n\nDeepSeek has said it spent less than $6 million.")
    f = [x for x in extract_figures(text, "en", headline="Nvidia sinks as DeepSeek rattles tech stocks")
         if x.surface == "$118.42"][0]
    assert f.subject == "Nvidia"  # "the chipmaker", not the article's other actor
    text = ("SANTA CLARA, California, Feb 26 (Reuters) - Nvidia forecast first-quarter revenue of $43 billion, plus or "
            "minus 2%, above estimates.\n\nData-center revenue rose to $35.6 billion in the quarter ended Jan. 26.\n\n"
            "Sales to China, including Hong Kong, came to $17.1 billion in the year.")
    got = {x.surface: (x.subject, x.metric, x.scope) for x in extract_figures(text, "en", headline="Nvidia forecasts")}
    assert got["2%"][1] == "other"  # a tolerance
    assert got["$35.6 billion"] == ("Nvidia", "revenue", "in data center")
    assert got["$17.1 billion"] == ("Nvidia", "revenue", "in China")
    # a headline's session dates an undated move of the article
    f = _at("Chipmaker peers Broadcom and Marvell were down 11% and 12.5%, respectively.", "11%",
            datetime(2025, 1, 27, 11, 45, tzinfo=UTC))
    assert f.refers_to is None
    figs = extract_figures("Chipmaker peers Broadcom and Marvell were down 11% and 12.5%, respectively.", "en",
                           headline="Nvidia slides before the bell",
                           published_at=datetime(2025, 1, 27, 11, 45, tzinfo=UTC))
    assert figs[0].refers_to == "2025-01-27 premarket"
    # an owner of another metric in a later subordinate clause is not the move's subject
    f = fig("Nvidia shares rose 8.9% on Tuesday, recouping part of Monday's 17% plunge, as analysts argued that the "
            "market had misread DeepSeek's cost figures.", "17%")
    assert f.subject == "Nvidia"


def test_a_fiscal_year_named_after_the_year_it_ends_in_is_not_a_year_ahead():
    when = datetime(2025, 5, 29, tzinfo=UTC)
    # (Nvidia's fiscal year ends in January: its fiscal first quarter of 2026 is February-April 2025)
    q1 = "2025-02/2025-04"
    assert _at("엔비디아의 2026 회계연도 1분기 매출은 441억 달러였다.", "441억 달러", when, "ko").refers_to == q1
    assert _at("Nvidia reported fiscal 2026 first-quarter revenue of $44.1 billion.", "$44.1 billion",
               when).refers_to == q1
    # a calendar quarter a year ahead stays where it is (a forecast)
    assert _at("Analysts expect revenue of $60 billion in 2026-Q1.", "$60 billion", when).refers_to not in (
        "2025-Q1", q1)


def test_holdout6_lessons():
    # a company's listed shares between its name and the topic marker
    text = "브로드컴은 17.4%, TSMC 미국예탁증권(ADR)은 13.3% 떨어졌고 필라델피아반도체지수는 9.2% 급락했다."
    figs = extract_figures(text, "ko")
    assert [(f.subject, f.value) for f in figs][:2] == [("Broadcom", -17.4), ("TSMC", -13.3)]
    # the level a value was pushed to
    text = "딥시크 충격으로 하루 만에 엔비디아 시총 5890억 달러가 증발하며 2조9000억 달러 선까지 밀렸다."
    f = fig(text, "2조9000억 달러")
    assert f.metric == "market_value"
    # a charge warned, then booked; "실적 발표" is the occasion, not revenue
    text = "엔비디아는 당시 55억 달러의 비용을 예고했고, 5월 실적 발표에서는 45억 달러를 실제로 반영했다."
    figs = extract_figures(text, "ko")
    assert [f.metric for f in figs] == ["charge", "charge"]
    # the quarter a revenue is of, not the day it was reported
    f = _at("Nvidia reported first-quarter revenue of $44.1 billion on Wednesday.", "$44.1 billion",
            datetime(2025, 5, 28, 22, tzinfo=UTC))
    assert f.refers_to == "2025-02/2025-04"
    # the model of the figure's own relative clause
    f = fig("The R1 figure does not include the roughly $6 million that DeepSeek had said it spent on the underlying "
            "V3 model.", "roughly $6 million")
    assert f.scope == "DeepSeek-V3"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a cause is not what moved; a claimant is who claimed
        ("A single-day rout triggered by DeepSeek had wiped out about $589 billion of Nvidia's value.",
         "about $589 billion", "Nvidia"),
        ("The sell-off was triggered by DeepSeek's claim that it had trained a frontier-class model for $5.6 "
         "million.", "$5.6 million", "DeepSeek"),
        # whose value it was
        ("In January, DeepSeek's success with about 2,000 H800s erased nearly $600 billion from Nvidia's value.",
         "nearly $600 billion", "Nvidia"),
        # a speaker's employer is no subject
        ("Scale AI's Alexandr Wang said that DeepSeek had more than 50,000 H100 chips.", "more than 50,000",
         "DeepSeek"),
    ],
)
def test_causes_owners_and_employers(text, surface, subject):
    assert fig(text, surface).subject == subject


def test_a_country_that_is_a_part_or_a_place_is_no_subject():
    figs = extract_figures("China, including Hong Kong, accounted for 13% of fiscal-year revenue, about $17 billion.",
                           "en", headline="Nvidia's earnings by the numbers")
    assert all(f.subject != "China" for f in figs)
    assert [f.scope for f in figs if f.unit == "USD"] == ["in China"]
    f = fig("다만 회사는 중국 외 고객에게 H20을 6억5000만달러어치 판매했다.", "6억5000만달러",
            headline="엔비디아 2분기 매출")
    assert f.subject == "Nvidia"


def test_a_charge_naming_no_chip_is_the_headlines_chips():
    f = fig("Nvidia said on Tuesday it will take a charge of about $5.5 billion in its first quarter.",
            "about $5.5 billion", headline="Nvidia expects $5.5 billion hit as US restricts H20 exports to China")
    assert (f.metric, f.chip) == ("charge", "H20")


def test_holdout7_lessons():
    text = "브로드컴은 17.4%, 대만 TSMC의 미국 주식예탁증서(ADR)는 13% 하락했고, 필라델피아 반도체지수는 9.2% 떨어졌다."
    assert [f.subject for f in extract_figures(text, "ko")][:2] == ["Broadcom", "TSMC"]
    f = fig("It put DeepSeek's total server capital expenditure at about $1.6 billion, with $944 million of costs "
            "tied to operating the clusters.", "$944 million", headline="DeepSeek's real costs are far higher")
    assert f.metric != "training_cost"
    figs = extract_figures("엔비디아는 27일 17% 폭락했다. 엔비디아는 다음 날 8.9% 반등했다.", "ko",
                           published_at=datetime(2025, 1, 31, 7, tzinfo=UTC))
    assert [f.refers_to for f in figs] == ["2025-01-27", "2025-01-28"]
    f = fig("Nvidia said it expects to lose about $8 billion of sales in the current quarter.", "about $8 billion")
    assert f.scope == "as lost sales"
    f = fig("엔비디아는 2분기 매출도 80억 달러가량 줄어들 것으로 내다봤다.", "80억 달러가량")
    assert f.scope == "as lost sales"
    figs = extract_figures("엔비디아 시총은 3조4900억 달러에서 2조9000억 달러로 쪼그라들었다.", "ko")
    assert [f.metric for f in figs] == ["market_value", "market_value"]


def test_a_date_opening_the_sentence_dates_all_of_it_and_a_company_worth_is_its_value():
    figs = extract_figures("Nvidia ended last week worth about $3.5 trillion. By Monday's close it was worth about "
                           "$2.9 trillion, after a 17% drop erased $589 billion.", "en",
                           published_at=datetime(2025, 1, 28, 11, tzinfo=UTC))
    assert [(f.metric, f.refers_to) for f in figs] == [
        ("market_value", "2025-01-20/2025-01-26"), ("market_value", "2025-01-27"),
        ("percent_change", "2025-01-27"), ("market_value_change", "2025-01-27")]
    # a date after another figure of the same kind is still that figure's
    figs = extract_figures("Nvidia's $589 billion loss was more than double the $279 billion it lost on Sept. 3 "
                           "last year.", "en", published_at=datetime(2025, 1, 28, 11, tzinfo=UTC))
    assert [f.refers_to for f in figs] == [None, "2024-09-03"]


@pytest.mark.parametrize(("text", "surface", "subject", "scope"), [
    ("It cost just $5.6 million to train DeepSeek's V3 model.", "just $5.6 million", "DeepSeek", "DeepSeek-V3"),
    ("The headline number — $5.576 million to train DeepSeek-V3 — was never a full accounting.", "$5.576 million",
     "DeepSeek", "DeepSeek-V3"),
    ("The company said $294,000 was spent to train R1.", "$294,000", "DeepSeek", "DeepSeek-R1"),
    # a report's content ("said in a note that ...") is no relative clause hiding its owner
    ("Bernstein analysts said in a note that DeepSeek's roughly $5.6 million figure covered only its final "
     "training run.", "roughly $5.6 million", "DeepSeek", None),
])
def test_the_model_a_cost_trained_and_a_reported_owner(text, surface, subject, scope):
    f = fig(text, surface)
    assert (f.subject, f.metric) == (subject, "training_cost")
    if scope:
        assert f.scope == scope


def test_korean_levels_after_an_adverb_and_the_time_of_a_cause():
    figs = extract_figures("지금 엔비디아의 시가총액은 4조5000억 달러 안팎으로 오히려 불어났다. "
                           "딥시크 쇼크 직후 2조9000억 달러까지 쪼그라들었던 것과 비교하면 50% 넘게 늘었다.", "ko")
    assert [(f.subject, f.metric) for f in figs] == [
        ("Nvidia", "market_value"), ("Nvidia", "market_value"), ("Nvidia", "percent_change")]
    # without 으로/까지 the amount is what was lost
    assert fig("엔비디아 시가총액은 하루 새 5890억 달러 줄었다.", "5890억 달러").metric == "market_value_change"


@pytest.mark.parametrize(("text", "lang", "published", "label"), [
    # a company's quarter in its own fiscal calendar, the one whose end is nearest the report
    ("엔비디아의 1분기 매출은 441억 달러로 전년 동기보다 69% 늘었다.", "ko", datetime(2025, 5, 29, 1, tzinfo=UTC),
     "2025-02/2025-04"),
    ("Nvidia expects second-quarter revenue of $45 billion.", "en", datetime(2025, 5, 29, 1, tzinfo=UTC),
     "2025-05/2025-07"),
    # a quarter given by its last day is its three months
    ("Nvidia's revenue for the quarter through April 27 rose to $44.1 billion.", "en",
     datetime(2025, 5, 29, 1, tzinfo=UTC), "2025-02/2025-04"),
    # a calendar-year company's quarter is the calendar's, written as its months like any other quarter
    ("AMD's first-quarter revenue was $7.4 billion.", "en", datetime(2025, 5, 7, 1, tzinfo=UTC), "2025-01/2025-03"),
    # a named fiscal year's quarter, however late it is recalled: quarter n of fiscal Y ends 3n - 12 months after
    # the month fiscal Y ends in (Nvidia's fiscal 2025 ends in January 2025)
    ("엔비디아의 2025 회계연도 4분기 매출은 393억 달러였다.", "ko", datetime(2026, 2, 20, 1, tzinfo=UTC),
     "2024-11/2025-01"),
    ("Nvidia's revenue in fiscal 2025's fourth quarter was $39.3 billion.", "en", datetime(2026, 2, 26, 1, tzinfo=UTC),
     "2024-11/2025-01"),
    ("Nvidia's revenue was $68 billion in the fourth quarter of fiscal 2026.", "en",
     datetime(2026, 2, 26, 1, tzinfo=UTC), "2025-11/2026-01"),
    ("엔비디아는 2026 회계연도 1분기 매출이 440억 달러라고 밝혔다.", "ko", datetime(2025, 5, 29, 1, tzinfo=UTC),
     "2025-02/2025-04"),
    ("Microsoft's Q4 FY25 revenue was $76.4 billion.", "en", datetime(2025, 7, 31, 1, tzinfo=UTC), "2025-04/2025-06"),
    ("AMD's revenue for the fourth quarter of fiscal 2024 was $7.7 billion.", "en", datetime(2026, 2, 4, 1, tzinfo=UTC),
     "2024-10/2024-12"),
])
def test_accounts_quarters_follow_the_companys_fiscal_calendar(text, lang, published, label):
    f = [f for f in extract_figures(text, lang, published_at=published) if f.metric == "revenue"][0]
    assert f.refers_to == label


def test_a_charge_is_a_companys_and_a_chipmakers_sales_over_a_year_are_revenue():
    f = fig("엔비디아가 중국 수출용 인공지능(AI) 칩 H20에 대한 미국 정부의 수출 규제로 "
            "약 55억 달러의 비용을 반영한다고 밝혔다.", "약 55억 달러")
    assert (f.subject, f.metric) == ("Nvidia", "charge")
    figs = extract_figures("엔비디아는 1분기에 45억 달러의 비용을 반영했다. "
                           "AMD 역시 MI308 수출 제한으로 최대 8억 달러의 비용이 발생할 수 있다고 밝힌 바 있다.", "ko")
    assert [(f.subject, f.chip) for f in figs][1] == ("AMD", "MI308")
    f = fig("Analysts had estimated the company sold $12 billion to $15 billion worth of H20 chips in 2024.",
            "$12 billion to $15 billion", headline="Nvidia to take $5.5 billion charge on H20 curbs")
    assert (f.subject, f.metric, f.chip) == ("Nvidia", "revenue", "H20")
    # one deal stays a deal
    f = fig("Nvidia sold $500 million worth of H20 chips to ByteDance, the people said.", "$500 million")
    assert f.metric == "deal_value"


def test_a_session_cue_takes_only_a_carried_day():
    figs = extract_figures("Analysts estimated the company sold $12 billion of H20 chips in 2024. Nvidia shares "
                           "fell about 6% in extended trading.", "en",
                           published_at=datetime(2025, 4, 15, 22, 40, tzinfo=UTC))
    assert figs[-1].refers_to == "2025-04-15 after_hours"


def test_a_fee_share_does_not_take_a_chip_another_share_binds_and_a_charge_not_a_rivals_chip():
    figs = extract_figures("8월에는 엔비디아와 AMD가 중국 매출의 15%를 미국 정부에 내는 조건으로 판매를 재개했고, "
                           "12월에는 H200 수출이 25% 수수료 조건으로 허용됐다.", "ko")
    assert [(f.metric, f.chip) for f in figs] == [("tariff_or_fee_share", None), ("tariff_or_fee_share", "H200")]
    figs = extract_figures("엔비디아는 H20 규제로 45억 달러의 비용을 반영했다. "
                           "AMD도 최대 8억 달러의 비용을 예고했다.", "ko")
    assert [(f.subject, f.chip) for f in figs] == [("Nvidia", "H20"), ("AMD", None)]


@pytest.mark.parametrize(("text", "published", "label"), [
    # a date in a clause after the figure's is that clause's
    ("AMD fell 6% after saying late Tuesday that new export rules could cost it up to about $800 million.",
     datetime(2025, 4, 16, 16, 10, tzinfo=UTC), None),
    ("AMD ended 7.3% lower after saying late Tuesday that new rules could cost it up to about $800 million.",
     datetime(2025, 4, 16, 20, 25, tzinfo=UTC), "2025-04-16 close"),
    ("An earlier version misstated Nvidia's midday decline as 17%.", datetime(2025, 4, 16, 20, 25, tzinfo=UTC),
     "2025-04-16 intraday"),
    ("Nvidia fell 17% on Monday after DeepSeek released R1 last week.", datetime(2025, 1, 28, 20, tzinfo=UTC),
     "2025-01-27"),
])
def test_session_and_date_of_a_move(text, published, label):
    f = [f for f in extract_figures(text, "en", published_at=published) if f.metric == "percent_change"][0]
    assert f.refers_to == label


def test_a_quarter_forecast_once_is_the_reported_one():
    f = _at("Nvidia reported fourth-quarter revenue of $39.3 billion on Wednesday, beating the roughly $37.5 billion "
            "it had forecast in November.", "$39.3 billion", datetime(2025, 2, 26, 22, tzinfo=UTC))
    assert f.refers_to == "2024-11/2025-01"
    f = _at("엔비디아의 1분기 매출 전망치는 430억달러다.", "430억달러", datetime(2025, 2, 27, 0, 30, tzinfo=UTC), "ko")
    assert f.refers_to == "2025-02/2025-04"


@pytest.mark.parametrize(("text", "metric", "subject", "scope"), [
    ("The U.S. government is due to receive 25% of Nvidia's H200 sales in China.", "tariff_or_fee_share",
     "US government", None),
    # the payers named, the taker not: the domain's regulator, and a share has no sign
    ("The cut is larger than the 15% that Nvidia and AMD agreed in August to pay on H20 and MI308 sales.",
     "tariff_or_fee_share", "US government", None),
    # a tariff is another quantity than a share of sales
    ("도널드 트럼프 미국 대통령이 수입 반도체에 약 100%의 관세를 부과하겠다고 밝혔다.", "tariff_or_fee_share",
     "US government", "on imports"),
])
def test_shares_of_sales_and_tariffs(text, metric, subject, scope):
    f = extract_figures(text, "ko" if any("가" <= ch <= "힣" for ch in text) else "en")[0]
    assert (f.metric, f.subject, f.scope) == (metric, subject, scope)
    assert f.value > 0


@pytest.mark.parametrize("text", [
    "Nvidia has said that less than 2% of its revenue came from products actually shipped to Singapore.",
    "Jensen Huang said Nvidia's share of China's AI chip market had fallen from 95 per cent to zero.",
])
def test_a_part_of_revenue_or_a_market_share_is_no_fee_share(text):
    assert extract_figures(text, "en")[0].metric != "tariff_or_fee_share"


@pytest.mark.parametrize(("text", "headline", "surface", "subject", "metric", "value"), [
    # the pronoun owning the figure refers back ("of its value"), the cause is no subject
    ("In January, a single-day rout triggered by DeepSeek had wiped out about $589 billion of its value.",
     "Nvidia becomes first company worth $4tn", "about $589 billion", "Nvidia", "market_value_change", 589e9),
    # a definite figure refers back ("The 2,048 H800 chips cited in the paper")
    ("The 2,048 H800 chips cited in the V3 paper were only the cluster used for the final training run.",
     "DeepSeek's AI may have cost far more than $6 million", "2,048 H800 chips", "DeepSeek", "chip_count", 2048),
    # "knocked 17 percent off Nvidia's stock": a fall of the stock
    ("In January, R1 knocked 17 percent off Nvidia's stock in a single day.", None, "17 percent", "Nvidia",
     "percent_change", -17),
])
def test_owners_referred_back_and_knocked_off(text, headline, surface, subject, metric, value):
    f = fig(text, surface, headline=headline)
    assert (f.subject, f.metric, f.value) == (subject, metric, value)


@pytest.mark.parametrize(("text", "surface", "subject"), [
    ("Alan Hao Hsu and Hao Global LLC exported or tried to export about 7,000 of the chips, prosecutors said.",
     "about 7,000", "Alan Hao Hsu + Hao Global"),
    ("Chinese nationals Chuan Geng and Shiwei Yang were charged over a $28.4 million invoice.", "$28.4 million",
     "Chuan Geng + Shiwei Yang"),
    ("Houston businessman Alan Hao Hsu pleaded guilty to smuggling at least $160 million of Nvidia chips.",
     "at least $160 million", "Alan Hao Hsu"),
])
def test_people_the_text_marks_as_people_are_subjects(text, surface, subject):
    assert fig(text, surface).subject == subject


def test_capitalized_phrases_are_not_people():
    names = {m.entity.canonical for m in find_mentions(
        "On Monday the Justice Department said Nvidia Chief Executive Jensen Huang was not accused.")}
    assert "Jensen Huang" in names and not any(n.startswith(("On ", "Justice")) for n in names)


@pytest.mark.parametrize(("text", "lang", "surface", "scope"), [
    ("Nvidia said it expects revenue of about $45 billion for the current quarter.", "en", "about $45 billion",
     "as guidance"),
    ("엔비디아의 1분기 매출 전망치는 430억달러다.", "ko", "430억달러", "as guidance"),
    ("Nvidia reported revenue of $44.1 billion, above the $43 billion analysts had expected.", "en",
     "above the $43 billion", "as estimate"),
    # the result beside a forecast is the result
    ("Nvidia reported revenue of $44.1 billion, above the $43 billion analysts had expected.", "en",
     "$44.1 billion", None),
])
def test_a_revenue_forecast_is_another_quantity_than_the_result(text, lang, surface, scope):
    f = fig(text, surface, headline="Nvidia results")
    assert (f.metric, f.scope) == ("revenue", scope)


@pytest.mark.parametrize(("text", "surface"), [
    ("The selloff knocked some $20 billion off the fortune of co-founder Jensen Huang.", "some $20 billion"),
    ("젠슨 황 CEO의 재산도 하루 새 201억 달러 줄었다.", "201억 달러"),
])
def test_a_persons_fortune_is_theirs_and_its_own_quantity(text, surface):
    f = fig(text, surface)
    assert (f.subject, f.metric, f.scope) == ("Jensen Huang", "other", "as fortune")


@pytest.mark.parametrize(("text", "lang", "surface", "label"), [
    ("Nvidia shares rebounded 8.9% on Tuesday, recovering part of the previous session's 17% plunge.", "en", "17%",
     "2025-01-27"),
    ("엔비디아의 지난 회계연도(2024년 2월∼2025년 1월) 연간 매출은 1305억 달러였다.", "ko", "1305억 달러",
     "2024-02/2025-01"),
    # the full fiscal year after a sentence about the quarter: the year, not the quarter carried
    ("Data-center revenue rose to $35.6 billion in the quarter ended Jan. 26. For the full fiscal year, revenue "
     "rose 114% to $130.5 billion.", "en", "$130.5 billion", "2024-02/2025-01"),
])
def test_previous_sessions_and_fiscal_years(text, lang, surface, label):
    figs = [f for f in extract_figures(text, lang, headline="Nvidia results",
                                       published_at=datetime(2025, 1, 28, 22, tzinfo=UTC)
                                       if "rebounded" in text else datetime(2025, 2, 27, 7, tzinfo=UTC))
            if f.surface == surface]
    assert figs[0].refers_to == label


def test_a_comparand_is_the_same_kind_of_quantity():
    figs = extract_figures("H20 수출 규제에 따른 비용은 45억 달러(약 6조2000억 원)로, "
                           "지난달 예고한 55억 달러보다 줄었다.", "ko",
                           headline="엔비디아 1분기 매출 441억 달러…H20 비용 45억 달러 반영",
                           published_at=datetime(2025, 5, 28, 22, 40, tzinfo=UTC))
    assert [(f.surface, f.metric) for f in figs if f.unit == "USD"] == [
        ("45억 달러", "charge"), ("55억 달러", "charge")]


def test_a_chips_time_to_restriction_in_korean():
    f = fig("딥시크가 훈련에 쓴 H800도 출시 약 1년 만에 수출 규제 대상이 됐다.", "약 1년")
    assert (f.subject, f.metric, f.chip) == ("US government", "duration", "H800")
    f = fig("H800은 엔비디아가 중국 수출용으로 2023년 3월 내놓은 칩이지만, "
            "약 7개월 만인 같은 해 10월 미국의 수출 규제 대상에 올랐다.", "약 7개월",
            published_at=datetime(2025, 1, 29, tzinfo=UTC))
    assert (f.subject, f.chip, f.refers_to) == ("US government", "H800", "2023-10")  # the same year: 2023


@pytest.mark.parametrize(("text", "lang", "surface"), [
    ("엔비디아는 지난해 H20으로만 약 170억 달러를 벌어들인 것으로 알려졌다.", "ko", "약 170억 달러"),
    ("It is a business that analysts estimate brought in about $17bn in 2024 for Nvidia.", "en", "about $17bn"),
])
def test_money_a_company_brought_in_is_revenue(text, lang, surface):
    assert fig(text, surface).metric == "revenue"


def test_definite_moves_and_figures_refer_back_and_a_comparand_is_not_the_quantity_compared():
    f = fig("The decline wiped out $593.7 billion of market value, according to Bloomberg, almost double the previous "
            "record, Nvidia's own $279 billion drop in September.", "$593.7 billion",
            headline="Nvidia's $593 Billion Rout Is Biggest in Stock-Market History")
    assert (f.subject, f.metric) == ("Nvidia", "market_value_change")
    f = fig("The widely quoted $5.6mn, it argued, covers only the final training run of the V3 model.", "$5.6mn",
            headline="DeepSeek's hardware bill far exceeds headline training cost")
    assert (f.subject, f.scope) == ("DeepSeek", "DeepSeek-V3")
    figs = extract_figures("딥시크는 R1 모델 훈련에 29만4000달러가 들었다고 밝혔다.\n\n"
                           "이는 올해 1월 공개 당시 화제가 된 557만6000달러보다도 훨씬 적은 금액이다.", "ko",
                           headline="딥시크, R1 훈련비 공개")
    assert [(f.subject, f.scope) for f in figs] == [("DeepSeek", "DeepSeek-R1"), ("DeepSeek", None)]


@pytest.mark.parametrize(("text", "lang", "surface", "expect"), [
    ("기술주 중심의 나스닥지수는 3.07%, 스탠더드앤드푸어스(S&P) 500지수는 1.46% 내렸다.", "ko", "1.46%",
     {"subject": "S&P 500"}),
    ("Bernstein kept its outperform rating on Nvidia, with a $175 price target.", "en", "$175",
     {"subject": "Nvidia", "metric": "share_price", "scope": "as target"}),
    ("모건스탠리는 엔비디아의 목표주가를 166달러로 유지했다.", "ko", "166달러",
     {"metric": "share_price", "scope": "as target"}),
    # a name beyond the next figure is that figure's
    ("For comparison, Meta trained its Llama model on 16,384 H100s, consuming 30.8 million GPU hours, about 11 "
     "times what DeepSeek reported.", "en", "30.8 million", {"subject": "Meta"}),
    # a model inside a relative clause on another model is not the figure's
    ("The company had said the V3 base model on which R1 is built cost about $6 million to train.", "en",
     "about $6 million", {"subject": "DeepSeek", "scope": "DeepSeek-V3"}),
    ("2분기 매출 전망치는 450억 달러로 H20 매출 손실 약 80억 달러가 반영됐다.", "ko", "약 80억 달러",
     {"metric": "revenue", "scope": "as lost sales"}),
    ("Nvidia said it expected to miss out on $8 billion of H20 sales in the quarter.", "en", "$8 billion",
     {"metric": "revenue", "scope": "as lost sales", "chip": "H20"}),
])
def test_session5_holdout11_12_lessons(text, lang, surface, expect):
    f = fig(text, surface, headline="Nvidia results" if lang == "en" else "엔비디아 실적")
    assert fields(f, expect) == expect


def test_a_volume_of_chips_after_a_count_of_companies():
    figs = extract_figures("중국 정부는 바이트댄스·알리바바·텐센트 등 3개 기업에 엔비디아 H200 구매를 "
                           "조건부로 승인했다. 승인 물량은 40만 개 이상이라고 통신은 30일 전했다.", "ko")
    assert [(f.metric, f.chip) for f in figs] == [("company_count", None), ("chip_count", "H200")]


def test_the_x_figure_names_the_figure_before_it_of_its_magnitude():
    figs = extract_figures("DeepSeek said it spent $5.576 million to train V3, renting GPUs at $2 an hour. The $5.6 "
                           "million figure covers only the rental value of the GPUs.", "en")
    assert [(f.metric, f.scope) for f in figs if f.surface.startswith("The") or "5.6 " in f.surface] == [
        ("training_cost", "DeepSeek-V3")]


@pytest.mark.parametrize(("text", "headline", "surface", "expect"), [
    ("Nvidia shares closed down nearly 17% on Monday at $118.42, wiping out about $593 billion.", None, "$118.42",
     {"metric": "share_price"}),
    ("President Donald Trump said Nvidia will be allowed to ship its H200 chips to China, with 25% of the proceeds "
     "going to the United States.", None, "25%", {"metric": "tariff_or_fee_share", "subject": "US government"}),
    # a maker names its chip's property; a charge for a chip with no company in the sentence is its maker's
    ("업계는 지난해 엔비디아의 H20 매출을 120억~150억 달러로 추정한다.",
     "엔비디아·AMD, 中 판매 매출 15% 美 정부에 낸다", "120억~150억 달러",
     {"subject": "Nvidia", "metric": "revenue", "chip": "H20"}),
    ("4월에는 H20 수출 제한으로 55억 달러의 손실을 예고했다.", "딥시크 쇼크 1년…숫자로 본 엔비디아와 중국",
     "55억 달러", {"subject": "Nvidia", "metric": "charge", "subject_via": "chip"}),
    # a stock's move is a company's, not the country named as its cause
    ("중국 수출 불확실성에 주가는 시간외 거래에서 약 3% 하락했다.", "엔비디아 2분기 매출 476억 달러…시간외 3%↓",
     "약 3%", {"subject": "Nvidia"}),
    # stock written back, and sales forgone
    ("회사는 앞서 손실로 처리했던 H20 재고 1억8000만달러를 환입했다.", "엔비디아 2분기 매출", "1억8000만달러",
     {"metric": "charge", "scope": "as reserve release"}),
    ("회사는 2분기 매출 전망치를 450억달러로 제시하면서 H20 판매 감소분 80억달러가 반영됐다고 설명했다.",
     "엔비디아 실적", "80억달러", {"metric": "revenue", "scope": "as lost sales"}),
])
def test_session5_holdout11_12_lessons_2(text, headline, surface, expect):
    f = fig(text, surface, headline=headline)
    assert fields(f, expect) == expect


@pytest.mark.parametrize(("text", "lang", "published", "labels"), [
    ("Nvidia shares fell about 12% before Monday's opening bell and ended the day down nearly 17%.", "en",
     datetime(2025, 1, 28, 14, tzinfo=UTC), ["2025-01-27 premarket", "2025-01-27 close"]),
    ("Nvidia shares rebounded 8.9% on Tuesday after losing nearly $600 billion in market value a day earlier.", "en",
     datetime(2025, 1, 29, 2, tzinfo=UTC), ["2025-01-28", "2025-01-27"]),
    ("1년 전 이맘때 엔비디아 주가는 하루 만에 17% 가까이 폭락했다.", "ko", datetime(2026, 1, 26, 22, tzinfo=UTC),
     ["2025-01-23/2025-01-29"]),
])
def test_session5_holdout13_14_event_times(text, lang, published, labels):
    assert [f.refers_to for f in extract_figures(text, lang, published_at=published)] == labels


@pytest.mark.parametrize(("text", "lang", "headline", "surface", "expect"), [
    ("GPU 한 개를 1시간 빌리는 비용을 2달러로 잡아 계산한 총비용이 557만6000달러다.", "ko", "딥시크 V3 훈련비의 실체",
     "2달러", {"metric": "price"}),
    ("H20 비용은 45억 달러로, 지난달 회사가 예고했던 55억 달러보다 10억 달러 적었다.", "ko", "엔비디아 실적",
     "10억 달러", {"metric": "other"}),
    ("Nvidia, SK Hynix's largest customer for high-bandwidth memory, had dropped about 17% on Monday.", "en", None,
     "about 17%", {"subject": "Nvidia"}),
    ("트럼프 대통령은 원래 20%를 요구했지만 젠슨 황 CEO와의 협상 끝에 15%로 낮췄다고 말했다.", "ko",
     "엔비디아, 中 판매 수익 15% 내기로", "20%", {"metric": "tariff_or_fee_share", "scope": "as demand"}),
    ("President Donald Trump said he had initially asked for 20% before Nvidia's Jensen Huang talked him down.",
     "en", "Nvidia, AMD Agree to Give US 15% of China Chip Sales Revenue", "20%",
     {"metric": "tariff_or_fee_share", "subject": "US government", "scope": "as demand"}),
])
def test_session5_holdout13_14_lessons(text, lang, headline, surface, expect):
    f = fig(text, surface, headline=headline)
    assert fields(f, expect) == expect


def test_the_company_after_an_agency_is_the_company_named_before():
    figs = extract_figures("The Justice Department charged ALX Solutions and two Chinese nationals on Tuesday. "
                           "According to the complaint, the company shipped more than 200 H100 GPUs, and one invoice "
                           "alone was worth $28.4 million.", "en",
                           headline="DOJ charges two over alleged Nvidia H100 smuggling to China")
    assert [f.subject for f in figs] == ["ALX Solutions", "ALX Solutions"]


@pytest.mark.parametrize(("text", "surface", "expect"), [
    ("중국 수출 규제에 따른 H20 관련 비용은 45억 달러로, 지난달 예고한 55억 달러보다 줄었다.", "55억 달러",
     {"metric": "charge", "chip": "H20"}),
    ("수출 규제가 없었다면 80억 달러가량이 더해졌을 것이라는 게 이 회사 설명이다.", "80억 달러가량",
     {"metric": "revenue", "scope": "as lost sales"}),
    ("엔비디아는 H20 수출이 막히면서 2분기에만 약 80억 달러의 매출을 놓쳤다.", "약 80억 달러",
     {"metric": "revenue", "scope": "as lost sales"}),
    ("올해 초 엔비디아 시가총액을 하루 만에 약 850조 원 날려버린 딥시크의 학습 비용은 최종 학습 비용만 따진 숫자였다.",
     "약 850조 원", {"metric": "market_value_change", "subject": "Nvidia"}),
])
def test_session5_holdout15_16_lessons(text, surface, expect):
    f = fig(text, surface, headline="엔비디아 1분기 매출 441억 달러")
    assert fields(f, expect) == expect


def test_a_share_asked_for_is_its_own_quantity_even_with_a_chip_and_money_to_train_is_a_cost():
    f = fig("Trump told reporters he had initially asked for 20% but that Nvidia chief Jensen Huang talked him down "
            "to 15%.", "20%", headline="Trump says he asked Nvidia for 20% before settling on 15% China cut on H20")
    assert (f.metric, f.chip, f.scope) == ("tariff_or_fee_share", "H20", "as demand")
    f = fig("뉴욕타임스는 딥시크가 약 600만 달러어치 컴퓨팅 파워로 V3를 훈련했다고 전했다.", "약 600만 달러")
    assert (f.subject, f.metric, f.scope) == ("DeepSeek", "training_cost", "DeepSeek-V3")


def test_a_china_only_chips_time_to_restriction_is_the_us_governments_and_a_pronoun_names_the_chip():
    figs = extract_figures("딥시크는 엔비디아 H800 칩 약 2000개를 썼다. H800은 중국 수출용으로 출시됐지만 약 1년 만에 "
                           "수출 통제 대상에 올랐다.", "ko")
    assert [(f.subject, f.chip) for f in figs if f.metric == "duration"] == [("US government", "H800")]
    figs = extract_figures("The H800 was designed for sale in China after the United States restricted more powerful "
                           "chips. Washington restricted it, too, in October 2023, about seven months after its "
                           "release.", "en")
    assert [(f.subject, f.chip) for f in figs if f.metric == "duration"] == [("US government", "H800")]


def test_a_speakers_company_and_a_days_possessive_figure():
    f = fig("OpenAI chief executive Sam Altman said in 2023 that training foundation models had cost much more than "
            "$100 million.", "more than $100 million", headline="DeepSeek says its R1 model cost $294,000")
    assert (f.subject, f.metric) == ("OpenAI", "training_cost")
    # a speaker's company after the figure is not its owner
    f = fig("The number of chips was believed to be fewer than 50,000, the official said, below the more than 50,000 "
            "that Scale AI chief executive Alexandr Wang cited.", "fewer than 50,000", headline="DeepSeek's chips")
    assert f.subject != "Scale AI"
    figs = extract_figures("Nvidia shares rebounded 8.9% on Tuesday after Monday's 17% plunge.", "en",
                           published_at=datetime(2025, 1, 28, 22, tzinfo=UTC))
    assert [f.refers_to for f in figs] == ["2025-01-28", "2025-01-27"]
    figs = extract_figures("Even after Monday's 17% plunge, Nvidia's shares were still up about 90% from a year "
                           "earlier.", "en", published_at=datetime(2025, 1, 28, 9, tzinfo=UTC))
    assert figs[0].refers_to == "2025-01-27" and figs[1].refers_to != "2025-01-27"
    # the day that owns a figure dates it and its relative clause, whatever session the sentence's other had
    figs = extract_figures("Nvidia shares rose about 5% in premarket trading Tuesday, recovering part of Monday's 17% "
                           "plunge that wiped roughly $589 billion off the chipmaker's market value.", "en",
                           published_at=datetime(2025, 1, 28, 13, tzinfo=UTC))
    assert [f.refers_to for f in figs] == ["2025-01-28 premarket", "2025-01-27", "2025-01-27"]


def test_a_company_whose_shares_do_not_trade_owns_no_carried_share_price():
    body = ("-엔비디아 주가는 얼마나 떨어졌나.\n\n"
            "▶27일(현지시간) 뉴욕증시에서 엔비디아는 16.97% 내린 118.42달러에 거래를 마쳤다.\n\n"
            "-다음날은 반등했나.\n\n▶28일에는 8.93% 오른 128.99달러로 마감했다.")
    figs = extract_figures(body, "ko", headline="딥시크 쇼크, 숫자로 본 닷새",
                           published_at=datetime(2025, 1, 30, tzinfo=UTC))
    assert [(f.surface, f.subject) for f in figs][-2:] == [("8.93%", "Nvidia"), ("128.99달러", "Nvidia")]
    # a private company's own figures stay its own
    f = fig("OpenAI was valued at $300 billion in its latest funding round.", "$300 billion")
    assert f.subject == "OpenAI"


def test_a_smuggling_case_is_never_the_chip_makers_or_a_headlines_presidents():
    f = fig("The same day, the Justice Department said it had broken up a smuggling network that tried to move at "
            "least $160 million of Nvidia H100 and H200 chips to China, about 7,000 chips in all.",
            "at least $160 million", headline="Trump Clears Nvidia H200 Sales to China With 25% Cut for US")
    assert (f.subject, f.metric) == (None, "deal_value")
    f = fig("미 법무부는 같은 날 H100·H200 등 1억6천만 달러 이상어치의 칩 약 7천 개를 중국으로 "
            "밀반출하려 한 조직을 기소했다.",
            "약 7천 개", headline='트럼프 "엔비디아 H200 中 수출 허용"')
    assert f.subject is None
    # a named party stays the case's subject
    f = fig("Prosecutors said Chinese nationals Chuan Geng and Shiwei Yang smuggled tens of millions of dollars' worth "
            "of Nvidia chips, including one shipment worth $28.4 million.", "$28.4 million")
    assert f.subject == "Chuan Geng + Shiwei Yang"


def test_a_korean_ratio_compares_with_the_actor_of_its_own_phrase():
    text = ("딥시크가 밝힌 학습 비용은 600만 달러도 안 된다. 오픈AI가 GPT-4에 썼다는 1억 달러의 20분의 1, "
            "메타가 올해 AI 인프라에 쏟겠다는 600억~650억 달러와 비교하면 1만분의 1에도 못 미친다.")
    scopes = {f.surface: f.scope for f in extract_figures(text, "ko") if f.metric == "ratio"}
    assert scopes["20분의 1"] == "vs OpenAI"
    assert next(v for k, v in scopes.items() if k.startswith("1만분의 1")) == "vs Meta"


def test_a_chips_sales_are_its_makers_revenue():
    f = fig("Before the April license requirement, analysts estimated the H20 brought in $12 billion to $15 billion "
            "in 2024.", "$12 billion to $15 billion", headline="The 15% Deal: What Nvidia and AMD Agreed to Pay")
    assert (f.subject, f.metric, f.chip, f.subject_via) == ("Nvidia", "revenue", "H20", "chip")
    f = fig("H20은 지난해 120억~150억 달러어치가 팔린 것으로 추정되는 주력 제품이다.", "120억~150억 달러",
            headline="엔비디아·AMD, 中 매출 15% 美정부에")
    assert (f.subject, f.metric, f.chip) == ("Nvidia", "revenue", "H20")


def test_chips_approved_for_purchase_are_the_buyers_group():
    body = ("로이터통신에 따르면 중국 정부는 바이트댄스와 알리바바, 텐센트 등 대형 플랫폼 기업에 "
            "엔비디아 H200 구매를 조건부로 허용했다. 승인 물량은 모두 40만 개 이상이다.")
    f = extract_figures(body, "ko", headline="中, 엔비디아 H200 구매 조건부 승인")[-1]
    assert (f.surface, f.subject, f.scope) == ("40만 개 이상", "Alibaba + ByteDance + Tencent", "as approvals")


def test_more_move_verbs_and_a_participle_clause_dates_its_own_thing():
    f = fig("The chipmaker's stock plummeted 17% to close at $118.58.", "17%", headline="Nvidia loses $600 billion",
            published_at=datetime(2025, 1, 27, 21, tzinfo=UTC))
    assert (f.subject, f.metric, f.value, f.refers_to) == ("Nvidia", "percent_change", -17.0, "2025-01-27 close")
    figs = extract_figures("The loss of about $589 billion in market value was more than double the previous one-day "
                           "record, set by Nvidia itself in September, when it shed $279 billion.", "en",
                           published_at=datetime(2025, 1, 27, 21, tzinfo=UTC))
    assert [f.refers_to for f in figs] == [None, "2024-09"]


def test_the_previous_day_is_the_day_before_the_one_the_sentence_states():
    figs = extract_figures("전날 17% 폭락했던 엔비디아 주가가 28일(현지시간) 8.93% 오른 128.99달러에 마감했다.", "ko",
                           published_at=datetime(2025, 1, 29, tzinfo=UTC))
    assert [f.refers_to for f in figs] == ["2025-01-27 close", "2025-01-28 close", "2025-01-28 close"]
    # with no other day in the sentence it is the day before publication
    f = fig("엔비디아 주가는 전날 17% 폭락했다.", "17%", language="ko",
            published_at=datetime(2025, 1, 28, 3, tzinfo=UTC))
    assert f.refers_to == "2025-01-27"


def test_nationals_and_destinations_are_not_the_country():
    body = ("미국 법무부는 5일(현지시간) 엔비디아 H100 200개 이상을 중국으로 불법 수출한 혐의로 중국 국적자 2명을 "
            "기소했다고 밝혔다.")
    figs = extract_figures(body, "ko", headline="美법무부, 엔비디아 H100 中 밀수출 혐의 중국인 2명 기소",
                           published_at=datetime(2025, 8, 6, tzinfo=UTC))
    assert all(f.subject != "China" for f in figs)
    assert [m.canonical for m in find_mentions("중국인 2명과 중국인공지능학회")] == ["China"]


def test_a_correction_notes_figures_are_the_corrected_figures():
    body = ("도널드 트럼프 미국 대통령이 엔비디아 H200의 중국 수출을 허용했다. "
            "판매 대금의 25%는 미국 정부가 가져간다.\n\n※ 초판 기사의 '15%'를 '25%'로 바로잡습니다.")
    figs = extract_figures(body, "ko", headline='트럼프 "엔비디아 H200 中 수출 허용…수익 25% 美정부 몫"')
    share = next(f for f in figs if f.span_start < body.index("※"))
    note = [f for f in figs if f.span_start > body.index("※")]
    assert [f.surface for f in note] == ["15%", "25%"]
    assert all((f.subject, f.metric, f.chip, f.subject_via) == (share.subject, share.metric, share.chip, "corrected")
               for f in note)
    assert share.metric == "tariff_or_fee_share"
    # a note whose own words name another quantity keeps it
    body = ("판매 대금의 25%는 미국 정부가 가져간다. 이는 지난 8월 H20에 적용된 15%보다 높다.\n\n"
            "※ 최초 송고 기사에서 수수료 비율을 15%로 잘못 적었기에 바로잡습니다.")
    note = extract_figures(body, "ko", headline="트럼프, 엔비디아 H200 중국 수출 허용")[-1]
    assert note.metric == "tariff_or_fee_share"


def test_a_respectively_correction_is_of_the_falls_and_amounts_it_corrects():
    # "각각 800억 달러, 17%입니다": the corrected 17% is the body's 17% fall (not the company of the sentence
    # before), and it falls; "MS" is Microsoft
    body = ("마이크로소프트(MS)는 올해 AI 데이터센터에 800억 달러를 쓰겠다고 했다.\n\n"
            "딥시크 충격 당일 엔비디아 주가가 17% 급락했다.\n\n"
            "※ 바로잡습니다: MS의 투자 계획을 8000억 달러로, 엔비디아 하락률을 12%로 잘못 적었습니다. 각각 800억 달러, "
            "17%입니다.")
    last = extract_figures(body, "ko")[-2:]
    assert [(f.surface, f.subject, f.metric) for f in last] == [
        ("800억 달러", "Microsoft", "investment"), ("17%", "Nvidia", "percent_change")]
    assert last[-1].value == -17.0 and last[-1].subject_via == "corrected"


def test_a_ratio_of_what_another_spent_is_the_sentences_subjects():
    f = fig("The company spent about $6 million on the raw computing power, roughly one-tenth of what Meta spent "
            "building its latest A.I. technology.", "roughly one-tenth",
            headline="What to Know About DeepSeek and the Chips Behind It")
    assert (f.subject, f.metric, f.scope) == ("DeepSeek", "ratio", "vs Meta")


@pytest.mark.parametrize(("text", "surface", "metric"), [
    ("엔비디아는 하루 만에 시가총액 약 2600억 달러를 되찾았다.", "약 2600억 달러", "market_value_change"),
    ("Nvidia regained about $260 billion of market value on Tuesday.", "about $260 billion", "market_value_change"),
    ("The chipmaker has since more than recovered: its market capitalization topped $5 trillion last month.",
     "$5 trillion", "market_value"),
])
def test_market_value_regained_is_a_change(text, surface, metric):
    assert fig(text, surface, headline="Nvidia").metric == metric


def test_a_startup_referred_back_and_a_charge_written_down():
    f = fig("딥시크는 V3를 공개했다. 이 스타트업은 엔비디아의 중국 수출용 칩 H800 2048개를 활용했다.", "2048개",
            language="ko")
    assert (f.subject, f.chip) == ("DeepSeek", "H800")
    f = fig("The H20 was hit by new rules, and Nvidia wrote down $4.5 billion of inventory tied to the chip.",
            "$4.5 billion")
    assert (f.subject, f.metric, f.chip) == ("Nvidia", "charge", "H20")
    f = fig("딥시크가 GPU 확보에 쓴 돈이 5억 달러(약 729억 원)를 넘는다는 분석이 나왔다.", "5억 달러", language="ko")
    assert (f.metric, f.scope) == ("investment", "on GPUs")


def test_korean_jeonnal_counts_from_the_storys_day_or_seouls():
    kst = timezone(timedelta(hours=9))
    f = fig("전날 뉴욕증시에서 엔비디아 주가는 16.97% 급락한 118.42달러에 마감했다.", "16.97%", language="ko",
            published_at=datetime(2025, 1, 28, 8, 30, tzinfo=kst))  # 23:30 UTC on the 27th
    assert f.refers_to == "2025-01-27 close"
    figs = extract_figures("엔비디아 주가는 28일(현지시간) 8.93% 올랐다. "
                           "전날에는 17% 폭락하며 시가총액 5890억 달러가 증발했다.", "ko",
                           published_at=datetime(2025, 1, 29, 6, 10, tzinfo=kst))
    assert [f.refers_to for f in figs] == ["2025-01-28", "2025-01-27", "2025-01-27"]
    # a second "전날" further on is the same day before: "전날" does not move the day the story is at
    figs = extract_figures("28일(현지시간) 뉴욕증시에서 엔비디아는 8.93% 오른 128.99달러에 거래를 마쳤다. "
                           "전날 16.97% 폭락한 데 따른 저가 매수세가 몰렸다.\n\n"
                           "엔비디아는 전날 하루 동안 시가총액 5890억 달러를 잃었다.", "ko",
                           published_at=datetime(2025, 1, 29, 8, 30, tzinfo=kst))
    assert {f.surface: f.refers_to[:10] for f in figs if f.refers_to} == {
        "8.93%": "2025-01-28", "128.99달러": "2025-01-28", "16.97%": "2025-01-27", "5890억 달러": "2025-01-27"}


def test_results_sentences_naming_no_actor_are_the_listed_companys():
    text = ("Nvidia sales jump 62%\n\nNvidia said third-quarter sales rose 62% to $57 billion. "
            "Analysts on average had estimated $55.4 billion, according to data compiled by Bloomberg.")
    got = {f.surface: (f.subject, f.metric, f.scope) for f in extract_figures(text, "en")}
    assert got["estimated $55.4 billion"] == ("Nvidia", "revenue", "as estimate")
    # a sentence naming another actor keeps its own subject
    f = fig("Nvidia reported revenue of $57 billion. SK hynix posted revenue of 24.45 trillion won.",
            "24.45 trillion won")
    assert f.subject == "SK hynix"


def test_a_cue_that_opens_the_next_figure_is_that_figures():
    text = "TSMC's fourth-quarter net profit rose 35% to T$505.7 billion, a record, on revenue of $33.73 billion."
    got = {f.surface: f.metric for f in extract_figures(text, "en")}
    assert (got["T$505.7 billion"], got["$33.73 billion"]) == ("profit", "revenue")
    # a cue that closes a clause before the next figure still governs the figure before it
    text = ("엔비디아는 1분기에 H20 재고 관련 비용 45억 달러(약 6조2000억 원)를 반영했고, 25억 달러어치 주문은 "
            "출하하지 못했다.")
    assert fig(text, "45억 달러", language="ko").metric == "charge"


def test_a_correction_note_respectively_corrects_in_order():
    body = ("16일(현지시간) 뉴욕증시에서 엔비디아 주가는 전날보다 6.87% 급락한 104.49달러에 장을 마쳤다.\n\n"
            "AMD도 7.35% 떨어졌다.\n\n"
            "※ 바로잡습니다: 당초 엔비디아 하락률을 9.6%로, AMD 하락률을 7.5%로 잘못 적었기에 각각 6.87%, 7.35%로 "
            "바로잡습니다.")
    note = [f for f in extract_figures(body, "ko") if "바로잡" in f.sentence]
    assert [(f.surface, f.subject, f.value) for f in note] == [
        ("9.6%", "Nvidia", -9.6), ("7.5%", "AMD", -7.5), ("6.87%", "Nvidia", -6.87), ("7.35%", "AMD", -7.35)]


def test_a_multiple_of_the_sentences_amount_is_measured_against_its_metric():
    text = ("딥시크가 GPU 구매에 쓴 돈이 5억 달러를 넘는다. "
            "딥시크가 밝힌 훈련 비용 557만6000달러(약 81억 원)의 약 90배다.")
    assert fig(text, "약 90배", language="ko").scope == "vs training_cost"
    text = "딥시크는 GPU 구매에만 5억 달러 넘게 썼다. 공개된 훈련비의 9배다."
    assert fig(text, "9배", language="ko").scope == "vs training_cost"
    # a multiple with nothing it multiplies keeps no comparand (and is never compared)
    assert fig("딥시크의 GPU 구매비는 크게 늘었다. 약 90배다.", "약 90배", language="ko").scope is None


def test_results_levels_year_earlier_figures_and_guidance_bands():
    when = datetime(2025, 10, 14, 1, 0, tzinfo=UTC)
    text = ("Samsung Electronics on Tuesday estimated its third-quarter operating profit rose 32% from a year earlier "
            "to 12.1 trillion won, well above analysts' expectations as prices of memory chips rebounded.\n\n"
            "The figure compares with 9.18 trillion won a year earlier and with an LSEG SmartEstimate of 10.1 "
            "trillion won.")
    got = {f.surface: (f.metric, f.refers_to, f.scope) for f in extract_figures(text, "en", published_at=when)}
    # the level a change reached is of the quantity that changed, not of "prices" later in the sentence
    assert got["12.1 trillion won"] == ("profit", "2025-07/2025-09", None)
    # "a year earlier" in the next paragraph is the same quarter a year before the article's
    assert got["9.18 trillion won"] == ("profit", "2024-07/2024-09", None)
    assert got["10.1 trillion won"][2] == "as estimate"
    # a band around a forecast is no revenue
    text = "AMD guided third-quarter revenue to about $8.7 billion, plus or minus $300 million."
    got = {f.surface: f.metric for f in extract_figures(text, "en", published_at=when)}
    assert (got["about $8.7 billion"], got["$300 million"]) == ("revenue", "other")
    assert fig("AMD는 3분기 매출을 87억 달러(±3억 달러)로 제시했다.", "3억 달러", language="ko").metric == "other"


def test_sales_lost_again_and_margins_without_a_charge():
    when = datetime(2025, 5, 28, 21, 0, tzinfo=UTC)
    text = ("The company warned that China export rules cost it $2.5 billion of sales in the period and will cost "
            "$8 billion more in the current quarter.")
    got = {f.surface: f.scope for f in extract_figures(text, "en", headline="Nvidia H20", published_at=when)}
    assert got == {"$2.5 billion": "as lost sales", "$8 billion": "as lost sales"}
    f = fig("1분기에는 H20 관련 비용 45억 달러를 반영했고, 출하하지 못한 H20 물량도 25억 달러에 이른다.", "25억 달러",
            language="ko", headline="엔비디아 실적")
    assert (f.metric, f.scope) == ("revenue", "as lost sales")
    # a margin the text gives without the charge is another quantity; a margin is never signed by its verb
    got = {f.surface: (f.value, f.scope) for f in extract_figures(
        "Gross margin was 60.5%; excluding the charge it would have been 71.3%.", "en", headline="Nvidia")}
    assert got == {"60.5%": (60.5, "as gross margin"), "71.3%": (71.3, "as gross margin excluding items")}
    got = {f.surface: (f.value, f.scope) for f in extract_figures(
        "이 비용을 빼면 71.3%였을 매출총이익률은 60.5%로 떨어졌다.", "ko", headline="엔비디아")}
    assert got == {"71.3%": (71.3, "as gross margin excluding items"), "60.5%": (60.5, "as gross margin")}


def test_a_move_named_after_its_figure_is_the_named_indexs():
    text = "Samsung shares rose as much as 3.4% in morning trade, outpacing a 0.6% gain in the broader KOSPI."
    got = {f.surface: f.subject for f in extract_figures(text, "en")}
    assert got == {"as much as 3.4%": "Samsung Electronics", "0.6%": "KOSPI"}


def test_a_persons_guess_is_the_source_not_the_subject():
    assert fig("Alexandr Wang's estimate of 50,000 H100s at DeepSeek remains unverified.", "50,000 H100s").subject == \
        "DeepSeek"
    assert fig("And DeepSeek's own fleet? Alexandr Wang's guess of more than 50,000 H100s remains unverified.",
               "more than 50,000 H100s").subject != "Alexandr Wang"
    # a person's own figure stays the person's
    assert fig("Jensen Huang's fortune fell by about $20 billion.", "about $20 billion").subject == "Jensen Huang"


def test_a_date_after_the_figures_relative_clause_is_the_main_clauses():
    figs = extract_figures("Nvidia, which lost nearly $600 billion in value on the day DeepSeek's app went viral, "
                           "became in July the first company to be worth $4 trillion.", "en",
                           published_at=datetime(2025, 9, 19, 11, 30, tzinfo=UTC))
    assert {f.surface: f.refers_to for f in figs} == {"nearly $600 billion": None, "$4 trillion": "2025-07"}


def test_a_day_stated_without_a_figure_dates_the_next_sentences_moves():
    text = ("On Monday, investors ran the numbers their own way. Nvidia's stock fell 17 percent and the company "
            "shed $589 billion in market value.")
    figs = extract_figures(text, "en", published_at=datetime(2025, 1, 31, 15, 30, tzinfo=UTC))  # Friday, trading
    assert [f.refers_to for f in figs] == ["2025-01-27", "2025-01-27"]
    # the report's own day keeps the running session: "16일 ... 약세다. 오전 11시 현재 ... 1.1% 하락했다"
    kst = timezone(timedelta(hours=9))
    figs = extract_figures("16일 국내 증시에서도 반도체주가 약세다. 오전 11시 현재 삼성전자는 1.1% 하락했다.", "ko",
                           published_at=datetime(2025, 4, 16, 11, 30, tzinfo=kst))
    assert [f.refers_to for f in figs] == ["2025-04-16 intraday"]
    # a day in another paragraph dates nothing here
    figs = extract_figures("On Monday, investors ran the numbers their own way.\n\nNvidia's stock fell 17 percent.",
                           "en", published_at=datetime(2025, 1, 31, 15, 30, tzinfo=UTC))
    assert figs[0].refers_to == "2025-01-31 intraday"


@pytest.mark.parametrize(("text", "lang"), [
    ("Trump told reporters he had initially asked for 20% but that Nvidia chief Jensen Huang talked him down to 15%.",
     "en"),
    ("트럼프 대통령은 처음에 20%를 요구했지만 젠슨 황 CEO의 설득에 15%로 낮췄다고 말했다.", "ko"),
])
def test_the_share_settled_on_is_the_governments_share(text, lang):
    figs = extract_figures(text, lang, headline="Trump says he asked Nvidia for 20% before settling on 15%")
    assert [(f.surface, f.subject, f.metric, f.scope) for f in figs] == [
        ("20%", "US government", "tariff_or_fee_share", "as demand"),
        ("15%", "US government", "tariff_or_fee_share", None)]


def test_what_a_korean_figure_is_compared_with_is_not_its_owner():
    f = fig("딥시크는 H800 2048개로 훈련을 마쳤다고 설명했다. 오픈AI와 메타 등 미국 빅테크가 모델 하나에 "
            "수억 달러를 쓰는 것과 비교하면 600만 달러 미만이라는 비용은 파격적이라는 평가다.", "600만 달러 미만",
            language="ko")
    assert (f.subject, f.metric) == ("DeepSeek", "training_cost")


def test_unshipped_orders_are_sales_lost_and_the_current_quarter_is_the_one_under_way():
    figs = extract_figures("It also said it couldn't ship an additional $2.5 billion of H20 orders in the quarter, and "
                           "expects the restrictions to cut about $8 billion from sales in the current period.", "en",
                           headline="Nvidia Sales Jump 69% Despite China Curbs",
                           published_at=datetime(2025, 5, 28, 21, 45, tzinfo=UTC))
    assert [(f.metric, f.chip, f.scope) for f in figs] == [("revenue", "H20", "as lost sales")] * 2
    assert figs[1].refers_to == "2025-05/2025-07"
    f = fig("다만 H20 25억 달러어치는 1분기에 출하하지 못했다.", "25억 달러", language="ko",
            headline="엔비디아 1분기 매출", published_at=datetime(2025, 5, 29, tzinfo=UTC))
    assert (f.subject, f.metric, f.scope) == ("Nvidia", "revenue", "as lost sales")
    f = fig("엔비디아는 H20 수출이 막혔다. 당초 예고했던 55억 달러의 비용은 실제로는 45억 달러로 줄었다.", "55억 달러",
            language="ko")
    assert (f.metric, f.chip) == ("charge", "H20")


def test_current_quarter_in_a_fiscal_calendar():
    from pipelines.extract.event_time import current_quarter
    assert current_quarter(1, datetime(2025, 5, 28).date()) == "2025-05/2025-07"
    assert current_quarter(None, datetime(2025, 5, 28).date()) == "2025-04/2025-06"
    assert current_quarter(1, datetime(2025, 8, 27).date()) == "2025-08/2025-10"


def test_a_server_traded_is_a_deal_not_spending():
    f = fig("선전의 한 판매업체는 엔비디아 칩 2000개가 탑재된 서버를 1억300만 달러(약 1500억 원)에 거래하기도 했다.",
            "1억300만 달러", language="ko")
    assert (f.subject, f.metric) == (None, "deal_value")
    f = fig("세미애널리시스는 딥시크가 서버 투자에 16억 달러를 썼다고 추산했다.", "16억 달러", language="ko")
    assert (f.metric, f.scope) == ("investment", "on servers")


def test_a_revenue_estimate_beside_the_result_and_a_segments_growth():
    figs = extract_figures("Nvidia reported first-quarter revenue of $44.1 billion on Wednesday, up 69% from a year "
                           "earlier and above analysts' average estimate of $43.3 billion, according to LSEG data. "
                           "Data center revenue rose 73% to $39.1 billion.", "en",
                           published_at=datetime(2025, 5, 28, 20, 40, tzinfo=UTC))
    got = {f.surface: (f.metric, f.scope, f.refers_to) for f in figs}
    assert got["$43.3 billion"] == ("revenue", "as estimate", "2025-02/2025-04")
    assert got["69%"][:2] == ("percent_change", "of revenue")
    assert got["73%"][:2] == ("percent_change", "of data center revenue")
    f = fig("엔비디아의 1분기 매출은 441억 달러로 전년 동기 대비 73% 늘었고, 데이터센터 매출은 391억 달러를 기록했다.",
            "73%", language="ko")
    assert f.scope == "of revenue"


def test_a_country_that_is_part_of_a_companys_revenue_is_not_its_owner():
    f = fig("중국은 엔비디아 전체 매출의 약 13%를 차지한다.", "약 13%", language="ko", headline="엔비디아, 中 H20 매출")
    assert f.subject == "Nvidia"


@pytest.mark.parametrize(("text", "lang", "surface", "chip"), [
    ("앞서 H20 칩에는 판매 수익의 15%가 적용됐다.", "ko", "15%", "H20"),
    ("미국 정부는 H20 수출을 막았다가 15% 수익 공유 조건으로 풀었다.", "ko", "15%", "H20"),
    ("지난해 12월에는 25%를 받는 조건으로 H200 수출까지 허용했다.", "ko", "25%", "H200"),
    ("Washington let Nvidia sell the more powerful H200 in China in exchange for 25% of the sales.", "en", "25%",
     "H200"),
])
def test_more_wordings_of_a_governments_share_of_sales(text, lang, surface, chip):
    f = fig(text, surface, language=lang, headline="Nvidia China sales")
    assert (f.metric, f.chip) == ("tariff_or_fee_share", chip)


def test_the_chipmaker_is_the_chip_maker_in_context_not_the_headlines_person():
    head = "Jensen Huang's Fortune Takes a $20 Billion Hit as DeepSeek Jolts Nvidia"
    f = fig("The chipmaker lost $589 billion of market value, the biggest one-day wipeout for any company.",
            "$589 billion", headline=head)
    assert f.subject == "Nvidia"
    f = fig("The chipmaker's co-founder now has a fortune of $104.5 billion, down about 16% from Friday.",
            "about 16%", headline=head)
    assert f.subject != "Nvidia"


def test_a_private_causes_moves_are_the_listed_companys_and_its_own_claims_stay_its_own():
    f = fig("Only in January, DeepSeek's debut had erased $589 billion of its value in a single day.", "$589 billion",
            headline="Nvidia becomes first company worth $5 trillion")
    assert (f.subject, f.metric) == ("Nvidia", "market_value_change")
    f = fig("딥시크 충격은 엔비디아 시가총액 5890억 달러를 하루 만에 날렸다.", "5890억 달러", language="ko")
    assert f.subject == "Nvidia"
    f = fig("The selloff was triggered by DeepSeek, a Chinese lab that says it trained a competitive model for "
            "$5.6 million.", "$5.6 million", headline="Jensen Huang's Fortune Takes a Hit as DeepSeek Jolts Nvidia")
    assert (f.subject, f.metric) == ("DeepSeek", "training_cost")


@pytest.mark.parametrize(("text", "lang", "surface", "metric"), [
    ("In April, Nvidia warned of a $5.5 billion hit from new US licensing rules on its H20 chip; it booked "
     "$4.5 billion in May.", "en", "$4.5 billion", "charge"),
    ("In April, Nvidia warned of a $5.5 billion hit from new US licensing rules on its H20 chip.", "en",
     "$5.5 billion", "charge"),
    ("The company booked $17.1 billion of revenue from China in its last fiscal year.", "en", "$17.1 billion",
     "revenue"),
    ("4월에는 H20 수출 제한으로 55억 달러의 손실을 예고했다가 5월 실적에서 45억 달러를 반영했다.", "ko", "45억 달러",
     "charge"),
])
def test_charge_wordings(text, lang, surface, metric):
    f = fig(text, surface, language=lang, headline="One year after DeepSeek's shock, Nvidia")
    assert f.metric == metric
    if metric == "charge":
        assert (f.subject, f.chip) == ("Nvidia", "H20")


def test_a_share_paid_on_named_chips_sales_is_of_the_first_chip():
    f = fig("The cut is larger than the 15% that Nvidia and AMD agreed in August to pay on H20 and MI308 sales.", "15%",
            headline="Trump says Nvidia can sell H200 chips to China, with 25% cut for US")
    assert (f.subject, f.metric, f.chip) == ("US government", "tariff_or_fee_share", "H20")


def test_a_revenue_figure_dated_only_by_its_report_day_is_of_the_paragraphs_quarter():
    figs = extract_figures("Nvidia reported first-quarter revenue of $44.1 billion on Wednesday, up 69% from a year "
                           "earlier. Data center revenue rose 73% to $39.1 billion.", "en",
                           published_at=datetime(2025, 5, 28, 20, 40, tzinfo=UTC))
    assert {f.surface: f.refers_to for f in figs} == {
        "$44.1 billion": "2025-02/2025-04", "69%": "2025-02/2025-04", "73%": "2025-02/2025-04",
        "$39.1 billion": "2025-02/2025-04"}


def test_a_figure_someone_has_a_lot_more_than_keeps_its_own_precision():
    f = fig("SORKIN: Fifty thousand? That's a lot more than the 2,048 H800 chips in their paper.", "2,048",
            headline="Scale AI's Alexandr Wang: DeepSeek has far more Nvidia chips than it admits")
    assert (f.qualifier, f.value) == ("exact", 2048)


def test_a_documents_figure_for_the_base_model_is_not_the_articles_model():
    body = ("Chinese AI developer DeepSeek said it spent $294,000 training its R1 model, in a peer-reviewed article "
            "published in Nature on Wednesday.\n\nThe reasoning-focused model was trained on 512 Nvidia H800 chips, "
            "the paper said. A supplementary document put the cost of the underlying base model at about $6 million.")
    f = extract_figures(body, "en", headline="China's DeepSeek says its hit AI model cost just $294,000 to train")[-1]
    assert (f.surface, f.subject, f.metric, f.scope) == ("about $6 million", "DeepSeek", "training_cost", None)


def test_korean_half_and_fractions_of_anothers_figure():
    figs = extract_figures("딥시크가 V3 모델 학습에 쓴 비용은 5576만 달러로, 오픈AI가 GPT-4 학습에 "
                           "투입한 것으로 알려진 1억 달러의 절반 수준이다.", "ko")
    half = figs[-1]
    assert (half.surface, half.value, half.unit, half.subject, half.scope) == (
        "절반 수준", 0.5, "fraction", "DeepSeek", "vs OpenAI")
    f = fig("딥시크의 V3 훈련비는 5576만 달러다. 오픈AI가 GPT-4 훈련에 쓴 것으로 알려진 1억 달러의 절반 "
            "수준이다.", "절반", language="ko", headline="딥시크, 5576만 달러로 챗GPT 대항마")
    assert f.subject == "DeepSeek"
    f = fig("중국 딥시크가 R1 개발에 들인 비용은 557만 6000달러로, 오픈AI가 비슷한 모델에 쓴 1억 달러의 "
            "20분의 1 수준이다.", "20분의 1", language="ko", headline="오픈AI 20분의 1 비용…딥시크의 충격")
    assert (f.subject, f.scope) == ("DeepSeek", "vs OpenAI")
    assert not [f for f in extract_figures("응답자의 절반 이상이 찬성했다.", "ko") if f.unit == "fraction"]


def test_a_person_and_his_company_are_one_party():
    f = fig("Separately on Monday, the Justice Department said Houston businessman Alan Hao Hsu and his company, "
            "Hao Global, had admitted to smuggling at least $160 million of Nvidia H100 and H200 chips to China.",
            "at least $160 million")
    assert f.subject == "Alan Hao Hsu + Hao Global"


def test_a_correction_note_that_goes_on_and_one_that_was_corrected():
    body = ("Nvidia shares fell to $123.40 by midday.\n\nCorrection: An earlier version of this post misstated "
            "Nvidia's share price. It was $123.40, not $12.34.")
    figs = extract_figures(body, "en", headline="Live updates: Nvidia leads chip rout")
    note = [f for f in figs if f.span_start > body.index("Correction")]
    assert [(f.surface, f.subject, f.metric) for f in note] == [
        ("$123.40", "Nvidia", "share_price"), ("$12.34", "Nvidia", "share_price")]
    body = ("Nvidia lost about $589 billion of market value on Monday.\n\nThis story has been corrected to show "
            "that Nvidia lost about $589 billion of market value, not $593 billion.")
    last = extract_figures(body, "en")[-1]
    assert (last.surface, last.subject, last.metric) == ("$593 billion", "Nvidia", "market_value_change")


@pytest.mark.parametrize("text", [
    "브로드컴(-17.40%)과 TSMC ADR(-13.33%)도 급락했다.",
    "브로드컴(-17.4%), TSMC 미국예탁증권(ADR·-13.3%) 등 다른 반도체주도 줄줄이 급락했다.",
])
def test_a_move_in_parentheses_after_a_companys_shares_is_that_companys(text):
    figs = extract_figures(text, "ko", headline="엔비디아 시총 하루 만에 증발")
    assert [f.subject for f in figs] == ["Broadcom", "TSMC"]


def test_earnings_wordings_outlook_hit_from_lost_sales_and_a_move_to_a_price():
    figs = extract_figures("Its outlook of about $45 billion for this quarter includes an $8 billion hit from lost H20 "
                           "sales.", "en", headline="Nvidia shrugs off China hit with $44.1 billion quarter",
                           published_at=datetime(2025, 5, 28, 21, 45, tzinfo=UTC))
    assert [(f.metric, f.scope) for f in figs] == [("revenue", "as guidance"), ("revenue", "as lost sales")]
    f = fig("Nvidia tumbled nearly 17% to $118.58 on Monday, erasing $593 billion from its market capitalization.",
            "$118.58")
    assert f.metric == "share_price"
    f = fig("First-quarter revenue rose 69% to $44.06 billion, ahead of the $43.31 billion analysts had forecast.",
            "$44.06 billion", headline="Nvidia forecasts revenue below estimates as China curbs bite")
    assert (f.subject, f.metric) == ("Nvidia", "revenue")
    f = fig("H20 수출 제한으로 55억 달러의 비용이 생길 것이라는 공시가 악재로 작용했다.", "55억 달러", language="ko",
            headline="엔비디아 6.87% 급락")
    assert (f.metric, f.chip) == ("charge", "H20")
    f = fig("미국 주요 기업들은 모델 하나에 1만6000개 이상을 투입하는 것으로 알려져 있다.", "1만6000개", language="ko")
    assert f.subject == "US AI companies"


def test_korean_day_words_relative_to_the_storys_session():
    kst = timezone(timedelta(hours=9))
    f = fig("엔비디아가 하루에 이만큼 떨어진 것은 딥시크 충격으로 17% 폭락했던 1월 27일 이후 처음이다.", "17%",
            language="ko", published_at=datetime(2025, 2, 28, 7, 30, tzinfo=kst))
    assert f.refers_to == "2025-01-27"
    figs = extract_figures("간밤 엔비디아는 8.9% 반등한 128.99달러에 마감했지만, 전날 17% 폭락한 낙폭을 되찾기엔 "
                           "역부족이었다.", "ko", published_at=datetime(2025, 1, 29, 9, tzinfo=kst))
    assert figs[-1].refers_to == "2025-01-27"


def test_results_beside_the_estimate_they_beat_and_a_restated_currency():
    figs = extract_figures("엔비디아의 1분기 매출은 441억 달러로 시장 예상치 433억 달러를 넘어섰다.", "ko",
                           published_at=datetime(2025, 5, 28, 23, 20, tzinfo=UTC))
    assert [(f.scope, f.refers_to) for f in figs] == [(None, "2025-02/2025-04"), ("as estimate", "2025-02/2025-04")]
    figs = extract_figures("Nvidia's sales rose to $44.1 billion in the quarter ended April 27, topping the "
                           "$43.1 billion average of analyst estimates compiled by Bloomberg.", "en",
                           published_at=datetime(2025, 5, 28, 21, 45, tzinfo=UTC))
    assert figs[1].scope == "as estimate"
    f = fig("Nvidia lost $589 billion, or about 846 trillion won, in market value on Monday, while Seoul was closed.",
            "$589 billion", published_at=datetime(2025, 1, 30, 22, 30, tzinfo=UTC))
    assert f.refers_to == "2025-01-27"


def test_a_cases_later_figures_are_its_parties():
    body = ("Chinese nationals Chuan Geng and Shiwei Yang, who live in California, have been charged with illegally "
            "exporting tens of millions of dollars' worth of Nvidia AI chips to China, the US Justice Department "
            "said on Tuesday.\n\nOne invoice from early 2024 alone was worth $28.4 million, according to the "
            "complaint, which also describes a shipment of more than 200 H100 chips.")
    figs = extract_figures(body, "en", headline="US charges Chinese nationals with shipping AI chips to China")
    assert {f.subject for f in figs} == {"Chuan Geng + Shiwei Yang"}
    assert next(f for f in figs if f.surface == "$28.4 million").metric == "deal_value"
    f = fig("President Donald Trump said on Monday that he had originally asked for 20%, and that Nvidia CEO Jensen "
            "Huang persuaded him to settle for 15%.", "15%", headline="Nvidia and AMD to give US government a cut")
    assert (f.subject, f.metric, f.scope) == ("US government", "tariff_or_fee_share", None)
    f = fig("H20 수출 규제에 따라 재고 관련 비용 45억 달러를 반영했고, 선적하지 못한 H20 매출도 25억 달러에 달했다.",
            "45억 달러", language="ko", headline="엔비디아 1분기 매출 441억달러")
    assert f.metric == "charge"


def test_a_named_businessman_in_apposition_is_the_cases_party():
    f = fig("The decision came on the same day the Justice Department said a Texas businessman, Alan Hao Hsu, had "
            "admitted smuggling at least $160 million of H100 and H200 chips to China.", "at least $160 million")
    assert f.subject == "Alan Hao Hsu"
    body = ("A Houston businessman has pleaded guilty to shipping Nvidia's most advanced processors to China.\n\n"
            "Alan Hao Hsu, through his company Hao Global, moved at least $160 million worth of H100 and H200 chips "
            "between October 2024 and May 2025, prosecutors said.\n\nAbout 6,000 chips were involved, according to "
            "court papers.")
    figs = extract_figures(body, "en", headline="Texas man admits smuggling Nvidia chips to China")
    assert [f.subject for f in figs] == ["Alan Hao Hsu + Hao Global"] * 2


@pytest.mark.parametrize(("text", "lang", "surface"), [
    ("Cadence Design Systems has agreed to plead guilty and pay more than $104 million to resolve US charges that it "
     "sold chip design tools to a Chinese military university.", "en", "more than $104 million"),
    ("케이던스디자인시스템즈가 설계 도구를 수출한 혐의를 인정하고 1억4000만 달러 이상(약 1940억원)을 내기로 "
     "했다.", "ko", "1억4000만 달러"),
])
def test_what_a_company_pays_to_resolve_charges_is_a_fine(text, lang, surface):
    f = fig(text, surface, language=lang, headline="Cadence to plead guilty over China exports")
    assert (f.subject, f.metric) == ("Cadence Design Systems", "fine")


def test_guidance_is_a_revenue_forecast():
    f = fig("Nvidia's third-quarter guidance is $54 billion.", "$54 billion",
            published_at=datetime(2025, 8, 28, 1, tzinfo=UTC))
    assert (f.metric, f.scope, f.refers_to) == ("revenue", "as guidance", "2025-08/2025-10")


def test_stock_market_value_is_a_value_not_a_price():
    f = fig("Nvidia tumbled 16.97% to $118.58, shedding roughly $593 billion in stock market value, a record one-day "
            "loss for a Wall Street company.", "roughly $593 billion")
    assert f.metric == "market_value_change"


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("It is a long way from January, when the DeepSeek scare sent Nvidia down 17% and erased $589 billion in a day.",
     datetime(2025, 8, 29, 0, 30, tzinfo=UTC), ["2025-01", "2025-01"]),
    ("Nvidia shares rallied 8.9% on Tuesday to close at $128.99, recovering some ground after Monday's 17% plunge "
     "wiped out $589 billion of the chipmaker's value.", datetime(2025, 1, 28, 21, 10, tzinfo=UTC),
     ["2025-01-28 close", "2025-01-28 close", "2025-01-27", "2025-01-27"]),
    ("The memory maker had not traded since before Monday's rout, when Nvidia's 17% plunge erased close to "
     "$600 billion.", datetime(2025, 1, 31, 6, 45, tzinfo=UTC), ["2025-01-27", "2025-01-27"]),
])
def test_a_when_clause_and_an_owned_plunge_take_their_day(text, published, expected):
    assert [f.refers_to for f in extract_figures(text, "en", published_at=published)] == expected


def test_a_korean_opening_topic_owns_the_move_after_a_clause():
    figs = extract_figures("엔비디아는 6.87% 하락했다. AMD도 MI308 수출 제한으로 최대 8억 달러의 비용이 생길 수 있다고 "
                           "공시한 뒤 7.35% 떨어졌다.", "ko", headline="엔비디아")
    assert figs[-1].subject == "AMD"
    f = fig("Nvidia gained 3.25% to close at $139.19 on Thursday, a day after reporting quarterly sales that beat "
            "estimates.", "$139.19")
    assert f.metric == "share_price"


def test_the_base_model_for_another_is_the_figures_model():
    f = fig("DeepSeek's technical report put the final training run of V3, the base model for R1, at $5.576 million.",
            "$5.576 million")
    assert f.scope == "DeepSeek-V3"
    f = fig("R1 비용은 기반 모델인 V3의 훈련비 557만6천 달러와는 별개다.", "557만6천", language="ko", headline="딥시크")
    assert f.scope == "DeepSeek-V3"
    f = fig("The 17% drop came by the close, when Nvidia's market value had fallen by about $589 billion.",
            "about $589 billion")
    assert f.metric == "market_value_change"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The Nasdaq Composite fell 3.1% to 19,341.84 on Monday.", "en", [("Nasdaq Composite", 19341.84)]),
        ("The S&P 500 lost 1.5% to close at 6,012.28.", "en", [("S&P 500", 6012.28)]),
        ("27일 코스피는 전 거래일보다 2.35% 내린 2,433.13에 거래를 마쳤다.", "ko", [("KOSPI", 2433.13)]),
        ("코스닥지수는 724.31로 마감했다.", "ko", [("KOSDAQ", 724.31)]),
        ("나스닥종합지수는 3.07% 하락한 1만9341.83에 마감했다.", "ko", [("Nasdaq Composite", 19341.83)]),
        # not levels: a dotted date, a threshold, a sentence naming no index, a price with its unit
        ("코스피는 2025.01.27 기준으로 하락했다.", "ko", []),
        ("코스피 지수는 2500선을 내줬다.", "ko", []),
        ("Shares of the fund rose to 118.42 on Monday.", "en", []),
        ("The index fell as Nvidia dropped to 118.42 dollars.", "en", []),
    ],
)
def test_index_levels_written_without_a_unit(text, lang, want):
    figs = [f for f in extract_figures(text, lang) if f.unit == "points"]
    assert [(f.subject, f.value) for f in figs] == want
    assert all(f.metric == "share_price" for f in figs)


def test_a_won_price_written_in_english_is_a_figure_but_the_verb_is_not():
    text = "SK hynix closed down 9.86% at 199,200 won, while Samsung Electronics lost 2.42% to 52,400 won."
    got = {f.surface: (f.subject, f.unit, f.metric) for f in extract_figures(text, "en")}
    assert got["199,200 won"] == ("SK hynix", "KRW", "share_price")
    assert got["52,400 won"] == ("Samsung Electronics", "KRW", "share_price")
    assert not [f for f in extract_figures("Of the 12 bids, 3 won approval.", "en") if f.unit == "KRW"]


def test_a_session_named_alone_long_after_the_stated_day_is_that_days():
    text = ("Correction: An earlier version of this column misstated Nvidia's decline on Jan. 27, 2025. "
            "The shares closed down 17%, not 12%; before the open they had been indicated about 12% lower.")
    f = _at(text, "about 12%", datetime(2026, 1, 27, 13, 40, tzinfo=UTC))
    assert f.refers_to == "2025-01-27 premarket"
    # a report of the day itself keeps the publication's session; a quarter's end date is no day stated
    text = ("Nvidia's revenue rose 56% to $46.7bn in the three months to July 27.\n\n"
            "Nvidia forecast third-quarter revenue of $54bn. Its shares fell about 3 per cent in after-hours trading.")
    f = _at(text, "about 3 per cent", datetime(2025, 8, 27, 21, 30, tzinfo=UTC))
    assert f.refers_to == "2025-08-27 after_hours"


def test_the_previous_day_counts_from_the_day_the_article_is_at():
    text = "Nvidia rose 8.9% on Jan. 28. The stock had plunged 17% the previous day."
    assert _at(text, "17%", datetime(2025, 1, 30, 14, tzinfo=UTC)).refers_to == "2025-01-27"
    # with no day stated before it, it is the day before publication
    assert _at("The stock had plunged 17% the previous day.", "17%",
               datetime(2025, 1, 28, 14, tzinfo=UTC)).refers_to == "2025-01-27"


@pytest.mark.parametrize(
    ("text", "surface", "want"),
    [
        # a chip's price per unit is its maker's, per chip, whoever buys it
        ("The H100 is not a cheap part to hoard: it sells for roughly $25,000 to $30,000 apiece.", "roughly $25,000",
         ("Nvidia", "price", "per H100")),
        ("H100s change hands at $25,000 to $30,000 each, and buyers paid comparable sums.", "$25,000",
         ("Nvidia", "price", "per H100")),
        ("H20은 개당 1만2000~1만5000달러에 팔린다.", "1만2000", ("Nvidia", "price", "per H20")),
        # a rental per GPU-hour stays the renter's; a rack's price is no chip's
        ("The figure is built from about 147,000 H800 GPU-hours priced at $2 each.", "$2",
         ("DeepSeek", "price", None)),
        ("One distributor advertised server racks, each holding eight B200s, for about $489,000 apiece.",
         "about $489,000", (None, "price", None)),
    ],
)
def test_a_chips_unit_price_is_its_makers(text, surface, want):
    lang = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
    f = fig(text, surface, language=lang, headline="DeepSeek's compute bill")
    assert (f.subject, f.metric, f.scope) == want


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("Buying the 2,048 H800s outright at $25,000 to $30,000 apiece, roughly what an H100 fetched, would have "
         "cost $51 million to $61 million before networking.", "$51 million", "investment"),
        ("The cluster is a slice of the 50,000 Hopper chips DeepSeek can use, on which the firm estimates the "
         "company has spent well over $500 million.", "well over $500 million", "investment"),
        ("SemiAnalysis puts the cost of running those machines at $944 million.", "$944 million", "other"),
        ("The $5.576 million headline figure captures only the GPU rental cost of the final training run.",
         "$5.576 million", "training_cost"),
    ],
)
def test_buying_running_and_renting_are_different_costs(text, surface, metric):
    assert fig(text, surface, language="en", headline="DeepSeek's hardware bill").metric == metric


def test_a_rate_per_tokens_is_not_the_runs_total_and_models_are_told_apart():
    text = ("DeepSeek-V3's pre-training took 2.664 million GPU-hours. By the report's arithmetic, every trillion "
            "tokens of pre-training needed about 180,000 GPU-hours, or 3.7 days on the cluster.")
    assert fig(text, "about 180,000", language="en").scope == "DeepSeek-V3 per trillion tokens"
    assert fig(text, "3.7 days", language="en").scope == "DeepSeek-V3 per trillion tokens"
    assert fig(text, "2.664 million", language="en").scope == "DeepSeek-V3"
    f = fig("An earlier stage, R1-Zero, ran for 198 hours on the same cluster.", "198 hours", language="en",
            headline="DeepSeek says R1 cost $294,000")
    assert f.scope == "DeepSeek-R1-Zero"


def test_the_quarter_of_a_results_story_and_the_current_one():
    text = ("It also said it could not ship a further $2.5 billion of H20 orders in the quarter and expects to lose "
            "about $8 billion of H20 sales in the current one.")
    pub = datetime(2025, 5, 29, 9, tzinfo=UTC)
    assert _at(text, "$2.5 billion", pub).refers_to == "2025-02/2025-04"
    assert _at(text, "about $8 billion", pub).refers_to == "2025-05/2025-07"
    f = _at("In May it said it had missed out on $2.5 billion of H20 sales in the first quarter.", "$2.5 billion", pub)
    assert f.scope == "as lost sales"


def test_a_profit_is_its_own_quantity_of_its_quarter():
    text = ("삼성전자가 올해 2분기 연결 기준 영업이익이 4조6000억원으로 작년 같은 기간보다 55.94% 감소한 것으로 "
            "잠정 집계됐다고 8일 공시했다. 매출은 74조원이었다.")
    pub = datetime(2025, 7, 8, 0, tzinfo=UTC)
    got = {f.surface: (f.metric, f.scope, f.refers_to) for f in extract_figures(text, "ko", published_at=pub)}
    assert got["4조6000억원"] == ("profit", None, "2025-04/2025-06")
    assert got["55.94%"] == ("percent_change", "of operating profit", "2025-04/2025-06")
    assert got["74조원"][0] == "revenue"
    f = _at("SK hynix said operating profit rose to 8.08 trillion won in the October-December quarter.",
            "8.08 trillion won", datetime(2025, 1, 23, tzinfo=UTC))
    assert f.metric == "profit"


def test_case_parties_in_korean_and_a_company_charged_alone():
    text = ("미 법무부는 최소 1억6000만 달러 규모의 H100·H200을 중국으로 빼돌리려 한 혐의로 앨런 하오 쉬 등을 "
            "기소했다고 발표했다. 적발된 칩은 약 7000개다.")
    got = {f.surface: f.subject for f in extract_figures(text, "ko", headline="트럼프, 엔비디아 H200 中 수출 허용")}
    assert got["최소 1억6000만 달러"] == got["약 7000개"] == "Alan Hao Hsu"
    text = ("미국 법무부는 12월 8일 앨런 하오 쉬가 H100·H200 칩 약 7000개를 중국으로 빼돌리는 데 관여했다고 밝혔다.\n\n"
            "8월 5일에는 캘리포니아의 ALX솔루션스가 H100 200개 이상을 불법 수출한 혐의로 기소됐다. "
            "송장 한 건의 금액만 2840만 달러였다.")
    got = {f.surface: f.subject for f in extract_figures(text, "ko", headline="엔비디아 AI칩 밀수 사건 총정리")}
    assert got["200개 이상"] == got["2840만 달러"] == "ALX Solutions"
    # another story's figure cited beside a case is not the case's
    text = ("Chuan Geng and Shiwei Yang were charged with exporting more than 200 H100 chips. The case follows a "
            "Financial Times report that Chinese distributors moved at least $1 billion worth of Nvidia chips.")
    got = {f.surface: f.subject for f in extract_figures(text, "en")}
    assert got["more than 200 H100 chips"] == "Chuan Geng + Shiwei Yang"
    assert got["at least $1 billion"] != "Chuan Geng + Shiwei Yang"


def test_an_index_level_and_gain_are_the_indexs_not_the_movers():
    text = ("South Korea's benchmark KOSPI closed up 2.57% at 4,042.83 on Monday, led by SK Hynix and Samsung "
            "Electronics, extending its gain this year to about 68%.")
    got = {f.surface: f.subject for f in extract_figures(text, "en")}
    assert got["4,042.83"] == got["about 68%"] == got["2.57%"] == "KOSPI"
    text = "The KOSPI rose 1.2%, led by SK Hynix, which jumped 5%."
    got = {f.surface: f.subject for f in extract_figures(text, "en")}
    assert got == {"1.2%": "KOSPI", "5%": "SK hynix"}
    f = fig("장중 코스피200 선물이 5% 넘게 급락하면서 매도 사이드카가 발동됐다.", "5% 넘게", language="ko")
    assert f.subject == "KOSPI 200 futures"


def test_a_profit_estimate_is_not_the_result():
    got = {f.surface: f.scope for f in extract_figures(
        "4분기 영업이익은 증권가 전망치 평균(8조1000억원)과 비슷했다.", "ko", headline="SK하이닉스 작년 영업익 23조원")}
    assert got["8조1000억원"] == "as estimate"
    f = fig("Analysts had expected operating profit of 8.1 trillion won.", "8.1 trillion won", language="en")
    assert (f.metric, f.scope) == ("profit", "as estimate")


def test_a_korean_charge_for_inventory_and_purchase_commitments_is_a_charge():
    text = "H20 재고와 구매 약정 관련 비용은 45억 달러(약 6조2000억원)로, 지난달 예고한 55억 달러보다 줄었다."
    got = {f.surface: f.metric for f in extract_figures(text, "ko", headline="엔비디아 H20 비용은 45억 달러로 줄어")}
    assert got["45억 달러"] == got["55억 달러"] == "charge"


def test_margins_are_their_own_quantity_gross_apart_from_operating():
    f = fig("영업이익률은 45%에 달했다.", "45%", language="ko", headline="SK하이닉스 4분기 영업익 8조8280억")
    assert (f.subject, f.metric, f.scope) == ("SK hynix", "margin", "as operating margin")
    text = "Nvidia's adjusted gross margin was 71.3% in the quarter, and its operating margin reached 60%."
    got = {f.surface: (f.metric, f.scope) for f in extract_figures(text, "en")}
    assert got["71.3%"] == ("margin", "as gross margin") and got["60%"] == ("margin", "as operating margin")


def test_the_current_quarter_wins_over_a_month_carried_from_the_sentence_before():
    text = ("Nvidia booked a $4.5 billion charge in its fiscal first quarter, less than the roughly $5.5 billion it "
            "had warned of in April. It also said it could not ship a further $2.5 billion of H20 orders in the "
            "quarter and expects to lose about $8 billion of H20 sales in the current one.")
    pub = datetime(2025, 5, 29, 9, tzinfo=UTC)
    got = {f.surface: f.refers_to for f in extract_figures(text, "en", published_at=pub)}
    assert got["$2.5 billion"] == "2025-02/2025-04" and got["about $8 billion"] == "2025-05/2025-07"
    text = ("엔비디아는 1분기에 25억 달러어치의 H20을 출하하지 못했고, 2분기에는 약 80억 달러의 매출이 사라질 것으로 "
            "내다봤다.")
    f = _at(text, "약 80억 달러", datetime(2025, 5, 28, 23, 30, tzinfo=UTC), "ko")
    assert (f.chip, f.scope, f.refers_to) == ("H20", "as lost sales", "2025-05/2025-07")


def test_a_model_named_as_a_yardstick_owns_no_figure():
    f = fig("557만6000달러로 챗GPT급 모델을 만들었다는 중국 스타트업의 주장이 불을 붙였다.", "557만6000달러",
            language="ko")
    assert f.subject != "OpenAI" and f.scope != "ChatGPT"
    f = fig("DeepSeek built a ChatGPT-class model for $5.6 million.", "$5.6 million")
    assert (f.subject, f.scope) == ("DeepSeek", None)
    # named plainly, the model is the figure's
    assert fig("챗GPT 개발에 1억 달러가 들었다.", "1억 달러", language="ko").scope == "ChatGPT"


def test_a_model_carried_from_the_previous_sentence_is_context_not_text():
    # the tracker lets the value decide between models only for a scope the sentence itself did not name
    figs = extract_figures("딥시크가 R1 모델 개발에 쓴 비용은 557만 6000달러다. "
                           "딥시크는 엔비디아 H800 약 2000개를 사용했다.", "ko")
    assert [(f.surface, f.scope, f.scope_via) for f in figs] == [
        ("557만 6000달러", "DeepSeek-R1", "text"), ("약 2000개", "DeepSeek-R1", "article")]


def test_a_base_model_figure_is_the_base_models():
    text = "DeepSeek's disclosure that R1 cost $294,000 to train on top of a $5.576 million base model revived it."
    got = {f.surface: f.scope for f in extract_figures(text, "en")}
    assert got == {"$294,000": "DeepSeek-R1", "$5.576 million": "DeepSeek-V3"}
    # an R1 figure said plainly stays R1's (the outlet's claim about R1)
    assert fig("딥시크가 R1 개발에 쓴 비용은 557만6000달러다.", "557만6000달러", language="ko").scope == "DeepSeek-R1"
    # the model named as what R1 is built on is V3
    assert fig("DeepSeek has said the V3 base model underneath R1 cost about $6 million to train.",
               "about $6 million").scope == "DeepSeek-V3"
    assert fig("딥시크는 R1의 기반이 된 모델 훈련에 557만6000달러가 들었다고 밝혔다.", "557만6000달러",
               language="ko").scope == "DeepSeek-V3"
    assert fig("R1's base model cost $5.6 million to train.", "$5.6 million").scope == "DeepSeek-V3"


def test_of_the_chips_counts_the_chip_the_sentence_named():
    text = ("The report says the full run consumed 2.788 million GPU-hours on Nvidia H800 accelerators, spread "
            "across a cluster of 20,480 of the chips.")
    assert fig(text, "20,480", language="en").chip == "H800"
    assert fig(text, "20,480", language="en").unit == "chips"


def test_the_previous_quarter_of_a_results_story():
    text = ("SK하이닉스의 1분기 영업이익은 7조4405억원이다. 증권가 전망치(6조6000억원)를 크게 웃돌았지만, "
            "사상 최대였던 직전 분기(8조828억원)보다는 8% 줄었다.")
    got = {f.surface: f.refers_to for f in extract_figures(text, "ko", headline="SK하이닉스 1분기 영업익 7.4조",
                                                           published_at=datetime(2025, 4, 23, 23, 30, tzinfo=UTC))}
    assert got["7조4405억원"] == "2025-01/2025-03" and got["8조828억원"] == "2024-10/2024-12"


def test_a_model_named_as_what_another_was_built_on_is_not_the_figures():
    text = ("The R1 reasoning model built on top of V3 cost far less again: $294,000, according to DeepSeek's "
            "Nature paper, using 512 H800s for 80 hours.")
    got = {f.surface: f.scope for f in extract_figures(text, "en")}
    assert got["$294,000"] == got["512 H800s"] == "DeepSeek-R1"
    # unless the figure is in a clause about that model
    text = "R1 was built on top of V3, whose training the company has previously said cost about $6 million."
    assert fig(text, "about $6 million", language="en").scope == "DeepSeek-V3"


def test_no_share_trades_at_billions():
    got = {f.surface: f.metric for f in extract_figures(
        "The stock closed at $118.42, and the loss was about $589 billion.", "en", headline="Nvidia closes lower")}
    assert got == {"$118.42": "share_price", "about $589 billion": "market_value_change"}


def test_an_accounting_periods_name_is_no_duration_and_estimates_share_the_results_metric():
    text = ("SK Hynix said operating profit jumped 158% to 7.44 trillion won in the three months ended March, "
            "beating the 6.6 trillion won average of analyst estimates. The plant took three months to build.")
    got = {f.surface: (f.metric, f.scope) for f in extract_figures(text, "en")}
    assert "three months" in got and got["three months"][0] == "duration"  # the second sentence's
    assert [f.surface for f in extract_figures(text.split(". ")[0], "en")].count("three months") == 0
    assert got["6.6 trillion won"] == ("profit", "as estimate") and got["7.44 trillion won"] == ("profit", None)


def test_a_name_glossed_in_parentheses_is_one_mention_and_the_pair_stays_coordinated():
    text = ("미국 법무부는 중국 국적자 촨겅(Chuan Geng)과 스웨이양(Shiwei Yang)을 수출통제법 위반 혐의로 "
            "기소했다고 밝혔다. 한 건의 송장 금액만 2840만 달러에 달했다.")
    assert [m.canonical for m in find_mentions(text)] == ["US Justice Department", "Chuan Geng", "Shiwei Yang"]
    assert fig(text, "2840만 달러", language="ko").subject == "Chuan Geng + Shiwei Yang"


def test_where_a_figures_model_came_from():
    head = "딥시크 R1, 오픈AI 20분의 1 비용으로 개발"
    f = fig("딥시크는 엔비디아 H800 약 2000개를 사용했다.", "약 2000개", language="ko", headline=head)
    assert (f.scope, f.scope_via) == ("DeepSeek-R1", "article")
    f = fig("딥시크는 엔비디아의 H800 칩 약 2000개로 이 모델을 학습시켰다.", "약 2000개", language="ko", headline=head)
    assert (f.scope, f.scope_via) == ("DeepSeek-R1", "text")
    f = fig("딥시크는 R1 훈련에 H800 512개를 썼다.", "512개", language="ko", headline=head)
    assert (f.scope, f.scope_via) == ("DeepSeek-R1", "text")


def test_korean_results_are_not_revenue():
    # "실적" is a company's results, not its sales: an estimate of them is no revenue estimate
    f = fig("실적은 증권가 전망치 11조원 안팎을 소폭 웃돌았다.", "11조원", language="ko",
            headline="SK하이닉스 분기 실적")
    assert f.metric != "revenue"
    assert fig("3분기 매출은 24조4489억원이었다.", "24조4489억원", language="ko").metric == "revenue"


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("Under the August deal, Washington is entitled to 15% of H20 sales to China.", "15%",
         "tariff_or_fee_share"),
        ("The charge came in $1 billion below what the company had warned of in April.", "$1 billion", "other"),
        ("Nvidia said revenue rose to $44.1 billion in the quarter, ahead of the roughly $43.3 billion analysts "
         "had expected, even after it booked a $4.5 billion charge for H20 inventory.", "roughly $43.3 billion",
         "revenue"),
    ],
)
def test_fee_shares_differences_and_what_analysts_expected(text, surface, metric):
    assert fig(text, surface, language="en", headline="Nvidia").metric == metric


def test_ai_chip_sales_are_a_part_of_revenue_and_a_consensus_is_no_result():
    text = ("Broadcom reported AI semiconductor revenue of $5.2bn for the quarter, and total revenue of $15.95bn, "
            "topping the $15.8 billion consensus compiled by LSEG.")
    got = {f.surface: (f.metric, f.scope) for f in extract_figures(text, "en")}
    assert got["$5.2bn"] == ("revenue", "in AI chips") and got["$15.95bn"] == ("revenue", None)
    assert got["$15.8 billion"] == ("revenue", "as estimate")


def test_a_move_that_had_risen_after_hours():
    f = _at("The stock had risen about 4 percent in after-hours trading on Wednesday.", "about 4 percent",
            datetime(2025, 5, 29, 21, 5, tzinfo=UTC))
    assert (f.metric, f.value, f.refers_to) == ("percent_change", 4.0, "2025-05-28 after_hours")


def test_a_results_headline_dates_the_undated_accounts_figures_of_any_paragraph():
    body = "엔비디아의 3분기 매출은 570억 달러로 62% 늘었다.\n\n데이터센터 매출은 512억 달러였다."
    pub = datetime(2025, 11, 19, 21, 35, tzinfo=UTC)
    got = {f.surface: f.refers_to for f in extract_figures(body, "ko", headline="엔비디아 3분기 매출 62% 급증",
                                                           published_at=pub)}
    assert got["512억 달러"] == "2025-08/2025-10"
    # a headline about the quarter ahead dates nothing
    got = {f.surface: f.refers_to for f in extract_figures(body, "ko", headline="엔비디아, 4분기 매출 650억 달러 전망",
                                                           published_at=pub)}
    assert got["512억 달러"] != "2025-11/2026-01"


def test_a_rule_is_an_entity_its_figures_can_be_about():
    f = fig("The AI diffusion rule caps most countries at about 50,000 advanced GPUs each.", "about 50,000",
            language="en")
    assert f.subject == "AI diffusion rule"
    names = [m.canonical for m in find_mentions("미국 상무부의 AI 확산 규칙은 18개국을 예외로 뒀다.")]
    assert names[-1] == "AI diffusion rule"


def test_a_models_price_tag_is_its_training_cost():
    text = "Two weeks after DeepSeek's $5.6 million model sent Nvidia's stock down 17% in a day, rivals answered."
    got = {f.surface: (f.subject, f.metric) for f in extract_figures(text, "en")}
    assert got["$5.6 million"] == ("DeepSeek", "training_cost") and got["17%"] == ("Nvidia", "percent_change")


def test_a_running_session_is_inferred_only_in_the_markets_own_language():
    when = datetime(2025, 2, 11, 15, 30, tzinfo=UTC)  # 10:30 in New York, 00:30 in Seoul
    assert _at("The Nasdaq composite was down 3.4%.", "3.4%", when).refers_to == "2025-02-11 intraday"
    f = _at("엔비디아 주가가 12% 급락한 것을 두고 'AI 거품 붕괴'를 말한 이들은 머쓱해졌다.", "12%", when, "ko")
    assert f.refers_to != "2025-02-11 intraday"


def test_a_training_run_priced_at_is_a_training_cost_of_the_model_whose_run_it_was():
    f = fig("R1 was built on top of V3, the base model whose final training run DeepSeek priced at roughly $6 "
            "million last December.", "roughly $6 million", language="en")
    assert (f.metric, f.scope) == ("training_cost", "DeepSeek-V3")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("SemiAnalysis puts the cost of running those machines at $944 million.", "$944 million"),
        ("세미애널리시스는 딥시크의 클러스터 운영비를 9억4400만 달러로 추정했다.", "9억4400만 달러"),
        ("It spent $944 million on operating the clusters.", "$944 million"),
    ],
)
def test_an_operating_cost_is_one_comparable_quantity(text, surface):
    lang = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
    f = fig(text, surface, language=lang, headline="DeepSeek's hardware bill")
    assert (f.metric, f.scope) == ("other", "as operating cost")


def test_a_prison_term_is_a_duration_of_its_own():
    f = fig("Each faces up to 20 years in prison if convicted.", "up to 20 years", language="en",
            headline="Two charged with smuggling Nvidia chips")
    assert (f.metric, f.scope) == ("duration", "as prison term")
    assert fig("유죄가 인정되면 최대 징역 20년에 처해질 수 있다.", "20년", language="ko").scope == "as prison term"


def test_a_market_move_is_no_models():
    text = ("In January, DeepSeek's claim that it trained its V3 model for about $6 million on roughly 2,000 H800s "
            "knocked nearly $600 billion off Nvidia in a single session.")
    got = {f.surface: (f.metric, f.scope) for f in extract_figures(text, "en")}
    assert got["nearly $600 billion"] == ("market_value_change", None)
    # (and it is the listed company's the sentence names, not the private lab's)
    assert fig(text, "nearly $600 billion", language="en").subject == "Nvidia"
    assert got["about $6 million"] == ("training_cost", "DeepSeek-V3")


@pytest.mark.parametrize(
    ("text", "surface", "metric", "scope"),
    [
        # the cue word sits by the change; the amount the change comes to is the revenue, and what analysts
        # expected of it is its estimate
        ("Nvidia said its revenue for the three months through October rose 62 percent from a year earlier to "
         "$57 billion, topping analysts' forecasts of $54.9 billion.", "$57 billion", "revenue", None),
        ("Nvidia said its revenue for the three months through October rose 62 percent from a year earlier to "
         "$57 billion, topping analysts' forecasts of $54.9 billion.", "$54.9 billion", "revenue", "as estimate"),
        ("SK하이닉스의 매출은 전년 대비 39% 늘어난 24조4489억원이었다.", "24조4489억원", "revenue", None),
        # a net income is another quantity than the (operating) profit
        ("SK하이닉스의 영업이익은 11조3384억원, 순이익은 12조5975억원이었다.", "11조3384억원", "profit",
         None),
        ("SK하이닉스의 영업이익은 11조3384억원, 순이익은 12조5975억원이었다.", "12조5975억원", "profit",
         "as net income"),
        # spending written as a plan in Korean, and the companies listed after it (a plan is guidance: capex.py)
        ("마이크로소프트는 올 회계연도에 AI 데이터센터에 800억 달러를 쓰겠다고 했다. "
         "메타는 600억~650억 달러를 예고했다.",
         "800억 달러", "investment", "on data centers"),
        ("마이크로소프트는 올 회계연도에 AI 데이터센터에 800억 달러를 쓰겠다고 했다. "
         "메타는 600억~650억 달러를 예고했다.",
         "600억~650억 달러", "investment", "as guidance"),
        # a change of a share price reaching a level is no revenue
        ("Nvidia shares rose 3% to $180.", "$180", "share_price", None),
        # Korean forecasts told after the amount, and sales a ban takes out of one
        ("엔비디아는 2분기 매출은 450억 달러 안팎으로 예상했다.", "450억 달러", "revenue", "as guidance"),
        ("업계는 엔비디아의 지난해 H20 매출을 120억~150억 달러로 추정한다.", "120억~150억 달러", "revenue", None),
        ("엔비디아는 H20 관련 매출 80억 달러가 빠질 것이라고 설명했다.", "80억 달러", "revenue", "as lost sales"),
        ("엔비디아의 전망은 H20 판매 중단으로 약 80억 달러의 매출이 빠진 수치다.", "약 80억 달러", "revenue",
         "as lost sales"),
    ],
)
def test_the_level_a_change_reaches_and_spending_plans_take_their_metric(text, surface, metric, scope):
    f = fig(text, surface)
    assert (f.metric, f.scope) == (metric, scope)


@pytest.mark.parametrize(
    "text",
    ["미국 정부가 엔비디아 H20 중국 판매 수익의 15%를 받기로 했다. "
     "트럼프 대통령은 애초 20%를 요구했다가 15%로 물러섰다고 밝혔다.",
     "The U.S. government will take 15% of Nvidia's H20 sales in China. Trump said he had initially asked for 20% "
     "but agreed to 15%."],
)
def test_a_share_asked_for_is_a_demand_and_the_share_settled_on_is_not(text):
    figs = [f for f in extract_figures(text) if f.unit == "percent"]
    assert [(f.value, f.metric, f.scope) for f in figs] == [
        (15.0, "tariff_or_fee_share", None), (20.0, "tariff_or_fee_share", "as demand"),
        (15.0, "tariff_or_fee_share", None)]


@pytest.mark.parametrize(
    ("text", "language", "surface", "value"),
    [
        # the retracted value of a correction moved the same way
        ("The stock fell 17%, not 13%.", "en", "13%", -13.0),
        ("That made up less than half of Monday's 17% plunge.", "en", "17%", -17.0),
        ("필라델피아반도체지수는 9.2% 주저앉았다.", "ko", "9.2%", -9.2),
        # "made up" of a rise is still a rise when a rise word says so
        ("Shares rose 8.9%, which made up part of the loss.", "en", "8.9%", 8.9),
    ],
)
def test_directions_of_corrections_plunges_and_korean_collapses(text, language, surface, value):
    assert fig(text, surface, language=language).value == value


def test_a_move_on_the_day_of_an_event_dated_before_is_that_days():
    text = ("Intel shares fell 9% on Thursday. Nvidia announced a $5 billion investment in Intel on Sept. 18, 2025. "
            "Intel stock jumped 23% on the day the investment was announced.")
    figs = [f for f in extract_figures(text, "en", published_at=datetime(2026, 1, 23, 15, tzinfo=UTC))
            if f.unit == "percent"]
    assert [f.refers_to[:10] for f in figs] == ["2026-01-22", "2025-09-18"]
    ko = ("인텔 주가가 22일(현지시간) 9% 떨어졌다. 엔비디아는 지난해 9월 18일 인텔에 50억 달러를 투자한다고 발표했다. "
          "투자 발표 당일 인텔 주가는 23% 뛰었다.")
    figs = [f for f in extract_figures(ko, "ko", published_at=datetime(2026, 1, 23, 1, tzinfo=UTC))
            if f.unit == "percent"]
    assert [f.refers_to[:10] for f in figs] == ["2026-01-22", "2025-09-18"]


def test_before_the_market_opened_is_the_premarket_and_lost_sales_are_no_charge():
    f = fig("Nvidia shares were down about 12% before the market opened on Monday.", "about 12%",
            published_at=datetime(2025, 1, 28, 1, tzinfo=UTC))
    assert f.refers_to == "2025-01-27 premarket"
    f = fig("Nvidia booked a $4.5 billion charge and warned of about $8 billion in lost H20 sales.",
            "about $8 billion")
    assert (f.metric, f.scope) == ("revenue", "as lost sales")


@pytest.mark.parametrize(("text", "lang", "surface", "label"), [
    ("Nvidia reported fourth-quarter revenue of $68.1 billion on Wednesday. A year earlier, fourth-quarter revenue "
     "was $39.3 billion. Revenue rose 73% from a year earlier.", "en", "$39.3 billion", "2024-11/2025-01"),
    ("Nvidia's fourth-quarter revenue was $68.1 billion, against $39.3 billion in the year-earlier quarter.",
     "en", "$39.3 billion", "2024-11/2025-01"),
    ("엔비디아의 4분기 매출은 681억 달러로 전년 동기(393억 달러)보다 73% 늘었다.", "ko", "393억 달러",
     "2024-11/2025-01"),
    # the period in context stays the next sentence's: a change from a year earlier is of the quarter reported
    ("엔비디아의 4분기 매출은 681억 달러였다. 전년 동기 매출은 393억 달러였다. 순이익은 전년 동기 대비 94% 늘어 "
     "430억 달러를 기록했다.", "ko", "430억 달러", "2025-11/2026-01"),
])
def test_the_same_quarter_a_year_earlier_is_dated_a_year_back(text, lang, surface, label):
    f = fig(text, surface, language=lang, published_at=datetime(2026, 2, 26, 1, tzinfo=UTC))
    assert f.refers_to == label
    if surface == "$39.3 billion":
        assert fig(text, "$68.1 billion", language=lang,
                   published_at=datetime(2026, 2, 26, 1, tzinfo=UTC)).refers_to == "2025-11/2026-01"


def test_a_known_name_inside_a_capitalised_run_and_the_government_taking_a_share():
    f = fig("Rival Samsung Electronics had reported operating profit of about 20 trillion won.",
            "about 20 trillion")
    assert f.subject == "Samsung Electronics"
    f = fig("법무부 발표 당일 트럼프 대통령은 H200의 중국 수출을 허용하되 "
            "매출의 25%를 미국 정부가 가져가겠다고 발표했다.", "25%", language="ko")
    assert (f.subject, f.metric) == ("US government", "tariff_or_fee_share")
    f = fig("The DeepSeek sell-off cut Nvidia's value by $589 billion in one day.", "$589 billion")
    assert f.metric == "market_value_change"


def test_a_correction_note_naming_its_subject_keeps_the_bodys_sign():
    text = ("엔비디아 주가가 딥시크발 충격에 16.97% 폭락했다. ※바로잡습니다: 기사 최초 작성 시 엔비디아 주가 하락률을 "
            "19.7%로 잘못 적었기에 16.97%로 바로잡습니다.")
    figs = extract_figures(text, "ko", published_at=datetime(2025, 1, 28, 1, tzinfo=UTC))
    assert [f.value for f in figs] == [-16.97, -19.7, -16.97]


def test_an_agencys_fee_share_is_the_governments_and_sales_a_ban_cost_are_lost_sales():
    text = ("Nvidia and AMD will hand the US government 15% of their revenue from certain chip sales in China.\n\n"
            "The Commerce Department began issuing licences last week.\n\nCorrection: An earlier version misstated "
            "the share of revenue the companies will pay. It is 15%, not 20%.")
    shares = [f for f in extract_figures(text, "en") if f.unit == "percent"]
    assert {f.subject for f in shares} == {"US government"}
    f = fig("Guidance of about $45 billion would have been roughly $8 billion higher without the H20 restrictions.",
            "roughly $8 billion")
    assert (f.metric, f.scope, f.chip) == ("revenue", "as lost sales", "H20")
    f = fig("엔비디아는 H20 수출 제한으로 2분기 매출이 80억 달러(약 11조원) 줄어들 것이라고 밝혔다.", "80억 달러",
            language="ko")
    assert (f.metric, f.scope) == ("revenue", "as lost sales")


def test_a_chip_division_is_a_segment_and_a_company_glossed_by_its_figure_is_whole():
    text = ("삼성전자 DS 부문 매출은 3분기 33조1000억 원으로 SK하이닉스(24조4489억 원)를 앞섰다.")
    pub = datetime(2025, 10, 30, 6, tzinfo=UTC)
    ds = fig(text, "33조1000억 원", language="ko", published_at=pub)
    assert (ds.subject, ds.metric, ds.scope) == ("Samsung Electronics", "revenue", "in chip division")
    sk = fig(text, "24조4489억 원", language="ko", published_at=pub)
    assert (sk.subject, sk.scope, sk.refers_to) == ("SK hynix", None, ds.refers_to)
    en = fig("Samsung Electronics' semiconductor division earned 7 trillion won in the third quarter.",
             "7 trillion won", published_at=pub)
    assert (en.metric, en.scope) == ("profit", "in chip division")


def test_a_korean_price_per_million_tokens_is_scoped_by_the_tokens():
    f = fig("딥시크에 따르면 새 가격은 100만 토큰당 입력 0.28달러, 출력 0.42달러다.", "0.28달러", language="ko")
    assert (f.metric, f.scope) == ("price", "per million tokens")


def test_a_korean_company_named_with_its_division_is_the_subject():
    f = fig("삼성전자 반도체(DS) 부문이 3분기 영업이익 7조 원을 기록했다.", "7조 원", language="ko",
            published_at=datetime(2025, 10, 30, 6, tzinfo=UTC))
    assert (f.subject, f.metric, f.scope) == ("Samsung Electronics", "profit", "in chip division")


def test_each_division_of_a_conglomerate_is_its_own_part_not_the_whole():
    text = ("삼성전자의 1분기 영업이익은 6조6853억 원이다. 스마트폰을 담당하는 MX·네트워크 부문이 "
            "영업이익 4조3000억 원을 올렸고, 디스플레이 부문은 5000억 원, 반도체(DS) 부문은 1조1000억 원이었다.")
    scopes = {f.surface: (f.metric, f.scope) for f in extract_figures(text, language="ko")}
    assert scopes["6조6853억 원"] == ("profit", None)
    assert scopes["4조3000억 원"] == ("profit", "in mobile division")
    assert scopes["5000억 원"] == ("profit", "in display division")
    assert scopes["1조1000억 원"] == ("profit", "in chip division")
    f = fig("Samsung's mobile division earned 4.3 trillion won.", "4.3 trillion won")
    assert (f.metric, f.scope) == ("profit", "in mobile division")


def test_a_corporate_suffix_is_part_of_the_name_a_relative_clause_binds():
    f = fig("Investors want the company to close the gap with SK Hynix Inc., which reported a record 11.4 trillion "
            "won operating profit a day earlier.", "11.4 trillion won")
    assert (f.subject, f.metric) == ("SK hynix", "profit")


def test_an_lseg_smartestimate_is_an_estimate_and_a_division_glossed_by_its_figure_is_the_companys():
    f = fig("SK Hynix said operating profit jumped to 11.38 trillion won, ahead of an LSEG SmartEstimate of 11.1 "
            "trillion won.", "11.1 trillion won")
    assert (f.metric, f.scope) == ("profit", "as estimate")
    f = fig("SK하이닉스가 삼성전자 DS 부문(7조 원)을 크게 앞질렀다.", "7조 원", language="ko")
    assert f.subject == "Samsung Electronics"


@pytest.mark.parametrize(("text", "lang", "surface"), [
    ("SK하이닉스의 올해 1~3분기 누적 영업이익은 28조 원을 넘어섰다.", "ko", "28조 원"),
    ("In the first nine months of the year, SK Hynix's operating profit passed 28 trillion won.", "en",
     "28 trillion won"),
])
def test_a_nine_months_total_is_its_own_period_not_the_third_quarter(text, lang, surface):
    f = fig(text, surface, language=lang, published_at=datetime(2025, 10, 30, 1, tzinfo=UTC))
    assert (f.metric, f.refers_to) == ("profit", "2025-01/2025-09")


@pytest.mark.parametrize(("text", "lang", "surface", "label"), [
    # the quarter a results sentence is about, not its comparand's, dates the next sentence's figure
    ("삼성전자가 발표한 3분기 확정 실적에 따르면 반도체(DS) 부문 영업이익은 7조 원으로 2분기 4000억 원의 17배를 "
     "넘었다. 회사 전체 영업이익 12조1661억 원 가운데 절반 이상을 반도체가 벌어들인 셈이다.", "ko", "12조1661억 원",
     "2025-07/2025-09"),
    ("Samsung's chip division earned an operating profit of 7 trillion won in the September quarter, from 400 "
     "billion won in the three months through June. Group-wide operating profit came to 12.2 trillion won, up from "
     "4.7 trillion won in the second quarter.", "en", "12.2 trillion won", "2025-07/2025-09"),
    ("Samsung's chip division earned an operating profit of 7 trillion won in the September quarter, from 400 "
     "billion won in the three months through June. Group-wide operating profit came to 12.2 trillion won, up from "
     "4.7 trillion won in the second quarter.", "en", "4.7 trillion won", "2025-04/2025-06"),
])
def test_a_results_sentence_dates_the_next_by_its_own_quarter_not_its_comparands(text, lang, surface, label):
    f = fig(text, surface, language=lang, published_at=datetime(2025, 10, 30, 1, tzinfo=UTC))
    assert f.refers_to == label


@pytest.mark.parametrize(("text", "lang", "surface", "scope"), [
    # the parts of a penalty are other quantities than the total paid
    ("법무부에 따르면 납부액은 형사 벌금 약 1억1800만 달러와 몰수금 약 2200만 달러로 구성된다.", "ko",
     "약 1억1800만 달러", "as criminal fine"),
    ("법무부에 따르면 납부액은 형사 벌금 약 1억1800만 달러와 몰수금 약 2200만 달러로 구성된다.", "ko",
     "약 2200만 달러", "as forfeiture"),
    ("Cadence will pay a criminal fine of about $118 million and forfeiture of roughly $22 million.", "en",
     "roughly $22 million", "as forfeiture"),
    ("The penalty will be paid in quarterly installments of $15 million over five years.", "en", "$15 million",
     "per installment"),
    # a criminal fine named alone is the penalty as a whole
    ("Cadence agreed to pay a criminal fine of $140 million to settle the charges.", "en", "$140 million", None),
])
def test_the_parts_of_a_penalty_are_scoped_and_the_whole_is_not(text, lang, surface, scope):
    f = fig(text, surface, language=lang, headline="Cadence pleads guilty over China sales")
    assert (f.metric, f.scope) == ("fine", scope)


def test_a_session_named_after_a_results_quarter_dates_the_share_move():
    f = fig("엔비디아가 시장 예상을 소폭 웃도는 2분기 실적을 내놨지만 주가는 시간외 거래에서 3% 안팎 하락했다.",
            "3% 안팎", language="ko", headline="엔비디아 2분기 매출 467억 달러",
            published_at=datetime(2025, 8, 27, 21, 30, tzinfo=UTC))
    assert f.refers_to == "2025-08-27 after_hours"


@pytest.mark.parametrize(("text", "surface", "scope"), [
    ("Revenue rose 69% to $44.06 billion, ahead of the $43.31 billion analysts polled by LSEG had expected.",
     "$43.31 billion", "as estimate"),
    ("Sales in the fiscal third quarter will be about $54 billion, the company said in a statement Wednesday.",
     "about $54 billion", "as guidance"),
    # an estimate set against a segment's result is the segment's, and "a touch below the" is no bound
    ("Data center revenue was $41.1 billion, a touch below the $41.3 billion analysts had expected.",
     "$41.3 billion", "in data center, as estimate"),
])
def test_forecasts_told_around_results(text, surface, scope):
    f = fig(text, surface, language="en", headline="Nvidia results",
            published_at=datetime(2025, 8, 27, 20, 30, tzinfo=UTC))
    assert (f.metric, f.scope, f.qualifier) == ("revenue", scope, "approx" if surface.startswith("about") else "exact")


def test_a_release_of_written_down_stock_and_chips_sold_after_it():
    text = ("Nvidia benefited from the release of $180 million of H20 inventory it had previously written down, and "
            "it sold $650 million of the chips to a customer based outside China.")
    released, sold = fig(text, "$180 million", language="en"), fig(text, "$650 million", language="en")
    assert (released.metric, released.scope) == ("charge", "as reserve release")
    assert (sold.metric, sold.chip) == ("revenue", "H20")


@pytest.mark.parametrize(("text", "surface", "expect"), [
    ("SK하이닉스가 3분기 영업이익 11조3834억원을 거두며 1년 전(7조300억원)보다 이익 규모를 크게 키웠다.", "7조300억원",
     {"subject": "SK hynix", "refers_to": "2024-07/2024-09"}),
    ("삼성전자는 3분기 잠정 영업이익이 12조1000억원이라고 밝혔다. 작년 같은 기간 영업이익(9조1834억원)과 비교하면 "
     "31.8% 늘어난 규모다.", "9조1834억원", {"subject": "Samsung Electronics", "refers_to": "2024-07/2024-09"}),
    # the company named before the noun the amount glosses owns it, whoever the sentence is about
    ("SK하이닉스는 2분기에도 영업이익 9조2129억원을 거둬 삼성전자 전체 영업이익(4조6761억원)의 두 배가량을 벌어들였다.",
     "4조6761억원", {"subject": "Samsung Electronics", "metric": "profit"}),
    # a gap between two figures is neither
    ("이로써 삼성전자 전사 잠정 영업이익(12조1000억원)과의 격차는 7000억원 남짓으로 좁혀졌다.", "7000억원",
     {"metric": "other"}),
    # a list after a comparison with the previous quarter shares it; a results list's profit is the division's
    ("직전 분기 대비로는 매출이 10%, 영업이익이 24% 증가했다.", "24%",
     {"scope": "of operating profit vs previous quarter"}),
    ("삼성전자 DS 부문이 3분기 매출 33조1000억원, 영업이익 7000억원을 기록했다.", "7000억원",
     {"scope": "in chip division"}),
])
def test_korean_results_comparands_owners_and_lists(text, surface, expect):
    f = fig(text, surface, language="ko", headline="SK하이닉스 3분기 영업이익 11조 돌파",
            published_at=datetime(2025, 10, 29, tzinfo=UTC))
    assert fields(f, expect) == expect


def test_a_power_capacity_in_a_sentence_naming_only_the_deals_parties_is_the_deals():
    text = ("Under a letter of intent, OpenAI will deploy at least 10 gigawatts of Nvidia systems.\n\n"
            "Nvidia Chief Executive Jensen Huang told CNBC that 10 gigawatts amounted to about 4 million GPUs.")
    f = [x for x in extract_figures(text, "en") if x.surface == "10 gigawatts"][0]
    assert (f.subject, f.scope) == ("Nvidia + OpenAI", "as power capacity")
    text = ("엔비디아가 오픈AI에 최대 1000억 달러를 투자하고 데이터센터용 칩을 공급하기로 했다. 오픈AI는 엔비디아 "
            "시스템을 기반으로 10GW 이상의 데이터센터를 구축할 계획이다.")
    assert fig(text, "10GW 이상", language="ko").subject == "Nvidia + OpenAI"


def test_a_rules_caps_and_tiers_are_the_rules_not_a_member_countrys():
    text = ("미국 상무부가 'AI 확산 규칙'을 시행 이틀 전에 폐기했다.\n\n"
            "AI 확산 규칙은 세계 각국을 등급별로 나눠 AI 반도체 수출을 차등 통제하는 내용이다. 한국을 포함한 핵심 동맹 "
            "18개국은 제한을 받지 않지만, 약 150개국은 국가별로 최대 5만 개의 GPU만 들여올 수 있도록 했다.")
    figs = {f.surface: f for f in extract_figures(text, "ko")}
    assert (figs["최대 5만 개"].subject, figs["최대 5만 개"].metric) == ("AI diffusion rule", "chip_count")
    # a count of countries is no chip count, and the tiers' sizes are not one quantity
    assert (figs["18개국"].subject, figs["18개국"].metric, figs["18개국"].unit) == ("AI diffusion rule", "other",
                                                                                 "count")
    # an article naming no rule leaves its figures alone
    plain = "한국을 포함한 핵심 동맹 18개국은 제한을 받지 않지만, 약 150개국은 최대 5만 개의 GPU만 들여올 수 있다."
    assert {f.subject for f in extract_figures(plain, "ko")} != {"AI diffusion rule"}


def test_a_settlements_parts_carry_the_case_party_and_an_amount_a_relative_clause_gives_is_its_owners():
    text = ("Cadence Design Systems Inc. agreed to plead guilty and pay more than $140 million to resolve US charges, "
            "the Justice Department said Monday.\n\nThe resolution includes a criminal fine of about $118 million and "
            "the forfeiture of roughly $22 million, according to the department. The case falls short of the $300 "
            "million that Seagate Technology Holdings agreed to pay in 2023.")
    figs = {f.surface: f for f in extract_figures(text, "en", headline="Cadence to Plead Guilty")}
    assert (figs["about $118 million"].subject, figs["about $118 million"].scope) == ("Cadence Design Systems",
                                                                                      "as criminal fine")
    assert figs["$300 million"].subject == "Seagate"


def test_the_wons_exchange_rate_is_a_sessions_price_and_its_move_another_quantity():
    figs = {f.surface: f for f in extract_figures("원·달러 환율은 전 거래일보다 33.7원 오른 1467.8원에 주간 거래를 "
                                                  "마쳤다.", "ko", published_at=datetime(2025, 4, 7, 7, tzinfo=UTC))}
    assert (figs["1467.8원"].metric, figs["1467.8원"].scope, figs["1467.8원"].value) == ("share_price",
                                                                                        "per US dollar", 1467.8)
    assert (figs["33.7원"].metric, figs["33.7원"].scope) == ("other", "as exchange rate change")
    # an amount in won in a sentence about something else is no rate
    deal = extract_figures("삼성전자는 테슬라와 22조8000억 원 규모의 공급 계약을 맺었다.", "ko")[0]
    assert deal.metric != "share_price"


@pytest.mark.parametrize(("text", "lang", "surface", "expect"), [
    ("The company expects revenue of about $65 billion for the quarter ending in late January, compared with "
     "analysts' average estimate of $61.66 billion.", "en", "about $65 billion",
     {"scope": "as guidance", "refers_to": "2025-11/2026-01"}),
    ("엔비디아의 2분기 매출은 467억 달러였다. 금융정보업체 LSEG가 집계한 예상치(460억6000만 달러)를 웃돈 수치다.", "ko",
     "460억6000만 달러", {"scope": "as estimate"}),
    # a buyback is a company's, whatever the sentence before was about
    ("중국 정부는 H20 구매 자제를 권고했다. 이사회는 600억 달러 규모의 자사주 추가 매입도 승인했다.", "ko",
     "600억 달러", {"subject": "Nvidia", "scope": "as buyback"}),
    # sales a halt took away are the chip maker's lost sales, not the market's
    ("엔비디아는 2분기 매출을 450억 달러로 제시했다. 중국향 H20 판매 중단으로 약 80억 달러가 빠진 전망치다.", "ko",
     "약 80억 달러", {"subject": "Nvidia", "chip": "H20", "scope": "as lost sales"}),
])
def test_nvidia_results_stories_forecast_quarters_estimates_buybacks_and_lost_sales(text, lang, surface, expect):
    f = fig(text, surface, language=lang, headline="Nvidia results" if lang == "en" else "엔비디아 실적 발표",
            published_at=datetime(2025, 11, 19, 21, 25, tzinfo=UTC) if lang == "en" else datetime(
                2025, 8, 27, 21, 40, tzinfo=UTC))
    assert fields(f, expect) == expect


def test_an_officers_announced_spending_is_the_companys_and_a_market_size_is_no_charge():
    f = fig("샘 올트먼 오픈AI 최고경영자(CEO)는 앞으로 8년간 약 1조4000억 달러를 컴퓨팅 인프라에 투입하겠다고 밝힌 바 "
            "있다.", "약 1조4000억 달러", language="ko")
    assert f.subject == "OpenAI"
    f = fig("젠슨 황 엔비디아 최고경영자(CEO)는 중국 AI 칩 시장 규모를 500억 달러로 추산한 바 있다.", "500억 달러",
            language="ko", headline="엔비디아, H20 충당금 반영")
    assert (f.metric, f.scope) == ("other", "as market size")


@pytest.mark.parametrize(("text", "surface", "expect"), [
    # a division named in full is no company of its own, and its figures are the division's
    ("실적 반등은 반도체를 맡은 디바이스솔루션(DS) 부문이 이끌었다. DS 부문은 매출 33조1000억원, 영업이익 7조원을 "
     "거뒀다.", "7조원", {"subject": "Samsung Electronics", "scope": "in chip division"}),
    ("2분기 DS 영업이익이 4000억 원에 그쳤던 것을 감안하면 극적인 반전이다.", "4000억 원",
     {"scope": "in chip division"}),
    # an estimate of a division is the division's estimate
    ("증권가에서는 반도체(DS) 부문 영업이익이 1조 원을 밑돈 것으로 추정하고 있다.", "1조 원",
     {"scope": "in chip division, as estimate"}),
    # the amount a change started from dates only itself
    ("디바이스솔루션(DS) 부문 영업이익은 2분기 4조 원으로 1분기 1조1000억 원에서 늘었다.", "1조1000억 원",
     {"refers_to": "2025-01/2025-03"}),
])
def test_samsungs_chip_division_named_in_full_and_its_estimates(text, surface, expect):
    f = fig(text, surface, language="ko", headline="삼성전자 실적", published_at=datetime(2025, 10, 30, tzinfo=UTC))
    assert fields(f, expect) == expect


def test_the_months_a_quarter_ended_are_no_share_price_cue():
    f = fig("Operating profit for the three months ended September came in at 11.38 trillion won.",
            "11.38 trillion won", language="en", headline="SK Hynix posts record profit",
            published_at=datetime(2025, 10, 29, tzinfo=UTC))
    assert (f.metric, f.refers_to) == ("profit", "2025-07/2025-09")


def test_sales_a_company_could_not_ship_are_lost_sales_of_the_quarter_named():
    text = ("Licences required for Nvidia's H20 in April cost the company a $4.5 billion charge and $2.5 billion of "
            "sales it couldn't ship in the February-April quarter.")
    f = fig(text, "$2.5 billion", language="en", published_at=datetime(2025, 11, 20, tzinfo=UTC))
    assert (f.metric, f.scope, f.refers_to) == ("revenue", "as lost sales", "2025-02/2025-04")
    # a month's own sales keep their month
    f = fig("TSMC reported December revenue of T$335 billion on Friday, bringing its sales for the October-December "
            "quarter to T$1.046 trillion.", "T$335 billion", language="en",
            published_at=datetime(2026, 1, 9, 6, tzinfo=UTC))
    assert (f.scope, f.refers_to) == ("as monthly", "2025-12")


def test_a_warrants_stake_and_the_price_it_vests_at_are_no_share_move_or_trade():
    text = ("AMD issued OpenAI a warrant for up to 160 million AMD shares, which would give the ChatGPT maker "
            "roughly a 10% stake if it vests in full. The last tranche vests only if AMD's stock reaches $600.")
    figs = {f.surface: f for f in extract_figures(text, "en", headline="AMD shares soar on OpenAI deal")}
    assert (figs["10%"].metric, figs["10%"].subject) == ("other", "OpenAI")
    assert (figs["$600"].metric, figs["$600"].scope) == ("share_price", "as target")


@pytest.mark.parametrize(("text", "lang", "surface", "chip", "scope"), [
    ("Sales of the H20, the chip Nvidia designed for China, came to only about $50 million in the quarter.", "en",
     "about $50 million", "H20", None),
    # what sales could be if curbs eased is a forecast, not the sales made
    ("Kress told analysts that if geopolitical issues eased, Nvidia could ship $2 billion to $5 billion of H20 "
     "revenue in the third quarter.", "en", "$2 billion to $5 billion", "H20", "as guidance"),
    ("중국 판매가 재개될 경우 3분기에 20억~50억 달러의 H20 매출이 더해질 수 있다는 회사 측 설명에 주목하고 있다.", "ko",
     "20억~50억 달러", "H20", "as guidance"),
])
def test_a_chips_sales_and_what_they_could_be(text, lang, surface, chip, scope):
    f = fig(text, surface, language=lang, headline="Nvidia results" if lang == "en" else "엔비디아 실적",
            published_at=datetime(2025, 8, 27, 22, 55, tzinfo=UTC))
    assert (f.metric, f.chip, f.scope) == ("revenue", chip, scope)


@pytest.mark.parametrize(("text", "surface", "label"), [
    # a comparison's base period dates the figure in its parentheses, not the change after it
    ("TSMC의 10월 매출은 3674억7000만 대만달러였다. 9월(3309억8000만 대만달러)과 비교하면 11.0% 늘어난 수치다.",
     "3309억8000만", "2025-09"),
    ("TSMC의 10월 매출은 3674억7000만 대만달러였다. 9월(3309억8000만 대만달러)과 비교하면 11.0% 늘어난 수치다.",
     "11.0%", "2025-10"),
    # and the amount a change is counted from, not the change
    ("SK하이닉스는 2분기 매출 22조2320억 원을 냈다. 1분기와 비교하면 매출은 17조6391억 원에서 26% 늘었다.",
     "17조6391억", "2025-01/2025-03"),
    ("SK하이닉스는 2분기 매출 22조2320억 원을 냈다. 1분기와 비교하면 매출은 17조6391억 원에서 26% 늘었다.",
     "26%", "2025-04/2025-06"),
])
def test_a_korean_comparisons_base_period_dates_its_own_figure_not_the_change(text, surface, label):
    f = fig(text, surface, language="ko", published_at=datetime(2025, 11, 10, 1, tzinfo=UTC))
    assert f.refers_to == label


@pytest.mark.parametrize(("text", "lang", "surface", "low", "high"), [
    # a part of a decade, or the band a number opens, is a range, not the number
    ("웬델 황 CFO는 올해 매출 증가율이 30% 중반에 이를 것이라고 말했다.", "ko", "30% 중반", 33.0, 37.0),
    ("매출총이익률은 70%대 초반으로 예상된다.", "ko", "70%대 초반", 70.0, 73.5),
    ("7나노 이하 선단 공정 비중은 70%대를 기록했다.", "ko", "70%대", 70.0, 80.0),
    ("엔비디아 주가는 시간외 거래에서 4%대 하락했다.", "ko", "4%대", -5.0, -4.0),
    ("TSMC expects 2025 revenue to grow by the mid-30s percent in dollar terms.", "en", "the mid-30s percent",
     33.0, 37.0),
    ("Gross margin should be in the low-to-mid 50s percent range.", "en", "the low-to-mid 50s percent", 50.0, 57.0),
])
def test_a_band_of_percentages_is_a_range(text, lang, surface, low, high):
    f = fig(text, surface, language=lang)
    assert (f.qualifier, f.value_low, f.value_high) == ("range", low, high)


def test_a_plain_percentage_beside_a_band_word_elsewhere_stays_exact():
    f = fig("매출이 30% 늘었고 중반 이후 둔화됐다.", "30%", language="ko")
    assert f.qualifier == "exact"


@pytest.mark.parametrize(("text", "surface", "label"), [
    # a disclosure's date dates the document it modifies, not a figure elsewhere in the sentence ...
    ("TSMC가 10일 공시한 자료에 따르면 매출은 16.9% 늘었다.", "16.9%", None),
    # ... but does date the figure it modifies
    ("이번 계약은 오라클이 지난 6월 공시한 '연간 300억 달러 이상' 규모 계약과 같은 거래다.", "300억 달러 이상",
     "2025-06"),
])
def test_a_disclosure_date_dates_what_it_modifies(text, surface, label):
    f = fig(text, surface, language="ko", published_at=datetime(2025, 11, 10, 1, tzinfo=UTC))
    assert f.refers_to == label


@pytest.mark.parametrize(("text", "surface", "expect"), [
    # an amount listed before the next shares its noun: both are sales lost
    ("AMD는 수출 규제로 MI308 판매가 막히면서 2분기에 약 7억 달러, 올해 전체로는 약 15억 달러의 매출 손실이 "
     "생길 것으로 내다봤다.", "약 7억 달러", {"metric": "revenue", "scope": "as lost sales", "chip": "MI308"}),
    ("H20 수출 제한 탓에 1분기에 25억 달러어치를 팔지 못했고, 2분기 매출에서도 80억 달러가 빠질 것이라고 회사는 "
     "밝혔다.",
     "80억 달러", {"metric": "revenue", "scope": "as lost sales"}),
    # costs tied to the curbs are a charge
    ("AMD는 MI308 수출 규제 영향을 설명했다. 이와 별도로 재고 등 관련 비용이 약 8억 달러 발생할 것이라고 덧붙였다.",
     "약 8억 달러", {"metric": "charge"}),
])
def test_korean_sales_lost_in_a_list_and_related_costs(text, surface, expect):
    f = fig(text, surface, language="ko", published_at=datetime(2025, 5, 7, tzinfo=UTC))
    assert fields(f, expect) == expect


def test_the_level_a_margin_rose_to_is_the_margin_and_a_share_move_still_a_change():
    f = fig("Gross margin rose to 59.5%, while operating margin was 50.6%.", "59.5%")
    assert (f.metric, f.scope) == ("margin", "as gross margin")
    assert fig("Nvidia shares rose 5% on Tuesday.", "5%").metric == "percent_change"


@pytest.mark.parametrize(("text", "lang", "surface"), [
    # a valuation stays a valuation when words stand between the verb and the amount
    ("Anthropic has raised $13bn in a funding round that values the maker of the Claude chatbot at $183bn.", "en",
     "$183bn"),
    ("이번 투자로 앤트로픽의 기업가치는 투자금을 포함해 1830억 달러(약 254조 원)로 평가됐다.", "ko", "1830억 달러"),
])
def test_a_valuation_with_words_between_is_the_companys_market_value(text, lang, surface):
    f = fig(text, surface, language=lang)
    assert (f.subject, f.metric) == ("Anthropic", "market_value")


def test_each_power_figure_a_partners_name_heads_is_that_deal_and_their_sum_the_companys_total():
    text = "이로써 오픈AI가 칩 업체들과 맺은 전력 기준 계약 규모는 엔비디아 10GW와 AMD 6GW를 합쳐 16GW에 이른다."
    got = {f.surface: (f.subject, f.scope) for f in extract_figures(text, language="ko")}
    assert got["10GW"] == ("Nvidia + OpenAI", "as power capacity")
    assert got["6GW"] == ("AMD + OpenAI", "as power capacity")
    assert got["16GW에 이른"] == ("OpenAI", "as total power capacity")


def test_amazon_web_services_in_korean_joins_a_coordinated_subject():
    f = fig("SK그룹과 아마존웹서비스(AWS)가 울산에 짓는 AI 데이터센터는 장기적으로 1GW까지 키운다는 계획이다.", "1GW",
            language="ko")
    assert f.subject == "Amazon + SK Group"


@pytest.mark.parametrize(("text", "surface", "label"), [
    # a session cue beside the figure dates it even when the sentence's day belongs to another figure
    ("July 9 (Reuters) - Nvidia on Wednesday became the first company to touch $4 trillion in stock market value, "
     "as its shares rose as much as 2.8% to a record $164.42 in morning trading.", "$164.42", "2025-07-09 intraday"),
    # "earlier in the session" and "at one point" are the session still running
    ("The benchmark KOSPI ended down 2.85% at 4,004.42, after sliding as much as 6.2% earlier in the session to "
     "3,867.81.", "3,867.81", "2025-11-05 intraday"),
    ("Nvidia shares fell as much as 18% at one point on Monday.", "as much as 18%", "2025-01-27 intraday"),
])
def test_intraday_cues_date_a_session_figure(text, surface, label):
    f = fig(text, surface, language="en", published_at=datetime(2025, 1, 27, 21, tzinfo=UTC)
            if "Monday" in text else datetime(2025, 7, 9, 15, tzinfo=UTC) if "July" in text
            else datetime(2025, 11, 5, 8, tzinfo=UTC))
    assert f.refers_to == label


@pytest.mark.parametrize(("text", "found"), [
    # more than 31 days is no day of a month: a count of days whatever follows
    ("상무부는 관보 게재일로부터 120일의 유예기간을 둔 뒤 철회를 적용할 방침이다.", ["120일"]),
    ("조치는 120일 뒤 발효된다.", ["120일"]),
    # a day of a month stays a date
    ("지난 27일의 폭락 이후 반등했다.", []),
])
def test_a_korean_count_of_days_past_a_month_is_a_duration(text, found):
    assert [f.surface for f in extract_figures(text, language="ko") if f.unit == "days"] == found


@pytest.mark.parametrize(("text", "surface", "chip"), [
    ("That compares with the 18,000 GB300 chips Nvidia said in May would go to Humain.", "18,000 GB300 chips", "GB300"),
    # a model number the entity list does not know still stands between a count and its noun
    ("Huawei shipped 5,000 XY910 accelerators.", "5,000 XY910 accelerators", None),
])
def test_a_count_of_chips_named_by_a_model_number(text, surface, chip):
    f = fig(text, surface)
    assert (f.unit, f.chip) == ("chips", chip)


@pytest.mark.parametrize(("text", "lang", "surface", "scope"), [
    ("Sales of high-bandwidth memory approached $2 billion in the quarter, the company said.", "en", "$2 billion",
     "in HBM"),
    ("마이크론의 HBM 매출은 20억 달러에 육박했다.", "ko", "20억 달러", "in HBM"),
    # HBM named as the cause of the whole's growth leaves the whole alone
    ("Micron's revenue rose 46% to $11.32 billion on strong HBM demand.", "en", "$11.32 billion", None),
])
def test_hbm_sales_are_a_segment_of_revenue(text, lang, surface, scope):
    assert fig(text, surface, language=lang).scope == scope


@pytest.mark.parametrize(("text", "surface", "expect"), [
    # Korea's exports of a month: chips, all goods and per working day are three quantities, the country's
    ("산업통상자원부가 1일 발표한 '9월 수출입 동향'에 따르면 9월 반도체 수출은 166억1000만 달러로 1년 전보다 22.0% "
     "늘었다.", "166억1000만 달러", {"subject": "South Korea", "metric": "other", "scope": "as chip exports",
                                 "refers_to": "2025-09"}),
    ("산업통상자원부가 1일 발표한 '9월 수출입 동향'에 따르면 9월 반도체 수출은 166억1000만 달러로 1년 전보다 22.0% "
     "늘었다.", "22.0%", {"subject": "South Korea", "metric": "percent_change", "scope": "of chip exports"}),
    ("9월 전체 수출은 659억5000만 달러로 12.7% 증가했다.", "659억5000만 달러",
     {"subject": "South Korea", "scope": "as exports"}),
    ("하루 평균 수출은 28억 달러 안팎으로 늘었다.", "28억 달러", {"scope": "as daily exports"}),
    ("반도체 연간 수출이 1500억 달러를 넘는 것은 처음이다.", "1500억 달러", {"scope": "as annual chip exports"}),
    # export controls are no exports, and a company's exports are its own
    ("수출 규제로 엔비디아는 55억 달러의 비용을 반영했다.", "55억 달러", {"subject": "Nvidia", "metric": "charge"}),
])
def test_a_countrys_exports_of_a_month_are_quantities_of_their_own(text, surface, expect):
    f = fig(text, surface, language="ko", published_at=datetime(2025, 10, 1, 1, tzinfo=UTC))
    assert fields(f, expect) == expect


@pytest.mark.parametrize(("text", "lang", "surface", "subject"), [
    # a Gulf state's pledge is its own, scoped by the country it invests in
    ("Saudi Arabia committed to $600 billion of investment in the United States.", "en", "$600 billion",
     "Saudi Arabia"),
    ("The UAE pledged in March to invest $1.4 trillion in the United States over the next 10 years.", "en",
     "$1.4 trillion", "United Arab Emirates"),
    ("UAE는 지난 3월 향후 10년간 미국에 1조4000억 달러를 투자하겠다고 약속한 바 있다.", "ko", "1조4000억 달러",
     "United Arab Emirates"),
])
def test_a_countrys_investment_pledge_is_the_investors_in_the_country_it_names(text, lang, surface, subject):
    f = fig(text, surface, language=lang)
    assert (f.subject, f.metric, f.scope) == (subject, "investment", "in United States")
