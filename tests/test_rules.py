import datetime as dt
import re

import pytest

from compliance import rules
from tests.conftest import ROOT, d


def test_pakistan_cat_worked_example():
    in_force = rules.in_force_date("CAT", d("2010-06-23"), "ratification")
    assert in_force == d("2010-07-23")
    assert rules.initial_report_due("CAT", in_force) == d("2011-07-23")


@pytest.mark.parametrize(
    ("code", "deposit", "in_force", "due"),
    [
        ("ICCPR", "2010-06-23", "2010-09-23", "2011-09-23"),  # 3 months, then 1 year
        ("ICESCR", "2008-11-30", "2009-02-28", "2011-02-28"),  # 3 months, clamped to February's last day
        ("OP-CRC-AC", "2016-01-31", "2016-02-29", "2018-02-28"),  # 1 month into a leap February, 2 years on
        ("ICMW", "2005-01-15", "2005-05-01", "2006-05-01"),  # first day of the month after 3 months
        ("ICMW", "2005-11-30", "2006-03-01", "2007-03-01"),  # ... across a year end
        ("CRPD", "2008-06-01", "2008-07-01", "2010-07-01"),  # 30th day, 2 years
        ("CAT", "1986-01-01", "1987-06-26", "1988-06-26"),  # deposited before the treaty itself was in force
    ],
)
def test_in_force_and_due(code, deposit, in_force, due):
    got = rules.in_force_date(code, d(deposit), "ratification")
    assert got == d(in_force)
    assert rules.initial_report_due(code, got) == d(due)


def test_succession_and_ratify_only_get_no_invented_date():
    assert rules.in_force_date("CAT", d("1993-01-01"), "succession") is None
    assert rules.in_force_date("OP-CAT", d("2010-01-01"), "ratification") is None
    assert rules.initial_report_due("OP-CAT", d("2010-01-01")) is None
    assert rules.in_force_date("CAT", None) is None


def test_rules_table_matches_rules_file():
    """Every reporting instrument in docs/TREATY_RULES.md has the same UNTC number, treaty date and due period here."""
    text = (ROOT / "docs" / "TREATY_RULES.md").read_text()
    rows = [line.split("|")[1:-1] for line in text.splitlines() if re.match(r"\| [A-Z-]+ \| ", line)]
    assert len(rows) == 11
    for code, _committee, untc, treaty_date, later, due, _later_reports in (map(str.strip, r) for r in rows):
        inst = rules.BY_CODE[code]
        assert inst.reporting
        assert inst.untc_no == untc
        assert inst.treaty_in_force == dt.date.fromisoformat(treaty_date)
        assert inst.in_force_article in later
        assert due.startswith(f"{inst.initial_due_years} year")
        unit, n = inst.in_force_rule
        expected = {"days": f"{n}th day", "months": f"{n} month", "icmw": "first day of the month after 3 months"}[unit]
        assert expected in later
    assert sum(i.reporting for i in rules.INSTRUMENTS) == 11


def test_each_committee_instrument_pair_is_written_in_one_file():
    """The map from a body to its instrument lives in rules.py; SQL reads it from the instruments table."""
    import re

    from compliance import rules
    from tests.conftest import ROOT

    files = [
        *ROOT.glob("compliance/*.py"),
        *ROOT.glob("sql/**/*.sql"),
        *ROOT.glob("pages/*.py"),
        *ROOT.glob("bench/*.py"),
    ]
    for body, instrument in rules.BODY_MAIN_INSTRUMENT.items():
        if body == instrument:
            continue
        pair = re.compile(rf"\b{body}\b.*\b{instrument}\b|\b{instrument}\b.*\b{body}\b")
        holding = sorted(p.name for p in files if any(pair.search(line) for line in p.read_text().splitlines()))
        assert holding == ["rules.py"], (body, instrument, holding)
