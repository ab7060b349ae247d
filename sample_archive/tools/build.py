"""Build the chipwatch sample archive: pages/, feeds/, manifest.jsonl and README.md.

Run from anywhere:  .venv/bin/python sample_archive/tools/build.py
The output is deterministic (no clock, no randomness), so re-running it only changes files whose specs changed.
The article texts live in content_news1.py, content_cnn.py and content_nyt.py; the markup is written here in the
shape of each outlet's real pages (see shared/design/outlets.md), not copied from them.
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import content_cnn  # noqa: E402
import content_news1  # noqa: E402
import content_nyt  # noqa: E402

ET = ZoneInfo("America/New_York")
KST = ZoneInfo("Asia/Seoul")

N1 = "https://www.news1.kr"
CNN = "https://www.cnn.com"
NYT = "https://www.nytimes.com"


# ---------------------------------------------------------------------------------------------------- helpers
def parse_ts(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def utc(s: str) -> datetime:
    return parse_ts(s).astimezone(UTC)


def rfc1123(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


def iso_z(dt: datetime, ms: bool = False) -> str:
    dt = dt.astimezone(UTC)
    if ms:
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def h(s: str) -> str:
    return html.escape(s, quote=True)


def short_hash(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:n]


def ld_json(obj) -> str:
    """JSON for a <script> element: parses with json.loads, never closes the element early."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def next_json(obj) -> str:
    """Next.js escapes <, > and & inside __NEXT_DATA__ as \\u003c etc."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def strip_tags(s: str) -> str:
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", s))


def write(rel: str, text: str) -> None:
    p = ROOT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def file_etag(rel: str, weak: bool = False) -> str:
    digest = hashlib.sha1((ROOT / rel).read_bytes()).hexdigest()
    tag = f'"{digest[:8]}-{digest[8:24]}"'
    return "W/" + tag if weak else tag


# ---------------------------------------------------------------------------------------------------- News1
def kst_display(dt: datetime) -> str:
    d = dt.astimezone(KST)
    ampm = "오전" if d.hour < 12 else "오후"
    hour = d.hour % 12 or 12
    return f"{d:%Y.%m.%d} {ampm} {hour}:{d:%M}"


def n1_url(a) -> str:
    sec, sub = a["section"]
    return f"{N1}/{sec}/{sub}/{a['id']}"


def news1_page(a) -> str:
    url = n1_url(a)
    pub = parse_ts(a["published"])
    mod = parse_ts(a["modified"])
    img_url = content_news1.IMG + a["image"]
    content_arrange = []
    body_html = []
    ad_no = 0
    for b in a["blocks"]:
        if b[0] == "p":
            content_arrange.append({"type": "text", "content": b[1]})
            body_html.append(f"<p>{b[1]}</p>")
        elif b[0] == "sub":
            content_arrange.append({"type": "stitle", "content": b[1]})
            body_html.append(f'<div class="article_content_stitle"><strong>{h(b[1])}</strong></div>')
        elif b[0] == "img":
            cap, path = b[1], b[2]
            content_arrange.append({"type": "image", "url": content_news1.IMG + path, "caption": cap,
                                    "width": 1400, "height": 933})
            body_html.append(
                f'<figure class="article-photo"><img src="{h(content_news1.IMG + path)}" '
                f'alt="본문 이미지 - {h(cap)}" width="1400" height="933" loading="lazy"/>'
                f'<figcaption class="article-photo-caption">{h(cap)}</figcaption></figure>')
        elif b[0] == "ad":
            ad_no += 1
            content_arrange.append({"type": "ad", "ad_id": f"article_middle_{ad_no}"})
            body_html.append(
                f'<div class="ads-article-warp"><div class="ads-article-inner" id="div-gpt-ad-article-middle-{ad_no}">'
                f'<span class="ads-label">AD</span></div></div>')
    sub_plain = a["sub_title"]
    reporter_name = a["author"].rsplit(" ", 1)[0]
    view = {
        "id": a["id"],
        "title": a["title"],
        "sub_title": sub_plain,
        "description": a["description"],
        "author": a["author"],
        "reporter_box": [{"name": reporter_name, "position": a["author"].rsplit(" ", 1)[1], "email": a["email"],
                          "profile_url": f"{N1}/reporter/{short_hash(a['email'], n=6)}"}],
        "published_time": pub.isoformat(),
        "pubdate_at": pub.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S"),
        "modified_time": mod.isoformat(),
        "updated_at": mod.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S"),
        "category_array": [{"name": n} for n in a["section_names"]],
        "keywords_array": a["keywords"],
        "image": img_url,
        "image_array": [content_news1.IMG + b[2] for b in a["blocks"] if b[0] == "img"],
        "canonical_url": url,
        "url": url,
        "contentArrange": content_arrange,
    }
    sec, sub = a["section"]
    next_data = {
        "props": {"pageProps": {"articleView": view, "isAmp": False}, "__N_SSP": True},
        "page": "/[section]/[subsection]/[id]",
        "query": {"section": sec, "subsection": sub, "id": str(a["id"])},
        "buildId": "n1web-2025.01-b7c3e91",
        "isFallback": False,
        "gssp": True,
        "scriptLoader": [],
    }
    updated = ""
    if mod > pub:
        updated = (f'<span class="article-updated">업데이트 <time datetime="{mod.isoformat()}">{kst_display(mod)}'
                   f"</time></span>")
    title_h = h(a["title"])
    meta_sections = "\n".join(
        f'<meta property="article:section{"" if i == 0 else i + 1}" content="{h(n)}"/>'
        for i, n in enumerate(a["section_names"]))
    nav = "".join(f'<li><a href="/{s}">{n}</a></li>' for s, n in [
        ("politics", "정치"), ("economy", "경제"), ("society", "사회"), ("world", "국제"), ("it-science", "IT·과학"),
        ("finance", "금융"), ("realestate", "부동산"), ("life-culture", "라이프"), ("sports", "스포츠")])
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charSet="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{title_h} - 뉴스1</title>
<meta name="description" content="{h(a['description'])}"/>
<meta name="keywords" content="{h(','.join(a['keywords']))}"/>
<link rel="canonical" href="{url}"/>
<link rel="amphtml" href="{N1}/amp/{sec}/{sub}/{a['id']}"/>
<meta property="og:type" content="article"/>
<meta property="og:site_name" content="뉴스1"/>
<meta property="og:title" content="{title_h}"/>
<meta property="og:description" content="{h(a['description'])}"/>
<meta property="og:image" content="{img_url}"/>
<meta property="og:url" content="{url}"/>
<meta name="twitter:card" content="summary_large_image"/>
<meta name="twitter:title" content="{title_h}"/>
<meta name="twitter:image" content="{img_url}"/>
<meta property="dable:item_id" content="{a['id']}"/>
<meta property="dable:author" content="{h(a['author'])}"/>
<meta property="dable:image" content="{img_url}"/>
{meta_sections}
<meta property="article:published_time" content="{pub.isoformat()}"/>
<link rel="preload" href="/_next/static/css/8f0c2a41d6e5b3a7.css" as="style"/>
<link rel="stylesheet" href="/_next/static/css/8f0c2a41d6e5b3a7.css" data-n-g=""/>
<script src="/_next/static/chunks/webpack-3d9b2f1c0a8e7d64.js" defer=""></script>
<script src="/_next/static/chunks/framework-0c7baedefba6b077.js" defer=""></script>
<script src="/_next/static/chunks/pages/%5Bsection%5D/%5Bsubsection%5D/%5Bid%5D-5f1e6a9c2b7d3e40.js" defer=""></script>
</head><body><div id="__next"><div class="wrapper">
<header class="n1-header"><div class="n1-header-top"><a class="n1-logo" href="/" aria-label="뉴스1 홈">
<img src="/images/logo/news1_logo.svg" alt="뉴스1" width="96" height="28"/></a>
<a class="n1-header-link" href="/latest">최신기사</a><a class="n1-header-link" href="/trend">많이 본 뉴스</a></div>
<nav class="n1-gnb"><ul>{nav}</ul></nav></header>
<main class="container"><div class="row"><article class="col-lg-8 article-view">
<div class="article-h2-header">
<ul class="article-breadcrumb">{''.join(f'<li>{h(n)}</li>' for n in a['section_names'])}</ul>
<h1 class="article-h2-header-title">{title_h}</h1>
<h2 class="article-h2-header-subtitle2">{sub_plain}</h2>
<div class="box--report-top"><a href="{view['reporter_box'][0]['profile_url']}" class="report-name">{h(a['author'])}</a></div>
<div id="article_created" class="article-created"><time datetime="{pub.isoformat()}">{kst_display(pub)}</time>{updated}</div>
<div class="article-util"><button type="button" class="btn-font" aria-label="글자 크기">가</button><button type="button" class="btn-share" aria-label="공유하기">공유</button></div>
</div>
<div id="articleBodyContent" class="article-body">
{chr(10).join(body_html)}
</div>
<div class="article-keyword"><ul>{''.join(f'<li><a href="/search?query={h(k)}">#{h(k)}</a></li>' for k in a['keywords'])}</ul></div>
<div class="article-report-box"><strong>{h(a['author'])}</strong><span>{h(a['email'])}</span>
<a href="{view['reporter_box'][0]['profile_url']}">기자 구독</a></div>
</article>
<aside class="col-lg-4 article-aside"><section class="aside-ranking"><h3>많이 본 뉴스</h3>
<ol><li><a href="/latest">실시간 주요 뉴스 더보기</a></li></ol></section>
<div class="ads-article-warp aside-ad"><div id="div-gpt-ad-aside-1"><span class="ads-label">AD</span></div></div></aside>
</div></main>
<footer class="n1-footer"><div class="footer-info">
<p>대표이사/발행인 : 이영섭 | 편집인 : 채원배 | 편집국장 : 김기성 | 주소 : 서울시 종로구 종로 47 (공평동,SC빌딩17층)</p>
<p>사업자등록번호 : 101-86-62870 | 고충처리인 : 김성환 | 청소년보호책임자 : 안병길 | 통신판매업신고 : 서울종로 0676호 | 등록일 : 2011. 05. 26</p>
<p>제호 : 뉴스1코리아(읽기: 뉴스원코리아) | 대표 전화 : 02-397-7000 | 대표 이메일 : webmaster@news1.kr</p>
<p class="copyright">Copyright ⓒ 뉴스1. All rights reserved. 무단 사용 및 재배포, AI학습 활용 금지.</p>
</div></footer>
</div></div>
<script id="__NEXT_DATA__" type="application/json">{next_json(next_data)}</script>
</body></html>
"""


