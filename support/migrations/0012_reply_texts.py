import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shopapp", "0001_initial"),
        ("support", "0011_bot"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReplyText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(help_text='a catalogue key, e.g. "hours.greeting"', max_length=64)),
                ("language", models.CharField(help_text="one of the answered languages", max_length=8)),
                ("body", models.TextField(help_text="plain text with the default's {variables}")),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("shop", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reply_texts",
                                           to="shopapp.shop")),
                ("updated_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                                 related_name="+", to="shopapp.agent")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("shop", "key", "language"), name="reply_text_once")],
            },
        ),
    ]
