def test_a():
    assert 1

def test_b():
    assert 0, "boom"

def test_c():
    pass
