"""nginx, Debian's, with the repository's configuration (hosting/nginx/), serving the built site.

It runs as a child process of the tests: a temporary prefix with its own configuration, pid file, logs and temp
folders, on a free loopback port, and is stopped by its pid at the end. `./dev test` installs `nginx` and
`libnginx-mod-http-brotli-static` when they are missing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
CONFIG = ROOT / "hosting" / "nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None or not BROTLI_MODULE.exists():
        pytest.fail("nginx or its brotli_static module is missing: run ./dev test, which installs them")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], name: str, log: Path) -> None:
    """Until the server started as ``process`` accepts connections on ``port``; its log when it stops first."""
    deadline = time.monotonic() + 60  # a start-up wait, not a measurement: generous for a busy machine
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start: {log.read_text() if log.exists() else ''}") from None
            time.sleep(0.05)


def main_config(prefix: Path, port: int, site: Path) -> str:
    temp = prefix / "tmp"
    # Workers run as the user who runs the tests (nginx would switch a root master's workers to "nobody", who may
    # not be able to read a checkout in a private folder, as CI's fresh clone is).
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}load_module {BROTLI_MODULE};
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log {prefix / "access.log"};
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include kmo-site.conf;
    }}
}}
"""


@pytest.fixture(scope="session")
def nginx_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run ./dev test (or ./dev build first)")
    binary = nginx_binary()
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "tmp").mkdir()
    os.chmod(prefix, 0o755)
    for name in ("kmo-site.conf", "kmo-security.conf", "kmo-insluiten.conf"):
        shutil.copy(CONFIG / name, prefix / name)
    port = free_port()
    (prefix / "nginx.conf").write_text(main_config(prefix, port, SITE), encoding="utf-8")
    check = subprocess.run(
        [binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stderr
    output = (prefix / "stderr.log").open("wb")
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=output,
    )
    try:
        wait_for_port(port, process, "nginx", prefix / "stderr.log")
    except RuntimeError:
        output.close()
        raise
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        pid_file = prefix / "nginx.pid"
        pid = int(pid_file.read_text()) if pid_file.exists() else process.pid
        os.kill(pid, signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        output.close()
