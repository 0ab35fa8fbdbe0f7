"""A helper module pytest does not rewrite: its failed asserts say only `AssertionError`."""
import requests


def expect_ok(url):
    r = requests.get(url, timeout=0.5)
    assert r.status_code == 200
