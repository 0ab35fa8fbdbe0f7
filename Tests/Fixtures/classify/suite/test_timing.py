"""Passing tests of an end-to-end file: five take over a second, one returns at once."""
import os
import time

import pytest


@pytest.mark.parametrize("step", ["login", "browse", "cart", "pay", "receipt"])
def test_journey(step):
    time.sleep(1.1)


def test_checkout_end_to_end():
    if not os.environ.get("E2E_BASE_URL"):
        return  # the early return an end-to-end test should not have
    time.sleep(1.1)
