from django.db import migrations


def styles_to_classes(apps, schema_editor):
    """Stored bodies lose their inline styles (refused by the Content-Security-
    Policy of public pages): alignment, floats and indents become classes."""
    from news.sanitize import sanitize_html

    Article = apps.get_model("news", "Article")
    for article in Article.objects.filter(body__contains="style=").iterator():
        Article.objects.filter(pk=article.pk).update(body=sanitize_html(article.body))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_attachments"),
    ]

    operations = [
        migrations.RunPython(styles_to_classes, migrations.RunPython.noop),
    ]
