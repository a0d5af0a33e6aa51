"""Start the dashboard: `python -m compliance.server [streamlit run options]` serves app.py.

Why not plain `streamlit run app.py`: Streamlit decides, when its first session starts, whether the app uses
the legacy `pages/` folder, and it finds one here (the project keeps its pages there). That first run then
goes through the legacy router, which knows none of st.navigation's url paths: a shared deep link such as
/delegations?state=PAK opens with a "Page not found" dialog over the right page (Streamlit issue 9624).
This app routes with st.navigation only, so the server is told so before any session starts.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(argv: list[str]) -> None:
    """Run `streamlit run app.py` with `argv` as its options, legacy pages routing off."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    from compliance import build, settings

    PagesManager.uses_pages_directory = False
    if not settings.read_only():  # the feeds of the release being served, at stable URLs
        build.expose_calendars(settings.data_dir())
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


@contextlib.contextmanager
def navigation_only() -> Iterator[None]:
    """While it lasts, AppTest routes the way this server does: st.navigation only.

    AppTest resets the legacy pages/ flag before every run, so every run after the first would execute the page
    file bare, without app.py and its filter bar. Used by the tests and the benchmark.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    try:
        yield
    finally:
        PagesManager.__init__ = original


if __name__ == "__main__":
    main(sys.argv[1:])
