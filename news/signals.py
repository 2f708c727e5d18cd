"""Keep the search text of articles in step with their tags, and remove the files
of attachments that are deleted or replaced."""

from django.db import transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver

from news.models import Article, Attachment, Tag, TaggedArticle
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


def delete_file_on_commit(storage, name):
    # storage.delete works on any storage (S3-like ones too), and only once the
    # row's deletion is committed: a rolled-back delete keeps its file.
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Attachment)
def attachment_deleted(sender, instance, **kwargs):
    # Also sent for each attachment of a deleted article (cascade).
    delete_file_on_commit(instance.file.storage, instance.file.name)


@receiver(pre_save, sender=Attachment)
def attachment_file_replaced(sender, instance, **kwargs):
    if instance.pk is None or instance.file._committed:
        return
    old = Attachment.objects.filter(pk=instance.pk).values_list("file", flat=True)
    for name in old:
        delete_file_on_commit(instance.file.storage, name)
