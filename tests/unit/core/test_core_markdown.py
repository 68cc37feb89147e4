"""The Markdown/HTML cleaner: hostile input comes out inert, ordinary prose survives."""

import lxml.html
import pytest

from xblocks.core.markdown import (
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    clean_html,
    render_markdown,
)

DANGEROUS_ELEMENTS = {
    "script", "style", "iframe", "object", "embed", "frame", "frameset", "form", "input",
    "button", "textarea", "select", "svg", "math", "link", "meta", "base", "template",
    "applet", "audio", "video", "source",
}  # fmt: skip
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "cite", "background", "poster")


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def assert_inert(html: str) -> None:
    tree = parse(html)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        assert element.tag not in DANGEROUS_ELEMENTS, html
        assert element.tag == "div" or element.tag in ALLOWED_TAGS, html
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), html
            assert name.lower() not in ("style", "srcdoc", "formaction"), html
            if name.lower() in URL_ATTRIBUTES:
                scheme = "".join(value.split()).lower().partition(":")
                if scheme[1]:
                    assert scheme[0] in ALLOWED_URL_SCHEMES, html
    assert "<script" not in html.lower()


HOSTILE = {
    "script element": "Hello <script>alert(1)</script> there",
    "script, odd case": "<ScRiPt>alert(1)</sCrIpT>",
    "javascript link": "[click](javascript:alert(1))",
    "mixed-case javascript": "[click](JaVaScRiPt:alert(1))",
    "entity-encoded javascript": "[click](&#106;avascript:alert(1))",
    "hex entity javascript": "[click](&#x6A;&#x61;vascript:alert(1))",
    "tab inside javascript": '<a href="jav&#x09;ascript:alert(1)">click</a>',
    "colon entity": '<a href="javascript&colon;alert(1)">click</a>',
    "leading space": '<a href=" javascript:alert(1)">click</a>',
    "reference link": "[click][1]\n\n[1]: javascript:alert(1)",
    "autolink": "<javascript:alert(1)>",
    "vbscript": '<a href="vbscript:msgbox(1)">click</a>',
    "onerror": '<img src="x.png" alt="x" onerror="alert(1)">',
    "onclick": '<p onclick="alert(1)">text</p>',
    "onmouseover on a link": '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    "iframe": '<iframe src="https://example.org"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="movie.swf" type="application/x-shockwave-flash"></object>',
    "embed": '<embed src="movie.swf">',
    "style element": "<style>body { display: none }</style>",
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "data URL image": "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "data URL link": "[x](data:text/html,<script>alert(1)</script>)",
    "data URL img tag": '<img src="data:image/png;base64,AAAA" alt="x">',
    "svg onload": '<svg onload="alert(1)"><circle r="1"/></svg>',
    "form": '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "base": '<base href="https://evil.example/">',
    "broken markup": "<img src=x onerror=alert(1)//<p>",
    "in a table cell": "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "in code fence stays text": "```\n<script>alert(1)</script>\n```",
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_markdown_comes_out_inert(case):
    assert_inert(render_markdown(HOSTILE[case]))


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_html_comes_out_inert(case):
    assert_inert(clean_html(HOSTILE[case]))


def test_script_and_style_content_is_dropped_not_shown():
    html = render_markdown("Before <script>alert('x')</script><style>p{}</style> after")

    assert "alert" not in html
    assert "p{}" not in html
    assert "Before" in html and "after" in html


def test_javascript_links_lose_their_href_but_keep_their_text():
    tree = parse(render_markdown("[read this](JaVaScRiPt:alert(1))"))

    link = tree.find(".//a")
    assert link.text == "read this"
    assert "href" not in link.attrib


def test_code_fence_shows_markup_as_text():
    tree = parse(render_markdown("```\n<script>alert(1)</script>\n```"))

    assert tree.find(".//pre/code").text.strip() == "<script>alert(1)</script>"


AUTHORED = """\
## Results

Children in the *intervention* group were **less often** taken into care.
See [the protocol](https://example.org/protocol "Protocol") or [mail us](mailto:a@example.org).

| Outcome | FGC (n=60) | Usual care (n=61) |
|:--------|-----------:|------------------:|
| In care at 12 months | 11 | 19 |

1. Randomised
2. Concealed

- one
- two

> A quotation.

![Bar chart of outcomes](https://example.org/chart.png)
"""


def test_ordinary_prose_survives():
    tree = parse(render_markdown(AUTHORED))

    assert tree.find(".//h2").text == "Results"
    assert tree.find(".//em").text == "intervention"
    assert tree.find(".//strong").text == "less often"
    headers = [th.text_content() for th in tree.iter("th")]
    assert headers == ["Outcome", "FGC (n=60)", "Usual care (n=61)"]
    assert [td.get("align") for td in tree.iter("td")] == ["left", "right", "right"]
    assert [li.text for li in tree.find(".//ol")] == ["Randomised", "Concealed"]
    assert [li.text for li in tree.find(".//ul")] == ["one", "two"]
    assert tree.find(".//blockquote") is not None
    image = tree.find(".//img")
    assert image.get("alt") == "Bar chart of outcomes"
    assert image.get("src") == "https://example.org/chart.png"


def test_links_keep_their_target_and_get_rel_noopener():
    links = parse(render_markdown(AUTHORED)).findall(".//a")

    assert [link.get("href") for link in links] == [
        "https://example.org/protocol",
        "mailto:a@example.org",
    ]
    assert links[0].get("title") == "Protocol"
    for link in links:
        assert link.get("rel") == "noopener noreferrer"


def test_author_rel_is_replaced():
    link = parse(clean_html('<a href="https://example.org" rel="opener">x</a>')).find(".//a")

    assert link.get("rel") == "noopener noreferrer"


def test_relative_links_survive():
    link = parse(render_markdown("[next](../unit-2/)")).find(".//a")

    assert link.get("href") == "../unit-2/"


def test_authored_html_keeps_language_attributes():
    tree = parse(clean_html('<p lang="cy">Croeso</p><abbr title="Children Act">CA</abbr>'))

    assert tree.find(".//p").get("lang") == "cy"
    assert tree.find(".//abbr").get("title") == "Children Act"


def test_empty_text_renders_empty():
    assert render_markdown("") == ""
