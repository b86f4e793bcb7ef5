"""Business hours per shop (``support.models.hours.BusinessHours``)."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shopapp", "0001_initial"), ("support", "0005_search_indexes")]

    operations = [
        migrations.CreateModel(
            name="BusinessHours",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("timezone", models.CharField(help_text="IANA zone, e.g. Europe/Berlin", max_length=64)),
                ("weekly", models.JSONField(blank=True, default=dict,
                                            help_text='{"mon": [["09:00", "12:00"], ...], ...}')),
                ("holiday_countries", models.JSONField(blank=True, default=list,
                                                       help_text='country codes, e.g. ["DE"]')),
                ("holiday_subdivision", models.CharField(blank=True, default="", help_text='e.g. "BY"', max_length=32)),
                ("closed_dates", models.JSONField(blank=True, default=list,
                                                  help_text="the merchant's own [\"2026-12-24\", ...]")),
                ("greeting_enabled", models.BooleanField(default=True)),
                ("out_of_hours_enabled", models.BooleanField(default=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("shop", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE,
                                              related_name="business_hours", to="shopapp.shop")),
            ],
            options={"verbose_name_plural": "business hours"},
        ),
    ]
