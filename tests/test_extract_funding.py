"""A company's valuation and the money it raises are quantities of their own (``pipelines.extract.funding``),
never an investment in the company: otherwise a $40 billion round and a $300 billion valuation of one start-up
are each other's "conflict".

Sentences written for this project, not taken from the gold sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipelines.extract.funding import FUNDING_ROUND_SCOPE
from tests.test_extract_claim_identity import fig

PUB = datetime(2025, 6, 3, 12, tzinfo=UTC)


def figure(text: str, surface: str, lang: str | None = None):
    return fig(text, surface, language=lang, published_at=PUB)


@pytest.mark.parametrize(
    ("text", "surface", "lang", "subject"),
    [
        ("xAI raised $6 billion in a Series C round that valued the company at $24 billion.", "$24 billion", "en",
         "xAI"),
        ("Anthropic closed a funding round at a post-money valuation of $183 billion.", "$183 billion", "en",
         "Anthropic"),
        ("The investment values OpenAI at about $157 billion.", "about $157 billion", "en", "OpenAI"),
        ("Anthropic raised $4 billion last year at a $61.5 billion valuation.", "$61.5 billion", "en", "Anthropic"),
        ("오픈AI의 기업가치는 약 1570억 달러로 평가된다.", "약 1570억 달러", "ko", "OpenAI"),
        ("앤트로픽은 40억 달러를 유치하며 615억 달러의 몸값을 인정받았다.", "615억 달러", "ko", "Anthropic"),
    ],
)
def test_a_valuation_is_the_companys_market_value(text, surface, lang, subject):
    f = figure(text, surface, lang)
    assert (f.subject, f.metric, f.scope) == (subject, "market_value", None)


@pytest.mark.parametrize(
    ("text", "surface", "lang"),
    [
        ("xAI raised $6 billion in a Series C round that valued the company at $24 billion.", "$6 billion", "en"),
        ("Scale AI is in talks to raise about $2 billion in a new funding round.", "about $2 billion", "en"),
        ("앤트로픽은 40억 달러를 유치하며 615억 달러의 몸값을 인정받았다.", "40억 달러", "ko"),
        ("오픈AI가 66억 달러(약 8조8000억 원) 규모의 투자 유치를 마쳤다고 밝혔다.", "66억 달러", "ko"),
    ],
)
def test_money_a_company_raises_is_a_dated_round_not_an_investment_in_it(text, surface, lang):
    f = figure(text, surface, lang)
    assert (f.metric, f.scope) == ("deal_value", FUNDING_ROUND_SCOPE)


def test_a_conversion_follows_its_round_and_a_compared_valuation_is_a_valuation():
    text = "오픈AI가 66억 달러(약 8조8000억 원) 규모의 투자 유치를 마쳤다고 밝혔다."
    assert figure(text, "약 8조8000억 원", "ko").scope == FUNDING_ROUND_SCOPE
    en = "The valuation is well above the $29 billion the company fetched in its previous round."
    assert figure(en, "$29 billion").metric == "market_value"


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # a unit price someone "valued" is no company's valuation
        ("The lab valued each GPU-hour at $2, about the rental price.", "$2", "price"),
        # orders a company secured are no funding round
        ("Broadcom said it had secured more than $10 billion in orders from a new customer.",
         "more than $10 billion", None),
    ],
)
def test_what_is_neither_a_valuation_nor_a_round(text, surface, metric):
    f = figure(text, surface)
    assert f.metric != "market_value" and f.scope != FUNDING_ROUND_SCOPE
    if metric:
        assert f.metric == metric


def test_a_stake_is_its_holders_in_the_company_held_and_what_it_is_worth_its_own_quantity():
    text = "Under the deal, SoftBank will hold a stake of roughly 11% in OpenAI, worth about $50 billion."
    stake = figure(text, "roughly 11%")
    assert (stake.subject, stake.metric, stake.scope) == ("SoftBank Group", "other", "stake in OpenAI")
    worth = figure(text, "about $50 billion")
    assert (worth.subject, worth.metric, worth.scope) == ("SoftBank Group", "other", "stake value in OpenAI")
    ko = figure("소프트뱅크는 오픈AI 지분 11%를 보유하게 된다.", "11%", "ko")
    assert (ko.subject, ko.scope) == ("SoftBank Group", "stake in OpenAI")



@pytest.mark.parametrize(
    ("text", "surface", "lang", "subject", "scope"),
    [
        ("외국인은 이날 유가증권시장에서 1조2000억 원어치를 순매도했다.", "1조2000억 원", "ko", "foreign investors",
         "as net selling"),
        ("기관은 3000억 원어치를 순매수했다.", "3000억 원", "ko", "institutional investors", "as net buying"),
        ("Foreign investors sold a net 1.2 trillion won of shares on the main board.", "1.2 trillion won", "en",
         "foreign investors", "as net selling"),
    ],
)
def test_net_trading_is_the_investor_groups_and_no_deal(text, surface, lang, subject, scope):
    f = figure(text, surface, lang)
    assert (f.subject, f.metric, f.scope) == (subject, "other", scope)
