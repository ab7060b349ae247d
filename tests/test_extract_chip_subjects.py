"""Whose chips a count counts: the lab that trained on them, not the maker that sold them; the maker's own when
it sells, makes, holds or orders them. A training count naming only the model is the
model's developer's.

Sentences written for this project, not taken from the gold sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.test_extract_claim_identity import fig

PUB = datetime(2025, 11, 3, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "surface", "headline", "subject"),
    [
        ("The lab trained its model on about 2,000 Nvidia H800 chips.", "about 2,000", "DeepSeek's cheap model",
         "DeepSeek"),
        ("엔비디아가 한국에 블랙웰 GPU를 26만 장 넘게 공급한다.", "26만 장 넘게", None, "Nvidia"),
        ("The Commerce Department estimated Huawei could produce no more than 200,000 AI chips in 2025.",
         "no more than 200,000", None, "Huawei"),
        ("Nvidia placed an order for 300,000 H20 chips with TSMC.", "300,000", None, "Nvidia"),
    ],
)
def test_a_chip_count_is_its_users_unless_the_maker_sells_makes_or_holds_them(text, surface, headline, subject):
    f = fig(text, surface, headline=headline, published_at=PUB)
    assert (f.metric, f.subject) == ("chip_count", subject)


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("엔비디아 H800 약 1만 개로 V3를 훈련했다.", "약 1만 개", "DeepSeek-V3"),
        ("It cost $294,000 to train R1.", "$294,000", "DeepSeek-R1"),
    ],
)
def test_a_training_figure_naming_only_the_model_is_its_developers(text, surface, scope):
    f = fig(text, surface, published_at=PUB)
    assert (f.subject, f.scope) == ("DeepSeek", scope)


def test_a_model_named_beside_another_company_lends_no_owner():
    f = fig("오픈AI는 챗GPT 개발에 1억 달러 넘게 썼다.", "1억 달러", published_at=PUB)
    assert f.subject == "OpenAI"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Washington moved to restrict the H800 as well in October 2023, about seven months after the chip went on "
         "sale.", "about seven months"),
        ("H800은 엔비디아가 중국 수출용으로 내놓은 칩이지만, 출시 약 1년 만에 미국 정부의 수출 규제 대상에 올랐다.",
         "약 1년"),
        ("DeepSeek trained V3 on 2,048 Nvidia H800 chips, a processor Nvidia designed for China in early 2023. The "
         "U.S. banned its export about seven months later, in October 2023.", "about seven months"),
    ],
)
def test_the_time_from_a_chips_launch_to_its_restriction_is_one_quantity_however_told(text, surface):
    f = fig(text, surface, published_at=PUB)
    assert (f.subject, f.metric, f.chip, f.scope) == ("US government", "duration", "H800", None)