# ---------------------------------------------------------------------------------------------------- CNN
def cnn_stamp(published: datetime, modified: datetime) -> str:
    updated = modified - published > timedelta(minutes=5)
    d = (modified if updated else published).astimezone(ET)
    hour = d.hour % 12 or 12
    ampm = "AM" if d.hour < 12 else "PM"
    return (f"{'Updated' if updated else 'Published'} {hour}:{d:%M} {ampm} {d.tzname()}, "
            f"{d:%a} {d:%B} {d.day}, {d.year}")


def cnn_uri(kind: str, *seed: str) -> str:
    return f"cms.cnn.com/_components/{kind}/instances/{'cl' + short_hash(kind, *seed, n=22)}@published"


def cnn_image(caption: str, credit: str, name: str, seed: str, lazy: bool = True) -> str:
    src = content_cnn.MEDIA + name
    return f"""<div data-uri="{cnn_uri('image', seed, name)}" class="image image__hide-placeholder" data-image-variation="image" data-component-name="image" data-original-ratio="0.5625" data-original-height="1080" data-original-width="1920" data-url="{h(src)}?c=original">
  <div class="image__container" data-image-variation="image"><picture class="image__picture"><img src="{h(src)}?c=16x9&amp;q=h_720,w_1280,c_fill" alt="{h(caption)}" class="image__dam-img" height="1080" width="1920"{' loading="lazy"' if lazy else ''}/></picture></div>
  <div class="image__metadata"><div itemprop="caption" class="image__caption attribution"><span data-editable="metaCaption" class="inline-placeholder">{h(caption)}</span></div>
  <figcaption class="image__credit">{h(credit)}</figcaption></div>
</div>"""


def cnn_ad(slot: str) -> str:
    return f"""<div class="ad-slot-dynamic ad-slot-dynamic--article" data-unselectable="true"><div data-uri="{cnn_uri('ad-slot', slot)}" class="ad-slot" data-desktop-slot-id="{slot}" data-mobile-slot-id="{slot}" data-unselectable="true">
  <div class="ad-slot__feedback ad-feedback-link-container"><div class="ad-slot__ad-label">Advertisement</div>
  <div data-ad-type="DISPLAY" data-ad-identifier="{slot}" class="ad-feedback-link"><div class="ad-feedback-link__label">Ad Feedback</div></div></div></div></div>"""


CNN_NEWSLETTER = """<div class="newsletter-inline" data-component-name="newsletter-inline" data-unselectable="true">
  <div class="newsletter-inline__content"><h3 class="newsletter-inline__title">Sign up for CNN’s Reliable Sources newsletter</h3>
  <p class="newsletter-inline__description">The biggest stories in business and tech, in your inbox every weekday.</p>
  <form class="newsletter-inline__form"><input type="email" class="newsletter-inline__input" placeholder="Enter your email" aria-label="Email address"/>
  <button type="submit" class="newsletter-inline__button">Sign me up</button></form></div></div>"""


def cnn_header(section: str) -> str:
    links = "".join(f'<a class="header__nav-item-link" href="{CNN}/{p}">{n}</a>' for p, n in [
        ("us", "US"), ("world", "World"), ("politics", "Politics"), ("business", "Business"),
        ("health", "Health"), ("entertainment", "Entertainment"), ("business/tech", "Tech"),
        ("style", "Style"), ("travel", "Travel"), ("sport", "Sports"), ("weather", "Weather")])
    return f"""<nav id="pageHeader" class="header" data-analytics-aggregate-events="true"><div class="header__inner">
  <div class="header__container"><a class="brand-logo" href="{CNN}" aria-label="CNN logo"><span class="brand-logo__text">CNN</span></a>
  <div class="header__nav">{links}</div><a class="header__subscribe" href="{CNN}/subscription">Subscribe</a>
  <a class="header__signin" href="{CNN}/account/log-in">Sign in</a></div></div></nav>"""


def cnn_footer(year: int) -> str:
    return f"""<footer id="pageFooter" class="footer"><div class="footer__inner">
  <a class="brand-logo footer__logo" href="{CNN}"><span class="brand-logo__text">CNN</span></a>
  <div class="footer__edition-picker">Edition: US | International</div><hr class="footer__divider">
  <nav class="footer__links"><a href="{CNN}/terms" class="footer__link">Terms of Use</a><a href="{CNN}/privacy" class="footer__link">Privacy Policy</a>
  <a href="{CNN}/ad-choices" class="footer__link">Ad Choices</a><a href="{CNN}/accessibility" class="footer__link">Accessibility &amp; CC</a>
  <a href="{CNN}/about" class="footer__link">About</a><a href="{CNN}/newsletters" class="footer__link">Newsletters</a>
  <a href="{CNN}/transcripts" class="footer__link">Transcripts</a></nav>
  <p class="footer__copyright-text">© {year} Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved. <br/> CNN Sans ™ &amp; © 2016 Cable News Network.</p>
</div></footer>"""


def cnn_page(a, modified: str, blocks, fill: dict | None = None, correction: str | None = None) -> str:
    url = CNN + a["path"]
    pub = parse_ts(a["published"])
    mod = parse_ts(modified)
    fill = fill or {}
    cap, credit, img = a["image"]
    para_cls = "paragraph inline-placeholder vossi-paragraph-primary-core-light"
    body = []
    ad_i = 0
    for i, b in enumerate(blocks):
        seed = f"{a['key']}-{i}"
        if b[0] == "p":
            text = b[1].format(**fill) if fill else b[1]
            body.append(f'<p class="{para_cls}" data-uri="{cnn_uri("paragraph", seed)}" data-editable="text" '
                        f'data-component-name="paragraph" data-article-gutter="true">\n      {text}\n  </p>')
        elif b[0] == "sub":
            body.append(f'<h2 class="subheader" data-editable="text" data-component-name="subheader" '
                        f'data-uri="{cnn_uri("subheader", seed)}">{h(b[1])}</h2>')
        elif b[0] == "img":
            body.append(cnn_image(b[1], b[2], b[3], seed))
        elif b[0] == "related":
            body.append(f"""<div data-uri="{cnn_uri('related-content', seed)}" class="related-content related-content--article" data-article-gutter="true">
  <a class="related-content__link" href="{b[2]}"><p class="related-content__label">Related article</p>
  <p class="related-content__headline"><span class="related-content__headline-text" data-editable="content.headline">{h(b[1])}</span></p></a>
</div>""")
        elif b[0] == "ad":
            ad_i += 1
            body.append(cnn_ad(f"ad_ns_btf_0{ad_i}"))
        elif b[0] == "newsletter":
            body.append(CNN_NEWSLETTER)
    if correction:
        body.append(f'<p class="{para_cls}" data-uri="{cnn_uri("paragraph", a["key"], "correction")}" '
                    f'data-editable="text" data-component-name="paragraph" data-article-gutter="true">\n      '
                    f"{correction}\n  </p>")
    title = a["title"]
    desc = a["description"].format(**fill) if fill else a["description"]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": desc,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "url": url},
        "datePublished": iso_z(pub, ms=True),
        "dateModified": iso_z(mod, ms=True),
        "author": a["ld_author"],
        "articleSection": [a["section"]],
        "inLanguage": "en",
        "image": [{"@type": "ImageObject", "contentUrl": content_cnn.MEDIA + img + "?c=original", "caption": cap,
                   "creditText": credit, "width": "1920", "height": "1080"}],
        "thumbnailUrl": content_cnn.MEDIA + img + "?c=original",
        "publisher": {"@type": "NewsMediaOrganization", "name": "CNN", "url": "https://www.cnn.com",
                      "logo": "https://media.cnn.com/api/v1/images/stellar/prod/cnnlogo.png?q=w_60,h_61",
                      "foundingDate": "1980-06-01"},
    }
    page_title = f"{title} | CNN" + (" Business" if a["section"] == "tech" else "")
    stamp = cnn_stamp(pub, mod)
    words = sum(len(strip_tags(b[1]).split()) for b in blocks if b[0] == "p")
    body_cls = {"tech": "business", "sport": "sport", "weather": "weather"}.get(a["section"], a["section"])
    return f"""<!DOCTYPE html>
<html lang="en" data-uri="cms.cnn.com/_pages/{short_hash(url, n=24)}@published" data-layout-uri="cms.cnn.com/_layouts/layout-with-rail/instances/{body_cls}-article-v1@published">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1,shrink-to-fit=no">
<title>{h(page_title)}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{h(title)}">
<meta name="twitter:title" content="{h(title)}">
<meta name="description" content="{h(desc)}">
<meta property="og:description" content="{h(desc)}">
<meta property="og:image" content="{content_cnn.MEDIA}{img}?c=16x9&amp;q=w_800,c_fill">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="CNN">
<meta name="template_type" content="article_leaf">
<meta name="meta-section" content="{a['section']}">
<meta name="article:published_time" content="{iso_z(pub, ms=True)}">
<meta name="article:modified_time" content="{iso_z(mod, ms=True)}">
<meta name="author" content="{h(a['author_meta'])}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@CNN">
<link rel="stylesheet" href="/media/sites/cnn/cnn-fonts.css">
<script>window.CNN = window.CNN || {{}}; window.CNN.contentModel = {{"pageType":"article","section":"{a['section']}","vertical":"{body_cls}"}};</script>
<script type="application/ld+json">{ld_json(ld)}</script>
</head>
<body class="layout layout-with-rail article_leaf {body_cls}" data-page-type="article">
<div class="layout__content-wrapper layout-with-rail__content-wrapper">
<header class="layout__header layout-with-rail__header">
{cnn_header(a['section'])}
</header>
<section class="layout__top layout-with-rail__top" data-editable="top">
  <div data-uri="{cnn_uri('headline', a['key'])}" class="headline headline--has-lowertext" data-component-name="headline">
  <div class="headline__wrapper">
    <h1 data-editable="headlineText" class="headline__text inline-placeholder" id="maincontent">
      {h(title)}
    </h1>
  </div>
  <div class="headline__footer"><div class="headline__sub-container"><div class="headline__sub-text">
    <div data-uri="{cnn_uri('byline', a['key'])}" class="byline" data-editable="settings">
      <div class="byline__names">
        {a['byline_html']}
      </div>
    </div>
    <div class="headline__byline-sub-text">
      <div class="headline__sub-description">{max(1, round(words / 230))} minute read</div>
      <div class="timestamp" data-uri="{cnn_uri('timestamp', a['key'])}" data-editable="settings">
        {stamp}
      </div>
    </div>
  </div></div></div>
  </div>
  {cnn_ad("ad_ns_atf_01")}
</section>
<section class="layout__wrapper layout-with-rail__wrapper">
<section class="layout__main-wrapper layout-with-rail__main-wrapper">
<section class="layout__main layout-with-rail__main" data-editable="main">
<article data-uri="{cnn_uri('article', a['key'])}" class="article" role="main" data-unselectable="true">
<section class="body tabcontent active" data-tabcontent="Content">
<main class="article__main">
<div class="image__lede article__lede-wrapper" data-editable="lede">
{cnn_image(cap, credit, img, a['key'] + '-lede', lazy=False)}
</div>
<div class="article__content-container">
<div class="article__content" data-editable="content" itemprop="articleBody" data-reorderable="content">
<div data-uri="{cnn_uri('source', a['key'])}" class="source inline-placeholder" data-article-gutter="true">
  <cite class="source__cite"><span class="source__location" data-editable="location">{h(a['dateline'])}</span>
  <span class="source__text" data-editable="source">CNN</span>&nbsp;&mdash;&nbsp;</cite>
</div>
{chr(10).join(body)}
</div>
</div>
<div class="article__content-footer"><div class="social-share__bottom">Share this article</div>
<div class="related-content__footer"><h3 class="related-content__footer-title">More from CNN</h3></div></div>
</main>
</section>
</article>
</section>
</section>
<section class="layout__right layout-with-rail__right" data-editable="right">
  {cnn_ad("ad_rect_atf_01")}
  <div class="container container_list-headlines" data-collapsed-text="Most read"><h2 class="container__title-text">Most read</h2></div>
</section>
</section>
<div class="layout__bottom layout-with-rail__bottom">
{cnn_footer(pub.year)}
</div>
</div>
<script src="/js/cnn-main.min.js" defer></script>
</body>
</html>
"""


