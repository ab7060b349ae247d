"""A raw-socket HTTP/1.1 server on loopback for live-fetch fault tests (and a few tests of the server itself).

pytest-httpserver sits on werkzeug, which will not send a short body under a larger Content-Length, reset a
connection, or trickle bytes; this server writes the raw bytes each fault needs. Every request is recorded
with its arrival time (``time.monotonic``) so tests can measure the client's pacing on the server side.
Routes map a path (with or without its query) to a :class:`Reply`, a list of replies served in turn (the
last one repeating), or a handler ``(Hit, socket) -> None`` that writes whatever it likes.
"""

from __future__ import annotations

import gzip
import socket
import socketserver
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


@dataclass
class Hit:
    """One request as the server saw it."""

    t: float
    method: str
    target: str
    headers: dict[str, str]

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


@dataclass
class Reply:
    """A canned response. ``Content-Length`` is added unless ``headers`` set it or ``length=False``."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True

    def raw(self) -> bytes:
        lines = [f"HTTP/1.1 {self.status} X"]
        hdrs = dict(self.headers)
        if self.length and not any(k.lower() == "content-length" for k in hdrs):
            hdrs["Content-Length"] = str(len(self.body))
        hdrs.setdefault("Connection", "close")
        lines += [f"{k}: {v}" for k, v in hdrs.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body


Handler = Callable[[Hit, socket.socket], None]
Route = Reply | list[Reply] | Handler


def html(text: str, status: int = 200, ctype: str = "text/html; charset=utf-8", **headers: str) -> Reply:
    return Reply(status, text.encode("utf-8"), {"Content-Type": ctype, **headers})


def page(n: int | str) -> Reply:
    return html(f"<html><head><title>p{n}</title></head><body><p>Nvidia sold {n} H20 chips.</p></body></html>")


# ------------------------------------------------------------------------------------------------ faults


def slow(seconds: float, reply: Reply) -> Handler:
    """Answer only after ``seconds`` (past the client's read timeout)."""
    def handle(hit: Hit, sock: socket.socket) -> None:
        time.sleep(seconds)
        sock.sendall(reply.raw())
    return handle


def reset(hit: Hit, sock: socket.socket) -> None:
    """Close the connection with a TCP RST instead of answering."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def truncated(declared: int, sent: bytes, ctype: str = "text/html") -> Handler:
    """Promise ``declared`` bytes, send ``sent``, close."""
    def handle(hit: Hit, sock: socket.socket) -> None:
        sock.sendall(Reply(200, sent, {"Content-Type": ctype, "Content-Length": str(declared)}).raw())
    return handle


def trickle(n: int, every_s: float) -> Handler:
    """Send an HTML body of ``n`` bytes one byte every ``every_s`` seconds (no Content-Length)."""
    def handle(hit: Hit, sock: socket.socket) -> None:
        sock.sendall(Reply(200, b"", {"Content-Type": "text/html"}, length=False).raw())
        for _ in range(n):
            sock.sendall(b"x")
            time.sleep(every_s)
    return handle


def gzipped(body: bytes, ctype: str = "text/html; charset=utf-8") -> Reply:
    return Reply(200, gzip.compress(body), {"Content-Type": ctype, "Content-Encoding": "gzip"})


def conditional(etag: str, reply: Reply) -> Handler:
    """Serve ``reply`` with an ETag; answer 304 when the request carries it in If-None-Match."""
    def handle(hit: Hit, sock: socket.socket) -> None:
        if hit.headers.get("if-none-match") == etag:
            sock.sendall(Reply(304, b"", {"ETag": etag}).raw())
        else:
            sock.sendall(Reply(reply.status, reply.body, {**reply.headers, "ETag": etag}).raw())
    return handle


# ------------------------------------------------------------------------------------------------ server


class LoopbackServer:
    """A threaded HTTP server on ``host`` (loopback) and a free port. Use as a context manager."""

    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._handle(self.request)

        class _Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True
            request_queue_size = 128

        self._server = _Server((host, 0), _Handler)
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        """Request targets in arrival order."""
        return [h.target for h in self.hits]

    def times(self, path: str | None = None) -> list[float]:
        return [h.t for h in self.hits if path is None or h.path == path]

    def _route(self, target: str) -> Route:
        missing = Reply(404, b"not found", {"Content-Type": "text/plain"})
        return self.routes.get(target) or self.routes.get(target.split("?", 1)[0]) or missing

    def _handle(self, sock: socket.socket) -> None:
        sock.settimeout(5)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                data += chunk
            head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            method, target, _ = head[0].split(" ", 2)
            headers = {}
            for line in head[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            hit = Hit(time.monotonic(), method, target, headers)
            with self._lock:
                self.hits.append(hit)
                route = self._route(target)
                if isinstance(route, list):
                    n = self._served.get(target, 0)
                    self._served[target] = n + 1
                    route = route[min(n, len(route) - 1)]
            if isinstance(route, Reply):
                sock.sendall(route.raw())
            else:
                route(hit, sock)
        except OSError:
            pass  # the client gave up (timeout tests): nothing to do


# ------------------------------------------------------------------------------------------------ self-tests


def test_server_serves_routes_sequences_and_records_hits():
    with LoopbackServer() as srv:
        srv.routes["/a"] = page(1)
        srv.routes["/seq"] = [Reply(503), html("ok")]
        with httpx.Client() as c:
            assert c.get(srv.url("/a?x=1")).text.startswith("<html>")
            assert [c.get(srv.url("/seq")).status_code for _ in range(3)] == [503, 200, 200]
            assert c.get(srv.url("/missing")).status_code == 404
        assert srv.paths() == ["/a?x=1", "/seq", "/seq", "/seq", "/missing"]
        assert srv.hits[0].headers["host"] == f"127.0.0.1:{srv.port}"


def test_server_faults_look_like_faults_to_a_client():
    with LoopbackServer() as srv:
        srv.routes["/reset"] = reset
        srv.routes["/short"] = truncated(1000, b"<html>")
        with httpx.Client() as c:
            for path in ("/reset", "/short"):
                try:
                    c.get(srv.url(path))
                except httpx.TransportError:
                    continue
                raise AssertionError(f"{path} should fail")
