"""filters.parse: URL values in, filters and notices out, one table row per case (as datasette tests its filters)."""

import datetime as dt

import pytest

from compliance import filters

STATES = {"PAK", "AFG", "DZA"}
INSTRUMENTS = {"CAT", "ICCPR", "OP-CRC-SC"}
TODAY = dt.date.today()

# (case, URL values, expected filters as (states, group, instruments, from, to, as_of), words every notice holds)
CASES = [
    ("nothing", {}, ((), None, (), None, None, TODAY), []),
    ("one state", {"state": ["PAK"]}, (("PAK",), None, (), None, None, TODAY), []),
    ("lowercase state", {"state": ["pak"]}, (("PAK",), None, (), None, None, TODAY), []),
    ("repeated state", {"state": ["PAK", "PAK", "AFG"]}, (("PAK", "AFG"), None, (), None, None, TODAY), []),
    ("unknown state", {"state": ["XXX", "PAK"]}, (("PAK",), None, (), None, None, TODAY), ["'XXX'", "ISO3"]),
    ("a name, not a code", {"state": ["Pakistan"]}, ((), None, (), None, None, TODAY), ["'Pakistan'"]),
    ("group", {"group": ["African"]}, ((), "African", (), None, None, TODAY), []),
    ("unknown group", {"group": ["Atlantis"]}, ((), None, (), None, None, TODAY), ["'Atlantis'"]),
    ("last group wins", {"group": ["African", "Asia-Pacific"]}, ((), "Asia-Pacific", (), None, None, TODAY), []),
    ("instruments", {"instrument": ["CAT", "OP-CRC-SC"]}, ((), None, ("CAT", "OP-CRC-SC"), None, None, TODAY), []),
    ("instrument case matters", {"instrument": ["cat"]}, ((), None, (), None, None, TODAY), ["'cat'"]),
    ("years", {"from": ["2015"], "to": ["2019"]}, ((), None, (), 2015, 2019, TODAY), []),
    ("one open end", {"to": ["2019"]}, ((), None, (), None, 2019, TODAY), []),
    ("reversed years", {"from": ["2019"], "to": ["2015"]}, ((), None, (), None, None, TODAY), ["after"]),
    ("year out of range", {"from": ["1900"]}, ((), None, (), None, None, TODAY), ["'1900'", "1945"]),
    ("year not a number", {"to": ["20x"]}, ((), None, (), None, None, TODAY), ["'20x'"]),
    ("markup as a year", {"from": ["<script>"]}, ((), None, (), None, None, TODAY), ["'<script>'"]),
    ("as of", {"as_of": ["2017-04-18"]}, ((), None, (), None, None, dt.date(2017, 4, 18)), []),
    ("as of, no such day", {"as_of": ["2017-02-30"]}, ((), None, (), None, None, TODAY), ["no such day"]),
    ("as of, another format", {"as_of": ["18/04/2017"]}, ((), None, (), None, None, TODAY), ["YYYY-MM-DD"]),
    ("as of, out of range", {"as_of": ["1900-01-01"]}, ((), None, (), None, None, TODAY), ["outside"]),
    ("a long value is cut in the notice", {"state": ["X" * 200]}, ((), None, (), None, None, TODAY), ["…"]),
]


@pytest.mark.parametrize(("url", "expected", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse(url, expected, words):
    parsed, notices = filters.parse(url, STATES, INSTRUMENTS)
    got = (parsed.states, parsed.group, parsed.instruments, parsed.year_from, parsed.year_to, parsed.as_of)
    assert got == expected
    assert bool(notices) == bool(words)
    for word in words:
        assert any(word in n for n in notices), (word, notices)
    assert all(len(n) < 200 for n in notices)


def test_what_parse_gives_back_goes_to_the_url_unchanged():
    url = {"state": ["PAK"], "instrument": ["CAT"], "from": ["2015"], "to": ["2019"], "as_of": ["2017-04-18"]}
    parsed, _ = filters.parse(url, STATES, INSTRUMENTS)
    again, notices = filters.parse({k: v if isinstance(v, list) else [v] for k, v in parsed.to_url().items()},
                                   STATES, INSTRUMENTS)  # fmt: skip
    assert again == parsed and notices == []
