"""Altair charts used on more than one page, and the one colour each meaning has in every chart.

A chart takes display frames (labels.humanise applied), so its categories read as the tables do.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import altair as alt
import pandas as pd

from compliance import countries, labels

NOT_KNOWN_GREY = "#b0b0b0"
MILESTONES = ["ratified", "in force", "due", "submitted", "reviewed"]

# One colour per meaning, whatever the chart: red is always bad news, grey always "not known".
COLOURS: dict[str, dict[str, str]] = {
    "status_on_date": {
        "submitted": "#1a9850",
        "submitted (date not known)": "#91cf60",
        "not yet due": "#4575b4",
        "overdue": "#d73027",
        "overdue when last known": "#fc8d59",
        "status not known": NOT_KNOWN_GREY,
        "due date not known": "#dddddd",
    },
    "participation": {
        "absent (noted by the committee)": "#d73027",
        "present": "#4575b4",
        "submitted information": "#91bfdb",
        "other": NOT_KNOWN_GREY,
    },
    "outcome": {
        "convicted": "#1a9850",
        "prosecuted": "#66bd63",
        "disciplinary proceedings": "#a6d96a",
        "investigation ongoing": "#fdae61",
        "nothing done": "#d73027",
        "no outcome stated": NOT_KNOWN_GREY,
    },
    "response": {"accepted": "#4575b4", "noted": "#fdae61"},
    # How much the record knows: from thin (light) to full (dark); never red, since thin is not bad news.
    "known_level": {
        "ratification only": "#e0e0e0",
        "due date": "#c6dbef",
        "status known": "#6baed6",
        "reviewed": "#08519c",
    },
    "milestone": {
        "ratified": "#542788",
        "in force": "#8073ac",
        "due": "#b35806",
        "submitted": "#1a9850",
        "reviewed": "#2166ac",
    },
}
SPEC_ENTRIES = 256
_specs: OrderedDict[str, str] = OrderedDict()
_specs_lock = threading.Lock()


def spec(build: Callable[..., alt.Chart], frame: pd.DataFrame, *args, **kwargs) -> dict:
    """The Vega-Lite spec of `build(frame, *args, **kwargs)`, built once per distinct rows and arguments.

    Building an Altair chart and validating it cost more than the rest of a page run; the same rows give the
    same spec, so a rerun (or another reader on the same filters) only reads it back. Keyed by the rows'
    content, never by object identity.
    """
    try:
        rows = pd.util.hash_pandas_object(frame, index=False).values.tobytes()
    except TypeError:  # a cell pandas cannot hash: build it every time
        return _to_dict(build(frame, *args, **kwargs))
    shape = repr((build.__module__, build.__qualname__, list(frame.columns), list(map(str, frame.dtypes)), args,
                  sorted(kwargs.items())))  # fmt: skip
    key = hashlib.sha256(rows + shape.encode()).hexdigest()
    with _specs_lock:
        text = _specs.get(key)
        if text is not None:
            _specs.move_to_end(key)
    if text is None:
        text = json.dumps(_to_dict(build(frame, *args, **kwargs)))
        with _specs_lock:
            _specs[key] = text
            while len(_specs) > SPEC_ENTRIES:
                _specs.popitem(last=False)
    return json.loads(text)  # a fresh dict each time: Streamlit takes the datasets out of the one it is given


def _to_dict(chart: alt.Chart) -> dict:
    """The chart's spec as st.altair_chart would send it: without the fixed 300 px view of Altair's default theme
    (Streamlit sizes charts itself). The theme is process-wide, so one conversion at a time."""
    with _specs_lock, alt.theme.enable("none"):
        return chart.to_dict()


# Two columns fit a phone's width; labels and titles are never cut.
LEGEND = alt.Legend(orient="bottom", direction="horizontal", labelLimit=0, titleLimit=0, columns=2)


def colour(field: str, title: str) -> alt.Color:
    """The colour encoding of a field with a fixed meaning: the same domain and colours in every chart."""
    scale = COLOURS[field]
    return alt.Color(
        f"{field}:N", title=title, scale=alt.Scale(domain=list(scale), range=list(scale.values())), legend=LEGEND
    )


def _tooltip(frame: pd.DataFrame) -> list[alt.Tooltip]:
    return [alt.Tooltip(c, title=labels.column(c)) for c in frame.columns if c not in ("source", "quote")]


def bars(frame: pd.DataFrame, x: str, y: str, color: str | None, x_title: str, y_title: str, **kw) -> alt.Chart:
    """Bars of `y` against `x`, stacked by `color` (a field with a fixed colour) when given."""
    few = frame[x.split(":")[0]].nunique() <= 6
    enc = {
        "x": alt.X(
            x,
            title=x_title,
            sort=kw.get("sort", "ascending"),
            axis=alt.Axis(labelLimit=220, labelAngle=0 if few else -45),
        ),
        "y": alt.Y(y, title=y_title, axis=alt.Axis(tickMinStep=1, format="d")),
        "tooltip": _tooltip(frame),
    }
    if color:
        enc["color"] = colour(color, labels.column(color))
    # A single state or a few categories get bars of a readable width, not one bar the width of the page.
    return alt.Chart(frame).mark_bar(**({"size": 36} if few else {})).encode(**enc)


def heat(frame: pd.DataFrame, x: str, y: str, color: str, x_title: str, y_title: str, **kw) -> alt.Chart:
    """A matrix of `x` by `y`: cells coloured by a fixed-meaning category, or shaded by a whole count."""
    field = color.split(":")[0]
    if field in COLOURS:
        fill = colour(field, labels.column(field))
    else:
        fill = alt.Color(
            color, title=labels.column(field), legend=alt.Legend(format="d", tickMinStep=1, orient="bottom")
        )
    return (
        alt.Chart(frame)
        .mark_rect(stroke="white")
        .encode(
            x=alt.X(x, title=x_title, sort=kw.get("sort", "ascending"), axis=alt.Axis(labelLimit=220, labelAngle=-40)),
            y=alt.Y(y, title=y_title, axis=alt.Axis(labelLimit=220)),
            color=fill,
            tooltip=_tooltip(frame),
        )
    )


GEO = Path(__file__).resolve().parent.parent / "static" / "geo" / "countries-110m.json"
GEO_URL = "app/static/geo/countries-110m.json"  # served by the app itself: the chart fetches from no third party


@functools.cache
def _boundaries() -> dict:
    """Natural Earth's 1:110m countries (world-atlas TopoJSON), shipped with the app in static/geo/."""
    return json.loads(GEO.read_text())


