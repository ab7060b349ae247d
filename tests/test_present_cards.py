"""Claim cards as a reader sees them: titles in words, readable numbers and dates, bounds as arrows, unit
errors in their own lane, outlet colours that never look like the flags."""

import re
from datetime import UTC, datetime

import matplotlib
import polars as pl
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from pipelines.present import numbers  # noqa: E402
from pipelines.present.chart import (  # noqa: E402
    FLAG_COLORS,
    LANE_LABEL,
    MAIN_LABEL,
    PALETTE,
    card_figure,
    date_tick,
    matplotlib_rc,
    outlet_styles,
)
from pipelines.present.labels import claim_title, matches, search_words  # noqa: E402

V3 = "DeepSeek|training_cost|-|money|DeepSeek-V3"
MONTH_YEAR = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b")


def obs(source, when, value, low, high, qualifier="exact", relation="rounding", surface="", recited=False,
        unit="USD", key=V3):
    return {"claim_key": key, "observed_at": when, "source": source, "value": value, "value_low": low,
            "value_high": high, "qualifier": qualifier, "relation_to_previous": relation, "surface": surface,
            "is_recitation": recited, "unit": unit, "fact_id": f"{source}-{when:%d%H}-{value}",
            "conversion_surface": None}


def v3_claim() -> pl.DataFrame:
    d = lambda day, h=12: datetime(2025, 1, day, h, tzinfo=UTC)  # noqa: E731
    return pl.DataFrame([
        obs("cnn", d(27), 5.6e6, 5.55e6, 5.65e6, relation="first", surface="just $5.6 million"),
        obs("news1", d(27, 15), 6e6, 0.0, 6e6, "less_than", "bound", "600만 달러 미만"),
        obs("news1", d(27, 15), 5.576e6, 5.5755e6, 5.5765e6, surface="557만6000달러", recited=True),
        obs("news1", d(29), 5.576e7, 5.5755e7, 5.5765e7, relation="probable_unit_error", surface="5576만 달러"),
        obs("cnn", datetime(2025, 9, 17, tzinfo=UTC), 5.6e6, 5.55e6, 5.65e6, surface="$5.6 million",
            recited=True),
    ])


@pytest.fixture
def v3_figure():
    claim = v3_claim()
    title = claim_title(V3, claim["surface"].to_list())
    fig = card_figure(claim, title, "5 reports from 2 outlets", (5.5755e6, 5.577e6))
    with matplotlib_rc():
        fig.canvas.draw()
    yield fig
    plt.close(fig)


def axes(fig, label):
    return next(a for a in fig.axes if a.get_label() == label)


def test_a_title_is_words_in_the_majority_language_with_the_other_beside_it():
    en = claim_title(V3, ["$5.6 million", "$5.6 million", "557만 6000달러"])
    assert (en.main, en.other, en.lang) == ("DeepSeek-V3 training cost, as reported",
                                            "딥시크 V3 훈련 비용 (보도된 수치)", "en")
    ko = claim_title("Nvidia|share_price|-|money|@2025-01-27", ["118.42달러", "118.42달러", "$118.51"])
    assert ko.lang == "ko" and ko.main.startswith("엔비디아 주가, 2025년 1월 27일")
    assert ko.other == "Nvidia share price, 27 Jan 2025, as reported"
    session = claim_title("Nvidia|percent_change|-|percent|@2025-04-15 after_hours", ["about 6%"]).main
    assert session == "Nvidia share price change, 15 Apr 2025, after hours, as reported"
    assert "|" not in claim_title("?|percent_change|-|percent", ["3%"]).main


@pytest.mark.parametrize(("value", "unit", "short", "long"), [
    (5.6e6, "USD", "$5.6M", "$5,600,000"),
    (5.576e6, "USD", "$5.576M", "$5,576,000"),
    (1.031e8, "USD", "$103.1M", "$103,100,000"),
    (118.42, "USD", "$118.42", "$118.42"),
    (5.93e11, "USD", "$593B", "$593,000,000,000"),
    (2048, "chips", "2,048 chips", "2,048"),
    (-3.07, "percent", "-3.07%", "-3.07%"),
    (80 / 24, "days", "80 hours", "80 hours"),
    (846e12, "KRW", "846조 원", "846조 원"),
])
def test_numbers_read_the_way_they_were_written(value, unit, short, long):
    assert numbers.compact(value, unit) == short
    assert numbers.full(value, unit) == long


