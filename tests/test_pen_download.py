"""Downloading the UCI pen digits: the .Z (LZW) reader, a fake local mirror, and offline use.

There is no network in the tests: a local http.server serves a zip the test builds, with the
expected checksum passed in, exactly as the real archive would be served.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import io
import random
import shutil
import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest

from model.cli import get_pen_digits
from model.data import pen_archive as pen_download
from model.data.lzw import lzw_decompress
from model.data.pen_digits import find_pen_file, load_pen_digits
from model.data.unipen_text import PenDigit, write_unipen
from model.errors import Cancelled, DownloadError
from tests.lzw_writer import lzw_compress


def sample_text(n: int = 40_000, seed: int = 0) -> bytes:
    rnd = random.Random(seed)
    words = [bytes(rnd.choice(b"0123456789 .\nPENDOWUP") for _ in range(rnd.randint(1, 9)))]
    words += [
        bytes(rnd.choice(b"0123456789 \n") for _ in range(rnd.randint(1, 9))) for _ in range(400)
    ]
    return b"".join(rnd.choice(words) for _ in range(n))


# ----- the .Z reader ---------------------------------------------------------------------------
def test_a_known_compress_file_decodes() -> None:
    # "ab" as `compress` writes it: flags 0x90 (block mode, 16 bits), then the codes 0x61 and
    # 0x62 in 9 bits each, least significant bit first (`gzip -dc` reads these bytes as "ab").
    assert lzw_decompress(bytes.fromhex("1f9d9061c400"), 10) == b"ab"
    data = b"TOBEORNOTTOBEORTOBEORNOT"
    assert lzw_decompress(lzw_compress(data), len(data)) == data


@pytest.mark.parametrize(
    ("max_bits", "block", "clear"),
    [(16, True, None), (12, False, None), (10, True, None), (9, True, None), (12, True, 3000)],
)
def test_lzw_round_trip_through_every_code_width(max_bits: int, block: bool, clear) -> None:
    data = sample_text()
    packed = lzw_compress(data, max_bits, block, clear)
    assert len(packed) < len(data)  # really compressed: codes grew past 9 bits
    assert lzw_decompress(packed, len(data)) == data


@pytest.mark.skipif(shutil.which("gzip") is None, reason="no gzip to cross-check with")
def test_the_test_writer_makes_real_compress_data() -> None:
    """`gzip -d` reads .Z files: it agrees with the writer, so the reader is tested on the
    real format, not on a private one."""
    data = sample_text(20_000, seed=3)
    for packed in (lzw_compress(data), lzw_compress(data, 12, clear_every=2000)):
        out = subprocess.run(["gzip", "-dc"], input=packed, capture_output=True)
        assert out.returncode == 0 and out.stdout == data


def test_lzw_refuses_more_than_expected_and_garbage() -> None:
    data = b"7" * 100_000
    with pytest.raises(DownloadError, match="more than 1000 bytes"):
        lzw_decompress(lzw_compress(data), 1000, "x.Z", DownloadError)
    with pytest.raises(DownloadError, match="not Unix compress"):
        lzw_decompress(b"hello", 10, "x.Z", DownloadError)
    with pytest.raises(DownloadError, match="corrupt"):
        lzw_decompress(bytes([0x1F, 0x9D, 0x90, 0xFF, 0xFF, 0xFF, 0xFF]), 100, "x.Z", DownloadError)


# ----- the download ----------------------------------------------------------------------------
def pen_file_bytes() -> bytes:
    """A small file in the pen-digit format (three digits), as `write_unipen` writes it."""
    digits = [
        PenDigit(label, writer, 0, (np.array([[100, 400], [300, 100], [350, 350]], np.float32),))
        for label, writer in ((1, 1), (7, 2), (4, 4))
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.tra"
        write_unipen(path, digits)
        return path.read_bytes()


def uci_zip(member: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pendigits.names", "the description")
        archive.writestr("pendigits-orig.tra.Z", lzw_compress(member))
    return buf.getvalue()


@pytest.fixture
def mirror(tmp_path: Path):
    """A local web server; put files in the yielded folder, fetch http://127.0.0.1:port/name."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_download_from_a_mirror_writes_a_verified_gz(mirror, tmp_path: Path) -> None:
    root, base = mirror
    text = pen_file_bytes()
    (root / "pen.zip").write_bytes(uci_zip(text))
    seen = []
    sha = hashlib.sha256(text).hexdigest()
    path = pen_download.download(
        tmp_path / "pen",
        lambda d, t: seen.append((d, t)),
        url=f"{base}/pen.zip",
        sha256=sha,
        size=len(text),
    )
    assert path == tmp_path / "pen" / "pendigits-orig.tra.gz"
    assert gzip.decompress(path.read_bytes()) == text
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert find_pen_file(tmp_path / "pen") == path
    assert [d.label for d in load_pen_digits(path, verify=False)] == [1, 7, 4]
    assert [p.name for p in (tmp_path / "pen").iterdir()] == ["pendigits-orig.tra.gz"]


def test_a_wrong_checksum_keeps_nothing(mirror, tmp_path: Path) -> None:
    root, base = mirror
    text = pen_file_bytes()
    (root / "pen.zip").write_bytes(uci_zip(text))
    with pytest.raises(DownloadError, match="checksum mismatch"):
        pen_download.download(
            tmp_path / "pen", url=f"{base}/pen.zip", sha256="0" * 64, size=len(text)
        )
    assert not (tmp_path / "pen").exists() or not any((tmp_path / "pen").iterdir())


def test_archive_problems_are_named(mirror, tmp_path: Path) -> None:
    root, base = mirror
    (root / "other.zip").write_bytes(_zip_without_member())
    with pytest.raises(DownloadError, match="no pendigits-orig.tra.Z in the archive"):
        pen_download.download(tmp_path, url=f"{base}/other.zip", size=100)
    with pytest.raises(DownloadError, match="HTTP 404"):
        pen_download.download(tmp_path, url=f"{base}/missing.zip")
    big = pen_file_bytes()
    (root / "pen.zip").write_bytes(uci_zip(big))
    with pytest.raises(DownloadError, match="more than 100 bytes"):
        pen_download.download(tmp_path, url=f"{base}/pen.zip", size=100)


def _zip_without_member() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    return buf.getvalue()


def test_offline_says_so_and_cancel_stops(tmp_path: Path, mirror) -> None:
    with pytest.raises(DownloadError, match="127.0.0.1:9/.*online"):
        pen_download.download(tmp_path, url="http://127.0.0.1:9/pen.zip", timeout=2)
    root, base = mirror
    (root / "pen.zip").write_bytes(uci_zip(pen_file_bytes()))
    with pytest.raises(Cancelled, match="cancelled"):
        pen_download.download(tmp_path, url=f"{base}/pen.zip", should_cancel=lambda: True)
    assert not (tmp_path / "pendigits-orig.tra.gz").exists()


def test_the_command_line(mirror, tmp_path: Path, capsys, monkeypatch) -> None:
    root, base = mirror
    text = pen_file_bytes()
    (root / "pen.zip").write_bytes(uci_zip(text))
    monkeypatch.setattr(pen_download, "SIZE", len(text))
    monkeypatch.setattr("model.data.pen_digits.SHA256", hashlib.sha256(text).hexdigest())
    args = ["--pen-dir", str(tmp_path), "--url", f"{base}/pen.zip"]
    assert get_pen_digits.main(args) == 0
    assert "downloaded and verified" in capsys.readouterr().out
    assert get_pen_digits.main(args) == 0
    assert "already" in capsys.readouterr().out