def cnn_section_front(fetched: str, items: list[tuple[str, str, str]]) -> str:
    """The CNN business/tech section front: headline lists, no article body, no NewsArticle."""
    url = f"{CNN}/business/tech"
    ld = {"@context": "https://schema.org", "@type": "CollectionPage", "name": "Tech news", "url": url,
          "description": "View the latest technology headlines, gadget and smartphone trends, and insights from "
                         "tech industry leaders.",
          "publisher": {"@type": "NewsMediaOrganization", "name": "CNN", "url": "https://www.cnn.com"}}
    cards = []
    for i, (href, title, kind) in enumerate(items):
        label = '<span class="container__video-label">Video</span>' if kind == "video" else ""
        cards.append(
            f'<li class="card container__item container__item--type-{kind}" data-uri="{cnn_uri("card", href)}">'
            f'<a href="{href}" class="container__link container__link--type-{kind}" data-link-type="{kind}">'
            f'<div class="container__item-media"><img class="image__dam-img" alt="" '
            f'src="https://media.cnn.com/api/v1/images/stellar/prod/tech-card-{i}.jpg?c=16x9&amp;q=h_144,w_256"/>'
            f'</div><div class="container__text"><span class="container__headline-text" data-editable="headline">'
            f"{h(title)}</span>{label}</div></a></li>")
    zones = [("Latest in tech", cards[:4]), ("DeepSeek and the AI race", cards[4:])]
    zone_html = "\n".join(
        f'<div class="zone zone--t-light"><div class="container container_lead-plus-headlines">'
        f'<div class="container__title"><h2 class="container__title-text">{t}</h2></div>'
        f'<ul class="container__field-links">{"".join(c)}</ul></div></div>' for t, c in zones)
    return f"""<!DOCTYPE html>
<html lang="en" data-uri="cms.cnn.com/_pages/business-tech@published">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,shrink-to-fit=no">
<title>Tech news: latest headlines, gadgets and more | CNN Business</title>
<link rel="canonical" href="{url}">
<meta name="description" content="{h(ld['description'])}">
<meta property="og:title" content="Tech news | CNN Business">
<meta property="og:type" content="website">
<meta property="og:url" content="{url}">
<meta name="template_type" content="section">
<meta name="meta-section" content="business">
<script type="application/ld+json">{ld_json(ld)}</script>
</head>
<body class="layout layout-homepage business" data-page-type="section">
<div class="layout__content-wrapper">
<header class="layout__header">{cnn_header('business')}</header>
<section class="layout__top"><h1 class="headline__text section-title">Tech</h1>{cnn_ad("ad_bnr_atf_01")}</section>
<section class="layout__main" data-editable="main">
{zone_html}
{cnn_ad("ad_bnr_btf_01")}
</section>
<div class="layout__bottom">{cnn_footer(parse_ts(fetched).year)}</div>
</div>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------------- NYT
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def nyt_date(dt: datetime) -> str:
    d = dt.astimezone(ET)
    return f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year}"


def nyt_time(dt: datetime) -> str:
    d = dt.astimezone(ET)
    hour = d.hour % 12 or 12
    ampm = "a.m." if d.hour < 12 else "p.m."
    mins = "" if d.minute == 0 else f":{d:%M}"
    return f"{nyt_date(dt)}, {hour}{mins} {ampm} ET"


def css(seed: str) -> str:
    return "css-" + short_hash("css", seed, n=6)


def nyt_byline(authors) -> str:
    names = [n for n, _ in authors]
    if len(names) == 1:
        return f"By {names[0]}"
    return "By " + ", ".join(names[:-1]) + " and " + names[-1]


def nyt_figure(caption: str, credit: str, base: str, seed: str, header: bool = False) -> str:
    src = content_nyt.STATIC + base
    stem = base.rsplit("/", 1)[1]
    return (f'<figure class="sizeMedium layoutHorizontal {css("fig" + seed)}" aria-label="media" role="group" '
            f'itemscope="" itemProp="associatedMedia" itemID="{src}/{stem}-articleLarge.jpg" '
            f'itemType="http://schema.org/ImageObject"><div class="{css("figdiv")}"><picture>'
            f'<img alt="{h(caption)}" class="{css("img")}" src="{src}/{stem}-articleLarge.jpg?quality=75&amp;auto=webp" '
            f'decoding="async" itemProp="url" width="600" height="400"/></picture></div>'
            f'<figcaption itemProp="caption description" class="{css("figcap")} e1maroi60">'
            f'<span aria-hidden="true" class="{css("capspan")} e13ogyst0">{h(caption)}</span>'
            f'<span itemProp="copyrightHolder" class="{css("credit")} e1z0qqy90"><span class="{css("creditlabel")} '
            f'e1tej78p0">Credit...</span><span><span>{h(credit)}</span></span></span></figcaption></figure>')


def nyt_ad(slot: str) -> str:
    return (f'<div class="{css("adwrap")}"><div id="{slot}-wrapper" class="{css("adwrap2")}"><div id="{slot}-slug" '
            f'class="{css("adslug")}"><p>Advertisement</p></div><a href="#after-{slot}" '
            f'class="{css("skip")}">SKIP ADVERTISEMENT</a><div class="ad {slot}-wrapper" style="text-align:center;'
            f'height:100%;display:block;min-height:250px"><div id="{slot}" class="place-ad" data-position="{slot}" '
            f'data-size-key="{slot}"></div></div><div id="after-{slot}"></div></div></div>')


def nyt_shell_top(section: str) -> str:
    return (f'<div id="app"><div><div class=""><div><div class="NYTAppHideMasthead {css("masthead")} e1m0pzr40">'
            f'<header class="{css("hdr")} e1m0pzr41"><section class="{css("hdrsec")} e1m0pzr42">'
            f'<button aria-haspopup="true" aria-expanded="false" aria-label="Sections Navigation &amp; Search" '
            f'class="{css("navbtn")}" data-testid="nav-button" type="button"></button>'
            f'<a class="{css("skip")}" href="#site-content">Skip to content</a>'
            f'<a class="{css("skip")}" href="#site-index">Skip to site index</a>'
            f'<div id="masthead-section-label" class="{css("seclabel")}"><a href="{NYT}/section/{section.lower()}" '
            f'class="{css("seclink")}">{section}</a></div>'
            f'<a data-testid="masthead-mobile-logo" aria-label="New York Times Logo. Click to visit the homepage" '
            f'class="{css("logo")}" href="/">The New York Times</a></section>'
            f'<section id="masthead-bar-one" class="hasLinks {css("bar")}"><div class="{css("login")}">'
            f'<a href="https://myaccount.nytimes.com/auth/login?response_type=cookie&amp;client_id=vi" '
            f'data-testid="login-link" class="{css("loginlink")}">Log in</a></div>'
            f'<div class="{css("paper")}"><a href="{NYT}/section/todayspaper" class="{css("paperlink")}">Today’s Paper'
            f'</a></div></section></header></div></div>')


def nyt_footer(year: int) -> str:
    links = "".join(f'<li class="{css("fli")}"><a data-testid="footer-link" class="{css("flink")}" href="{u}">{t}</a></li>'
                    for t, u in [("NYTCo", "https://www.nytco.com/"),
                                 ("Contact Us", "https://help.nytimes.com/hc/en-us/articles/115015385887-Contact-Us"),
                                 ("Accessibility", "https://help.nytimes.com/hc/en-us/articles/115015727108-Accessibility"),
                                 ("Work with us", "https://www.nytco.com/careers/"),
                                 ("Advertise", "https://nytmediakit.com/"),
                                 ("Privacy Policy", f"{NYT}/privacy/privacy-policy"),
                                 ("Terms of Service", "https://help.nytimes.com/hc/en-us/articles/115014893428-Terms-of-service"),
                                 ("Site Map", f"{NYT}/sitemap/"), ("Help", "https://help.nytimes.com/hc/en-us"),
                                 ("Subscriptions", f"{NYT}/subscription")])
    return (f'<nav class="{css("siteindex")}" id="site-index" aria-labelledby="site-index-label" data-testid="site-index">'
            f'<h2 class="{css("sr")}" id="site-index-label">Site Index</h2></nav>'
            f'<footer class="{css("footer")}" role="contentinfo"><nav data-testid="footer" class="{css("fnav")}">'
            f'<h2 class="{css("sr")}">Site Information Navigation</h2><ul class="{css("ful")}"><li data-testid="copyright">'
            f'<a class="{css("flink")}" href="https://help.nytimes.com/hc/en-us/articles/115014792127-Copyright-notice">'
            f'© <span>{year}</span> <span>The New York Times Company</span></a></li></ul><ul class="{css("ful2")}">'
            f"{links}</ul></nav></footer>")


def nyt_page(a) -> str:
    url = NYT + a["path"]
    pub = parse_ts(a["published"])
    mod = parse_ts(a["modified"])
    pub_et = pub.astimezone(ET)
    cap, credit, img = a["image"]
    stem = img.rsplit("/", 1)[1]
    img_base = content_nyt.STATIC + img
    uri = "nyt://article/" + "-".join([short_hash(url, "a", n=8), short_hash(url, "b", n=4),
                                       "5" + short_hash(url, "c", n=3), "8" + short_hash(url, "d", n=3),
                                       short_hash(url, "e", n=12)])
    p_cls = f"{css('p')} evys1bk0"
    columns, cur, ad_n = [], [], 0
    for b in a["blocks"]:
        if b[0] == "p":
            cur.append(f'<p class="{p_cls}">{b[1]}</p>')
        elif b[0] == "sub":
            cur.append(f'<h2 class="{css("h2")} eoo0vm40">{h(b[1])}</h2>')
        elif b[0] == "img":
            cur.append(nyt_figure(b[1], b[2], b[3], b[3]))
        elif b[0] == "break":
            columns.append("".join(cur))
            cur = []
    columns.append("".join(cur))
    section_parts = []
    for i, col in enumerate(columns):
        if i > 0:
            ad_n += 1
            section_parts.append(nyt_ad(f"mid{ad_n}"))
        section_parts.append(f'<div class="{css("col")} StoryBodyCompanionColumn" data-testid="companionColumn-{i}">'
                             f'<div class="{css("colinner")}">{col}</div><aside class="{css("aside")}" '
                             f'aria-label="companion column"></aside></div>')
    authors = a["authors"]
    byl = nyt_byline(authors)
    byline_html = "".join(
        (", " if 0 < i < len(authors) - 1 else (" and " if i == len(authors) - 1 and i > 0 else ""))
        + f'<a href="{NYT}/by/{slug}" class="{css("bya")} e1jsehar0"><span class="{css("byname")} last-byline" '
          f'itemProp="name">{h(n)}</span></a>' for i, (n, slug) in enumerate(authors))
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "description": a["description"],
        "image": [{"@context": "https://schema.org", "@type": "ImageObject",
                   "url": f"{img_base}/{stem}-videoSixteenByNineJumbo1600.jpg", "height": 900, "width": 1600,
                   "caption": cap},
                  {"@context": "https://schema.org", "@type": "ImageObject",
                   "url": f"{img_base}/{stem}-superJumbo.jpg", "height": 1365, "width": 2048, "caption": cap}],
        "mainEntityOfPage": url,
        "url": url,
        "inLanguage": "en",
        "author": [{"@context": "https://schema.org", "@type": "Person", "url": f"{NYT}/by/{slug}", "name": n}
                   for n, slug in authors],
        "dateModified": mod.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "datePublished": pub.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "headline": a["title"],
        "dateline": "",
        "publisher": {"@id": "https://www.nytimes.com/#publisher"},
        "copyrightHolder": {"@id": "https://www.nytimes.com/#publisher"},
        "sourceOrganization": {"@id": "https://www.nytimes.com/#publisher"},
        "copyrightYear": pub_et.year,
        "isAccessibleForFree": False,
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".meteredContent"},
        "isPartOf": {"@type": ["CreativeWork", "Product"], "name": "The New York Times",
                     "productID": "nytimes.com:basic"},
    }
    org = {"@context": "https://schema.org", "@type": "NewsMediaOrganization", "name": "The New York Times",
           "logo": {"@context": "https://schema.org", "@type": "ImageObject",
                    "url": "https://static01.nyt.com/images/misc/NYT_logo_rss_250x40.png", "height": 40,
                    "width": 250},
           "url": "https://www.nytimes.com/", "@id": "https://www.nytimes.com/#publisher",
           "foundingDate": "1851-09-18", "sameAs": "https://en.wikipedia.org/wiki/The_New_York_Times"}
    related = ""
    if a.get("related"):
        lis = "".join(f'<li class="{css("relli")}"><a class="{css("rela")}" href="{NYT}{p}"><h3 class="{css("relh")}">'
                      f"{h(t)}</h3></a></li>" for t, p in a["related"])
        related = (f'<div class="{css("relwrap")}" data-testid="related-links"><h2 class="{css("relhead")}">'
                   f'Related Content</h2><ul class="{css("relul")}">{lis}</ul></div>')
    updated = ""
    if mod - pub > timedelta(minutes=10):
        updated = (f'<li class="{css("upd")}"><time dateTime="{mod.astimezone(ET).isoformat()}" class="{css("time")}">'
                   f"Updated {nyt_time(mod)}</time></li>")
    t = h(a["title"])
    d = h(a["description"])
    return f"""<!DOCTYPE html>
