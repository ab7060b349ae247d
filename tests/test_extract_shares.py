"""Market shares and investors' net trading are quantities of their own (``pipelines.extract.shares``,
``pipelines.extract.funding.net_trades``), compared by the tracker on their period or session.

Sentences written for this project, not taken from the gold sets."""

from __future__ import annotations

from datetime import UTC, datetime

from pipelines.extract import extract_figures
from pipelines.track import build_observations
from tests.test_extract_claim_identity import fig
from tests.test_track_claims import _fact, _frame, _t

PUB = datetime(2025, 11, 20, 1, 0, tzinfo=UTC)


def test_each_company_listed_holds_its_share_of_the_market_the_sentence_names():
    text = ("Micron gained ground: SK hynix controlled 58% of the global high-bandwidth memory market in the third "
            "quarter, with Micron at 23% and Samsung at 19%, according to a market tracker.")
    got = {f.surface: (f.subject, f.metric, f.scope, f.refers_to) for f in extract_figures(text, published_at=PUB)}
    assert got["58%"] == ("SK hynix", "other", "market share in HBM", "2025-Q3")
    assert got["23%"] == ("Micron", "other", "market share in HBM", "2025-Q3")  # the sentence's one quarter
    assert got["19%"][:3] == ("Samsung Electronics", "other", "market share in HBM")


def test_korean_share_lists_and_parenthesised_rivals():
    text = "3분기 D램 시장 점유율은 삼성전자 34.2%, SK하이닉스 31.9%로 집계됐다."
    assert fig(text, "31.9%", published_at=PUB).subject == "SK hynix"
    assert fig(text, "34.2%", published_at=PUB).scope == "market share in DRAM"
    text = "2분기 삼성전자의 HBM 점유율은 18%로, SK하이닉스(60%)는 물론 마이크론(22%)에도 뒤졌다."
    assert (fig(text, "60%").subject, fig(text, "60%").scope) == ("SK hynix", "market share in HBM")
    assert fig(text, "22%").subject == "Micron"


def test_a_share_is_a_level_and_the_next_sentence_ranking_the_market_keeps_it():
    text = ("SK hynix held 58% of the HBM market in the third quarter. Samsung ranked second with 22%, "
            "overtaking Micron, whose share slipped to 20%.")
    slipped = fig(text, "20%", published_at=PUB)
    assert (slipped.subject, slipped.scope, slipped.value) == ("Micron", "market share in HBM", 20.0)
    assert fig(text, "22%", published_at=PUB).scope == "market share in HBM"


def test_what_is_not_a_market_share():
    # a change of a share, and the level it had before ("from 95% to ...") are no share of the period
    text = "Its share of China's AI accelerator market fell from 90% to 10% in a year, Nvidia's CEO said."
    assert fig(text, "90%").scope is None and fig(text, "10%").scope == "market share in China AI chips"
    assert fig("엔비디아의 중국 AI 칩 시장 점유율은 90%에서 10%로 떨어졌다.", "90%").scope is None
    # a government's cut of sales and a company's own revenue mix are not shares of a market
    assert fig("The US government will receive 15% of the sales of those chips.", "15%").scope is None
    assert "share" not in (fig("HBM made up more than 40% of its DRAM revenue.", "more than 40%").scope or "")
    # a percentage change in a sentence about shares keeps its metric
    text = "Samsung's HBM revenue rose 85% in the quarter, lifting its market share to 22%."
    assert fig(text, "85%").metric == "percent_change"
    assert fig(text, "22%").scope == "market share in HBM"  # (the market the sentence names)


def test_net_trading_is_the_groups_and_a_tally_of_several_sessions_is_another_quantity():
    pub = datetime(2025, 11, 6, 7, 0, tzinfo=UTC)  # 16:00 in Seoul
    text = ("외국인은 지난 5일 1조8000억 원, 6일 2조1000억 원 등 이틀 동안 유가증권시장에서 약 3조9000억 원어치를 "
            "순매도했다.")
    day = fig(text, "2조1000억 원", published_at=pub)
    assert (day.subject, day.scope, day.refers_to) == ("foreign investors", "as net selling", "2025-11-06")
    assert fig(text, "약 3조9000억 원", published_at=pub).scope == "as net selling over several sessions"
    # the morning's tally is intraday, the day's total its close
    text = "외국인은 이날 2조 원어치를 순매도했다. 오전 11시 무렵 9000억 원 수준이던 순매도 규모가 오후 들어 불어났다."
    assert fig(text, "9000억 원", published_at=pub).refers_to == "2025-11-06 intraday"


def test_net_trades_and_shares_are_compared_on_their_session_and_period():
    facts = _frame([
        _fact("close", "yonhap", _t(11, 5), 2.5e12, 2.45e12, 2.55e12, metric="other", subject="foreign investors",
              unit="KRW", scope="as net selling", refers_to="2025-11-05"),
        _fact("slip", "news1", _t(11, 5, 16), 2.5e11, 2.45e11, 2.55e11, metric="other",
              subject="foreign investors", unit="KRW", scope="as net selling"),
        _fact("morning", "mk", _t(11, 5, 3), 1.5e12, 1.45e12, 1.55e12, metric="other",
              subject="foreign investors", unit="KRW", scope="as net selling", refers_to="2025-11-05 intraday"),
        _fact("q2", "counterpoint-wire", _t(8, 20), 62.0, 61.5, 62.5, metric="other", subject="SK hynix",
              unit="percent", scope="market share in HBM", refers_to="2025-Q2"),
        _fact("q2-other", "trendforce-wire", _t(9, 2), 57.0, 56.5, 57.5, metric="other", subject="SK hynix",
              unit="percent", scope="market share in HBM", refers_to="2025-04/2025-06"),
        _fact("q3", "counterpoint-wire", _t(11, 18), 57.0, 56.5, 57.5, metric="other", subject="SK hynix",
              unit="percent", scope="market share in HBM", refers_to="2025-Q3"),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["slip"] == "2025-11-05" and event["morning"] == "2025-11-05 intraday"
    assert event["q2"] == event["q2-other"] == "2025-04/2025-06" and event["q3"] == "2025-07/2025-09"
    # a day's total against a slip of it, and two trackers' shares of one quarter, are real disagreements; the
    # morning tally and the next quarter's share are other quantities
    assert {frozenset(r) for r in disc[["fact_id_a", "fact_id_b"]].rows()} == {
        frozenset({"close", "slip"}), frozenset({"q2", "q2-other"})}
