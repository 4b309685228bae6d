"""The personal collection: keep, relabel, delete, undo, export/import, and files that must
never be overwritten (corrupt, newer version, unreadable)."""

from __future__ import annotations

import json
import os
import sys

import numpy as np
import pytest

from model.data.collection import (
    FORMAT,
    Collection,
    default_collection_path,
    make_drawing,
    read_collection,
    serialize,
)
from model.errors import CollectionError, SaveError

SEVEN = [[(60.0, 60.0), (200.0, 60.0), (120.0, 230.0)], [(100.0, 140.0), (180.0, 140.0)]]
ONE = [[(140.0, 40.0), (140.0, 240.0)]]
FOUR = [[(80.0, 40.0), (60.0, 160.0), (200.0, 160.0)], [(170.0, 60.0), (170.0, 250.0)]]


def test_default_location_follows_xdg_data_home(tmp_path, monkeypatch):
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG applies on Linux and the BSDs")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_collection_path() == tmp_path / "lenet-lens" / "collection.json"
    collection = Collection.open()
    collection.keep(SEVEN, 7, predicted=1)
    assert (tmp_path / "lenet-lens" / "collection.json").is_file()


def test_keep_stores_strokes_label_date_prediction_and_survives_reopening(tmp_path):
    path = tmp_path / "c.json"
    collection = Collection.open(path)
    kept = collection.keep(SEVEN, 7, pen_width=12.5, predicted=1)
    again = Collection.open(path)
    assert len(again) == 1
    d = again.drawings[0]
    assert (d.id, d.label, d.predicted, d.pen_width) == (kept.id, 7, 1, 12.5)
    assert d.created.endswith("Z") and d.created[:2] == "20"
    assert [s.tolist() for s in d.strokes] == [[list(p) for p in s] for s in SEVEN]
    doc = json.loads(path.read_text())
    assert (doc["format"], doc["version"]) == (FORMAT, 1)


def test_keeping_the_same_drawing_twice_does_not_duplicate_it(tmp_path):
    collection = Collection.open(tmp_path / "c.json")
    first = collection.keep(SEVEN, 1)
    second = collection.keep(SEVEN, 7)
    assert first.id == second.id and len(collection) == 1
    assert collection.get(first.id).label == 7


def test_relabel_delete_and_undo_last_keep(tmp_path):
    path = tmp_path / "c.json"
    collection = Collection.open(path)
    seven = collection.keep(SEVEN, 1)
    one = collection.keep(ONE, 1)
    collection.relabel(seven.id, 7)
    assert Collection.open(path).get(seven.id).label == 7
    assert collection.by_label()[7] == [collection.get(seven.id)]
    four = collection.keep(FOUR, 4)
    assert collection.undo_last_keep() == four
    assert [d.id for d in Collection.open(path)] == [seven.id, one.id]
    collection.delete(one.id)
    assert [d.id for d in Collection.open(path)] == [seven.id]
    assert collection.undo_last_keep().id == seven.id  # one was deleted: undo skips it
    assert collection.undo_last_keep() is None
    assert len(Collection.open(path)) == 0
    with pytest.raises(KeyError):
        collection.delete("nope")
    with pytest.raises(ValueError):
        collection.keep(ONE, 10)
    with pytest.raises(ValueError):
        collection.keep([], 3)


def test_deleted_drawings_come_back_where_they_were(tmp_path):
    """The undo of My drawings' Delete: drawings deleted together come back in one change, in
    their old places, and one kept again meanwhile is not duplicated."""
    path = tmp_path / "c.json"
    collection = Collection.open(path)
    seven, one, four = (collection.keep(s, label) for s, label in ((SEVEN, 7), (ONE, 1), (FOUR, 4)))
    removed = collection.delete_many([seven.id, four.id])
    assert [d.id for d in Collection.open(path)] == [one.id]
    assert collection.restore(removed) == 2
    assert [d.id for d in Collection.open(path)] == [seven.id, one.id, four.id]
    assert collection.drawings == Collection.open(path).drawings
    removed = collection.delete_many([one.id])
    collection.keep(ONE, 1)  # kept again before the undo
    assert collection.restore(removed) == 0 and len(Collection.open(path)) == 3
    with pytest.raises(KeyError):
        collection.delete_many([seven.id, "nope"])
    assert len(collection) == 3