def shape_ids() -> set[str]:
    """The ISO numeric codes the map has a shape for."""
    return {g["id"] for g in _boundaries()["objects"]["countries"]["geometries"] if g.get("id")}


def off_map(frame: pd.DataFrame) -> list[str]:
    """The states of `frame` the map has no shape for (too small at 1:110m, or no longer a state)."""
    ids = shape_ids()
    return sorted(name for name, iso3 in zip(frame["state"], frame["iso3"]) if countries.numeric(iso3) not in ids)


def world_map(frame: pd.DataFrame, field: str, title: str) -> alt.Chart:
    """Each country coloured by `field` (a number), grey where it is not known; a country the data does not name
    is grey too. `frame` needs iso3, state and `field`."""
    data = frame.assign(id=frame["iso3"].map(countries.numeric))[["id", "state", field]]
    # By URL, not inline: the 108 kB of boundaries stay out of every page run's message; the browser caches them.
    shapes = alt.UrlData(GEO_URL, format=alt.DataFormat(type="topojson", feature="countries"))
    known = alt.Color(f"{field}:Q", title=title, scale=alt.Scale(scheme="blues"),
                      legend=alt.Legend(orient="bottom", titleLimit=0))  # fmt: skip
    return (
        alt.Chart(shapes)
        .mark_geoshape(stroke="white", strokeWidth=0.4)
        .transform_lookup(lookup="id", from_=alt.LookupData(data, "id", ["state", field]))
        .encode(
            color=alt.condition(f"isValid(datum['{field}'])", known, alt.value(NOT_KNOWN_GREY)),
            tooltip=[alt.Tooltip("state:N", title="State"), alt.Tooltip(f"{field}:Q", title=title)],
        )
        .project("equalEarth")
        .properties(height=380)
    )


def timeline(frame: pd.DataFrame) -> alt.Chart:
    """One row per report: each milestone a point, the lateness from due to submitted a red line."""
    base = alt.Chart(frame).encode(y=alt.Y("report:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)))
    span = (
        base.transform_filter(alt.FieldOneOfPredicate(field="milestone", oneOf=["due", "submitted"]))
        .mark_line(color=COLOURS["status_on_date"]["overdue"], strokeWidth=3)
        .encode(x="milestone_date:T", detail="report:N")
    )
    points = base.mark_point(filled=True, size=90).encode(
        x=alt.X("milestone_date:T", title="Date"),
        color=colour("milestone", "Milestone"),
        shape=alt.Shape("milestone:N", sort=MILESTONES, title="Milestone", legend=LEGEND),
        tooltip=[
            alt.Tooltip(c, title=labels.column(c))
            for c in ("report", "milestone", "date_label", "years_late", "status_on_date")
        ],
    )
    return (span + points).properties(height=alt.Step(28))
