def add(a, b):
    """Add two numbers.

    >>> add(1, 2)
    3
    >>> add(2, 2)
    5
    """
    return a + b


def mul(a, b):
    """Multiply.

    >>> mul(2, 3)
    6
    """
    return a * b


def div(a, b):
    """Divide.

    >>> div(1, 0)
    0
    """
    return a / b
