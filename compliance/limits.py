"""How many page runs execute at once in one server process; the others wait their turn in order.

Every script run holds the GIL while it works. With many sessions at once, unbounded runs slow together and
starve the server's own thread (websocket pings, health checks). Bounding them keeps the server answering,
and a waiting reader is told why the page is slow to come.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

import streamlit as st

RUNS_AT_ONCE = max(1, int(os.environ.get("COMPLIANCE_RUNS_AT_ONCE", "2")))
_slots = threading.Semaphore(RUNS_AT_ONCE)
_queue = threading.Lock()  # waiting runs take a slot in the order they came (a semaphore alone has no order)


@contextlib.contextmanager
def page_slot() -> Iterator[None]:
    """Hold one of the RUNS_AT_ONCE slots for a page run; show a short notice while waiting for one."""
    if not _slots.acquire(blocking=False):
        notice = st.empty()
        notice.info("Many people are reading the dashboard right now; this page opens in a moment.")
        with _queue:
            _slots.acquire()
        notice.empty()
    try:
        yield
    finally:
        _slots.release()
