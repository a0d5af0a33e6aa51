"""The queries over the treaty record (complaint procedures, treaty texts, report statuses, what is known), each on
a tiny fixture whose answers can be checked by hand."""

import pandas as pd
import pytest

from compliance import db
from tests.conftest import d

STATES = [
    {"iso3": "AAA", "name": "Avalon", "un_regional_group": "African"},
    {"iso3": "BBB", "name": "Brigadoon", "un_regional_group": "Western European and other"},
]
RATIFICATIONS = [
    {"iso3": "AAA", "participant": "Avalon", "instrument": "CAT", "action_date": d("2000-01-10"), "denounced": False},
    {"iso3": "BBB", "participant": "Brigadoon", "instrument": "CAT", "action_date": d("2000-02-10"), "denounced": False},
    {"iso3": "BBB", "participant": "Brigadoon", "instrument": "ICCPR", "action_date": d("2001-01-01"), "denounced": False},
    # denounced: not a party, but shown as denounced on its profile
    {"iso3": "BBB", "participant": "Brigadoon", "instrument": "ICCPR-OP1", "action_date": d("2001-01-01"),
     "denounced": True},
]  # fmt: skip
ACCEPTANCE = [
    {"iso3": "AAA", "participant": "Avalon", "committee": "CAT", "procedure": "individual", "instrument": "CAT",
     "party_instrument": "CAT", "article": "art. 22", "accepted": True, "accepted_date": d("2005-05-05"),
     "basis": "declaration", "quote": "Avalon recognizes the competence ... article 22", "source": "page"},
    {"iso3": "BBB", "participant": "Brigadoon", "committee": "CAT", "procedure": "individual", "instrument": "CAT",
     "party_instrument": "CAT", "article": "art. 22", "accepted": False, "basis": "no declaration on the page",
     "source": "page"},
    {"iso3": "BBB", "participant": "Brigadoon", "committee": "CCPR", "procedure": "individual",
     "instrument": "ICCPR-OP1", "party_instrument": "ICCPR", "article": "optional protocol", "accepted": False,
     "basis": "denounced the protocol", "source": "page"},
]  # fmt: skip
COMPLAINTS = [
    {"symbol": "c1", "committee": "CAT", "iso3": "AAA", "state": "Avalon", "decision_date": d("2008-01-01")},
    {"symbol": "c2", "committee": "CAT", "iso3": "AAA", "state": "Avalon", "decision_date": d("2009-01-01")},
    {"symbol": "c3", "committee": "CAT", "iso3": "BBB", "state": "Brigadoon", "decision_date": d("2009-01-01")},
    {"symbol": "c4", "committee": "CCPR", "iso3": "BBB", "state": "Brigadoon", "decision_date": d("1999-01-01")},
]
TEXTS = [
    {"instrument": "CAT", "participant": "Avalon", "iso3": "AAA", "section": "declarations and reservations",
     "kind": "reservation", "text": "Avalon reserves article 20", "piece": 1, "source": "page"},
    {"instrument": "CAT", "participant": "Avalon", "iso3": "AAA", "section": "note", "kind": "withdrawal",
     "text_date": d("2011-09-20"), "text": "Avalon withdrew the reservation", "piece": 2, "source": "page"},
    {"instrument": "CAT", "participant": "Brigadoon", "iso3": "BBB", "section": "objections", "kind": "objection",
     "text_date": d("2010-06-01"), "about_participant": "Avalon", "about_iso3": "AAA",
     "text": "Brigadoon objects to Avalon's reservation", "piece": 1, "source": "page"},
]  # fmt: skip
STATUSES = [
    {"iso3": "AAA", "state": "AVALON", "instrument": "CAT", "cycle": None, "report_label": "seriously overdue",
     "status": "not_submitted", "status_as_of": d("2004-03-01"), "source": "CAT/C/32/2", "quote": "Avalon"},
    {"iso3": "AAA", "state": "Avalon", "instrument": "CAT", "cycle": 1, "report_label": "initial",
     "status": "submitted", "submitted_date": d("2006-07-01"), "source": "cover page", "quote": "[1 July 2006]"},
]  # fmt: skip
REPORTS = [
    # AAA CAT initial: due 2001-02-09, submitted 2006-07-01 on a stated day; reviewed 2008
    {"iso3": "AAA", "instrument": "CAT", "cycle": 1, "cycle_label": "initial", "due_date": d("2001-02-09"),
     "submitted_date": d("2006-07-01"), "submitted_latest": d("2006-07-01"), "submitted_precision": "day",
     "submitted_basis": "stated", "unsubmitted_as_of": d("2004-03-01"), "status": "submitted", "source": "s"},
    # AAA CAT periodic 2: no due date; reviewed 2012-05-01, so submitted before then, on no known day
    {"iso3": "AAA", "instrument": "CAT", "cycle": 2, "cycle_label": "periodic 2", "submitted_latest": d("2012-05-01"),
     "submitted_basis": "submitted before 2012-05-01: reviewed then", "reviewed_date": d("2012-05-01"),
     "review_id": "CAT-48-AAA", "status": "submitted", "source": "s"},
    # BBB CAT initial: due, nothing known
    {"iso3": "BBB", "instrument": "CAT", "cycle": 1, "cycle_label": "initial", "due_date": d("2001-03-12"),
     "status": "unknown"},
]  # fmt: skip
REVIEWS = [{"review_id": "CAT-48-AAA", "body": "CAT", "instrument": "CAT", "iso3": "AAA", "state": "Avalon",
            "start_date": d("2012-05-01"), "source": "s", "quote": "q"}]  # fmt: skip
