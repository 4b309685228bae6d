"""Errors from model/ carry a stable id the GUI translates, and name the right data set.

A broken pen-digit file or download used to be a plain `DataError`/`DownloadError`, which the
window turned into "MNIST could not be downloaded." / "The MNIST files are missing or damaged."
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from model import errors
from model.data import mnist, pen_archive
from model.data.pen_digits import load_pen_digits
from model.data.unipen_text import read_unipen


def _all_error_classes() -> list[type[errors.LeNetLensError]]:
    found, todo = [], [errors.LeNetLensError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [c for c in dict.fromkeys(found) if c.__module__ == "model.errors"]


def test_every_error_kind_has_its_own_stable_id() -> None:
    classes = _all_error_classes()
    codes = [cls.code for cls in classes]
    assert len(set(codes)) == len(codes), codes
    assert all(code and code.replace(".", "").replace("_", "").isalpha() for code in codes)
    # the ids are a contract with app/core/error_text.py: these must not change
    assert errors.DownloadError.code == "download" and errors.DataError.code == "data"
    assert errors.PenDigitsDownloadError.code == "download.pen_digits"
    assert errors.MnistError.code == "data.mnist"


def _assert_pen(exc: errors.LeNetLensError, download: bool) -> None:
    assert exc.dataset == errors.PEN_DIGITS, type(exc)
    assert exc.code == ("download.pen_digits" if download else "data.pen_digits")
    assert "MNIST" not in str(exc)


def test_a_damaged_pen_digit_file_is_a_pen_digit_error(tmp_path: Path) -> None:
    bad = tmp_path / "pendigits-orig.tra.gz"
    bad.write_bytes(gzip.compress(b"not a unipen file\n"))
    with pytest.raises(errors.DataError) as caught:
        load_pen_digits(bad)
    _assert_pen(caught.value, download=False)
    truncated = tmp_path / "digits.gz"
    truncated.write_bytes(gzip.compress(b".SEGMENT DIGIT 1\n" * 50)[:30])
    with pytest.raises(errors.DataError) as caught:
        read_unipen(truncated)
    _assert_pen(caught.value, download=False)
    with pytest.raises(errors.DataError) as caught:
        read_unipen(tmp_path / "absent.tra")
    _assert_pen(caught.value, download=False)


def test_a_failed_pen_digit_download_is_a_pen_digit_download_error(tmp_path: Path) -> None:
    with pytest.raises(errors.DownloadError) as caught:
        pen_archive.download(tmp_path, url=(tmp_path / "absent.zip").as_uri(), timeout=5)
    _assert_pen(caught.value, download=True)
    with pytest.raises(errors.DownloadError) as caught:
        pen_archive.extract(b"PK\x03\x04 broken", "archive.zip")
    _assert_pen(caught.value, download=True)
    served = tmp_path / "served.gz"
    served.write_bytes(gzip.compress(b"7" * 100))
    with pytest.raises(errors.DownloadError) as caught:  # checksum mismatch
        pen_archive.download(tmp_path / "out", url=served.as_uri(), size=100, timeout=5)
    _assert_pen(caught.value, download=True)


def test_mnist_failures_say_mnist(tmp_path: Path) -> None:
    with pytest.raises(errors.DataError) as caught:
        mnist.load_split("test", tmp_path)
    assert caught.value.code == "data.mnist" and caught.value.dataset == errors.MNIST
    spec = mnist.FILES["test_images"]
    (tmp_path / f"{spec.name}.gz").write_bytes(gzip.compress(b"\x00\x00\x08\x03 damaged"))
    (tmp_path / f"{mnist.FILES['test_labels'].name}.gz").write_bytes(b"")
    with pytest.raises(errors.DataError) as caught:
        mnist.load_split("test", tmp_path)
    assert caught.value.code == "data.mnist"
    with pytest.raises(errors.DownloadError) as caught:
        mnist.download(tmp_path / "new", mirrors=((tmp_path / "none").as_uri() + "/",), timeout=5)
    assert caught.value.code == "download.mnist" and caught.value.dataset == errors.MNIST
