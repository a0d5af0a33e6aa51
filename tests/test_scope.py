"""Scope is defined once: every query reads through the scope macros, and figures two pages share agree.

The cross-page check counts each figure again from the Parquet files with pandas, written apart from the SQL.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest

from compliance import db, filters, settings
from tests.conftest import SHIPPED

FILTER_PARAMS = re.compile(r"\$(state|group|instrument|year_from|year_to|as_of)\b")
SCOPE_CALL = re.compile(r"\b[a-z_]+_in_scope\([^()]*\)")
HELPERS = re.compile(r"\b(state_admitted|instrument_admitted|years_overlap|known_by|report_status)\(")


def test_every_sql_file_reads_through_the_scope_macros():
    checked = 0
    for path in sorted(settings.SQL_DIR.glob("*.sql")):
        body = "\n".join(line.split("--", 1)[0] for line in path.read_text().splitlines())
        outside = SCOPE_CALL.sub("", body)
        assert not FILTER_PARAMS.search(outside), f"{path.name} names a filter outside a scope macro"
        assert not HELPERS.search(body), f"{path.name} applies a filter condition itself"
        checked += 1
    assert checked > 25


def test_the_scope_macros_are_the_only_place_filters_are_applied():
    macros = (settings.SQL_DIR / "macros" / "03_scope.sql").read_text()
    defined = set(re.findall(r"create or replace macro ([a-z_]+_in_scope)\(", macros))
    assert {"reports_in_scope", "reviews_in_scope", "cases_in_scope", "upr_in_scope", "complaints_in_scope"} <= defined
    used = {m.split("(")[0] for p in settings.SQL_DIR.glob("*.sql") for m in SCOPE_CALL.findall(p.read_text())}
    assert used <= defined and len(used) >= 9


DATED = {  # a query's output columns that carry the date something happened
    "review_list": ["start_date"],
    "delegations": ["start_date"],
    "report_delays": ["ratified_date", "reviewed_date"],
    "report_milestones": ["milestone_date"],
    "complaint_list": ["decision_date"],
    "committee_figures": ["as_at_date", "period_end"],
}


@pytest.mark.parametrize("as_of", [dt.date(2012, 1, 1), dt.date(2016, 6, 30)])
def test_nothing_after_the_as_of_date_exists(shipped, as_of):
    scope = filters.Filters(as_of=as_of).scope()
    for name, columns in DATED.items():
        frame = db.query(name, scope)
        assert len(frame), name
        for col in columns:
            dates = pd.to_datetime(frame[col]).dropna().dt.date
            assert (dates <= as_of).all(), f"{name}.{col} has dates after {as_of}"
    ratified = db.query("overview_figures", scope).iloc[0].ratified_instruments
    assert ratified == independent(scope)["ratified"]
    palestine = db.query("state_instruments", iso3="PSE", as_of=as_of)
    acceded = palestine[palestine.standing == "party"]
    assert acceded.empty or (pd.to_datetime(acceded.action_date).dt.date <= as_of).all()
    if as_of.year < 2014:
        assert acceded.empty  # the State of Palestine acceded to its first instruments in 2014
    cases = db.query("case_list", scope)
    reviews = set(db.query("review_list", scope).review_id)
    assert set(cases.review_id) <= reviews


# ---- the independent count, from the Parquet files with pandas ----

_tables: dict[str, pd.DataFrame] = {}


def table(name: str) -> pd.DataFrame:
    if name not in _tables:
        _tables[name] = pq.read_table(SHIPPED / f"{name}.parquet").to_pandas()
    return _tables[name]


def _states(scope: dict) -> set[str]:
    states = table("states")
    picked = set(states.iso3)
    if scope["state"]:
        picked &= set(scope["state"])
    if scope["group"]:
        picked &= set(states[states.un_regional_group == scope["group"]].iso3)
    return picked


def _overlaps(first: pd.Series, last: pd.Series, scope: dict) -> pd.Series:
    lo, hi = scope["year_from"], scope["year_to"]
    ok = pd.Series(True, index=first.index)
    if lo is not None:
        ok &= last.fillna(first).ge(lo).fillna(False)
    if hi is not None:
        ok &= first.fillna(last).le(hi).fillna(False)
    return ok


def _instrument(series: pd.Series, scope: dict) -> pd.Series:
    return series.isin(scope["instrument"]) if scope["instrument"] else pd.Series(True, index=series.index)


def independent(scope: dict) -> dict[str, int]:
    """The shared figures counted with pandas alone."""
    as_of = pd.Timestamp(scope["as_of"])
    states = _states(scope)
    rv = table("reviews")
    start = pd.to_datetime(rv.start_date)
    reviews = rv[
        rv.iso3.isin(states)
        & _instrument(rv.instrument, scope)
        & _overlaps(start.dt.year, start.dt.year, scope)
        & (start.isna() | (start <= as_of))
    ]
    cases = table("cases")
    named = cases[(cases.case_kind == "named_case") & cases.review_id.isin(reviews.review_id)]
    rat = table("ratifications")
    known = (pd.to_datetime(rat.action_date) <= as_of) | (
        rat.action_date.isna()
        & rat.action_year.notna()
        & (rat.action_year.fillna(9999) < as_of.year + (as_of.month == 12 and as_of.day == 31))
    )
    ratified = rat[rat.iso3.isin(states) & _instrument(rat.instrument, scope) & known & ~rat.denounced.astype(bool)]
    rep = table("reports").merge(
        rat[["iso3", "instrument", "action_date", "action_year"]], on=["iso3", "instrument"], how="left"
    )
    due = pd.to_datetime(rep.due_date)
    sub = pd.to_datetime(rep.submitted_date)
    unsubmitted = pd.to_datetime(rep.unsubmitted_as_of)
    known_submitted = pd.to_datetime(rep.submitted_known_as_of)
    ratified_by = (
        rep.action_date.isna() & rep.action_year.isna()
        | (pd.to_datetime(rep.action_date) <= as_of)
        | (
            rep.action_date.isna()
            & (rep.action_year.fillna(9999) < as_of.year + (as_of.month == 12 and as_of.day == 31))
        )
    )
    # A report spans from its due date to its review (or submission): as known on the as-of date, so a later
    # review or submission is not yet there and the span runs to the as-of date.
    reviewed = pd.to_datetime(rep.reviewed_date)
    sub_latest = pd.to_datetime(rep.submitted_latest)
    last = reviewed.where(reviewed <= as_of).fillna(sub.where(sub_latest <= as_of)).fillna(as_of)
    first = due.fillna(sub.where(sub_latest <= as_of))
    in_scope = rep.iso3.isin(states) & _instrument(rep.instrument, scope) & ratified_by
    in_scope &= _overlaps(first.dt.year, last.dt.year, scope)
    late = due.notna() & (due < as_of)
    # submitted by then (on a stated day, or shown by a review, a later report or a source's list) is never overdue
    submitted_then = (sub.notna() & (sub_latest <= as_of)) | (sub_latest.fillna(known_submitted) <= as_of)
    overdue = late & ~submitted_then & ((unsubmitted >= as_of) | (sub > as_of))
    return {
        "reviews": len(reviews),
        "cases": len(named),
        "convictions": int((named.outcome == "convicted").sum()),
        "ratified": len(ratified),
        "overdue": int((in_scope & overdue).sum()),
    }


def _combinations(n: int, seed: int = 20261201) -> list[dict]:
    rng = random.Random(seed)
    states = sorted(table("states").iso3)
    instruments = ["CAT", "ICCPR", "CEDAW", "ICERD", "ICESCR", "CRC", "UPR"]
    combos = []
    for _ in range(n):
        as_of = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 22 * 365))
        year_from = rng.choice([None, None, rng.randrange(2005, 2020)])
        year_to = rng.choice([None, None, rng.randrange(2012, 2026)])
        if year_from and year_to and year_from > year_to:
            year_from, year_to = year_to, year_from
        combos.append(
            filters.Filters(
                states=tuple(
                    rng.sample(
                        ["PAK", "AFG", "ATG", "BHR", "ESP", "PSE", *rng.sample(states, 3)], rng.choice([0, 0, 1, 2])
                    )
                ),
                group=rng.choice([None, None, None, *filters.GROUPS]),
                instruments=tuple(rng.sample(instruments, rng.choice([0, 0, 1, 2]))),
                year_from=year_from,
                year_to=year_to,
                as_of=as_of,
            ).scope()
        )
    return combos


FIXED = [  # the views the issues were seen on, beside the random ones
    filters.Filters().scope(),
    filters.Filters(instruments=("CAT",), year_from=2015, year_to=2019).scope(),
    filters.Filters(year_from=1990, year_to=1995, as_of=dt.date(2019, 1, 1)).scope(),
    filters.Filters(as_of=dt.date(2012, 1, 1)).scope(),
    filters.Filters(states=("PAK",), instruments=("CAT",)).scope(),
]


@pytest.mark.parametrize("scope", _combinations(30) + FIXED, ids=lambda s: f"{s['as_of']}")
def test_figures_two_pages_share_agree_and_match_an_independent_count(shipped, scope):
    expected = independent(scope)
    overview = db.query("overview_figures", scope).iloc[0]  # the Overview page
    counts = db.query("case_counts", scope).iloc[0]  # the Case outcomes page
    status = db.query("status_counts", scope).set_index("status_on_date")["reports"]  # Reporting delays
    overdue_rows = db.query("overdue_reports", scope)  # Reporting delays, the overdue table
    delegations = db.query("delegations", scope)  # Delegations: one row per review
    reviews = db.query("review_list", scope)  # State profile
    assert overview.reviews == len(delegations) == len(reviews) == expected["reviews"]
    assert overview.cases_raised == counts.named_cases == expected["cases"]
    assert overview.cases_convicted == counts.convicted == expected["convictions"]
    assert (
        overview.overdue
        == status.get("overdue", 0)
        == (overdue_rows.status_on_date == "overdue").sum()
        == expected["overdue"]
    )
    assert set(overdue_rows.status_on_date) <= {"overdue", "overdue when last known"}
    assert (overdue_rows.status_on_date == "overdue when last known").sum() == overview.overdue_last_known
    assert overview.ratified_instruments == expected["ratified"]
    for iso3 in scope["state"][:1]:
        party = db.query("state_instruments", iso3=iso3, as_of=scope["as_of"])  # State profile, Instruments
        in_instruments = party[party.standing == "party"]
        if scope["instrument"]:
            in_instruments = in_instruments[in_instruments.instrument.isin(scope["instrument"])]
        if not scope["group"] and len(scope["state"]) == 1:
            assert len(in_instruments) == overview.ratified_instruments


def test_the_combinations_reach_every_figure():
    """A check that only ever compares zeros proves nothing: the combinations must make each figure non-zero."""
    totals = pd.DataFrame([independent(scope) for scope in _combinations(30) + FIXED])
    assert (totals > 0).sum().min() >= 1, totals.astype(bool).sum().to_dict()
    assert (totals.drop(columns="convictions") > 0).sum().min() >= 3


@pytest.mark.parametrize("iso3", ["PAK", "DZA", "BRA", "ZAF"])
def test_the_new_pages_show_the_same_figures_as_the_state_profile(shipped, iso3):
    """Compare, the map and the case-outcomes counts read the same parties and procedures as the State profile."""
    scope = filters.Filters(states=(iso3,)).scope()
    profile = db.query("state_instruments", iso3=iso3, as_of=scope["as_of"])
    procedures = db.query("complaint_procedures", scope)
    compared = db.query("state_comparison", scope).set_index("position")["value"]
    mapped = db.query("map_measures", scope).set_index("iso3").loc[iso3]
    overview = db.query("overview_figures", scope).iloc[0]
    parties = int((profile.standing == "party").sum())
    assert int(compared.loc[1]) == mapped.instruments_party == parties == overview.ratified_instruments
    assert mapped.procedures_accepted == int(procedures.accepted.sum())
    individual = sorted(procedures[procedures.accepted & (procedures.procedure == "individual")].committee)
    assert compared.loc[15] == (", ".join(individual) or "none")
    counts = db.query("complaint_procedure_counts", scope).set_index("committee")
    assert int(counts.states_accepting.sum()) == len(individual)
