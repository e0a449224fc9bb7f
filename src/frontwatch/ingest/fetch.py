"""Fetching a URL safely: http(s) only, no private or loopback targets (SSRF), capped size, timeout.

Every redirect hop is checked again, so a public URL cannot bounce the fetch to 127.0.0.1 or a
cloud metadata address unless the user allows private addresses.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from frontwatch import __version__
from frontwatch.errors import InputError

USER_AGENT = f"Frontwatch/{__version__} (territorial-control claims ledger; +https://github.com/frontwatch/frontwatch)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 10.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def _check_host(url: str, settings: FetchSettings) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host")
    if settings.allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise InputError(f"{url}: cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
            raise InputError(f"{url}: refusing to fetch a private or loopback address ({ip}); allow private URLs to override")


def fetch(url: str, settings: FetchSettings = FetchSettings()) -> Fetched:
    """GET ``url`` following at most ``max_redirects`` redirects, each checked; InputError on any refusal."""
    import httpx

    with httpx.Client(timeout=settings.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(settings.max_redirects + 1):
            _check_host(url, settings)
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        url = urljoin(url, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise InputError(f"{url}: HTTP {resp.status_code}")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > settings.max_bytes:
                            raise InputError(f"{url}: larger than {settings.max_bytes:,} bytes")
                        chunks.append(chunk)
                    return Fetched(str(resp.url), b"".join(chunks), resp.headers.get("content-type", ""))
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: {exc.__class__.__name__}: {exc}") from exc
    raise InputError(f"{url}: more than {settings.max_redirects} redirects")
