import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shopapp", "0001_initial"),
        ("support", "0009_tracking"),
    ]

    operations = [
        migrations.CreateModel(
            name="Template",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120)),
                ("category", models.CharField(blank=True, max_length=64)),
                ("needs_approval", models.BooleanField(default=False, help_text="only a supervisor or above may send it")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("created_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="shopapp.agent")),
                ("shop", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="templates", to="shopapp.shop")),
            ],
        ),
        migrations.CreateModel(
            name="TemplateVariant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=8)),
                ("body", models.TextField()),
                ("template", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="variants", to="support.template")),
            ],
        ),
        migrations.AddIndex(
            model_name="template",
            index=models.Index(fields=["shop", "category"], name="support_tem_shop_id_33d29a_idx"),
        ),
        migrations.AddConstraint(
            model_name="template",
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower("name"), models.F("shop"), name="template_name_once_per_shop"),
        ),
        migrations.AddConstraint(
            model_name="templatevariant",
            constraint=models.UniqueConstraint(fields=("template", "language"), name="template_variant_once"),
        ),
    ]
