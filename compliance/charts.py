"""Altair charts used on more than one page; each returns an `alt.Chart` and carries tooltips and axis titles."""

from __future__ import annotations

import altair as alt
import pandas as pd

MILESTONES = ["ratified", "in force", "due", "submitted", "reviewed"]


def _title(field: str) -> str:
    """A readable legend title from an encoding shorthand: 'status_on_date:N' -> 'status on date'."""
    return field.split(":")[0].replace("_", " ")


def bars(frame: pd.DataFrame, x: str, y: str, color: str | None, x_title: str, y_title: str, **kw) -> alt.Chart:
    """Bars of `y` against `x`, stacked by `color` when given."""
    enc = {
        "x": alt.X(x, title=x_title, sort=kw.get("sort", "ascending")),
        "y": alt.Y(y, title=y_title, axis=alt.Axis(tickMinStep=1)),
        "tooltip": [c for c in frame.columns if c not in ("source", "quote")],
    }
    if color:
        enc["color"] = alt.Color(color, title=_title(color))
    return alt.Chart(frame).mark_bar().encode(**enc)


def heat(frame: pd.DataFrame, x: str, y: str, color: str, x_title: str, y_title: str) -> alt.Chart:
    """A matrix of `x` by `y`, each cell coloured by the category `color`."""
    return (
        alt.Chart(frame)
        .mark_rect(stroke="white")
        .encode(
            x=alt.X(x, title=x_title),
            y=alt.Y(y, title=y_title),
            color=alt.Color(color, title=_title(color)),
            tooltip=[c for c in frame.columns if c not in ("source", "quote")],
        )
    )


def timeline(frame: pd.DataFrame) -> alt.Chart:
    """One row per report: each milestone a point, the lateness from due to submitted a bar."""
    base = alt.Chart(frame).encode(y=alt.Y("report:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)))
    span = (
        base.transform_filter(alt.FieldOneOfPredicate(field="milestone", oneOf=["due", "submitted"]))
        .mark_line(color="#c44", strokeWidth=3)
        .encode(x="milestone_date:T", detail="report:N")
    )
    points = base.mark_point(filled=True, size=90).encode(
        x=alt.X("milestone_date:T", title="Date"),
        color=alt.Color("milestone:N", sort=MILESTONES, title="Milestone"),
        shape=alt.Shape("milestone:N", sort=MILESTONES, title="Milestone"),
        tooltip=["report", "milestone", "date_label", "years_late", "status_on_date"],
    )
    return (span + points).properties(height=alt.Step(28))
