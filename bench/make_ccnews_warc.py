"""Write a CC-NEWS-like WARC file: a ``warcinfo`` record, then one gzipped ``response`` record per page.

``python bench/make_ccnews_warc.py [--pages 40000] [--size 1G] [--seed 13] [--out FILE]``

A CC-NEWS file is about 1 GB and holds about 40,000 news pages on every topic, in many languages, from many
outlets; a few percent are about chips. This writes the same mix, deterministically for a seed:

- **about chips** (``--chip-share``, default 3 %): mutated copies of the sample archive's pages
  (``sample_archive/``) and of the shared corpus pages (``$CHIPWATCH_SHARED/corpus``, read at generation time,
  never copied into the repository): another outlet host or article path, dates moved, figures scaled,
  paragraphs shuffled. The corpus pages are real outlet markup on other topics; they stand in the mix as
  news pages of known templates;
- **near misses** (2 %): off-topic pages with words the topic filter has to see through (a chip shot, blue
  chips, a food processor, a restaurant server);
- **other languages about chips** (0.5 %): pages in German, Spanish, French or Japanese naming Nvidia;
- **the rest**: generated news pages on other topics, in English (about half), Spanish, German, French,
  Portuguese, Italian, Russian, Japanese, Chinese, Arabic or Korean, with navigation, scripts, ad slots and
  JSON-LD, sized so the file reaches ``--size`` (about 25 KB compressed per page at the defaults).

The generated text is made of word lists written for this script; nothing is copied from anywhere. Writes
to ``--out`` (default under /tmp), never into the repository. Two processes write halves of the file, which
are joined (a WARC of per-record gzip members can be concatenated).
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import random
import re
import shutil
import sys
from datetime import UTC, datetime, timedelta
from multiprocessing import Pool
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
GENERATOR_VERSION = "v1"  # part of the default file name: raise it when the output changes
CHUNK = 2000  # pages per part file (the unit of parallel work and of the seed)

EN_WORDS = (  # noqa: SIM905 - a word list as prose reads better
    "the of and to in a is that for on with as was at by from said it an be has have are this his her their "
    "city council mayor officials residents police weather storm rain season team coach game players fans "
    "league score final win loss school students teachers board parents budget tax plan state county court "
    "judge trial jury case lawyer health hospital doctors patients vaccine study researchers university "
    "museum artist festival music film actor show series book author restaurant chef menu food market prices "
    "housing rent homes buyers election voters campaign candidate party senate house bill law governor river "
    "park trail bridge traffic road train airport flight travel tourists hotel beach summer winter spring "
    "autumn morning evening week month year today yesterday local national community family children women "
    "men people group members leaders report news update story week end new old first last more less many "
    "few other some all every would could should will may might after before during while because however "
    "also again still just only even about over under between against through into out up down"
).split()
LATIN_SYLLABLES = {
    "es": "la de el que en los del se las por un una con para es al lo como más pero sus le ya o este sí porque "
          "esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les "
          "ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa "
          "estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros ciudad gobierno",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden "
          "aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder "
          "aber vor zur bis mehr durch man sein wurde sei prozent stadt regierung wetter mannschaft spiel",
    "fr": "le de un être et à il avoir ne je son que se qui ce dans en du elle au pour pas sur faire plus dire "
          "me on mon lui nous comme mais pouvoir avec tout y aller voir bien où sans tu ou leur homme si deux mari "
          "moi vouloir te femme venir quand grand celui notre devoir là jour prendre même ville gouvernement",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à "
          "seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem "
          "mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem cidade governo",
    "it": "di che è e la il un a per in una mi sono ho non ma lo ha le si ti con cosa se io come da ci no questo "
          "qui hai sei del bene tu sì me più al mio c'è perché lei solo te era gli tutto della così mia ne questa "
          "fare quando ora fatto essere niente cosa città governo squadra partita tempo",
}
RU_SYLLABLES = "ра ко ни та ло ве по на ст ли ме ро до го ть ка ва ле де то но ре ми сто при гра вор дом мир"
AR_WORDS = "في من على إلى أن عن مع هذا التي الذي كان قال بين بعد كل عام يوم مدينة الحكومة الفريق المباراة الطقس"
JA_CHARS = (
    "のにはをたがでてとしれさあるいうかもなこらまえんすよりおくけどせだやろつわ日本東京市町天気試合選手学校"
)
ZH_CHARS = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头"
    "面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信"
    "北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物"
    "台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跑"
)
KO_SYLLABLES = (
    "가나다라마사아자차카타파하고노도로모소오조초코토포호구누두루무수우주추쿠투푸후기니디리미시이지치키티피히거너더러머서어저처커터퍼허"
)
LANG_MIX = [("en", 0.46), ("es", 0.12), ("de", 0.08), ("fr", 0.07), ("pt", 0.06), ("it", 0.04), ("ru", 0.05),
            ("ja", 0.04), ("zh", 0.03), ("ar", 0.02), ("ko", 0.03)]
NEAR_MISSES = [
    "She sank a chip shot from the edge of the green to win the club championship on Sunday.",
    "Investors moved into blue chips as the bond market steadied, brokers said.",
    "The chef pulsed the herbs in a food processor before folding them into the sauce.",
    "A server at the restaurant said the kitchen had run out of bread by noon.",
    "The quarterback carried a chip on his shoulder after being passed over in the draft.",
    "Neighbors chipped in to repair the roof of the community hall after the storm.",
]
FOREIGN_CHIP = {
    "de": "Der Chipkonzern Nvidia meldete einen Rekordumsatz, Analysten sprachen von einem starken Quartal.",
    "es": "Nvidia presentó nuevos resultados y sus acciones subieron en la bolsa de Nueva York.",
    "fr": "Le groupe Nvidia a annoncé des résultats trimestriels au-dessus des attentes des analystes.",
    "ja": "米半導体大手のNvidiaは四半期決算を発表し、売上高が市場予想を上回った。",
}
SECTIONS = ["local", "sports", "politics", "culture", "business", "health", "travel", "opinion", "world", "food"]
TLDS = ["com", "net", "org", "co.uk", "de", "es", "fr", "com.br", "it", "ru", "jp", "cn", "kr", "in", "com.au"]


def _word_pool(rng: random.Random, lang: str, n: int = 3000) -> list[str]:
    if lang == "en":
        return EN_WORDS
    if lang in LATIN_SYLLABLES:
        return LATIN_SYLLABLES[lang].split()
    if lang == "ru":
        syl = RU_SYLLABLES.split()
        return ["".join(rng.choice(syl) for _ in range(rng.randint(1, 4))) for _ in range(n)]
    if lang == "ar":
        return AR_WORDS.split()
    chars = {"ja": JA_CHARS, "zh": ZH_CHARS, "ko": KO_SYLLABLES}[lang]
    return ["".join(rng.choice(chars) for _ in range(rng.randint(1, 3))) for _ in range(n)]


class Text:
    """Sentences and paragraphs per language, made once per part and drawn from."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.paragraphs: dict[str, list[str]] = {}
        for lang, _ in LANG_MIX:
            words = _word_pool(rng, lang)
            sep = "" if lang in ("ja", "zh") else " "
            end = "。" if lang in ("ja", "zh") else "."
            paras = []
            for _ in range(400):
                sents = []
                for _ in range(rng.randint(2, 6)):
                    s = sep.join(rng.choice(words) for _ in range(rng.randint(8, 24)))
                    sents.append(s[:1].upper() + s[1:] + end)
                paras.append(" ".join(sents))
            self.paragraphs[lang] = paras
        self.blobs = [base64.b64encode(rng.randbytes(rng.randint(60, 400))).decode() for _ in range(200)]

    def paras(self, lang: str, n: int) -> list[str]:
        return [self.rng.choice(self.paragraphs[lang]) for _ in range(n)]


