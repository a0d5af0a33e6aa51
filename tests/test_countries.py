import csv
from pathlib import Path

import pytest

from compliance import countries
from tests.conftest import DATA_ROOT


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Bolivia (Plurinational State of)", "BOL"),
        ("State of Palestine", "PSE"),
        ("Holy See", "VAT"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Côte d'Ivoire", "CIV"),
        ("Pakistan", "PAK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ],
)
def test_un_spellings(name, iso3):
    assert countries.to_iso3(name) == iso3


def test_every_untc_participant_matches():
    names = set()
    for path in (DATA_ROOT / "sources" / "untc-chapter-iv-2015" / "treaties").glob("*.csv"):
        with Path(path).open(newline="", encoding="utf-8") as fh:
            names |= {row["Participant"] for row in csv.DictReader(fh)}
    unmatched = sorted(n for n in names if countries.to_iso3(n) is None)
    assert unmatched == []


def test_unknown_name_is_none_not_a_guess():
    assert countries.to_iso3("Atlantis") is None
    assert countries.to_iso3("&#40;Unknown&#41;") is None
