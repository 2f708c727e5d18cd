"""Revisions in the article admin: versions taken after the tags are saved, the
history with compare and restore links, and the checks around django-reversion's
restore and recover views."""

from contextlib import contextmanager

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from news.revisions import (
    article_values,
    compare_rows,
    missing_references,
    version_values,
    versions_of,
)


def restoring(request):
    """Whether ``request`` restores a stored version: the form then matches the
    restored row, yet the save is a change to record."""
    return getattr(request, "restoring_revision", False)


class ArticleRevisionsMixin:
    """For ``ArticleAdmin`` (before ``VersionAdmin`` in its bases)."""

    def save_model(self, request, obj, form, change):
        # A save that changes nothing writes nothing: the row, its "updated" time
        # and the edit token stay as they are.
        if change and not form.has_changed() and not restoring(request):
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The revision is taken once the tags are saved, so it holds the new ones,
        # and only if something changed: otherwise the history would list saves
        # that changed nothing. A restore is always a new version.
        changed = form.has_changed() or any(f.has_changed() for f in formsets)
        if reversion.is_active() and (changed or not change or restoring(request)):
            reversion.add_to_revision(form.instance)

    def log_change(self, request, obj, message):
        if not message and not restoring(request):
            return None  # nothing changed: no history entry either
        return super().log_change(request, obj, message)

    @contextmanager
    def create_revision(self, request):
        # Manual: the article is added by save_related, after its tags are saved.
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            yield

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/<int:version_id>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="news_article_compare",
            ),
            *super().get_urls(),
        ]

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring is an edit of the article as it is now: a writer may not bring
        # back a draft over their published article.
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        # django-reversion matches the version by object id only, and reverts its
        # whole revision: accept only a version of this article whose revision
        # holds no other article.
        version = versions_of(article).filter(pk=version_id).first()
        if version is None:
            raise Http404(_("Không có phiên bản này của bài viết."))
        if (
            version.revision.version_set.filter(content_type=version.content_type)
            .exclude(object_id=version.object_id)
            .exists()
        ):
            raise PermissionDenied
        missing = missing_references(version.revision)
        if missing:
            self.message_user(
                request,
                _(
                    "Không khôi phục được phiên bản này vì những mục sau đã bị xóa: "
                    "%(missing)s. Hãy sửa bài trực tiếp."
                )
                % {"missing": ", ".join(missing)},
                messages.ERROR,
            )
            return redirect("admin:news_article_history", article.pk)
        request.restoring_revision = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        request.restoring_revision = True
        return super().recover_view(request, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        """Every stored version, newest first, with compare and restore links."""
        article = self.get_object(request, unquote(object_id))
        actions = []
        if article is not None:
            for version in versions_of(article):
                args = [article.pk, version.pk]
                actions.append(
                    {
                        "revision": version.revision,
                        "url": reverse("admin:news_article_revision", args=args),
                        "compare_url": reverse("admin:news_article_compare", args=args),
                    }
                )
        context = {
            "action_list": actions,
            "has_change_permission": article is not None
            and self.has_change_permission(request, article),
            **(extra_context or {}),
        }
        # Django's own view: it checks the permission on the article.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def compare_view(self, request, object_id, version_id):
        """A stored version beside the article as it is now, field by field."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(versions_of(article), pk=version_id)
        return TemplateResponse(
            request,
            "admin/news/article/compare.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": article,
                "version": version,
                "rows": compare_rows(version_values(version), article_values(article)),
                "title": _("So sánh phiên bản"),
                "restore_url": reverse(
                    "admin:news_article_revision", args=[article.pk, version.pk]
                )
                if self.has_change_permission(request, article)
                else None,
            },
        )
