from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView
from PIL import Image

from news import search
from news.documents import KINDS, identify_document
from news.forms import SearchForm
from news.images import ALLOWED_FORMATS, CONTENT_WIDTH, validate_image_file
from news.models import Article, Attachment, Category, Tag
from news.paging import KeysetPaginator
from news.text import slugify_vi
from portal.models import SiteSettings

PAGE_SIZE = 20


def can_preview(user, article):
    """Staff who may edit articles see unpublished ones: editors any, writers
    (without the publish permission) their own."""
    if not (user.is_active and user.is_staff and user.has_perm("news.change_article")):
        return False
    return user.has_perm("news.publish_article") or article.created_by_id == user.pk


def readable_article(request, pk):
    """The article ``pk`` and whether showing it is a preview: 404 unless readers
    may see it or ``request.user`` may preview it."""
    article = (
        Article.objects.select_related("category", "category__parent")
        .defer("search_vector")
        .filter(pk=pk)
        .first()
    )
    if article is None:
        raise Http404(_("Không có bài viết này."))
    preview = not article.is_visible_to_readers()
    if preview and not can_preview(request.user, article):
        raise Http404(_("Không có bài viết này."))
    return article, preview


class HomeView(TemplateView):
    template_name = "news/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published().for_listing()
        context["featured"] = list(published.filter(featured=True)[:5])
        shown = [a.pk for a in context["featured"]]
        context["latest"] = list(published.exclude(pk__in=shown)[:10])
        context["home_categories"] = [
            (
                category,
                list(published.filter(category__in=category.descendant_ids())[:5]),
            )
            for category in Category.objects.active().filter(show_on_home=True)
        ]
        return context


class ArticleListView(ListView):
    """A paginated list of published articles, newest first."""

    paginate_by = PAGE_SIZE
    template_name = "news/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return self.filter_articles(Article.objects.published().for_listing())

    def get_paginator(self, queryset, per_page, **kwargs):
        return KeysetPaginator(queryset, per_page, list_key=self.list_key())


class CategoryView(ArticleListView):
    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(
            Category.objects.active().select_related("parent"), slug=kwargs["slug"]
        )
        return super().get(request, *args, **kwargs)

    def filter_articles(self, articles):
        return articles.filter(category__in=self.category.descendant_ids())

    def list_key(self):
        return f"category:{self.category.pk}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            category=self.category,
            heading=self.category.name,
            breadcrumbs=[*self.category.ancestors()],
            description=self.category.description,
            subcategories=self.category.children.active(),
        )
        return context


class TagView(ArticleListView):
    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(Tag, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def filter_articles(self, articles):
        return articles.filter(tags=self.tag)

    def list_key(self):
        return f"tag:{self.tag.pk}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            tag=self.tag,
            heading=_("Từ khóa: %(tag)s") % {"tag": self.tag.name},
        )
        return context