<html lang="en" class=" nytapp-vi-article " xmlns:og="http://opengraphprotocol.org/schema/">
  <head>
    <meta charset="utf-8" />
    <title data-rh="true">{t} - The New York Times</title>
    <meta data-rh="true" name="robots" content="noarchive, max-image-preview:large"/>
    <meta data-rh="true" name="description" content="{d}"/>
    <meta data-rh="true" property="twitter:url" content="{url}"/>
    <meta data-rh="true" property="twitter:title" content="{t}"/>
    <meta data-rh="true" property="twitter:description" content="{d}"/>
    <meta data-rh="true" property="twitter:card" content="summary_large_image"/>
    <meta data-rh="true" property="og:url" content="{url}"/>
    <meta data-rh="true" property="og:type" content="article"/>
    <meta data-rh="true" property="og:title" content="{t}"/>
    <meta data-rh="true" property="og:image" content="{img_base}/{stem}-facebookJumbo.jpg"/>
    <meta data-rh="true" property="og:image:alt" content="{h(cap)}"/>
    <meta data-rh="true" property="og:description" content="{d}"/>
    <meta data-rh="true" name="byl" content="{h(byl)}"/>
    <meta data-rh="true" name="pdate" content="{pub_et:%Y%m%d}"/>
    <meta data-rh="true" name="ptime" content="{pub_et:%Y%m%d%H%M%S}"/>
    <meta data-rh="true" name="utime" content="{mod.astimezone(ET):%Y%m%d%H%M%S}"/>
    <meta data-rh="true" property="article:published_time" content="{pub.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S.000Z')}"/>
    <meta data-rh="true" property="article:modified_time" content="{mod.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S.000Z')}"/>
    <meta data-rh="true" property="article:section" content="{a['section']}"/>
    <meta data-rh="true" property="article:opinion" content="false"/>
    <meta data-rh="true" property="article:content_tier" content="metered"/>
    <meta data-rh="true" name="nyt_uri" content="{uri}"/>
    <meta data-rh="true" name="articleid" content="1000000{int(short_hash(url, n=6), 16) % 10000000:07d}"/>
    <meta data-rh="true" name="url" content="{url}"/>
    <meta data-rh="true" name="CG" content="{a['section'].lower()}"/>
    <meta data-rh="true" name="PT" content="article"/>
    <meta data-rh="true" name="PST" content="News"/>
    <link data-rh="true" rel="canonical" href="{url}"/>
    <script data-rh="true" type="application/ld+json">{ld_json(ld)}</script>
    <script data-rh="true" type="application/ld+json">{ld_json(org)}</script>
    <script>window.__preloadedData = undefined; window.vi = window.vi || {{}}; window.vi.env = {{"ENVIRONMENT":"production"}};</script>
    <link rel="stylesheet" href="/vi-assets/static-assets/global-{short_hash('g', n=20)}.css"/>
  </head>
  <body>
    {nyt_shell_top(a['section'])}<div aria-hidden="false"><main id="site-content"><div>
<article id="story" class="{css('story')} e1lmdhsb0"><div id="top-wrapper" class="{css('topwrap')}"><div id="top-slug" class="{css('adslug')}"><p>Advertisement</p></div><a href="#after-top" class="{css('skip')}">SKIP ADVERTISEMENT</a><div class="ad top-wrapper" style="text-align:center;height:100%;display:block;min-height:250px"><div id="top" class="place-ad" data-position="top" data-size-key="top"></div></div><div id="after-top"></div></div>
<div><header class="{css('header')} e1h9rw200"><div id="sponsor-wrapper" class="{css('sponsor')}"><div id="sponsor-slug" class="{css('sponslug')}"><p>Supported by</p></div><div class="ad sponsor-wrapper" id="sponsor" style="text-align:center;height:100%;display:block"></div></div>
<div class="{css('h1wrap')} e1h9rw201"><h1 id="link-{short_hash(url, n=8)}" class="{css('h1')} e1h9rw202" data-testid="headline">{t}</h1></div>
<p id="article-summary" class="{css('summary')} e1wiw3jv0">{d}</p>
<div data-testid="imageblock-wrapper" class="{css('leadimg')}">{nyt_figure(cap, credit, img, 'lead', header=True)}</div>
<div class="{css('bylinewrap')}"><div class="{css('byl')} e1jsehar1"><p class="{css('bylp')} e1jsehar1" itemProp="author" itemscope="" itemType="http://schema.org/Person">By<!-- --> {byline_html}</p></div>
<ul class="{css('dates')}"><li class="{css('dateli')}"><time dateTime="{pub.astimezone(ET).isoformat()}" class="{css('time')}"><span class="{css('timespan')}">{nyt_date(pub)}</span></time></li>{updated}</ul></div>
</header></div>
<section name="articleBody" itemProp="articleBody" class="meteredContent {css('section')}">{''.join(section_parts)}</section>
<div class="{css('paywallprompt')}" data-testid="inline-message"><p class="{css('pp1')}">Already a subscriber? <a href="https://myaccount.nytimes.com/auth/login?response_type=cookie&amp;client_id=vi">Log in.</a></p><p class="{css('pp2')}">Want all of The Times? <a href="{NYT}/subscription/all-access">Subscribe.</a></p></div>
{related}
<div><div id="bottom-wrapper" class="{css('bottomwrap')}"><div id="bottom-slug" class="{css('adslug')}"><p>Advertisement</p></div><a href="#after-bottom" class="{css('skip')}">SKIP ADVERTISEMENT</a><div class="ad bottom-wrapper" id="bottom" style="text-align:center;height:100%;display:block;min-height:90px"></div><div id="after-bottom"></div></div></div>
</article></div></main>{nyt_footer(pub_et.year)}</div></div></div></div>
    <script async src="/vi-assets/static-assets/main-{short_hash('m', n=20)}.js"></script>
  </body>
