import io

import pandas as pd
import pytest

from compliance import export


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_cells_are_neutralised(cell):
    text = export.to_csv(pd.DataFrame({"text": [cell], "n": [-5]})).decode()
    back = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert back.text[0].startswith("'")
    assert back.text[0][1:].strip() == cell.strip()
    assert back.n[0] == -5  # numbers are not text: a negative number stays a number


def test_plain_text_and_rows_unchanged():
    frame = pd.DataFrame(
        {"state": ["Pakistan", "Côte d'Ivoire"], "source": ["seed:op-ed", "https://x"], "n": [1, None]}
    )
    back = pd.read_csv(io.StringIO(export.to_csv(frame).decode()))
    assert back.state.tolist() == frame.state.tolist()
    assert len(back) == len(frame)


def test_file_name_says_what_and_when():
    import datetime as dt

    assert (
        export.file_name("reporting-delays", "PAK_CAT", dt.date(2026, 11, 29))
        == "reporting-delays_PAK_CAT_2026-11-29.csv"
    )


def test_download_slug_names_the_filters_and_nothing_unsafe():
    from compliance import filters

    assert filters.slug({"state": ["PAK"], "instrument": ["CAT"]}) == "PAK_CAT"
    assert filters.slug(None, iso3="PAK") == "PAK"
    assert filters.slug({"state": [], "instrument": []}) == "all"
    assert filters.slug(None, table_name="../etc/passwd") == "all"
