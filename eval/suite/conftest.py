"""Fixtures of the evaluation suite. Every test states the category its failure belongs to with
`@pytest.mark.expect("...")`; the label is written beside the logs, by the author of the
failure, not by the classifier."""
import os
import socket

import pytest

# Helpers that assert, rewritten like test code so their failures say what was compared (the
# common set-up); helpers_plain.py is left as it is, to keep the bare-AssertionError case.
pytest.register_assert_rewrite("clients")


def pytest_configure(config):
    config.addinivalue_line("markers", "expect(category): the true category of this test's failure")


def pytest_collection_modifyitems(session, config, items):
    out = os.environ.get("EVAL_LABELS")
    if not out:
        return
    with open(out, "a") as f:
        for item in items:
            mark = item.get_closest_marker("expect")
            if mark:
                f.write(f"{item.nodeid}\t{mark.args[0]}\n")


@pytest.fixture
def base():
    return os.environ["EVAL_URL"]


@pytest.fixture
def closed():
    """A loopback port nothing listens on."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def no_dns(monkeypatch):
    """Names under .invalid fail to resolve, without asking any name server (loopback only)."""
    real = socket.getaddrinfo

    def fake(host, *args, **kw):
        if isinstance(host, str) and host.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return "http://api-staging.invalid"


@pytest.fixture
def db_conn(closed):
    """A fixture that needs a service before the test starts: fails at setup when it is down."""
    port = int(closed.rsplit(":", 1)[1])
    s = socket.create_connection(("127.0.0.1", port), timeout=1)
    yield s
    s.close()
