from .attachments import Attachment
from .audit import AuditEvent
from .conversations import (
    Channel,
    Conversation,
    ConversationStatus,
    ConversationTag,
    Message,
    MessageKind,
    Priority,
    TimelineEvent,
)
from .credit import (
    CreditGrant,
    CreditInstrument,
    CreditLedgerEntry,
    CreditPolicy,
    CreditReason,
    GrantState,
)
from .customers import Customer
from .faq import FaqEntry
from .followups import FollowUp, FollowUpStatus, SlaEvent, SlaPolicy
from .hours import BusinessHours
from .orders import Fulfillment, FulfillmentEvent, Order
from .privacy import DataExport, SupportSettings
from .reply_texts import ReplyText
from .templates import Template, TemplateVariant
from .translation import TranslationProvider, TranslationSettings

__all__ = [
    "CreditGrant",
    "CreditInstrument",
    "CreditLedgerEntry",
    "CreditPolicy",
    "CreditReason",
    "GrantState",
    "Attachment",
    "AuditEvent",
    "BusinessHours",
    "Channel",
    "Conversation",
    "ConversationStatus",
    "ConversationTag",
    "Customer",
    "DataExport",
    "FaqEntry",
    "FollowUp",
    "FollowUpStatus",
    "Fulfillment",
    "FulfillmentEvent",
    "Message",
    "MessageKind",
    "Order",
    "Priority",
    "ReplyText",
    "SlaEvent",
    "SlaPolicy",
    "SupportSettings",
    "Template",
    "TemplateVariant",
    "TimelineEvent",
    "TranslationProvider",
    "TranslationSettings",
]