class ArticleView(DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        article, self.preview = readable_article(self.request, self.kwargs["pk"])
        return article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.external_url and not self.preview:
            # An article that is only a link: readers go to its source (302, so
            # that removing the link later is not remembered by browsers).
            return redirect(self.object.external_url)
        canonical = self.object.get_absolute_url()
        if request.path != canonical:
            query = request.META.get("QUERY_STRING", "")
            return redirect(
                f"{canonical}?{query}" if query else canonical, permanent=True
            )
        response = self.render_to_response(self.get_context_data(object=self.object))
        if self.preview:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        count = SiteSettings.load().related_count
        siblings = (
            Article.objects.published()
            .for_listing()
            .filter(category_id=article.category_id)
        )
        # Both lists in one query; newer ones nearest first, then older ones.
        nearby = (
            siblings.newer_than(article)[:count].union(
                siblings.older_than(article)[:count], all=True
            )
            if count
            else []
        )
        here = (article.publish_at, article.pk)
        nearby = sorted(nearby, key=lambda item: (item.publish_at, item.pk))
        attachments = list(article.attachments.all())
        context.update(
            preview=self.preview,
            tags=list(article.tags.all()),
            attachments=attachments,
            # The first PDF is shown open under the article, the others folded.
            first_pdf=next((a for a in attachments if a.is_pdf), None),
            newer=[item for item in nearby if (item.publish_at, item.pk) > here],
            older=[item for item in nearby if (item.publish_at, item.pk) < here][::-1],
            breadcrumbs=[*article.category.ancestors(), article.category],
        )
        return context


class SearchView(ListView):
    """Published articles matching the reader's words, best first, matches marked.

    No query shows the search form; an invalid one (empty, one character, over
    200 characters) shows the form's message with status 400.
    """

    paginate_by = PAGE_SIZE
    template_name = "news/search.html"
    context_object_name = "articles"

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET if "q" in request.GET else None)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        response = super().get(request, *args, **kwargs)
        if self.form.is_bound and not self.form.is_valid():
            response.status_code = 400
        return response

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        return (
            Article.objects.published()
            .search(self.query)
            .select_related("category")
            .only(
                "id",
                "title",
                "slug",
                "summary",
                "body",
                "image",
                "publish_at",
                "category__id",
                "category__slug",
                "category__name",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = search.query_terms(self.query)
        results = []
        for article in context["articles"]:
            # The summary if it holds a match, else the body, else what there is.
            text = article.summary
            if not search.matches(text, terms):
                body = search.body_text(article.body)
                if search.matches(body, terms) or not text:
                    text = body
            results.append(
                {
                    "article": article,
                    "title": search.highlight(article.title, terms),
                    "snippet": search.snippet(text, terms),
                }
            )
        context.update(form=self.form, query=self.query, results=results)
        return context


def article_print(request, pk):
    """The article alone, for printing: no menu, no side column, no related lists."""
    article, preview = readable_article(request, pk)
    response = render(
        request,
        "news/article_print.html",
        {"article": article, "tags": list(article.tags.all()), "preview": preview},
    )
    if preview:
        add_never_cache_headers(response)
    return response


def readable_attachment(request, pk):
    """The attachment ``pk`` and whether its article is shown as a preview: 404
    unless readers may see the article or ``request.user`` may preview it."""
    attachment = (
        Attachment.objects.select_related("article__category").filter(pk=pk).first()
    )
    if attachment is None:
        raise Http404(_("Không có tài liệu này."))
    preview = not attachment.article.is_visible_to_readers()
    if preview and not can_preview(request.user, attachment.article):
        raise Http404(_("Không có tài liệu này."))
    return attachment, preview


def attachment_response(attachment, preview, *, inline):
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404(_("Không có tài liệu này.")) from exc
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=attachment.download_name,
        content_type=attachment.content_type,
    )
    if preview:
        add_never_cache_headers(response)
    return response


def attachment_download(request, pk):
    """An attachment as a download, named after its title."""
    attachment, preview = readable_attachment(request, pk)
    return attachment_response(attachment, preview, inline=False)


@xframe_options_sameorigin
def attachment_preview(request, pk):
    """A PDF attachment shown inline, for the browser's own viewer in the frame
    under the article (same origin only)."""
    attachment, preview = readable_attachment(request, pk)
    if not attachment.is_pdf:
        raise Http404(_("Chỉ xem trước được tài liệu PDF."))
    response = attachment_response(attachment, preview, inline=True)
    # The PDF runs no script of ours; the browser's viewer renders it as a plugin
    # document, which a site-wide policy with object-src 'none' would block.
    response["Content-Security-Policy"] = (
        "default-src 'none'; object-src 'self'; frame-ancestors 'self'"
    )
    return response


def article_by_id(request, pk):
    """A short link by id alone; answers 301 to the canonical address."""
    article, _preview = readable_article(request, pk)
    return redirect(article.get_absolute_url(), permanent=True)


def upload_error(message, status=400):
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


def save_editor_upload(upload, extension, fallback):
    """Store an editor upload under a name made from its own (slugified) and the
    extension of the format found in its content, never the uploaded one."""
    stem = slugify_vi(upload.name.rpartition(".")[0] or upload.name)[:80] or fallback
    name = f"{settings.CKEDITOR_UPLOAD_PATH}{stem}.{extension}"
    return default_storage.save(name, upload)


@require_POST
def editor_upload(request):
    """Uploads from CKEditor, for staff who may write articles.

    The image dialog and images pasted or dropped into the text (``?type=image``,
    also the default) accept images only (decoded by Pillow); the answer gives a
    width and height at most the content width, so a large photo is inserted at
    the width readers see. The link dialog's upload tab (``?type=file``) also
    accepts the documents articles may carry (news.documents), checked by
    content. Replaces django-ckeditor's own upload view, which is CSRF-exempt and
    trusts the file name.
    """
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("news.add_article")):
        return upload_error(_("Bạn không có quyền tải tệp lên."), status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return upload_error(_("Chưa chọn tệp."))
    if request.GET.get("type") == "file":
        try:
            kind = identify_document(upload)
        except ValidationError as error:
            if error.code != "attachment_format":
                return upload_error(" ".join(error.messages))
        else:
            saved = save_editor_upload(upload, KINDS[kind][1], "tai-lieu")
            return JsonResponse(
                {
                    "uploaded": 1,
                    "fileName": saved.rsplit("/", 1)[-1],
                    "url": default_storage.url(saved),
                }
            )
    try:
        image_format = validate_image_file(upload)
    except ValidationError as error:
        if request.GET.get("type") == "file":
            return upload_error(
                _(
                    "Tệp này không phải là tài liệu (PDF, Word, Excel, OpenDocument, "
                    "ZIP) hay ảnh (JPEG, PNG, WebP, GIF) được nhận; loại tệp được xét "
                    "theo nội dung, không theo tên."
                )
            )
        return upload_error(" ".join(error.messages))
    with Image.open(upload) as image:
        width, height = image.size
    upload.seek(0)
    saved = save_editor_upload(upload, ALLOWED_FORMATS[image_format], "anh")
    if width > CONTENT_WIDTH:
        width, height = CONTENT_WIDTH, max(1, round(height * CONTENT_WIDTH / width))
    return JsonResponse(
        {
            "uploaded": 1,
            "fileName": saved.rsplit("/", 1)[-1],
            "url": default_storage.url(saved),
            "width": width,
            "height": height,
        }
    )
