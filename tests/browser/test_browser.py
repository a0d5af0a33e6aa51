"""What a person sees in a browser: pages, permalinks, filters in the URL, downloads, escaping, start-up."""

from __future__ import annotations

import io
import re
import time
import urllib.parse

import pandas as pd
import pytest

from compliance import db, filters
from tests.browser.conftest import ROOT, Server, wait_for_app
from tests.conftest import write_fixture

pytestmark = pytest.mark.browser

PATHS = [
    "",
    "reporting-delays",
    "delegations",
    "absent-stakeholders",
    "case-outcomes",
    "recommendations",
    "state",
    "compare",
    "sources",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_page_opens_without_an_exception(server, page, artifacts, path):
    page.goto(f"{server.url}/{path}?state=PAK")
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").count() == 2
    page.screenshot(path=str(artifacts / "screenshots" / f"{path or 'overview'}.png"), full_page=True)


def test_permalink_shows_the_seed_dates(server, page):
    page.goto(f"{server.url}/reporting-delays?state=PAK&instrument=CAT")
    wait_for_app(page)
    text = page.locator("[data-testid='stMain']").inner_text()
    for fact in ("2010-06-23", "2011-07-23", "January 2016", "about 4.5 years late by the treaty's rule"):
        assert fact in text, fact
    assert "As a source states it: 4 years late." in text and "four years behind schedule" in text


def test_filter_change_goes_to_the_url_and_a_reload_restores_it(server, page):
    page.goto(f"{server.url}/delegations")
    wait_for_app(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type("Pakistan")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"state=PAK"), timeout=15_000)
    wait_for_app(page)
    assert "CAT-60-PAK: delegation of 10, led by Kamran Michael" in page.locator("[data-testid='stMain']").inner_text()
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    wait_for_app(page)
    assert "Pakistan (PAK)" in page.locator("[data-testid='stSidebar']").inner_text()
    assert "CAT-60-PAK: delegation of 10" in page.locator("[data-testid='stMain']").inner_text()


def test_switching_page_keeps_the_filters(server, page):
    page.goto(f"{server.url}/delegations?state=PAK&instrument=CAT")
    wait_for_app(page)
    page.get_by_role("link", name="Case outcomes").click()
    page.wait_for_url(re.compile(r"/case-outcomes"), timeout=15_000)
    wait_for_app(page)
    assert "state=PAK" in page.url and "instrument=CAT" in page.url
    assert "Pakistan (PAK)" in page.locator("[data-testid='stSidebar']").inner_text()


DOWNLOADS = [
    ("reporting-delays", "delays", "reporting-delays", "report_delays"),
    ("delegations", "delegations", "delegations", "delegations"),
    ("absent-stakeholders", "entries", "stakeholders", "stakeholder_list"),
    ("case-outcomes", "cases", "cases", "case_list"),
]


@pytest.mark.parametrize(("path", "key", "what", "sql"), DOWNLOADS)
def test_download_saves_the_rows_the_page_shows(server, page, path, key, what, sql, monkeypatch):
    page.goto(f"{server.url}/{path}?state=PAK&instrument=CAT")
    wait_for_app(page)
    button = page.locator(f".st-key-download_{key} button")
    label_rows = int(re.search(r"\(([\d,]+) rows?\)", button.inner_text()).group(1).replace(",", ""))
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename.startswith(f"{what}_PAK_CAT_")
    with open(download.path(), "rb") as fh:
        csv = pd.read_csv(io.BytesIO(fh.read()))
    monkeypatch.setenv("COMPLIANCE_DATA", str(ROOT / "data"))
    assert not csv.astype(str).apply(lambda col: col.str.contains(r"\d{4}-\d{2}-\d{2} 00:00:00")).any().any()
    expected = db.query(sql, filters.Filters(states=("PAK",), instruments=("CAT",)).scope())
    assert len(csv) == len(expected) == label_rows > 0
    assert list(csv.columns) == list(expected.columns)
    assert any(c == "source" or c.endswith("_source") for c in csv.columns)
    for col in ("review_id", "state", "source"):
        if col in csv.columns:
            assert csv[col].fillna("").astype(str).tolist() == expected[col].fillna("").astype(str).tolist()


HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, artifacts):
    d = __import__("datetime").date
    folder = write_fixture(
        tmp_path_factory.mktemp("hostile"),
        states=[{"iso3": "PAK", "name": HOSTILE[0], "un_regional_group": "Asia-Pacific"}],
        reviews=[{"review_id": "CAT-60-PAK", "iso3": "PAK", "instrument": "CAT", "body": "CAT", "session": 60,
                  "state": HOSTILE[0], "start_date": d(2017, 4, 18), "head_name": HOSTILE[1], "head_title": HOSTILE[0],
                  "delegation_size": 10, "source": "https://example.org/<script>", "quote": HOSTILE[1]}],
        stakeholders=[{"review_id": "CAT-60-PAK", "stakeholder": HOSTILE[1], "stakeholder_type": "nhri",
                       "participation": "absent_noted_by_committee", "source": HOSTILE[0], "quote": HOSTILE[1]}],
        reports=[{"iso3": "PAK", "instrument": "CAT", "cycle": 1, "cycle_label": HOSTILE[1], "due_date": d(2011, 7, 23),
                  "submitted_date": d(2016, 1, 1), "submitted_latest": d(2016, 1, 31), "submitted_precision": "month",
                  "status": "submitted", "source": HOSTILE[0], "quote": HOSTILE[1]}],
    )  # fmt: skip
    srv = Server(folder)
    yield srv
    srv.stop()


@pytest.mark.parametrize("path", ["reporting-delays", "delegations", "absent-stakeholders", "state"])
def test_hostile_names_render_as_text(hostile_server, page, artifacts, path):
    page.goto(f"{hostile_server.url}/{path}?state=PAK")
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] script, [data-testid='stSidebar'] script").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    shown = page.locator("body").inner_text()
    assert "<script>alert(1)</script>" in shown or "<img src=x onerror=alert(2)>" in shown
    page.screenshot(path=str(artifacts / "screenshots" / f"hostile-{path}.png"), full_page=True)


def test_health_and_first_page_soon_after_start(browser, artifacts):
    srv = Server(ROOT / "data")
    try:
        context = browser.new_context()
        pg = context.new_page()
        pg.goto(srv.url)
        wait_for_app(pg)
        first_page = time.monotonic() - srv.started
        context.close()
    finally:
        srv.stop()
    print(f"health after {srv.healthy_after:.1f}s, first page after {first_page:.1f}s")
    # A loose bound: the benchmark measures cold start properly; this catches a start that hangs.
    assert srv.healthy_after < 30 and first_page < 45


def test_a_cold_deep_link_opens_its_page_with_its_filters(browser, artifacts):
    """The first visit to a fresh server through a shared link: the right page, its filters, no 'Page not found'."""
    srv = Server(ROOT / "data")
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1600})
        pg = context.new_page()
        pg.goto(f"{srv.url}/delegations?state=PAK")
        wait_for_app(pg)
        pg.wait_for_timeout(1000)
        body = pg.locator("body").inner_text()
        pg.screenshot(path=str(artifacts / "screenshots" / "cold-deep-link.png"), full_page=True)
        context.close()
    finally:
        srv.stop()
    assert "Page not found" not in body and "page not found" not in body.lower()
    assert pg.url.endswith("/delegations?state=PAK")
    assert "Delegations" in body and "Pakistan (PAK)" in body and "CAT-60-PAK: delegation of 10" in body


@pytest.mark.parametrize("path", PATHS)
def test_no_request_leaves_the_apps_origin(server, browser, path):
    context = browser.new_context()
    pg = context.new_page()
    outside = []
    pg.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:")) else outside.append(r.url))
    pg.goto(f"{server.url}/{path}?state=PAK")
    wait_for_app(pg)
    pg.wait_for_timeout(500)
    context.close()
    assert outside == []


