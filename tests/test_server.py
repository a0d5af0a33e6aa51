"""How the server is started: messages sent without Nagle's delay, and a read-only server that writes nothing."""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket

import pytest
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_server

from compliance import build, server, settings


def _nodelay_of_a_connection(listener: socket.socket) -> int:
    """TCP_NODELAY on the server side of one connection asyncio accepts on `listener`."""

    async def run() -> int:
        loop = asyncio.get_running_loop()
        seen = loop.create_future()

        def accepted(reader, writer):
            seen.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        srv = await asyncio.start_server(accepted, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        value = await asyncio.wait_for(seen, 10)
        writer.close()
        srv.close()
        return value

    # in a thread of its own: an earlier test may leave an event loop running in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run()).result(30)


def _listener() -> socket.socket:
    sock = socket.socket(family=socket.AF_INET)  # as Streamlit binds its own: no protocol number
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    return sock


def test_streamlit_s_own_listener_leaves_nagle_on_and_the_fix_turns_it_off():
    assert _nodelay_of_a_connection(_listener()) == 0  # what the fix is for
    assert _nodelay_of_a_connection(server.tcp_listener(_listener())) != 0


def test_the_fix_wraps_the_function_streamlit_binds_with(monkeypatch):
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # restored afterwards
    assert server.send_without_delay() and server.send_without_delay()  # applied once, idempotent
    sock = starlette_server._bind_socket("127.0.0.1", 0, 8)
    try:
        assert sock.proto == socket.IPPROTO_TCP and not sock.getblocking()
        assert _nodelay_of_a_connection(sock) != 0
    finally:
        sock.close()


@pytest.mark.parametrize("read_only, exposed", [("1", False), ("", True)])
def test_a_read_only_server_writes_no_calendar_feeds(monkeypatch, read_only, exposed):
    calls = []
    monkeypatch.setenv(settings.READ_ONLY_VAR, read_only)
    monkeypatch.delenv(settings.ENV_VAR, raising=False)
    monkeypatch.setattr(build, "expose_calendars", lambda root: calls.append(root))
    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)
    server.main([])
    assert bool(calls) is exposed
