import os
import pytest

@pytest.mark.parametrize("n", range(30))
def test_numbers(n):
    if os.environ.get("FIXED") != "1":
        assert n % 10 != 3
    assert True

def test_a():
    assert 1 == 1
