"""A minimal Streamlit websocket client: open a session, ask for a page, wait until its script has finished."""

from __future__ import annotations

import time
from collections import Counter

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


class Session:
    """One browser-like session over the real protocol."""

    def __init__(self, ws_url: str):
        self.ws_url = ws_url
        self.ws = None
        self.alerts: list[str] = []  # the text of every info/warning/error box the session was sent
        self.elements: Counter = Counter()  # the elements the last load drew, by kind (the floor page copies it)
        self.replica: str | None = None  # the replica a proxy pinned this session to (its REPLICA cookie)

    async def __aenter__(self) -> Session:
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=60)
        cookie = self.ws.response.headers.get("set-cookie", "")
        self.replica = cookie.split("REPLICA=", 1)[1].split(";", 1)[0] if "REPLICA=" in cookie else None
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def load(self, page: str, query: str, timeout: float = 120) -> tuple[float, int]:
        """Run `page` with `query`; returns (seconds until the script finished, exception elements seen)."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.query_string = query
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        errors = 0
        self.elements = Counter()
        deadline = start + timeout
        while True:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{page}?{query} did not finish in {timeout}s")
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                element = fm.delta.new_element.WhichOneof("type")
                self.elements[element] += 1
                errors += element == "exception"
                if element == "alert":
                    self.alerts.append(fm.delta.new_element.alert.body)
            if kind == "script_finished":
                if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                return time.perf_counter() - start, errors
