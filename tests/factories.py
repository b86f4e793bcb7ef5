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


# --- support: store mirror, conversations, privacy -----------------------------------------------

class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.Customer"

    shop = factory.SubFactory(ShopFactory)
    shopify_id = factory.Sequence(lambda n: 9100000000100000 + n)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"shopper{n}@example.com")
    phone = factory.Sequence(lambda n: f"+1613555{n:04d}")
    locale = "en"
    country_code = "CA"
    province_code = "ON"
    city = "Ottawa"
    tags = factory.LazyFunction(lambda: ["vip"])
    currency = "CAD"


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.Order"

    shop = factory.SubFactory(ShopFactory)
    shopify_id = factory.Sequence(lambda n: 9100000000200000 + n)
    customer = factory.SubFactory(CustomerFactory, shop=factory.SelfAttribute("..shop"))
    customer_shopify_id = factory.LazyAttribute(lambda o: o.customer.shopify_id if o.customer else None)
    name = factory.Sequence(lambda n: f"#{1001 + n}")
    email = factory.LazyAttribute(lambda o: o.customer.email if o.customer else "guest@example.com")
    currency = "USD"
    total_price = "42.50"
    financial_status = "paid"
    fulfillment_status = "fulfilled"
    line_items = factory.Sequence(
        lambda n: [{"id": str(9100000000300000 + n), "name": "Tea tin", "sku": "TEA-1", "quantity": 2, "price": "21.5"}]
    )
    shipping_country_code = "CA"
    shipping_province_code = "ON"
    shipping_zip = "K1A 0B1"
    shipping_city = "Ottawa"
    shipping_method = "Standard International"
    shopify_created_at = factory.LazyFunction(django_timezone.now)


class FulfillmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.Fulfillment"

    order = factory.SubFactory(OrderFactory)
    shop = factory.SelfAttribute("order.shop")
    shopify_id = factory.Sequence(lambda n: 9100000000400000 + n)
    name = factory.LazyAttribute(lambda f: f"{f.order.name}.1")
    status = "success"
    shipment_status = "in_transit"
    tracking = factory.Sequence(lambda n: [{"company": "DHL", "number": f"JD{n:010d}", "url": ""}])


class FulfillmentEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.FulfillmentEvent"

    fulfillment = factory.SubFactory(FulfillmentFactory)
    shop = factory.SelfAttribute("fulfillment.shop")
    shopify_id = factory.Sequence(lambda n: 9100000000500000 + n)
    status = "in_transit"
    message = "Departed facility"
    happened_at = factory.LazyFunction(django_timezone.now)
    city = "Leipzig"
    country = "Germany"


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.Conversation"

    shop = factory.SubFactory(ShopFactory)
    customer = factory.SubFactory(CustomerFactory, shop=factory.SelfAttribute("..shop"))
    last_activity_at = factory.LazyFunction(django_timezone.now)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.Message"

    conversation = factory.SubFactory(ConversationFactory)
    shop = factory.SelfAttribute("conversation.shop")
    kind = "shopper"
    body = factory.Sequence(lambda n: f"Where is my parcel? ({n})")


class DataExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.DataExport"

    shop = factory.SubFactory(ShopFactory)
    customer_shopify_id = factory.Sequence(lambda n: 9100000000100000 + n)
    data_request_id = factory.Sequence(lambda n: 9100000007000000 + n)
    content = factory.LazyAttribute(lambda e: {"customer_id": str(e.customer_shopify_id), "orders": []})
    completed_at = factory.LazyFunction(django_timezone.now)


class SupportSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.SupportSettings"
        django_get_or_create = ("shop",)

    shop = factory.SubFactory(ShopFactory)
    retention_months = 18


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.AuditEvent"

    shop = factory.SubFactory(ShopFactory)
    action = "settings.updated"
    actor = "system"


class WebhookDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "webhooks.WebhookDelivery"

    webhook_id = factory.Sequence(lambda n: f"test-webhook-{n:08d}")
    topic = "orders/updated"
    shop_domain = factory.Sequence(lambda n: f"shop-{n}.myshopify.com")
    payload = factory.LazyFunction(dict)
    status = "processed"


