"""Figures of "the two" companies taken together are the pair's (``pipelines.extract.together``).

Sentences written for this project, not taken from the gold sets."""

from __future__ import annotations

from pipelines.extract import extract_figures
from pipelines.extract.together import last_two
from tests.test_extract_claim_identity import fig

PAIR = "SK hynix + Samsung Electronics"


def _members(subject: str | None) -> set[str]:
    return set((subject or "").split(" + "))


def test_the_two_companies_are_the_last_two_named_across_sentences():
    text = ("SK하이닉스 주가는 27일 53만5000원에 마감했다. 같은 날 삼성전자 시가총액은 604조 원으로 두 회사를 합치면 "
            "1000조 원에 근접했다.")
    assert _members(fig(text, "1000조 원에 근접").subject) == _members(PAIR)
    assert fig(text, "604조 원").subject == "Samsung Electronics"  # named on its own: its own
    text = "SK hynix fell 9.9% and Samsung Electronics lost 2.4%. The two chipmakers shed more than $15 billion."
    assert _members(fig(text, "more than $15 billion").subject) == _members(PAIR)


def test_figures_given_one_each_or_after_a_member_is_named_keep_their_own_subject():
    text = "엔비디아와 AMD가 같은 규제를 받았다. 두 회사 주가는 16일 각각 6.9%, 7.4% 밀렸다."
    assert " + " not in (fig(text, "6.9%").subject or "")
    text = "SK하이닉스는 4% 올랐다. 삼성전자도 강세였다. 두 회사 가운데 삼성전자는 매출 86조 원을 올렸다."
    assert fig(text, "86조 원").subject == "Samsung Electronics"


def test_one_company_named_is_no_pair():
    assert " + " not in (fig("SK하이닉스는 두 회사 몫의 설비를 사들이며 3조 원을 썼다.", "3조 원").subject or "")
    assert last_two(["Nvidia", "Nvidia"]) is None
    assert last_two(["AMD", "Nvidia", "AMD"]) == ("Nvidia", "AMD")


def test_the_two_companies_is_no_count_of_companies():
    text = ("Foreign funds have returned as a shortage of memory lifts earnings expectations for the two chipmakers, "
            "which together account for roughly a third of the index.")
    assert [f.surface for f in extract_figures(text) if f.unit == "companies"] == []
    assert [f.value for f in extract_figures("The rule covers 3 companies.") if f.unit == "companies"] == [3]
