"""Every page under AppTest: runs on the shipped data and on an empty result, shows the seed's facts, reacts to filters."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from compliance import db, filters
from tests.conftest import ROOT, SHIPPED

PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))


def open_page(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # app.py first: AppTest runs a switched-to page without its router
    if page != "dashboard_overview.py":
        at.switch_page(str(ROOT / "pages" / page))
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.metric]
    parts += [m.label for m in at.metric] + [h.value for h in at.subheader] + [i.value for i in at.info]
    return "\n".join(parts).replace("\\", "")


def url_values(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def all_rows(at: AppTest):
    import pandas as pd

    return pd.concat([df.value for df in at.dataframe], ignore_index=True) if at.dataframe else pd.DataFrame()


def test_page_files_are_layout_only():
    for page in PAGES:
        text = (ROOT / "pages" / page).read_text()
        assert "duckdb" not in text and "select " not in text.lower() and "def main" not in text, page
        assert len(text.splitlines()) <= 80, f"{page} is too long to read at once"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_shipped_data(shipped, page):
    at = open_page(page)
    assert at.title, page


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_result(shipped, page):
    at = open_page(page, state="TUV", instrument="CPED", **{"from": "1950", "to": "1950"})
    assert at.title


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_empty_tables(fixture_data, page):
    fixture_data()
    open_page(page)


def test_reporting_delays_permalink_shows_the_seed(shipped):
    at = open_page("reporting_delays.py", state="PAK", instrument="CAT")
    text = text_of(at)
    for fact in ("2010-06-23", "2011-07-23", "January 2016", "about 4.5 years late"):
        assert fact in text, fact
    delays = at.dataframe[1].value
    assert len(delays) == 1 and delays.iloc[0].submitted_source == "seed:op-ed"


def test_delegations_shows_ten_led_by_kamran_michael(shipped):
    at = open_page("delegation_composition.py", state="PAK")
    text = text_of(at)
    assert "CAT-60-PAK: delegation of 10, led by Kamran Michael (Minister for Human Rights)" in text
    assert "Military not shown" in text and "intelligence not shown" in text


def test_absent_stakeholders_shows_nchr_absent(shipped):
    at = open_page("absent_stakeholders.py", state="PAK")
    text = text_of(at)
    assert "CAT-60-PAK: National Commission for Human Rights (nhri) — absent" in text
    assert "CAT-60-PAK: military (military) — absent" in text
    assert "disappointment at the absence" in text


def test_case_outcomes_lists_seed_cases_and_no_conviction(shipped):
    at = open_page("case_outcomes.py", state="PAK")
    cases = at.dataframe[1].value
    labels = " | ".join(cases.case_label)
    for name in ("Zeenat Shahzadi", "Aftab Ahmed", "bloggers", "at least 28"):
        assert name in labels, name
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Convictions"] == "0"
    assert (cases.outcome == "convicted").sum() == 0


def test_state_profile_shows_eighteen_instruments(shipped):
    at = open_page("state_profile.py", state="PAK")
    instruments = at.dataframe[0].value
    assert len(instruments) == 18
    assert instruments.set_index("instrument").loc["CAT", "status"] == "party"


def test_bad_url_values_are_ignored_with_a_notice(shipped):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(state=["XXX", "PAK"], as_of="yesterday", group="Atlantis", instrument="NOPE", to="20x")
    at.query_params["from"] = "<script>"
    at.run()
    assert not at.exception
    notices = " ".join(c.value for c in at.sidebar.caption)
    for bad in ("'XXX'", "'yesterday'", "'<script>'", "'Atlantis'", "'NOPE'", "'20x'"):
        assert bad in notices, bad
    assert url_values(at, "state") == ["PAK"] and "from" not in at.query_params
    at.switch_page(str(ROOT / "pages" / "reporting_delays.py")).run()
    assert set(at.dataframe[1].value.iso3) == {"PAK"}


def test_changing_the_state_filter_changes_the_table_and_the_url(shipped):
    at = open_page("delegation_composition.py")
    before = at.dataframe[0].value
    assert before.iso3.nunique() > 10
    at.sidebar.multiselect(key="f_state").set_value(["PAK"]).run()
    after = at.dataframe[0].value
    assert set(after.iso3) == {"PAK"} and len(after) == 4  # CAT-60, CCPR-120, CERD-113 and the UPR third cycle
    assert url_values(at, "state") == ["PAK"]


def test_changing_the_instrument_filter_on_reporting_delays(shipped):
    at = open_page("reporting_delays.py", state="PAK")
    assert {"CAT", "ICCPR"} <= set(at.dataframe[1].value.instrument)
    at.sidebar.multiselect(key="f_instrument").set_value(["ICCPR"]).run()
    assert set(at.dataframe[1].value.instrument) == {"ICCPR"}


def test_as_of_changes_what_is_overdue(shipped):
    at = open_page("reporting_delays.py", state="ATG")
    at.sidebar.date_input(key="f_as_of").set_value(__import__("datetime").date(2017, 1, 1)).run()
    assert not at.exception
    assert "Overdue on 2017-01-01" in text_of(at)


@pytest.mark.parametrize(
    ("page", "widget", "value"),
    [
        ("absent_stakeholders.py", "f_group", "Asia-Pacific"),
        ("case_outcomes.py", "f_group", "African"),
        ("upr_recommendations.py", "f_group", "African"),
    ],
)
def test_group_filter_narrows_each_page(shipped, page, widget, value):
    at = open_page(page)
    before = len(all_rows(at))
    at.sidebar.selectbox(key=widget).set_value(value).run()
    assert not at.exception
    assert 0 < len(all_rows(at)) < before


def test_year_filter_narrows_reviews(shipped):
    at = open_page("delegation_composition.py")
    at.sidebar.number_input(key="f_from").set_value(2019).run()
    assert (at.dataframe[0].value.start_date.dt.year >= 2019).all()


def test_sources_page_lists_tables_and_switches_download(shipped):
    at = open_page("data_sources.py")
    catalog = at.dataframe[0].value
    assert {"reports", "reviews", "complaints"} <= set(catalog.table_name)
    assert catalog.source.notna().all()
    at.selectbox(key="sources_table").set_value("reviews").run()
    assert len(at.dataframe[1].value) == catalog.set_index("table_name").loc["reviews", "row_count"]


def test_tables_shown_equal_the_query_rows(shipped):
    """What a page shows (and so what its CSV holds) is the query's rows for the same filters."""
    at = open_page("reporting_delays.py", state="PAK")
    scope = filters.Filters(states=("PAK",)).scope()
    expected = db.query("report_delays", scope)
    shown = at.dataframe[1].value
    links = [c for c in shown.columns if c.endswith("_link")]
    assert links == ["source_link", "submitted_source_link", "ratification_source_link"]
    assert shown.drop(columns=links).reset_index(drop=True).equals(expected.reset_index(drop=True))
    assert Path(ROOT / "pages" / "reporting_delays.py").exists()


