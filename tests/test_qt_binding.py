"""A guard for a waiting-room computer that runs the app all day: PySide6-Essentials 6.12.0 lets go
of a reference to None (and True and False) on every Qt call that returns nothing, under Python
before 3.12, and the process aborts after a few thousand calls. pyproject.toml keeps to a release
without the bug; this test notices if one comes back."""
from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and booleans are immortal from Python 3.12")
def test_qt_calls_do_not_leak_references_to_none(qapp):
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for index in range(500):
        field.setText(str(index))
        field.isEnabled()
        qapp.processEvents()
    assert sys.getrefcount(None) - before_none > -50
    assert sys.getrefcount(True) - before_true > -50
