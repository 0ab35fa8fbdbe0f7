"""Databases, caches, WebSockets, gRPC, tokens and secrets, failing as each does."""
import asyncio
import datetime
import os
import threading
import time
from concurrent import futures

import grpc
import jwt
import psycopg
import pytest
import redis
import websockets
from websockets.asyncio.server import serve

infra = pytest.mark.expect("infrastructure")
auth = pytest.mark.expect("auth")
routing = pytest.mark.expect("routing")
logic = pytest.mark.expect("logic")


def port_of(url):
    return int(url.rsplit(":", 1)[1])


@infra
def test_orders_db_setup(db_conn):
    assert db_conn


@infra
def test_reports_db_setup(db_conn):
    assert db_conn


@infra
def test_redis_ping(closed):
    redis.Redis(host="127.0.0.1", port=port_of(closed), socket_connect_timeout=1).ping()


@infra
def test_redis_cache_get(closed):
    redis.Redis(host="127.0.0.1", port=port_of(closed), socket_connect_timeout=1).get("session:42")


@infra
def test_postgres_connect(closed):
    psycopg.connect(host="127.0.0.1", port=port_of(closed), user="app", dbname="orders", connect_timeout=1)


# --- WebSockets: a loopback server that closes the way a broken or strict backend does.

def ws_server(handler_code, reason):
    async def handler(ws):
        await ws.close(code=handler_code, reason=reason)

    ready = threading.Event()
    box = {}

    def run():
        async def main():
            async with serve(handler, "127.0.0.1", 0) as server:
                box["port"] = server.sockets[0].getsockname()[1]
                ready.set()
                await asyncio.sleep(5)

        asyncio.run(main())

    threading.Thread(target=run, daemon=True).start()
    ready.wait(5)
    return f"ws://127.0.0.1:{box['port']}/events"


async def receive_one(url):
    async with websockets.connect(url) as ws:
        return await ws.recv()


@infra
def test_ws_events_internal_error():
    asyncio.run(receive_one(ws_server(1011, "internal error")))


@infra
def test_ws_agent_stream_try_later():
    asyncio.run(receive_one(ws_server(1013, "try again later")))


@auth
def test_ws_events_policy_violation():
    asyncio.run(receive_one(ws_server(1008, "invalid token")))


@infra
def test_ws_connect_refused(closed):
    asyncio.run(receive_one(closed.replace("http://", "ws://") + "/events"))


@auth
def test_ws_handshake_forbidden(base):
    asyncio.run(receive_one(base.replace("http://", "ws://") + "/status/403"))


# --- gRPC: generic calls (no generated code) to a loopback server.

class Handler(grpc.GenericRpcHandler):
    def service(self, details):
        outcomes = {
            "/orders.Orders/Get": (grpc.StatusCode.NOT_FOUND, "order 42 not found"),
            "/auth.Auth/Check": (grpc.StatusCode.UNAUTHENTICATED, "invalid bearer token"),
            "/admin.Admin/Stats": (grpc.StatusCode.PERMISSION_DENIED, "missing scope admin.read"),
            "/orders.Orders/Slow": None,
        }
        if details.method not in outcomes:
            return None
        outcome = outcomes[details.method]

        def unary(request, context):
            if outcome is None:
                time.sleep(2)
                return b""
            context.abort(*outcome)

        return grpc.unary_unary_rpc_method_handler(unary)


@pytest.fixture(scope="module")
def grpc_target():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    server.add_generic_rpc_handlers((Handler(),))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(0)


def call(target, method, timeout=1.0):
    with grpc.insecure_channel(target) as ch:
        return ch.unary_unary(method)(b"", timeout=timeout)


@infra
def test_grpc_unavailable(closed):
    call(f"127.0.0.1:{port_of(closed)}", "/orders.Orders/Get")


@infra
def test_grpc_deadline(grpc_target):
    call(grpc_target, "/orders.Orders/Slow", timeout=0.3)


@auth
def test_grpc_unauthenticated(grpc_target):
    call(grpc_target, "/auth.Auth/Check")


@auth
def test_grpc_permission_denied(grpc_target):
    call(grpc_target, "/admin.Admin/Stats")


@routing
def test_grpc_unimplemented(grpc_target):
    call(grpc_target, "/orders.OrdersV2/List")


@logic
def test_grpc_order_missing(grpc_target):
    call(grpc_target, "/orders.Orders/Get")


# --- Tokens and secrets.

KEY = "eval-signing-key-not-a-secret-0123456789"


@auth
def test_jwt_expired():
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
    token = jwt.encode({"sub": "eval-user", "exp": past}, KEY, algorithm="HS256")
    jwt.decode(token, KEY, algorithms=["HS256"])


@auth
def test_jwt_wrong_key():
    token = jwt.encode({"sub": "eval-user"}, KEY, algorithm="HS256")
    jwt.decode(token, KEY + "-rotated", algorithms=["HS256"])


@auth
def test_staging_token_from_env():
    token = os.environ["STAGING_API_TOKEN"]
    assert token


@auth
def test_bearer_rejected(base):
    import requests

    r = requests.get(f"{base}/status/401", headers={"Authorization": "Bearer eval-token"}, timeout=1)
    body = r.json()
    assert body.get("message") != "JWT expired", f"token rejected: {body}"
