"""The floor: a Streamlit page that draws the elements it is asked for (?dataframe=7&download_button=7&...) and
does no data work. What a page costs beyond this floor is what the page itself adds to Streamlit's own cost.

Run by the benchmark with `streamlit run bench/floor_app.py`; synthetic, never served to users.
"""

import altair as alt
import pandas as pd
import streamlit as st

FRAME = pd.DataFrame({"state": [f"State {i}" for i in range(20)], "value": range(20), "note": ["text"] * 20})
CHART = alt.Chart(FRAME).mark_bar().encode(x="value:Q", y="state:N")
OPTIONS = [f"option {i}" for i in range(200)]

DRAW = {
    "markdown": lambda i: st.markdown(f"Some **text** {i}, as a caption or a headline would be."),
    "dataframe": lambda i: st.dataframe(FRAME, hide_index=True),
    "download_button": lambda i: st.download_button(
        "Download CSV", data=lambda: b"a,b\n", file_name="x.csv", key=f"d{i}", on_click="ignore"
    ),
    "vega_lite_chart": lambda i: st.altair_chart(CHART),
    "heading": lambda i: st.subheader(f"Heading {i}"),
    "alert": lambda i: st.info(f"A notice {i}."),
    "multiselect": lambda i: st.multiselect(f"Choose {i}", OPTIONS, key=f"m{i}"),
    "selectbox": lambda i: st.selectbox(f"Pick {i}", OPTIONS, key=f"s{i}"),
    "radio": lambda i: st.radio(f"Radio {i}", ["a", "b", "c"], key=f"r{i}"),
    "checkbox": lambda i: st.checkbox(f"Check {i}", key=f"c{i}"),
    "date_input": lambda i: st.date_input(f"Date {i}", value=pd.Timestamp("2026-01-01"), key=f"t{i}"),
    "metric": lambda i: st.metric(f"Metric {i}", 42),
    "code": lambda i: st.code(f"cite {i}", language=None),
    "button": lambda i: st.button(f"Button {i}", key=f"b{i}"),
    "text_input": lambda i: st.text_input(f"Text {i}", key=f"x{i}"),
    "number_input": lambda i: st.number_input(f"Number {i}", value=2026, key=f"n{i}"),
}

for kind, value in st.query_params.to_dict().items():
    draw = DRAW.get(kind, DRAW["markdown"])  # a kind with no stand-in costs about what a markdown does
    for i in range(min(int(value) if value.isdigit() else 0, 400)):
        draw(i)
