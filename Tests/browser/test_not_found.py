"""The 404 page as static hosts show it: at the missing address itself, at any depth, under a sub-path.

A local server plays the host. It serves the built site under /guide/ and answers every unknown path there with
404.html, with status 404 (GitHub Pages, Netlify) or 200 (nginx `try_files $uri /404.html`)."""

import http.server
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SITEGEN_BIN, SITEGEN_ROOT

PREFIX = "/guide/"
# One, two and four folders below the site's own.
MISSING = ["no-such-page.html", "notes/no-such-note", "a/b/c/d/missing.html"]
LINKED = {"index.html", "guide.html", "builder.html", "checklist.html", "notes/index.html"}


class Host(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site, missing_status, port=0):
        self.site = site
        self.missing_status = missing_status
        self.requests = []
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body):
        host = self.server
        path = unquote(urlsplit(self.path).path)
        host.requests.append((self.command, path))
        if not path.startswith(PREFIX):
            return self.send(404, "text/plain", b"not this site", body)
        relative = path[len(PREFIX):] or "index.html"
        file = host.site / relative
        if file.is_dir():
            file = file / "index.html"
        if file.is_file() and host.site in file.resolve().parents:
            kind = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript"}
            return self.send(200, kind.get(file.suffix, "application/octet-stream"), file.read_bytes(), body)
        return self.send(host.missing_status, "text/html; charset=utf-8", (host.site / "404.html").read_bytes(), body)

    def send(self, status, kind, data, body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


def serve(site, missing_status, port=0):
    host = Host(site, missing_status, port)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    return host


def built_with_url(tmp_path, url):
    """The guide built with `url:` set in its site.yaml."""
    root = tmp_path / "project"
    shutil.copytree(SITEGEN_ROOT / "content", root / "content")
    shutil.copytree(SITEGEN_ROOT / "themes", root / "themes")
    config = root / "content" / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"url: {url}\n", encoding="utf-8")
    output = tmp_path / "site"
    result = subprocess.run([str(SITEGEN_BIN), "build", "--root", str(root), "--output", str(output), "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return output


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def open_missing(driver, host, missing):
    driver.get(host.origin + PREFIX + missing)
    assert driver.title.startswith("Page not found")
    # The links are pointed at the site once the script has found it.
    home = host.origin + PREFIX + "index.html"
    WebDriverWait(driver, 5).until(lambda _: driver.execute_script(
        "return document.querySelector('.site-title').href") == home)


def links(driver):
    """Where each link leads, other than to a place on this page."""
    return driver.execute_script(
        "return [...document.querySelectorAll('a[href]:not([href^=\"#\"])')].map((a) => a.href)")


def assert_styled_and_linked(driver, host):
    # The theme's style is inside the page, so it applies wherever the page is served.
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") != "none"
    assert driver.execute_script("return getComputedStyle(document.documentElement).getPropertyValue('--accent')")
    targets = set()
    for href in links(driver):
        path = unquote(urlsplit(href).path)[len(PREFIX):]
        assert (host.site / path).is_file(), f"{href} leads to no file of the site"
        targets.add(path)
    assert LINKED <= targets, LINKED - targets


@pytest.mark.parametrize("missing", MISSING)
@pytest.mark.parametrize("status", [404, 200])
def test_not_found_page_is_styled_and_its_links_work_at_any_depth(driver, site, missing, status):
    host = serve(site, status)
    try:
        open_missing(driver, host, missing)
        assert_styled_and_linked(driver, host)
        # Following a link reaches the real page.
        driver.execute_script("[...document.querySelectorAll('a[href]')].find((a) => a.href.endsWith('/guide.html')).click()")
        WebDriverWait(driver, 5).until(lambda _: driver.current_url == host.origin + PREFIX + "guide.html")
        assert not driver.title.startswith("Page not found")
        # Every request went to this host, and only to the site's own folder.
        assert all(path.startswith(PREFIX) for _, path in host.requests), host.requests
    finally:
        host.shutdown()


@pytest.mark.parametrize("slash", ["/", ""])
def test_a_configured_url_names_the_folder_without_asking(driver, tmp_path, slash):
    port = free_port()
    # With or without its trailing slash, the URL names the folder.
    site = built_with_url(tmp_path, f"http://127.0.0.1:{port}{PREFIX.rstrip('/')}{slash}")
    host = serve(site, 404, port)
    try:
        open_missing(driver, host, MISSING[2])
        assert_styled_and_linked(driver, host)
        assert not [request for request in host.requests if request[0] == "HEAD"], host.requests
    finally:
        host.shutdown()


def test_a_url_elsewhere_still_finds_the_folder_here(driver, tmp_path):
    # Built for its public address but read on another host (a preview, a mirror): links stay on this host.
    site = built_with_url(tmp_path, "https://guide.example.org/thanks/")
    host = serve(site, 404)
    try:
        open_missing(driver, host, MISSING[1])
        assert_styled_and_linked(driver, host)
    finally:
        host.shutdown()


def test_from_disk_the_links_are_the_written_ones(driver, site):
    driver.get((site / "404.html").as_uri())
    hrefs = links(driver)
    assert (site / "guide.html").as_uri() in hrefs
    assert driver.execute_script("return getComputedStyle(document.documentElement).getPropertyValue('--accent')")
