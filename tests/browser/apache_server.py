"""Apache, Debian's, serving a copy of a built site with the ``.htaccess`` files the build wrote (shared hosting):
``apache_url`` the site built for the root of its host (site/), ``apache_subpath_url`` the site built for
``https://www.example.org/kmo/`` (subpath_site.py) in the folder ``kmo/`` of the document root, as an upload into a
sub-folder of a shared host's web folder puts it.

It runs as a child process of the tests with a minimal main configuration (the modules shared hosts enable:
mod_mime, mod_headers, mod_rewrite, mod_dir), the least ``AllowOverride`` the site's ``.htaccess`` needs (HOSTING.md
names it; shared hosts allow All), on a free loopback port. Apache drops root's
rights for its worker (it refuses to serve as root), so it serves a world-readable copy of the site in a temporary
folder. `./dev test` installs `apache2` when it is missing. tests/nginx/ compares its headers with nginx's; the
browser tests run the calculator under it at the sub-path.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from nginx_server import free_port, wait_for_port
from subpath_site import PATH, subpath_site

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
MODULES = Path("/usr/lib/apache2/modules")
LOADED = ("mpm_prefork", "authz_core", "mime", "headers", "rewrite", "dir")
# What the .htaccess files use: FileInfo (headers, rewrite rules, types, ErrorDocument), Indexes (DirectoryIndex),
# Options=Indexes (Options -Indexes), AuthConfig (Require, for the .htaccess itself).
ALLOW_OVERRIDE = "FileInfo Indexes Options=Indexes AuthConfig"


def apache_binary() -> str:
    found = shutil.which("apache2") or ("/usr/sbin/apache2" if Path("/usr/sbin/apache2").exists() else None)
    if found is None or not (MODULES / "mod_headers.so").exists():
        pytest.fail("Apache (apache2) is missing: run ./dev test, which installs it")
    return found


def main_config(prefix: Path, port: int, documents: Path) -> str:
    modules = "\n".join(f"LoadModule {name}_module {MODULES / f'mod_{name}.so'}" for name in LOADED)
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    return f"""ServerRoot "{prefix}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{prefix / "apache.pid"}"
ErrorLog "{prefix / "error.log"}"
{modules}
{user}StartServers 2
MinSpareServers 2
MaxSpareServers 8
TypesConfig /etc/mime.types
DocumentRoot "{documents}"
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{documents}">
    AllowOverride {ALLOW_OVERRIDE}
    Require all granted
</Directory>
"""


def readable_copy(site: Path, target: Path) -> None:
    """A copy of ``site`` that Apache's worker (www-data) may read."""
    shutil.copytree(site, target, dirs_exist_ok=True)
    for folder, _, files in os.walk(target):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)


def prepared(prefix: Path, site: Path, path: str) -> tuple[Path, int]:
    """In ``prefix``: the document root with a readable copy of ``site`` at ``path``, and Apache's configuration for
    a free port; returns the configuration's file and the port."""
    os.chmod(prefix, 0o755)
    documents = prefix / "www"
    documents.mkdir(mode=0o755)
    readable_copy(site, documents / path.strip("/"))
    port = free_port()
    config = prefix / "apache.conf"
    config.write_text(main_config(prefix, port, documents), encoding="utf-8")
    return config, port


@contextlib.contextmanager
def running(binary: str, config: Path, port: int) -> Iterator[None]:
    """Apache in the foreground with ``config``, until it answers on ``port``; stopped at the end."""
    check = subprocess.run([binary, "-t", "-f", str(config)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [binary, "-f", str(config), "-DFOREGROUND"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: Apache signals its group when it stops
    )
    try:
        wait_for_port(port, process, "Apache", config.with_name("error.log"))
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def apache_serving(site: Path, path: str = "/") -> Iterator[str]:
    """Apache serving a copy of ``site`` at ``path`` of its host (``/`` or ``/kmo/``); yields the site's address."""
    if not (site / ".htaccess").is_file():
        pytest.fail(f"{site} is not built with its .htaccess: run ./dev test (or ./dev build first)")
    binary = apache_binary()
    prefix = Path(tempfile.mkdtemp(prefix="kmo-apache-"))
    try:
        config, port = prepared(prefix, site, path)
        with running(binary, config, port):
            yield f"http://127.0.0.1:{port}{path}"
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


@pytest.fixture(scope="session")
def apache_url() -> Iterator[str]:
    """The site of site/ at the root of Apache's host."""
    with apache_serving(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def apache_subpath_url() -> Iterator[str]:
    """The site built for https://www.example.org/kmo/ under /kmo/ of Apache's host."""
    with apache_serving(subpath_site(), PATH) as url:
        yield url
