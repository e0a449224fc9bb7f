"""The dashboard as a person sees it: Playwright driving Debian's chromium (headless)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = pytest.mark.browser


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: `make browser` installs Debian's chromium")
        pytest.skip("chromium is not installed (make browser)")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory, res):
    import uvicorn

    from frontwatch.api.app import create_app
    from frontwatch.ledger.store import Store
    from frontwatch.service import Frontwatch

    db = tmp_path_factory.mktemp("web") / "web.db"
    fw = Frontwatch(Store.open(str(db)), res)
    from importlib import resources

    with resources.as_file(resources.files("frontwatch.data").joinpath("samples").joinpath("samples.jsonl")) as p:
        fw.ingest([str(p)])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    config = uvicorn.Config(create_app(fw), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    exe = _chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=exe,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        pg = browser.new_page(viewport={"width": 1300, "height": 1000})
        yield pg
        browser.close()


def _points(page, unlike=None, timeout=30.0):
    """Poll the map's point count from Python (the page's CSP forbids evaluated strings)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = page.get_attribute("#map", "data-points")
        if value is not None and value != unlike:
            return int(value)
        time.sleep(0.2)
    raise AssertionError("the map did not draw its points")


def test_map_renders_points_and_the_slider_changes_them(server, page):
    page.goto(server + "/")
    last = _points(page)
    assert last > 0
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)
    page.query_selector("#date-slider").fill("0")  # fill dispatches the input event
    first = _points(page, unlike=str(last))
    assert first < last  # fewer places claimed on the first day
    page.screenshot(path=str(ARTIFACTS / "map-first-day.png"), full_page=True)


def test_map_filters_by_source_and_direction(server, page):
    page.goto(server + "/")
    everything = _points(page)
    sources = [o for o in page.eval_on_selector_all("#source option", "els => els.map(e => e.value)") if o]
    directions = [o for o in page.eval_on_selector_all("#direction option", "els => els.map(e => e.value)") if o]
    assert len(sources) >= 2 and directions
    page.select_option("#source", sources[0])
    one_source = _points(page, unlike=str(everything))
    assert 0 < one_source < everything
    page.select_option("#source", "")
    _points(page, unlike=str(one_source))
    page.select_option("#direction", directions[0])
    one_direction = _points(page, unlike=str(everything))
    assert one_direction < everything
    page.screenshot(path=str(ARTIFACTS / "map-filtered.png"), full_page=True)
    page.select_option("#direction", "")


def test_place_page_shows_evidence_with_highlighted_flags(server, page):
    page.goto(server + "/place/UA63080130080014612")
    assert "Kucherivka" in page.inner_text("h1")
    marks = page.query_selector_all("td.ev mark.flag")
    assert marks and "Neutral" in (marks[0].get_attribute("title") or "")
    page.screenshot(path=str(ARTIFACTS / "place.png"), full_page=True)


def test_paste_page_returns_claims(server, page):
    page.goto(server + "/paste")
    page.fill("textarea[name=text]", "Российские войска освободили Волчанск. <script>window.hacked=1</script>")
    page.click("#analyse")
    page.wait_for_selector("table.claims")
    assert "captured" in page.inner_text("table.claims")
    assert "<script>window.hacked=1</script>" in page.inner_text("textarea[name=text]") or "window.hacked" in page.inner_text(".doctext")
    assert page.query_selector(".doctext script") is None  # shown as text, never a script element
    page.screenshot(path=str(ARTIFACTS / "paste.png"), full_page=True)


def test_search_finds_a_place_by_an_inflected_russian_spelling(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", "Кучеровки")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert "Kucherivka" in page.content()
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
