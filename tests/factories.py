"""Small factories for test data: plain functions with keyword defaults."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news.models import Article, Category

_seq = itertools.count(1)


def make_category(**fields):
    n = next(_seq)
    fields.setdefault("name", f"Chuyên mục {n}")
    fields.setdefault("slug", f"chuyen-muc-{n}")
    return Category.objects.create(**fields)


def make_article(*, tags=(), **fields):
    n = next(_seq)
    fields.setdefault("title", f"Bài viết số {n}")
    if "category" not in fields:
        fields["category"] = make_category()
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("summary", "Tóm tắt bài viết.")
    fields.setdefault("body", "<p>Nội dung bài viết.</p>")
    article = Article.objects.create(**fields)
    if tags:
        article.tags.add(*tags)
    return article


def make_user(username=None, *, password="mat-khau-thu-1", role=None, **fields):
    username = username or f"user{next(_seq)}"
    user = get_user_model().objects.create_user(
        username=username, password=password, email=f"{username}@example.org", **fields
    )
    if role:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=role))
    return user


def image_bytes(fmt="JPEG", size=(64, 48), color=(180, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def image_upload(name="anh.jpg", fmt="JPEG", **kwargs):
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif"}.get(
        fmt, "application/octet-stream"
    )
    return SimpleUploadedFile(
        name, image_bytes(fmt, **kwargs), content_type=content_type
    )


def make_vote(article, score=4, *, voter=None, user=None, ip_hash=None, **fields):
    """A stored star-rating vote (a guest's unless ``user`` is given)."""
    from ratings.models import Vote

    n = next(_seq)
    if voter is None:
        voter = f"u:{user.pk}" if user else f"g:{n:032x}"
    return Vote.objects.create(
        article=article,
        score=score,
        voter=voter,
        user=user,
        ip_hash=ip_hash or f"{n:064x}",
        **fields,
    )


def make_comment(*, article=None, **fields):
    from comments.models import Comment

    n = next(_seq)
    fields.setdefault("name", f"Bạn đọc {n}")
    fields.setdefault("email", f"ban-doc-{n}@example.org")
    fields.setdefault("text", f"Ý kiến số {n}.")
    fields.setdefault("state", Comment.State.APPROVED)
    return Comment.objects.create(article=article or make_article(), **fields)


def comment_data(article, *, age=10, **fields):
    """POST data of the article's comment form, as if opened ``age`` seconds ago."""
    import time

    from comments.forms import sign_stamp

    n = next(_seq)
    data = {
        "name": f"Người đọc {n}",
        "email": f"nguoi-doc-{n}@example.org",
        "text": f"Bình luận số {n}.",
        "stamp": sign_stamp(article.pk, issued_at=time.time() - age),
        "website": "",
    }
    data.update(fields)
    return data


def make_album(*, photos=0, **fields):
    from news.gallery.models import Album, Photo

    n = next(_seq)
    fields.setdefault("title", f"Album ảnh số {n}")
    album = Album.objects.create(**fields)
    for i in range(photos):
        Photo.objects.create(
            album=album,
            image=image_upload(f"anh-{n}-{i}.jpg"),
            caption=f"Ảnh {i + 1} của album {n}",
            order=i,
        )
    return album


def make_banner(**fields):
    from portal.models import Banner

    n = next(_seq)
    fields.setdefault("alt_text", f"Biểu ngữ {n}")
    fields.setdefault("link", f"https://example.org/lien-ket-{n}")
    fields.setdefault("image", image_upload(f"bieu-ngu-{n}.png", fmt="PNG"))
    return Banner.objects.create(**fields)


def admin_form_data(form):
    """POST data for an admin ModelForm as its page shows it (what a browser
    sends when the editor saves without touching anything)."""
    from django import forms as django_forms

    data = {}
    for bound in form:
        if isinstance(bound.field, django_forms.FileField):
            continue
        value = bound.value()
        widget = bound.field.widget
        if isinstance(bound.field, django_forms.SplitDateTimeField):
            names = [bound.html_name]
            if bound.field.show_hidden_initial:
                # A field with a callable default also sends the value the page
                # was opened with, which decides whether it changed.
                names.append(bound.html_initial_name)
            for name in names:
                if isinstance(value, list):  # a bound form: what was posted
                    date, time = (part or "" for part in value)
                    data[f"{name}_0"], data[f"{name}_1"] = date, time
                elif value:
                    local = timezone.localtime(value)
                    data[f"{name}_0"] = local.strftime("%d/%m/%Y")
                    data[f"{name}_1"] = local.strftime("%H:%M:%S")
            continue
        if isinstance(bound.field, django_forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        if isinstance(value, list | tuple):  # a multiple choice: each value
            data[bound.html_name] = [str(item) for item in value]
            continue
        if hasattr(widget, "format_value") and not isinstance(value, str | int):
            value = widget.format_value(value)
        data[bound.html_name] = "" if value is None else value
    return data
