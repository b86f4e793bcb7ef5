import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shopapp", "0001_initial"),
        ("support", "0006_business_hours"),
    ]

    operations = [
        migrations.CreateModel(
            name="FaqEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(blank=True, help_text="one of the answered languages; blank: any", max_length=8)),
                ("questions", models.JSONField(default=list, help_text="variants of the question, as shoppers ask it")),
                ("answer", models.TextField(help_text="plain text, sent as written")),
                ("enabled", models.BooleanField(default=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("shop", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="faq_entries", to="shopapp.shop")),
            ],
            options={
                "indexes": [models.Index(fields=["shop", "enabled", "language"], name="faq_entry_shop_lookup")],
            },
        ),
    ]
