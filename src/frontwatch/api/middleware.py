"""One pure-ASGI guard in front of the API and the dashboard: request size limit, closed reads,
security headers, CSP on pages and Server-Timing.

Pure ASGI rather than `@app.middleware("http")`: each of those wraps every request in an extra
task and memory streams, several milliseconds a request on this machine, which under load
was most of a read's cost.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import anyio
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The one error shape of the API: {"error": {"code", "message"}}."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


class Guard:
    def __init__(
        self,
        app: Any,
        *,
        max_body: int,
        closed: bool,
        token_name: Callable[[str | None], str | None],
        csp: str,
    ):
        self.app = app
        self.max_body = max_body
        self.closed = closed
        self.token_name = token_name
        self.csp = csp

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                if headers.get("content-type", "").startswith("text/html"):
                    headers["Content-Security-Policy"] = self.csp
            await send(message)

        request_headers = dict(scope.get("headers") or ())
        length = request_headers.get(b"content-length", b"").decode("latin-1")
        if length.isdigit() and int(length) > self.max_body:
            await error_response(413, "too_large", f"request body over {self.max_body:,} bytes")(scope, receive, send_with_headers)
            return
        if self.closed and not scope.get("path", "").startswith("/static/"):
            auth = request_headers.get(b"authorization", b"").decode("latin-1") or None
            try:
                name = await anyio.to_thread.run_sync(self.token_name, auth)
            except Exception:  # noqa: BLE001 - a database error is a 500 with the one error shape
                await error_response(500, "internal_error", "internal error")(scope, receive, send_with_headers)
                return
            if name is None:
                message = "reads are closed on this server: send a bearer token (`frontwatch tokens create NAME`)"
                await error_response(401, "AuthError", message)(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)
