"""The command-line tools: they work, and bad input is a message and an exit status, never a
traceback."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from model.cli import common as cli
from model.cli import evaluate, predict, train
from model.data.drawn_digits import digit_strokes, place_strokes, render_strokes
from model.data.mnist import load_split
from model.data.pen_digits import find_pen_file
from model.files.checkpoint import load_checkpoint


def run(main, argv):
    return cli.run(main, argv)


@pytest.fixture(scope="module")
def drawn_pngs(mnist_dir, tmp_path_factory):
    """Three MNIST test digits redrawn as pen strokes, saved as dark-on-light PNGs."""
    test = load_split("test", mnist_dir)
    folder = tmp_path_factory.mktemp("drawn")
    files = {}
    for i in range(3):
        strokes = place_strokes(digit_strokes(test.images[i]), 50, 40, 180)
        raster = 255 - render_strokes(strokes, pen_width=18)  # pen on paper
        path = folder / f"digit{i}.png"
        Image.fromarray(raster).save(path)
        files[path] = int(test.labels[i])
    return files


def test_predict_reads_drawn_digits(drawn_pngs, capsys):
    assert run(predict.main, [*map(str, drawn_pngs), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["digit"] for r in lines] == list(drawn_pngs.values())
    for r in lines:
        assert sum(r["probabilities"]) == pytest.approx(1.0, abs=1e-3)


def test_predict_bad_files_reported_others_still_run(drawn_pngs, tmp_path, capsys):
    (tmp_path / "fake.png").write_text("hello")
    blank = tmp_path / "blank.png"
    Image.fromarray(np.full((50, 50), 255, np.uint8)).save(blank)
    good = next(iter(drawn_pngs))
    code = run(predict.main, [str(tmp_path / "fake.png"), str(blank), str(good)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "fake.png: not an image" in err and "blank.png" in err and "no ink" in err
    assert f"{good}: {drawn_pngs[good]}" in out


def test_predict_with_corrupt_weights(drawn_pngs, tmp_path, capsys):
    (tmp_path / "w.pt").write_bytes(b"\x00" * 100)
    assert (
        run(predict.main, [str(next(iter(drawn_pngs))), "--weights", str(tmp_path / "w.pt")]) == 1
    )
    assert "w.pt" in capsys.readouterr().err


def test_train_cli_writes_a_checkpoint(mnist_dir, tmp_path, capsys):
    out = tmp_path / "w.pt"
    argv = [
        "--epochs",
        "1",
        "--train-subset",
        "1000",
        "--test-subset",
        "200",
        "--data-dir",
        str(mnist_dir),
        "--out",
        str(out),
        "--pooling",
        "avg",
        "--pen-fraction",  # MNIST only: pen training has its own tests (test_pen_training)
        "0",
    ]
    assert run(train.main, argv) == 0
    ckpt = load_checkpoint(out)
    assert ckpt.model_config.pooling == "avg"
    assert ckpt.metadata["train_config"]["train_subset"] == 1000
    assert "saved" in capsys.readouterr().out


def test_train_cli_missing_data(tmp_path, capsys):
    argv = ["--epochs", "1", "--data-dir", str(tmp_path / "empty"), "--out", str(tmp_path / "w.pt")]
    assert run(train.main, argv) == 1
    err = capsys.readouterr().err
    assert "MNIST not found" in err and str(tmp_path / "empty") in err
    assert not (tmp_path / "w.pt").exists()


def test_evaluate_cli_prints_confusion(mnist_dir, capsys):
    argv = ["--data-dir", str(mnist_dir), "--drawn", "50", "--pen", "40"]
    assert run(evaluate.main, argv) == 0
    out = capsys.readouterr().out
    assert "MNIST test set:" in out and "per class:" in out and "confusion" in out
    assert "drawn digits:" in out and "ECE" in out
    if find_pen_file() is not None:
        assert "real pen digits, held-out writers" in out and "width-normalised" in out


def test_cli_error_has_no_traceback(tmp_path, capsys):
    """Through the console script's wrapper, in this process (tests/test_cli_failures.py runs
    `python -m model.cli.evaluate` end to end; a second interpreter here cost seconds)."""
    (tmp_path / "bad.pt").write_text("nope")
    assert run(evaluate.main, ["--weights", str(tmp_path / "bad.pt")]) == 1
    stderr = capsys.readouterr().err
    assert "bad.pt" in stderr and "Traceback" not in stderr


def test_help_states_defaults(capsys):
    with pytest.raises(SystemExit):
        train.main(["--help"])
    out = capsys.readouterr().out
    assert "(default: 30)" in out and "--data-dir" in out


def test_predict_json_says_on_every_answer_whether_it_is_a_digit(drawn_pngs, tmp_path, capsys):
    from model.data.marks import make_mark
    from model.drawing.strokes import render_strokes as draw_like_the_canvas

    mark = make_mark("zigzag", np.random.default_rng(0))
    scribble = tmp_path / "zigzag.png"
    Image.fromarray(255 - draw_like_the_canvas(mark.strokes, 280, mark.pen_width)).save(scribble)
    blank = tmp_path / "blank.png"
    Image.fromarray(np.full((50, 50), 255, np.uint8)).save(blank)
    run(predict.main, [*map(str, drawn_pngs), str(scribble), str(blank), "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(isinstance(r["not_a_digit"], bool) for r in lines)
    assert [r["not_a_digit"] for r in lines] == [False] * len(drawn_pngs) + [True, False]
    assert lines[-2]["digit"] is not None and lines[-2]["unsure"]  # best guess still there
    assert "error" in lines[-1]
    run(predict.main, [str(scribble)])
    assert "not a digit?" in capsys.readouterr().out
