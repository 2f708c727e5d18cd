import pytest

from portal.models import SiteSettings


@pytest.fixture(autouse=True)
def _generous_rate_limit(settings):
    """Most tests post several comments from the test client's one address; the
    rate-limit tests set their own limits."""
    settings.COMMENTS_RATE_LIMITS = "1000/30,1000/3600"


@pytest.fixture
def site(db):
    """The site settings record; change fields and call ``site.save()``."""
    return SiteSettings.load()


def post_url(article):
    return f"/binh-luan/bai-viet/{article.pk}/gui/"
