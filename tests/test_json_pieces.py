"""Reading a large JSON file in pieces gives what `json.loads` gives, and refuses what it
refuses (the piecewise reader keeps the window responsive while Retrain reads pen files)."""

from __future__ import annotations

import json

import pytest

from model.files.json_pieces import loads_in_pieces

DOCUMENTS = [
    '{"samples": [1, {"a": [2, 3]}, "x"], "y_axis": "down"}',
    ' \n{ "source" : "s" , "samples" : [ ] }\n ',
    '{"samples": "not a list", "samples2": [1]}',
    '{"samples": [1], "samples": [2, 3]}',  # a repeated key: the last one wins, as in json
    "{}",
    "[1, 2, 3]",
    '"just text"',
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_same_value_as_json_loads(text: str) -> None:
    assert loads_in_pieces(text, ("samples",)) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"samples": [1, 2,]}',
        '{"samples": [1 2]}',
        '{"samples": [1, 2]',
        '{"samples": [1, 2]} trailing',
        '{"samples" [1]}',
        "{samples: [1]}",
        '{"a": 1 "b": 2}',
        "",
    ],
)
def test_malformed_text_is_refused_like_json_loads(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        loads_in_pieces(text, ("samples",))


def test_constants_go_through_the_callers_check() -> None:
    def refuse(name: str) -> float:
        raise ValueError(f"{name} refused")

    with pytest.raises(ValueError, match="NaN refused"):
        loads_in_pieces('{"samples": [[0, NaN]]}', ("samples",), refuse)


def test_a_failed_read_leaves_the_garbage_collector_running(tmp_path) -> None:
    """The pen sources are read with cyclic collection paused; a malformed file must not leave
    it paused (the app would then never free reference cycles again)."""
    import gc

    from model.data.pen_sources import load_pen_sources
    from model.errors import DataError

    (tmp_path / "unipen-digits-train.json").write_text('{"samples": [1, 2,]}')
    assert gc.isenabled()
    with pytest.raises(DataError):
        load_pen_sources(unipen_dir=tmp_path, sources=("unipen",), nondigits=False)
    assert gc.isenabled()
