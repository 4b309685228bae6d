"""Bad weights files are refused before anything is built, with a message that says what is
wrong (issue 8, items 3, 4 and 6): malformed metadata, bad normalisation, NaN weights, flipped
bytes, decompression bombs, non-regular files, unreadable files, code-carrying pickles."""

from __future__ import annotations

import io
import math
import os
import pickle
import tracemalloc
import zipfile

import pytest
import torch

from model.config import Normalization
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, check_weights_file, load_checkpoint, to_dict
from model.network.lenet import LeNet5


def payload() -> dict:
    ckpt = Checkpoint(LeNet5(), Normalization(0.1, 0.3), {"test_accuracy": 0.99})
    return to_dict(ckpt)


def saved(tmp_path, data: dict, name: str = "w.pt"):
    path = tmp_path / name
    torch.save(data, path)
    return path


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("metadata", [1, 2], "invalid metadata"),
        ("metadata", "text", "invalid metadata"),
        ("metadata", {"test_accuracy": "high"}, "test_accuracy 'high'"),
        ("metadata", {"test_accuracy": float("nan")}, "test_accuracy nan"),
        ("metadata", {"test_accuracy": 1.5}, "test_accuracy 1.5"),
        ("metadata", {"test_accuracy": True}, "test_accuracy True"),
        ("metadata", {"temperature": 0.0}, "temperature 0.0"),
        ("metadata", {"temperature": float("inf")}, "temperature inf"),
        ("metadata", {"temperature": "1.2"}, "temperature '1.2'"),
        ("metadata", {"history": "x"}, "history"),
        ("metadata", {"epochs_done": -1}, "epochs_done -1"),
        ("normalization", {"mean": 0.1, "std": 0.0}, "std 0.0"),
        ("normalization", {"mean": 0.1, "std": "0.3"}, "std '0.3'"),
        ("normalization", {"mean": float("nan"), "std": 0.3}, "mean nan"),
        ("normalization", {"mean": 0.1, "std": float("inf")}, "std inf"),
        ("normalization", {"mean": 0.1}, "normalization must be a dict"),
        ("normalization", [0.1, 0.3], "normalization must be a dict"),
        ("model_config", "max", "model_config is not a dict"),
        ("model_config", {"pooling": "max", "activation": "relu", "dropout": "0.1"}, "dropout"),
        ("model_config", {"pooling": "max", "activation": "relu", "dropout": math.nan}, "dropout"),
        ("state_dict", [1], "state_dict is not a dict"),
        ("format_version", True, "format version True"),
    ],
)
def test_malformed_contents_are_refused_by_name(tmp_path, field, value, message):
    data = payload()
    data[field] = value
    path = saved(tmp_path, data)
    with pytest.raises(CheckpointError, match=r"w\.pt: ") as info:
        load_checkpoint(path)
    assert message in str(info.value)


def test_temperature_metadata_is_accepted(tmp_path):
    data = payload()
    data["metadata"]["temperature"] = 1.7
    assert load_checkpoint(saved(tmp_path, data)).metadata["temperature"] == 1.7


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_weights_are_refused(tmp_path, bad):
    data = payload()
    data["state_dict"]["f6.weight"][3, 7] = bad
    with pytest.raises(CheckpointError, match=r"f6\.weight contains NaN or infinity"):
        load_checkpoint(saved(tmp_path, data))


def test_integer_weights_are_refused(tmp_path):
    data = payload()
    data["state_dict"]["f6.bias"] = torch.zeros(84, dtype=torch.int64)
    with pytest.raises(CheckpointError, match="not floating point"):
        load_checkpoint(saved(tmp_path, data))


def test_flipped_tensor_byte_fails_the_crc(tmp_path):
    path = saved(tmp_path, payload())
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as zf:
        info = max(zf.infolist(), key=lambda i: i.file_size)  # the largest tensor
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 100
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(CheckpointError, match=r"w\.pt: corrupt weights file \(Bad CRC-32"):
        load_checkpoint(path)


