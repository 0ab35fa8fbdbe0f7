"""Every library against a service that is down, slow, resetting, speaking another protocol,
unresolvable, misconfigured or looping."""
import pytest

from clients import LIBRARIES, http_client


def url_for(mode, base, closed, no_dns_host):
    return {
        "refused": f"{closed}/api/orders",
        "timeout": f"{base}/slow",
        "reset": f"{base}/reset",
        "tls": base.replace("http://", "https://") + "/ok",
        "dns": f"{no_dns_host}/api/orders",
        "no_scheme": base.replace("http://", "") + "/ok",
        "redirect_loop": f"{base}/loop",
    }[mode]


EXPECT = {"refused": "infrastructure", "timeout": "infrastructure", "reset": "infrastructure", "tls": "infrastructure",
          "dns": "infrastructure", "no_scheme": "routing", "redirect_loop": "routing"}

CASES = [pytest.param(c, m, id=f"{c.__name__}-{m}", marks=pytest.mark.expect(EXPECT[m])) for c in LIBRARIES for m in EXPECT]
CASES += [pytest.param(http_client, m, id=f"http_client-{m}", marks=pytest.mark.expect(EXPECT[m])) for m in ["refused", "timeout", "reset"]]


@pytest.mark.parametrize("client,mode", CASES)
def test_transport(base, closed, no_dns, client, mode):
    client(url_for(mode, base, closed, no_dns))