</html>
"""


def nyt_botwall(b) -> str:
    cid = "AHrlqAAAAAMA" + short_hash(b["path"], n=18).upper() + "=="
    return f"""<html lang="en"><head><title>nytimes.com</title><meta name="viewport" content="width=device-width, initial-scale=1.0">
<style>#cmsg{{animation: A 1.5s;}}@keyframes A{{0%{{opacity:0;}}99%{{opacity:0;}}100%{{opacity:1;}}}}
body{{margin:0;font-family:Georgia,serif}}.wall{{max-width:560px;margin:80px auto;padding:0 20px;text-align:center}}</style></head>
<body>
<div class="wall">
<h1>The New York Times</h1>
<p id="cmsg">You have been blocked from The New York Times because we suspect that you're a robot.</p>
<p>If you believe this is a mistake, enable JavaScript and cookies, disable any ad blocker, and try again. If the problem continues, contact <a href="mailto:accessissues@nytimes.com">accessissues@nytimes.com</a> and include the reference below.</p>
<p class="ref">Reference ID: {cid[:24]}</p>
</div>
<script data-cfasync="false">var dd={{'rt':'c','cid':'{cid}','hsh':'499AE34129FA4E4FABC31582C3075D','t':'bv','s':47891,'e':'{short_hash(b['path'], 'e', n=32)}','host':'geo.captcha-delivery.com','cookie':'{short_hash(b['path'], 'ck', n=40)}'}}</script>
<script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script>
<noscript><iframe src="https://geo.captcha-delivery.com/captcha/?initialCid={cid}&amp;cid={short_hash(b['path'], 'c', n=24)}&amp;referer={NYT}{b['path']}&amp;hash=499AE34129FA4E4FABC31582C3075D&amp;t=bv&amp;s=47891" title="DataDome Device Check" width="100%" height="100%" style="height:100vh;" frameborder="0" sandbox="allow-scripts allow-same-origin allow-forms"></iframe></noscript>
</body></html>
"""


# ---------------------------------------------------------------------------------------------------- feeds
def xml_news_url(loc: str, name: str, lang: str, pubdate: str, title: str, lastmod: str | None = None,
                 keywords: str | None = None, image: str | None = None) -> str:
    parts = [f"  <url>\n    <loc>{h(loc)}</loc>"]
    if lastmod:
        parts.append(f"    <lastmod>{lastmod}</lastmod>")
    kw = f"\n      <news:keywords>{h(keywords)}</news:keywords>" if keywords else ""
    parts.append(f"""    <news:news>
      <news:publication>
        <news:name>{h(name)}</news:name>
        <news:language>{lang}</news:language>
      </news:publication>
      <news:publication_date>{pubdate}</news:publication_date>
      <news:title>{h(title)}</news:title>{kw}
    </news:news>""")
    if image:
        parts.append(f"    <image:image>\n      <image:loc>{h(image)}</image:loc>\n    </image:image>")
    parts.append("  </url>")
    return "\n".join(parts)


def urlset(items: list[str], image_ns: bool = False) -> str:
    ns = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
          'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    if image_ns:
        ns += ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>\n' + "\n".join(items) + "\n</urlset>\n"


def nyt_rss(fetched: datetime, items: list[dict]) -> str:
    out = []
    for it in items:
        cats = "".join(f'<category domain="http://www.nytimes.com/namespaces/keywords/des">{h(c)}</category>'
                       for c in it.get("categories", []))
        media = ""
        if it.get("image"):
            media = (f'<media:content height="1800" medium="image" url="{h(it["image"])}" width="1800"></media:content>'
                     f"<media:credit>{h(it.get('credit', ''))}</media:credit>")
        out.append(f"""<item><title>{h(it['title'])}</title><link>{h(it['url'])}</link><guid isPermaLink="true">{h(it['url'])}</guid><atom:link href="{h(it['url'])}" rel="standout"></atom:link><description>{h(it['description'])}</description><dc:creator>{h(it['creator'])}</dc:creator><pubDate>{format_datetime(parse_ts(it['published']).astimezone(UTC))}</pubDate>{cats}{media}</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:nyt="http://www.nytimes.com/namespaces/rss/2.0" version="2.0">