CHECKS = [
    {"participant": "German Democratic Republic", "instrument": "CEDAW", "finding": "in the CSV copy, not in the "
     "page's participant table", "other_source": "CSV", "historical": True},
    {"iso3": "AAA", "participant": "Avalon", "instrument": "CAT", "finding": "action date differs",
     "value": "2000-01-10", "other_source": "2015", "other_value": "2000-01-11", "historical": False},
]  # fmt: skip


@pytest.fixture
def data(fixture_data):
    return fixture_data(
        states=STATES, ratifications=RATIFICATIONS, complaint_acceptance=ACCEPTANCE, complaints=COMPLAINTS,
        treaty_texts=TEXTS, report_statuses=STATUSES, reports=REPORTS, reviews=REVIEWS, ratification_checks=CHECKS,
    )  # fmt: skip


def scope(**kw):
    base = {"state": [], "group": None, "instrument": [], "year_from": None, "year_to": None, "as_of": d("2020-01-01")}
    return {**base, **kw}


def test_a_procedure_is_accepted_from_its_dated_declaration_on(data):
    before = db.query("complaint_procedures", scope(state=["AAA"], as_of=d("2004-12-31")))
    assert before[["committee", "accepted"]].values.tolist() == [["CAT", False]]
    after = db.query("complaint_procedures", scope(state=["AAA"]))
    assert after[["committee", "accepted"]].values.tolist() == [["CAT", True]]
    assert after.accepted_date.dt.date.tolist() == [d("2005-05-05")]
    # a procedure is open only to a party of its treaty: the denounced protocol's row stays, its treaty is ratified
    bbb = db.query("complaint_procedures", scope(state=["BBB"]))
    assert sorted(bbb[["committee", "basis"]].values.tolist()) == [
        ["CAT", "no declaration on the page"],
        ["CCPR", "denounced the protocol"],
    ]


def test_decisions_are_counted_apart_where_the_state_does_not_accept(data):
    counts = db.query("complaint_procedure_counts", scope()).set_index("committee")
    cat = counts.loc["CAT"]
    assert (cat.parties_open_to, cat.states_accepting, cat.earliest_accepted_date.date()) == (2, 1, d("2005-05-05"))
    assert (cat.decisions_accepting, cat.decisions_not_accepting) == (2, 1)
    assert (counts.loc["CCPR"].states_accepting, counts.loc["CCPR"].decisions_not_accepting) == (0, 1)


def test_treaty_texts_as_of_a_date_and_objections_by_whom_they_are_about(data):
    texts = db.query("treaty_text_list", scope(state=["AAA"], as_of=d("2011-01-01")))
    assert texts.text_kind.tolist() == ["reservation"]  # the 2011 withdrawal is not yet known; undated text is
    later = db.query("treaty_text_list", scope(state=["AAA"]))
    assert later.text_kind.tolist() == ["reservation", "withdrawal"]
    assert later.text_date.dt.date.tolist()[1] == d("2011-09-20")
    objections = db.query("objections_received", scope(state=["AAA"]))
    assert objections[["state", "objecting_state"]].values.tolist() == [["Avalon", "Brigadoon"]]
    assert db.query("objections_received", scope(state=["BBB"])).empty
    assert db.query("objections_received", scope(state=["AAA"], as_of=d("2010-05-31"))).empty


def test_report_statuses_keep_rows_naming_no_report_and_hide_later_ones(data):
    rows = db.query("state_report_statuses", scope(state=["AAA"], as_of=d("2005-01-01")))
    assert rows[["report_label", "status"]].values.tolist() == [["seriously overdue", "not_submitted"]]
    assert len(db.query("state_report_statuses", scope(state=["AAA"]))) == 2


