"""Every client against every failing status the stand-in serves."""
import pytest

from clients import ALL

EXPECT = {500: "infrastructure", 502: "infrastructure", 503: "infrastructure", 504: "infrastructure",
          401: "auth", 403: "auth", 404: "routing", 405: "routing", 422: "logic"}

CASES = [pytest.param(c, s, id=f"{c.__name__}-{s}", marks=pytest.mark.expect(EXPECT[s])) for c in ALL for s in EXPECT]


@pytest.mark.parametrize("client,status", CASES)
def test_status(base, client, status):
    client(f"{base}/status/{status}")
