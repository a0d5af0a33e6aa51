"""The README's two commands exist, do what it says, and CI calls the test one."""

import re

from tests.conftest import ROOT


def commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [c.strip() for c in re.findall(r"```\n(.*?)```", section, flags=re.S)]


def test_readme_gives_exactly_two_commands_that_exist():
    found = commands()
    assert found == ["bash scripts/start.sh", "bash scripts/test.sh"]
    for command in found:
        assert (ROOT / command.split()[1]).is_file()


def test_start_installs_and_runs_the_app():
    text = (ROOT / "scripts" / "start.sh").read_text()
    assert "requirements.txt" in text and "-m compliance.server" in text
    server = (ROOT / "compliance" / "server.py").read_text()
    assert '"streamlit", "run", str(APP)' in server and "uses_pages_directory = False" in server


def test_test_command_installs_chromium_and_runs_everything():
    text = (ROOT / "scripts" / "test.sh").read_text()
    for part in ("requirements-dev.txt", "apt-get install", "chromium", "build --check", "ruff check", "pytest"):
        assert part in text, part
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_every_direct_import_is_declared():
    import ast

    declared = {
        line.split("==")[0].strip().lower()
        for name in ("requirements.txt", "requirements-dev.txt")
        for line in (ROOT / name).read_text().splitlines()
        if "==" in line
    }
    aliases = {"pyarrow": "pyarrow", "yaml": "pyyaml", "upath": "universal-pathlib"}
    local = {"compliance", "tests", "bench", "app"}
    imported = set()
    for path in (
        list(ROOT.glob("*.py"))
        + list(ROOT.glob("compliance/*.py"))
        + list(ROOT.glob("pages/*.py"))
        + list(ROOT.glob("tests/**/*.py"))
        + list(ROOT.glob("bench/*.py"))
    ):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    import sys

    third_party = {m for m in imported if m not in sys.stdlib_module_names and m not in local}
    missing = {m for m in third_party if aliases.get(m, m) not in declared}
    assert not missing, f"imported but not in requirements: {missing}"


def test_production_config():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["headless"] is True
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["theme"]["primaryColor"]
