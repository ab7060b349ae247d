"""News1 body conventions, applied whatever layer produced the paragraphs.

* Opening dateline ``(서울=뉴스1) 이창규 기자 =``: other cities, several reporters
  (``홍길동 기자,김철수 기자 =``), photo-only items (``(서울=뉴스1) =``). It is stripped and its place and
  reporters are returned. Anything before it (headline, subtitle, captions in a text dump) is dropped.
* Photo captions (``ⓒ News1``, ``2017.6.7/뉴스1``, ``photo@news1.kr``, ``본문 이미지 -``) are dropped.
* The reporter e-mail closing the story and the copyright/company footer after it are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layers.authors import split_korean_byline

DATELINE = re.compile(
    r"^\s*[(\[（]\s*(?P<place>[^()\[\]（）=]{1,24}?)\s*=\s*(?:뉴스1|News1|뉴스원)\s*[)\]）]\s*"
    r"(?P<reporters>[^=]{0,120}?)\s*=\s*",
    re.I,
)
_CAPTION_PATTERNS = (
    re.compile(r"[ⓒ©]\s*News1", re.I),
    re.compile(r"\(c\)\s*News1", re.I),
    re.compile(r"photo@news1\.kr", re.I),
    re.compile(r"^\s*본문\s*이미지\s*[-–—:]"),
    re.compile(r"\d{4}\.\d{1,2}\.\d{1,2}\.?\s*/\s*뉴스1"),
    re.compile(r"[ⓒ©]\s*[^\s=]{1,20}\s*=\s*뉴스1"),
    re.compile(r"(?:/|=)\s*뉴스1\s*$"),
)
_EMAIL_ONLY = re.compile(r"^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\s,/·]*)+$")
_FOOTER = re.compile(
    r"^\s*(?:Copyright|ⓒ|©|\(c\))|무단\s*(?:복제|전재|사용|배포)|재배포\s*금지|AI\s*학습\s*(?:활용|이용)\s*금지|"
    r"^\s*\|\s*$|"
    r"^\s*(?:대표이사|발행인|편집인|편집국장|주소|사업자등록번호|고충처리인|청소년보호책임자|통신판매업신고|"
    r"등록일|등록번호|제호|대표\s*전화|대표\s*이메일|발행일자|기사제보)\s*[:/：]",
    re.I,
)
_RELATED = re.compile(r"^\s*(?:관련\s*기사|\[?관련기사\]?|▶|☞|※\s*이\s*기사)")


@dataclass
class News1Body:
    """Cleaned paragraphs plus what the conventions revealed."""

    paragraphs: list[str]
    dateline_place: str | None = None
    dateline_reporters: list[str] = field(default_factory=list)
    dropped_captions: int = 0
    reporter_email: str | None = None


def parse_dateline(text: str) -> tuple[str, list[str], str] | None:
    """``(place, reporters, rest)`` when ``text`` opens with a News1 dateline."""
    match = DATELINE.match(text)
    if not match:
        return None
    place = match.group("place").strip()
    reporters_raw = match.group("reporters").strip()
    reporters = split_korean_byline(reporters_raw) if reporters_raw else []
    return place, reporters, text[match.end() :].strip()


def is_caption(text: str) -> bool:
    """True for photo captions and credits."""
    return any(p.search(text) for p in _CAPTION_PATTERNS)


def is_footer(text: str) -> bool:
    """True for copyright lines and the company-information footer."""
    return bool(_FOOTER.search(text))


def clean_body(paragraphs: list[str]) -> News1Body:
    """Apply the News1 conventions to a list of paragraphs."""
    result = News1Body(paragraphs=[])
    lines = [p.strip() for p in paragraphs if p and p.strip()]

    # the dateline: strip it, and drop whatever precedes it (headline, subtitle, captions in dumps)
    for index, line in enumerate(lines[:12]):
        parsed = parse_dateline(line)
        if parsed is None:
            continue
        place, reporters, rest = parsed
        result.dateline_place = place
        result.dateline_reporters = reporters
        lines = ([rest] if rest else []) + lines[index + 1 :]
        break

    # the closing e-mail: cut it and everything after it when only footer-like lines follow
    for index in range(len(lines) - 1, -1, -1):
        if _EMAIL_ONLY.match(lines[index]):
            tail = lines[index + 1 :]
            if all(is_footer(t) or len(t) < 60 for t in tail):
                result.reporter_email = lines[index].strip()
                lines = lines[:index]
            break

    kept: list[str] = []
    for line in lines:
        if is_caption(line):
            result.dropped_captions += 1
            continue
        if is_footer(line) or _RELATED.match(line) or _EMAIL_ONLY.match(line):
            continue
        kept.append(line)
    result.paragraphs = kept
    return result
