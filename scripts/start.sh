#!/usr/bin/env bash
# Install the dashboard's dependencies into .venv and start it on the shipped data (http://localhost:8501).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m compliance.server "$@"