def _host(rng: random.Random, outlet: int) -> str:
    r = random.Random(outlet)
    name = "".join(r.choice("bcdfghjklmnprstvz") + r.choice("aeiou") for _ in range(r.randint(2, 4)))
    return f"www.{name}{r.choice(['news', 'times', 'post', 'daily', 'herald', 'press', ''])}.{r.choice(TLDS)}"


def _script(text: Text) -> str:
    rng = text.rng
    return (f'<script>window.__cfg={{"id":"{rng.getrandbits(64):x}","ab":[{rng.randint(1, 99)},'
            f'{rng.randint(1, 99)}],"blob":"{rng.choice(text.blobs)}"}};(function(w,d){{var s=d.createElement'
            f'("script");s.async=1;s.src="https://cdn.{rng.getrandbits(32):x}.example/t.js?v={rng.randint(1, 999)}";'
            f'd.head.appendChild(s)}})(window,document);</script>')


def offtopic_page(text: Text, lang: str, host: str, when: datetime, target: int, extra: str = "") -> tuple[str, str]:
    """A generated news page on another topic: (url, html) of about ``target`` bytes."""
    rng = text.rng
    section = rng.choice(SECTIONS)
    slug = "-".join(rng.choice(EN_WORDS) for _ in range(rng.randint(3, 7)))
    url = f"https://{host}/{when:%Y/%m/%d}/{section}/{slug}-{rng.randint(10000, 999999)}.html"
    title = text.paras(lang, 1)[0][:90]
    body = text.paras(lang, rng.randint(6, 18))
    if extra:
        body.insert(rng.randint(0, len(body)), extra)
    nav = "".join(f'<li><a href="/{s}/">{s.title()}</a></li>' for s in SECTIONS)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": when.isoformat(), "inLanguage": lang,
                     "publisher": {"@type": "Organization", "name": host.split(".")[1].title()}}, ensure_ascii=False)
    parts = [f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>',
             f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">',
             f'<meta property="article:published_time" content="{when.isoformat()}">',
             f'<meta property="article:section" content="{section}">',
             f'<script type="application/ld+json">{ld}</script>', _script(text), _script(text),
             f'</head><body><header><nav><ul>{nav}</ul></nav></header>',
             '<div class="ad-slot" data-slot="top"></div><main><article>', f"<h1>{title}</h1>",
             *(f"<p>{p}</p>" for p in body), "</article></main>"]
    size = sum(map(len, parts))
    while size < target:  # related links, ad slots and tracking scripts, as real pages carry
        chunk = (f'<aside class="related"><a href="/{rng.choice(SECTIONS)}/{rng.getrandbits(40):x}.html">'
                 f'{text.paras(lang, 1)[0][:70]}</a></aside><div class="ad-slot" data-id="{rng.getrandbits(48):x}">'
                 f'</div>{_script(text)}')
        parts.append(chunk)
        size += len(chunk)
    parts.append(f'<footer>© {when.year} {host}</footer></body></html>')
    return url, "".join(parts)