def test_card_axes_have_readable_ticks_and_dates_with_month_and_year(v3_figure):
    labels = []
    for ax in v3_figure.axes:
        labels += [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()]
        assert ax.yaxis.get_offset_text().get_text() == ""  # no "1e6" above the axis
    assert labels and not [t for t in labels if re.search(r"\de[+-]?\d|×10", t)]
    y = [t.get_text() for t in axes(v3_figure, MAIN_LABEL).get_yticklabels() if t.get_text()]
    assert all(re.fullmatch(r"\$\d+(\.\d+)?M", t) for t in y), y
    x = [t.get_text() for t in axes(v3_figure, MAIN_LABEL).get_xticklabels() if t.get_text()]
    assert x and all(MONTH_YEAR.search(t) for t in x), x
    # a day's ticks keep their date too
    day = datetime(2025, 1, 27, 21, 30, tzinfo=UTC)
    assert date_tick(day, day - day.replace(hour=20)) == "21:30\n27 Jan 2025"


def test_a_bound_is_an_arrow_not_a_bar_from_zero(v3_figure):
    main = axes(v3_figure, MAIN_LABEL)
    bars = [seg for c in main.collections if isinstance(c, LineCollection) for seg in c.get_segments()]
    assert bars and min(seg[:, 1].min() for seg in bars) > 5e6  # intervals of rounded figures only
    arrows = [a for a in main.texts if isinstance(a, Annotation) and a.arrow_patch is not None
              and a.xyann[1] == 6e6]
    assert len(arrows) == 1
    assert main.get_ylim()[0] > 4e6  # the axis does not reach down to 0 for "less than $6 million"


def test_a_unit_error_has_its_own_lane_so_the_agreeing_reports_stay_readable(v3_figure):
    main, lane = axes(v3_figure, MAIN_LABEL), axes(v3_figure, LANE_LABEL)
    main_y = {round(y) for c in main.collections if isinstance(c, PathCollection) for _, y in c.get_offsets()}
    lane_y = {round(y) for c in lane.collections if isinstance(c, PathCollection) for _, y in c.get_offsets()}
    assert 55_760_000 in lane_y and 55_760_000 not in main_y
    assert main.get_ylim()[1] < 7e6 and main.get_yscale() == "linear"
    assert "unit error" in lane.get_title(loc="left")


def test_the_consensus_band_is_shaded(v3_figure):
    main = axes(v3_figure, MAIN_LABEL)
    bands = [p for p in main.patches if p.get_alpha() and p.get_alpha() < 0.5]
    assert len(bands) == 1
    assert bands[0].get_y() <= 5.5755e6 and bands[0].get_y() + bands[0].get_height() >= 5.577e6


def _lab(rgb):
    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


# Machado et al. (2009) full-severity simulation matrices, linear RGB
CVD = {"none": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
       "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                      (-0.003882, -0.048116, 1.051998)),
       "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                        (-0.011820, 0.042940, 0.968881))}


def _seen(color, matrix):
    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    def srgb(c):
        c = min(max(c, 0), 1)
        return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055

    rgb = [lin(c) for c in to_rgb(color)]
    return tuple(srgb(sum(m * c for m, c in zip(row, rgb, strict=True))) for row in matrix)


def test_outlet_colours_never_look_like_the_flags_even_to_colour_blind_readers():
    styles = outlet_styles(["cnn", "news1", "nyt", *[f"outlet{i}" for i in range(12)]])
    assert len({(s.color, s.marker) for s in styles.values()}) == len(styles)  # one look per outlet
    assert len({styles[o].color for o in ("cnn", "news1", "nyt")}) == 3
    for vision, matrix in CVD.items():
        for color in PALETTE:
            for flag in FLAG_COLORS:
                a, b = _lab(_seen(color, matrix)), _lab(_seen(flag, matrix))
                distance = sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5
                assert distance > 20, (vision, color, flag, distance)


def test_claims_are_found_the_way_a_person_types_them():
    v3 = search_words(V3)
    for query in ("training cost", "DeepSeek cost", "훈련 비용", "딥시크", "deepseek v3"):
        assert matches(query, v3), query
    assert matches("h800", search_words("DeepSeek|chip_count|H800|chips|DeepSeek-R1"))
    assert not matches("nvidia", v3) and not matches("share price", v3) and not matches("", v3)


def test_only_unit_errors_go_to_the_unit_error_lane_and_dollars_are_no_math():
    from pipelines.present.chart import _rc, in_unit_error_lane

    assert in_unit_error_lane({"consensus": "unit_error"}, (None, None))
    # 39만달러 against $294,000 is a conflict, not a tenfold slip: it stays on the main axis
    assert not in_unit_error_lane({"consensus": "outlier", "value": 390_000.0}, (293_500.0, 295_000.0))
    assert _rc()["text.parse_math"] is False  # "$593 billion → $593B" is drawn as written
