"""Every page under AppTest: runs on the shipped data and on an empty result, shows the seed's facts, reacts to filters."""

import datetime as dt
import re

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from compliance import db, filters, ui
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
    parts += [e.value for e in at.error]
    return "\n".join(parts).replace("\\", "")


def url_values(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table on the page that has all these columns."""
    for frame in at.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}")


def all_rows(at: AppTest) -> int:
    return sum(len(df.value) for df in at.dataframe)


def test_page_files_are_layout_only():
    for page in PAGES:
        text = (ROOT / "pages" / page).read_text()
        assert "duckdb" not in text and "select " not in text.lower() and "def main" not in text, page
        assert len(text.splitlines()) <= 80, f"{page} is too long to read at once"


def test_pages_filter_no_rows_themselves():
    """Reshaping belongs in SQL: no page picks rows out of a query's result with a condition of its own."""
    for page in PAGES:
        text = (ROOT / "pages" / page).read_text()
        assert not re.search(r"\w+\[\w+\[[\"']\w+[\"']\]\s*(==|!=|\.notna|\.isin)", text), page
        assert ".melt(" not in text, page


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_shipped_data(shipped, page):
    at = open_page(page)
    assert at.title, page


@pytest.mark.parametrize("group", filters.GROUPS)
def test_every_page_runs_for_every_regional_group(shipped, group):
    """Each group brings other rows (and other gaps) to each page's headlines, charts and tables."""
    for page in PAGES:
        open_page(page, group=group)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_result(shipped, page):
    at = open_page(page, state="TUV", instrument="CPED", **{"from": "1950", "to": "1950"})
    assert at.title


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_empty_tables(fixture_data, page):
    fixture_data()
    open_page(page)


def test_reporting_delays_shows_derived_and_stated_lateness_side_by_side(shipped):
    at = open_page("reporting_delays.py", state="PAK", instrument="CAT")
    text = text_of(at)
    for fact in ("2010-06-23", "2010-07-23", "2011-07-23", "January 2016", "about 4.5 years late by the treaty's rule"):
        assert fact in text, fact
    assert "As a source states it: 4 years late." in text
    assert "the report was submitted four years late" in text  # the Committee's words
    assert "four years behind schedule" in text  # the op-ed's words
    delays = table_with(at, "submitted_source", "years_late_stated")
    assert len(delays) == 1 and delays.iloc[0].submitted_source == "R. Omer, op-ed on Pakistan's CAT review, 2017"
    assert delays.iloc[0].submitted_source_link == "app/static/seeds/op-ed.txt"  # the seed's text opens
    assert delays.iloc[0].years_late == 4.5 and delays.iloc[0].years_late_stated == "4"


def test_delegations_shows_ten_led_by_kamran_michael(shipped):
    at = open_page("delegation_composition.py", state="PAK", instrument="CAT")
    text = text_of(at)
    assert "CAT-60-PAK: delegation of 10, led by Kamran Michael (Minister for Human Rights)" in text
    assert "military not shown" in text and "intelligence not shown" in text


def test_delegation_size_chart_has_every_stated_size(shipped):
    """The chart's rows are every review in scope with a stated size, however many have none."""
    at = open_page("delegation_composition.py", instrument="CAT")
    stated = duckdb.sql(
        "select count(*) from read_parquet($p) where body = 'CAT' and delegation_size is not null",
        params={"p": str(SHIPPED / "reviews.parquet")},
    ).fetchall()[0][0]
    sizes = db.query("delegation_sizes", filters.Filters(instruments=("CAT",)).scope())
    assert len(sizes) == stated > 5
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert "delegation_size" in spec


def test_absent_stakeholders_shows_nchr_absent(shipped):
    at = open_page("absent_stakeholders.py", state="PAK", instrument="CAT")
    text = text_of(at)
    assert "CAT-60-PAK (Pakistan): National Commission for Human Rights (NHRI) — absent" in text
    assert "CAT-60-PAK (Pakistan): military (military) — absent" in text
    assert "disappointment at the absence" in text


def test_case_outcomes_counts_named_cases_only(shipped):
    at = open_page("case_outcomes.py", state="PAK", instrument="CAT")
    cases = table_with(at, "case_label", "outcome_detail")
    names = " | ".join(cases.case_label)
    for name in ("Zeenat Shahzadi", "Aftab Ahmed", "bloggers", "at least 28"):
        assert name in names, name
    assert len(cases) == 4
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Named cases raised"] == "4" and metrics["Of which convicted"] == "0"
    figures = table_with(at, "case_kind")
    aggregate = figures[figures.case_label.str.contains("registered since 2010")]
    assert len(aggregate) == 1 and aggregate.iloc[0].case_kind == "aggregate figure (not a case)"
    assert "1,200" in aggregate.iloc[0].quote or "1200" in aggregate.iloc[0].quote


def test_convictions_are_named_cases_with_their_detail(shipped):
    at = open_page("case_outcomes.py", instrument="CAT", **{"from": "2015", "to": "2019"})
    cases = table_with(at, "case_label", "outcome_detail")
    convicted = cases[cases.outcome == "convicted"]
    assert (convicted.outcome_detail != ui.NOT_KNOWN).all()
    assert any("pardoned" in d for d in convicted.outcome_detail)
    assert {m.label: m.value for m in at.metric}["Of which convicted"] == str(len(convicted))


def test_state_profile_shows_eighteen_instruments(shipped):
    at = open_page("state_profile.py", state="PAK")
    instruments = table_with(at, "instrument", "standing")
    assert len(instruments) == 18
    assert instruments.set_index("instrument").loc["CAT", "standing"] == "party"


def test_bad_url_values_are_ignored_with_a_notice(shipped):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(state=["XXX", "PAK"], as_of="yesterday", group="Atlantis", instrument="NOPE", to="20x")
    at.query_params["from"] = "<script>"
    at.run()
    assert not at.exception
    notices = " ".join(c.value for c in at.sidebar.caption).replace("\\", "")
    for bad in ("'XXX'", "'yesterday'", "'<script>'", "'Atlantis'", "'NOPE'", "'20x'"):
        assert bad in notices, bad
    assert url_values(at, "state") == ["PAK"] and "from" not in at.query_params
    at.switch_page(str(ROOT / "pages" / "reporting_delays.py")).run()
    assert set(table_with(at, "status_on_date", "iso3").iso3) == {"PAK"}


def test_a_reversed_year_range_is_refused_with_a_notice(shipped):
    at = open_page("state_profile.py", state="PAK", **{"from": "2019", "to": "2015"})
    notices = " ".join(c.value for c in at.sidebar.caption).replace("\\", "")
    assert "from 2019 is after to 2015" in notices
    assert "from" not in at.query_params and "to" not in at.query_params
    assert len(table_with(at, "review_id", "body", "report_symbol")) == 4  # the years are not applied


def test_upr_page_says_the_instrument_filter_does_not_apply(shipped):
    at = open_page("upr_recommendations.py", state="PAK", instrument="CAT")
    assert any("instrument filter does not apply" in i.value for i in at.info)


def test_upr_search_lists_the_recommendations_text_and_responses(shipped):
    at = open_page("upr_recommendations.py", state="PAK", q="torture")
    found = table_with(at, "text", "response", "recommending_state")
    assert len(found) > 0 and found.text.str.lower().str.contains("torture").all()
    assert set(found.response) <= {"accepted", "noted"} and found.recommending_state.ne(ui.NOT_KNOWN).all()
    caption = next(c.value for c in at.caption if "recommendations match" in c.value)
    assert caption.startswith(f"{len(found):,} recommendations match")
    at.text_input(key="q").set_value("torture prison").run()
    narrower = table_with(at, "text", "response")
    assert len(narrower) < len(found) and url_values(at, "q") == ["torture prison"]


def test_changing_the_state_filter_changes_the_table_and_the_url(shipped):
    at = open_page("delegation_composition.py")
    before = table_with(at, "delegation_size", "iso3")
    assert before.iso3.nunique() > 10
    at.sidebar.multiselect(key="state").set_value(["PAK"]).run()
    after = table_with(at, "delegation_size", "iso3")
    assert set(after.iso3) == {"PAK"} and len(after) == 4  # CAT-60, CCPR-120, CERD-113 and the UPR third cycle
    assert url_values(at, "state") == ["PAK"]


def test_changing_the_instrument_filter_on_reporting_delays(shipped):
    at = open_page("reporting_delays.py", state="PAK")
    assert {"CAT", "ICCPR"} <= set(table_with(at, "status_on_date", "instrument").instrument)
    at.sidebar.multiselect(key="instrument").set_value(["ICCPR"]).run()
    assert set(table_with(at, "status_on_date", "instrument").instrument) == {"ICCPR"}


def test_as_of_changes_what_is_overdue(shipped):
    at = open_page("reporting_delays.py", state="ATG")
    at.sidebar.date_input(key="as_of").set_value(dt.date(2017, 1, 1)).run()
    assert not at.exception
    assert "Overdue on 2017-01-01, or when last known" in text_of(at)
    assert url_values(at, "as_of") == ["2017-01-01"]


@pytest.mark.parametrize(
    ("page", "value"),
    [
        ("absent_stakeholders.py", "Asia-Pacific"),
        ("case_outcomes.py", "African"),
        ("upr_recommendations.py", "African"),
    ],
)
def test_group_filter_narrows_each_page(shipped, page, value):
    at = open_page(page)
    before = all_rows(at)
    at.sidebar.selectbox(key="group").set_value(value).run()
    assert not at.exception
    assert 0 < all_rows(at) < before


def test_year_filter_narrows_reviews(shipped):
    at = open_page("delegation_composition.py")
    at.sidebar.number_input(key="from").set_value(2019).run()
    assert (table_with(at, "delegation_size", "start_date").start_date.dt.year >= 2019).all()


def test_sources_page_lists_tables_and_switches_download(shipped):
    at = open_page("data_sources.py")
    catalog = table_with(at, "table_name", "row_count")
    assert {"reports", "reviews", "complaints"} <= set(catalog.table_name)
    assert catalog.source.ne(ui.NOT_KNOWN).all() and (catalog.problem == ui.NOT_KNOWN).all()
    at.selectbox(key="sources_table").set_value("reviews").run()
    assert (
        len(table_with(at, "review_id", "head_name", "quote"))
        == catalog.set_index("table_name").loc["reviews", "row_count"]
    )


def test_tables_shown_are_the_query_rows_in_words(shipped):
    """What a page shows is the query's rows for the same filters: codes as words, empty text as 'not known'."""
    at = open_page("case_outcomes.py", state="PAK")
    expected = db.query("case_list", filters.Filters(states=("PAK",)).scope())
    shown = table_with(at, "case_label", "outcome_detail")
    links = [c for c in shown.columns if c.endswith("_link")]
    assert links == ["source_link"]
    assert list(shown.drop(columns=links).columns) == list(expected.columns)
    assert len(shown) == len(expected)
    assert "no_information" in set(expected.outcome) and "no outcome stated" in set(shown.outcome)
    assert shown.outcome_detail.isin([ui.NOT_KNOWN]).any() and not shown.isna().any().any()


def test_overview_figures_are_whole_counts(shipped):
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
    cases = table_with(at, "case_label", "incident_when")
    assert "2017-01" in set(cases.incident_when) and "2013" in set(cases.incident_when)
    _, config = ui.display(db.query("case_list", filters.Filters(states=("PAK",)).scope()))
    assert config["incident_when"]["type_config"]["type"] == "text"


def test_sources_open_as_links_where_they_can():
    assert ui.source_link("CAT/C/PAK/CO/1") == "https://undocs.org/CAT/C/PAK/CO/1"
    assert ui.source_link("https://www.ohchr.org/x?a=1") == "https://www.ohchr.org/x?a=1"
    assert ui.source_link("seed:op-ed") == "app/static/seeds/op-ed.txt"
    assert (ROOT / "static" / "seeds" / "op-ed.txt").is_file()
    assert ui.source_link("javascript:alert(1)") is None
    assert ui.source_link(None) is None


def test_reporting_delays_shows_the_committees_own_figures(shipped):
    at = open_page("reporting_delays.py", instrument="CAT")
    figures = table_with(at, "committee", "figure")
    expected = duckdb.sql(
        "select count(*) from read_parquet($p) where committee = 'CAT'",
        params={"p": str(SHIPPED / "committee_figures.parquet")},
    ).fetchall()[0][0]
    assert len(figures) == expected > 0
    assert set(figures.committee) == {"CAT"} and figures.source.ne(ui.NOT_KNOWN).all()


def test_state_profile_quotes_pakistans_cat_reservations_withdrawal_and_opt_out(shipped):
    at = open_page("state_profile.py", state="PAK", instrument="CAT")
    texts = table_with(at, "text_kind", "page_text")
    assert "Article 28" in " ".join(texts.page_text)
    assert any(
        "does not recognize the competence of the Committee provided for in Article 20" in t for t in texts.page_text
    )
    withdrawal = texts[texts.text_kind == "withdrawal"]
    assert len(withdrawal) == 1 and withdrawal.iloc[0].text_date == "2011-09-20"
    assert "articles 3, 4, 6, 12, 13 and 16" in withdrawal.iloc[0].page_text
    objections = table_with(at, "objecting_state", "page_text")
    assert 18 <= objections.objecting_state.nunique() <= 25
    procedures = table_with(at, "procedure", "accepted").set_index("article")
    assert not procedures.loc["art. 22", "accepted"]  # Pakistan made no article 22 declaration


@pytest.mark.parametrize("instrument", ["ICERD", "CRC", "ICESCR", "OP-CRC-SC"])
def test_delegations_work_for_the_newer_committees(shipped, instrument):
    at = open_page("delegation_composition.py", instrument=instrument)
    reviews = table_with(at, "review_id", "head_name")
    assert len(reviews) >= 1 and not reviews.review_id.str.startswith(("CAT-", "CCPR-", "CEDAW-", "UPR-")).any()


def test_case_outcomes_says_who_can_be_complained_against(shipped):
    at = open_page("case_outcomes.py", state="DZA")
    procedures = table_with(at, "states_accepting", "decisions_accepting").set_index("committee")
    assert procedures.loc["CAT", "states_accepting"] == 1  # Algeria's article 22 declaration


def test_sources_page_shows_what_is_known_and_where_sources_disagree(shipped):
    at = open_page("data_sources.py")
    checks = table_with(at, "finding", "other_source")
    assert {"German Democratic Republic", "Czechoslovakia"} <= set(checks.participant)
    knowledge = table_with(at, "known_level", "instrument")
    assert set(knowledge.known_level) <= {"ratification only", "due date", "status known", "reviewed"}
    assert knowledge.known_level.nunique() == 4


def test_compare_sets_three_states_side_by_side(shipped):
    at = open_page("compare.py", state=["BRA", "IND", "ZAF"])
    table = table_with(at, "measure", "Brazil", "India", "South Africa")
    assert len(table) == 17
    row = table.set_index("measure")
    assert row.loc["Instruments party to (of 18)"].tolist() == ["16", "8", "15"]
    assert row.loc["Delegation size, median of those stated", "India"] == ui.NOT_KNOWN


def test_compare_asks_for_two_states(shipped):
    at = open_page("compare.py", state="PAK")
    assert any("two to six states" in i.value for i in at.info)
