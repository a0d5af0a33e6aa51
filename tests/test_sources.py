"""The build's source modules on inputs small enough to check by hand: a treaty page, report statements."""

import datetime as dt

import pandas as pd
import pytest

from compliance import rules, untc
from compliance.sources import reports, treaty_texts
from compliance.sources.common import BuildReport
from tests.conftest import d

PREFIX = untc.PREFIX
PAGE = f"""<html><body>
<a href="ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4">this page</a>
<table id="{PREFIX}tblgrid">
<tr><td>Participant<br></td><td>Signature<br></td><td>Accession(a), Succession(d), Ratification<br></td></tr>
<tr><td><a>Avalon</a><sup><a>3</a></sup><br></td><td>&nbsp;4 Feb\t 1985 <br></td><td>12 Sep 1989 a<br></td></tr>
<tr><td>Brigadoon<br></td><td>&nbsp;</td><td>[14 Nov 1980 a]<br></td></tr>
<tr><td>Camelot<br></td><td>1 Jan 2001<br></td><td>&nbsp;</td></tr>
</table>
<table id="{PREFIX}dgDecUnderArticle"><tr><td>
<div class="heading-two">Avalon</div>
<div class="content-two"><p class='invisible'>Avalon</p><p align=right>22 November 2006</p>
<p align=left><i>Article 22:<br></i></p>&nbsp;The Government of Avalon recognizes the competence of the Committee to
receive communications from or on behalf of individuals.<br></div>
</td></tr></table>
<table id="{PREFIX}dgNotesAll"><tr><td><div class="divNotesAll"><a name="3">3</a><index></index>On 2 March 2012,
Avalon notified the Secretary-General that it had decided to withdraw the reservation to article 20.<br></div>
</td></tr></table>
</body></html>"""


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "cat.html"
    path.write_text(PAGE, encoding="utf-8")
    return untc.parse(path)


def test_participant_table_dates_marks_and_denunciations(page):
    assert page.untc_no == "IV-9" and page.unreadable == []
    avalon, brigadoon, camelot = page.participants
    assert (avalon.name, avalon.notes, avalon.signature_date, avalon.action_date, avalon.action_mark) == (
        "Avalon", ("3",), d("1985-02-04"), d("1989-09-12"), "a"
    )  # fmt: skip
    assert (brigadoon.action_date, brigadoon.denounced) == (d("1980-11-14"), True)
    assert (camelot.signature_date, camelot.action_date) == (d("2001-01-01"), None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12 Sep 1989 a", (d("1989-09-12"), "a", False)),
        (" 3 Oct 1975 ", (d("1975-10-03"), "", False)),
        ("[14 Nov 1980 a]", (d("1980-11-14"), "a", True)),
        ("5 Jul 2004 AA", (d("2004-07-05"), "AA", False)),
        ("", (None, None, False)),
        ("soon", (None, "soon", False)),
    ],
)
def test_cell_dates(cell, expected):
    assert untc.cell_date(cell) == expected


def test_pieces_keep_the_pages_dates_and_headings(page):
    piece = page.pieces[0]
    assert (piece.section, piece.participant, piece.date_text, piece.heading) == (
        "declarations under an article", "Avalon", "22 November 2006", "Article 22"
    )  # fmt: skip
    assert page.notes["3"].startswith("On 2 March 2012, Avalon notified")


def test_acceptance_and_withdrawal_are_read_from_the_words(page):
    texts = treaty_texts.texts({"CAT": page})
    withdrawal = texts[texts.kind == "withdrawal"].iloc[0]
    assert withdrawal.text_date == d("2012-03-02")
    ratified = pd.DataFrame(
        [
            {"iso3": "AAA", "participant": "Avalon", "instrument": "CAT", "action_date": d("1989-09-12"),
             "denounced": False, "notes": None},
            {"iso3": "BBB", "participant": "Brigadoon", "instrument": "CAT", "action_date": d("1980-11-14"),
             "denounced": True, "notes": None},
        ]
    )  # fmt: skip
    found = treaty_texts.acceptance(ratified, texts, BuildReport()).set_index(["participant", "article"])
    assert found.loc[("Avalon", "art. 22"), "accepted"]
    assert found.loc[("Avalon", "art. 22"), "accepted_date"] == d("2006-11-22")
    assert not found.loc[("Avalon", "art. 21"), "accepted"]  # individuals, not other states
    assert "Brigadoon" not in found.index.get_level_values(0)  # denounced: no procedure is open to it


@pytest.mark.parametrize(
    ("sentence", "accepted"),
    [
        ("Avalon recognizes the competence of the Committee under article 22.", True),
        ("Avalon accepts the competence of the Committee in accordance with articles 21 and 22.", True),
        ("Avalon does not recognize the competence of the Committee provided for in article 22.", False),
        ("Avalon recognizes the competence of the Committee under article 21.", False),
        ("Avalon will consider article 22 later.", False),
    ],
)
def test_what_counts_as_accepting_article_22(sentence, accepted):
    cat22 = next(p for p in rules.PROCEDURES if p.committee == "CAT" and p.article == 22)
    assert treaty_texts._says(cat22, sentence) is accepted


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        ("5-6", None, (5, 6)),
        (None, "CAT/C/ITA/5-6", (5, 6)),
        ("1", "CAT/C/28/Add.6", (1, 1)),
        (None, "CAT/C/28/Add.6", None),
    ],
)
def test_cycles_from_the_number_or_the_symbol(number, symbol, expected):
    assert reports.cycles(number, symbol) == expected


def test_labels():
    assert [reports.label(1, 1), reports.label(5, 5), reports.label(5, 6), reports.label(1, 3)] == [
        "initial", "periodic 5", "periodic 5-6 (combined)", "initial to 3 (combined)"
    ]  # fmt: skip


def test_an_earlier_report_is_proved_submitted_by_a_later_one_and_no_further():
    rows = [
        {"cycle": 1, "cycle_label": "initial"},
        {"cycle": 2, "cycle_label": "periodic 2", "symbol": "CAT/C/AAA/2", "submitted_latest": dt.date(2010, 5, 1)},
        {"cycle": 3, "cycle_label": "periodic 3"},
    ]
    reports._later_proves(rows)
    assert rows[0]["submitted_latest"] == dt.date(2010, 5, 1)
    assert rows[0]["submitted_basis"] == "submitted: the periodic 2 report exists (CAT/C/AAA/2)"
    assert "submitted_latest" not in rows[2]  # nothing later proves the third


def test_a_proof_never_overrides_a_later_statement_that_it_was_not_submitted():
    rows = [
        {"cycle": 1, "cycle_label": "initial", "unsubmitted_as_of": dt.date(2011, 1, 1)},
        {"cycle": 2, "cycle_label": "periodic 2", "submitted_latest": dt.date(2010, 5, 1)},
    ]
    reports._later_proves(rows)
    assert "submitted_basis" not in rows[0]