def test_export_import_round_trip_merges_without_duplicates(tmp_path):
    mine = Collection.open(tmp_path / "mine.json")
    mine.keep(SEVEN, 7, predicted=1)
    mine.keep(ONE, 1, predicted=1)
    exported = mine.export(tmp_path / "export.json")
    theirs = Collection.open(tmp_path / "theirs.json")
    theirs.keep(ONE, 1)
    theirs.keep(FOUR, 4, predicted=9)
    result = theirs.import_file(exported)
    assert (result.added, result.skipped) == (1, 1)
    assert sorted(d.label for d in Collection.open(tmp_path / "theirs.json")) == [1, 4, 7]
    again = theirs.import_file(exported)
    assert (again.added, again.skipped) == (0, 2) and len(theirs) == 3
    assert read_collection(exported) == mine.drawings


def test_the_id_is_stable_across_files_and_rounding(tmp_path):
    a = make_drawing(SEVEN, 7)
    b = make_drawing([np.array(s) + 1e-4 for s in SEVEN], 1)  # same after rounding to 1/100
    assert a.id == b.id and len(a.id) == 16


@pytest.mark.parametrize(
    ("content", "reason", "words"),
    [
        (b'{"format": "lenet-lens-collection", "version": 1, "drawings": [', "corrupt", "JSON"),
        (b"\x00\xff garbage", "corrupt", "not a collection"),
        (b'{"format": "something-else"}', "corrupt", "not a LeNet Lens collection"),
        (
            b'{"format": "lenet-lens-collection", "version": 1, "drawings": [{"label": 12}]}',
            "corrupt",
            "drawing 1",
        ),
        (b'{"format": "lenet-lens-collection", "version": 2, "drawings": []}', "newer", "newer"),
    ],
)
def test_bad_or_newer_file_is_set_aside_not_overwritten(tmp_path, content, reason, words):
    path = tmp_path / "collection.json"
    path.write_bytes(content)
    collection = Collection.open(path)
    assert words in collection.notice and "kept unchanged as" in collection.notice
    assert not path.exists() and len(collection) == 0
    aside = [p for p in tmp_path.iterdir() if p.name.startswith(f"collection.json.{reason}-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert aside[0].name in collection.notice
    collection.keep(ONE, 1)  # a new collection starts; the set-aside file is untouched
    assert aside[0].read_bytes() == content and len(read_collection(path)) == 1
    path.write_bytes(content)  # the same again: a second, distinct name
    Collection.open(path)
    assert len([p for p in tmp_path.iterdir() if f".{reason}-" in p.name]) == 2


def test_strict_read_names_the_file_and_problem(tmp_path):
    path = tmp_path / "c.json"
    path.write_text('{"format": "lenet-lens-collection", "version": 1, "drawings": {}}')
    with pytest.raises(CollectionError, match=r"c\.json.*'drawings' is not a list"):
        read_collection(path)
    assert path.exists()  # the strict reader never moves a file
    with pytest.raises(CollectionError, match="not found"):
        read_collection(tmp_path / "missing.json")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unreadable_file_is_left_in_place_and_never_overwritten(tmp_path):
    path = tmp_path / "c.json"
    path.write_bytes(serialize([make_drawing(SEVEN, 7)]))
    path.chmod(0)
    try:
        collection = Collection.open(path)
        assert collection.read_only and "permission denied" in collection.notice
        with pytest.raises(SaveError):
            collection.keep(ONE, 1)
    finally:
        path.chmod(0o644)
    assert len(read_collection(path)) == 1


def test_failed_save_changes_neither_file_nor_collection(tmp_path, monkeypatch):
    path = tmp_path / "c.json"
    collection = Collection.open(path)
    collection.keep(SEVEN, 7)
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise SaveError(f"{path}: cannot save (No space left on the device)")

    monkeypatch.setattr("model.data.collection.atomic_write_bytes", full_disk)
    with pytest.raises(SaveError, match="No space"):
        collection.keep(ONE, 1)
    assert len(collection) == 1 and path.read_bytes() == before
