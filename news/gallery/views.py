from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from news.gallery.models import Album

ALBUMS_PER_PAGE = 12


class AlbumListView(ListView):
    template_name = "gallery/album_list.html"
    context_object_name = "albums"
    paginate_by = ALBUMS_PER_PAGE

    def get_queryset(self):
        return Album.objects.published().for_listing()


class AlbumView(DetailView):
    template_name = "gallery/album_detail.html"
    context_object_name = "album"

    def get_object(self, queryset=None):
        return get_object_or_404(Album.objects.published(), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if request.path != canonical:
            return redirect(canonical, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["photos"] = list(self.object.photos.all())
        context["breadcrumbs"] = [
            {
                "name": _("Thư viện hình ảnh"),
                "get_absolute_url": reverse("gallery:albums"),
            }
        ]
        return context
