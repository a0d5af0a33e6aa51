"""Text that stays text: markdown escaping for display, and the checks imports and CSVs share.

Every value shown through markdown goes through `plain`; the import and the CSV writer use the same
definitions of invisible characters, look-alikes, formulas, markup and UN document symbols.
"""

from __future__ import annotations

import re
import string
import unicodedata

import pandas as pd

NOT_KNOWN = "not known"

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them also stops
# GitHub-style autolinks (www.x.org, http://x), since their dots and colons are no longer plain.
_ESCAPE = {ord(ch): "\\" + ch for ch in string.punctuation}

# Characters that show as nothing but change how a spreadsheet or a markdown renderer reads what follows.
# The zero-width joiners (U+200C, U+200D) are left out: Persian, Arabic and Indic text needs them.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
JOINERS = re.compile("[\u200c\u200d]")
DIRECTION_OVERRIDE = re.compile("[\u202a-\u202e\u2066-\u2069]")

# A UN document symbol: CAT/C/PAK/CO/1, A/72/44, E/C.12/2019/1.
UN_SYMBOL = re.compile(r"[A-Z]+(/[A-Za-z0-9.()-]+)+")
# The first characters a spreadsheet runs as a formula (OWASP's CSV-injection list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKUP = re.compile(r"<[a-zA-Z/!?]")  # a tag opens only with a letter, /, ! or ? right after "<"
# CommonMark allows no space between a link's text and its target: "[x](url)", "[x][ref]", "<http://x>".
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(|\]\[|<(?:https?|mailto|javascript|data):", re.IGNORECASE)


# GitHub-style autolinks (http://x, www.x, a@b.c) are found after escapes are resolved, so escaping cannot stop
# them: a word joiner (U+2060, invisible) after the scheme's colon, after "www" and after "@" breaks the pattern.
_AUTOLINK = re.compile(r"(?<=[A-Za-z]:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)(?=\w)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """Data or URL text made inert for st.markdown: invisible characters dropped, all punctuation escaped,
    nothing left that a renderer would turn into a link."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return NOT_KNOWN
    shown = INVISIBLE.sub("", str(value)).replace("\r", " ").replace("\n", " ")
    return _AUTOLINK.sub(WORD_JOINER, shown).translate(_ESCAPE)


def folded(value: str) -> str:
    """What a value reads as once look-alikes are folded (fullwidth ＜ to <) and invisible characters removed."""
    return JOINERS.sub("", INVISIBLE.sub("", unicodedata.normalize("NFKC", value)))


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would run the value as a formula, looking past invisible characters and spaces."""
    return folded(value).lstrip(" ").startswith(FORMULA_START)


def hides_characters(value: str) -> bool:
    """Whether a value starts with an invisible character or holds a text-direction override."""
    return bool(INVISIBLE.match(value) or JOINERS.match(value) or DIRECTION_OVERRIDE.search(value))


def holds_markup(value: str) -> bool:
    """Whether a value, look-alikes folded, holds HTML markup."""
    return bool(MARKUP.search(folded(value)))


def holds_link(value: str) -> bool:
    """Whether a value, look-alikes folded, holds a markdown link or image."""
    return bool(MARKDOWN_LINK.search(folded(value)))


# What imported text may not hold, each with the reason the import gives.
IMPORT_CHECKS = (
    (hides_characters, "starts with an invisible character or holds a text-direction override: retype it"),
    (looks_like_formula, "starts like a spreadsheet formula (= + - @), invisible characters included"),
    (holds_markup, "holds HTML markup (look-alike characters included)"),
    (holds_link, "holds a markdown link or image"),
)
