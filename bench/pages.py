"""The queries each page runs, recorded by running the page under AppTest: the benchmark times these, never a list
kept by hand."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from compliance import db, server

ROOT = Path(__file__).resolve().parent.parent
# url path -> page file, as app.py routes them
PAGE_FILES = {
    "": "dashboard_overview.py",
    "reporting-delays": "reporting_delays.py",
    "delegations": "delegation_composition.py",
    "absent-stakeholders": "absent_stakeholders.py",
    "case-outcomes": "case_outcomes.py",
    "recommendations": "upr_recommendations.py",
    "state": "state_profile.py",
    "compare": "compare.py",
    "sources": "data_sources.py",
}
SIDEBAR = {"states_list", "instruments_list"}


def record(page: str, query: str) -> list[tuple[str, dict | None, dict]]:
    """Every distinct (query, scope, parameters) the page asks for when opened with `query` (sidebar left out)."""
    from streamlit.testing.v1 import AppTest

    calls: list[tuple[str, dict | None, dict]] = []
    real_bind = db.bind

    def recording_bind(name, scope=None, **params):  # every way to a query (query, count, ui.table) binds it first
        calls.append((name, scope, params))
        return real_bind(name, scope, **params)

    with server.navigation_only(), mock.patch.object(db, "bind", recording_bind):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for part in filter(None, query.split("&")):
            key, value = part.split("=", 1)
            at.query_params.setdefault(key, []).append(
                value
            ) if key in at.query_params else at.query_params.__setitem__(key, [value])
        at.run()
        if page:
            calls.clear()
            at.switch_page(str(ROOT / "pages" / PAGE_FILES[page])).run()
        if at.exception:
            raise RuntimeError(f"{page or 'overview'} failed under AppTest: {at.exception[0].value}")
    seen, out = set(), []
    for name, scope, params in calls:
        key = (name, repr(sorted((scope or {}).items())), repr(sorted(params.items())))
        if name not in SIDEBAR and key not in seen:
            seen.add(key)
            out.append((name, scope, params))
    return out
