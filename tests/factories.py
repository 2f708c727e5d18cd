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
            if isinstance(value, list):  # a bound form: what was posted
                date, time = (part or "" for part in value)
                data[f"{bound.html_name}_0"], data[f"{bound.html_name}_1"] = date, time
            elif value:
                local = timezone.localtime(value)
                data[f"{bound.html_name}_0"] = local.strftime("%d/%m/%Y")
                data[f"{bound.html_name}_1"] = local.strftime("%H:%M:%S")
            continue
        if isinstance(bound.field, django_forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        if hasattr(widget, "format_value") and not isinstance(value, str | int):
            value = widget.format_value(value)
        data[bound.html_name] = "" if value is None else value
    return data
