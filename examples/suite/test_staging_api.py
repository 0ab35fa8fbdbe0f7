"""An end-to-end suite against the loopback staging stand-in: every way a staging run fails."""
import os

import pytest
import requests

from conftest import closed_port_url

# A real-looking (expired, unsigned) JWT: the report must never show it.
EXPIRED_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdGFnaW5nLWUyZS11c2VyLTAwMyIsImV4cCI6MTc1NzM2NTg2N30"
    ".c2lnbmF0dXJlLW5vdC1yZWFsLWJ1dC1sb25nLWVub3VnaC10by1sb29rLXJlYWw"
)


def test_health_endpoint(api):
    resp = api.get(api.base + "/health", timeout=2)
    assert resp.status_code == 200


def test_get_user(api):
    resp = api.get(api.base + "/api/users/42", timeout=2)
    assert resp.json()["name"] == "Ada"


def test_list_orders(api):
    resp = api.get(api.base + "/api/orders", timeout=2)
    resp.raise_for_status()


def test_admin_stats_requires_role(api):
    resp = api.get(api.base + "/api/admin/stats", timeout=2)
    resp.raise_for_status()


def test_profile_with_token(api):
    token = EXPIRED_TOKEN
    headers = {"Authorization": f"Bearer {token}"}
    resp = api.get(api.base + "/api/profile", headers=headers, timeout=2)
    assert resp.status_code == 200, f"got {resp.status_code}: {resp.json()['message']}"


def test_session_route(api):
    resp = api.get(api.base + "/api/v2/sessions/current", timeout=2)
    assert resp.status_code == 200, f"GET /api/v2/sessions/current returned {resp.status_code}"


def test_slow_report(api):
    api.get(api.base + "/api/reports/slow", timeout=1)


def test_search_service_down():
    requests.get(closed_port_url() + "/search?q=staging", timeout=2)


def test_order_total(api):
    order = api.get(api.base + "/api/orders/1001", timeout=2).json()
    assert order["total"] == order["items"] * 33.0


def test_cache_warmup(cache_client):
    assert cache_client.status_code == 200


def test_realtime_events(api):
    # The suite's own fallback: when the WebSocket is not reachable it uses a mock and passes.
    print("WARNING: Using MockWebSocket fallback (connection refused)")
    assert True


@pytest.mark.skipif(os.environ.get("BILLING_URL") is None, reason="staging environment unavailable: BILLING_URL not set")
def test_billing_invoice():
    pass


@pytest.mark.xfail(reason="known bug: pagination off by one (JIRA-1234)")
def test_pagination(api):
    assert len(api.get(api.base + "/api/users/42", timeout=2).json()) == 4


@pytest.mark.parametrize("user_id", [42, 7])
def test_user_lookup(api, user_id):
    resp = api.get(api.base + f"/api/users/{user_id}", timeout=2)
    assert resp.status_code == 200
