"""Running tests inside an interception: functions, coroutine functions and test classes.

The same rules as moto's ``@mock_aws`` and ``unittest.mock.patch``, with a fresh start for every
test:

* a function or ``async`` function runs between ``start()`` and ``stop()``;
* a ``unittest.TestCase``: each test's ``setUp``, the test and its ``tearDown`` run inside (the
  interception starts before ``setUp`` and stops with the test's cleanups, after ``tearDown``);
* any other class (a pytest ``class TestX:``): each test's ``setup_method``, the test and its
  ``teardown_method`` run inside, the way pytest calls them.

A class is returned as the same class, so the test runner still collects every test in it.
"""

from __future__ import annotations

import functools
import inspect
import unittest
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

_T = TypeVar("_T")


class Interception(Protocol):
    def start(self) -> object: ...

    def stop(self) -> None: ...


def decorate(interception: Interception, target: _T) -> _T:
    """``target`` (a function, coroutine function or class) running inside ``interception``."""
    if isinstance(target, type):
        if issubclass(target, unittest.TestCase):
            return cast(_T, _decorate_test_case(interception, target))
        return cast(_T, _decorate_test_class(interception, target))
    if not callable(target):
        raise TypeError(f"mock_tonn decorates functions and classes, not {target!r}")
    return cast(_T, _decorate_callable(interception, target))


def _decorate_callable(interception: Interception, func: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            interception.start()
            try:
                return await func(*args, **kwargs)
            finally:
                interception.stop()

        return run_async

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        interception.start()
        try:
            return func(*args, **kwargs)
        finally:
            interception.stop()

    return run


def _decorate_test_case(interception: Interception, cls: type[unittest.TestCase]) -> type:
    original = cls.setUp

    @functools.wraps(original)
    def setUp(self: unittest.TestCase) -> None:
        interception.start()
        self.addCleanup(interception.stop)  # cleanups run after tearDown, failures included
        original(self)

    cls.setUp = setUp  # type: ignore[method-assign]
    return cls


def _decorate_test_class(interception: Interception, cls: type) -> type:
    original_setup = getattr(cls, "setup_method", None)
    original_teardown = getattr(cls, "teardown_method", None)

    def setup_method(self: object, method: Any = None) -> None:
        interception.start()
        try:
            _call_xunit(original_setup, self, method)
        except BaseException:
            interception.stop()  # pytest skips teardown_method when setup_method fails
            raise

    def teardown_method(self: object, method: Any = None) -> None:
        try:
            _call_xunit(original_teardown, self, method)
        finally:
            interception.stop()

    cls.setup_method = setup_method  # type: ignore[attr-defined]
    cls.teardown_method = teardown_method  # type: ignore[attr-defined]
    return cls


def _call_xunit(original: Callable[..., Any] | None, instance: object, method: Any) -> None:
    """Call a user's ``setup_method``/``teardown_method``, with the test method if it takes one."""
    if original is None:
        return
    if len(inspect.signature(original).parameters) >= 2:
        original(instance, method)
    else:
        original(instance)
