"""URL fetching on a loopback server we start: allowed only when private addresses are allowed."""

from __future__ import annotations

import http.server
import threading

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest.fetch import FetchSettings, fetch


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 50_000)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"Russian forces captured Vovchansk. UA: " + self.headers.get("User-Agent", "").encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_fetch_refuses_loopback_by_default(server):
    with pytest.raises(InputError, match="private or loopback"):
        fetch(server + "/page")


def test_fetch_follows_checked_redirects_with_a_clear_user_agent(server):
    got = fetch(server + "/redirect", FetchSettings(allow_private=True))
    assert got.url.endswith("/page") and b"Frontwatch/" in got.content


def test_fetch_caps_size_and_refuses_other_schemes(server):
    with pytest.raises(InputError, match="larger than"):
        fetch(server + "/big", FetchSettings(allow_private=True, max_bytes=10_000))
    with pytest.raises(InputError, match="only http"):
        fetch("file:///etc/passwd")
