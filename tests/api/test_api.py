"""The REST API: every route, auth, the error shape, size limits, no stack traces."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from frontwatch.api.app import create_app
from frontwatch.ledger.store import Store
from frontwatch.service import Frontwatch

TOKEN = "s3cret-token"


@pytest.fixture()
def client(tmp_path, res):
    fw = Frontwatch(Store.open(str(tmp_path / "api.db")), res)
    return TestClient(create_app(fw, token=TOKEN), raise_server_exceptions=False)


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def test_api_places_search_any_spelling(client):
    for q in ("Kupyansk", "Купянск", "Куп'янськ", "под Купянском"):
        r = client.get("/api/places", params={"q": q})
        assert r.status_code == 200 and r.json()["places"][0]["id"] == "UA63080090010026457"


def test_api_extract_does_not_store(client):
    r = client.post("/api/extract", json={"text": "Russian forces captured Vovchansk.", "lang": "en"})
    assert r.status_code == 200 and r.json()["claims"][0]["type"] == "captured"
    assert client.get("/api/claims").json()["claims"] == []


def test_api_documents_need_a_good_token(client):
    body = {"text": "Российские войска освободили Волчанск.", "date": "2024-12-08"}
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body, headers=auth("wrong")).status_code == 401
    r = client.post("/api/documents", json=body, headers=auth())
    assert r.status_code == 200 and r.json()["stored"] is True
    claims = client.get("/api/claims", params={"type": "captured"}).json()["claims"]
    assert claims and claims[0]["place"] == "UA63140010010035757"
    timeline = client.get("/api/places/UA63140010010035757").json()["timeline"]
    assert timeline[0]["sentence"] == "Российские войска освободили Волчанск."


def test_api_errors_have_one_json_shape(client):
    for method, url, kwargs, status in [
        ("get", "/api/places/UA000", {}, 404),
        ("get", "/api/claims", {"params": {"type": "bombed"}}, 422),
        ("get", "/api/places", {}, 422),
        ("post", "/api/extract", {"json": {"nope": 1}}, 422),
        ("get", "/nonexistent", {}, 404),
        ("post", "/api/extract", {"content": b"x" * 1_100_000, "headers": {"content-type": "application/json"}}, 413),
    ]:
        r = getattr(client, method)(url, **kwargs)
        assert r.status_code == status, url
        body = r.json()
        assert set(body["error"]) == {"code", "message"} and "Traceback" not in r.text


def test_api_script_in_a_document_comes_back_as_json_text(client):
    text = "<script>alert(1)</script> Russian forces captured Vovchansk."
    r = client.post("/api/extract", json={"text": text, "lang": "en"})
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" in r.json()["claims"][0]["sentence"]  # data, escaped by JSON, never executed


def test_api_stored_tokens_are_hashed_and_work(tmp_path, res):
    from sqlalchemy import select

    from frontwatch.ledger import schema as t

    store = Store.open(str(tmp_path / "tok.db"))
    client = TestClient(create_app(Frontwatch(store, res), token=""), raise_server_exceptions=False)
    token = store.create_token("newsroom")
    with store.engine.connect() as conn:
        stored = conn.execute(select(t.api_tokens.c.token_hash)).scalar()
    assert token not in stored and len(stored) == 64
    body = {"text": "Russian forces captured Vovchansk.", "lang": "en"}
    assert client.post("/api/documents", json=body, headers=auth(token)).status_code == 200
    assert client.post("/api/documents", json=body, headers=auth("nope")).status_code == 401
    cid = client.get("/api/claims").json()["claims"][0]["id"]
    r = client.get(f"/api/claims/{cid}")
    assert r.status_code == 200 and r.json()["claim"]["sentence"] == "Russian forces captured Vovchansk."
    assert client.get("/api/claims/999999").status_code == 404
    gj = client.get("/api/export.geojson").json()
    assert gj["type"] == "FeatureCollection" and gj["features"]
    assert store.revoke_token("newsroom")
    assert client.post("/api/documents", json=body, headers=auth(token)).status_code == 401


def test_api_rate_limit_per_token_answers_429_with_retry_after(tmp_path, res):
    store = Store.open(str(tmp_path / "rl.db"))
    client = TestClient(create_app(Frontwatch(store, res), token="", write_rate=3, extract_rate=2), raise_server_exceptions=False)
    a, b = store.create_token("desk-a"), store.create_token("desk-b")
    body = {"text": "Окупанти атакували поблизу Липців.", "lang": "uk"}
    codes = [client.post("/api/documents", json=body, headers=auth(a)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = client.post("/api/documents", json=body, headers=auth(a))
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1 and r.json()["error"]["code"] == "RateLimited"
    assert client.post("/api/documents", json=body, headers=auth(b)).status_code == 200  # another token has its own bucket
    assert [client.post("/api/extract", json=body).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/claims").status_code == 200  # reads are not limited


def test_rate_limiter_refills_with_time():
    from frontwatch.api.limits import RateLimiter
    from frontwatch.errors import RateLimited

    now = [0.0]
    lim = RateLimiter(60, clock=lambda: now[0])  # one a second, bursts of 60
    for _ in range(60):
        lim.hit("k")
    with pytest.raises(RateLimited) as exc:
        lim.hit("k")
    assert 0 < exc.value.retry_after <= 1.0
    now[0] += 1.0
    lim.hit("k")
    RateLimiter(0).hit("k")  # 0 disables


def test_api_closed_reads_need_a_token(tmp_path, res):
    store = Store.open(str(tmp_path / "closed.db"))
    client = TestClient(create_app(Frontwatch(store, res), token="", closed_reads=True), raise_server_exceptions=False)
    token = store.create_token("reader")
    for path in ("/api/claims", "/api/places?q=Kupiansk", "/", "/docs"):
        r = client.get(path)
        assert r.status_code == 401 and r.json()["error"]["code"] == "AuthError", path
        assert client.get(path, headers=auth("wrong")).status_code == 401
        assert client.get(path, headers=auth(token)).status_code == 200, path
    assert client.get("/static/style.css").status_code == 200
    open_client = TestClient(create_app(Frontwatch(store, res), token=""), raise_server_exceptions=False)
    assert open_client.get("/api/claims").status_code == 200  # open by default


def test_security_headers_and_csp_on_pages(client):
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["Content-Security-Policy"]
    api = client.get("/api/claims")
    assert api.headers["X-Content-Type-Options"] == "nosniff" and api.headers["X-Frame-Options"] == "DENY"
    assert api.headers["Server-Timing"].startswith("app;dur=") and "Content-Security-Policy" not in api.headers
    big = client.post("/api/extract", content=b"x" * 1_000_100, headers={"content-type": "application/json"})
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large" and big.headers["X-Frame-Options"] == "DENY"
