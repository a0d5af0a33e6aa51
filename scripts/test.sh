#!/usr/bin/env bash
# Install everything (Python packages into .venv, Debian's Chromium for the browser tests) and run every check:
# the data build check, ruff, and all tests, browser tests included (HAProxy for the hosted-shape tests).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ] || ! command -v haproxy >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium haproxy >/dev/null
fi
# axe-core for the accessibility tests, from the npm registry (pinned).
if [ ! -f tests/browser/vendor/axe.min.js ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent axe-core@4.14.1 >/dev/null && tar xzf axe-core-4.14.1.tgz)
  mkdir -p tests/browser/vendor
  cp "$tmp/package/axe.min.js" tests/browser/vendor/
  cp "$tmp/package/LICENSE" tests/browser/vendor/LICENSE-axe-core.txt
  rm -rf "$tmp"
fi
echo "== data: committed Parquet equals a fresh build"
.venv/bin/python -m compliance build --check
echo "== lint"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== tests"
set +e
.venv/bin/python -m pytest -p no:cacheprovider -rfE --durations=15 "$@"
status=$?
set -e
# pytest exits 5 when it collected no test: that is a failure here, never a pass.
[ "$status" -eq 5 ] && echo "no tests ran" && exit 1
exit "$status"
