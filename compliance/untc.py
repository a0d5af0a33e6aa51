"""Read a UN Treaty Collection status page (MTDSG Chapter IV, saved as HTML) with an HTML parser.

A page has a participant table (signature and action dates with their suffix marks), declarations and
reservations, objections, declarations under particular articles, and numbered end notes. This module turns
one page into plain rows and knows nothing of states, rules or tables: `compliance.sources.ratifications`
and `compliance.sources.treaty_texts` make the dashboard's tables from them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

# The ASP.NET control ids of the page's parts, after this common prefix.
PREFIX = "ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_"
SECTIONS = {
    "dgDec": "declarations and reservations",
    "dgObj": "objections",
    "dgDecUnderArticle": "declarations under an article",
    "dgNotifications": "notifications",
}
# Suffix marks of the action column, as the page's own header names them.
MARKS = {
    "": "ratification",
    "a": "accession",
    "d": "succession",
    "A": "acceptance",
    "AA": "approval",
    "c": "formal confirmation",
}
DAY = r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}"
CELL = re.compile(rf"({DAY})\s*([a-zA-Z]{{0,2}})")
LONG_DATE = re.compile(
    r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})\b"
)


@dataclass
class Participant:
    name: str
    notes: tuple[str, ...]
    signature_date: dt.date | None
    signature_mark: str | None
    action_date: dt.date | None
    action_mark: str | None
    signature_text: str
    action_text: str
    denounced: bool


@dataclass
class Piece:
    """One dated or headed part of a participant's text in a section, as the page prints it."""

    section: str
    participant: str
    notes: tuple[str, ...]
    date_text: str | None
    heading: str | None
    text: str


@dataclass
class Page:
    untc_no: str | None
    participants: list[Participant] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    """Collapse the page's non-breaking spaces, tabs and line breaks into single spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def cell_date(text: str) -> tuple[dt.date | None, str | None, bool]:
    """'12 Sep 1989 a' -> (1989-09-12, 'a', False); '[14 Nov 1980 a]' -> (…, 'a', True): the page brackets the
    dates of a participant that has since denounced the instrument. An empty cell gives (None, None, False), an
    unreadable one (None, its text, False)."""
    text = clean(text)
    if not text:
        return None, None, False
    bracketed = text.startswith("[") and text.endswith("]")
    m = CELL.fullmatch(clean(text.strip("[]")) if bracketed else text)
    if not m:
        return None, text, False
    return _day(m.group(1)), m.group(2), bracketed


def _day(text: str) -> dt.date:
    day, month, year = text.split(" ")
    return dt.datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date()


def long_date(text: str | None) -> dt.date | None:
    """The first date written out in `text` ('20 September 2011'), or None."""
    m = LONG_DATE.search(text or "")
    return dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date() if m else None


def long_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every written-out date in `text` with its position."""
    return [
        (m.start(), dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date()) for m in LONG_DATE.finditer(text)
    ]


def _note_marks(el: lxml.html.HtmlElement) -> tuple[str, ...]:
    return tuple(clean(a.text_content()) for a in el.iter("sup") if clean(a.text_content()))


def _own_text(el: lxml.html.HtmlElement) -> str:
    """An element's text without its footnote marks."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != "sup":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _participants(grid: lxml.html.HtmlElement, page: Page) -> None:
    for tr in grid.findall("tr")[1:]:
        cells = tr.findall("td")
        if len(cells) < 3:
            page.unreadable.append(f"participant row with {len(cells)} cells")
            continue
        name = clean(_own_text(cells[0]))
        sig_text, act_text = clean(cells[1].text_content()), clean(cells[-1].text_content())
        sig, sig_mark, _ = cell_date(sig_text)
        act, act_mark, denounced = cell_date(act_text)
        for text, day, mark in ((sig_text, sig, sig_mark), (act_text, act, act_mark)):
            if text and (day is None or mark not in MARKS):
                page.unreadable.append(f"{name}: {text!r}")
        page.participants.append(
            Participant(name, _note_marks(cells[0]), sig, sig_mark, act, act_mark, sig_text, act_text, denounced)
        )


def _lines(el: lxml.html.HtmlElement, out: list[tuple[str, str]]) -> None:
    """Walk `el` in document order: ('date', …) and ('heading', …) for the page's markers, ('text', …) lines."""
    if el.tag == "sup" or (el.tag == "p" and "invisible" in (el.get("class") or "")):
        return
    align = (el.get("align") or "").lower() if el.tag == "p" else ""
    if align in ("right", "left") and el.tag == "p":
        out.append(("date" if align == "right" else "heading", clean(_own_text(el)).rstrip(":").strip()))
        return
    if el.tag == "br":
        out.append(("break", ""))
        return
    if el.text:
        out.append(("text", el.text))
    for child in el:
        _lines(child, out)
        if child.tail:
            out.append(("text", child.tail))


def _pieces(section: str, name: str, notes: tuple[str, ...], body: lxml.html.HtmlElement) -> list[Piece]:
    tokens: list[tuple[str, str]] = []
    _lines(body, tokens)
    pieces: list[Piece] = []
    date_text: str | None = None
    heading: str | None = None
    paragraphs: list[str] = []
    line = ""

    def flush_line():
        nonlocal line
        if clean(line):
            paragraphs.append(clean(line))
        line = ""

    def flush_piece():
        flush_line()
        if paragraphs:
            pieces.append(Piece(section, name, notes, date_text, heading, "\n".join(paragraphs)))
            paragraphs.clear()

    for kind, value in tokens:
        if kind == "text":
            line += value
        elif kind == "break":
            flush_line()
        elif kind == "date":
            flush_piece()
            date_text, heading = value, None
        else:
            flush_piece()
            heading = value
    flush_piece()
    return pieces


def _section(table: lxml.html.HtmlElement, section: str, page: Page) -> None:
    for tr in table.findall("tr"):
        head = tr.find_class("heading-two")
        body = tr.find_class("content-two")
        if not head or not body:
            continue
        name = clean(_own_text(head[0]))
        page.pieces.extend(_pieces(section, name, _note_marks(head[0]), body[0]))


def _notes(table: lxml.html.HtmlElement, page: Page) -> None:
    for div in table.find_class("divNotesAll"):
        anchor = div.find("a")
        if anchor is None or not clean(anchor.text_content()):
            continue
        number = clean(anchor.text_content())
        tokens: list[tuple[str, str]] = []
        _lines(div, tokens)
        lines, line = [], ""
        for kind, value in tokens:
            if kind == "break":
                lines.append(clean(line))
                line = ""
            else:
                line += value
        lines.append(clean(line))
        text = "\n".join(x for x in lines if x)
        page.notes[number] = text.removeprefix(number).strip()


def parse(path: Path) -> Page:
    """Every participant, text piece and note on one saved status page."""
    root = lxml.html.parse(str(path)).getroot()
    m = re.search(r"mtdsg_no=(IV-[0-9]+(?:-[a-z])?)", lxml.html.tostring(root, encoding="unicode"))
    page = Page(untc_no=m.group(1) if m else None)
    grid = root.get_element_by_id(PREFIX + "tblgrid", None)
    if grid is None:
        page.unreadable.append("no participant table")
        return page
    _participants(grid, page)
    for control, section in SECTIONS.items():
        table = root.get_element_by_id(PREFIX + control, None)
        if table is not None:
            _section(table, section, page)
    notes = root.get_element_by_id(PREFIX + "dgNotesAll", None)
    if notes is not None:
        _notes(notes, page)
    return page
