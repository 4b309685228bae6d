"""One bounded, cancellable HTTP fetch for every download (MNIST, the pen digits).

Reads in 64 KiB chunks, checking the cancel request between them; refuses more than
`max_bytes` (a declared or actual size beyond what the file can be); a cancel raises the typed
`model.errors.Cancelled`, every failure a `DownloadError` naming the address.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable

from model.errors import Cancelled, DownloadError

CHUNK = 1 << 16


def fetch_bytes(
    url: str,
    max_bytes: int,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    timeout: float = 30.0,
    offline_hint: str = "",
) -> bytes:
    """The bytes at `url`; `on_progress(done, total)` after each chunk (total 0 if unknown)."""
    if should_cancel and should_cancel():  # asked before the request even went out
        raise Cancelled(f"{url}: download cancelled")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            total = int(response.headers.get("Content-Length") or 0)
            if total > max_bytes:
                raise DownloadError(
                    f"{url}: {total} bytes, larger than the file can be; refused",
                    reason="download.too_large",
                    path=url,
                )
            chunks, done = [], 0
            while True:
                if should_cancel and should_cancel():
                    raise Cancelled(f"{url}: download cancelled")
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                done += len(chunk)
                if done > max_bytes:
                    raise DownloadError(
                        f"{url}: larger than the file can be; refused",
                        reason="download.too_large",
                        path=url,
                    )
                if on_progress:
                    on_progress(done, total)
    except urllib.error.HTTPError as exc:
        raise DownloadError(
            f"{url}: HTTP {exc.code} {exc.reason}",
            reason="download.http",
            path=url,
            values=(exc.code,),
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(
            f"{url}: {reason}{offline_hint}", reason="download.unreachable", path=url
        ) from None
    if total and done != total:
        raise DownloadError(
            f"{url}: connection closed after {done} of {total} bytes",
            reason="download.incomplete",
            path=url,
        )
    return b"".join(chunks)
