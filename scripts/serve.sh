#!/usr/bin/env bash
# Serve the dashboard as hosted: N Streamlit replicas behind HAProxy (installed from Debian's packages if missing).
# Usage: bash scripts/serve.sh --replicas 2 [--port 8501] [--bind 0.0.0.0]. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
if ! command -v haproxy >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq haproxy >/dev/null
fi
exec .venv/bin/python -m compliance.hosting "$@"
