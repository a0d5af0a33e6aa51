"""The reporting calendars: iCalendar feeds that parse with a maintained library and hold the record's dates."""

import datetime as dt

import icalendar
import pytest

from compliance import build, calendars, db, filters, settings
from tests.conftest import DATA_ROOT, SHIPPED


def events_of(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_pakistans_feed_holds_the_cat_and_iccpr_dates_and_the_review():
    cal, events = events_of(SHIPPED / calendars.FOLDER / "PAK.ics")
    assert cal["X-WR-CALNAME"] == "Reporting calendar: Pakistan"
    cat = events["PAK-CAT-1-due@treaty-compliance-dashboard"]
    assert cat.decoded("DTSTART") == dt.date(2011, 7, 23)
    assert "submitted 2016-01" in str(cat["DESCRIPTION"])
    iccpr = events["PAK-ICCPR-1-due@treaty-compliance-dashboard"]
    assert iccpr.decoded("DTSTART") == dt.date(2011, 9, 23)
    review = events["CAT-60-PAK@treaty-compliance-dashboard"]
    assert (review.decoded("DTSTART"), review.decoded("DTEND")) == (dt.date(2017, 4, 18), dt.date(2017, 4, 20))


def test_a_feed_round_trips_into_a_fresh_calendar_with_the_same_events():
    cal, events = events_of(SHIPPED / calendars.FOLDER / "PAK.ics")
    fresh = icalendar.Calendar()
    for event in cal.walk("VEVENT"):
        fresh.add_component(event)
    again = icalendar.Calendar.from_ical(fresh.to_ical())
    assert {str(e["UID"]): e.decoded("DTSTART") for e in again.walk("VEVENT")} == {
        uid: e.decoded("DTSTART") for uid, e in events.items()
    }
    # RFC 5545: every event has a UID, a DTSTAMP and a start; UIDs are unique within the feed
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids)) and all("DTSTAMP" in e and "DTSTART" in e for e in cal.walk("VEVENT"))


def test_a_second_build_gives_byte_identical_feeds(tmp_path):
    tables = build.build_tables(DATA_ROOT / "sources", SHIPPED / "curated")
    a, b = calendars.feeds(tables), calendars.feeds(tables)
    assert a == b
    shipped = {p.name: p.read_bytes() for p in (SHIPPED / calendars.FOLDER).glob("*.ics")}
    assert a == shipped  # the release's feeds are what its tables give
    assert b"DTSTAMP:20260203T000000Z" in a["PAK.ics"]  # the record's date, never the build's time


def test_committee_feeds_hold_every_state_reviewed():
    _, events = events_of(SHIPPED / calendars.FOLDER / "committee-CAT.ics")
    assert "CAT-60-PAK@treaty-compliance-dashboard" in events
    assert not any(uid.startswith("CCPR-") for uid in events)


def test_the_served_feeds_are_the_current_releases():
    assert calendars.exposed_match(SHIPPED, settings.STATIC_DIR), "run python -m compliance build"


def test_the_page_lists_the_feeds_events(shipped):
    record_date = dt.date(2026, 2, 3)
    rows = db.query("calendar_events", filters.Filters(states=("PAK",), as_of=record_date).scope())
    _, events = events_of(SHIPPED / calendars.FOLDER / "PAK.ics")
    assert set(rows.uid) == set(events)
    assert [e.decoded("DTSTART") for e in events.values()] == sorted(e.decoded("DTSTART") for e in events.values())


@pytest.mark.parametrize("name", ["PAK.ics", "committee-CAT.ics"])
def test_expose_replaces_whole_files_and_removes_stale_ones(tmp_path, name):
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "OLD.ics").write_text("stale")
    (tmp_path / "calendars" / name).write_text("outdated")
    count = calendars.expose(SHIPPED, tmp_path)
    assert count == len(list((SHIPPED / "calendars").glob("*.ics")))
    assert not (tmp_path / "calendars" / "OLD.ics").exists()
    assert calendars.exposed_match(SHIPPED, tmp_path)
