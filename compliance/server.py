"""Start the dashboard: `python -m compliance.server [streamlit run options]` serves app.py.

Why not plain `streamlit run app.py`: Streamlit decides, when its first session starts, whether the app uses
the legacy `pages/` folder, and it finds one here (the project keeps its pages there). That first run then
goes through the legacy router, which knows none of st.navigation's url paths: a shared deep link such as
/delegations?state=PAK opens with a "Page not found" dialog over the right page (Streamlit issue 9624).
This app routes with st.navigation only, so the server is told so before any session starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(argv: list[str]) -> None:
    """Run `streamlit run app.py` with `argv` as its options, legacy pages routing off."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