# --------------------------------------------------------------------------------------- chip pages


def _sources(corpus: Path | None) -> list[tuple[str, str]]:
    """(url, html) of every HTML page of the sample archive and of the shared corpus."""
    out = []
    for line in (REPO / "sample_archive" / "manifest.jsonl").read_text().splitlines():
        e = json.loads(line)
        if "html" in e.get("headers", {}).get("Content-Type", "") and e.get("status", 200) == 200:
            out.append((e["url"], (REPO / "sample_archive" / e["file"]).read_text(encoding="utf-8", errors="replace")))
    if corpus is not None and (corpus / "pages").is_dir():
        expected = {}
        if (corpus / "expected.jsonl").is_file():
            for line in (corpus / "expected.jsonl").read_text().splitlines():
                if line.strip():
                    e = json.loads(line)
                    expected[e.get("file", "")] = e.get("url")
        for p in sorted((corpus / "pages").glob("*.html")):
            url = expected.get(f"pages/{p.name}") or expected.get(p.name) or f"https://corpus.example/{p.stem}.html"
            out.append((url, p.read_text(encoding="utf-8", errors="replace")))
    return out


_NUM = re.compile(r"(?<![\d.,])(\d{2,3})(?=(?:,\d{3})*(?:\.\d+)?\s*(?:million|billion|chips|억|만|개))")
_PARAS = re.compile(r"(<p\b[^>]*>.*?</p>)", re.S)
_DATE = re.compile(r"20(2[3-5])-(\d\d)-(\d\d)")


