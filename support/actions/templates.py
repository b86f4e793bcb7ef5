"""Writes of templates: create, update, delete (each audited on the shop's log), and sending one to a
shopper. A send is refused with nothing stored when a variable has no value (``MissingValues``) or
when the template needs approval and the agent is below supervisor (``ApprovalRequired``)."""
import logging
from collections.abc import Mapping

from django.db import IntegrityError, transaction

from shopapp.models import Agent, Role
from shopapp.refusals import Refused
from support.actions.messages import MAX_BODY, send_agent_reply
from support.models import AuditEvent, Conversation, Message, Template, TemplateVariant, TimelineEvent
from support.rules import templates as rules
from support.rules.texts import LANGUAGES
from support.selectors.templates import access_template, prepare

logger = logging.getLogger(__name__)

TEMPLATE_SENT = "template.sent"
SENDER_OF_APPROVED = Role.SUPERVISOR


class ApprovalRequired(Exception):
    """The template needs approval: only a supervisor or above may send it."""

    reason = "approval_required"


def _clean(name: str, category: str, variants: Mapping[str, str]) -> tuple[str, str, dict]:
    """Trimmed name and category, and variants whose bodies use known variables only. Raises
    ``Refused`` or ``rules.TemplateError`` (with the variable names)."""
    name, category = " ".join((name or "").split()), " ".join((category or "").split())
    if not name:
        raise Refused("empty_name")
    if not variants:
        raise Refused("no_variant")
    cleaned = {}
    for language, body in variants.items():
        if language not in LANGUAGES:
            raise Refused("unknown_language")
        text = (body or "").strip()
        if not text:
            raise Refused("empty_body")
        if len(text) > MAX_BODY:
            raise Refused("body_too_long")
        rules.parse(text)
        cleaned[language] = text
    return name, category, cleaned


def _save(template: Template, variants: dict, *, agent: Agent, action: str) -> Template:
    try:
        with transaction.atomic():
            template.save()
            TemplateVariant.objects.filter(template=template).exclude(language__in=list(variants)).delete()
            for language, body in variants.items():
                TemplateVariant.objects.update_or_create(template=template, language=language,
                                                         defaults={"body": body})
            _audit(template, agent=agent, action=action, languages=variants)
    except IntegrityError:
        raise Refused("duplicate_name") from None
    logger.info(action, extra={"shop_id": template.shop_id, "template_id": template.pk, "agent_id": agent.pk})
    return access_template(agent, template.pk)


def _audit(template: Template, *, agent: Agent, action: str, languages) -> None:
    AuditEvent.objects.create(
        shop_id=template.shop_id, action=action, actor="agent", agent=agent, target=f"template:{template.pk}",
        data={"name": template.name, "category": template.category, "needs_approval": template.needs_approval,
              "languages": sorted(languages)},
    )


def create_template(*, agent: Agent, name: str, category: str = "", needs_approval: bool = False,
                    variants: Mapping[str, str]) -> Template:
    name, category, variants = _clean(name, category, variants)
    template = Template(shop_id=agent.shop_id, name=name, category=category, needs_approval=needs_approval,
                        created_by=agent)
    return _save(template, variants, agent=agent, action="templates.created")


def update_template(template: Template, *, agent: Agent, name: str, category: str = "", needs_approval: bool = False,
                    variants: Mapping[str, str]) -> Template:
    """Replace the template's fields and variants (a language left out is removed)."""
    name, category, variants = _clean(name, category, variants)
    template.name, template.category, template.needs_approval = name, category, needs_approval
    return _save(template, variants, agent=agent, action="templates.updated")


def delete_template(template: Template, *, agent: Agent) -> None:
    with transaction.atomic():
        _audit(template, agent=agent, action="templates.deleted",
               languages=[variant.language for variant in template.variants.all()])
        template.delete()
    logger.info("templates.deleted", extra={"shop_id": agent.shop_id, "agent_id": agent.pk})


def send_template(conversation: Conversation, *, agent: Agent, template_id, language: str | None,
                  values_supplied: Mapping[str, str], client_id: str) -> tuple[Message, bool]:
    """Send the template's text as the agent's reply. The agent's values fill only variables the
    conversation lacks. Nothing is stored or sent on a refusal."""
    template = access_template(agent, template_id)
    if template.needs_approval and not agent.has_role(SENDER_OF_APPROVED):
        logger.info("templates.send.refused", extra={"reason": ApprovalRequired.reason, "template_id": template.pk,
                                                     "agent_id": agent.pk})
        raise ApprovalRequired()
    try:
        prepared = prepare(conversation, agent, template, language=language, supplied=values_supplied or {})
    except rules.MissingValues as error:
        logger.info("templates.send.refused", extra={"reason": "missing_values", "template_id": template.pk,
                                                     "missing": error.names})
        raise
    with transaction.atomic():
        message, created = send_agent_reply(conversation, agent=agent, body=prepared.body, client_id=client_id)
        if created:
            TimelineEvent.objects.create(
                shop_id=conversation.shop_id, conversation=conversation, kind=TEMPLATE_SENT, actor="agent",
                agent=agent, data={"template_id": str(template.pk), "message_id": str(message.pk),
                                   "language": prepared.language, "supplied": prepared.supplied,
                                   "needs_approval": template.needs_approval},
            )
    return message, created
