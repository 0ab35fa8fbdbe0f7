"""Failures of the code or the test: the service answered, the result was wrong."""
import asyncio
import json

import pytest
import requests

logic = pytest.mark.expect("logic")
infra = pytest.mark.expect("infrastructure")
routing = pytest.mark.expect("routing")


def get_ok(base):
    return requests.get(f"{base}/ok", timeout=1).json()


@logic
def test_order_total(base):
    assert get_ok(base)["total"] == 11


@logic
def test_items_count(base):
    assert len(get_ok(base)["items"]) == 4


@logic
def test_item_ids(base):
    assert [i["id"] for i in get_ok(base)["items"]] == [1, 2, 3]


@logic
def test_orders_key(base):
    assert get_ok(base)["orders"]


@logic
def test_price_sum(base):
    assert sum(i["price"] for i in get_ok(base)["items"]) > 0


@logic
def test_average(base):
    items = [i for i in get_ok(base)["items"] if i["id"] > 10]
    assert sum(i["id"] for i in items) / len(items) > 1


@logic
def test_customer_name(base):
    customer = get_ok(base).get("customer")
    assert customer.upper() == "ACME"


@logic
def test_parse_quantity():
    assert int("3 items") == 3


@logic
def test_first_page(base):
    assert get_ok(base)["items"][5]["id"] == 5


@logic
def test_rejects_negative_quantity():
    with pytest.raises(ValueError):
        int("-3")


@logic
def test_event_loop_reuse():
    loop = asyncio.new_event_loop()
    loop.close()
    loop.run_until_complete(asyncio.sleep(0))


@logic
def test_future_other_loop():
    other = asyncio.new_event_loop()
    fut = other.create_future()

    async def wait():
        await fut

    try:
        asyncio.run(wait())
    finally:
        other.close()


@logic
def test_status_field(base):
    assert get_ok(base)["status"] == "ready"


@logic
def test_payload_roundtrip():
    assert json.loads(json.dumps({"a": 1.10})) == {"a": 1.1, "b": None}


@logic
def test_sorted_totals():
    assert sorted([3, 1, 2], reverse=True) == [1, 2, 3]


# --- Vague failures: the text names only the endpoint; the curl trace of that endpoint has the cause.

@infra
def test_inventory_counts(base):
    r = requests.get(f"{base}/api/inventory/counts", timeout=1)
    data = r.json() if r.ok else {}
    assert data.get("count") == 3, f"unexpected inventory from {r.url}"


@infra
def test_inventory_reserved(base):
    r = requests.get(f"{base}/api/inventory/reserved", timeout=1)
    data = r.json() if r.ok else {}
    assert data.get("reserved") == 0, f"no reservation data from {r.url}"


@infra
def test_inventory_body_error(base):
    body = requests.get(f"{base}/api/inventory/levels", timeout=1).json()
    assert "items" in body


# --- Honest hard cases: the cause is a 404 page, but the failure only says the JSON was not JSON.

@routing
def test_catalog_json(base):
    requests.get(f"{base}/api/v3/catalog", timeout=1).json()


@routing
def test_search_json(base):
    json.loads(requests.get(f"{base}/api/v3/search?q=x", timeout=1).text)
