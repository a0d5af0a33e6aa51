"""Each query on a tiny fixture whose answers can be checked by hand."""

import pandas as pd
import pytest

from compliance import db
from tests.conftest import d

AS_OF = d("2020-01-01")
STATES = [
    {"iso3": "AAA", "name": "Avalon", "un_regional_group": "African"},
    {"iso3": "BBB", "name": "Brigadoon", "un_regional_group": "Western European and other"},
]
REPORTS = [
    # due 2011-07-23, submitted January 2016: 1,623 to 1,653 days late
    {"iso3": "AAA", "instrument": "CAT", "cycle": 1, "cycle_label": "initial", "due_date": d("2011-07-23"),
     "submitted_date": d("2016-01-01"), "submitted_latest": d("2016-01-31"), "submitted_precision": "month",
     "status": "submitted", "status_as_of": d("2017-04-18"), "source": "s1", "quote": "q1"},
    # known unsubmitted as of 2019-06-30: overdue on 2019-01-01, not known on 2020-01-01
    {"iso3": "AAA", "instrument": "ICCPR", "cycle": 1, "cycle_label": "initial", "due_date": d("2012-01-01"),
     "status": "not_submitted", "status_as_of": d("2019-06-30"), "unsubmitted_as_of": d("2019-06-30"),
     "source": "s2", "quote": "q2"},
    # no source: status not known, never overdue
    {"iso3": "BBB", "instrument": "CAT", "cycle": 1, "cycle_label": "initial", "due_date": d("2000-01-01"),
     "status": "unknown"},
]  # fmt: skip
RATIFICATIONS = [
    {"iso3": "AAA", "instrument": "CAT", "action_date": d("2010-06-23"), "in_force_date": d("2010-07-23")},
]


@pytest.fixture
def data(fixture_data):
    return fixture_data(states=STATES, reports=REPORTS, ratifications=RATIFICATIONS)


def scope(**kw):
    base = {"state": [], "group": None, "instrument": [], "year_from": None, "year_to": None, "as_of": AS_OF}
    return {**base, **kw}


def test_report_delays_days_late_with_month_precision(data):
    rows = db.query("report_delays", scope(state=["AAA"], instrument=["CAT"]))
    assert len(rows) == 1
    r = rows.iloc[0]
    assert (r.days_late_min, r.days_late_max, r.years_late) == (1623, 1653, 4.5)
    assert r.submitted_label == "January 2016"
    assert r.status_on_date == "submitted"


def test_unknown_status_is_apart_and_never_late(data):
    rows = db.query("report_delays", scope(state=["BBB"]))
    assert list(rows.status_on_date) == ["status not known"]
    assert rows.days_late_min.isna().all()
    assert "BBB" not in set(db.query("overdue_reports", scope()).iso3)


def test_known_unsubmitted_is_overdue_while_known_then_last_known(data):
    overdue = db.query("overdue_reports", scope(as_of=d("2019-01-01")))
    assert overdue[["iso3", "instrument", "status_on_date", "days_overdue"]].values.tolist() == [
        ["AAA", "ICCPR", "overdue", 2557]
    ]
    # After the source's date, the status is what was last known, with that date: counted apart, never as overdue now.
    later = db.query("overdue_reports", scope(as_of=d("2020-01-01")))
    assert later[["iso3", "status_on_date", "status_as_at", "days_overdue"]].values.tolist() == [
        ["AAA", "overdue when last known", "2019-06-30", 2737]
    ]
    assert "not submitted as at 2019-06-30; nothing later known" in later.iloc[0].lateness_basis
    counts = db.query("status_counts", scope(as_of=d("2020-01-01"))).set_index("status_on_date")["reports"]
    assert "overdue" not in counts and counts["overdue when last known"] == 1


def test_on_time_share_only_where_every_status_is_known(data):
    share = db.query("on_time_share", scope(as_of=d("2019-01-01"))).set_index("iso3")
    # AAA: CAT submitted, ICCPR overdue -> (1 - 1/2) * 100
    assert share.loc["AAA", "on_time_share"] == 50.0
    assert share.loc["AAA", "complete"]
    # BBB: its one report's status is not known -> no share
    assert pd.isna(share.loc["BBB", "on_time_share"])
    assert share.loc["BBB", "status_known"] == 0


def test_state_group_and_instrument_filters(data):
    assert set(db.query("report_delays", scope(group="African")).iso3) == {"AAA"}
    assert set(db.query("report_delays", scope(instrument=["CAT"])).iso3) == {"AAA", "BBB"}
    assert db.query("report_delays", scope(state=["BBB"], instrument=["ICCPR"])).empty


def test_year_range_keeps_reports_whose_delay_overlaps(data):
    # AAA CAT runs from due 2011 to submitted 2016 (no review date in the fixture)
    kept = db.query("report_delays", scope(state=["AAA"], instrument=["CAT"], year_from=2015, year_to=2015))
    assert len(kept) == 1
    assert db.query("report_delays", scope(state=["AAA"], instrument=["CAT"], year_from=2017)).empty


def test_years_late_histogram(data):
    hist = db.query("years_late_histogram", scope(as_of=d("2019-01-01")))
    assert sorted(map(tuple, hist[["years_late", "status_on_date", "reports"]].values.tolist())) == [
        (4, "submitted", 1),
        (7, "overdue", 1),
    ]


