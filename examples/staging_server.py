#!/usr/bin/env python3
"""A stand-in for a broken staging environment, on 127.0.0.1 only.

Endpoints fail the way real staging does: 503 from a dead upstream, 401 with an expired token,
403 for a missing role, 404 for an undeployed route, a handler slower than any client timeout.
Run it alone (`staging_server.py PORT`) or import `start()` from a script or a test.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROUTES = {
    "/health": (200, {"status": "ok"}),
    "/api/users/42": (200, {"id": 42, "name": "Ada", "plan": "pro"}),
    "/api/orders/1001": (200, {"id": 1001, "total": 99.50, "currency": "EUR", "items": 3}),
    "/api/orders": (503, {"error": "upstream unavailable", "detail": "orders-db connection pool exhausted"}),
    "/api/admin/stats": (403, {"error": "forbidden", "message": "role 'admin' required"}),
    "/api/profile": (401, {"error": "unauthorized", "message": "JWT expired at 2025-09-08T21:04:27Z"}),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/api/reports/slow":
            time.sleep(3)
            return self._send(200, {"status": "late"})
        if path in ROUTES:
            status, body = ROUTES[path]
            headers = []
            if status == 401:
                headers.append(("WWW-Authenticate", 'Bearer error="invalid_token", error_description="The access token expired"'))
            if status == 503:
                headers.append(("Retry-After", "30"))
            return self._send(status, body, headers)
        return self._send(404, {"error": "not found", "path": path})

    do_POST = do_GET


def start(port=0):
    """Starts the server on 127.0.0.1 in a daemon thread; returns (server, base_url)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


if __name__ == "__main__":
    srv, url = start(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        srv.shutdown()
