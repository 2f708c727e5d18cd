import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations


def fill_search_vectors(apps, schema_editor):
    """Existing articles get their folded search text (news.search.document)."""
    from news.search import document

    Article = apps.get_model("news", "Article")
    TaggedArticle = apps.get_model("news", "TaggedArticle")
    tag_names = {}
    for article_id, name in TaggedArticle.objects.values_list(
        "content_object_id", "tag__name"
    ):
        tag_names.setdefault(article_id, []).append(name)
    for article in Article.objects.only("id", "title", "summary", "body").iterator():
        Article.objects.filter(pk=article.pk).update(
            search_vector=document(
                title=article.title,
                summary=article.summary,
                body=article.body,
                tag_names=tag_names.get(article.pk, []),
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='article',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='news_article_search_idx'),
        ),
        migrations.RunPython(fill_search_vectors, migrations.RunPython.noop, elidable=True),
    ]
