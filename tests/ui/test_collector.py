"""The cycle collector runs on the GUI thread only (a worker finalising a widget crashes)."""

import gc

from app.ui.collector import GuiThreadCollector


def test_automatic_collection_is_off_and_the_timer_collects(qtbot):
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()

        class Cycle:
            pass

        first, second = Cycle(), Cycle()
        first.other, second.other = second, first
        del first, second
        assert collector.collect() >= 2  # the cycle is found when the GUI thread asks
    finally:
        collector.deleteLater()
