"""`lazy_property`: an attribute computed on first read, then stored on the instance."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class lazy_property(Generic[T]):
    """`functools.cached_property` without its lock (Python 3.11 takes an `RLock` on every
    first read, a cost on the hot paths of detection; 3.12 dropped it). A non-data descriptor:
    the first read stores the value in the instance's `__dict__`, which later reads find
    without calling the descriptor. Not for instances shared between threads while unread."""

    def __init__(self, function: Callable[[Any], T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value