REVIEWS = [
    {"review_id": "CAT-1-AAA", "iso3": "AAA", "instrument": "CAT", "body": "CAT", "session": 1, "state": "Avalon",
     "start_date": d("2017-04-18"), "delegation_size": 10, "head_name": "H", "source": "r"},
    {"review_id": "CAT-1-BBB", "iso3": "BBB", "instrument": "CAT", "body": "CAT", "session": 1, "state": "Brigadoon",
     "start_date": d("2017-04-20"), "source": "r"},
]  # fmt: skip
DELEGATION = [
    {"review_id": "CAT-1-AAA", "kind": "person", "name": "H", "title": "Minister", "is_head": True, "source": "a"},
    {"review_id": "CAT-1-AAA", "kind": "person", "name": "H", "title": "Special Assistant", "is_head": True, "source": "b"},
    {"review_id": "CAT-1-AAA", "kind": "institution", "institution": "Army", "institution_type": "defence_military", "is_head": False, "source": "a"},
    {"review_id": "CAT-1-AAA", "kind": "institution", "institution": "NHRI", "institution_type": "nhri", "is_head": False, "source": "a"},
    {"review_id": "CAT-1-AAA", "kind": "institution", "institution": "NHRI", "institution_type": "nhri", "is_head": False, "source": "b"},
]  # fmt: skip
STAKEHOLDERS = [
    {"review_id": "CAT-1-AAA", "stakeholder": "Commission", "stakeholder_type": "nhri", "participation": "absent_noted_by_committee", "source": "x", "quote": "regretted the absence"},
    {"review_id": "CAT-1-AAA", "stakeholder": "NGO One", "stakeholder_type": "ngo", "participation": "submitted_information", "source": "y"},
    {"review_id": "CAT-1-AAA", "stakeholder": "Commission", "stakeholder_type": "nhri", "participation": "present", "source": "z"},
]  # fmt: skip
CASES = [
    {"review_id": "CAT-1-AAA", "case_label": "A", "violation_type": "torture", "outcome": "convicted", "case_kind": "named_case", "source": "c"},
    {"review_id": "CAT-1-AAA", "case_label": "B", "violation_type": "torture", "outcome": None, "case_kind": "named_case", "source": "c"},
    {"review_id": "CAT-1-BBB", "case_label": "C", "violation_type": "abduction", "outcome": "none", "case_kind": "named_case", "source": "c"},
    # a delegation's aggregate figure: shown as stated, never counted as a case nor as a conviction
    {"review_id": "CAT-1-AAA", "case_label": "52 cases, 101 found guilty", "violation_type": "torture", "outcome": "convicted",
     "case_kind": "aggregate_figure", "source": "d"},
]  # fmt: skip


@pytest.fixture
def reviews(fixture_data):
    return fixture_data(states=STATES, reviews=REVIEWS, delegation=DELEGATION, stakeholders=STAKEHOLDERS, cases=CASES)


def test_delegations_size_and_flags(reviews):
    rows = db.query("delegations", scope()).set_index("review_id")
    a = rows.loc["CAT-1-AAA"]
    # H, whom two sources name with two titles, is one named member
    assert (a.delegation_size, a.named_members, a.military, a.police, a.intelligence, a.nhri) == (
        10,
        1,
        True,
        False,
        False,
        True,
    )
    b = rows.loc["CAT-1-BBB"]
    assert pd.isna(b.delegation_size) and b.named_members == 0  # size not known stays missing


def test_delegation_members_flag_disagreeing_titles(reviews):
    rows = db.query("delegation_members", scope())
    people = rows[rows.kind == "person"]
    assert sorted(people.title) == ["Minister", "Special Assistant"]
    assert people.sources_disagree.all()
    assert not rows[rows.kind == "institution"].sources_disagree.any()


def test_delegation_composition_counts(reviews):
    rows = db.query("delegation_composition", scope())
    assert sorted(map(tuple, rows[["review_id", "institution_type", "institutions"]].values.tolist())) == [
        ("CAT-1-AAA", "defence_military", 1),
        ("CAT-1-AAA", "nhri", 1),
    ]


def test_stakeholder_matrix_puts_absence_first(reviews):
    rows = db.query("stakeholder_matrix", scope()).set_index("stakeholder_type")
    assert rows.loc["nhri", "participation"] == "absent_noted_by_committee"
    assert rows.loc["ngo", "participation"] == "submitted_information"
    first = db.query("stakeholder_list", scope()).iloc[0]
    assert (first.participation, first.quote) == ("absent_noted_by_committee", "regretted the absence")


def test_case_outcomes_count_and_say_not_known(reviews):
    rows = db.query("case_outcomes", scope())
    assert sorted(map(tuple, rows.values.tolist())) == [
        ("abduction", "none", 1),
        ("torture", "convicted", 1),
        ("torture", "no_information", 1),
    ]
    only_a = db.query("case_list", scope(state=["AAA"]))
    assert sorted(only_a.case_label) == ["A", "B"]
    figures = db.query("case_figures", scope())
    assert figures[["case_label", "case_kind"]].values.tolist() == [["52 cases, 101 found guilty", "aggregate_figure"]]
    counts = db.query("case_counts", scope()).iloc[0]
    assert (counts.named_cases, counts.convicted, counts.not_cases) == (3, 1, 1)


def test_overview_figures(reviews):
    fig = db.query("overview_figures", scope()).iloc[0]
    assert (fig.reviews, fig.cases_raised, fig.cases_convicted) == (2, 3, 1)
    assert pd.isna(fig.median_years_late)  # no reports in this fixture: not known, not zero