def mutate(rng: random.Random, url: str, page: str, outlet: int) -> tuple[str, str]:
    """Another outlet's (or another day's) copy of a page: host or path, dates, figures, paragraph order."""
    shift = timedelta(days=rng.randint(-300, 300))

    def move_date(m: re.Match) -> str:
        try:
            d = datetime(2000 + int("2" + m.group(1)), int(m.group(2)), int(m.group(3))) + shift
        except ValueError:
            return m.group(0)
        return f"{d:%Y-%m-%d}"

    page = _DATE.sub(move_date, page)
    page = _NUM.sub(lambda m: str(max(10, int(m.group(1)) + rng.randint(-9, 9))), page)
    paras = _PARAS.findall(page)
    if len(paras) > 3:  # shuffle the body's paragraphs after the first
        rest = paras[1:]
        rng.shuffle(rest)
        it = iter([paras[0], *rest])
        page = _PARAS.sub(lambda m: next(it), page)
    old = url.split("/")[2]
    suffix = f"{rng.getrandbits(24):06x}"
    if rng.random() < 0.3:  # the outlet itself, another article path: read by the outlet's parser
        new_url = re.sub(r"(\d{7})(?!.*\d{7})", lambda m: str(int(m.group(1)) + rng.randint(1, 10**6)), url, count=1)
        if new_url == url:
            new_url = re.sub(r"(/[^/]+?)(/index\.html|\.html)?$", lambda m: f"{m.group(1)}-{suffix}{m.group(2) or ''}",
                             url, count=1)
    else:  # another outlet's copy: another host, read by the generic parser
        host = _host(rng, outlet)
        new_url = url.replace(old, host, 1)
        new_url = re.sub(r"(\.html?)?$", lambda m: f"-{suffix}{m.group(1) or ''}", new_url, count=1)
        page = page.replace(old, host)
    page = page.replace(url, new_url)
    return new_url, page


# --------------------------------------------------------------------------------------- writing


def _response(writer: WARCWriter, url: str, when: datetime, html: str) -> None:
    body = html.encode("utf-8")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                          ("Content-Length", str(len(body))),
                                          ("Date", when.strftime("%a, %d %b %Y %H:%M:%S GMT")),
                                          ("Server", "nginx")], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                    warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")})
    writer.write_record(rec)


