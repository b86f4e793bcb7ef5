"""Topic -> handler. A handler takes the delivery and calls one action; nothing else."""
from shopapp.actions.shops import deactivate_shop


def app_uninstalled(delivery):
    deactivate_shop(delivery.shop_domain)


HANDLERS = {
    "app/uninstalled": app_uninstalled,
}
