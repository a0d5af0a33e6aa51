"""The shared filter bar: read from the URL, checked against known values, shown in the sidebar, written back.

URL names are part of the contract: state (ISO3, repeatable), group, instrument (repeatable), from, to, as_of.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import streamlit as st

from compliance import db

GROUPS = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and other",
)
URL_KEYS = ("state", "group", "instrument", "from", "to", "as_of")
YEAR = re.compile(r"\d{4}")
ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to; empty lists and None mean no narrowing."""

    states: tuple[str, ...] = ()
    group: str | None = None
    instruments: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    as_of: dt.date = field(default_factory=dt.date.today)

    def scope(self) -> dict:
        """The filters as SQL parameters ($state, $group, $instrument, $year_from, $year_to, $as_of)."""
        return {
            "state": list(self.states),
            "group": self.group,
            "instrument": list(self.instruments),
            "year_from": self.year_from,
            "year_to": self.year_to,
            "as_of": self.as_of,
        }

    def to_url(self) -> dict[str, str | list[str]]:
        """The filters as URL parameters, leaving out what is not set (as_of only when not today)."""
        out: dict[str, str | list[str]] = {}
        if self.states:
            out["state"] = list(self.states)
        if self.group:
            out["group"] = self.group
        if self.instruments:
            out["instrument"] = list(self.instruments)
        if self.year_from is not None:
            out["from"] = str(self.year_from)
        if self.year_to is not None:
            out["to"] = str(self.year_to)
        if self.as_of != dt.date.today():
            out["as_of"] = self.as_of.isoformat()
        return out

    def slug(self) -> str:
        """A short file-name part naming the filters: PAK_CAT, or all."""
        return slug(self.scope())


def slug(scope: dict | None, **params) -> str:
    """A short file-name part from SQL parameters: the states and instruments (PAK_CAT), a state code, or all."""
    scope = {**(scope or {}), **params}
    parts = list(scope.get("state") or [])[:3] + list(scope.get("instrument") or [])[:3]
    parts += [str(scope[k]) for k in ("iso3", "table_name") if scope.get(k)]
    return "_".join(p for p in parts if re.fullmatch(r"[A-Za-z0-9-]+", p)) or "all"


def parse(url: dict[str, list[str]], known_states: set[str], known_instruments: set[str]) -> tuple[Filters, list[str]]:
    """Filters from URL values; each unknown or malformed value is dropped with a notice naming it."""
    notices: list[str] = []

    def one(key: str) -> str | None:
        values = url.get(key) or []
        return values[-1] if values else None

    states = []
    for value in url.get("state", []):
        code = value.strip().upper()
        if ISO3.fullmatch(code) and code in known_states:
            states.append(code)
        else:
            notices.append(f"Ignored state {value!r}: not a known ISO3 code.")
    instruments = []
    for value in url.get("instrument", []):
        if value in known_instruments:
            instruments.append(value)
        else:
            notices.append(f"Ignored instrument {value!r}: not one of the instruments covered.")
    group = one("group")
    if group is not None and group not in GROUPS:
        notices.append(f"Ignored group {group!r}: not a UN regional group.")
        group = None
    years = {}
    for key in ("from", "to"):
        value = one(key)
        if value is None:
            years[key] = None
        elif YEAR.fullmatch(value.strip()) and 1945 <= int(value) <= 2100:
            years[key] = int(value)
        else:
            notices.append(f"Ignored {key} {value!r}: not a year.")
            years[key] = None
    as_of = dt.date.today()
    value = one("as_of")
    if value is not None:
        try:
            as_of = dt.date.fromisoformat(value.strip())
        except ValueError:
            notices.append(f"Ignored as_of {value!r}: not a date as YYYY-MM-DD.")
    return Filters(
        tuple(dict.fromkeys(states)), group, tuple(dict.fromkeys(instruments)), years["from"], years["to"], as_of
    ), notices


def _url_values() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in URL_KEYS if key in st.query_params}


def sidebar() -> Filters:
    """Render the filter bar; returns the filters in force and keeps the URL in step with them."""
    states = db.query("states_list")
    instruments = db.query("instruments_list")
    names = dict(zip(states["iso3"], states["name"]))
    url = _url_values()
    parsed, notices = parse(url, set(names), set(instruments["instrument"]))
    # A URL with filters (a shared link, a reload, an edit) sets the widgets; a bare URL after a page switch keeps them.
    if url and url != st.session_state.get("_written_url") or "f_as_of" not in st.session_state:
        st.session_state.update(
            f_state=list(parsed.states),
            f_group=parsed.group,
            f_instrument=list(parsed.instruments),
            f_from=parsed.year_from,
            f_to=parsed.year_to,
            f_as_of=parsed.as_of,
        )
    with st.sidebar:
        st.header("Filters")
        st.multiselect(
            "State", list(names), key="f_state", format_func=lambda c: f"{names[c]} ({c})", placeholder="All states"
        )
        st.selectbox("UN regional group", GROUPS, key="f_group", index=None, placeholder="All groups")
        st.multiselect("Instrument", list(instruments["instrument"]), key="f_instrument", placeholder="All instruments")
        left, right = st.columns(2)
        left.number_input("From year", min_value=1945, max_value=2100, step=1, key="f_from", placeholder="any")
        right.number_input("To year", min_value=1945, max_value=2100, step=1, key="f_to", placeholder="any")
        st.date_input("As of", key="f_as_of", min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31))
        for notice in notices:
            st.caption(f":orange[{notice}]")
    current = Filters(
        tuple(st.session_state.f_state),
        st.session_state.f_group,
        tuple(st.session_state.f_instrument),
        None if st.session_state.f_from is None else int(st.session_state.f_from),
        None if st.session_state.f_to is None else int(st.session_state.f_to),
        st.session_state.f_as_of or dt.date.today(),
    )
    written = current.to_url()
    st.query_params.from_dict(written)
    st.session_state["_written_url"] = {k: v if isinstance(v, list) else [v] for k, v in written.items()}
    return current


def current() -> Filters:
    """The filters in force, read back from the URL the sidebar wrote this run."""
    return parse(_url_values(), *known_values())[0]


def known_values() -> tuple[set[str], set[str]]:
    """The state codes and instruments a filter may name."""
    return set(db.query("states_list")["iso3"]), set(db.query("instruments_list")["instrument"])
