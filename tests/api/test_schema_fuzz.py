"""Property-based testing of every operation in the OpenAPI schema (schemathesis): whatever the
schema allows, the server never answers 5xx, and every error keeps the one JSON shape."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from frontwatch.api.app import create_app
from frontwatch.ledger.store import Store
from frontwatch.service import Frontwatch

TOKEN = "schema-fuzz-token"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, res):
    fw = Frontwatch(Store.open(str(tmp_path_factory.mktemp("sf") / "s.db")), res)
    fw.store.add_documents([fw.analyse("Russian forces captured Vovchansk, the Russian MoD claimed.", lang="en")])
    app = create_app(fw, token=TOKEN, write_rate=0, extract_rate=0)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_schema_no_server_errors(api_schema):
    # Driven by hand rather than by schemathesis' pytest plugin, which does not run under this
    # pytest; the strategies are the same.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7
    seen: list[str] = []
    calls: list[int] = []
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            calls.append(response.status_code)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
            if response.status_code >= 400:
                assert set(response.json()["error"]) == {"code", "message"}

        check()
        seen.append(f"{op.method.upper()} {op.path}")
    assert "POST /api/documents" in seen and "GET /api/claims" in seen
    assert len(calls) >= 5 * len(operations) and 200 in calls