def _part(job: tuple) -> tuple[str, dict]:
    """Write pages ``[start, stop)`` to a part file; return its path and what it holds."""
    path, start, stop, seed, chip_share, page_bytes, corpus = job
    rng = random.Random(f"{seed}:{start}")
    text = Text(rng)
    sources = _sources(Path(corpus) if corpus else None)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    counts = {"chip": 0, "near_miss": 0, "foreign_chip": 0, "offtopic": 0, "html_bytes": 0}
    langs, weights = zip(*LANG_MIX, strict=True)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(start, stop):
            when = base + timedelta(seconds=i * 37 + rng.randint(0, 30))
            outlet = rng.randint(1, 600)
            roll = rng.random()
            if roll < chip_share and sources:
                url, page = mutate(rng, *rng.choice(sources), outlet)
                kind = "chip"
            elif roll < chip_share + 0.02:
                url, page = offtopic_page(text, "en", _host(rng, outlet), when,
                                          int(rng.gauss(page_bytes, page_bytes / 4)), rng.choice(NEAR_MISSES))
                kind = "near_miss"
            elif roll < chip_share + 0.025:
                lang = rng.choice(list(FOREIGN_CHIP))
                url, page = offtopic_page(text, lang, _host(rng, outlet), when,
                                          int(rng.gauss(page_bytes, page_bytes / 4)), FOREIGN_CHIP[lang])
                kind = "foreign_chip"
            else:
                lang = rng.choices(langs, weights)[0]
                url, page = offtopic_page(text, lang, _host(rng, outlet), when,
                                          max(4000, int(rng.gauss(page_bytes, page_bytes / 4))))
                kind = "offtopic"
            counts[kind] += 1
            counts["html_bytes"] += len(page)
            _response(writer, url, when, page)
    return path, counts


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*([\d.]+)\s*([kKmMgG]?)[bB]?\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (e.g. 1G, 100M)")
    return int(float(m.group(1)) * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()])


# Raw HTML bytes per compressed byte of the generated pages (measured): sizes pages for --size.
COMPRESSION = 2.35


def generate(out: Path, pages: int = 40_000, size: int = 1 << 30, seed: int = 13, chip_share: float = 0.03,
             corpus: Path | None = None, workers: int = 2) -> dict:
    """Write the archive; return what it holds (pages by kind, HTML bytes, file bytes)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    page_bytes = max(4000, int(size / pages * COMPRESSION))
    parts = [(f"{out}.part{k:04d}", s, min(s + CHUNK, pages), seed, chip_share, page_bytes,
              str(corpus) if corpus else None) for k, s in enumerate(range(0, pages, CHUNK))]
    tmp = Path(f"{out}.tmp")
    with open(tmp, "wb") as fh:
        info = WARCWriter(fh, gzip=True)
        info.write_record(info.create_warcinfo_record(out.name, {
            "software": "chipwatch bench/make_ccnews_warc.py", "format": "WARC File Format 1.1",
            "description": f"CC-NEWS-like test archive: {pages} pages, seed {seed}",
            "isPartOf": "CC-NEWS-synthetic"}))
    counts: dict[str, int] = {}
    with Pool(workers) as pool:
        for path, c in pool.imap(_part, parts):
            for k, v in c.items():
                counts[k] = counts.get(k, 0) + v
            with open(tmp, "ab") as dst, open(path, "rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
            os.unlink(path)
    tmp.replace(out)
    return {**counts, "pages": pages, "file_bytes": out.stat().st_size}


def default_corpus() -> Path | None:
    shared = Path(os.environ.get("CHIPWATCH_SHARED", REPO.parent / "shared"))
    return shared / "corpus" if (shared / "corpus").is_dir() else None


def default_out(pages: int, size: int, seed: int) -> Path:
    return Path("/tmp") / f"chipwatch-ccnews-{pages}p-{size >> 20}M-s{seed}-{GENERATOR_VERSION}.warc.gz"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=40_000)
    p.add_argument("--size", type=parse_size, default="1G", help="target file size (default 1G)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--chip-share", type=float, default=0.03)
    p.add_argument("--corpus", type=Path, default=None, help="shared corpus folder (default $CHIPWATCH_SHARED/corpus)")
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    out = args.out or default_out(args.pages, args.size, args.seed)
    if REPO in out.resolve().parents:
        print(f"make_ccnews_warc: refusing to write inside the repository: {out}", file=sys.stderr)
        return 2
    counts = generate(out, args.pages, args.size, args.seed, args.chip_share, args.corpus or default_corpus())
    print(f"{out}: {counts['file_bytes'] / 2**20:.0f} MiB, " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
