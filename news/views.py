from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from news import search
from news.forms import SearchForm
from news.images import ALLOWED_FORMATS, validate_image_file
from news.models import Article, Category, Tag
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
        context.update(
            preview=self.preview,
            tags=list(article.tags.all()),
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


def article_by_id(request, pk):
    """A short link by id alone; answers 301 to the canonical address."""
    article, _preview = readable_article(request, pk)
    return redirect(article.get_absolute_url(), permanent=True)


@require_POST
def editor_upload(request):
    """Image upload from CKEditor: staff who may write articles, images only.

    Replaces django-ckeditor's own upload view, which is CSRF-exempt and trusts the
    file name; this one keeps CSRF protection and checks the file with Pillow.
    """
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("news.add_article")):
        return JsonResponse(
            {"uploaded": 0, "error": {"message": _("Bạn không có quyền tải ảnh lên.")}},
            status=403,
        )
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse(
            {"uploaded": 0, "error": {"message": _("Chưa chọn tệp ảnh.")}}, status=400
        )
    try:
        image_format = validate_image_file(upload)
    except ValidationError as error:
        return JsonResponse(
            {"uploaded": 0, "error": {"message": " ".join(error.messages)}}, status=400
        )
    # The stored extension follows the decoded format, never the uploaded name.
    stem = slugify_vi(upload.name.rpartition(".")[0] or upload.name)[:80] or "anh"
    name = f"{stem}.{ALLOWED_FORMATS[image_format]}"
    saved = default_storage.save(f"{settings.CKEDITOR_UPLOAD_PATH}{name}", upload)
    return JsonResponse(
        {
            "uploaded": 1,
            "fileName": saved.rsplit("/", 1)[-1],
            "url": default_storage.url(saved),
        }
    )
