"""The lean_pages plugin: fewer elements in highlighted code, no palette-switch restyle."""

from __future__ import annotations

import re
from pathlib import Path

import material
from bs4 import BeautifulSoup

from site_plugins.lean_pages import plain_tokens, without_switching_rule
from tests.pages import DOCS
from tests.test_build import html_for

MATERIAL_PALETTE = next(
    (Path(material.__file__).parent / "templates/assets/stylesheets").glob("palette.*.min.css")
)


def test_uncoloured_tokens_become_text_and_coloured_ones_stay():
    html = (
        '<p><span class="n">prose</span></p><div class="highlight"><pre><span></span><code>'
        '<span class="kn">import</span><span class="w"> </span><span class="nn">time</span>\n'
        '<span class="n">time</span><span class="o">.</span><span class="n">sleep</span>'
        '<span class="p">(</span><span class="mi">1</span><span class="p">)</span>'
        '<span class="c1"># &lt;span class=&quot;n&quot;&gt;</span></code></pre></div>'
    )
    result = plain_tokens(html)
    code = BeautifulSoup(result, "html.parser").select_one("code")
    assert [span["class"] for span in code.select("span")] == [["kn"], ["nn"], ["mi"], ["c1"]]
    assert code.get_text() == BeautifulSoup(html, "html.parser").select_one("code").get_text()
    assert result.startswith('<p><span class="n">prose</span></p>')  # outside code: kept


def test_the_switching_rule_goes_and_the_palettes_stay():
    css = MATERIAL_PALETTE.read_text(encoding="utf-8")
    result, removed = without_switching_rule(css)
    assert removed == 1
    assert "data-md-color-switching" not in result
    assert re.findall(r"\[data-md-color-scheme=slate\]", result) == re.findall(
        r"\[data-md-color-scheme=slate\]", css
    )
    assert len(css) - len(result) < 200


def test_built_pages_have_no_uncoloured_token_elements(built_site):
    page = html_for(DOCS / "ru" / "threads.md", built_site)
    code = page.select(".highlight pre > code")
    assert len(code) >= 10
    classes = {c for block in code for span in block.select("span") for c in span["class"]}
    assert "k" in classes and classes.isdisjoint({"n", "w", "p", "o"})
    (css,) = (built_site / "assets" / "stylesheets").glob("palette.*.min.css")
    assert "data-md-color-switching" not in css.read_text(encoding="utf-8")


def test_outputs_are_sample_output_that_a_keyboard_can_scroll(built_site):
    page = html_for(DOCS / "ru" / "threads.md", built_site)
    outputs = page.select(".snippet-output pre > samp")
    assert len(outputs) >= 10
    assert all(samp["tabindex"] == "0" for samp in outputs)
    assert not page.select(".snippet-output pre > code")  # Material's script skips them
    # Code blocks are focusable before Material sets them up on first view
    assert all(code["tabindex"] == "0" for code in page.select(".highlight pre > code"))
