"""A lock gives the memory the unlocked app used back to the computer (glibc keeps freed
memory otherwise: after years of notes, about 150 MB held all day by a locked Porchlight)."""

from __future__ import annotations

import sys

import pytest

from app.desktop import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_the_c_library_can_give_memory_back_here():
    assert memory.give_back_freed_memory() is True


def test_each_lock_gives_memory_back(qtbot, context, services, monkeypatch):
    services.close()
    from tests.ui.helpers import open_unlocked

    calls = []
    monkeypatch.setattr(memory, "give_back_freed_memory", lambda: calls.append(1) or True)
    window = open_unlocked(qtbot, context)
    assert calls == []
    window.lock()
    assert calls == [1] and window.services is None
    window.lock()  # already locked: nothing more to do
    assert calls == [1]
