import pytest

from news.sanitize import sanitize_html
from tests.factories import make_article

DANGEROUS = (
    '<p onclick="steal()">Xin chào</p><script>alert(1)</script>'
    '<img src="/media/a.jpg" onerror="alert(2)">'
    '<a href="javascript:alert(3)">bấm</a><iframe src="https://evil"></iframe>'
    '<p style="text-align:center; background:url(javascript:x)">giữa</p>'
)


def test_sanitizer_drops_scripts_handlers_and_javascript_urls():
    clean = sanitize_html(DANGEROUS)
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "background",
    ):
        assert bad not in clean
    assert "Xin chào" in clean
    assert '<p class="text-center">giữa</p>' in clean


def test_sanitizer_keeps_what_ckeditor_writes_for_news():
    html = (
        "<h2>Tiêu đề</h2><p><strong>Đậm</strong> <em>nghiêng</em></p>"
        '<ul><li>Một</li></ul><ol start="2"><li>Hai</li></ol><blockquote>Trích</blockquote>'
        '<figure class="image"><img alt="Ảnh" src="/media/uploads/a.jpg" width="600">'
        "<figcaption>Chú thích</figcaption></figure>"
        '<table><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>'
        '<a href="https://example.org/x">liên kết</a>'
    )
    clean = sanitize_html(html)
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        "<ul>",
        '<ol start="2">',
        "<blockquote>",
        '<figure class="image">',
        'src="/media/uploads/a.jpg"',
        "<figcaption>Chú thích",
        'colspan="2"',
        'href="https://example.org/x"',
    ):
        assert kept in clean


@pytest.mark.django_db
def test_body_is_sanitised_when_an_article_is_saved(client):
    article = make_article(body=DANGEROUS)
    article.refresh_from_db()
    assert "<script" not in article.body
    page = client.get(article.get_absolute_url()).content.decode()
    assert "alert(1)" not in page
    assert "onerror" not in page
    assert "javascript:alert" not in page


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<p style="text-align:right">a</p>', '<p class="text-right">a</p>'),
        (
            '<p class="lead" style="text-align:justify">a</p>',
            '<p class="lead text-justify">a</p>',
        ),
        ('<p style="margin-left:80px">a</p>', '<p class="indent-2">a</p>'),
        ('<p style="margin-left:4000px">a</p>', '<p class="indent-5">a</p>'),
        (
            '<figure class="image" style="float:left"><img src="/a.jpg"></figure>',
            '<figure class="image image-left"><img src="/a.jpg"></figure>',
        ),
        (
            '<div style="margin-left:auto; margin-right:auto">a</div>',
            '<div class="image-center">a</div>',
        ),
        (
            '<table style="width:500px" title="a>b"><tbody><tr><td>1</td></tr></tbody></table>',
            '<table title="a&gt;b"><tbody><tr><td>1</td></tr></tbody></table>',
        ),
        (
            '<p>style="text-align:center" &lt;p style="x"&gt;</p>',
            '<p>style="text-align:center" &lt;p style="x"&gt;</p>',
        ),
    ],
)
def test_inline_styles_become_layout_classes(html, expected):
    """Public pages forbid inline styles (Content-Security-Policy): alignment,
    floats and indents are kept as classes, sizes set by style are dropped."""
    assert sanitize_html(html) == expected
