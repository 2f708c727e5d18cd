"""Writes with side effects on articles: status changes, each kept as a revision."""

import reversion
from django.db import transaction

from news.models import Article


def change_status(*, articles, status, user, comment, only_from=None):
    """Move each of ``articles`` (those in ``only_from`` statuses, if given, and
    not already there) to ``status`` as ``user``; returns how many moved.

    Each article is saved on its own (so ``updated`` moves, which the editing form's
    conflict check reads) inside its own revision, so its history shows who
    published or withdrew it and restoring one article never touches another.
    """
    ids = list(articles.values_list("pk", flat=True))
    rows = Article.objects.filter(pk__in=ids).exclude(status=status)
    if only_from is not None:
        rows = rows.filter(status__in=only_from)
    moved = 0
    with transaction.atomic():
        for article in rows.select_for_update().order_by("pk"):
            article.status = status
            article.updated_by = user
            with reversion.create_revision():
                reversion.set_user(user)
                reversion.set_comment(comment)
                article.save(update_fields=["status", "updated_by", "updated"])
            moved += 1
    return moved
