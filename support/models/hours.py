"""A shop's business hours and its switches for the greeting and the out-of-hours auto-reply.
Stored in the API's shape (``support.rules.hours.dump_schedule``), validated on write by
``support.actions.hours.set_business_hours``."""
from django.db import models

from shopapp.models import Shop
from support.rules.hours import Schedule, parse_schedule


class BusinessHours(models.Model):
    shop = models.OneToOneField(Shop, on_delete=models.CASCADE, related_name="business_hours")
    timezone = models.CharField(max_length=64, help_text="IANA zone, e.g. Europe/Berlin")
    weekly = models.JSONField(default=dict, blank=True, help_text='{"mon": [["09:00", "12:00"], ...], ...}')
    holiday_countries = models.JSONField(default=list, blank=True, help_text='country codes, e.g. ["DE"]')
    holiday_subdivision = models.CharField(max_length=32, blank=True, default="", help_text='e.g. "BY"')
    closed_dates = models.JSONField(default=list, blank=True, help_text='the merchant\'s own ["2026-12-24", ...]')
    greeting_enabled = models.BooleanField(default=True)
    out_of_hours_enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "business hours"

    def __str__(self):
        return f"business hours of shop {self.shop_id}"

    def schedule_data(self) -> dict:
        return {
            "timezone": self.timezone,
            "weekly": self.weekly,
            "holiday_countries": self.holiday_countries,
            "holiday_subdivision": self.holiday_subdivision or None,
            "closed_dates": self.closed_dates,
        }

    def schedule(self) -> Schedule:
        """The stored hours as a ``Schedule`` (raises ``ScheduleError`` if they no longer parse)."""
        return parse_schedule(self.schedule_data())
