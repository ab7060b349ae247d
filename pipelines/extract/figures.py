"""Assembly: sentences → candidates (language grammar) → bound figures (metric, subject, chip, source).

Per sentence: find exclusions and entity mentions, run the Korean or English grammar, then bind every
candidate. Context carried from one sentence to the next:
- the subject: when no candidate subject is in the sentence, the previous sentence's subject (the
  subject of its first figure, else its topic) within the same paragraph (English: only when the
  sentence refers back with "it", "the company"...), or across paragraphs the document's last subject
  when the sentence refers back;
- the source: when the sentence cites none, the previous sentence's own citation, within the same
  paragraph (a new paragraph usually starts a new attribution).
A currency amount in parentheses right after another currency amount ("557만6000달러(약 78억8000만원)")
is a conversion: ``linked_to`` points at the main figure, whose metric, subject and chip it copies.
Ratios (times, fraction) take the metric of the first other figure of the sentence and the sentence topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .attribution import find_attribution
from .candidate import CURRENCY_UNITS, Candidate, unit_family
from .chips import bind_chip, chip_mentions
from .entities import find_mentions
from .exclusions import excluded_spans
from .grammar_en import en_candidates
from .grammar_ko import ko_candidates
from .intervals import interval
from .metrics import assign_metric, cue_hits, property_cue_starts
from .model import Figure
from .sentences import split_sentences
from .subjects import ANAPHOR, bind_subject, eligible_mentions, sentence_topic

__all__ = ["detect_language", "extract"]

_CONVERSION_GAP = re.compile(r"^\s?[(（]\s?$")


def detect_language(text: str) -> str:
    """``"ko"`` when Hangul syllables make up at least 30% of the letters (Hangul + Latin), else ``"en"``."""
    hangul = 0
    latin = 0
    for ch in text:
        if "\uac00" <= ch <= "\ud7a3":
            hangul += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if hangul and hangul >= 0.3 * (hangul + latin):
        return "ko"
    return "en"


def _normalize_language(language: str | None, text: str) -> str:
    if language is None:
        return detect_language(text)
    return "ko" if language.lower().startswith("ko") else "en"


@dataclass
class _Context:
    paragraph: int
    subject: str | None
    attribution: str | None
    metrics: dict[str, str]  # unit family → metric of the sentence's first figure of that family
    doc_subject: str | None  # the document's most mentioned company, agency or model owner so far


def _fallback_subject(
    prev: _Context | None, paragraph: int, sentence: str, lang: str, until: int | None = None
) -> str | None:
    """The subject a sentence without a candidate inherits.

    Korean drops subjects freely: the previous sentence's subject within the paragraph. English states
    them: only a sentence with an anaphor ("it", "the company") before its first figure inherits.
    Across paragraphs, an anaphor reaches back to the document's most salient entity (the most
    mentioned company, agency or model owner).
    """
    if prev is None:
        return None
    anaphor = ANAPHOR[lang].search(sentence, 0, len(sentence) if until is None else until) is not None
    if prev.paragraph == paragraph and (lang == "ko" or anaphor):
        return prev.subject or (prev.doc_subject if anaphor else None)
    return prev.doc_subject if anaphor else None


def extract(text: str, language: str | None = None) -> list[Figure]:
    """All figures in ``text`` (see ``pipelines.extract.extract_figures``)."""
    lang = _normalize_language(language, text)
    out: list[Figure] = []
    prev: _Context | None = None
    salience: dict[str, tuple[int, int]] = {}  # entity → (mentions so far, last position)
    for sent in split_sentences(text):
        st = sent.text
        excluded = excluded_spans(st)
        mentions = find_mentions(st)
        chips = chip_mentions(mentions)
        if lang == "ko":
            cands = ko_candidates(st, excluded, [(c.start, c.end) for c in chips])
        else:
            cands = en_candidates(st, excluded, chips)
        own_attr = find_attribution(st, mentions, lang)
        attr = own_attr or (prev.attribution if prev is not None and prev.paragraph == sent.paragraph else None)
        fallback = _fallback_subject(prev, sent.paragraph, st, lang, cands[0].start if cands else None)
        spans = [(c.start, c.end) for c in cands]
        eligible = eligible_mentions(st, mentions, lang, spans)
        topic = sentence_topic(st, eligible, lang)
        first_subject: str | None = None
        if cands:
            inherited = prev.metrics if prev is not None else {}
            figs = _bind(st, lang, cands, spans, mentions, eligible, chips, topic, fallback, attr, inherited)
            base = len(out)
            for fig in figs:
                out.append(
                    replace(
                        fig,
                        span_start=sent.start + fig.span_start,
                        span_end=sent.start + fig.span_end,
                        sentence_start=sent.start,
                        linked_to=None if fig.linked_to is None else base + fig.linked_to,
                    )
                )
            first_subject = figs[0].subject
        metrics: dict[str, str] = {}
        if cands:
            for fig in figs:
                if fig.linked_to is None and fig.metric != "other":
                    metrics.setdefault(unit_family(fig.unit), fig.metric)
        subject = first_subject or topic or fallback
        for m in mentions:
            if m.entity.kind in ("org", "agency", "model") and m.entity.role != "outlet":
                name = m.entity.owner or m.entity.canonical
                salience[name] = (salience.get(name, (0, 0))[0] + 1, sent.start)
        doc_subject = max(salience, key=lambda k: salience[k]) if salience else None
        prev = _Context(sent.paragraph, subject, own_attr, metrics, doc_subject)
    return out


def _bind(
    st: str,
    lang: str,
    cands: list[Candidate],
    spans: list[tuple[int, int]],
    mentions: list,
    eligible: list,
    chips: list,
    topic: str | None,
    fallback: str | None,
    attr: str | None,
    inherited: dict[str, str],
) -> list[Figure]:
    hits = cue_hits(st, lang)
    ctx_base = {m.entity.canonical for m in mentions} | {m.entity.kind for m in mentions}
    ctx_base |= {m.entity.owner for m in mentions if m.entity.owner}
    rows: list[dict] = []
    fam_spans = [(c.start, c.end, unit_family(c.unit)) for c in cands]
    properties = property_cue_starts(hits)
    for c in cands:
        span = (c.start, c.end)
        ratio = c.unit in ("times", "fraction")
        bound = None if ratio else bind_subject(st, eligible, span, lang, properties)
        subject = (topic if ratio else bound) or fallback
        ctx = ctx_base | ({subject} if subject else set())
        metric = assign_metric(
            hits, span, c.unit, fam_spans, ctx, unit_family(c.unit), inherited.get(unit_family(c.unit))
        )
        if c.unit in ("percent", "percentage_points") and c.direction != 0 and metric == "other":
            metric = "percent_change"
        rows.append({"c": c, "subject": subject, "metric": metric, "linked_to": None})
    first_main = next((r for r in rows if r["c"].unit not in ("times", "fraction")), None)
    for r in rows:
        if r["c"].unit in ("times", "fraction") and first_main is not None:
            r["metric"] = first_main["metric"]
    for i in range(1, len(rows)):
        a, b = rows[i - 1]["c"], rows[i]["c"]
        if (
            a.unit in CURRENCY_UNITS
            and b.unit in CURRENCY_UNITS
            and a.unit != b.unit
            and _CONVERSION_GAP.match(st[a.end : b.start])
        ):
            main = rows[i - 1]
            while main["linked_to"] is not None:
                main = rows[main["linked_to"]]
            rows[i]["linked_to"] = rows.index(main)
            rows[i]["metric"] = main["metric"]
            rows[i]["subject"] = main["subject"]
    figs = []
    for r in rows:
        c = r["c"]
        chip = bind_chip(st, chips, (c.start, c.end), c.unit, r["metric"], spans, c.chip)
        if r["linked_to"] is not None:
            chip = figs[r["linked_to"]].chip
        low, high = interval(c.value, c.resolution, c.qualifier, c.low, c.high)
        figs.append(
            Figure(
                surface=st[c.start : c.end],
                value=c.value,
                unit=c.unit,
                qualifier=c.qualifier,
                value_low=low,
                value_high=high,
                span_start=c.start,
                span_end=c.end,
                sentence=st,
                sentence_start=0,
                metric=r["metric"],
                subject=r["subject"],
                chip=chip,
                attributed_to=attr,
                rule=c.rule + ("+conversion" if r["linked_to"] is not None else ""),
                linked_to=r["linked_to"],
            )
        )
    return figs
