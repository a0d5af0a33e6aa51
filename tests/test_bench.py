"""The benchmark times what the pages really run: their queries are recorded from the pages themselves."""

import datetime as dt
import re

import pytest

from bench import __main__ as bench_main
from bench import naive, pages
from compliance import db
from tests.conftest import ROOT


def test_recorded_queries_are_every_query_the_page_names(shipped):
    for path, page_file in pages.PAGE_FILES.items():
        source = (ROOT / "pages" / page_file).read_text()
        named = set(re.findall(r"(?:db\.query|ui\.table|ui\.chart_rows|db\.count)\(\s*[\"']([a-z_]+)[\"']", source))
        query = {"state": "state=PAK", "recommendations": "state=PAK", "compare": "state=BRA&state=IND"}.get(path, "")
        recorded = {name for name, _, _ in pages.record(path, query)}
        assert named, page_file
        assert named - pages.SIDEBAR <= recorded, (page_file, named - recorded)
        assert not recorded & pages.SIDEBAR


def test_sections_a_page_loops_over_are_recorded_too(shipped):
    recorded = {name for name, _, _ in pages.record("state", "state=PAK")}
    assert {"review_list", "case_list", "evidence_list", "upr_by_state"} <= recorded


@pytest.mark.parametrize("page", [p for p, (_, compared, _) in bench_main.PAGES.items() if compared])
@pytest.mark.parametrize("as_of", [bench_main.AS_OF, dt.date(2012, 1, 1)])
def test_each_baseline_returns_the_rows_its_queries_return(shipped, page, as_of):
    query, compared, baseline = bench_main.PAGES[page]
    scope = {**bench_main.scope_for(query), "as_of": as_of}
    rows = {name: db.execute(*db.bind(name, scope), shipped) for name in compared}
    assert all(len(r) for r in rows.values()), "a check over no rows proves nothing"
    naive.check(baseline, rows, shipped, scope)


def test_the_equivalence_check_can_fail(shipped):
    scope = bench_main.scope_for("")
    rows = {"case_outcomes": db.execute(*db.bind("case_outcomes", scope), shipped)}
    rows["case_outcomes"].loc[0, "cases"] += 1
    rows["complaints_by_decision"] = db.execute(*db.bind("complaints_by_decision", scope), shipped)
    with pytest.raises(AssertionError, match="case_outcomes"):
        naive.check(naive.case_outcomes, rows, shipped, scope)


def test_the_floor_page_draws_each_element_kind_the_pages_draw():
    from streamlit.testing.v1 import AppTest

    from bench import floor_app

    kinds = {"dataframe": "dataframe", "download_button": "download_button", "vega_lite_chart": "vega_lite_chart",
             "multiselect": "multiselect", "selectbox": "selectbox", "number_input": "number_input",
             "date_input": "date_input", "metric": "metric", "code": "code"}  # fmt: skip
    assert set(kinds) <= set(floor_app.DRAW)
    at = AppTest.from_file(str(ROOT / "bench" / "floor_app.py"), default_timeout=60)
    for kind in kinds:
        at.query_params[kind] = "3"
    at.run()
    assert not at.exception
    for kind, element in kinds.items():
        assert len(at.get(element)) == 3, kind
