"""EIPBlock and resources: templates through the i18n service, fragments, static files."""

import gettext

import pytest
from django.template import TemplateDoesNotExist
from xblock.fields import Scope
from xblock.runtime import NullI18nService

from xblocks.core.block import EIPBlock
from xblocks.core.resources import load_text, render_template
from xblocks.core.xml import OLXError, OLXErrors


class WelshI18nService(NullI18nService):
    """An i18n service with a tiny catalogue, shaped like the LMS one."""

    def __init__(self, catalog_url=None):
        super().__init__()
        self._translations = gettext.GNUTranslations()
        self._translations._catalog = {"Submit": "Cyflwyno"}
        self._translations.plural = lambda n: int(n != 1)
        self._translations._info = {}
        self.catalog_url = catalog_url

    def __getattr__(self, name):
        return getattr(self._translations, name)

    def get_javascript_i18n_catalog_url(self, block):
        return self.catalog_url


def test_load_text(sample_package):
    assert load_text(sample_package, "notes.txt") == "Diolch yn fawr — ŵ ŷ\n"


def test_render_template_autoescapes(sample_package):
    html = render_template(sample_package, "templates/hello.html", {"name": "<b>Ana</b>"})

    assert '<p class="name">&lt;b&gt;Ana&lt;/b&gt;</p>' in html
    assert "Submit" in html


def test_render_template_leaves_the_context_alone(sample_package):
    context = {"name": "Ana"}

    render_template(sample_package, "templates/hello.html", context)

    assert context == {"name": "Ana"}


def test_trans_goes_through_the_i18n_service(sample_package):
    html = render_template(
        sample_package, "templates/hello.html", {"name": "Ana"}, i18n_service=WelshI18nService()
    )

    assert '<p class="greeting">Cyflwyno</p>' in html
    # The merged catalogue does not leak into later renders.
    assert "Submit" in render_template(sample_package, "templates/hello.html", {"name": "A"})


def test_templates_extend_core_templates_and_include_their_own(sample_package):
    html = render_template(
        sample_package,
        "templates/framed.html",
        {"uid": "u1", "values": {"display_name": "<Ana>"}, "name": "Bob"},
        i18n_service=WelshI18nService(),
    )

    # eip-core/studio_fields.html, around this package's hello.html (translated as it is).
    assert 'id="u1-display_name" name="display_name" value="&lt;Ana&gt;"' in html
    help_text = html.split('id="u1-weight-help">', 1)[1].split("</p>", 2)
    assert help_text[0] == '<p class="greeting">Cyflwyno'
    assert help_text[1] == '<p class="name">Bob'


def test_a_missing_included_template_is_named(sample_package):
    with pytest.raises(TemplateDoesNotExist, match=r"no-such-template\.html"):
        render_template(sample_package, "templates/missing.html", {})


def test_block_render_uses_its_package_and_i18n_service(make_block, sample_block_class):
    block = make_block(sample_block_class, services={"i18n": WelshI18nService()})

    for name in ("hello.html", "templates/hello.html"):
        html = block.render_html(name, {"name": "Ana"})
        assert '<p class="greeting">Cyflwyno</p>' in html


def test_ugettext(make_block, sample_block_class):
    welsh = make_block(sample_block_class, services={"i18n": WelshI18nService()})
    plain = make_block(sample_block_class)

    assert welsh.ugettext("Submit") == "Cyflwyno"
    assert plain.ugettext("Submit") == "Submit"


def test_fragment_has_the_html_static_urls_and_init(make_block, sample_block_class):
    block = make_block(sample_block_class)

    fragment = block.fragment(
        "hello.html",
        {"name": "Ana"},
        css=["sample.css"],
        js=["static/sample.js"],
        js_init="SampleInit",
        js_init_args={"itemCount": 3},
    )

    assert '<p class="name">Ana</p>' in fragment.content
    urls = [(resource.kind, resource.data, resource.mimetype) for resource in fragment.resources]
    assert urls == [
        ("url", "/resource/sample_block/static/sample.css", "text/css"),
        ("url", "/resource/sample_block/static/sample.js", "application/javascript"),
    ]
    assert fragment.js_init_fn == "SampleInit"
    assert fragment.json_init_args == {"itemCount": 3}


def test_fragment_without_static_files(make_block, sample_block_class):
    fragment = make_block(sample_block_class).fragment("hello.html", {"name": "Ana"})

    assert fragment.resources == []
    assert fragment.js_init_fn is None


def test_fragment_loads_the_javascript_catalogue_first(make_block, sample_block_class):
    service = WelshI18nService(catalog_url="/i18n/cy.js")
    block = make_block(sample_block_class, services={"i18n": service})

    fragment = block.fragment("hello.html", {"name": "Ana"}, js=["sample.js"])

    assert [resource.data for resource in fragment.resources] == [
        "/i18n/cy.js",
        "/resource/sample_block/static/sample.js",
    ]


def test_static_files_are_served_and_nothing_else(sample_block_class):
    with sample_block_class.open_local_resource("static/sample.css") as served:
        assert b".greeting" in served.read()
    with pytest.raises(Exception, match="static"):
        sample_block_class.open_local_resource("private.txt")


def test_course_version_is_a_settings_field():
    field = EIPBlock.fields["course_version"]

    assert field.scope == Scope.settings
    assert field.default == ""


def test_services_declared():
    assert EIPBlock.service_declaration("i18n") == "need"
    assert EIPBlock.service_declaration("user") == "want"


def test_resource_package_is_required(make_block):
    class Unpackaged(EIPBlock):
        pass

    with pytest.raises(ValueError, match="RESOURCE_PACKAGE"):
        make_block(Unpackaged).render_html("hello.html", {})


def test_mobile_data_and_search_content_are_left_out_when_the_content_does_not_load(
    make_block, sample_block_class
):
    class Loads(sample_block_class):
        SEARCH_TYPE = "Sample"
        MOBILE_FIELDS = ("course_version",)
        broken = False

        def content(self) -> str:
            if self.broken:
                raise OLXErrors([OLXError("no content")])
            return "the content"

        def mobile_data(self) -> dict:
            return {"content": self.content()}

        def search_content(self) -> dict[str, str]:
            return {"summary": self.content()}

    block = make_block(Loads)
    block.display_name, block.course_version = "Sample", "1.0"
    assert block.student_view_data() == {
        "display_name": "Sample",
        "course_version": "1.0",
        "available": True,
        "content": "the content",
    }
    assert block.index_dictionary() == {
        "content": {"display_name": "Sample", "summary": "the content"},
        "content_type": "Sample",
    }

    block.broken = True
    assert block.student_view_data() == {
        "display_name": "Sample",
        "course_version": "1.0",
        "available": False,
    }
    assert block.index_dictionary() == {
        "content": {"display_name": "Sample"},
        "content_type": "Sample",
    }
