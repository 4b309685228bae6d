"""Keeping the session's long-lived objects out of Python's full garbage collections.

Why: a full (generation 2) collection walks every object alive, and it runs in whichever thread
happens to allocate, holding the interpreter: with the window, torch and the pen samples of a
Retrain alive, each took 0.1-0.2 s, a visible hitch in the window while a worker trained.
Objects that live for the whole session (the start-up's, the pen sources read once a session)
are moved to the collector's permanent generation (`gc.freeze`), so later collections walk
only what is new. The cost: a reference cycle among frozen objects would never be collected;
these live until the app quits anyway.
"""

from __future__ import annotations

import gc


def settle_long_lived() -> None:
    """Exempt every object alive now from later scans. No collection first: that would be the
    very pause this avoids (what is garbage among them now stays, a small one-off cost)."""
    gc.freeze()
