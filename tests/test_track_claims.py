"""Claim identity: keys and model scopes."""

from pipelines.extract import extract_figures
from pipelines.extract.entities import find_mentions
from pipelines.extract.subjects import model_scope
from pipelines.track.claims import claim_key


def scope_for(subject, sentence, surface):
    at = max(sentence.find(surface), 0)
    return model_scope(subject, find_mentions(sentence), (at, at + len(surface)))


def test_claim_key_is_canonical_and_scope_is_appended():
    assert claim_key("DeepSeek", "training_cost", None, "KRW") == "DeepSeek|training_cost|-|money"
    assert claim_key(None, "chip_count", "H800", "chips") == "?|chip_count|H800|chips"
    assert claim_key("DeepSeek", "training_cost", None, "USD", "DeepSeek-V3") == \
        "DeepSeek|training_cost|-|money|DeepSeek-V3"


def test_scope_is_the_subjects_model_nearest_the_figure():
    s = "DeepSeek says it spent just $5.6 million on computing power to train V3, the model on which R1 is built."
    assert scope_for("DeepSeek", s, "just $5.6 million") == "DeepSeek-V3"
    s = "Chinese AI developer DeepSeek spent $294,000 to train its R1 reasoning model, the company said."
    assert scope_for("DeepSeek", s, "$294,000") == "DeepSeek-R1"
    assert scope_for("DeepSeek", "R1에 투입된 비용은 557만 6000달러로 알려졌다.", "557만 6000달러") == "DeepSeek-R1"


def test_no_scope_without_a_model_of_the_subject():
    s = "DeepSeek says it built an AI model that rivals the best in Silicon Valley for less than $6 million."
    assert scope_for("DeepSeek", s, "less than $6 million") is None
    # A model of another owner does not scope a figure about DeepSeek.
    assert scope_for("DeepSeek", "OpenAI spent $100 million on ChatGPT, far more than DeepSeek.",
                     "$100 million") is None
    assert scope_for(None, "R1 cost $294,000.", "$294,000") is None


def test_the_extractor_carries_the_scope_on_each_figure():
    text = ("DeepSeek said it spent $5.6 million to train V3. "
            "It spent $294,000 to train its R1 reasoning model, the company said in a paper.")
    by_surface = {f.surface: f for f in extract_figures(text)}
    assert by_surface["$5.6 million"].scope == "DeepSeek-V3"
    assert by_surface["$294,000"].scope == "DeepSeek-R1"
    assert by_surface["$294,000"].subject == "DeepSeek"
