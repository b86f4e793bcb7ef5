from django.apps import AppConfig


class ShopappConfig(AppConfig):
    name = "shopapp"
    verbose_name = "Shops and the Shopify platform"