def test_deflate_bomb_is_refused_quickly_in_bounded_memory(tmp_path):
    """A small archive whose member inflates to 256 MB is refused by its declared size."""
    path = tmp_path / "bomb.pt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("archive/data.pkl", pickle.dumps({"format": "x"}))
        with zf.open("archive/data/0", "w") as member:
            chunk = bytes(1 << 20)
            for _ in range(256):
                member.write(chunk)
    assert path.stat().st_size < 2_000_000
    tracemalloc.start()
    with pytest.raises(CheckpointError, match=r"bomb\.pt: refused: the archive declares"):
        load_checkpoint(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50_000_000


def test_member_lying_about_its_size_is_refused(tmp_path):
    """Declared small, inflates large: zipfile stops at the declared size and the CRC fails."""
    path = saved(tmp_path, payload())
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as zf:
        info = max(zf.infolist(), key=lambda i: i.file_size)
    # halve that member's declared size, in its central directory entry and its local header
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(info.filename.encode()))
    raw[central + 24 : central + 28] = (info.file_size // 2).to_bytes(4, "little")
    raw[info.header_offset + 22 : info.header_offset + 26] = (info.file_size // 2).to_bytes(
        4, "little"
    )
    path.write_bytes(bytes(raw))
    with pytest.raises(CheckpointError, match=r"w\.pt: corrupt"):
        load_checkpoint(path)


def test_oversized_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.pt"
    with open(path, "wb") as fh:
        fh.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(CheckpointError, match=r"huge\.pt: too large to be LeNet-5 weights"):
        load_checkpoint(path)


def test_directory_and_fifo_are_not_regular_files(tmp_path):
    (tmp_path / "dir.pt").mkdir()
    os.mkfifo(tmp_path / "fifo.pt")
    for name in ("dir.pt", "fifo.pt"):
        with pytest.raises(CheckpointError, match=rf"{name}: not a regular file"):
            load_checkpoint(tmp_path / name)
    with pytest.raises(CheckpointError, match="/dev/null: not a regular file .a device"):
        load_checkpoint("/dev/null")


def test_permission_denied_says_so(tmp_path, monkeypatch):
    path = saved(tmp_path, payload())
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make the open itself fail as it would for a user
        import builtins

        real_open = builtins.open

        def denied(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", denied)
    with pytest.raises(CheckpointError, match=r"w\.pt: permission denied"):
        load_checkpoint(path)


class Exploit:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_raw_pickle_with_code_is_refused_for_carrying_code(tmp_path, monkeypatch, protocol):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw.pkl").write_bytes(pickle.dumps(Exploit(), protocol=protocol))
    with pytest.raises(CheckpointError, match=r"raw\.pkl: refused: the file carries code"):
        load_checkpoint(tmp_path / "raw.pkl")
    assert not (tmp_path / "pwned").exists()


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_plain_pickle_without_code_is_not_called_code(tmp_path):
    (tmp_path / "p.pkl").write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(tmp_path / "p.pkl")
    assert "carries code" not in str(info.value) and "p.pkl" in str(info.value)


def test_start_up_check_of_a_remembered_file(tmp_path):
    data = payload()
    data["metadata"] = "broken"
    with pytest.raises(CheckpointError, match="invalid metadata"):
        check_weights_file(saved(tmp_path, data))
    assert check_weights_file(saved(tmp_path, payload(), "ok.pt")).test_accuracy == 0.99


def test_random_byte_flips_never_escape_as_other_errors(tmp_path):
    """Fuzz: 60 single-byte corruptions anywhere: each loads or raises CheckpointError."""
    import random

    good = saved(tmp_path, payload()).read_bytes()
    rng = random.Random(8)
    path = tmp_path / "fuzz.pt"
    for _ in range(60):
        raw = bytearray(good)
        for _ in range(rng.randint(1, 3)):
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        if rng.random() < 0.2:
            raw = raw[: rng.randrange(len(raw))]
        path.write_bytes(bytes(raw))
        try:
            load_checkpoint(path)
        except CheckpointError as exc:
            assert "fuzz.pt" in str(exc)
