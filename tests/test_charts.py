"""Chart specs are built once per distinct rows: the same rows give the same spec, other rows another, and the
spec is the one st.altair_chart would send (no fixed 300 px view from Altair's default theme)."""

import pandas as pd

from compliance import charts


def _frame(late: int) -> pd.DataFrame:
    return pd.DataFrame({"years_late": [late, 2], "reports": [1, 3], "status_on_date": ["submitted", "overdue"]})


ARGS = ("years_late:O", "reports:Q", "status_on_date", "Years late (whole years)", "Reports")


def test_the_same_rows_give_the_same_spec_and_build_it_once(monkeypatch):
    built = []
    original = charts.bars

    def counting(*args, **kwargs):
        built.append(1)
        return original(*args, **kwargs)

    counting.__qualname__ = "counting_bars_for_this_test"  # its own cache entries
    first = charts.spec(counting, _frame(4), *ARGS)
    second = charts.spec(counting, _frame(4).copy(), *ARGS)  # equal rows, another object
    assert first == second and len(built) == 1
    third = charts.spec(counting, _frame(5), *ARGS)
    assert third != first and len(built) == 2
    values = [row["years_late"] for d in third["datasets"].values() for row in d]
    assert 5 in values and 4 not in values


def test_a_spec_handed_out_cannot_change_the_cached_one():
    spec = charts.spec(charts.bars, _frame(7), *ARGS)
    spec.pop("datasets")  # as Streamlit does with the one it is given
    assert "datasets" in charts.spec(charts.bars, _frame(7), *ARGS)


def test_the_spec_has_no_fixed_view_size_and_equals_altair_s_own():
    spec = charts.spec(charts.bars, _frame(8), *ARGS)
    assert "config" not in spec  # Altair's default theme would add a 300 x 300 view
    altair = charts.bars(_frame(8), *ARGS).to_dict()
    assert {k: v for k, v in altair.items() if k != "config"} == spec
