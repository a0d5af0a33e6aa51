"""The review lists and the pages' summary queries, on a tiny fixture whose answers can be checked by hand."""

import pytest

from compliance import db
from tests.conftest import d

STATES = [
    {"iso3": "AAA", "name": "Avalon", "un_regional_group": "African"},
    {"iso3": "BBB", "name": "Brigadoon", "un_regional_group": "Western European and other"},
]
REVIEWS = [
    {"review_id": "CAT-50-AAA", "body": "CAT", "instrument": "CAT", "iso3": "AAA", "state": "Avalon", "session": 50,
     "start_date": d("2013-05-01"), "delegation_size": 12, "head_name": "A. Head", "source": "s", "quote": "q"},
    {"review_id": "CAT-60-BBB", "body": "CAT", "instrument": "CAT", "iso3": "BBB", "state": "Brigadoon", "session": 60,
     "start_date": d("2017-04-18"), "source": "s", "quote": "q"},
    # held after the as-of date used below: not yet known then
    {"review_id": "CCPR-120-AAA", "body": "CCPR", "instrument": "ICCPR", "iso3": "AAA", "state": "Avalon",
     "session": 120, "start_date": d("2019-07-01"), "source": "s", "quote": "q"},
]  # fmt: skip
STAKEHOLDERS = [
    {"review_id": "CAT-50-AAA", "stakeholder": "Avalon NHRI", "stakeholder_type": "nhri",
     "participation": "absent_noted_by_committee", "source": "CAT/C/AAA/CO/1", "quote": "regrets the absence"},
    {"review_id": "CAT-50-AAA", "stakeholder": "An NGO", "stakeholder_type": "ngo",
     "participation": "submitted_information", "source": "s", "quote": "q"},
]  # fmt: skip
DELEGATION = [
    {"review_id": "CAT-50-AAA", "kind": "institution", "institution": "Army", "institution_type": "defence_military",
     "is_head": False, "source": "s", "quote": "q"},
]  # fmt: skip
REPORTS = [
    {"iso3": "AAA", "instrument": "CAT", "cycle": 1, "cycle_label": "initial", "due_date": d("2001-01-01"),
     "submitted_date": d("2005-01-01"), "submitted_latest": d("2005-01-01"), "submitted_precision": "day",
     "status": "submitted", "source": "s", "quote": "q"},
    # a periodic report with no due date: its lateness is not known, so it is no headline
    {"iso3": "AAA", "instrument": "CAT", "cycle": 2, "cycle_label": "periodic 2", "submitted_date": d("2010-01-01"),
     "submitted_latest": d("2010-01-01"), "submitted_precision": "day", "status": "submitted", "source": "s"},
]  # fmt: skip
UPR = [
    {
        "iso3": "AAA",
        "state": "Avalon",
        "session": 1,
        "response": "accepted",
        "text": "Ratify the Convention against Torture",
        "issues": "Torture and other CID",
        "source_file": "f.csv",
        "source_record": 1,
    },
    {
        "iso3": "AAA",
        "state": "Avalon",
        "session": 1,
        "response": "accepted",
        "text": "End torture in prisons",
        "issues": "Detention conditions",
        "source_file": "f.csv",
        "source_record": 2,
    },
    {"iso3": "AAA", "state": "Avalon", "session": 1, "response": "noted", "text": "t3"},
    {"iso3": "BBB", "state": "Brigadoon", "session": 1, "response": "noted", "text": "t4"},
    {"iso3": "BBB", "state": "Brigadoon", "session": 1, "response": None, "text": "no response recorded"},
]


@pytest.fixture
def data(fixture_data):
    return fixture_data(
        states=STATES, reviews=REVIEWS, stakeholders=STAKEHOLDERS, delegation=DELEGATION, reports=REPORTS,
        upr_recommendations=UPR,
    )  # fmt: skip


def scope(**kw):
    base = {"state": [], "group": None, "instrument": [], "year_from": None, "year_to": None, "as_of": d("2018-01-01")}
    return {**base, **kw}


def test_review_list_holds_the_reviews_held_by_the_as_of_date(data):
    assert db.query("review_list", scope()).review_id.tolist() == ["CAT-50-AAA", "CAT-60-BBB"]
    assert db.query("review_list", scope(as_of=d("2020-01-01"))).review_id.tolist()[-1] == "CCPR-120-AAA"
    assert db.query("review_list", scope(instrument=["ICCPR"])).empty


def test_absences_are_only_what_the_committee_noted_absent(data):
    rows = db.query("absences", scope())
    assert rows[["review_id", "stakeholder", "stakeholder_type"]].values.tolist() == [
        ["CAT-50-AAA", "Avalon NHRI", "nhri"]
    ]


def test_delegation_summaries_put_a_stated_size_first_with_what_came(data):
    rows = db.query("delegation_summaries", scope())
    assert rows.review_id.tolist() == ["CAT-50-AAA", "CAT-60-BBB"]
    first = rows.iloc[0]
    assert (first.delegation_size, first.head_name, first.military, first.nhri) == (12, "A. Head", True, False)


def test_report_headlines_only_where_the_lateness_is_known(data):
    rows = db.query("report_headlines", scope())
    assert rows[["state", "cycle_label", "years_late"]].values.tolist() == [["Avalon", "initial", 4.0]]


def test_instruments_list_gives_the_rules_order_then_the_upr(data):
    codes = db.query("instruments_list").instrument.tolist()
    assert codes[:3] == ["ICERD", "ICESCR", "ICCPR"] and codes[-1] == "UPR" and len(codes) == 19


def test_upr_responses_count_accepted_and_noted_per_state(data):
    rows = db.query("upr_responses", scope())
    assert rows[["state", "response", "recommendations", "received"]].values.tolist() == [
        ["Avalon", "accepted", 2, 3],
        ["Avalon", "noted", 1, 3],
        ["Brigadoon", "noted", 1, 1],
    ]


def test_upr_recommendation_list_needs_every_word_and_the_issue(data):
    def found(words, issue=None):
        rows = db.query("upr_recommendation_list", scope(), words=words, issue=issue)
        return sorted(rows.source_record.tolist())

    assert found(["torture"]) == [1, 2]  # any case
    assert found(["torture", "prisons"]) == [2]
    assert found(["torture"], issue="Detention conditions") == [2]
    assert found(["nothing-like-this"]) == []
