"""Given rows, expected rows: the remaining queries."""

from compliance import db
from tests.conftest import d

SCOPE = {"state": [], "group": None, "instrument": [], "year_from": None, "year_to": None, "as_of": d("2020-01-01")}
STATES = [{"iso3": "AAA", "name": "Avalon", "un_regional_group": "African"}, {"iso3": "BBB", "name": "Brigadoon"}]


def test_complaints_by_committee_decision_and_year(fixture_data):
    fixture_data(
        states=STATES,
        complaints=[
            {"symbol": "CAT/1", "committee": "CAT", "iso3": "AAA", "decision_type": "Adoption of views", "decision_date": d("2013-11-08")},
            {"symbol": "CAT/2", "committee": "CAT", "iso3": "AAA", "decision_type": "Adoption of views", "decision_date": d("2013-05-01")},
            {"symbol": "CCPR/1", "committee": "CCPR", "iso3": "BBB", "decision_type": "Inadmissibility decision", "decision_date": d("2012-01-01")},
        ],
    )  # fmt: skip
    rows = db.query("complaints_by_decision", SCOPE)
    assert sorted(map(tuple, rows.values.tolist())) == [
        ("CAT", "Adoption of views", 2013, 2),
        ("CCPR", "Inadmissibility decision", 2012, 1),
    ]
    assert db.query("complaint_list", {**SCOPE, "instrument": ["ICCPR"]}).symbol.tolist() == ["CCPR/1"]
    assert db.query("complaint_list", {**SCOPE, "group": "African"}).symbol.tolist() == ["CAT/1", "CAT/2"]


def test_upr_counts_and_treaty_body_recommendations(fixture_data):
    rec = {"iso3": "AAA", "state": "Avalon", "session": 5, "recommending_state": "Brigadoon"}
    fixture_data(
        states=STATES,
        upr_recommendations=[
            {**rec, "response": "accepted", "text": "Submit its overdue reports to the treaty bodies.", "issues": "Treaty bodies"},
            {**rec, "response": "noted", "text": "Ratify OP-CAT.", "issues": "Torture and other CID treatment,International instruments"},
            {**rec, "response": "voluntary pledge", "text": "We pledge.", "issues": "Treaty bodies"},
        ],
    )  # fmt: skip
    row = db.query("upr_by_state", SCOPE).iloc[0]
    assert (row.received, row.accepted, row.noted, row.accepted_pct, row.voluntary_pledges) == (2, 1, 1, 50.0, 1)
    issues = db.query("upr_by_issue", SCOPE)
    assert sorted(issues.issue) == ["International instruments", "Torture and other CID treatment", "Treaty bodies"]
    assert db.query("upr_treaty_bodies", SCOPE).text.tolist() == ["Submit its overdue reports to the treaty bodies."]
    assert db.query("upr_by_recommender", SCOPE).recommendations.tolist() == [2]
    # session 5 sat in 2009
    assert db.query("upr_by_state", {**SCOPE, "year_from": 2010}).empty


def test_state_instruments_lists_all_and_marks_party(fixture_data):
    fixture_data(
        states=STATES,
        instruments=[
            {
                "instrument": "CAT",
                "position": 5,
                "name": "Convention against Torture",
                "untc_no": "IV-9",
                "reporting": True,
            },
            {
                "instrument": "OP-CAT",
                "position": 1,
                "name": "Optional Protocol",
                "untc_no": "IV-9-b",
                "reporting": False,
            },
        ],
        ratifications=[
            {"iso3": "AAA", "instrument": "CAT", "action_date": d("2010-06-23"), "in_force_date": d("2010-07-23")}
        ],
    )
    rows = db.query("state_instruments", iso3="AAA", as_of=d("2020-01-01"))
    assert rows.instrument.tolist() == ["OP-CAT", "CAT"]  # by position, not by name
    rows = rows.set_index("instrument")
    assert rows.loc["CAT", "standing"] == "party" and rows.loc["OP-CAT", "standing"] == "no action recorded"
    # before it ratified, it was not a party
    before = db.query("state_instruments", iso3="AAA", as_of=d("2010-06-22")).set_index("instrument")
    assert before.loc["CAT", "standing"] == "no action recorded" and before.action_date.isna().all()


def test_milestones_unpivot_one_row_per_date(fixture_data):
    fixture_data(
        states=STATES,
        reports=[{"iso3": "AAA", "instrument": "CAT", "cycle": 1, "cycle_label": "initial", "due_date": d("2011-07-23"),
                  "in_force_date": d("2010-07-23"), "submitted_date": d("2016-01-01"), "submitted_latest": d("2016-01-31"),
                  "submitted_precision": "month", "status": "submitted", "reviewed_date": d("2017-04-18")}],
    )  # fmt: skip
    rows = db.query("report_milestones", SCOPE)
    assert rows.milestone.tolist() == ["in force", "due", "submitted", "reviewed"]
    assert rows.set_index("milestone").loc["submitted", "date_label"] == "January 2016"


def test_table_status_and_whole_table(fixture_data):
    from compliance import catalog

    fixture_data(states=STATES)
    counts = catalog.status().set_index("table_name")["row_count"]
    assert counts["states"] == 2 and counts["reports"] == 0
    assert db.query("whole_table", table_name="states").iso3.tolist() == ["AAA", "BBB"]


def test_evidence_and_committee_figures(fixture_data):
    fixture_data(
        states=STATES,
        reviews=[{"review_id": "CAT-1-AAA", "iso3": "AAA", "instrument": "CAT", "start_date": d("2017-04-18"), "source": "r"}],
        evidence=[{"review_id": "CAT-1-AAA", "field": "submitted_date", "value": "2016", "source": "e", "quote": "q"}],
        committee_figures=[{"committee": "CAT", "figure": "states_parties", "value": 166, "period_end": d("2019-05-17"), "source": "f"}],
    )  # fmt: skip
    assert db.query("evidence_list", SCOPE).value.tolist() == ["2016"]
    assert db.query("committee_figures", SCOPE).value.tolist() == [166]
    assert db.query("committee_figures", {**SCOPE, "instrument": ["ICCPR"]}).empty
