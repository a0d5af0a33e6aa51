"""Serve a script (the floor page) the way `python -m compliance.server` serves the dashboard: the same socket fix.

`python -m bench.floor_server SCRIPT [streamlit run options]`; used by the benchmark only.
"""

import os
import sys

from streamlit.web import cli

from compliance import server

if __name__ == "__main__":
    if os.environ.get(server.KEEP_NAGLE) != "1":
        server.send_without_delay()
    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    cli.main()
