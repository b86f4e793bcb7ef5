"""Typed errors from Shopify calls. ``retryable`` says whether the same call may simply be made
again; ``ambiguous`` says Shopify may have applied a mutation even though we got no answer, so the
caller must reconcile before any retry (``storeCreditAccountCredit`` has no idempotency key)."""


class ShopifyError(Exception):
    retryable = False
    ambiguous = False

    def __init__(self, message, *, code="", operation="", user_errors=None, errors=None):
        super().__init__(message)
        self.code = code
        self.operation = operation
        self.user_errors = list(user_errors or [])
        self.errors = list(errors or [])


class ShopNotInstalled(ShopifyError):
    """No active shop or no stored offline token: the merchant must open the app again."""


class ShopifyAuthError(ShopifyError):
    """The token was refused and could not be refreshed."""


class ShopifyThrottled(ShopifyError):
    retryable = True


class ShopifyServerError(ShopifyError):
    retryable = True


class ShopifyNetworkError(ShopifyError):
    retryable = True


class ShopifyAmbiguousError(ShopifyError):
    """A mutation got a 5xx or no answer: it may or may not have been applied."""

    ambiguous = True


class ShopifyQueryError(ShopifyError):
    """Top-level GraphQL errors (bad document, missing access scope): a bug or a config problem."""


class ShopifyUserErrors(ShopifyError):
    """The mutation ran and Shopify refused it with ``userErrors``."""
