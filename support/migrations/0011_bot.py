from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("support", "0010_templates")]

    operations = [
        migrations.AddField(
            model_name="conversation", name="bot_failures", field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="conversation", name="last_bot_key", field=models.CharField(blank=True, max_length=48),
        ),
        migrations.AddField(
            model_name="conversation", name="handed_off_at", field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="conversation", name="handoff_reason", field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="supportsettings", name="high_value_threshold",
            field=models.DecimalField(
                blank=True, decimal_places=2, max_digits=14, null=True,
                help_text="customers who have spent at least this much move up a priority tier",
            ),
        ),
    ]
