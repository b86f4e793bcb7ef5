from .audit import AuditEvent
from .conversations import Channel, Conversation, ConversationStatus, Message, MessageKind
from .customers import Customer
from .orders import Fulfillment, FulfillmentEvent, Order
from .privacy import DataExport, SupportSettings

__all__ = [
    "AuditEvent", "Channel", "Conversation", "ConversationStatus", "Customer", "DataExport", "Fulfillment",
    "FulfillmentEvent", "Message", "MessageKind", "Order", "SupportSettings",
]