<channel><title>NYT &gt; Technology</title><link>https://www.nytimes.com/section/technology</link><atom:link href="https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml" rel="self" type="application/rss+xml"></atom:link><description></description><language>en-us</language><copyright>Copyright {fetched.year} The New York Times Company</copyright><lastBuildDate>{format_datetime(fetched - timedelta(minutes=3))}</lastBuildDate><pubDate>{format_datetime(fetched - timedelta(minutes=3))}</pubDate><image><title>NYT &gt; Technology</title><url>https://static01.nyt.com/images/misc/NYT_logo_rss_250x40.png</url><link>https://www.nytimes.com/section/technology</link></image>
{chr(10).join(out)}
</channel>
</rss>
"""


# ---------------------------------------------------------------------------------------------------- plan
def by_key(mod):
    return {a["key"]: a for a in mod.ARTICLES}


N1A, CNNA, NYTA = by_key(content_news1), by_key(content_cnn), by_key(content_nyt)
BOT = content_nyt.BOT_WALL

# Items in feeds that discovery must skip (photo pages, videos, live blogs, galleries, interactives, Athletic).
SKIP = {
    "n1_photo_0128": dict(url=f"{N1}/photos/7108820", title="[포토] 귀성객으로 붐비는 서울역 대합실",
                          published="2025-01-28T17:10:00+09:00", why="News1 photo page (/photos/)"),
    "n1_photo_0202": dict(url=f"{N1}/photos/7110644", title="[포토] 입춘 앞두고 한파 주춤",
                          published="2025-02-02T08:40:11+09:00", why="News1 photo page (/photos/)"),
    "n1_photo_1209": dict(url=f"{N1}/photos/7589190", title="[포토] 엔비디아 로고", published="2025-12-09T08:55:00+09:00",
                          why="News1 photo page (/photos/)"),
    "cnn_video_0127": dict(url=f"{CNN}/videos/business/2025/01/27/deepseek-nvidia-stock-ai-chips-digvid.cnn",
                           title="Video: Why a Chinese AI app is rattling chip stocks",
                           published="2025-01-27T13:40:09.512Z", why="CNN video (/videos/)"),
    "cnn_live_0127": dict(url=f"{CNN}/business/live-news/stock-market-deepseek-nvidia-01-27-25/index.html",
                          title="Live updates: Stocks slide as DeepSeek rattles tech", published="2025-01-27T11:02:15.004Z",
                          why="CNN live blog (/live-news/)"),
    "cnn_video_0128": dict(url=f"{CNN}/videos/business/2025/01/28/deepseek-ai-chips-export-controls-ebof-digvid.cnn",
                           title="Video: Did US chip curbs backfire?", published="2025-01-28T15:12:44.210Z",
                           why="CNN video (/videos/)"),
    "cnn_gallery_1208": dict(url=f"{CNN}/2025/12/08/weather/gallery/great-lakes-lake-effect-snow-photos/index.html",
                             title="In pictures: Lake-effect snow buries the Great Lakes",
                             published="2025-12-08T16:30:21.118Z", why="CNN gallery (/gallery/)"),
    "nyt_interactive_0804": dict(url=f"{NYT}/interactive/2024/08/04/technology/ai-chip-routes-map.html",
                                 title="Mapping the Routes That Carry Banned Chips", published="2024-08-04T09:00:05Z",
                                 why="NYT interactive (/interactive/)"),
    "nyt_video_0804": dict(url=f"{NYT}/video/technology/100000009612207/ai-chips-china-trade.html",
                           title="Video: How A.I. Chips Slip Past Export Rules", published="2024-08-04T12:30:00Z",
                           why="NYT video (/video/)"),
    "nyt_live_0123": dict(url=f"{NYT}/live/2025/01/23/business/stock-market-today.html",
                          title="Stock Market Today: Markets Edge Higher", published="2025-01-23T12:05:33Z",
                          why="NYT live blog (/live/)"),
    "nyt_live_0127": dict(url=f"{NYT}/live/2025/01/27/business/stock-market-deepseek-nvidia.html",
                          title="Nvidia and Tech Stocks Slide as DeepSeek Rattles Investors",
                          published="2025-01-27T12:31:08Z", why="NYT live blog (/live/)"),
    "nyt_video_0127": dict(url=f"{NYT}/video/business/100000009956301/deepseek-explained.html",
                           title="Video: What Is DeepSeek?", published="2025-01-27T23:15:40Z", why="NYT video (/video/)"),
    "nyt_athletic_0622": dict(url=f"{NYT}/athletic/6447312/2025/06/22/thunder-pacers-game-7-result/",
                              title="Thunder Beat Pacers in Game 7 to Win First N.B.A. Title",
                              published="2025-06-23T03:40:02Z", why="The Athletic (/athletic/)"),
    "nyt_interactive_1208": dict(url=f"{NYT}/interactive/2025/12/08/technology/nvidia-chip-export-rules.html",
                                 title="How U.S. Chip Export Rules Have Changed", published="2025-12-08T23:05:10Z",
                                 why="NYT interactive (/interactive/)"),
}

# Feed snapshots: (outlet, feed kind, fetched_at, [item keys]). Every article key listed must be captured.
FEEDS = [
    ("news1", "google-news", "2025-01-28T09:00:04Z",
     ["n1_20250127_deepseek_cost", "n1_20250128_nvidia_846jo", "n1_20250128_seed", "n1_20250128_black_market",
      "n1_20250128_weather", "n1_photo_0128"]),
    ("news1", "google-news", "2025-01-29T06:00:03Z",
     ["n1_20250128_seed", "n1_20250128_black_market", "n1_20250128_weather", "n1_photo_0128",
      "n1_20250129_unit_error"]),
    ("news1", "google-news", "2025-02-02T01:30:02Z", ["n1_20250202_hardware_500m", "n1_photo_0202"]),
    ("news1", "google-news", "2025-04-16T02:30:05Z", ["n1_20250416_h20_charge"]),
    ("news1", "google-news", "2025-07-15T01:00:02Z", ["n1_20250715_h20_resume"]),
    ("news1", "google-news", "2025-09-19T00:15:04Z", ["n1_20250918_nature_294k", "n1_20250919_390k_conflict"]),
    ("news1", "google-news", "2025-12-09T00:20:03Z", ["n1_20251209_h200_25pct", "n1_photo_1209"]),
    ("cnn", "news-sitemap", "2025-01-27T14:10:02Z",
     ["cnn_20250126_sinner_ao_final", "cnn_live_0127", "cnn_20250127_deepseek_explainer", "cnn_video_0127"]),
    ("cnn", "news-sitemap", "2025-01-27T21:40:03Z",
     ["cnn_20250126_sinner_ao_final", "cnn_live_0127", "cnn_20250127_deepseek_explainer", "cnn_video_0127",
      "cnn_20250127_nvidia_loss@v1"]),
    ("cnn", "news-sitemap", "2025-01-28T02:00:02Z",
     ["cnn_20250126_sinner_ao_final", "cnn_live_0127", "cnn_20250127_deepseek_explainer", "cnn_video_0127",
      "cnn_20250127_nvidia_loss@v2"]),
    ("cnn", "news-sitemap", "2025-01-28T17:05:03Z",
     ["cnn_live_0127", "cnn_20250127_deepseek_explainer", "cnn_video_0127", "cnn_20250127_nvidia_loss@v2",
      "cnn_video_0128", "cnn_20250128_deepseek_chip_count"]),
    ("cnn", "news-sitemap", "2025-02-01T00:00:02Z", ["cnn_20250131_semianalysis"]),
    ("cnn", "news-sitemap", "2025-04-16T00:00:04Z", ["cnn_20250415_nvidia_h20_charge"]),
    ("cnn", "news-sitemap", "2025-08-05T22:30:01Z", ["cnn_20250805_doj_h100_smuggling"]),
    ("cnn", "news-sitemap", "2025-09-17T19:10:02Z", ["cnn_20250917_deepseek_nature_294k"]),
    ("cnn", "news-sitemap", "2025-12-08T18:00:03Z", ["cnn_20251208_lake_effect_snow", "cnn_gallery_1208"]),
    ("nyt", "news-sitemap", "2024-08-04T14:00:05Z",
     ["nyt_interactive_0804", "nyt_20240804_chip_gray_market", "nyt_video_0804"]),
    ("nyt", "news-sitemap", "2025-01-23T17:00:04Z", ["nyt_live_0123", "nyt_20250123_deepseek_6m"]),
    ("nyt", "news-sitemap", "2025-01-28T15:15:02Z",
     ["nyt_live_0127", "nyt_20250127_chips_explainer", "nyt_20250127_nvidia_600b", "nyt_video_0127",
      "nyt_20250128_botwall"]),
    ("nyt", "rss-technology", "2025-01-28T15:25:00Z",
     ["nyt_20250127_chips_explainer", "nyt_20250123_deepseek_6m"]),
    ("nyt", "news-sitemap", "2025-06-23T21:30:03Z",
     ["nyt_athletic_0622", "nyt_20250622_thunder_game7", "nyt_20250623_h100_fewer_50k"]),
    ("nyt", "news-sitemap", "2025-07-24T20:00:02Z", ["nyt_20250724_b200_smuggling_1b"]),
    ("nyt", "news-sitemap", "2025-12-09T01:30:04Z", ["nyt_interactive_1208", "nyt_20251208_h200_25pct"]),
    ("nyt", "rss-technology", "2025-12-09T01:35:00Z",
     ["nyt_20251208_h200_25pct", "nyt_20250724_b200_smuggling_1b"]),
]

# When each article page was fetched (UTC). The CNN revision pair has its times in content_cnn.
FETCHED = {
    "n1_20250127_deepseek_cost": "2025-01-28T09:01:10Z",
    "n1_20250128_nvidia_846jo": "2025-01-28T09:01:48Z",
    "n1_20250128_seed": "2025-01-28T09:02:31Z",
    "n1_20250128_black_market": "2025-01-28T09:03:05Z",
    "n1_20250128_weather": "2025-01-28T09:03:40Z",
    "n1_20250129_unit_error": "2025-01-29T06:01:15Z",
    "n1_20250202_hardware_500m": "2025-02-02T01:31:00Z",
    "n1_20250416_h20_charge": "2025-04-16T02:31:22Z",
    "n1_20250715_h20_resume": "2025-07-15T01:01:07Z",
    "n1_20250918_nature_294k": "2025-09-19T00:16:02Z",
    "n1_20250919_390k_conflict": "2025-09-19T00:16:40Z",
    "n1_20251209_h200_25pct": "2025-12-09T00:21:11Z",
    "cnn_20250126_sinner_ao_final": "2025-01-27T14:11:05Z",
    "cnn_20250127_deepseek_explainer": "2025-01-27T14:20:31Z",
    "cnn_20250128_deepseek_chip_count": "2025-01-28T17:06:10Z",
    "cnn_20250131_semianalysis": "2025-02-01T00:01:20Z",
    "cnn_20250415_nvidia_h20_charge": "2025-04-16T00:01:03Z",
    "cnn_20250805_doj_h100_smuggling": "2025-08-05T22:31:14Z",
    "cnn_20250917_deepseek_nature_294k": "2025-09-17T19:11:09Z",
    "cnn_20251208_lake_effect_snow": "2025-12-08T18:01:30Z",
    "nyt_20240804_chip_gray_market": "2024-08-04T14:02:30Z",
    "nyt_20250123_deepseek_6m": "2025-01-23T17:01:40Z",
    "nyt_20250127_chips_explainer": "2025-01-28T15:16:20Z",
    "nyt_20250127_nvidia_600b": "2025-01-28T15:18:05Z",
    "nyt_20250622_thunder_game7": "2025-06-23T21:31:10Z",
    "nyt_20250623_h100_fewer_50k": "2025-06-23T21:32:00Z",
    "nyt_20250724_b200_smuggling_1b": "2025-07-24T20:01:12Z",
    "nyt_20251208_h200_25pct": "2025-12-09T01:31:15Z",
}
SECTION_FRONT_FETCHED = "2025-01-28T17:30:00Z"


# ---------------------------------------------------------------------------------------------------- headers
def headers_for(outlet: str, kind: str, fetched: datetime, rel: str, last_modified: datetime | None) -> dict:
    hdr = {"Content-Type": "text/html; charset=utf-8", "Date": rfc1123(fetched)}
    seed = rel + iso_z(fetched)
    if outlet == "news1":
        if kind == "feed":
            hdr["Content-Type"] = "application/xml; charset=utf-8"
        hdr.update({"ETag": file_etag(rel), "Last-Modified": rfc1123(last_modified),
                    "Cache-Control": "public, s-maxage=60, stale-while-revalidate=30",
                    "X-Powered-By": "Next.js", "Vary": "Accept-Encoding", "Server": "AkamaiGHost"})
    elif outlet == "cnn":
        if kind == "feed":
            hdr["Content-Type"] = "text/xml; charset=utf-8"
        hdr.update({"ETag": file_etag(rel, weak=True), "Last-Modified": rfc1123(last_modified),
                    "Cache-Control": "max-age=60", "Via": "1.1 varnish",
                    "X-Served-By": f"cache-iad-kiad{7000000 + int(short_hash(seed, n=4), 16) % 100000}-IAD",
                    "X-Cache": "HIT", "Age": str(int(short_hash(seed, n=2), 16) % 60),
                    "Vary": "Accept-Encoding"})
    elif outlet == "nyt":
        if kind == "bot_wall":
            cookie = short_hash(seed, "dd", n=40)
            hdr = {"Content-Type": "text/html;charset=utf-8", "Date": rfc1123(fetched),
                   "Cache-Control": "max-age=0, private, no-cache, no-store, must-revalidate",
                   "Pragma": "no-cache", "Expires": "Thu, 01 Jan 1970 00:00:01 GMT",
                   "X-DataDome": "protected", "X-DD-B": "2",
                   "X-DataDome-CID": "AHrlqAAAAAMA" + short_hash(seed, "cid", n=18).upper() + "==",
                   "Set-Cookie": f"datadome={cookie}; Max-Age=31536000; Domain=.nytimes.com; Path=/; Secure; "
                                 "SameSite=Lax",
                   "Accept-CH": "Sec-CH-UA,Sec-CH-UA-Mobile,Sec-CH-UA-Platform,Sec-CH-UA-Arch,"
                                "Sec-CH-UA-Full-Version-List,Sec-CH-UA-Model,Sec-CH-Device-Memory",
                   "Via": "1.1 varnish", "X-Served-By": "cache-ewr-kewr1740052-EWR"}
            return hdr
        if kind == "feed":
            hdr["Content-Type"] = ("application/x-gzip" if rel.endswith("news-sitemap.xml") or "news-sitemap" in rel
                                   else "text/xml; charset=UTF-8")
        hdr.update({"ETag": file_etag(rel), "Last-Modified": rfc1123(last_modified),
                    "Cache-Control": "no-cache" if kind != "feed" else "max-age=60",
                    "Via": "1.1 varnish",
                    "X-Served-By": f"cache-ewr-kewr{1740000 + int(short_hash(seed, n=4), 16) % 10000}-EWR",
                    "X-Cache": "MISS" if kind != "feed" else "HIT", "Vary": "Accept-Encoding, Fastly-SSL"})
    return hdr


# ---------------------------------------------------------------------------------------------------- build
def article_file(outlet: str, a, version: str | None = None) -> str:
    if outlet == "news1":
        d = parse_ts(a["published"]).astimezone(KST)
        return f"pages/news1/{d:%Y-%m-%d}_{a['id']}_{a['key'].split('_', 2)[-1].replace('_', '-')}.html"
    if outlet == "cnn":
        parts = a["path"].strip("/").split("/")
        slug = parts[4]
        return f"pages/cnn/{parts[0]}-{parts[1]}-{parts[2]}_{slug}{'_' + version if version else ''}.html"
    parts = a["path"].strip("/").split("/")
    slug = parts[-1].removesuffix(".html")
    return f"pages/nyt/{parts[0]}-{parts[1]}-{parts[2]}_{slug}.html"


def build():
    for sub in ("pages/news1", "pages/cnn", "pages/nyt", "feeds/news1", "feeds/cnn", "feeds/nyt"):
        d = ROOT / sub
        d.mkdir(parents=True, exist_ok=True)
        for f in d.iterdir():
            if f.is_file():
                f.unlink()

    captures = []  # dicts with fetched (datetime) + manifest fields + readme info

    def add(url, rel, fetched, status, kind, outlet, last_modified, note, figures=(), gzip=False, title="",
            published=None):
        fetched_dt = parse_ts(fetched)
        captures.append(dict(
            url=url, file=rel, fetched_at=iso_z(fetched_dt), status=status,
            headers=headers_for(outlet, kind, fetched_dt, rel, last_modified),
            kind=kind, gzip=gzip, note=note, _outlet=outlet, _figures=list(figures), _title=title,
            _published=published))

    # ---- News1 articles
    for a in content_news1.ARTICLES:
        rel = article_file("news1", a)
        write(rel, news1_page(a))
        add(n1_url(a), rel, FETCHED[a["key"]], 200, a["kind"], "news1", parse_ts(a["modified"]), a["note"],
            a["figures"], title=a["title"], published=a["published"])

    # ---- CNN articles
    for a in content_cnn.ARTICLES:
        if "versions" in a:
            for v, spec in a["versions"].items():
                rel = article_file("cnn", a, v)
                write(rel, cnn_page(a, spec["modified"], a["blocks"], fill={"LOSS": spec["LOSS"]},
                                    correction=spec["correction"]))
                note = (f"revision {v} of the Nvidia-loss story: '{spec['LOSS']}'"
                        + (" + correction note" if spec["correction"] else " (later corrected)"))
                add(CNN + a["path"], rel, spec["fetched"], 200, a["kind"], "cnn", parse_ts(spec["modified"]), note,
                    [spec["LOSS"]] + a["figures"], title=a["title"], published=a["published"])
        else:
            rel = article_file("cnn", a)
            write(rel, cnn_page(a, a["modified"], a["blocks"]))
            add(CNN + a["path"], rel, FETCHED[a["key"]], 200, a["kind"], "cnn", parse_ts(a["modified"]), a["note"],
                a["figures"], title=a["title"], published=a["published"])

    # ---- CNN section front (non-article)
    front_items = [
        (CNN + CNNA["cnn_20250128_deepseek_chip_count"]["path"], CNNA["cnn_20250128_deepseek_chip_count"]["title"],
         "article"),
        (CNN + CNNA["cnn_20250127_nvidia_loss"]["path"], CNNA["cnn_20250127_nvidia_loss"]["title"], "article"),
        (SKIP["cnn_video_0128"]["url"], SKIP["cnn_video_0128"]["title"].removeprefix("Video: "), "video"),
        (CNN + CNNA["cnn_20250127_deepseek_explainer"]["path"], CNNA["cnn_20250127_deepseek_explainer"]["title"],
         "article"),
        (SKIP["cnn_video_0127"]["url"], SKIP["cnn_video_0127"]["title"].removeprefix("Video: "), "video"),
        (SKIP["cnn_live_0127"]["url"], SKIP["cnn_live_0127"]["title"], "live-story"),
    ]
    rel = "pages/cnn/section_business-tech_2025-01-28.html"
    write(rel, cnn_section_front(SECTION_FRONT_FETCHED, front_items))
    add(f"{CNN}/business/tech", rel, SECTION_FRONT_FETCHED, 200, "non_article", "cnn",
        parse_ts(SECTION_FRONT_FETCHED) - timedelta(minutes=4),
        "CNN business/tech section front: headline lists, CollectionPage JSON-LD, no NewsArticle, no body")

    # ---- NYT articles
    for a in content_nyt.ARTICLES:
        rel = article_file("nyt", a)
        write(rel, nyt_page(a))
        add(NYT + a["path"], rel, FETCHED[a["key"]], 200, a["kind"], "nyt", parse_ts(a["modified"]), a["note"],
            a["figures"], title=a["title"], published=a["published"])

    # ---- NYT bot wall
    rel = "pages/nyt/2025-01-28_deepseek-ai-stocks-investors_403-datadome.html"
    write(rel, nyt_botwall(BOT))
    add(NYT + BOT["path"], rel, BOT["fetched"], 403, "bot_wall", "nyt", None, BOT["note"], title=BOT["title"],
        published=BOT["published"])

    # ---- feeds
    def item_info(key: str):
        """(url, title, published, lastmod, outlet-specific extras) for a feed item key."""
        if key in SKIP:
            s = SKIP[key]
            return s["url"], s["title"], s["published"], s["published"], None
        base, _, ver = key.partition("@")
        if base in N1A:
            a = N1A[base]
            return n1_url(a), a["title"], a["published"], a["modified"], a
        if base in CNNA:
            a = CNNA[base]
            mod = a["versions"][ver]["modified"] if ver else a["modified"]
            return CNN + a["path"], a["title"], a["published"], mod, a
        if base in NYTA:
            a = NYTA[base]
            return NYT + a["path"], a["title"], a["published"], a["modified"], a
        if base == BOT["key"]:
            return NYT + BOT["path"], BOT["title"], BOT["published"], BOT["published"], None
        raise KeyError(key)

    for outlet, fkind, fetched, keys in FEEDS:
        fdt = parse_ts(fetched)
        stamp = fdt.strftime("%Y-%m-%dT%H%MZ")
        # newest first, like the real sitemaps
        infos = sorted((item_info(k) for k in keys), key=lambda t: utc(t[2]), reverse=True)
        for _u, _t, pub, mod, _a in infos:
            assert utc(pub) <= fdt and utc(mod) <= fdt, (fetched, _u)
        if outlet == "news1":
            body = urlset([xml_news_url(u, "뉴스1", "ko", parse_ts(p).astimezone(KST).isoformat(), t)
                           for u, t, p, m, a in infos])
            rel, url = f"feeds/news1/google-news_{stamp}.xml", f"{N1}/api/feeds/google-news/"
            note = f"News1 Google News sitemap, {len(infos)} items"
        elif outlet == "cnn":
            items = []
            for u, t, p, m, a in infos:
                img = content_cnn.MEDIA + a["image"][2] if a else None
                items.append(xml_news_url(u, "CNN", "en", iso_z(utc(p), ms=True), t, lastmod=iso_z(utc(m), ms=True),
                                          image=img))
            body = urlset(items, image_ns=True)
            rel, url = f"feeds/cnn/news-sitemap_{stamp}.xml", f"{CNN}/sitemap/news.xml"
            note = f"CNN news sitemap, {len(infos)} items"
        elif fkind == "news-sitemap":
            items = []
            for u, t, p, m, a in infos:
                img = None
                if a:
                    stem = a["image"][2].rsplit("/", 1)[1]
                    img = f"{content_nyt.STATIC}{a['image'][2]}/{stem}-articleLarge.jpg"
                items.append(xml_news_url(u, "The New York Times", "en-US", iso_z(utc(p)), t, lastmod=iso_z(utc(m)),
                                          image=img))
            body = urlset(items, image_ns=True)
            rel, url = f"feeds/nyt/news-sitemap_{stamp}.xml", f"{NYT}/sitemaps/new/news.xml.gz"
            note = f"NYT news sitemap (stored as XML; served gzipped), {len(infos)} items"
        else:
            items = []
            for u, t, p, m, a in infos:
                it = dict(url=u, title=t, published=p, description=a["description"] if a else "",
                          creator=nyt_byline(a["authors"]).removeprefix("By ") if a else "",
                          categories=["Artificial Intelligence", "Nvidia Corporation", "China"])
                if a:
                    stem = a["image"][2].rsplit("/", 1)[1]
                    it["image"] = f"{content_nyt.STATIC}{a['image'][2]}/{stem}-mediumSquareAt3X.jpg"
                    it["credit"] = a["image"][1]
                items.append(it)
            body = nyt_rss(fdt, items)
            rel, url = f"feeds/nyt/rss-technology_{stamp}.xml", "https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml"
            note = f"NYT Technology RSS, {len(infos)} items"
        write(rel, body)
        skipped = [k for k in keys if k in SKIP]
        if skipped:
            note += f"; {len(skipped)} to skip ({', '.join(SKIP[k]['why'].split(' (')[0] for k in skipped)})"
        newest = max(utc(m) for _u, _t, _p, m, _a in infos)
        add(url, rel, fetched, 200, "feed", outlet, newest, note, gzip=(outlet == "nyt" and fkind == "news-sitemap"))

    captures.sort(key=lambda c: (c["fetched_at"], c["file"]))
    with open(ROOT / "manifest.jsonl", "w", encoding="utf-8") as f:
        for c in captures:
            f.write(json.dumps({k: v for k, v in c.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    write_readme(captures)
    return captures


# ---------------------------------------------------------------------------------------------------- README
README_HEAD = """# chipwatch sample archive

