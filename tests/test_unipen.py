"""The UNIPEN pen-digit reader: round trip, the real file, and every kind of malformed file."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from model.data.pen_digits import find_pen_file, load_pen_digits
from model.data.unipen_text import PenDigit, parse_unipen, read_unipen, write_unipen
from model.errors import DataError

HEADER = '.INCLUDE        dene.doc\n\n.LEXICON "0" "1"\n.HIERARCHY      DIGIT\n\n'
GOOD_DIGIT = (
    '.SEGMENT DIGIT    0 ? "7"\n.COMMENT 7 12  3\n.PEN_DOWN\n 10  20\n 30  40\n.PEN_UP\n.DT 100\n'
)


def digits() -> list[PenDigit]:
    a = PenDigit(7, 12, 3, (np.array([[10, 20], [30, 40]], np.float32),))
    b = PenDigit(
        4,
        2,
        9,
        (np.array([[1, 2], [3, 4], [5, 6]], np.float32), np.array([[7, 8]], np.float32)),
    )
    return [a, b]


@pytest.mark.parametrize("name", ["pen.tra", "pen.tra.gz"])
def test_round_trip_keeps_labels_writers_and_strokes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_unipen(path, digits())
    back = read_unipen(path)
    assert [(d.label, d.writer, d.sample) for d in back] == [(7, 12, 3), (4, 2, 9)]
    for got, want in zip(back, digits()):
        assert len(got.strokes) == len(want.strokes)
        for s, t in zip(got.strokes, want.strokes):
            np.testing.assert_array_equal(s, t)


MALFORMED = {
    "points outside a stroke": (GOOD_DIGIT + " 1 2\n", "line 13: coordinates outside a stroke"),
    "three numbers": (GOOD_DIGIT.replace(" 30  40", " 30 40 50"), "line 10: expected two"),
    "not integers": (GOOD_DIGIT.replace(" 30  40", " 3x  40"), "not integers"),
    "unclosed stroke": (GOOD_DIGIT.replace(".PEN_UP\n", ""), "not closed by .PEN_UP"),
    "PEN_UP without PEN_DOWN": (GOOD_DIGIT + ".PEN_UP\n", ".PEN_UP without .PEN_DOWN"),
    "empty stroke": (GOOD_DIGIT + ".PEN_DOWN\n.PEN_UP\n", "empty stroke"),
    "label not a digit": (GOOD_DIGIT.replace('"7"', '"x"'), "not a digit 0-9"),
    "label mismatch": (GOOD_DIGIT.replace(".COMMENT 7", ".COMMENT 3"), "differs from"),
    "no writer": (GOOD_DIGIT.replace(".COMMENT 7 12  3\n", ""), "without a .COMMENT"),
    "no stroke": ('.SEGMENT DIGIT    0 ? "7"\n.COMMENT 7 12  3\n', "without any stroke"),
    "pen down before segment": (".PEN_DOWN\n 1 2\n.PEN_UP\n", "before any .SEGMENT"),
    "unknown keyword": (GOOD_DIGIT + ".FOO 1\n", "unknown keyword '.FOO'"),
    "no digits": ("", "no digits found"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_files_are_refused_naming_file_and_problem(tmp_path: Path, case: str) -> None:
    body, message = MALFORMED[case]
    path = tmp_path / "bad.tra"
    path.write_text(HEADER + body if body else "")
    with pytest.raises(DataError, match="bad.tra") as info:
        read_unipen(path)
    assert message in str(info.value)


def test_missing_truncated_binary_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not found"):
        read_unipen(tmp_path / "nope.tra")
    gz = tmp_path / "cut.tra.gz"
    gz.write_bytes(gzip.compress((HEADER + GOOD_DIGIT).encode())[:-12])
    with pytest.raises(DataError, match="corrupt or truncated gzip"):
        read_unipen(gz)
    binary = tmp_path / "bin.tra"
    binary.write_bytes(b"\x00\xff" * 10)
    with pytest.raises(DataError, match="not a UNIPEN text file"):
        read_unipen(binary)
    big = tmp_path / "big.tra.gz"
    big.write_bytes(gzip.compress(b" " * 2000))
    from model.data.unipen_text import read_text

    with pytest.raises(DataError, match="larger than 1,000 bytes"):
        read_text(big, limit=1000)


def test_parse_reports_line_numbers() -> None:
    with pytest.raises(DataError, match=r"<text>, line 3"):
        parse_unipen('.SEGMENT DIGIT 0 ? "1"\n.COMMENT 1 1 1\n 5 5\n')


def test_the_real_set_reads_whole_and_verified() -> None:
    path = find_pen_file()
    if path is None:
        pytest.skip("pen digits not found ($LENET_LENS_PEN_DATA, ../shared/data/pendigits)")
    pen = load_pen_digits(path)
    assert len(pen) == 7494
    assert {d.writer for d in pen} == set(range(1, 31))
    counts = np.bincount([d.label for d in pen], minlength=10)
    assert counts.tolist() == [780, 779, 780, 719, 780, 720, 720, 778, 719, 719]


def test_a_tampered_copy_fails_its_checksum(tmp_path: Path) -> None:
    path = tmp_path / "pendigits-orig.tra"
    path.write_text(HEADER + GOOD_DIGIT)
    with pytest.raises(DataError, match="checksum mismatch"):
        load_pen_digits(path)
    assert len(load_pen_digits(path, verify=False)) == 1
