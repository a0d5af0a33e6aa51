"""A broken table takes down only the pages that need it, and they say which table and what is wrong."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest
from streamlit.testing.v1 import AppTest

from compliance import db, schema
from tests.conftest import ROOT, SHIPPED

PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))


def truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def delete(path):
    path.unlink()


def csv_renamed(path):
    path.write_text("iso3,name\nPAK,Pakistan\n")


def drop_a_column(path):
    table = pq.read_table(path)
    pq.write_table(table.drop_columns([table.column_names[-1]]), path)


BREAKS = {
    "truncated": truncate,
    "missing": delete,
    "csv renamed .parquet": csv_renamed,
    "missing column": drop_a_column,
}
# Which pages need which table (what each page reads, directly or through the scope macros).
NEEDS = {
    "cases": {"dashboard_overview.py", "case_outcomes.py", "state_profile.py"},
    "stakeholders": {"absent_stakeholders.py", "state_profile.py"},
    "delegation": {"delegation_composition.py", "state_profile.py"},
    "complaints": {"case_outcomes.py", "state_profile.py"},
    "upr_recommendations": {"upr_recommendations.py", "state_profile.py"},
}


@pytest.fixture
def broken_copy(tmp_path, monkeypatch):
    def make(table: str, how: str):
        folder = tmp_path / "release"
        shutil.copytree(SHIPPED, folder)
        BREAKS[how](folder / f"{table}.parquet")
        monkeypatch.setenv("COMPLIANCE_DATA", str(folder))
        return folder

    return make


def run(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "dashboard_overview.py":
        at.switch_page(str(ROOT / "pages" / page)).run()
    return at


@pytest.mark.parametrize("how", list(BREAKS))
def test_the_check_names_what_is_wrong(broken_copy, how):
    folder = broken_copy("cases", how)
    problem = schema.check_file("cases", folder / "cases.parquet")
    expected = {
        "truncated": "not readable Parquet",
        "missing": "missing",
        "csv renamed .parquet": "not readable Parquet",
        "missing column": "column 'quote' is missing",
    }[how]
    assert problem and expected in problem
    assert db.problems() == {"cases": problem}


# Every kind of break on two tables; one kind on the others (each page run costs time).
CASES = [(t, h) for t in ("cases", "stakeholders") for h in BREAKS] + [(t, "truncated") for t in list(NEEDS)[2:]]


@pytest.mark.parametrize(("table", "how"), CASES)
def test_pages_that_need_a_broken_table_name_it_and_the_others_run(broken_copy, table, how):
    broken_copy(table, how)
    for page in PAGES:
        at = run(page, state="PAK")
        assert not at.exception, (page, [e.value for e in at.exception])
        errors = " ".join(e.value for e in at.error).replace("\\", "")
        if page in NEEDS[table]:
            assert f"the {table} table cannot be read" in errors, page
        else:
            assert not errors, (page, errors)
            assert at.title, page


def test_a_broken_states_table_leaves_the_filter_bar_saying_so(broken_copy):
    broken_copy("states", "truncated")
    at = run("data_sources.py")
    assert not at.exception
    sidebar = " ".join(e.value for e in at.sidebar.error).replace("\\", "")
    assert "the states table cannot be read" in sidebar
    catalog = at.dataframe[0].value.set_index("table_name")
    assert "not readable Parquet" in catalog.loc["states", "problem"]