A small, readable archive of captures that the offline pipeline (`make run`) and the tests read instead of the
network. It tells one story, 2024-08 to 2025-12: how the figures reported about DeepSeek, Nvidia's AI chips and
US export controls were rounded, converted, mis-scaled, corrected, re-cited and contradicted across News1 (Korean),
CNN and The New York Times.

**All texts are written for this archive** (except the News1 seed article, which is the project's own starting
article, `shared/seed/000_68cb2df34e3786ef.txt`). The reported figures and dates follow
`shared/design/story.md`; bylines other than the seed's, quoted analysts, firms and image credits are invented.
The markup follows each outlet's real page shape as described in `shared/design/outlets.md`: nothing was copied
from real pages. NYT article pages stand for pages archived by legitimate means and parse fully; one NYT capture
is the DataDome bot wall (403) that a live fetch actually gets.

## Layout

| path | what |
|---|---|
| `manifest.jsonl` | one JSON object per capture, in fetch order (sorted by `fetched_at`) |
| `pages/news1/*.html` | News1 Next.js article pages: `script#__NEXT_DATA__` → `props.pageProps.articleView` (body = `contentArrange[type=="text"].content`), plus the fallback markup (`h1.article-h2-header-title`, `h2.article-h2-header-subtitle2`, `#article_created time`, `#articleBodyContent p`, `figure`, `.ads-article-warp`, `.article_content_stitle`), dable/article meta, no JSON-LD |
| `pages/cnn/*.html` | CNN 2023+ template: `body[data-page-type="article"]`, NewsArticle JSON-LD, `meta[name="article:published_time"]`, `h1.headline__text`, `div.byline__names`, `div.timestamp` (US Eastern), `div.article__content p.paragraph`; plus the `business/tech` section front |
| `pages/nyt/*.html` | NYT React template: NewsArticle JSON-LD with the paywall flags, `byl`/`pdate`/`ptime` meta, `section[name="articleBody"] div.StoryBodyCompanionColumn p`, "Advertisement" slots between columns, the "Already a subscriber? Log in." prompt after the body; plus one 403 DataDome page |
| `feeds/news1/` | snapshots of `https://www.news1.kr/api/feeds/google-news/` (news sitemap) |
| `feeds/cnn/` | snapshots of `https://www.cnn.com/sitemap/news.xml` |
| `feeds/nyt/` | snapshots of `https://www.nytimes.com/sitemaps/new/news.xml.gz` (stored as plain XML; `"gzip": true` in the manifest, so the packer gzips the body) and of `https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml` |
| `tools/` | `build.py` regenerates everything above from `content_*.py`; `check.py` validates it (parsing, JSON, manifest, feed coverage, every story figure verbatim in its page body) |
| `sample.warc.gz` | the same captures packed as a WARC by `chipwatch pack-sample` (the file the offline run replays); re-pack after any change |

