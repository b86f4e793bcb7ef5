from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "Help desk"

    def ready(self):
        # Inbound email arrives through anymail's webhook view, whose only output is its signal.
        from anymail.signals import inbound

        from support.api.inbound_email import on_inbound

        inbound.connect(on_inbound, dispatch_uid="support.inbound_email")