@pytest.mark.parametrize("path", PATHS)
def test_no_none_null_or_code_names_where_a_reader_looks(server, page, path):
    page.goto(f"{server.url}/{path}?state=PAK&instrument=CAT")
    wait_for_app(page)
    page.wait_for_timeout(800)
    text = page.locator("[data-testid='stMain']").inner_text()
    cells = page.locator("[data-testid='stDataFrame'] [role='gridcell']").all_inner_texts()
    headers = page.evaluate(  # the grid draws on a canvas; its accessible table holds the headers
        "() => Array.from(document.querySelectorAll(\"[data-testid='stDataFrame'] [role='columnheader']\"))"
        ".map(e => e.textContent)"
    )
    legends = page.locator("[data-testid='stVegaLiteChart'] svg text").all_text_contents()
    for shown in [text, *cells, *legends]:
        assert not re.search(r"\b(None|null|NaN|NaT|nan)\b", shown), shown[:200]
    code_names = [h for h in headers + legends if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", h.strip())]
    assert code_names == []


class PixelServer:
    """A local HTTP server that counts every request: a URL payload that reaches markup would hit it."""

    def __init__(self):
        import http.server
        import threading

        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()


def test_markdown_in_the_url_renders_no_link_and_fetches_nothing(server, page, artifacts):
    pixel = PixelServer()
    target = f"http://127.0.0.1:{pixel.port}"
    payloads = [
        ("state", f"x] ![t]({target}/pixel.png) [y"),
        ("as_of", f"[x]({target}/as-of)"),
        ("group", f"<img src='{target}/img'>"),
        ("instrument", f"{target}/autolink"),
        ("q", f"![t]({target}/q.png)"),
    ]
    try:
        for path in ("", "state", "recommendations"):
            for key, value in payloads:
                page.goto(f"{server.url}/{path}?" + urllib.parse.urlencode({key: value}))
                wait_for_app(page)
                page.wait_for_timeout(300)
                hrefs = page.eval_on_selector_all("a[href], img[src]", "els => els.map(e => e.href || e.src)")
                # Where each link or image points: the app's own URL (its heading anchors carry the query) is fine.
                assert not [h for h in hrefs if urllib.parse.urlsplit(h).port == pixel.port], (key, value, hrefs)
        page.screenshot(path=str(artifacts / "screenshots" / "markdown-payload-notice.png"))
    finally:
        pixel.stop()
    assert pixel.hits == []
    assert page.dialogs == []


def test_state_profile_downloads_pakistans_cat_reservations_withdrawal_and_opt_out(server, page):
    """The grid draws on a canvas: what the treaty page says is read from the section's CSV, as a user would."""
    page.goto(f"{server.url}/state?state=PAK&instrument=CAT")
    wait_for_app(page)
    with page.expect_download() as info:
        page.locator(".st-key-download_treaty_text_list button").click()
    with open(info.value.path(), "rb") as fh:
        texts = pd.read_csv(io.BytesIO(fh.read()))
    assert info.value.suggested_filename.startswith("treaty-texts_PAK_CAT_")
    withdrawal = texts[texts.text_kind == "withdrawal"]
    assert withdrawal.text_date.tolist() == ["2011-09-20"]
    assert "articles 3, 4, 6, 12, 13 and 16" in withdrawal.page_text.iloc[0]
    opt_out = "does not recognize the competence of the Committee provided for in Article 20"
    assert texts.page_text.str.contains(opt_out, regex=False).any()
    assert (texts.source.str.startswith("https://treaties.un.org/")).all()


def test_compare_shows_three_columns_and_downloads_what_it_shows(server, page, monkeypatch):
    page.goto(f"{server.url}/compare?state=BRA&state=IND&state=ZAF")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stDataFrame'] [role='columnheader']", state="attached")
    headers = page.evaluate(  # the grid draws on a canvas; its accessible table holds the headers
        "() => Array.from(document.querySelectorAll(\"[data-testid='stDataFrame'] [role='columnheader']\"))"
        ".map(e => e.textContent)"
    )
    assert {"Measure", "Brazil", "India", "South Africa"} <= {h.strip() for h in headers}
    with page.expect_download() as info:
        page.locator(".st-key-download_comparison button").click()
    with open(info.value.path(), "rb") as fh:
        csv = pd.read_csv(io.BytesIO(fh.read()), dtype=str, keep_default_na=False)
    monkeypatch.setenv("COMPLIANCE_DATA", str(ROOT / "data"))
    from compliance import ui

    scope = filters.Filters(states=("BRA", "IND", "ZAF")).scope()
    shown = ui.widen(db.query("state_comparison", scope), (("position", "measure"), "state", "value")).fillna("")
    assert list(csv.columns) == ["measure", "Brazil", "India", "South Africa"]
    assert csv.values.tolist() == shown.astype(str).values.tolist()
    assert "_data-" in info.value.suggested_filename  # the data version travels with the file


def test_the_state_page_links_a_calendar_the_server_serves(server, page):
    page.goto(f"{server.url}/state?state=PAK")
    wait_for_app(page)
    link = page.get_by_role("link", name="Pakistan's reporting calendar")
    href = link.get_attribute("href")
    assert href.endswith("app/static/calendars/PAK.ics")
    response = page.request.get(f"{server.url}/app/static/calendars/PAK.ics")
    assert response.ok and b"UID:PAK-CAT-1-due@treaty-compliance-dashboard" in response.body()
