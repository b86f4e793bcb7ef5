"""factory_boy factories for the models tests need."""
from datetime import timedelta

import factory
from django.utils import timezone as django_timezone

from shopapp.models import Agent, Role, Shop, ShopToken


class ShopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shop
        django_get_or_create = ("domain",)

    domain = factory.Sequence(lambda n: f"shop-{n}.myshopify.com")
    name = factory.Sequence(lambda n: f"Shop {n}")
    currency = "USD"
    timezone = "America/New_York"
    is_active = True
    installed_at = factory.LazyFunction(django_timezone.now)


class ShopTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShopToken

    shop = factory.SubFactory(ShopFactory)
    access_token = factory.Sequence(lambda n: f"shpat_test_{n:08d}")
    refresh_token = factory.Sequence(lambda n: f"shprt_test_{n:08d}")
    scope = "read_orders"
    expires_at = factory.LazyFunction(lambda: django_timezone.now() + timedelta(hours=1))
    refresh_expires_at = factory.LazyFunction(lambda: django_timezone.now() + timedelta(days=90))


class AgentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agent

    shop = factory.SubFactory(ShopFactory)
    shopify_user_id = factory.Sequence(lambda n: str(9100000000000100 + n))
    name = factory.Faker("name")
    role = Role.AGENT
