"""``Refused``: an action declining a request for a reason the caller can fix. Actions raise it (or a
subclass); the API's exception handler turns it into a 400 with the reason as ``code``, so no
endpoint translates refusals itself."""


class Refused(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
