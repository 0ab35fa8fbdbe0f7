"""The ways tests in the wild call an HTTP endpoint, each failing the way its library does."""
import asyncio
import http.client
import urllib.parse
import urllib.request

import aiohttp
import httpx
import requests

TIMEOUT = 0.5


def requests_raise(url):
    r = requests.get(url, timeout=TIMEOUT)
    r.raise_for_status()
    return r.json()


def requests_assert(url):
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 200
    return r.json()


def requests_assert_msg(url):
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 200, f"got {r.status_code}: {r.text[:80]}"
    return r.json()


def urllib_open(url):
    with urllib.request.urlopen(url, timeout=TIMEOUT) as resp:
        return resp.read()


def httpx_raise(url):
    r = httpx.get(url, timeout=TIMEOUT, follow_redirects=True)
    r.raise_for_status()
    return r.json()


def aiohttp_raise(url):
    async def go():
        timeout = aiohttp.ClientTimeout(total=TIMEOUT)
        async with aiohttp.ClientSession(timeout=timeout) as s:
            async with s.get(url, raise_for_status=True) as r:
                return await r.json()

    return asyncio.run(go())


def http_client(url):
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=TIMEOUT)
    conn.request("GET", u.path or "/")
    resp = conn.getresponse()
    assert resp.status == 200, f"{resp.status} {resp.reason}"
    return resp.read()


ALL = [requests_raise, requests_assert, requests_assert_msg, urllib_open, httpx_raise, aiohttp_raise, http_client]
LIBRARIES = [requests_raise, urllib_open, httpx_raise, aiohttp_raise]
