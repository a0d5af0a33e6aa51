"""The benchmark times what the pages really run: their queries are recorded from the pages themselves."""

import re

from bench import pages
from tests.conftest import ROOT


def test_recorded_queries_are_every_query_the_page_names(shipped):
    for path, page_file in pages.PAGE_FILES.items():
        source = (ROOT / "pages" / page_file).read_text()
        named = set(re.findall(r"(?:db\.query|ui\.table|ui\.chart_rows|db\.count)\(\s*[\"']([a-z_]+)[\"']", source))
        query = "state=PAK" if path in ("state", "recommendations") else ""
        recorded = {name for name, _, _ in pages.record(path, query)}
        assert named, page_file
        assert named - pages.SIDEBAR <= recorded, (page_file, named - recorded)
        assert not recorded & pages.SIDEBAR


def test_sections_a_page_loops_over_are_recorded_too(shipped):
    recorded = {name for name, _, _ in pages.record("state", "state=PAK")}
    assert {"review_list", "case_list", "evidence_list", "upr_by_state"} <= recorded
