"""Honest hard cases: a bare AssertionError from an unrewritten helper; the status is not in the text."""
import pytest

from helpers_plain import expect_ok

CASES = [pytest.param(s, id=str(s), marks=pytest.mark.expect(c)) for s, c in [(401, "auth"), (503, "infrastructure"), (404, "routing")]]


@pytest.mark.parametrize("status", CASES)
def test_plain_helper(base, status):
    expect_ok(f"{base}/status/{status}")