class BusinessHoursFactory(factory.django.DjangoModelFactory):
    """Weekdays 09:00-17:00 in Berlin, closed on German public holidays."""

    class Meta:
        model = "support.BusinessHours"
        django_get_or_create = ("shop",)

    shop = factory.SubFactory(ShopFactory)
    timezone = "Europe/Berlin"
    weekly = factory.LazyFunction(lambda: {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")})
    holiday_countries = factory.LazyFunction(lambda: ["DE"])


class TranslationSettingsFactory(factory.django.DjangoModelFactory):
    """DeepL with a free-plan key, agents reading English (point ``DEEPL_API_URL`` at the stand-in)."""

    class Meta:
        model = "support.TranslationSettings"
        django_get_or_create = ("shop",)

    shop = factory.SubFactory(ShopFactory)
    provider = "deepl"
    api_key = "5a1f0c2e-7a55-4c1b-9a7e-000000000001:fx"
    enabled = True
    agent_language = "en"


class TemplateFactory(factory.django.DjangoModelFactory):
    """A template with an English variant (``variants__body`` / ``variants__language`` to change it)."""

    class Meta:
        model = "support.Template"
        skip_postgeneration_save = True

    shop = factory.SubFactory(ShopFactory)
    name = factory.Sequence(lambda n: f"Where is my order {n}")
    category = "shipping"
    variants = factory.RelatedFactory(
        "tests.factories.TemplateVariantFactory", factory_related_name="template",
        body="Hi {{customer.first_name}}, your order {{order.name}} is {{order.status}}.",
    )


class TemplateVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.TemplateVariant"

    template = factory.SubFactory(TemplateFactory, variants=None)
    language = "en"
    body = "Hi {{customer.first_name}}!"


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "support.FaqEntry"

    shop = factory.SubFactory(ShopFactory)
    language = ""
    questions = factory.LazyFunction(lambda: ["Do you offer gift wrapping?", "Can you gift wrap my order?"])
    answer = "Yes: tick 'gift wrap' at checkout, it is free."
    enabled = True


class ReplyTextFactory(factory.django.DjangoModelFactory):
    """The shop's German greeting."""

    class Meta:
        model = "support.ReplyText"

    shop = factory.SubFactory(ShopFactory)
    key = "hours.greeting"
    language = "de"
    body = "Moin bei {shop_name}! Was können wir für Sie tun?"


class CreditGrantFactory(factory.django.DjangoModelFactory):
    """An approved store-credit grant, ready to issue (requests and approvals build them for real)."""

    class Meta:
        model = "support.CreditGrant"

    shop = factory.SubFactory(ShopFactory)
    customer = factory.SubFactory(CustomerFactory, shop=factory.SelfAttribute("..shop"))
    order = factory.SubFactory(OrderFactory, shop=factory.SelfAttribute("..shop"),
                               customer=factory.SelfAttribute("..customer"))
    request_key = factory.Sequence(lambda n: f"grant-{n}")
    amount = "7.50"
    currency = "EUR"
    reason = "late_delivery"
    instrument = "store_credit"
    state = "approved"


class CreditPolicyFactory(factory.django.DjangoModelFactory):
    """A shop's store-credit policy: the model's defaults unless told (15% of an order, approval from 10.00)."""

    class Meta:
        model = "support.CreditPolicy"
        django_get_or_create = ("shop",)

    shop = factory.SubFactory(ShopFactory)


class TimelineEventFactory(factory.django.DjangoModelFactory):
    """One change on a conversation's timeline (``created_at`` is set on insert: ``.update()`` it to back-date)."""

    class Meta:
        model = "support.TimelineEvent"

    conversation = factory.SubFactory(ConversationFactory)
    shop = factory.SelfAttribute("conversation.shop")
    kind = "conversation.status_changed"
    actor = "agent"
    data = factory.LazyFunction(lambda: {"from": "open", "to": "resolved"})


class SlaEventFactory(factory.django.DjangoModelFactory):
    """A first-response target met (``created_at`` is set on insert: ``.update()`` it to back-date)."""

    class Meta:
        model = "support.SlaEvent"

    conversation = factory.SubFactory(ConversationFactory)
    shop = factory.SelfAttribute("conversation.shop")
    kind = "hit"
    target = "first_response"
    priority = "C"
    due_at = factory.LazyFunction(django_timezone.now)


class FollowUpFactory(factory.django.DjangoModelFactory):
    """A scheduled follow-up, due now."""

    class Meta:
        model = "support.FollowUp"

    shop = factory.SubFactory(ShopFactory)
    kind = "delivery_checkin"
    key = factory.Sequence(lambda n: f"followup-{n}")
    due_at = factory.LazyFunction(django_timezone.now)


class SlaPolicyFactory(factory.django.DjangoModelFactory):
    """Tier A targets of 30 min / 60 min / 8 h in business hours."""

    class Meta:
        model = "support.SlaPolicy"
        django_get_or_create = ("shop", "priority")

    shop = factory.SubFactory(ShopFactory)
    priority = "A"
    first_response_minutes = 30
    next_response_minutes = 60
    resolution_minutes = 480
    business_hours = True
