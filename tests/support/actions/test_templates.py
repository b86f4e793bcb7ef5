"""Template actions: audited writes, and sends that either fill every variable or send nothing."""
from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from shopapp.refusals import Refused
from support.actions.templates import (
    ApprovalRequired,
    create_template,
    delete_template,
    send_template,
    update_template,
)
from support.models import AuditEvent, Fulfillment, Message, Template, TemplateVariant, TimelineEvent
from support.rules.templates import InvalidValues, MissingValues, UnknownVariables
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    FulfillmentFactory,
    OrderFactory,
    TemplateFactory,
    TemplateVariantFactory,
)

pytestmark = pytest.mark.django_db

ORDER_BODY = "Hi {{customer.first_name}}, {{order.name}} is {{order.status}}: {{tracking.carrier}} {{tracking.number}}."


def nothing_sent(conversation):
    return (not Message.objects.filter(conversation=conversation).exists()
            and not TimelineEvent.objects.filter(conversation=conversation).exists())


@pytest.fixture
def admin():
    return AgentFactory(role="admin", name="Sam Admin", shop__name="Tea Co", shop__currency="EUR")


@pytest.fixture
def conversation(admin):
    conversation = ConversationFactory(shop=admin.shop, customer__first_name="Jana", language="de-DE")
    old = OrderFactory(shop=admin.shop, customer=conversation.customer, name="#1001",
                       shopify_created_at=timezone.now() - timedelta(days=30))
    FulfillmentFactory(order=old, tracking=[{"company": "UPS", "number": "1Z-OLD", "url": ""}])
    latest = OrderFactory(shop=admin.shop, customer=conversation.customer, name="#1002")
    FulfillmentFactory(order=latest, shipment_status="in_transit",
                       tracking=[{"company": "DHL", "number": "JD0001", "url": ""}])
    return conversation


def test_create_stores_the_variants_and_audits(admin):
    template = create_template(agent=admin, name="  Where is   my order ", category="shipping", needs_approval=False,
                               variants={"en": " Hi {{customer.first_name}} ", "de": "Hallo {{customer.first_name}}"})
    assert (template.name, template.category, template.created_by_id) == ("Where is my order", "shipping", admin.pk)
    assert dict(template.variants.values_list("language", "body")) == {
        "en": "Hi {{customer.first_name}}", "de": "Hallo {{customer.first_name}}"}
    audit = AuditEvent.objects.get(shop=admin.shop)
    assert (audit.action, audit.agent_id, audit.target) == ("templates.created", admin.pk, f"template:{template.pk}")
    assert audit.data == {"name": "Where is my order", "category": "shipping", "needs_approval": False,
                          "languages": ["de", "en"]}


@pytest.mark.parametrize(("variants", "error"), [
    ({"en": "Hi {{customer.last_name}}"}, UnknownVariables), ({"xx": "Hi"}, Refused), ({"en": "  "}, Refused),
    ({}, Refused), ({"en": "x" * 5001}, Refused),
])
def test_create_refuses_bad_variants_and_stores_nothing(admin, variants, error):
    with pytest.raises(error):
        create_template(agent=admin, name="Refund", variants=variants)
    assert not Template.objects.exists()
    assert not AuditEvent.objects.exists()


def test_names_are_unique_per_shop_ignoring_case(admin):
    TemplateFactory(shop=admin.shop, name="Refund")
    TemplateFactory(name="REFUND")  # another shop may use it
    with pytest.raises(Refused) as caught:
        create_template(agent=admin, name="REFUND", variants={"en": "Hi"})
    assert caught.value.reason == "duplicate_name"
    assert Template.objects.filter(shop=admin.shop).count() == 1
    assert not AuditEvent.objects.exists()


def test_update_replaces_fields_and_variants(admin):
    template = TemplateFactory(shop=admin.shop, name="Old")
    TemplateVariantFactory(template=template, language="fr", body="Bonjour")
    updated = update_template(template, agent=admin, name="New", category="refunds", needs_approval=True,
                              variants={"fr": "Bonjour {{agent.name}}", "nl": "Hallo"})
    assert (updated.name, updated.category, updated.needs_approval) == ("New", "refunds", True)
    assert dict(TemplateVariant.objects.filter(template=template).values_list("language", "body")) == {
        "fr": "Bonjour {{agent.name}}", "nl": "Hallo"}
    assert AuditEvent.objects.get().action == "templates.updated"


def test_delete_audits_and_removes_the_variants(admin):
    template = TemplateFactory(shop=admin.shop)
    pk = template.pk
    delete_template(template, agent=admin)
    assert not Template.objects.filter(pk=pk).exists()
    assert not TemplateVariant.objects.exists()
    audit = AuditEvent.objects.get()
    assert (audit.action, audit.target, audit.data["languages"]) == ("templates.deleted", f"template:{pk}", ["en"])


