"""Results worked out once and kept for every later run that asks the same thing.

Every rerun of a page used to rebuild the same tables from the same content (the comparison page
spent most of its time on it, docs/performance.md). A result is keyed by the function, the
language being spoken, and its arguments by value, never by an object's identity, so identical
reruns find the same entries and the kept results stay bounded (LIMIT):
- content by the files it was built from (its `memo_key`: equal files, equal key, so a reload of
  unchanged files finds the same results, and an edit makes new ones while the old age out);
- a result this memo made (a table, a list, a summary), passed on to another kept function, by
  the call that made it (it is read-only, and kept here while that call's key points to it);
  any other table by its values;
- a person's answers and other dataclasses by what they hold now; ids, codes and numbers as
  themselves; a function by its name.
A kept result is shared by every session: callers must treat it as read-only."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import numbers
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping

import pandas as pd

from explorer import words

# Enough for every page of the common selections in every language; the least recently asked go
# first. Every page of every selection, situation and language (1,240 runs) grew the server by
# about 61 MiB with this limit, 105 MiB with 4,096.
LIMIT = 1024
_kept: OrderedDict[tuple, object] = OrderedDict()
# The key of each kept result, found by the result's id: only while the result is kept, so that
# the id is its own (an id is reused only once its object is gone).
_made_by: dict[int, tuple] = {}
_lock = threading.Lock()


def kept(function: Callable) -> Callable:
    """`function`, whose result for the same arguments and language is worked out only once."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def remembered(*args, **kwargs):
        key = (
            name,
            words.current_language(),
            tuple(key_of(value) for value in args),
            tuple(sorted((item, key_of(value)) for item, value in kwargs.items())),
        )
        with _lock:
            if key in _kept:
                _kept.move_to_end(key)
                return _kept[key]
        result = function(*args, **kwargs)
        with _lock:
            _keep(key, result)
        return result

    return remembered


def _keep(key: tuple, result: object) -> None:
    if key in _kept:  # another session worked it out meanwhile: keep one
        return
    _kept[key] = result
    if not _is_plain(result):
        _made_by[id(result)] = key
    while len(_kept) > LIMIT:
        old_key, old = _kept.popitem(last=False)
        if _made_by.get(id(old)) == old_key:
            del _made_by[id(old)]


def key_of(value: object) -> object:
    """What an argument is, for the key: its value, never its identity (see the module's text)."""
    if _is_plain(value):
        return value
    if hasattr(value, "memo_key"):  # checked content: by the files it was built from
        return ("content", value.memo_key)
    with _lock:
        made_by = _made_by.get(id(value))
    if made_by is not None:
        return ("made_by", made_by)
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return ("table", _table_value(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(key_of(item) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(key_of(item) for item in value))
    if isinstance(value, Mapping):
        return ("mapping", tuple((key_of(name), key_of(item)) for name, item in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            tuple(key_of(getattr(value, field.name)) for field in dataclasses.fields(value)),
        )
    if callable(value):  # a chart builder and the like
        return ("function", f"{value.__module__}.{value.__qualname__}")
    raise TypeError(f"memo: no key for a {type(value).__name__}; add one to memo.key_of")


def _is_plain(value: object) -> bool:
    return isinstance(value, (str, bool, type(None), numbers.Number))


def _table_value(table: pd.DataFrame | pd.Series) -> str:
    """A digest of a table's values, labels and types."""
    try:
        cells = pd.util.hash_pandas_object(table, index=True).to_numpy().tobytes()
    except TypeError:  # cells pandas cannot hash (lists): their pickled form
        cells = pickle.dumps(table)
    if isinstance(table, pd.DataFrame):
        labels = repr((list(table.columns), list(map(str, table.dtypes))))
    else:
        labels = repr((table.name, str(table.dtype)))
    return hashlib.sha256(cells + labels.encode()).hexdigest()
