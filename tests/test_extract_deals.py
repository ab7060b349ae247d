"""A deal between two companies is a claim of both parties (``pipelines.extract.deals``), and a deal re-told
undated weeks later is the deal its value matches (``pipelines.track.claims.resolve_events``).

Sentences written for this project, not taken from the gold sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipelines.extract import extract_figures
from pipelines.extract.deals import DEAL_TERM_SCOPE, FIRST_TRANCHE_SCOPE
from pipelines.track import build_observations
from tests.test_extract_claim_identity import fig
from tests.test_track_claims import _fact, _frame

PUB = datetime(2025, 9, 12, 12, tzinfo=UTC)


def figure(text: str, surface: str, lang: str | None = None, headline: str | None = None):
    return fig(text, surface, language=lang, headline=headline, published_at=PUB)


@pytest.mark.parametrize(
    ("text", "surface", "lang"),
    [
        ("OpenAI agreed to buy about $300 billion of computing power from Oracle over five years.",
         "about $300 billion", "en"),
        ("Oracle signed a contract worth $300 billion with OpenAI on Wednesday.", "$300 billion", "en"),
        ("오픈AI가 오라클과 3000억 달러 규모의 클라우드 계약을 맺었다.", "3000억 달러", "ko"),
        ("오라클은 오픈AI와 3000억 달러 규모의 컴퓨팅 공급 계약을 체결했다고 밝혔다.", "3000억 달러", "ko"),
    ],
)
def test_a_contract_is_both_parties_whichever_is_named_first(text, surface, lang):
    f = figure(text, surface, lang)
    assert (f.subject, f.metric) == ("OpenAI + Oracle", "deal_value")


def test_a_deals_length_is_the_pairs_and_its_own_quantity():
    f = figure("OpenAI agreed to buy about $300 billion of computing power from Oracle over roughly five years.",
               "roughly five years")
    assert (f.subject, f.metric, f.scope) == ("OpenAI + Oracle", "duration", DEAL_TERM_SCOPE)


def test_the_next_sentences_carry_the_pair_and_the_parts_of_the_deal_are_told_apart():
    text = ("Nebius will supply Microsoft with GPU capacity under a deal worth $17.4 billion running through 2031. "
            "The contract value could rise to $19.4 billion if Microsoft takes up more services, Nebius said. "
            "The two companies signed a first $2 billion deal in March.")
    signed = figure(text, "$17.4 billion")
    assert (signed.subject, signed.scope) == ("Microsoft + Nebius", None)
    assert signed.refers_to is None  # the end of the term is not the day the deal is about
    could = figure(text, "$19.4 billion")
    assert (could.subject, could.scope) == ("Microsoft + Nebius", "as potential")
    first = figure(text, "$2 billion")
    assert (first.subject, first.refers_to) == ("Microsoft + Nebius", "2025-03")


def test_korean_expansion_and_total_are_other_quantities_than_the_deal():
    text = ("코어위브는 지난주 오픈AI와의 계약을 최대 65억 달러 늘렸다. "
            "이로써 오픈AI와의 계약 총액은 224억 달러로 불어났다. 오라클과는 3000억 달러 규모 계약을 맺은 상태다.")
    assert figure(text, "최대 65억 달러", "ko").scope == "as expansion"
    total = figure(text, "224억 달러", "ko")
    assert (total.subject, total.scope) == ("CoreWeave + OpenAI", "as total")


def test_a_sentence_naming_only_the_counterparty_takes_the_party_of_the_deal_before():
    text = ("오픈AI가 아마존웹서비스(AWS)와 7년간 380억 달러 규모의 클라우드 이용 계약을 맺었다. "
            "오라클과는 3000억 달러 규모 계약을 맺은 상태다.")
    assert figure(text, "380억 달러", "ko").subject == "Amazon + OpenAI"
    assert figure(text, "3000억 달러", "ko").subject == "OpenAI + Oracle"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # an investment in a company is the investor's, not a deal of the two
        ("Nvidia will invest up to $5 billion in Intel, the companies said.", "up to $5 billion", "Nvidia"),
        # a smuggling case is its defendants', never a deal of the chip maker and the buyer
        ("Hao Global smuggled $160 million of Nvidia chips under a contract with a Hong Kong buyer, prosecutors "
         "said.", "$160 million", "Hao Global"),
    ],
)
def test_what_is_not_a_two_party_deal(text, surface, subject):
    assert figure(text, surface).subject == subject


def test_a_deal_retold_undated_weeks_later_is_the_deal_its_value_matches():
    key = dict(metric="deal_value", subject="OpenAI + Oracle")
    facts = _frame([
        _fact("signed", "wsj", datetime(2025, 9, 10, 20, tzinfo=UTC), 300e9, 299.5e9, 300.5e9,
              refers_to="2025-09-10", **key),
        _fact("retold", "yonhap", datetime(2025, 11, 4, 1, tzinfo=UTC), 300e9, 299.5e9, 300.5e9, **key),
        # another deal of the same pair, months on, with another value: its own event
        _fact("other", "cnbc", datetime(2025, 11, 20, 1, tzinfo=UTC), 40e9, 39.5e9, 40.5e9, **key),
    ])
    obs, disc = build_observations(facts)
    event = dict(zip(obs["fact_id"], obs["event"], strict=True))
    assert event["retold"] == event["signed"] == "2025-09-10"
    assert event["other"] != "2025-09-10" and disc.is_empty()


@pytest.mark.parametrize(
    ("text", "surface", "lang", "value", "unit", "subject"),
    [
        ("AMD agreed to supply OpenAI with 6 GW of Instinct GPUs in a multiyear deal.", "6 GW", "en", 6, "GW",
         "AMD + OpenAI"),
        ("OpenAI will deploy at least 10 gigawatts of Nvidia systems.", "at least 10 gigawatts", "en", 10, "GW",
         "OpenAI"),
        ("오픈AI는 AMD와 6GW 규모의 GPU 공급 계약을 맺었다.", "6GW", "ko", 6, "GW", "AMD + OpenAI"),
        ("아마존은 울산에 100메가와트 규모 데이터센터를 짓는다.", "100메가와트", "ko", 100, "MW", "Amazon"),
    ],
)
def test_power_capacity_is_a_comparable_quantity_of_its_own(text, surface, lang, value, unit, subject):
    f = figure(text, surface, lang)
    assert (f.value, f.unit, f.metric, f.scope) == (value, unit, "other", "as power capacity")
    assert f.subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject", "scope"),
    [
        ("Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion, the companies said.",
         "up to $10 billion", "Nvidia", "in Anthropic"),
        # the gapped clause: the second investor's own amount, in the same company
        ("Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion, the companies said.",
         "up to $5 billion", "Microsoft", "in Anthropic"),
        ("Nvidia said it would take a $5 billion stake in Intel.", "$5 billion", "Nvidia", "in Intel"),
        ("엔비디아는 지난 9월 오픈AI에 최대 1000억 달러를 투자하겠다고 밝혔다.", "최대 1000억 달러", "Nvidia",
         "in OpenAI"),
    ],
)
def test_an_investment_is_the_investors_scoped_by_its_target(text, surface, subject, scope):
    f = figure(text, surface)
    assert (f.subject, f.metric, f.scope) == (subject, "investment", scope)


def test_a_bare_sheet_counter_counts_gpus_in_an_article_about_them():
    text = ("엔비디아가 한국 정부와 기업들에 블랙웰 GPU 26만 장 이상을 공급한다.\n\n"
            "삼성전자는 5만 장 규모의 'AI 팩토리'를 구축하고, SK그룹도 5만 장을 들여온다. "
            "네이버클라우드는 6만 장을 도입한다.")
    got = [(f.surface, f.unit, f.subject) for f in extract_figures(text, "ko", published_at=PUB)]
    assert ("5만 장", "chips", "Samsung Electronics") in got
    assert ("6만 장", "chips", "Naver") in got
    # with nothing in the article counting chips, a bare 장 is no figure
    assert not extract_figures("삼성전자는 5만 장 규모의 계획을 세웠다.", "ko", published_at=PUB)


@pytest.mark.parametrize(
    ("text", "surface", "lang", "subject", "metric"),
    [
        # the term and the chips of a deal whose figure was bound to the counterparty are still the pair's
        ("Google Cloud has signed a $9 billion deal to supply Anthropic with computing over six years, giving the "
         "Claude maker access to a million Nvidia graphics processors.", "six years", "en", "Anthropic + Google",
         "duration"),
        ("구글이 앤트로픽과 6년간 90억 달러 규모의 클라우드 계약을 맺었다고 밝혔다.", "6년", "ko", "Anthropic + Google",
         "duration"),
        # paying a company for computing is a deal with it
        ("Microsoft has agreed to pay Nebius up to $3 billion for GPU capacity through 2030.", "up to $3 billion",
         "en", "Microsoft + Nebius", "deal_value"),
        # the cloud a company buys on names the other side
        ("Meta pledged to buy $7 billion of computing capacity on Oracle's cloud.", "$7 billion", "en",
         "Meta + Oracle", "deal_value"),
        ("메타는 오라클 클라우드에서 70억 달러어치 컴퓨팅 용량을 사들이기로 했다.", "70억 달러", "ko", "Meta + Oracle",
         "deal_value"),
    ],
)
def test_the_pair_when_the_grammar_names_the_other_side_differently(text, surface, lang, subject, metric):
    f = figure(text, surface, lang)
    assert (f.subject, f.metric) == (subject, metric)


def test_a_clause_joined_by_while_keeps_its_own_dealings():
    text = ("Amazon committed up to $4 billion and Google up to $2 billion, while Anthropic pledged to buy $7 "
            "billion of computing capacity on Google's cloud.")
    assert figure(text, "up to $4 billion").subject == "Amazon"
    assert figure(text, "up to $4 billion").metric == "investment"
    assert figure(text, "$7 billion").subject == "Anthropic + Google"
    ko = ("오픈AI는 지난달 오라클 클라우드 200억 달러어치를 추가로 구매하기로 했고, "
          "아마존과는 100억 달러 규모 계약을 맺었다.")
    assert figure(ko, "200억 달러", "ko").subject == "OpenAI + Oracle"
    assert figure(ko, "100억 달러", "ko").subject == "Amazon + OpenAI"


def test_investors_listed_with_respective_amounts_each_put_their_own_into_the_company():
    text = "오픈AI는 소프트뱅크와 엔비디아로부터 각각 최대 300억 달러, 최대 20억 달러의 투자 약속을 받았다."
    soft = figure(text, "최대 300억 달러", "ko")
    nv = figure(text, "최대 20억 달러", "ko")
    assert (soft.subject, soft.metric, soft.scope) == ("SoftBank Group", "investment", "in OpenAI")
    assert (nv.subject, nv.metric, nv.scope) == ("Nvidia", "investment", "in OpenAI")


def test_a_sentence_listing_several_deals_pairs_each_figure_with_its_own_counterparty():
    text = ("메타가 올해 맺은 컴퓨팅 계약이 늘고 있다. 코어위브와는 약 6년간 140억 달러, "
            "구글과는 클라우드 서비스 100억 달러 구매에 합의했다.")
    assert figure(text, "약 6년", "ko").subject == "CoreWeave + Meta"
    assert figure(text, "140억 달러", "ko").subject == "CoreWeave + Meta"
    assert figure(text, "100억 달러", "ko").subject == "Google + Meta"


def test_power_totals_glosses_and_first_tranches():
    text = ("메타가 엔비디아와 손잡았다. 이로써 메타가 엔비디아(5GW), AMD(3GW), 브로드컴과 맺은 계약 용량은 "
            "12GW에 이른다.")
    assert figure(text, "5GW", "ko").subject == "Meta + Nvidia"
    assert figure(text, "3GW", "ko").subject == "AMD + Meta"
    assert figure(text, "12GW", "ko").subject == "Meta"
    first = figure("AMD agreed to supply Meta with 3 gigawatts of chips. The first 1 gigawatt will be deployed "
                   "next year.", "1 gigawatt")
    assert first.scope == FIRST_TRANCHE_SCOPE


def test_the_deals_amount_named_again_and_its_share_of_revenue_are_the_deals_and_accounts_stay_a_partys():
    text = ("SK hynix has signed a 5.1 trillion won ($3.7 billion) contract to supply memory to Apple. "
            "Apple said the $3.7 billion figure was a floor. The contract is worth 7.1% of SK hynix's 2024 "
            "revenue.")
    again = [f for f in extract_figures(text, "en", published_at=PUB) if f.surface == "$3.7 billion"][-1]
    assert (again.subject, again.metric) == ("Apple + SK hynix", "deal_value")
    share = figure(text, "7.1%")
    assert (share.subject, share.metric, share.scope) == ("Apple + SK hynix", "ratio", "of revenue")
    ko = ("SK하이닉스가 애플과 5조1000억 원 규모의 메모리 공급 계약을 체결했다고 공시했다. 계약 기간은 약 3년이며, "
          "계약 금액은 지난해 매출 66조1930억 원의 7.7%에 해당한다.")
    assert figure(ko, "약 3년", "ko").scope == DEAL_TERM_SCOPE
    revenue = figure(ko, "66조1930억 원", "ko")
    assert (revenue.subject, revenue.metric) == ("SK hynix", "revenue")


@pytest.mark.parametrize(
    ("text", "surface", "lang", "subject"),
    [
        # power bought as a chip maker's systems: a deal with the maker, though the maker names its systems
        ("Nvidia plans to invest up to $100 billion in OpenAI as the ChatGPT maker builds out at least 10 gigawatts "
         "of Nvidia systems, the companies said in a letter of intent.", "at least 10 gigawatts", "en",
         "Nvidia + OpenAI"),
        ("오픈AI는 이 자금으로 엔비디아 시스템을 최소 10GW 규모로 구축할 계획이다.", "최소 10GW", "ko",
         "Nvidia + OpenAI"),
        # a partnership is a deal ("손잡고"), and "supply X with" marks X
        ("오픈AI가 브로드컴과 손잡고 10GW 규모의 맞춤형 AI 가속기를 배치한다.", "10GW", "ko", "Broadcom + OpenAI"),
        ("AMD will supply OpenAI with 6 gigawatts of its Instinct processors over several years.", "6 gigawatts",
         "en", "AMD + OpenAI"),
    ],
)
def test_power_capacity_of_a_partnership_is_the_pairs(text, surface, lang, subject):
    f = figure(text, surface, lang)
    assert (f.subject, f.unit) == (subject, "GW")


def test_power_a_company_plans_alone_is_its_own():
    f = figure("Meta plans to bring about 1 gigawatt of computing capacity online next year.", "about 1 gigawatt",
               "en")
    assert f.subject == "Meta"
