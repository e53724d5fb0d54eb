"""systemd notifications: READY=1 and rate-limited WATCHDOG=1 over NOTIFY_SOCKET; nothing without it."""

from __future__ import annotations

import socket

from game.frontends.kiosk.watchdog import Watchdog


def test_without_notify_socket_the_watchdog_does_nothing(clock):
    dog = Watchdog(environ={}, clock=clock)
    assert dog.enabled is False and dog.ready() is False and dog.ping() is False


def test_ready_and_watchdog_pings_reach_the_socket_at_half_the_interval(tmp_path, clock):
    address = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(address)
    server.settimeout(1)
    try:
        dog = Watchdog(environ={"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "30000000"}, clock=clock)
        assert dog.ready()
        assert server.recv(100) == b"READY=1"
        assert dog.ping() is True
        assert server.recv(100) == b"WATCHDOG=1"
        clock.advance(14)
        assert dog.ping() is False
        clock.advance(1)
        assert dog.ping() is True
        assert server.recv(100) == b"WATCHDOG=1"
    finally:
        server.close()


def test_a_vanished_socket_is_not_an_error(tmp_path, clock):
    dog = Watchdog(environ={"NOTIFY_SOCKET": str(tmp_path / "gone")}, clock=clock)
    assert dog.ready() is False
