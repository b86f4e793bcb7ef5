"""Merchant templates (macros): a named, categorised reply with one body per language. Bodies name
their variables as ``{{customer.first_name}}`` (see ``support/rules/templates.py``)."""
from django.db import models
from django.db.models.functions import Lower

from shopapp.models import Agent, Shop


class Template(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="templates")
    name = models.CharField(max_length=120)
    category = models.CharField(max_length=64, blank=True)
    needs_approval = models.BooleanField(default=False, help_text="only a supervisor or above may send it")
    created_by = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(Lower("name"), "shop", name="template_name_once_per_shop")]
        indexes = [models.Index(fields=["shop", "category"])]

    def __str__(self):
        return f"template {self.pk} of shop {self.shop_id}"


class TemplateVariant(models.Model):
    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="variants")
    language = models.CharField(max_length=8)
    body = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["template", "language"], name="template_variant_once")]

    def __str__(self):
        return f"{self.language} variant of template {self.template_id}"
