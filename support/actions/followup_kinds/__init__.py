"""The follow-up kinds: one module per kind with its handler (``handle(followup, now) -> outcome``,
registered in ``actions/followup_handlers.py``) and the scheduling function its hook calls
(``actions/mirror.py``, ``messages.py``, ``conversations.py``, the hourly late-order scan, the
scheduled-reply API). ``shopper.py`` holds what the kinds that write to the shopper share.

Outcomes start with ``skipped_`` when nothing was needed any more; the engine records them."""
