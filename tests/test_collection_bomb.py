"""A collection file whose content is unusable is set aside like any other bad file, even when
the reader refused it before parsing (issue 20, item 6: a gzip bomb was left in place and the
collection went read-only); a file that cannot be read at all stays put, read-only."""

from __future__ import annotations

import builtins
import gzip
from pathlib import Path

import pytest

from model.data import collection as module
from model.data.collection import Collection, read_collection
from model.errors import SaveError

ONE = [[(140.0, 40.0), (140.0, 240.0)]]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda: gzip.compress(bytes(module.MAX_BYTES + 1), 1), id="gzip bomb"),
        pytest.param(lambda: gzip.compress(b'{"format": "lenet')[:-6], id="truncated gzip"),
    ],
)
def test_content_the_reader_refuses_is_set_aside(tmp_path: Path, content) -> None:
    path = tmp_path / "collection.json"
    data = content()
    path.write_bytes(data)
    collection = Collection.open(path)
    assert not collection.read_only
    assert "kept unchanged as" in collection.notice and len(collection) == 0
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("collection.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == data
    collection.keep(ONE, 1)  # a new collection starts; the set-aside file is untouched
    assert len(read_collection(path)) == 1 and aside[0].read_bytes() == data


def test_a_file_that_cannot_be_opened_stays_in_place_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(As root chmod 0 changes nothing, so the open itself is made to fail.)"""
    path = tmp_path / "collection.json"
    path.write_bytes(module.serialize([module.make_drawing(ONE, 1)]))
    real_open = builtins.open

    def no_permission(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_permission)
    collection = Collection.open(path)
    assert collection.read_only and "permission denied" in collection.notice
    with pytest.raises(SaveError):
        collection.keep(ONE, 7)
    monkeypatch.undo()
    assert path.exists() and len(read_collection(path)) == 1
    assert [p.name for p in tmp_path.iterdir() if "corrupt" in p.name] == []
