"""Country names from UN and UPR sources to ISO 3166 alpha-3 codes: pycountry plus one explicit alias table."""

from __future__ import annotations

import functools

import pycountry

# UN and UPR Info spellings that pycountry does not resolve. Codes outside ISO 3166-1 current entries:
# EUU (European Union, as the World Bank codes it), SCG and YUG (ISO 3166-3 former entries).
ALIASES: dict[str, str] = {
    "Antigua & Barbuda": "ATG",
    "Bahamas (The)": "BHS",
    "Bolivia (Plurinational State of)": "BOL",
    "Bosnia & Herzegovina": "BIH",
    "Cape Verde": "CPV",
    "Cote d'Ivoire": "CIV",
    "Côte d'Ivoire": "CIV",
    "Ivory Coast": "CIV",
    "DPR Korea": "PRK",
    "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD",
    "East Timor": "TLS",
    "European Union": "EUU",
    "Federal Republic of Yugoslavia (Serbia and Montenegro)": "SCG",
    "Yugoslavia": "YUG",
    "Guinea Bissau": "GNB",
    "Holy See": "VAT",
    "Iran (Islamic Republic of)": "IRN",
    "Macedonia FYR": "MKD",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Micronesia": "FSM",
    "Micronesia (Federated States of)": "FSM",
    "Netherlands (Kingdom of the)": "NLD",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "Republic of Congo": "COG",
    "Republic of Korea": "KOR",
    "Sao Tome & Principe": "STP",
    "St Kitts & Nevis": "KNA",
    "St. Kitts and Nevis": "KNA",
    "St Lucia": "LCA",
    "St. Lucia": "LCA",
    "St Vincent & the Grenadines": "VCT",
    "St. Vincent and the Grenadines": "VCT",
    "Swaziland": "SWZ",
    "Trinidad & Tobago": "TTO",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Venezuela (Bolivarian Republic of)": "VEN",
}

# Names for codes that pycountry's current list does not carry.
EXTRA_NAMES = {"EUU": "European Union", "SCG": "Serbia and Montenegro", "YUG": "Yugoslavia"}


@functools.cache
def to_iso3(name: str | None) -> str | None:
    """ISO3 code for a state name as a UN or UPR source spells it; None when it cannot be matched."""
    if name is None:
        return None
    name = name.strip()
    if name in ALIASES:
        return ALIASES[name]
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def iso2_to_iso3(code: str) -> str | None:
    """ISO3 for an ISO 3166 alpha-2 code; None if unknown."""
    found = pycountry.countries.get(alpha_2=code.strip().upper())
    return found.alpha_3 if found else None


def is_known_iso3(code: str) -> bool:
    """Whether `code` is a current ISO3 code or one of the few extra codes the sources need."""
    return code in EXTRA_NAMES or pycountry.countries.get(alpha_3=code) is not None


def default_name(iso3: str) -> str:
    """A readable name for an ISO3 code (pycountry's common name where it has one)."""
    if iso3 in EXTRA_NAMES:
        return EXTRA_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name


def numeric(iso3: str | None) -> str | None:
    """The ISO 3166-1 numeric code ('586' for PAK), as the map's boundaries name each country; None if it has none."""
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return country.numeric if country else None
