"""Writes with side effects: posting and moderating comments."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from comments import notifications
from comments.models import Comment
from comments.policy import initial_state
from portal import pagecache


def post_comment(
    *,
    article,
    name,
    email,
    text,
    reply_to=None,
    user=None,
    ip_hash="",
    notify_replies=False,
    as_official=False,
    form_token="",
    site=None,
    site_url=None,
):
    """Store a reader's comment in the state the moderation policy gives it.

    ``reply_to`` is the visible comment answered; the reply joins its thread
    (one level of nesting). A ``form_token`` already used returns the comment
    it made instead of a second one. Returns ``(comment, created)``. Moderators
    are emailed when the comment waits; the answered reader when it shows; the
    emails link to ``site_url`` (see portal.http.site_url).
    """
    if form_token:
        existing = Comment.objects.filter(form_token=form_token).first()
        if existing is not None:
            return existing, False
    state, held = initial_state(
        user=user, text=text, as_official=as_official, site=site
    )
    comment = Comment(
        article=article,
        parent_id=(reply_to.parent_id or reply_to.pk) if reply_to else None,
        reply_to=reply_to,
        user=user if user and user.is_authenticated else None,
        name=name,
        email=email,
        text=text,
        state=state,
        held_reason=held,
        is_official=as_official,
        notify_replies=notify_replies,
        ip_hash=ip_hash,
        form_token=form_token,
    )
    if state == Comment.State.APPROVED:
        comment.moderated_at = timezone.now()
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the first one won.
        existing = form_token and Comment.objects.filter(form_token=form_token).first()
        if not existing:
            raise
        return existing, False
    if state == Comment.State.WAITING:
        transaction.on_commit(
            lambda: notifications.notify_moderators(comment, base_url=site_url)
        )
    else:
        if reply_to is not None:
            transaction.on_commit(
                lambda: notifications.notify_reply(comment, base_url=site_url)
            )
    return comment, True


def moderate(*, comments, state, moderator=None, site_url=None):
    """Move ``comments`` (a queryset) to ``state``; returns how many changed.

    Replies that become visible email the reader they answer (if asked for),
    with links to ``site_url``.
    """
    with transaction.atomic():
        rows = list(
            comments.exclude(state=state)
            .select_for_update()
            .values_list("pk", "article_id")
        )
        if not rows:
            return 0
        changing = [pk for pk, _article_id in rows]
        Comment.objects.filter(pk__in=changing).update(
            state=state,
            moderated_at=timezone.now(),
            moderated_by=moderator
            if moderator and moderator.is_authenticated
            else None,
        )
        # update() sends no signal: the pages showing these comments are told here.
        pagecache.touch(
            pagecache.COMMENTS,
            *(pagecache.article_scope(article_id) for _pk, article_id in rows),
        )
    if state == Comment.State.APPROVED:
        for reply in Comment.objects.filter(
            pk__in=changing, reply_to__isnull=False
        ).select_related("reply_to", "article__category"):
            notifications.notify_reply(reply, base_url=site_url)
    return len(changing)


def unsubscribe(*, email):
    """Stop reply emails to ``email`` for every comment it wrote."""
    return Comment.objects.filter(email__iexact=email, notify_replies=True).update(
        notify_replies=False
    )
