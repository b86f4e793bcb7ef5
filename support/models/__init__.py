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
from .customers import Customer
from .orders import Fulfillment, FulfillmentEvent, Order
from .privacy import DataExport, SupportSettings

__all__ = [
    "Attachment",
    "AuditEvent",
    "Channel",
    "Conversation",
    "ConversationStatus",
    "ConversationTag",
    "Customer",
    "DataExport",
    "Fulfillment",
    "FulfillmentEvent",
    "Message",
    "MessageKind",
    "Order",
    "Priority",
    "SupportSettings",
    "TimelineEvent",
]