def test_no_page_file_is_named_like_a_url_path():
    """Streamlit's legacy pages/ mode would run such a file bare (no filter bar) on a fresh server's first request.

    With distinct names, a cold deep link shows Streamlit's "page not found" notice once, then the right page.
    """
    import re

    url_paths = set(re.findall(r'url_path="([^"]+)"', (ROOT / "app.py").read_text()))
    assert len(url_paths) == 7
    stems = {Path(p).stem for p in PAGES}
    assert not stems & (url_paths | {"overview"})


def test_overview_figures_are_whole_counts(shipped):
    import duckdb

    at = open_page("dashboard_overview.py", state="PAK")
    metrics = {m.label: m.value for m in at.metric}
    reviews = duckdb.sql(
        "select count(*) from read_parquet($p) where iso3 = 'PAK'", params={"p": str(SHIPPED / "reviews.parquet")}
    ).fetchall()[0][0]
    assert metrics["Reviews curated"] == str(reviews)
    assert metrics["Of which convicted"] == "0" and metrics["States in scope"] == "1"


def test_text_dates_are_not_shown_as_days(shipped):
    """'2017-01' and '2010 onwards' are what the sources say: no column may turn them into a day."""
    at = open_page("case_outcomes.py", state="PAK")
    cases = at.dataframe[1].value
    assert "2010 onwards" in set(cases.incident_when) and "2017-01" in set(cases.incident_when)
    from compliance import ui

    config = ui.link_columns(cases)
    assert "incident_when" not in config


def test_sources_open_as_links_where_they_can():
    from compliance import ui

    assert ui.source_link("CAT/C/PAK/CO/1") == "https://undocs.org/CAT/C/PAK/CO/1"
    assert ui.source_link("https://www.ohchr.org/x?a=1") == "https://www.ohchr.org/x?a=1"
    assert ui.source_link("seed:op-ed") is None
    assert ui.source_link("javascript:alert(1)") is None
    assert ui.source_link(None) is None


def test_reporting_delays_shows_the_committees_own_figures(shipped):
    import duckdb

    at = open_page("reporting_delays.py", instrument="CAT")
    figures = at.dataframe[-1].value
    expected = duckdb.sql(
        "select count(*) from read_parquet($p) where committee = 'CAT'",
        params={"p": str(SHIPPED / "committee_figures.parquet")},
    ).fetchall()[0][0]
    assert len(figures) == expected > 0
    assert set(figures.committee) == {"CAT"} and figures.source.notna().all()
