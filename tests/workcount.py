"""A deterministic measure of work for complexity tests: Python lines executed, not seconds.

Speed goals belong in benchmarks; tests that guard against super-linear behaviour compare the
work done on an input and on the same input made larger, which no machine load can disturb.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def executed_lines(function: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """The number of Python source lines executed by `function(*args, **kwargs)`."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        function(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def growth(work: Callable[[int], int], size: int, factor: int = 8) -> float:
    """How much more work `factor` times the input takes: about `factor` when linear."""
    return work(size * factor) / work(size)
