"""The shared filter bar: read from the URL, checked against known values, shown in the sidebar, written back.

URL names are part of the contract and are also the widget keys: state (ISO3, repeatable), group, instrument
(repeatable), from, to, as_of. The bar builds one `Filters` per run; pages take it from `current()`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from dataclasses import dataclass, field

import streamlit as st

from compliance import db, text

GROUPS = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and other",
)
URL_KEYS = ("state", "group", "instrument", "from", "to", "as_of")
PAGE_KEYS = ("q", "issue")  # a page's own inputs (the UPR search), kept in the URL beside the filters
PAGE_TEXT = re.compile(r"[^\x00-\x1f\x7f]{1,100}")
YEAR = re.compile(r"\d{4}")
ISO3 = re.compile(r"[A-Z]{3}")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
FIRST_DAY, LAST_DAY = dt.date(1945, 1, 1), dt.date(2100, 12, 31)  # the as-of picker's range
FIRST_YEAR, LAST_YEAR = FIRST_DAY.year, LAST_DAY.year


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


def slug(scope: dict | None, **params) -> str:
    """A file-name part naming every filter in force: PAK_CAT_2015-2019_as-of-2019-01-01, or all."""
    scope = {**(scope or {}), **params}
    parts = list(scope.get("state") or []) + list(scope.get("instrument") or [])
    if scope.get("group"):
        parts.append(scope["group"].split()[0])
    if scope.get("year_from") is not None or scope.get("year_to") is not None:
        parts.append(f"{scope.get('year_from') or ''}-{scope.get('year_to') or ''}")
    if scope.get("as_of") and scope["as_of"] != dt.date.today():
        parts.append(f"as-of-{scope['as_of']:%Y-%m-%d}")
    parts += [str(scope[k]) for k in ("iso3", "table_name") if scope.get(k)]
    safe = [p for p in parts if re.fullmatch(r"[A-Za-z0-9-]+", p)]
    return "_".join(safe)[:150] or "all"


def _shown(value: str) -> str:
    """A URL value as a notice may quote it: at most 40 characters, control characters dropped."""
    cleaned = "".join(ch for ch in value if ch.isprintable())
    return repr(cleaned[:40] + ("…" if len(cleaned) > 40 else ""))


def parse_as_of(value: str | None) -> tuple[dt.date, str | None]:
    """The as-of date from its URL text (YYYY-MM-DD, 1945-2100), or today with a notice saying why not."""
    today = dt.date.today()
    if value is None:
        return today, None
    raw = value.strip()
    if not ISO_DAY.fullmatch(raw):
        return today, f"Ignored as_of {_shown(value)}: not a date written YYYY-MM-DD."
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return today, f"Ignored as_of {_shown(value)}: no such day."
    if not FIRST_DAY <= day <= LAST_DAY:
        return today, f"Ignored as_of {_shown(value)}: outside {FIRST_DAY:%Y-%m-%d} to {LAST_DAY:%Y-%m-%d}."
    return day, None


def parse(url: dict[str, list[str]], known_states: set[str], known_instruments: set[str]) -> tuple[Filters, list[str]]:
    """Filters from URL values; each unknown or malformed value is dropped with a notice naming it.

    Long: one short block per URL parameter, in the order the filter bar shows them.
    """
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
            notices.append(f"Ignored state {_shown(value)}: not a known ISO3 code.")
    instruments = []
    for value in url.get("instrument", []):
        if value in known_instruments:
            instruments.append(value)
        else:
            notices.append(f"Ignored instrument {_shown(value)}: not one of the instruments covered.")
    group = one("group")
    if group is not None and group not in GROUPS:
        notices.append(f"Ignored group {_shown(group)}: not a UN regional group.")
        group = None
    years: dict[str, int | None] = {}
    for key in ("from", "to"):
        value = one(key)
        years[key] = None
        if value is not None:
            if YEAR.fullmatch(value.strip()) and FIRST_YEAR <= int(value) <= LAST_YEAR:
                years[key] = int(value)
            else:
                notices.append(f"Ignored {key} {_shown(value)}: not a year from {FIRST_YEAR} to {LAST_YEAR}.")
    if years["from"] is not None and years["to"] is not None and years["from"] > years["to"]:
        notices.append(f"Ignored the years: from {years['from']} is after to {years['to']}.")
        years = {"from": None, "to": None}
    as_of, notice = parse_as_of(one("as_of"))
    if notice:
        notices.append(notice)
    parsed = Filters(
        tuple(dict.fromkeys(states)), group, tuple(dict.fromkeys(instruments)), years["from"], years["to"], as_of
    )
    return parsed, notices


def _url_values() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in URL_KEYS if key in st.query_params}


_this_run: contextvars.ContextVar[Filters | None] = contextvars.ContextVar("filters", default=None)


def _choices() -> tuple[dict[str, str], list[str], str | None]:
    """State names by code and instrument codes for the widgets; a broken table leaves them empty, said plainly."""
    try:
        states = db.query("states_list")
        instruments = db.query("instruments_list")
    except db.TableUnavailable as err:
        return {}, [], f"The filters cannot offer states and instruments: {err}."
    return dict(zip(states["iso3"], states["name"])), list(instruments["instrument"]), None


def sidebar() -> Filters:
    """Render the filter bar; returns the filters in force and keeps the URL in step with them.

    Long: one widget per filter, each with its URL name, default and help, in the order a reader meets them.
    """
    names, instruments, problem = _choices()
    url = _url_values()
    parsed, notices = parse(url, set(names), set(instruments))
    # A URL with filters (a shared link, a reload, an edit) sets the widgets; a bare URL after a page switch keeps them.
    if url and url != st.session_state.get("_written_url") or "as_of" not in st.session_state:
        # What a new URL asked for and could not have stays said until the reader changes a filter.
        st.session_state["_notices"] = (parsed, notices)
        st.session_state.update(
            {
                "state": list(parsed.states),
                "group": parsed.group,
                "instrument": list(parsed.instruments),
                "from": parsed.year_from,
                "to": parsed.year_to,
                "as_of": parsed.as_of,
            }
        )
    with st.sidebar:
        st.header("Filters")
        if problem:
            st.error(text.plain(problem))
        st.multiselect(
            "State", list(names), key="state", format_func=lambda c: f"{names[c]} ({c})", placeholder="All states"
        )
        st.selectbox("UN regional group", GROUPS, key="group", index=None, placeholder="All groups")
        st.multiselect("Instrument", instruments, key="instrument", placeholder="All instruments")
        left, right = st.columns(2)
        left.number_input("From year", FIRST_YEAR, LAST_YEAR, step=1, key="from", placeholder="any")
        right.number_input("To year", FIRST_YEAR, LAST_YEAR, step=1, key="to", placeholder="any")
        st.date_input("As of", key="as_of", min_value=FIRST_DAY, max_value=LAST_DAY, format="YYYY-MM-DD")
        said_for, said = st.session_state.get("_notices", (None, []))
    year_from = None if st.session_state["from"] is None else int(st.session_state["from"])
    year_to = None if st.session_state["to"] is None else int(st.session_state["to"])
    if year_from is not None and year_to is not None and year_from > year_to:
        st.sidebar.caption(f":orange[{text.plain(f'From {year_from} is after to {year_to}: the years are ignored.')}]")
        year_from = year_to = None
    now = Filters(
        tuple(st.session_state["state"]),
        st.session_state["group"],
        tuple(st.session_state["instrument"]),
        year_from,
        year_to,
        st.session_state["as_of"] or dt.date.today(),
    )
    for notice in said if said_for == now else []:
        st.sidebar.caption(f":orange[{text.plain(notice)}]")
    written = now.to_url()
    written.update({k: v for k, v in _page_values().items() if v is not None})
    st.query_params.from_dict(written)
    st.session_state["_written_url"] = {k: v if isinstance(v, list) else [v] for k, v in written.items()}
    _this_run.set(now)
    return now


def current() -> Filters:
    """The filters the bar built this run (or, where no bar ran, read from the URL)."""
    built = _this_run.get()
    if built is not None:
        return built
    names, instruments, _ = _choices()
    return parse(_url_values(), set(names), set(instruments))[0]


def _page_values() -> dict[str, str | None]:
    """The page inputs the URL carries, each kept only when it is short plain text."""
    out = {}
    for key in PAGE_KEYS:
        value = st.query_params.get(key)
        out[key] = value if value is not None and PAGE_TEXT.fullmatch(value) else None
    return out


def page_text(key: str) -> str:
    """A page input's text from the URL ('' when absent or not plain text)."""
    return _page_values().get(key) or ""


def page_choice(key: str, options: list[str]) -> str | None:
    """A page input from the URL when it is one of `options`, else None."""
    value = _page_values().get(key)
    return value if value in options else None


def keep_page_values(**values: str | None) -> None:
    """Write a page's inputs to the URL (or take them out), so the view stays a link."""
    for key, value in values.items():
        if value is None:
            st.query_params.pop(key, None)
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def not_applied(f: Filters, what: str, why: str) -> None:
    """Say on the page that a filter in force does not narrow what it shows."""
    if what == "instrument" and f.instruments:
        st.info(f"The instrument filter does not apply here: {why}")
