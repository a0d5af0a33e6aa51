"""Start the dashboard: `python -m compliance.server [streamlit run options]` serves app.py.

Why not plain `streamlit run app.py`: Streamlit decides, when its first session starts, whether the app uses
the legacy `pages/` folder, and it finds one here (the project keeps its pages there). That first run then
goes through the legacy router, which knows none of st.navigation's url paths: a shared deep link such as
/delegations?state=PAK opens with a "Page not found" dialog over the right page (Streamlit issue 9624).
This app routes with st.navigation only, so the server is told so before any session starts.
"""

from __future__ import annotations

import contextlib
import os
import socket
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
    if os.environ.get(KEEP_NAGLE) != "1":
        send_without_delay()
    if not settings.read_only():  # the feeds of the release being served, at stable URLs
        build.expose_calendars(settings.data_dir())
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


KEEP_NAGLE = "COMPLIANCE_KEEP_NAGLE"  # benchmark only: serve as Streamlit ships, to measure what this fix saves


def tcp_listener(sock: socket.socket) -> socket.socket:
    """The same listening socket, marked as TCP, so that asyncio turns Nagle's algorithm off on each connection."""
    new = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    new.setblocking(False)
    new.set_inheritable(True)
    return new


def send_without_delay() -> bool:
    """Make Streamlit's server send each websocket message at once; returns whether the fix could be applied.

    Streamlit binds its listening socket with protocol number 0. asyncio turns Nagle's algorithm off
    (TCP_NODELAY) only on connections whose socket says IPPROTO_TCP, so every connection keeps it on: the
    messages after the first of a page run wait for the client's delayed acknowledgement, about 40 ms on
    Linux (200 ms on Windows), on every run (docs/benchmark.md measures it). The listener is re-wrapped as
    TCP; nothing else about it changes. If a Streamlit release renames the function, the server runs as
    shipped.
    """
    from streamlit.web.server.starlette import starlette_server

    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None or getattr(bind, "wraps_for_tcp", False):
        return bind is not None

    def bind_tcp(*args, **kwargs):
        return tcp_listener(bind(*args, **kwargs))

    bind_tcp.wraps_for_tcp = True
    starlette_server._bind_socket = bind_tcp
    return True


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
