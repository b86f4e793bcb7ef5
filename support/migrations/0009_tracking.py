"""Tracking: when each parcel was delivered (learned transit times read it through a partial index),
filled for the parcels already mirrored from their delivered events, else their delivered status."""
from django.db import migrations, models
from django.db.models import Exists, Min, OuterRef, Subquery


def fill_delivered_at(apps, schema_editor):
    Fulfillment = apps.get_model("support", "Fulfillment")
    FulfillmentEvent = apps.get_model("support", "FulfillmentEvent")
    delivered = FulfillmentEvent.objects.filter(
        fulfillment=OuterRef("pk"), status="delivered", happened_at__isnull=False
    )
    first = delivered.order_by().values("fulfillment").annotate(first=Min("happened_at")).values("first")
    Fulfillment.objects.filter(Exists(delivered)).update(delivered_at=Subquery(first))
    Fulfillment.objects.filter(delivered_at__isnull=True, shipment_status="delivered").update(
        delivered_at=models.F("shopify_updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [("support", "0008_translation")]

    operations = [
        migrations.AddField(
            model_name="fulfillment",
            name="delivered_at",
            field=models.DateTimeField(
                blank=True, null=True,
                help_text="the earliest evidence of delivery: a delivered event, else the status change",
            ),
        ),
        migrations.AddIndex(
            model_name="fulfillment",
            index=models.Index(condition=models.Q(("delivered_at__isnull", False)), fields=["shop", "-delivered_at"],
                               name="fulfillment_delivered"),
        ),
        migrations.RunPython(fill_delivered_at, migrations.RunPython.noop),
    ]
