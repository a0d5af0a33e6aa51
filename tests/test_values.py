import pytest

from compliance.values import parse_partial_date, parse_quantity
from tests.conftest import d


@pytest.mark.parametrize(
    ("text", "value", "precision", "last"),
    [
        ("2016-01", "2016-01-01", "month", "2016-01-31"),
        ("2016-02", "2016-02-01", "month", "2016-02-29"),
        ("2013", "2013-01-01", "year", "2013-12-31"),
        ("2016-04-01", "2016-04-01", "day", "2016-04-01"),
    ],
)
def test_partial_dates_keep_precision(text, value, precision, last):
    got = parse_partial_date(text)
    assert (got.value, got.precision, got.last_day) == (d(value), precision, d(last))


@pytest.mark.parametrize("text", ["2010 onwards", "2016/2018", "not submitted", "2016-13", None, ""])
def test_other_dates_keep_only_their_text(text):
    got = parse_partial_date(text)
    assert got.value is None and got.precision is None
    assert got.text == (text or None)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("at least 28", 28, "at least"),
        ("1200 (approx.)", 1200, "approx."),
        ("over four", 4, "over"),
        ("more than 20", 20, "more than"),
        ("almost one", 1, "almost"),
        ("more than a year", 1, "more than"),
        ("8", 8, None),
    ],
)
def test_quantities_keep_their_qualifier(text, value, qualifier):
    got = parse_quantity(text)
    assert (got.value, got.qualifier, got.text) == (value, qualifier, text)


def test_unreadable_quantity_is_not_guessed():
    got = parse_quantity("several")
    assert got.value is None and got.text == "several"
