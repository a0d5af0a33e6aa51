"""Page building blocks: what a reader sees of a table, and the one colour each meaning has in every chart."""

import json

import pandas as pd

from compliance import charts, labels, text, ui


def test_a_table_shows_no_empty_cell_as_none():
    frame = pd.DataFrame(
        {
            "review_id": ["CAT-60-PAK", "CAT-44-JOR"],
            "delegation_size": pd.array([10, None], dtype="Int64"),
            "years_late": [4.5, None],
            "military": pd.array([True, None], dtype="boolean"),
            "head_title": ["Minister", None],
            "source": ["seed:op-ed", "CAT/C/JOR/CO/2"],
        }
    )
    shown, config = ui.display(frame)
    assert not shown.drop(columns=["source_link"]).isna().any().any()
    assert shown.delegation_size.tolist() == ["10", text.NOT_KNOWN]
    assert shown.years_late.tolist() == ["4.5", text.NOT_KNOWN]
    assert shown.military.tolist() == ["yes", text.NOT_KNOWN] and shown.head_title.tolist() == [
        "Minister",
        text.NOT_KNOWN,
    ]
    assert shown.source.tolist() == ["R. Omer, op-ed on Pakistan's CAT review, 2017", "CAT/C/JOR/CO/2"]
    assert shown.source_link.tolist() == ["app/static/seeds/op-ed.txt", "https://undocs.org/CAT/C/JOR/CO/2"]
    assert config["delegation_size"]["label"] == "Delegation size (as stated)"
    full = ui.display(frame.dropna())[1]
    assert full["delegation_size"]["type_config"]["type"] == "number"  # a column without gaps stays a number


def test_every_column_a_query_returns_has_a_human_label():
    import re

    from compliance import settings

    names = set()
    for path in settings.SQL_DIR.glob("*.sql"):
        select = path.read_text().lower().rsplit("select", 1)[-1].split("from", 1)[0]
        names |= set(re.findall(r"\bas ([a-z_]+)\b", select))
    missing = sorted(n for n in names if n not in labels.COLUMNS)
    assert missing == []


def _scale(chart, channel="color"):
    spec = chart.to_dict()
    enc = spec.get("encoding") or spec["layer"][-1]["encoding"]
    return enc[channel]["scale"]


def test_a_status_has_one_colour_whatever_the_chart_shows():
    few = pd.DataFrame({"years_late": [1], "status_on_date": ["overdue"], "reports": [1]})
    many = pd.DataFrame(
        {"years_late": [1, 2, 3], "status_on_date": ["submitted", "overdue", "status not known"], "reports": [1, 2, 3]}
    )
    a = _scale(charts.bars(few, "years_late:O", "reports:Q", "status_on_date", "x", "y"))
    b = _scale(charts.bars(many, "years_late:O", "reports:Q", "status_on_date", "x", "y"))
    assert a == b
    colour = dict(zip(a["domain"], a["range"]))
    assert colour["overdue"] == charts.COLOURS["status_on_date"]["overdue"]
    assert set(a["domain"]) == set(labels.STATUSES)


def test_not_known_is_grey_and_presence_is_never_red():
    red = charts.COLOURS["status_on_date"]["overdue"]
    for field, scale in charts.COLOURS.items():
        for value, colour in scale.items():
            if value in ("status not known", "no outcome stated", "other"):
                assert colour == charts.NOT_KNOWN_GREY, (field, value)
    assert charts.COLOURS["participation"]["present"] != red
    assert charts.COLOURS["participation"]["absent (noted by the committee)"] == red
    assert charts.COLOURS["outcome"]["nothing done"] == red


def test_chart_categories_are_the_words_the_tables_use():
    for field, scale in charts.COLOURS.items():
        words = set(labels.VALUES.get(field, {}).values())
        if words:
            assert set(scale) <= words, field


def test_legends_are_full_and_counts_are_whole():
    frame = pd.DataFrame({"institution_type": ["nhri"], "review_id": ["CAT-60-PAK"], "institutions": [1]})
    spec = json.dumps(charts.heat(frame, "institution_type:N", "review_id:N", "institutions:O", "x", "y").to_dict())
    assert '"labelLimit": 0' in spec or '"labelLimit": 220' in spec
    assert "1.000000" not in spec


def test_plain_text_leaves_nothing_a_renderer_would_link():
    shown = text.plain("see http://evil.example, www.evil.example and me@evil.example ![x](y) <b>")
    for pattern in ("http\\:\\/\\/", "www\\.", "me\\@e"):
        assert pattern not in shown, pattern  # the scheme, www. and @ are each broken by a word joiner
    assert text.WORD_JOINER in shown and "\\!\\[x\\]\\(y\\)" in shown and "\\<b\\>" in shown
    assert text.plain(None) == text.NOT_KNOWN
