"""Reads the Vite build manifest so templates can include the hashed bundle files."""
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings

BUILD_DIR = Path(__file__).resolve().parent / "static" / "frontend" / "build"
MANIFEST = BUILD_DIR / ".vite" / "manifest.json"
STATIC_PREFIX = "frontend/build/"


class BundleMissing(Exception):
    pass


@lru_cache(maxsize=4)
def _manifest(mtime: float) -> dict:
    return json.loads(MANIFEST.read_text())


def entry(name: str) -> dict:
    """``{"js": [...], "css": [...]}`` static URLs for a manifest entry."""
    if not MANIFEST.exists():
        raise BundleMissing("the front end is not built: run `make build`")
    chunk = _manifest(MANIFEST.stat().st_mtime).get(name)
    if chunk is None:
        raise BundleMissing(f"no entry {name} in the front-end build")
    return {
        "js": [settings.STATIC_URL + STATIC_PREFIX + chunk["file"]],
        "css": [settings.STATIC_URL + STATIC_PREFIX + css for css in chunk.get("css", [])],
    }
