"""A module that cannot be collected: its project import is gone (a collection error)."""
import pytest

from app.billing import invoice_total  # noqa: F401  (no such module: the error is the point)

pytestmark = pytest.mark.expect("logic")


def test_invoice_total():
    assert invoice_total([1, 2]) == 3