def test_a_reviewed_report_is_submitted_from_its_review_on_and_a_periodic_due_date_is_never_derived(data):
    def status(as_of):
        rows = db.query("report_delays", scope(state=["AAA"], as_of=as_of)).set_index("cycle")
        return rows.loc[2, "status_on_date"], rows.loc[2, "due_note"]

    assert status(d("2012-04-30")) == ("due date not known", "due date set by the committee, not known")
    assert status(d("2012-05-01"))[0] == "submitted (date not known)"
    shown = db.query("report_delays", scope(state=["AAA"])).set_index("cycle")
    assert shown.loc[2, "submitted_label"] == "submitted before 2012-05-01: reviewed then"
    # the initial report: overdue while a source showed it unsubmitted, submitted from its stated day
    assert (
        db.query("report_delays", scope(state=["AAA"], as_of=d("2004-01-01")))
        .set_index("cycle")
        .loc[1, "status_on_date"]
        == "overdue"
    )
    assert shown.loc[1, "status_on_date"] == "submitted"


def test_what_is_known_at_a_glance(data):
    matrix = db.query("knowledge_matrix", scope())
    assert matrix[["iso3", "instrument", "known_level"]].values.tolist() == [
        ["AAA", "CAT", "reviewed"],
        ["BBB", "ICCPR", "ratification only"],  # a party with no report row: its due date is not derived here
        ["BBB", "CAT", "due date"],  # instruments in the rules' order, ICCPR before CAT
    ]
    before = db.query("knowledge_matrix", scope(as_of=d("2005-01-01"))).set_index("iso3")
    assert before.loc["AAA", "known_level"] == "status known"  # overdue then, as at the 2004 list
    counts = db.query("knowledge_counts", scope()).set_index(["instrument", "known_level"])["states"]
    assert counts.to_dict() == {("CAT", "due date"): 1, ("CAT", "reviewed"): 1, ("ICCPR", "ratification only"): 1}


def test_ratification_checks_list_historical_participants_without_a_state_filter(data):
    everything = db.query("ratification_check_list", scope())
    assert everything.participant.tolist() == ["German Democratic Republic", "Avalon"]
    assert db.query("ratification_check_list", scope(state=["AAA"])).participant.tolist() == ["Avalon"]


def test_calendar_events_are_due_dates_and_reviews_in_date_order(data):
    rows = db.query("calendar_events", scope(state=["AAA"]))
    assert rows[["event", "uid"]].values.tolist() == [
        ["CAT initial report due", "AAA-CAT-1-due@treaty-compliance-dashboard"],
        ["CAT review (CAT-48-AAA)", "CAT-48-AAA@treaty-compliance-dashboard"],
    ]  # the periodic report has no due date: no event
    assert rows.event_date.dt.date.tolist() == [d("2001-02-09"), d("2012-05-01")]
    assert db.query("calendar_events", scope(state=["AAA"], as_of=d("2012-04-30"))).uid.tolist() == [
        "AAA-CAT-1-due@treaty-compliance-dashboard"
    ]


def test_state_comparison_gives_every_measure_for_every_state(data):
    rows = db.query("state_comparison", scope(state=["AAA", "BBB"]))
    assert len(rows) == 2 * rows.position.nunique() and rows.position.nunique() >= 15
    cell = rows.set_index(["position", "state"])["value"]
    assert (cell[(1, "Avalon")], cell[(1, "Brigadoon")]) == ("1", "2")  # the denounced protocol is not counted
    assert (cell[(7, "Avalon")], cell[(8, "Avalon")], cell[(8, "Brigadoon")]) == ("1", "2012-05-01", "none curated")
    assert cell[(15, "Avalon")] == "CAT" and cell[(15, "Brigadoon")] == "none"
    assert cell[(16, "Avalon")] == "2"


def test_map_measures_per_un_member(fixture_data):
    states = [{**s, "un_member": True} for s in STATES] + [
        {"iso3": "EUU", "name": "European Union", "un_member": False}
    ]
    fixture_data(states=states, ratifications=RATIFICATIONS, complaint_acceptance=ACCEPTANCE, reports=REPORTS)
    rows = db.query("map_measures", scope()).set_index("iso3")
    assert list(rows.index) == ["AAA", "BBB"]  # UN members only
    assert rows.loc["AAA", "instruments_party"] == 1 and rows.loc["BBB", "instruments_party"] == 2
    assert rows.loc["AAA", "procedures_accepted"] == 1 and rows.loc["BBB", "procedures_accepted"] == 0
    # on-time share only where every initial report's status is known: AAA's is (submitted), BBB's is not
    assert rows.loc["AAA", "on_time_share"] == 100.0 and pd.isna(rows.loc["BBB", "on_time_share"])
    early = db.query("map_measures", scope(as_of=d("2005-01-01"))).set_index("iso3")
    assert early.loc["AAA", "overdue_known"] == 1  # not submitted as at the 2004 list, overdue when last known