To change a page: edit `tools/content_*.py` (texts) or `tools/build.py` (markup, feeds, fetch times), then run
`.venv/bin/python sample_archive/tools/build.py && .venv/bin/python sample_archive/tools/check.py &&
.venv/bin/chipwatch pack-sample`.

### Manifest fields

`url` (what was requested), `file` (relative to this folder), `fetched_at` (UTC, always minutes to hours after
the page's publication), `status`, `headers` (`Content-Type`, `Date` = RFC 1123 of `fetched_at`, `ETag` from the
file bytes, `Last-Modified` = the page's last revision, plus CDN headers plausible for the outlet; the bot wall
has DataDome headers and no ETag), `kind`, `gzip`, `note`.

`kind` is one of: `article` (relevant article), `irrelevant` (a real article with numbers but no AI-chip or
export-control content), `non_article` (section front), `bot_wall` (403 block page), `feed`.

### Conventions worth knowing

- News1 times are KST (`+09:00`); `pubdate_at`/`updated_at` are `YYYY-MM-DD HH:MM:SS` KST without offset.
- CNN `div.timestamp` is US Eastern ("Updated 9:05 AM EST, Mon January 27, 2025"); JSON-LD and meta are UTC with
  milliseconds.
- NYT URL date, `pdate` (`YYYYMMDD`) and `ptime` (`YYYYMMDDhhmmss`) are New York time; JSON-LD and
  `article:*_time` are UTC `.000Z`. The sports page shows the difference: published 2025-06-23T03:52Z, URL and
  `pdate` 2025-06-22.
- Feed snapshots list each article of their ~48 h window (the same URL can appear in several snapshots), newest
  first, plus items discovery must skip: News1 `/photos/`, CNN `/videos/`, `/live-news/`, `/gallery/`, NYT
  `/live/`, `/video/`, `/interactive/`, `/athletic/`. Every other item URL has a capture in the manifest.
- The CNN revision pair: the news sitemap's `<lastmod>` for that URL moves from 21:32Z (snapshot 2025-01-27T21:40Z)
  to 00:48Z (snapshot 2025-01-28T02:00Z), which is what triggers the re-fetch.

### Non-body text a parser must drop (present on purpose)

- News1: photo captions in `figure` (`… ⓒ 로이터=뉴스1 ⓒ News1 박형기 기자`, `… 2025.1.28/뉴스1 © News1 이승배 기자`),
  `.ads-article-warp` blocks, `.article_content_stitle` subheads (their `contentArrange` type is `stitle`, not
  `text`), keyword chips, the reporter box, the footer with `Copyright ⓒ 뉴스1. All rights reserved. …`. The
  dateline `(서울=뉴스1) 이름 기자 = ` opens the first text block; the reporter e-mail is the last one. One text
  block carries inline `<b>` (weather page).
- CNN: `div.related-content` cards ("Related article" + headline, a `p` that is not `p.paragraph`), ad slots
  ("Advertisement", "Ad Feedback"), the newsletter box, image captions and credits, the `cite.source__cite`
  dateline ("New York CNN —"), the footer. The contributor line ("CNN’s … contributed to this report.") and the
  correction note are `p.paragraph`, i.e. body.
- NYT: the `<p>Advertisement</p>` slots sit *inside* `section[name="articleBody"]`, between the
  `StoryBodyCompanionColumn` divs; figure captions with "Credit..." are inside the body too; "Already a
  subscriber? Log in." / "Want all of The Times? Subscribe." follow the body; "Related Content" links after it.
- The CNN section front has headlines of real captured articles, videos and a live blog, but no body.

## Scenarios: where to find them

| scenario | capture(s) |
|---|---|
| seed article (News1) | `pages/news1/2025-01-28_5673971_seed.html` |
| same figure, different rounding/qualifier | DeepSeek cost: NYT 2025-01-23 "about $6 million", CNN 2025-01-27 "$5.6 million", News1 2025-01-27 "557만6000달러(약 78억8000만원)" + "600만 달러 미만", CNN 2025-01-28 "less than $6 million", seed "557만 6000달러", News1 2025-02-02 "557만 6000달러(약 81억 원)" |
| currency conversion in parentheses | News1 2025-01-27, 2025-01-28 (846조), 2025-02-02, 2025-04-16, 2025-09-18 |
| unit error (×10) | News1 2025-01-29 "5576만 달러" |
| bounds and approximations | NYT 2025-01-27 "16,000 or more chips" / "about 2,000"; News1 2025-01-27 "최대 1만6000개 이상"; seed "1만 6000개"; Scale AI "more than 50,000" (CNN 2025-01-28) vs "fewer than 50,000" (NYT 2025-06-23) |
| same quantity, three outlets | Nvidia loss: CNN "$589 billion" (after correction), NYT "nearly $600 billion", News1 "846조 원"; close $118.42 (CNN, News1) vs $118.51 (NYT) |
| revision under one URL | CNN `nvidia-market-value-loss-deepseek`: v1 "$593 billion" → v2 "$589 billion" + correction note |
| re-cited old figure | NYT 2024-08-04 ("more than 2,000", "$103 million", "11 companies") re-cited without date by the seed ("2000개 이상", "약 1억 300만 달러", "11개 기업"), News1 2025-01-28 ("2000개", "1억300만달러(약 1500억원)") and CNN 2025-01-28 ("$103 million", "2,000") |
| conflicting new figure | Nature paper: CNN 2025-09-17 "$294,000" (512 H800, 80 hours), News1 2025-09-18 "29만4000달러", News1 2025-09-19 "39만달러" |
| date conflict | H800 restriction: NYT 2025-01-27 "about seven months" (March 21, 2023 → Oct. 17, 2023) vs seed "약 1년" |
| ranges | CNN 2025-04-15 "$12 billion to $15 billion"; News1 2025-04-16 "120억~150억 달러" |
| irrelevant pages with numbers | CNN tennis (2025-01-26), News1 weather (2025-01-28), NYT basketball (2025-06-22), CNN weather (2025-12-08) |
| non-article page | CNN `https://www.cnn.com/business/tech` section front |
| bot wall | NYT `2025/01/28/business/deepseek-ai-stocks-investors.html`, 403 DataDome |
| things discovery must skip | see the feed notes in the table below |

## Every capture

"""


def write_readme(captures):
    rows = ["| # | fetched_at (UTC) | outlet | kind | status | URL | file | figures / note |",
            "|---|---|---|---|---|---|---|---|"]
    for i, c in enumerate(captures, 1):
        figs = ", ".join(f"`{f}`" for f in c["_figures"])
        desc = (figs + " — " if figs else "") + c["note"]
        rows.append(f"| {i} | {c['fetched_at']} | {c['_outlet']} | {c['kind']} | {c['status']} | {c['url']} | "
                    f"`{c['file']}` | {desc.replace('|', '/')} |")
    counts = {}
    for c in captures:
        counts[(c["_outlet"], c["kind"])] = counts.get((c["_outlet"], c["kind"]), 0) + 1
    summary = ["", "## Counts", "", "| outlet | kind | captures |", "|---|---|---|"]
    summary += [f"| {o} | {k} | {n} |" for (o, k), n in sorted(counts.items())]
    summary.append(f"| all | all | {len(captures)} |")
    text = README_HEAD + "\n".join(rows) + "\n" + "\n".join(summary) + "\n"
    (ROOT / "README.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    caps = build()
    print(f"{len(caps)} captures written to {ROOT}")
