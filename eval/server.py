"""Loopback stand-in for a broken staging environment (127.0.0.1 only), for the evaluation set.

GET /status/<code>        answers <code> with a JSON body naming the problem
GET /ok                   200 {"total": 10, "items": [...]}
GET /slow                 answers after 3 s (clients time out first)
GET /reset                closes the connection without answering (RST)
GET /loop                 302 to itself
GET /moved                301 to /login
anything else             404 "Cannot GET <path>"
"""
import json
import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODIES = {
    401: {"error": "unauthorized", "message": "JWT expired"},
    403: {"error": "forbidden", "message": "role admin required"},
    404: {"error": "not_found", "message": "no route"},
    405: {"error": "method_not_allowed"},
    422: {"error": "validation", "message": "quantity must be positive"},
    500: {"error": "internal", "message": "NullPointerException in OrderService"},
    502: {"error": "bad_gateway", "message": "upstream connect error"},
    503: {"error": "unavailable", "message": "database connection pool exhausted"},
    504: {"error": "gateway_timeout"},
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, code, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        path = self.path.split("?")[0]
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            return self.send_json(code, BODIES.get(code, {"code": code}))
        if path == "/ok" or path.startswith("/api/ok"):
            return self.send_json(200, {"total": 10, "items": [{"id": i} for i in range(3)]})
        if path == "/slow":
            time.sleep(3)
            return self.send_json(200, {"late": True})
        if path == "/reset":
            # No answer; linger 0 makes the server's close send RST once the handler returns.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if path == "/loop":
            return self.send_json(302, {}, [("Location", "/loop")])
        if path == "/moved":
            return self.send_json(301, {}, [("Location", "/login")])
        if path.startswith("/api/inventory"):
            return self.send_json(503, BODIES[503])
        data = f"Cannot {self.command} {path}".encode()
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
