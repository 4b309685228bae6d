"""IDX files: round trips, and every corruption a user might meet gives a clear DataError."""

from __future__ import annotations

import gzip
import hashlib

import numpy as np
import pytest

from model.data.idx import read_idx, write_idx
from model.errors import DataError


@pytest.mark.parametrize("name", ["images-idx3-ubyte", "images-idx3-ubyte.gz"])
def test_round_trip_raw_and_gzip(tmp_path, name):
    images = np.random.default_rng(0).integers(0, 256, size=(7, 28, 28), dtype=np.uint8)
    path = tmp_path / name
    write_idx(path, images)
    assert (path.read_bytes()[:2] == b"\x1f\x8b") == name.endswith(".gz")
    np.testing.assert_array_equal(read_idx(path), images)


def test_round_trip_labels_and_other_dtypes(tmp_path):
    labels = np.arange(10, dtype=np.uint8)
    write_idx(tmp_path / "labels", labels)
    np.testing.assert_array_equal(read_idx(tmp_path / "labels"), labels)
    floats = np.linspace(0, 1, 6, dtype=np.float32).reshape(2, 3)
    write_idx(tmp_path / "floats", floats)
    np.testing.assert_array_equal(read_idx(tmp_path / "floats"), floats)


def test_checksum_of_decompressed_bytes(tmp_path):
    labels = np.arange(10, dtype=np.uint8)
    write_idx(tmp_path / "a.gz", labels)
    digest = hashlib.sha256(gzip.decompress((tmp_path / "a.gz").read_bytes())).hexdigest()
    np.testing.assert_array_equal(read_idx(tmp_path / "a.gz", sha256=digest), labels)
    with pytest.raises(DataError, match=r"a\.gz: checksum mismatch"):
        read_idx(tmp_path / "a.gz", sha256="0" * 64)


def test_wrong_magic_number(tmp_path):
    path = tmp_path / "bad-idx"
    path.write_bytes(b"\x12\x34\x08\x01" + b"\x00\x00\x00\x01" + b"\x05")
    with pytest.raises(DataError, match=r"bad-idx: wrong magic number"):
        read_idx(path)


def test_truncated_payload(tmp_path):
    path = tmp_path / "short"
    write_idx(path, np.zeros((5, 4, 4), dtype=np.uint8))
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(DataError, match=r"short: header says 5x4x4 items .*truncated"):
        read_idx(path)


def test_truncated_gzip(tmp_path):
    path = tmp_path / "cut.gz"
    write_idx(path, np.zeros((50, 28, 28), dtype=np.uint8))
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(DataError, match=r"cut\.gz: corrupt or truncated gzip"):
        read_idx(path)


def test_missing_file_and_tiny_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        read_idx(tmp_path / "nope")
    (tmp_path / "tiny").write_bytes(b"\x00")
    with pytest.raises(DataError, match="too short"):
        read_idx(tmp_path / "tiny")


def test_write_is_atomic_no_temp_left(tmp_path):
    write_idx(tmp_path / "x.gz", np.zeros(3, dtype=np.uint8))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.gz"]
