"""One article whose extraction raises loses its own facts only; the others are mined and the failure is said."""

from __future__ import annotations

from datetime import UTC, datetime

from pipelines import stages


def _article(aid: str, body: str) -> dict:
    when = datetime(2025, 1, 28, tzinfo=UTC)
    return {"article_id": aid, "version": 1, "source": "cnn", "outlet": "CNN", "published_at": when,
            "fetched_at": when, "language": "en", "headline": "Nvidia", "body_text": body, "is_relevant": True}


def test_an_article_whose_extraction_raises_loses_only_its_own_facts(monkeypatch):
    real = stages.extract_figures

    def flaky(text, *args, **kw):
        if "BOOM" in text:
            raise KeyError("올해")
        return real(text, *args, **kw)

    monkeypatch.setattr(stages, "extract_figures", flaky)
    failures: list[dict] = []
    rows = stages.extract_facts([_article("a1", "Nvidia shares fell 17% on Monday."),
                                 _article("a2", "BOOM 5% of something."),
                                 _article("a3", "Nvidia lost $589 billion in market value.")], failures)
    assert {r["article_id"] for r in rows} == {"a1", "a3"}
    assert failures == [{"article_id": "a2", "version": 1, "error": "KeyError: '올해'"}]
