"""axe-core (from the npm registry; scripts/test.sh fetches it) over every page in Chromium, and the filter bar by
keyboard alone."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import ROOT, wait_for_app

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "browser" / "vendor" / "axe.min.js"
PAGES = [
    "",
    "reporting-delays?state=PAK",
    "delegations?instrument=CAT",
    "absent-stakeholders",
    "case-outcomes",
    "recommendations?state=PAK",
    "state?state=PAK",
    "compare?state=BRA&state=IND&state=ZAF",
    "sources",
]
RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                 where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


def test_axe_is_there():
    assert AXE.is_file(), "axe-core is missing: scripts/test.sh fetches it from the npm registry"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_accessibility_violation(server, page, artifacts, path):
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN)
    counts = {impact: sum(v["nodes"] for v in violations if v["impact"] == impact)
              for impact in ("critical", "serious", "moderate", "minor")}  # fmt: skip
    print(f"axe {path or 'overview'}: {counts}")
    with (artifacts / "axe.jsonl").open("a") as fh:
        fh.write(json.dumps({"page": path or "overview", "counts": counts, "violations": violations}) + "\n")
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], bad


def test_the_filter_bar_works_by_keyboard_alone(server, page):
    page.goto(f"{server.url}/delegations")
    wait_for_app(page)
    state_box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first
    for _ in range(40):  # Tab through the page until the state filter has the focus
        page.keyboard.press("Tab")
        if state_box.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the state filter")
    page.keyboard.type("Pakistan")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"state=PAK"), timeout=15_000)
    wait_for_app(page)
    assert "CAT-60-PAK: delegation of 10" in page.locator("[data-testid='stMain']").inner_text()
