"""Role checks shared by the admin API's endpoints."""
import logging

from rest_framework.permissions import SAFE_METHODS, BasePermission

logger = logging.getLogger(__name__)


class AdminToWrite(BasePermission):
    """Reads for every agent of the shop; writes for its admins and owners (others: 403). A subclass
    names what it guards (``message``) and the key of the one log line a refusal writes (``log_key``)."""

    message = "only the shop's owner and admins can change this"
    log_key = "settings.write.refused"

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or request.user.has_role("admin"):
            return True
        logger.info(self.log_key, extra={"reason": "role", "agent_id": request.user.pk})
        return False
