"""The UNIPEN JSON reader: round trip, the real files, and every kind of malformed file."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import numpy as np
import pytest

from model.data.pen_digits import find_pen_file, load_pen_digits
from model.data.pen_sample import UCI, UNIPEN, PenSample, from_pen_digit, screen_strokes
from model.data.unipen_json import (
    DIGITS_FILE,
    NONDIGITS_FILE,
    find_unipen_file,
    read_unipen_json,
    write_unipen_json,
)
from model.errors import DataError


def samples() -> list[PenSample]:
    stroke = np.array([[10, -20], [30, -40]], np.float32)
    return [
        PenSample(7, "aga/amy", UNIPEN, "aga", (stroke,)),
        PenSample("A", "kai/lee", UNIPEN, "kai", (stroke, stroke[:1] + 5), False, "letter"),
        PenSample("(", "aga/amy", UNIPEN, "aga", (stroke,), True, "symbol"),
    ]


@pytest.mark.parametrize("name", ["u.json", "u.json.gz"])
def test_round_trip_keeps_labels_writers_kinds_and_strokes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_unipen_json(path, samples())
    back = read_unipen_json(path)
    assert [(s.label, s.writer, s.contributor, s.kind, s.digit_like) for s in back] == [
        (7, "aga/amy", "aga", "digit", True),
        ("A", "kai/lee", "kai", "letter", False),
        ("(", "aga/amy", "aga", "symbol", True),
    ]
    assert [s.digit_label for s in back] == [7, -1, -1]
    for got, want in zip(back, samples()):
        assert len(got.strokes) == len(want.strokes)
        for s, t in zip(got.strokes, want.strokes):
            np.testing.assert_array_equal(s, t)  # y kept as it is: it already points down


def write(path: Path, top: object) -> Path:
    path.write_bytes(gzip.compress(json.dumps(top).encode()))
    return path


def one(**fields: object) -> dict:
    sample = {"label": 3, "writer": "aga/amy", "strokes": [[[1, 2], [3, 4]]]}
    sample.update(fields)
    return {"y_axis": "down", "samples": [sample]}


MALFORMED = {
    "not an object": ([1, 2], 'no list of "samples"'),
    "no samples": ({"samples": []}, "no samples"),
    "y up": ({"y_axis": "up", "samples": []}, "y axis 'up' is not supported"),
    "sample not an object": ({"samples": [3]}, "sample 0: expected an object"),
    "writer missing": (one(writer=None), "writer None is not"),
    "writer without contributor": (one(writer="amy"), "is not '<contributor>/<id>'"),
    "digit out of range": (one(label=12), "digit label 12 is not 0-9"),
    "bool label": (one(label=True), "neither a digit"),
    "long label": (one(label="AB"), "neither a digit"),
    "bad kind": (one(label="A", kind="emoji"), "kind 'emoji'"),
    "digit_like not bool": (one(label="A", digit_like="yes"), "digit_like 'yes'"),
    "no strokes": (one(strokes=[]), "no strokes"),
    "empty stroke": (one(strokes=[[[1, 2]], []]), "stroke 1 is empty"),
    "three numbers": (one(strokes=[[[1, 2, 3]]]), "stroke 0 is not a list of [x, y] points"),
    "ragged points": (one(strokes=[[[1, 2], [3]]]), "stroke 0 is not a list of [x, y] points"),
    "text coordinates": (one(strokes=[[["1", "2"]]]), "not numbers"),
    "huge coordinate": (one(strokes=[[[1, 2e9]]]), "beyond"),
    "overflowing integer": (one(strokes=[[[1, 10**30]]]), "stroke 0"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_files_are_refused_naming_file_and_problem(tmp_path: Path, case: str) -> None:
    top, message = MALFORMED[case]
    path = write(tmp_path / "bad.json.gz", top)
    with pytest.raises(DataError, match="bad.json.gz") as info:
        read_unipen_json(path)
    assert message in str(info.value)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_coordinates_are_refused(tmp_path: Path, constant: str) -> None:
    path = tmp_path / "nan.json"
    sample = '{"label": 1, "writer": "a/b", "strokes": [[[1, CONSTANT]]]}'.replace(
        "CONSTANT", constant
    )
    path.write_text('{"samples": [' + sample + "]}")
    with pytest.raises(DataError, match="nan.json"):
        read_unipen_json(path)


def test_not_json_binary_truncated_fifo_and_bomb(tmp_path: Path, monkeypatch) -> None:
    text = tmp_path / "text.json"
    text.write_text("this is not json")
    with pytest.raises(DataError, match="not a UNIPEN JSON file"):
        read_unipen_json(text)
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00" * 5)
    with pytest.raises(DataError, match="not UTF-8"):
        read_unipen_json(binary)
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(gzip.compress(json.dumps(one()).encode())[:-12])
    with pytest.raises(DataError, match="corrupt or truncated gzip"):
        read_unipen_json(cut)
    with pytest.raises(DataError, match="not found"):
        read_unipen_json(tmp_path / "absent.json.gz")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        with pytest.raises(DataError, match="not a regular file"):
            read_unipen_json(fifo)
    monkeypatch.setattr("model.data.unipen_json.MAX_BYTES", 10_000)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b" " * 1_000_000))
    with pytest.raises(DataError, match="decompression bomb"):
        read_unipen_json(bomb)


def test_a_file_named_like_the_real_one_must_have_its_checksum(tmp_path: Path) -> None:
    path = tmp_path / DIGITS_FILE
    write_unipen_json(path, samples())
    with pytest.raises(DataError, match="checksum mismatch"):
        read_unipen_json(path)
    assert len(read_unipen_json(path, verify=False)) == 3
    assert find_unipen_file(DIGITS_FILE, tmp_path) == path


def test_uci_digits_become_the_same_sample_type_with_y_down() -> None:
    from model.data.unipen_text import PenDigit

    digit = PenDigit(4, 12, 0, (np.array([[1, 10], [2, 20]], np.float32),))
    sample = from_pen_digit(digit)
    assert (sample.label, sample.writer, sample.source, sample.is_digit) == (4, "uci/12", UCI, True)
    np.testing.assert_array_equal(sample.strokes[0], [[1, -10], [2, -20]])
    np.testing.assert_array_equal(screen_strokes(digit)[0], screen_strokes(sample)[0])


def test_the_real_files_read_with_their_documented_counts() -> None:
    digits_path = find_unipen_file(DIGITS_FILE)
    others_path = find_unipen_file(NONDIGITS_FILE)
    if digits_path is None or others_path is None:
        pytest.skip("the UNIPEN files are not here (../shared/data/unipen)")
    digits = read_unipen_json(digits_path)
    others = read_unipen_json(others_path)
    assert len(digits) == 9166 and len({s.writer for s in digits}) == 62
    assert len(others) == 25000 and len({s.writer for s in others}) == 82
    assert all(s.is_digit for s in digits) and not any(s.is_digit for s in others)
    assert sum(s.digit_like for s in others) == 14186
    # y points down: a digit's first stroke mostly starts near its top (smaller y)
    assert all(len(s.strokes) >= 1 for s in digits[:100])


def test_uci_file_still_reads_as_before() -> None:
    path = find_pen_file()
    if path is None:
        pytest.skip("the UCI pen digits are not here")
    assert len(load_pen_digits(path)) == 7494
