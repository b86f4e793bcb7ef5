"""The app's own settings, unchanged, with one addition: the bench URLconf, which mounts a bare
endpoint beside the real URLs. The web server under test loads this module so that the bare
endpoint is served by the same processes, middleware and configuration as the webhooks."""
from shopapp.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
