"""Results worked out once and kept for every later run that asks the same thing.

Every rerun of a page used to rebuild the same tables from the same content (the comparison page
spent most of its time on it, docs/performance.md). Content is read-only once it has passed the
check, and a reload makes a new Content object, so a result is keyed by the function, the
words being spoken (the language's catalogue), and its arguments: content and tables by identity, everything else by
value. A kept result is shared by every session: callers must treat it as read-only."""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable

from explorer import words

# Enough for every page of the common selections in every language; the least recently asked go
# first. Every page of every selection, situation and language (1,240 runs) grew the server by
# about 61 MiB with this limit, 105 MiB with 4,096.
LIMIT = 1024
_kept: OrderedDict[tuple, tuple[list, object]] = OrderedDict()
_lock = threading.Lock()


def kept(function: Callable) -> Callable:
    """`function`, whose result for the same arguments and language is worked out only once."""

    @functools.wraps(function)
    def remembered(*args, **kwargs):
        # The words being spoken (the current language's catalogue, by identity), and arguments
        # keyed by identity, live as long as the entry: their ids stay theirs.
        spoken = words.catalogue(words.current_language())
        held: list = [spoken]
        key = (
            function,
            id(spoken),
            tuple(_key(value, held) for value in args),
            tuple(sorted((name, _key(value, held)) for name, value in kwargs.items())),
        )
        with _lock:
            entry = _kept.get(key)
            if entry is not None:
                _kept.move_to_end(key)
                return entry[1]
        result = function(*args, **kwargs)
        with _lock:
            _kept[key] = (held, result)
            while len(_kept) > LIMIT:
                _kept.popitem(last=False)
        return result

    return remembered


def _key(value: object, held: list) -> object:
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_key(item, held) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(value))
    if isinstance(value, dict):
        return ("dict", tuple((name, _key(item, held)) for name, item in value.items()))
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if dataclasses.is_dataclass(value) and not value.__dataclass_params__.frozen:
        # Something that changes (a person's answers): by what it holds now.
        return (
            type(value).__name__,
            tuple(_key(getattr(value, item.name), held) for item in dataclasses.fields(value)),
        )
    # Content, tables and anything else: the very object (a new, equal one is simply a miss).
    held.append(value)
    return ("id", id(value))


def forget() -> None:
    """Drop every kept result: a new content makes them stale (explorer.data.ContentStore)."""
    with _lock:
        _kept.clear()
