"""Validate the sample archive. Run:  .venv/bin/python sample_archive/tools/check.py

Checks: every page parses with lxml.html and BeautifulSoup; every __NEXT_DATA__ / JSON-LD parses with json.loads;
every manifest file exists and fetched_at follows publication; every feed item that points to an article has a
capture; every story figure appears verbatim in the body of the page that must carry it; irrelevant pages carry no
AI-chip / export-control keywords; the CNN revision pair differs only where it should.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def ts(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def norm(s: str) -> str:
    return re.sub(r"[ \t\r\f\v]+", " ", s.replace("\xa0", " ").replace("\n", " ")).strip()


def body_text(outlet: str, raw: str) -> tuple[str, str | None]:
    """(body text, published ISO) extracted the way the parsers are meant to."""
    doc = lxml.html.fromstring(raw)
    if outlet == "news1":
        nd = doc.xpath('//script[@id="__NEXT_DATA__"]')
        view = json.loads(nd[0].text)["props"]["pageProps"]["articleView"]
        parts = [re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", it["content"]))
                 for it in view["contentArrange"] if it["type"] == "text"]
        # the fallback markup must agree with __NEXT_DATA__
        html_parts = [p.get_text() for p in BeautifulSoup(raw, "lxml").select("#articleBodyContent > p")]
        if [norm(p) for p in parts] != [norm(p) for p in html_parts]:
            err(f"news1: __NEXT_DATA__ text and #articleBodyContent p differ ({view['id']})")
        return "\n".join(norm(x) for x in parts), view["published_time"]
    ld = []
    for s in doc.xpath('//script[@type="application/ld+json"]'):
        ld.append(json.loads(s.text))
    art = [x for x in ld if x.get("@type") == "NewsArticle"]
    pub = art[0]["datePublished"] if art else None
    soup = BeautifulSoup(raw, "lxml")
    if outlet == "cnn":
        ps = soup.select("div.article__content p.paragraph")
    else:
        ps = soup.select('section[name="articleBody"] div.StoryBodyCompanionColumn p')
    return "\n".join(norm(p.get_text()) for p in ps), pub


def main() -> int:
    manifest = [json.loads(line) for line in (ROOT / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    prev = None
    captured_urls = {}
    bodies: dict[str, str] = {}
    for m in manifest:
        f = ROOT / m["file"]
        if not f.is_file():
            err(f"missing file {m['file']}")
            continue
        if prev and m["fetched_at"] < prev:
            err(f"manifest not in fetch order at {m['file']}")
        prev = m["fetched_at"]
        for k in ("url", "file", "fetched_at", "status", "headers", "kind", "gzip", "note"):
            if k not in m:
                err(f"{m['file']}: manifest lacks {k}")
        date = parsedate_to_datetime(m["headers"]["Date"])
        if date != ts(m["fetched_at"]):
            err(f"{m['file']}: Date header != fetched_at")
        captured_urls.setdefault(m["url"], []).append(m)
        raw = f.read_text(encoding="utf-8")
        if m["kind"] == "feed":
            lxml.etree.fromstring(raw.encode())
            continue
        doc = lxml.html.fromstring(raw)
        BeautifulSoup(raw, "lxml")
        BeautifulSoup(raw, "html.parser")
        for s in doc.xpath('//script[@type="application/ld+json" or @id="__NEXT_DATA__"]'):
            json.loads(s.text)
        outlet = "news1" if "news1.kr" in m["url"] else "cnn" if "cnn.com" in m["url"] else "nyt"
        if m["kind"] in ("article", "irrelevant"):
            text, pub = body_text(outlet, raw)
            bodies[m["file"]] = text
            if not pub:
                err(f"{m['file']}: no publication date")
            elif not (0 < (ts(m["fetched_at"]) - ts(pub)).total_seconds() < 36 * 3600):
                err(f"{m['file']}: fetched_at not minutes-to-hours after publication")
            n_par = text.count("\n") + 1
            if not 5 <= n_par <= 32:
                err(f"{m['file']}: {n_par} paragraphs")
            if m["headers"].get("Last-Modified"):
                lm = parsedate_to_datetime(m["headers"]["Last-Modified"])
                if lm > ts(m["fetched_at"]):
                    err(f"{m['file']}: Last-Modified after fetch")
        if m["kind"] == "bot_wall":
            if m["status"] != 403 or "captcha-delivery.com" not in raw or "suspect that you're a robot" not in raw:
                err(f"{m['file']}: not a DataDome 403 page")
            if not m["headers"].get("X-DataDome") or "datadome=" not in m["headers"].get("Set-Cookie", ""):
                err(f"{m['file']}: DataDome headers missing")
        if m["kind"] == "non_article":
            if 'data-page-type="article"' in raw or '"NewsArticle"' in raw:
                err(f"{m['file']}: non-article page looks like an article")

    # feeds: every item that points to an article has a capture
    skip = re.compile(r"news1\.kr/photos/|cnn\.com/videos/|/live-news/|/gallery/|nytimes\.com/(live|video|interactive"
                      r"|athletic)/")
    for m in manifest:
        if m["kind"] != "feed":
            continue
        tree = lxml.etree.fromstring((ROOT / m["file"]).read_bytes())
        locs = [e.text.strip() for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        locs += [e.text.strip() for e in tree.iter("link") if e.getparent().tag == "item"]
        if not locs:
            err(f"{m['file']}: empty feed")
        for u in locs:
            if skip.search(u):
                continue
            caps = captured_urls.get(u)
            if not caps:
                err(f"{m['file']}: item {u} has no capture")

    # story figures, verbatim, in the page bodies
    def need(file_part: str, *surfaces: str) -> None:
        hits = [f for f in bodies if file_part in f]
        if len(hits) != 1:
            err(f"figure check: {file_part!r} matches {hits}")
            return
        for s in surfaces:
            if s not in bodies[hits[0]]:
                err(f"{hits[0]}: figure {s!r} missing from body")

    need("5673971_seed", "557만 6000달러", "1억 달러", "20분의 1", "약 2000개", "1만 6000개", "약 1년", "11개 기업",
         "약 1억 300만 달러", "2000개 이상")
    need("nyt/2025-01-23_", "about $6 million")
    need("cnn/2025-01-27_deepseek-ai-explainer", "$5.6 million", "down about 12%", "2,048 Nvidia H800 chips")
    need("5673402", "557만6000달러(약 78억8000만원)", "600만 달러 미만", "최대 1만6000개 이상", "약 2000개", "11.20%")
    need("cnn/2025-01-28_", "less than $6 million", "more than 50,000", "CNBC", "$103 million", "2,000")
    need("5677950", "5억 달러(약 7290억 원)", "약 90배", "557만 6000달러(약 81억 원)")
    need("5674703", "5576만 달러")
    need("nyt/2025-01-27_deepseek-fewer", "16,000 or more chips", "about 2,000", "March 21, 2023", "Oct. 17, 2023")
    need("nyt/2025-06-23_", "fewer than 50,000", "Reuters")
    need("_v2.html", "$589 billion", "17%", "Correction: An earlier version of this story misstated")
    need("_v1.html", "$593 billion", "17%")
    need("nyt/2025-01-27_nvidia", "nearly $600 billion")
    need("5673611", "846조 원")
    need("nyt/2024-08-04_", "more than 2,000", "$103 million", "11 companies")
    need("5674085", "2000개", "1억300만달러(약 1500억원)")
    need("cnn/2025-04-15_", "April 9", "about $5.5 billion", "$12 billion to $15 billion", "March 21, 2023",
         "October 17, 2023")
    need("nyt/2025-07-24_", "July 14", "At least $1 billion", "B200", "Financial Times")
    need("5842510", "14일(현지시간)")
    need("nyt/2025-12-08_", "25%", "at least $160 million", "about 7,000 chips", "H200")
    need("5989120", "25%")
    need("cnn/2025-08-05_", "more than 200 Nvidia H100", "$28.4 million")
    need("cnn/2025-09-17_", "$294,000", "512 Nvidia H800", "80 hours")
    need("5907833", "29만4000달러")
    need("5908811", "39만달러")
    need("cnn/2025-01-31_", "about 50,000 Hopper GPUs", "$1.6 billion")
    for f, t in bodies.items():
        if "5674703" not in f and "5576만" in t:
            err(f"{f}: unexpected unit error")
        if "_v1" not in f and "$593 billion" in t:
            err(f"{f}: $593 billion outside v1")

    # irrelevant pages: numbers, but no topic keywords anywhere in the body
    kw = re.compile(r"\bAI\b|A\.I\.|(?i:chip|nvidia|export|deepseek|semiconductor|gpu)|딥시크|엔비디아|반도체|칩|수출")
    irrelevant = [m["file"] for m in manifest if m["kind"] == "irrelevant"]
    if len(irrelevant) < 4:
        err("fewer than 4 irrelevant pages")
    for f in irrelevant:
        t = bodies[f]
        if kw.search(t):
            err(f"{f}: irrelevant page has topic keyword {kw.search(t).group(0)!r}")
        if len(re.findall(r"\d", t)) < 8:
            err(f"{f}: irrelevant page has too few numbers")

    # the revision pair: same URL, later dateModified, only the figure + timestamp + correction differ
    v = sorted((m for m in manifest if m["file"].endswith(("_v1.html", "_v2.html"))), key=lambda m: m["fetched_at"])
    if len(v) != 2 or v[0]["url"] != v[1]["url"] or v[0]["headers"]["ETag"] == v[1]["headers"]["ETag"]:
        err("revision pair malformed")
    else:
        a, b = ((ROOT / m["file"]).read_text(encoding="utf-8") for m in v)
        import difflib

        changed = [d for d in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
                   if d[:1] in "+-" and not d.startswith(("+++", "---"))]
        allowed = ("article:modified_time", "dateModified", "Updated ", "lost $58", "lost $59", "Correction:", "</p>",
                   "<p class=")
        bad = [d for d in changed if not any(x in d for x in allowed)]
        if bad or len(changed) > 12:
            err(f"revision pair differs too much: {bad or len(changed)}")

    n_articles = sum(1 for m in manifest if m["kind"] in ("article", "irrelevant"))
    if n_articles < 26:
        err(f"only {n_articles} article pages")
    for e in errors:
        print("ERROR", e)
    print(f"{len(manifest)} captures, {n_articles} article pages, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
