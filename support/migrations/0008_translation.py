import django.db.models.deletion
from django.db import migrations, models

import shopapp.crypto


class Migration(migrations.Migration):
    dependencies = [("shopapp", "0001_initial"), ("support", "0007_faq")]

    operations = [
        migrations.AddField(
            model_name="message",
            name="language",
            field=models.CharField(blank=True, max_length=16),
        ),
        migrations.AddField(
            model_name="message",
            name="machine_translated",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="message",
            name="original_body",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="message",
            name="translation",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.CreateModel(
            name="TranslationSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("provider", models.CharField(
                    blank=True, default="", max_length=8,
                    choices=[("", "None"), ("deepl", "DeepL"), ("google", "Google Cloud Translation")],
                )),
                ("api_key", shopapp.crypto.EncryptedTextField(
                    blank=True, default="", help_text="write-only: never returned by the API"
                )),
                ("enabled", models.BooleanField(
                    default=True, help_text="the merchant's switch; a provider and a key are needed too"
                )),
                ("agent_language", models.CharField(default="en", max_length=16)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("shop", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, related_name="translation_settings",
                    to="shopapp.shop",
                )),
            ],
        ),
    ]
