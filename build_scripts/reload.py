"""Development only (``./dev serve``, watch mode): open pages reload when the site has been rebuilt.

The development server adds one same-origin script to each HTML page it sends (``reload.js``, never written into
site/, so it works under the site's Content-Security-Policy: script-src 'self', connect-src 'self'). The script asks
``/__kmo-reload?since=<build>``, which waits for the next rebuild, then reloads the page.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

RELOAD_SCRIPT = "/__kmo-reload.js"
RELOAD_WAIT = "/__kmo-reload"
RELOAD_POLL_SECONDS = 25.0
# The page's own build comes from the script element's data-kmo-build, which the server writes into each HTML page.
RELOAD_JS = (Path(__file__).with_name("reload.js")).read_text(encoding="utf-8").replace("__WAIT__", RELOAD_WAIT)


class Reload:
    """The site's build, as a token that changes with every rebuild (and with every start of the server, so a page
    opened before a restart reloads too); requests wait here for the next one."""

    def __init__(self) -> None:
        self.started = f"{time.time_ns():x}"
        self.count = 0
        self.changed = threading.Condition()

    @property
    def build(self) -> str:
        return f"{self.started}-{self.count}"

    def rebuilt(self) -> None:
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def wait(self, since: str, timeout: float = RELOAD_POLL_SECONDS) -> str:
        with self.changed:
            self.changed.wait_for(lambda: self.build != since, timeout)
            return self.build

    def inject(self, html: bytes) -> bytes:
        tag = f'<script src="{RELOAD_SCRIPT}" data-kmo-build="{self.build}" defer></script>'.encode()
        head_end = html.find(b"</head>")
        return html[:head_end] + tag + html[head_end:] if head_end >= 0 else html + tag
