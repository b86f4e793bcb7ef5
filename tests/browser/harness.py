"""Plain helpers of the browser tests (fixtures are in conftest.py): the live stack's processes,
the console error collector, screenshots."""
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ADMIN_MANIFEST = ROOT / "frontend" / "static" / "frontend" / "build" / ".vite" / "manifest.json"
WIDGET_ASSETS = ROOT / "extensions" / "chat-widget" / "assets"
WIDGET_LOADER = WIDGET_ASSETS / "support-chat-loader.js"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout=20.0, interval=0.1) -> bool:
    """True once ``check()`` is true (HTTP errors count as not yet), False after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except httpx.HTTPError:
            pass
        time.sleep(interval)
    return False


@dataclass
class Stack:
    """The app (uvicorn), a Celery worker and the dev store, as `make dev` runs them."""

    web: str
    store: str
    shop: str
    log_dir: Path
    processes: list = field(default_factory=list)

    def storefront(self, path="/"):
        return f"{self.store}/store/{self.shop}{path}"

    def logs(self, lines=40):
        """The last lines of every process's output, for failure messages."""
        parts = []
        for log in sorted(self.log_dir.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {log.name} ---\n" + "\n".join(tail))
        return "\n".join(parts)

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def start_stack(*, env, shop, log_dir: Path) -> Stack:
    """Starts the three processes on free ports; waits until the app and the dev store answer."""
    web_port, store_port = free_port(), free_port()
    web, store = f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{store_port}"
    env = {**env, "APP_URL": web, "SHOPIFY_DEVSTORE_URL": store}
    bin_dir = Path(sys.executable).parent
    commands = {
        "web": [str(bin_dir / "uvicorn"), "shopapp.asgi:application", "--host", "127.0.0.1", "--port", str(web_port),
                "--no-access-log", "--ws-per-message-deflate", "false"],
        "worker": [str(bin_dir / "celery"), "-A", "shopapp", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        "devstore": [sys.executable, "-m", "shopapp.devstore", "--port", str(store_port), "--app-url", web,
                     "--extension-assets", str(WIDGET_ASSETS), "--log-level", "WARNING"],
    }
    stack = Stack(web=web, store=store, shop=shop, log_dir=log_dir)
    for name, command in commands.items():
        with open(log_dir / f"{name}.log", "wb") as output:
            stack.processes.append(
                subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
            )
    try:
        up = wait_until(lambda: httpx.get(f"{web}/healthz").status_code == 200, timeout=30) and wait_until(
            lambda: httpx.get(f"{store}/_devstore/health").status_code == 200, timeout=30
        )
        if not up:
            raise RuntimeError(f"the stack did not start:\n{stack.logs()}")
    except BaseException:
        stack.stop()
        raise
    return stack


# The browser never leaves this machine: any request to another host is refused.
EXTERNAL = re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost)[:/])[a-z]+://")
# Known noise, not errors of our pages: the shopifyapp package's `Link: rel=preload` header for App
# Bridge and Polaris from Shopify's CDN (the app home copies it in development too, where the page
# is not embedded and never uses them), and the browser's own /favicon.ico request.
KNOWN_NOISE: tuple[str, ...] = ()


class ConsoleErrors:
    """Errors a page logs to its console or throws, for every page of a browser context. Patterns
    given to ``allow()`` (regular expressions) name errors a test expects (a cut network, say)."""

    def __init__(self):
        self.errors: list[str] = []
        self._allowed: list[re.Pattern] = [re.compile(pattern) for pattern in KNOWN_NOISE]

    def attach(self, context):
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self._add(f"uncaught: {error.error}"))

    def allow(self, pattern: str):
        self._allowed.append(re.compile(pattern))

    def _on_console(self, message):
        if message.type == "error":
            location = message.location or {}
            self._add(f"{message.text} ({location.get('url', '')}:{location.get('lineNumber', '')})")

    def _add(self, text: str):
        if not any(pattern.search(text) for pattern in self._allowed):
            self.errors.append(text)

    def unexpected(self) -> list[str]:
        return [error for error in self.errors if not any(pattern.search(error) for pattern in self._allowed)]


def save_screenshot(page, name: str) -> Path:
    """``docs/screenshots/<name>.png`` of the page at 1280x800."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise ValueError(f"screenshot names are lower-case words with dashes, not {name!r}")
    if page.viewport_size != VIEWPORT:
        page.set_viewport_size(VIEWPORT)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # Headless Chromium paints a page that has just scrolled or navigated a frame late: wait for two.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.screenshot(path=str(path), full_page=False)
    return path