def test_send_fills_values_from_the_latest_order_and_records_the_template(admin, conversation):
    template = TemplateFactory(shop=admin.shop, variants__body=ORDER_BODY)
    german = "Hallo {{customer.first_name}}, {{order.name}} ist {{order.status}}. {{agent.name}}, {{shop.name}}"
    TemplateVariantFactory(template=template, language="de", body=german)
    message, created = send_template(conversation, agent=admin, template_id=template.pk, language=None,
                                     values_supplied={"agent.name": "ignored, the context has it"}, client_id="t-1")
    assert created is True
    assert (message.kind, message.body, message.agent_id) == (
        "agent", "Hallo Jana, #1002 ist versandt. Sam Admin, Tea Co", admin.pk)
    event = TimelineEvent.objects.get(conversation=conversation, kind="template.sent")
    assert (event.actor, event.agent_id) == ("agent", admin.pk)
    assert event.data == {"template_id": str(template.pk), "message_id": str(message.pk), "language": "de",
                          "supplied": [], "needs_approval": False}


def test_send_uses_tracking_of_the_latest_order(admin, conversation):
    template = TemplateFactory(shop=admin.shop, variants__body=ORDER_BODY)
    message, _ = send_template(conversation, agent=admin, template_id=template.pk, language="en",
                               values_supplied={}, client_id="")
    assert message.body == "Hi Jana, #1002 is shipped: DHL JD0001."


def test_agent_values_fill_only_what_the_context_lacks(admin, conversation):
    body = "{{credit.offered}} for {{order.name}}: {{tracking.url}}"
    template = TemplateFactory(shop=admin.shop, variants__body=body)
    message, _ = send_template(conversation, agent=admin, template_id=template.pk, language="en",
                               values_supplied={"credit.offered": "15", "order.name": "#9999",
                                                "tracking.url": "https://track.example/JD0001"}, client_id="c")
    assert message.body == "€15.00 for #1002: https://track.example/JD0001"
    assert TimelineEvent.objects.get(kind="template.sent").data["supplied"] == ["credit.offered", "tracking.url"]


def test_missing_values_send_nothing(admin, conversation):
    Fulfillment.objects.filter(shop=admin.shop).update(shipment_status="delivered", delivered_at=timezone.now())
    template = TemplateFactory(shop=admin.shop, variants__body="Arrives {{order.eta_window}} via {{tracking.url}}")
    with pytest.raises(MissingValues) as caught:
        send_template(conversation, agent=admin, template_id=template.pk, language="en",
                      values_supplied={"order.eta_window": "   "}, client_id="m-1")
    assert caught.value.names == ["order.eta_window", "tracking.url"]
    assert nothing_sent(conversation)


def test_invalid_values_send_nothing(admin, conversation):
    template = TemplateFactory(shop=admin.shop, variants__body="Here is {{credit.offered}}")
    with pytest.raises(InvalidValues):
        send_template(conversation, agent=admin, template_id=template.pk, language="en",
                      values_supplied={"credit.offered": "lots"}, client_id="")
    assert nothing_sent(conversation)


def test_a_template_needing_approval_is_refused_to_an_agent(admin, conversation):
    template = TemplateFactory(shop=admin.shop, needs_approval=True, variants__body="Refund for {{order.name}}")
    agent = AgentFactory(shop=admin.shop, role="agent")
    with pytest.raises(ApprovalRequired):
        send_template(conversation, agent=agent, template_id=template.pk, language="en", values_supplied={},
                      client_id="")
    assert nothing_sent(conversation)
    supervisor = AgentFactory(shop=admin.shop, role="supervisor")
    message, created = send_template(conversation, agent=supervisor, template_id=template.pk, language="en",
                                     values_supplied={}, client_id="")
    assert (created, message.body, message.agent_id) == (True, "Refund for #1002", supervisor.pk)
    assert TimelineEvent.objects.get(kind="template.sent").data["needs_approval"] is True


def test_a_retried_send_is_stored_once(admin, conversation):
    template = TemplateFactory(shop=admin.shop, variants__body="Hi {{customer.first_name}}")
    first, created_first = send_template(conversation, agent=admin, template_id=template.pk, language="en",
                                         values_supplied={}, client_id="same")
    again, created_again = send_template(conversation, agent=admin, template_id=template.pk, language="en",
                                         values_supplied={}, client_id="same")
    assert (created_first, created_again, again.pk) == (True, False, first.pk)
    assert Message.objects.filter(conversation=conversation).count() == 1
    assert TimelineEvent.objects.filter(conversation=conversation, kind="template.sent").count() == 1


def test_a_language_without_a_variant_or_another_shops_template_sends_nothing(admin, conversation):
    template = TemplateFactory(shop=admin.shop, variants__body="Hi")
    with pytest.raises(Refused) as caught:
        send_template(conversation, agent=admin, template_id=template.pk, language="zh", values_supplied={},
                      client_id="")
    assert caught.value.reason == "no_variant"
    with pytest.raises(Http404):
        send_template(conversation, agent=admin, template_id=TemplateFactory().pk, language=None, values_supplied={},
                      client_id="")
    assert nothing_sent(conversation)
