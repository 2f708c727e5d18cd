"""Keep the search text of articles in step with their tags."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver

from news.models import Article, Tag, TaggedArticle
from news.search import update_search_vectors


@receiver(m2m_changed, sender=TaggedArticle)
def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Article):
        update_search_vectors([instance.pk])
    elif pk_set:
        update_search_vectors(pk_set)


@receiver(pre_delete, sender=Tag)
def tag_deleted(sender, instance, **kwargs):
    # Deleting a tag deletes its links by cascade, which sends no m2m_changed:
    # refresh the articles' search text once the delete is committed.
    ids = list(
        TaggedArticle.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
    )
    if ids:
        transaction.on_commit(lambda: update_search_vectors(ids))


@receiver(post_save, sender=Tag)
def tag_renamed(sender, instance, created, **kwargs):
    if not created:
        update_search_vectors(
            TaggedArticle.objects.filter(tag=instance).values_list(
                "content_object_id", flat=True
            )
        )
