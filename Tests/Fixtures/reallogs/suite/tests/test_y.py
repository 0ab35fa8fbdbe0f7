def test_d():
    assert 2 == 3
