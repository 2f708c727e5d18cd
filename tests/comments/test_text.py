"""Comment text is plain text: escaped on output, line breaks kept, links nofollow."""

import re

import pytest

from comments.text import render_text
from tests.comments.conftest import post_url
from tests.factories import comment_data, make_article

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


@pytest.mark.django_db
def test_script_and_handler_payloads_show_as_text_and_never_as_markup(client, site):
    site.comment_moderation = "none"
    site.save()
    article = make_article()
    for payload in PAYLOADS:
        client.post(post_url(article), comment_data(article, text=payload))
        client.post(
            post_url(article), comment_data(article, name=payload, text="Tên lạ")
        )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>alert(1)" not in page
    assert not re.search(r"<img[^>]*onerror", page)
    assert "onerror=alert(1)>" not in page
    # The side block escapes the same texts.
    home = client.get("/").content.decode()
    assert "<script>alert(1)" not in home and not re.search(r"<img[^>]*onerror", home)
    # Stored is what the reader typed.
    from comments.models import Comment

    assert set(PAYLOADS) <= set(Comment.objects.values_list("text", flat=True))


def test_line_breaks_are_kept_and_html_is_escaped():
    assert render_text("Dòng 1\r\nDòng <b>2</b>\n\nDòng 3 & 4") == (
        "Dòng 1<br>Dòng &lt;b&gt;2&lt;/b&gt;<br><br>Dòng 3 &amp; 4"
    )


def test_web_addresses_become_nofollow_links():
    html = render_text("Xem https://chinhphu.vn/trang?a=1&b=2. Và www.vnexpress.net!")
    assert (
        '<a href="https://chinhphu.vn/trang?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://chinhphu.vn/trang?a=1&amp;b=2</a>. Và "
    ) in html
    assert (
        '<a href="http://www.vnexpress.net" rel="nofollow ugc noopener">'
        "www.vnexpress.net</a>!"
    ) in html


def test_links_cannot_break_out_of_the_attribute_or_run_script():
    html = render_text('https://x.example/"onmouseover="alert(1) javascript:alert(1)')
    assert 'href="https://x.example/"' in html
    assert '"onmouseover' not in html and "&quot;onmouseover=&quot;alert(1)" in html
    assert 'href="javascript' not in html


def test_brackets_around_an_address_stay_outside_the_link():
    html = render_text("(xem https://vi.wikipedia.org/wiki/Huế_(thành_phố))")
    assert 'href="https://vi.wikipedia.org/wiki/Huế_(thành_phố)"' in html
    assert html.endswith("</a>)")
