"""Failure shapes that third-party suites print (see Tests/Fixtures/classify/README.md)."""
import logging
import os
import time
import warnings

import pytest

log = logging.getLogger("httpx")


def _query():
    raise RuntimeError("prepared transactions are disabled\nHINT:  Set max_prepared_transactions to a nonzero value.")


def test_native_chained():
    try:
        _query()
    except RuntimeError as e:
        raise ValueError("(psycopg2.errors.ObjectNotInPrerequisiteState) prepared transactions are disabled\n"
                         "[SQL: PREPARE TRANSACTION 'x']\n"
                         "(Background on this error at: https://sqlalche.me/e/21/e3q8)") from e


def test_log_records_compared(caplog):
    caplog.set_level(logging.INFO)
    log.info('HTTP Request: GET http://127.0.0.1:8000/redirect_301 "HTTP/1.1 301 Moved Permanently"')
    log.info('HTTP Request: GET http://127.0.0.1:8000/ "HTTP/1.1 200 OK"')
    assert caplog.record_tuples == [
        ("httpx", logging.INFO, 'HTTP Request: GET http://127.0.0.1:8000/redirect_301 "HTTP/1.1 301 Moved Permanently"'),
        ("httpx", logging.INFO, 'HTTP Request: GET http://127.0.0.1:8000/ "HTTP/1.1 200 OK"'),
        ("httpx", logging.INFO, 'HTTP Request: GET http://127.0.0.1:8000/ "HTTP/1.1 200 OK"'),
    ]


def test_looks_for_status_in_log(caplog):
    caplog.set_level(logging.INFO)
    log.info("HTTP Request: GET http://127.0.0.1:8000/ \"HTTP/1.1 200 OK\"")
    assert 'HTTP/1.1 301 Moved Permanently' in caplog.text


def test_warns_then_fails():
    warnings.warn("the old API is deprecated", DeprecationWarning)
    flag = os.environ.get("SHAPES_FLAG")
    assert flag == "on"


@pytest.fixture
def server():
    yield "http://127.0.0.1:9"
    raise OSError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)")


def test_fails_and_errors_at_teardown(server):
    reply = None
    assert reply is not None


ATTEMPTS = []


@pytest.mark.flaky(reruns=2)
def test_flaky_once():
    ATTEMPTS.append(1)
    if len(ATTEMPTS) == 1:
        raise ConnectionRefusedError("[Errno 111] Connection refused")
