"""Parsing curated text values without losing what they say: dates keep their precision, numbers their qualifier."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

WORDS = {
    "zero": 0, "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip

QUALIFIERS = ("more than", "at least", "almost", "nearly", "over", "about", "approx.")


class PartialDate(NamedTuple):
    """A date known to a day, a month or a year; `value` is the first day of that period."""

    value: dt.date | None
    precision: str | None  # day / month / year
    text: str | None  # the original, kept when it says more than the date

    @property
    def last_day(self) -> dt.date | None:
        """The last day the period could be."""
        if self.value is None:
            return None
        if self.precision == "year":
            return dt.date(self.value.year, 12, 31)
        if self.precision == "month":
            nxt = dt.date(self.value.year + self.value.month // 12, self.value.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return self.value


class Quantity(NamedTuple):
    """A number with the qualifier a source put on it ("at least 28" -> 28, "at least")."""

    value: float | None
    qualifier: str | None
    text: str | None


def parse_partial_date(text: object) -> PartialDate:
    """Parse `2016-01-23`, `2016-01` or `2016`; anything else keeps only its text."""
    if text is None or (isinstance(text, float)) or str(text).strip() == "":
        return PartialDate(None, None, None)
    raw = str(text).strip()
    for pattern, precision in ((r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-\d{2}", "month"), (r"\d{4}", "year")):
        if re.fullmatch(pattern, raw):
            parts = [int(p) for p in raw.split("-")] + [1, 1]
            try:
                return PartialDate(dt.date(parts[0], parts[1], parts[2]), precision, raw)
            except ValueError:
                return PartialDate(None, None, raw)
    return PartialDate(None, None, raw)


def parse_quantity(text: object) -> Quantity:
    """Split a stated number into value and qualifier; words ("over four") are read as numbers."""
    if text is None or isinstance(text, float) or str(text).strip() == "":
        return Quantity(None, None, None)
    raw = str(text).strip()
    rest = raw.lower()
    qualifier = None
    if rest.endswith("(approx.)"):
        qualifier, rest = "approx.", rest.removesuffix("(approx.)").strip()
    for q in QUALIFIERS:
        if rest.startswith(q + " "):
            qualifier, rest = q, rest[len(q) + 1 :].strip()
            break
    if rest in ("a year",):
        rest = "1"
    if re.fullmatch(r"\d+(\.\d+)?", rest):
        return Quantity(float(rest), qualifier, raw)
    if rest in WORDS:
        return Quantity(float(WORDS[rest]), qualifier, raw)
    return Quantity(None, qualifier, raw)
