import os
import socket

import pytest
import requests

BASE_URL = os.environ["STAGING_URL"]


def closed_port_url():
    """A loopback URL on a port nothing listens on (bound, then released)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def api():
    session = requests.Session()
    session.base = BASE_URL
    return session


@pytest.fixture
def cache_client():
    # The cache service of this environment is not running: setup fails before the test.
    resp = requests.get(closed_port_url() + "/ping", timeout=2)
    return resp
