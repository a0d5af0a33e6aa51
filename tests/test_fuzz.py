"""Seeded URL fuzzing over every page: no exception, and nothing from the URL ever rendered as a link or image.

The pages run on a small fixture so that 2,000 runs stay fast; the input path (URL → filters → widgets →
notices → queries) is the same whatever the data. The browser test checks the markdown cases in Chromium.
"""

from __future__ import annotations

import random
import re

import pytest
from streamlit.testing.v1 import AppTest

from compliance import filters
from tests.conftest import ROOT, d

PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
VARIANTS = 1_500

MARKDOWN_PAYLOADS = [
    "x] ![t](http://127.0.0.1:9/pixel.png) [y",
    "[x](http://127.0.0.1:9/evil)",
    "![t](http://127.0.0.1:9/p.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "＜script＞alert(1)＜/script＞",
    '\u200b=HYPERLINK("http://127.0.0.1:9")',
    "www.evil.example",
    "http://127.0.0.1:9/autolink",
    "<http://127.0.0.1:9/angle>",
    "**bold** _it_ `code` $x^2$ :red[colour] :material/home:",
    "javascript:alert(1)",
    "[x][1]\n\n[1]: http://127.0.0.1:9/ref",
]
ODD_DATES = [
    "9999-12-31", "1944-12-31", "2101-01-01", "0000-01-01", "0001-01-01", "20170101", "2017-W01-1", "2017-001",
    "2017-01-01T00:00", " 2017-01-01 ", "2017-02-30", "2017-13-01", "2017-1-1", "+2017-01-01", "2017-01-01\x00",
    "", "now", "-1", "1e9",
]  # fmt: skip
OTHER = [
    "PAK", "pak", "AAA", "XXX", "CAT", "ICCPR", "UPR", "African", "2015", "2019", "1900", "3000", "20x", "' or 1=1 --",
    "../../etc/passwd", "\x00", "A" * 10_000, "é" * 300, "🙂", "%00", "NULL", "None", "-", "=1+1",
]  # fmt: skip
KEYS = [*filters.URL_KEYS, *filters.PAGE_KEYS, "unknown", "page"]
# Every payload's target is on 127.0.0.1:9 or www.evil.example. Escaped for markdown, its dots read "127\.0\.0\.1";
# so the plain text "127.0.0.1" (or "www.evil") in anything rendered means a URL value reached markdown as markup.
# Autolinks are found after escapes are resolved: an escaped "http\:\/\/" still links, so any unbroken scheme or
# "www." from the payloads is a leak too.
LEAKED = re.compile(r"127\.0\.0\.1|www\\?\.|https?\\?:\\?/|(?<!\\)<img|(?<!\\)<script|javascript:")


def variants(n: int, seed: int = 13) -> list[dict[str, list[str]]]:
    rng = random.Random(seed)
    pool = MARKDOWN_PAYLOADS + ODD_DATES + OTHER
    out = []
    for i in range(n):
        url: dict[str, list[str]] = {}
        for key in rng.sample(KEYS, rng.randint(1, 4)):
            if key == "as_of" and rng.random() < 0.6:
                url[key] = [rng.choice(ODD_DATES)]
            elif i % 3 == 0:
                url[key] = [rng.choice(MARKDOWN_PAYLOADS) for _ in range(rng.randint(1, 2))]
            else:
                url[key] = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
        out.append(url)
    return out


@pytest.fixture(scope="module")
def small_data(tmp_path_factory):
    from tests.conftest import write_fixture
    from tests.test_sql_reports import CASES, DELEGATION, RATIFICATIONS, REPORTS, REVIEWS, STAKEHOLDERS, STATES

    return write_fixture(
        tmp_path_factory.mktemp("fuzz") / "data",
        states=STATES + [{"iso3": "PAK", "name": "Pakistan [x](http://127.0.0.1:9/n)", "un_regional_group": "Asia-Pacific"}],
        reports=REPORTS,
        ratifications=RATIFICATIONS,
        reviews=REVIEWS,
        delegation=DELEGATION,
        stakeholders=STAKEHOLDERS,
        cases=CASES,
        upr_recommendations=[
            {"iso3": "AAA", "state": "Avalon", "session": 5, "recommending_state": "Brigadoon", "response": "accepted",
             "text": "Ratify OP-CAT [see](http://127.0.0.1:9/u) and end torture", "issues": "Torture and other CID"},
        ],
        complaints=[{"symbol": "CAT/1", "committee": "CAT", "iso3": "AAA", "decision_type": "Adoption of views",
                     "decision_date": d("2013-11-08")}],
    )  # fmt: skip


def rendered_text(at: AppTest) -> list[str]:
    """Everything the run sent as markdown (markdown, captions, headers, infos, errors, metric labels)."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    out += [h.value for h in at.subheader] + [i.value for i in at.info] + [e.value for e in at.error]
    out += [w.value for w in at.warning] + [m.label for m in at.metric]
    return out


def test_the_variants_cover_what_broke_before():
    flat = [v for url in variants(VARIANTS) for vs in url.values() for v in vs]
    assert len(variants(VARIANTS)) >= 1_500
    for needed in ("9999-12-31", "1944-12-31", "2101-01-01", "20170101", "2017-W01-1", MARKDOWN_PAYLOADS[0]):
        assert needed in flat, needed


@pytest.mark.parametrize("page", PAGES)
def test_fuzzed_urls_never_raise_and_never_render_a_link(small_data, monkeypatch, page):
    monkeypatch.setenv("COMPLIANCE_DATA", str(small_data))
    mine = [url for i, url in enumerate(variants(VARIANTS)) if i % len(PAGES) == PAGES.index(page)]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    if page != "dashboard_overview.py":
        at.switch_page(str(ROOT / "pages" / page))
    for url in mine:
        at.query_params.clear()
        for key, values in url.items():
            at.query_params[key] = values
        at.run()
        assert not at.exception, (url, [e.value for e in at.exception])
        for text in rendered_text(at):
            assert not LEAKED.search(text), (url, text)
    assert len(mine) >= VARIANTS // len(PAGES)
