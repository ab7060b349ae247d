"""Pages of outlets without an adapter, read as well as the adapters read theirs: every brief of
``tests/fixtures/briefs`` (English wire briefs, Korean 속보, in six page shapes) is an article whose body starts
with its first sentence, names its outlet, and the topic filter's verdicts meet the labels. ``pytest -s``
prints the filter's precision and recall per split (the README quotes them)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from pipelines import stages
from pipelines.sources import parse_page
from pipelines.sources.outlet_table import normalise_outlet, outlet_for_domain, registrable_domain
from pipelines.sources.parsed_page import ParsedPage
from pipelines.sources.topics import is_relevant_page

BRIEFS = Path(__file__).parent / "fixtures" / "briefs"
LABELS = [json.loads(line) for line in (BRIEFS / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedPage]:
    return {r["file"]: parse_page((BRIEFS / "pages" / r["file"]).read_bytes(), r["url"]) for r in LABELS}


def test_every_brief_is_an_article_whose_body_starts_with_its_first_sentence(parsed):
    wrong = []
    for r in LABELS:
        page = parsed[r["file"]]
        if not page.is_article or not page.body_text.startswith(r["starts"]) or page.headline != r["headline"]:
            wrong.append((r["file"], page.reason, page.headline, page.body_text[:60]))
    assert not wrong, wrong


@pytest.mark.parametrize("template", ["article", "div_glued", "ko_brief", "wire_copy", "portal_copy", "jsonld_only"])
def test_headline_and_byline_are_not_glued_into_the_body(parsed, template):
    for r in (r for r in LABELS if r["template"] == template):
        page = parsed[r["file"]]
        assert r["headline"] not in page.body_text, r["file"]
        first = page.paragraphs[0]
        assert not first.startswith(("By ", "Share")) and "기자(" not in first[:12], (r["file"], first)
        assert "All rights reserved" not in page.body_text and "무단" not in page.body_text, r["file"]


def test_a_korean_brief_of_a_hundred_characters_is_an_article():
    body = ("(서울=연합뉴스) 홍길동 기자 = 정부가 반도체 장비 수입 관세 면제를 1년 연장한다고 3일 밝혔다. "
            "업계 부담은 연 3000억원 줄어든다.")
    html = (f"<html lang='ko'><head><meta property='og:site_name' content='연합뉴스'>"
            f"<meta property='article:published_time' content='2025-03-03T09:00:00+09:00'>"
            f"<title>관세 면제 연장</title></head><body><h1>관세 면제 연장</h1>"
            f"<div id='articleBody'><p>{body}</p></div></body></html>")
    page = parse_page(html, "https://www.yna.co.kr/view/AKR20250303000100001")
    assert page.is_article, page.reason
    assert page.body_text == body and page.outlet == "Yonhap"


def test_the_outlets_the_briefs_state(parsed):
    assert [(r["file"], parsed[r["file"]].outlet) for r in LABELS] == [(r["file"], r["outlet"]) for r in LABELS]
    copy = parsed[next(r["file"] for r in LABELS if r["url"].startswith("https://finance.yahoo.com/news/tsmc"))]
    assert copy.outlet == "Associated Press" and copy.extras["carried_by"] == "Yahoo Finance"
    assert copy.extras["outlet_via"].startswith("syndicated:")


def test_outlet_table_keys_registrable_domains_and_normalises_stated_names():
    assert registrable_domain("https://edition.cnn.com/2025/01/27/tech/x") == "cnn.com"
    assert registrable_domain("m.yna.co.kr") == "yna.co.kr"
    assert registrable_domain("https://www.harborledger.example/a") == "harborledger.example"
    assert registrable_domain("http://127.0.0.1:8000/x") is None
    assert outlet_for_domain("https://edition.cnn.com/x") == outlet_for_domain("https://cnn.com/x") == "CNN"
    assert normalise_outlet("CNN International") == "CNN" and normalise_outlet("연합뉴스") == "Yonhap"
    assert normalise_outlet("  Harbor   Ledger ") == "Harbor Ledger"


def _precision_recall(parsed, split: str) -> tuple[float, float, int]:
    tp = fp = fn = 0
    rows = [r for r in LABELS if r["split"] == split]
    for r in rows:
        verdict = is_relevant_page(parsed[r["file"]])
        tp += verdict and r["relevant"]
        fp += verdict and not r["relevant"]
        fn += r["relevant"] and not verdict
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(rows)


def test_topic_filter_precision_and_recall_on_the_labelled_briefs(parsed):
    dev = _precision_recall(parsed, "dev")
    held = _precision_recall(parsed, "held_out")
    print(f"\ntopic filter on the briefs: dev ({dev[2]}) P {dev[0]:.3f} R {dev[1]:.3f}; "
          f"held out ({held[2]}) P {held[0]:.3f} R {held[1]:.3f}")
    assert dev[0] >= 0.95 and dev[1] >= 0.95
    assert held[0] >= 0.9 and held[1] >= 0.75


def test_section_and_slug_make_a_brief_relevant_when_its_sentences_name_no_chip():
    page = ParsedPage(url="https://www.example-daily.example/news/1", source="other", is_article=True,
                      headline="젠슨 황 \"점유율 하락\"", section="반도체",
                      body_text="최고경영자는 회사의 중국 점유율이 95%에서 50%로 떨어졌다고 말했다.")
    assert is_relevant_page(page)
    slug = ParsedPage(url="https://www.example-daily.example/tech/banned-gpus-gray-market", source="other",
                      is_article=True, headline="Gray market thrives in Shenzhen",
                      body_text="Traders say they can still deliver servers Washington barred from sale.")
    assert is_relevant_page(slug)
    tv = ParsedPage(url="https://www.example-daily.example/life/1", source="other", is_article=True,
                    headline="삼성전자 TV 신제품", body_text="삼성전자가 인공지능 기능을 넣은 TV를 출시했다.")
    assert not is_relevant_page(tv)


_SAME_FIGURE = """<html lang="en"><head><meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2025-01-2{day}T22:00:00Z"><title>Nvidia loses $589 billion</title>
</head><body><article><h1>Nvidia loses $589 billion in value</h1><p class="byline">By {by}</p>
<p>Nvidia lost $589 billion in market value on January 27, the largest one-day loss for any company, after
DeepSeek said it trained a rival model on far fewer chips. The stock fell 17% in the session.</p>
</article></body></html>"""


def test_n_sources_counts_outlets_not_the_other_partition():
    """Two outlets without an adapter reporting the same figure are two sources of the claim, not one 'other'."""
    t = datetime(2025, 1, 29, 12, tzinfo=UTC)
    pages = [("https://www.harborledger.example/2025/01/27/nvidia-loss", "Harbor Ledger", "Dana Whitfield", 7),
             ("https://www.bayfrontpost.example/markets/nvidia-loss", "Bayfront Post", "Tom Reyes", 8)]
    rows = [({"page_id": f"p{i}", "url": url, "source": "other", "fetched_at": t, "warc_file": None,
              "warc_offset": None}, _SAME_FIGURE.format(site=site, by=by, day=day).encode(), None)
            for i, (url, site, by, day) in enumerate(pages)]
    batch = stages.version_articles(stages.parse_pages(rows))
    assert sorted((a["source"], a["outlet"]) for a in batch.articles) == [("other", "Bayfront Post"),
                                                                          ("other", "Harbor Ledger")]
    facts = stages.extract_facts(batch.articles)
    assert {f["outlet"] for f in facts} == {"Harbor Ledger", "Bayfront Post"}
    dates = {a["article_id"]: a for a in batch.articles}
    frame = pl.DataFrame([{**f, "modified_at": dates[f["article_id"]]["modified_at"]} for f in facts])
    obs, _ = stages.track_observations(frame)
    timeline = stages.track_timeline(obs)
    loss = timeline.filter(pl.col("metric") == "market_value_change")
    assert loss.height == 1, timeline
    assert loss["n_sources"][0] == 2
    assert (loss["first_outlet"][0], loss["latest_outlet"][0]) == ("Harbor Ledger", "Bayfront Post")
