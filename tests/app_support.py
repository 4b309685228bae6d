"""Compatibility alias: the GUI test helpers now live in `tests.app_helpers`.

(Fixtures are in `tests.app_fixtures`, loaded with `pytest_plugins`.)
"""

from tests.app_helpers import (  # noqa: F401
    digit_paths,
    draw_digit,
    draw_stroke,
    first_of_each_digit,
    mouse,
    to_widget,
)
