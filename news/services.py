"""Writes with side effects on articles: status changes, each kept as a revision,
and attached documents."""

import os

import reversion
from django.core.files import File
from django.db import transaction
from django.db.models import Max

from news.models import Article, Attachment


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


def add_attachment(*, article, file, title="", order=None):
    """Attach the document ``file`` to ``article`` and return the ``Attachment``.

    ``file`` is a Django ``File`` (an upload, ``ContentFile(data, name=...)``,
    ``File(open(path, "rb"))``) or an open binary file; only its name's stem is
    used, for the title when ``title`` is empty. The content is checked as in the
    admin (news.documents: PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, ZIP without programs,
    within ``ATTACHMENT_MAX_BYTES``) and stored under a generated name; a refused
    file raises ``ValidationError`` and nothing is stored. ``order`` defaults to
    after the article's other attachments.
    """
    if not isinstance(file, File):
        file = File(file, name=getattr(file, "name", None))
    file.name = os.path.basename((file.name or "").replace("\\", "/")) or "tai-lieu"
    if order is None:
        last = article.attachments.aggregate(last=Max("order"))["last"]
        order = 0 if last is None else last + 1
    attachment = Attachment(article=article, file=file, title=title or "", order=order)
    attachment.full_clean()
    attachment.save()
    return attachment
