"""Reads of templates, always scoped by the agent's shop (another shop's template is a 404): the
search, one template, and a template made ready for one conversation (variant, values, text)."""
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from shopapp.models import Agent
from shopapp.refusals import Refused
from support.models import Conversation, Template, TemplateVariant
from support.rules import templates as rules
from support.selectors.template_context import template_values


def _shop_templates(agent: Agent) -> QuerySet:
    return Template.objects.filter(shop_id=agent.shop_id).prefetch_related(
        Prefetch("variants", queryset=TemplateVariant.objects.order_by("language"))
    )


def access_template(agent: Agent, template_id) -> Template:
    try:
        return _shop_templates(agent).get(pk=int(template_id))
    except (Template.DoesNotExist, ValueError, TypeError):
        raise Http404("no such template") from None


def search_templates(agent: Agent, *, q: str = "", category: str = "", language: str = "") -> list[Template]:
    """The shop's templates by category and name; ``q`` matches name, category or any body
    (case-insensitive), ``language`` keeps those with a variant in it."""
    queryset = _shop_templates(agent)
    if category:
        queryset = queryset.filter(category__iexact=category)
    if language:
        queryset = queryset.filter(Exists(TemplateVariant.objects.filter(template=OuterRef("pk"), language=language)))
    if q:
        bodies = TemplateVariant.objects.filter(template=OuterRef("pk"), body__icontains=q)
        queryset = queryset.filter(Q(name__icontains=q) | Q(category__icontains=q) | Exists(bodies))
    return list(queryset.order_by("category", "name", "pk"))


def variant_language(template: Template, conversation: Conversation | None, requested: str | None) -> str | None:
    """The language of the variant to use: the one asked for (refused when there is none), else the
    conversation's, else English, else the first there is."""
    available = [variant.language for variant in template.variants.all()]
    if requested:
        if requested not in available:
            raise Refused("no_variant")
        return requested
    return rules.choose_language(available, conversation_language=conversation.language if conversation else None)


def _body(template: Template, language: str) -> str:
    return next(variant.body for variant in template.variants.all() if variant.language == language)


@dataclass(frozen=True)
class Offer:
    language: str | None
    offered: bool
    missing: list[str]  # the agent must fill these before sending
    unavailable: list[str]  # nobody can fill these here: the template is not offered


def offers(conversation: Conversation, agent: Agent, templates: list[Template], language: str = "") -> dict:
    """For each template: whether it can be used in this conversation and what the agent must fill."""
    context = template_values(conversation, agent)
    result = {}
    for template in templates:
        available = [variant.language for variant in template.variants.all()]
        if language:
            chosen = language if language in available else None
        else:
            chosen = rules.choose_language(available, conversation_language=conversation.language)
        if chosen is None:
            result[template.pk] = Offer(None, False, [], [])
            continue
        try:
            missing, unavailable = rules.needs(rules.parse(_body(template, chosen)), context)
        except rules.TemplateError as error:  # a body saved before the registry changed
            missing, unavailable = [], error.names
        result[template.pk] = Offer(chosen, not unavailable, missing, unavailable)
    return result


@dataclass(frozen=True)
class Prepared:
    language: str
    body: str
    supplied: list[str]  # variables the agent typed


def prepare(conversation: Conversation, agent: Agent, template: Template, *, language: str | None,
            supplied: Mapping[str, str]) -> Prepared:
    """The text the template gives in this conversation. Raises ``rules.MissingValues`` (some
    variable has no value), ``rules.InvalidValues``/``UnknownVariables`` (bad supplied values),
    ``Refused("no_variant")``."""
    chosen = variant_language(template, conversation, language)
    if chosen is None:
        raise Refused("no_variant")
    values, used = rules.merge(template_values(conversation, agent), supplied, currency=conversation.shop.currency)
    return Prepared(chosen, rules.render(_body(template, chosen), values, language=chosen), used)
