from django.apps import AppConfig


class ShopappConfig(AppConfig):
    name = "shopapp"
    verbose_name = "Shops and the Shopify platform"

    def ready(self):
        from shopapp.api import schema  # noqa: F401 - registers the OpenAPI auth extension
