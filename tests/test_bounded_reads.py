"""Decompression stops at the expected size + 1 byte: a gzip bomb in the data folder is refused
quickly in bounded memory, with a DataError naming the file (issue 8, item 4)."""

from __future__ import annotations

import gzip
import shutil
import tracemalloc
import zlib

import numpy as np
import pytest

from model.cli import common as cli
from model.cli import evaluate
from model.data.idx import idx_size, read_idx, write_idx
from model.data.mnist import FILES, load_split
from model.errors import DataError
from model.files.bounded import decompress_gzip, read_file, read_gzip


def gzip_bomb(path, megabytes: int) -> None:
    """`megabytes` MB of zeros, gzip-compressed (about 200:1 at level 1)."""
    comp = zlib.compressobj(1, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    with open(path, "wb") as fh:
        for _ in range(megabytes):
            fh.write(comp.compress(chunk))
        fh.write(comp.flush())


def test_gzip_bomb_refused_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.gz"
    gzip_bomb(bomb, 512)
    assert bomb.stat().st_size < 4_000_000  # 512 MB once inflated
    tracemalloc.start()
    with pytest.raises(DataError, match=r"bomb\.gz: decompresses to more than 1\.0 MB"):
        read_gzip(bomb, 1_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # Bounded memory is what shows it stopped early (it never inflated the 512 MB); a time
    # bound would only measure how busy the machine is.
    assert peak < 20_000_000


def test_exact_size_reads_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "a.gz"
    path.write_bytes(gzip.compress(b"x" * 1000))
    assert read_gzip(path, 1000) == b"x" * 1000
    with pytest.raises(DataError, match="more than 999 bytes"):
        read_gzip(path, 999)
    assert read_file(path, 1000) == b"x" * 1000  # gzip detected by its magic bytes
    (tmp_path / "raw").write_bytes(b"y" * 10)
    assert read_file(tmp_path / "raw", 10) == b"y" * 10
    with pytest.raises(DataError, match="larger than 9 bytes"):
        read_file(tmp_path / "raw", 9)
    with pytest.raises(DataError, match="url: decompresses"):
        decompress_gzip(gzip.compress(b"z" * 100), 50, "url")


def test_unreadable_paths_are_named(tmp_path):
    with pytest.raises(DataError, match=r"none\.gz: file not found"):
        read_gzip(tmp_path / "none.gz", 10)
    (tmp_path / "d.gz").mkdir()
    with pytest.raises(DataError, match=r"d\.gz: not a regular file \(a directory\)"):
        read_gzip(tmp_path / "d.gz", 10)
    (tmp_path / "cut.gz").write_bytes(gzip.compress(b"q" * 5000)[:30])
    with pytest.raises(DataError, match=r"cut\.gz: corrupt or truncated gzip"):
        read_gzip(tmp_path / "cut.gz", 10_000)


def test_idx_reader_stops_at_the_expected_size(tmp_path):
    write_idx(tmp_path / "a.gz", np.zeros((100, 28, 28), np.uint8))
    assert read_idx(tmp_path / "a.gz", max_bytes=idx_size((100, 28, 28))).shape == (100, 28, 28)
    with pytest.raises(DataError, match=r"a\.gz: decompresses to more than"):
        read_idx(tmp_path / "a.gz", max_bytes=idx_size((99, 28, 28)))


def test_mnist_folder_with_a_bomb(tmp_path, mnist_dir, capsys):
    """A bomb in place of the test images: load_split and the CLI refuse it by name."""
    for spec in FILES.values():
        for candidate in (mnist_dir / f"{spec.name}.gz", mnist_dir / spec.name):
            if candidate.is_file() and "t10k-labels" in spec.name:
                shutil.copy(candidate, tmp_path / candidate.name)
    gzip_bomb(tmp_path / "t10k-images-idx3-ubyte.gz", 200)
    tracemalloc.start()
    with pytest.raises(DataError, match=r"t10k-images-idx3-ubyte\.gz: decompresses to more"):
        load_split("test", tmp_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40_000_000  # the test images are 7.8 MB
    assert cli.run(evaluate.main, ["--data-dir", str(tmp_path), "--drawn", "0"]) == 1
    err = capsys.readouterr().err
    assert "decompression bomb" in err and "Traceback" not in err
