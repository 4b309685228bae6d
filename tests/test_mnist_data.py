"""Finding, verifying and downloading MNIST."""

from __future__ import annotations

import gzip
import hashlib

import numpy as np
import pytest

from model.data import mnist
from model.data.idx import write_idx
from model.errors import Cancelled, DataError, DownloadError


def test_data_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv(mnist.ENV_VAR, str(tmp_path / "env"))
    assert mnist.resolve_data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert mnist.resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(mnist.ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert mnist.resolve_data_dir(None) == mnist.default_data_dir()
    assert "lenet-lens" in str(mnist.default_data_dir())


def test_missing_data_says_where_to_put_it(tmp_path):
    with pytest.raises(DataError) as info:
        mnist.load_split("test", tmp_path)
    message = str(info.value)
    assert str(tmp_path) in message
    assert "t10k-images-idx3-ubyte.gz" in message and "LENET_LENS_DATA" in message


def test_non_canonical_file_fails_checksum(tmp_path):
    for spec in mnist.FILES.values():
        write_idx(tmp_path / f"{spec.name}.gz", np.zeros(3, np.uint8))
    with pytest.raises(DataError, match="checksum mismatch"):
        mnist.load_split("test", tmp_path)


def test_loads_real_mnist(mnist_dir):
    test = mnist.load_split("test", mnist_dir)
    assert test.images.shape == (10000, 28, 28) and test.images.dtype == np.uint8
    assert test.labels.shape == (10000,) and set(np.unique(test.labels)) == set(range(10))
    assert test.images.flags.writeable


def _fake_mirror(tmp_path, spec, payload_bytes):
    mirror = tmp_path / "mirror"
    mirror.mkdir(exist_ok=True)
    (mirror / f"{spec.name}.gz").write_bytes(gzip.compress(payload_bytes))
    return mirror.as_uri() + "/"


def test_download_verifies_and_writes_atomically(tmp_path, monkeypatch):
    """A fake mirror serves files: good ones land, bad ones are refused, nothing half-written."""
    labels = mnist.FILES["test_labels"]
    good = bytes.fromhex("00000801") + (10000).to_bytes(4, "big") + bytes(10000)
    fake = mnist.MnistFile(labels.name, hashlib.sha256(good).hexdigest(), (10000,))
    monkeypatch.setattr(mnist, "FILES", {"test_labels": fake})
    mirror = _fake_mirror(tmp_path, fake, good)
    seen = []
    root = mnist.download(
        tmp_path / "data", progress=lambda n, d, t: seen.append(d), mirrors=(mirror,)
    )
    assert (root / f"{fake.name}.gz").is_file() and seen
    assert [p.name for p in root.iterdir()] == [f"{fake.name}.gz"]

    bad = mnist.MnistFile(labels.name, "0" * 64, (10000,))
    monkeypatch.setattr(mnist, "FILES", {"test_labels": bad})
    with pytest.raises(DownloadError, match="checksum mismatch"):
        mnist.download(tmp_path / "other", mirrors=(mirror,))
    assert list((tmp_path / "other").iterdir()) == []


def test_download_offline_gives_clear_error(tmp_path):
    with pytest.raises(DownloadError) as info:
        mnist.download(tmp_path, mirrors=((tmp_path / "no-such-mirror").as_uri() + "/",))
    assert "could not download" in str(info.value) and str(tmp_path) in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_download_can_be_cancelled(tmp_path, monkeypatch):
    spec = mnist.FILES["test_labels"]
    mirror = _fake_mirror(tmp_path, spec, b"x" * 1000)
    with pytest.raises(Cancelled, match="cancelled"):
        mnist.download(tmp_path / "d", should_cancel=lambda: True, mirrors=(mirror,))
    assert list((tmp_path / "d").iterdir()) == []
