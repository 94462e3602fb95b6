"""A streamed React page (Next.js App Router, Remix) read as the browser shows it: the parts
that came late, in ``<div hidden id="S:n">`` at the end of the body, in the place of their
Suspense boundary's loading skeleton. SolidJS streams in ``<template id="n">`` instead."""

from __future__ import annotations

import json

from newsbot.extract.page import page_selector

SKELETON = '<div class="animate-pulse"><div class="h-4 bg-neutral-200"></div>Loading…</div>'


def _texts(html: str) -> list[str]:
    selector = page_selector(html, "http://127.0.0.1/en/article/1")
    main = selector.css("main")
    return [" ".join(t.split()) for t in main.xpath(".//text()").getall() if t.strip()]


def test_a_boundarys_content_replaces_its_skeleton_in_place():
    html = (
        "<html><body><main><h1>Title</h1><p>Body.</p><h2>Related Articles</h2>"
        f'<!--$?--><template id="B:0"></template>{SKELETON}<!--/$--><p>After.</p></main>'
        '<script>self.__next_f.push([1,"..."])</script>'
        '<div hidden id="S:0"><ul><li><a href="/en/article/2">Second</a></li>'
        '<li><a href="/en/article/3">Third</a></li></ul></div>'
        '<script>$RC("B:0","S:0")</script></body></html>'
    )
    assert _texts(html) == ["Title", "Body.", "Related Articles", "Second", "Third", "After."]
    selector = page_selector(html, "http://127.0.0.1/en/article/1")
    assert not selector.css("div[hidden]")
    assert selector.css("main a::attr(href)").getall() == ["/en/article/2", "/en/article/3"]


def test_the_scripts_pairing_wins_over_the_numbers():
    html = (
        "<html><body><main>"
        f'<!--$?--><template id="B:0"></template>{SKELETON}<!--/$-->'
        f'<!--$?--><template id="B:1"></template>{SKELETON}<!--/$-->'
        "</main>"
        '<div hidden id="S:0"><p>Shown second</p></div>'
        '<div hidden id="S:1"><p>Shown first</p></div>'
        '<script>$RC("B:0","S:1");$RC("B:1","S:0")</script></body></html>'
    )
    assert _texts(html) == ["Shown first", "Shown second"]


def test_a_segment_in_place_of_a_placeholder_and_one_nested_in_another():
    html = (
        "<html><body><main><p>Top</p>"
        f'<!--$?--><template id="B:0"></template>{SKELETON}<!--/$--></main>'
        '<div hidden id="S:0"><section><p>Outer</p><template id="P:1"></template></section></div>'
        '<div hidden id="S:1"><p>Inner</p></div>'
        '<script>$RC("B:0","S:0");$RS("S:1","P:1")</script></body></html>'
    )
    assert _texts(html) == ["Top", "Outer", "Inner"]


def test_without_a_script_a_segment_goes_to_the_placeholder_of_its_number():
    # React's external runtime swaps from a separate file: the page names no pairs
    html = (
        "<html><body><main><p>One</p>"
        f'<!--$?--><template id="B:2"></template>{SKELETON}<!--/$--><p>Three</p></main>'
        '<div hidden id="S:2"><p>Two</p></div></body></html>'
    )
    assert _texts(html) == ["One", "Two", "Three"]


def test_a_hidden_div_with_no_placeholder_stays_hidden_and_the_page_is_unchanged():
    html = (
        '<html><body><main><p>Story.</p><div hidden id="S:0"><p>Menu</p></div></main></body></html>'
    )
    selector = page_selector(html, "http://127.0.0.1/")
    assert selector.css("main div[hidden] p::text").get() == "Menu"
    assert _texts(html) == ["Story.", "Menu"]  # all the text, where the markup puts it


SOLID_SCRIPT = (
    "<script>function $df(e,n,o,t){if(n=document.getElementById(e),"
    'o=document.getElementById("pl-"+e)){}}</script>'
)


def test_a_solid_template_replaces_its_placeholder_and_fallback():
    html = (
        "<html><body><main><h1>Title</h1><h2>Related Articles</h2>"
        f'<template id="pl-0-1"></template>{SKELETON}<!--pl-0-1-->tail<p>After.</p></main>'
        f'{SOLID_SCRIPT}<template id="0-1"><ul><li><a href="/en/article/2">Second</a></li>'
        '<li><a href="/en/article/3">Third</a></li></ul></template>'
        '<script>$df("0-1")</script></body></html>'
    )
    assert _texts(html) == ["Title", "Related Articles", "Second", "Third", "tail", "After."]
    selector = page_selector(html, "http://127.0.0.1/en/article/1")
    assert selector.css("main a::attr(href)").getall() == ["/en/article/2", "/en/article/3"]
    assert not selector.css("template")


def test_a_solid_placeholder_without_its_content_is_left_as_it_was():
    html = (
        "<html><body><main><p>Story.</p>"
        f'<template id="pl-7"></template>{SKELETON}<!--pl-7--></main></body></html>'
    )
    assert _texts(html) == ["Story.", "Loading…"]


def _big_pipe_script(placeholder: str, html: str) -> str:
    commands = [
        {
            "command": "insert",
            "method": "replaceWith",
            "selector": f'[data-big-pipe-placeholder-id="{placeholder}"]',
            "data": html,
            "settings": None,
        }
    ]
    data = json.dumps(commands).replace("<", "\\u003C").replace(">", "\\u003E")
    attribute = placeholder.replace("&", "&amp;")
    return (
        '<script type="application/vnd.drupal-ajax" '
        f'data-big-pipe-replacement-for-placeholder-with-id="{attribute}">{data}</script>'
    )


def test_drupal_big_pipes_blocks_replace_their_placeholders():
    related = "callback=related&args%5B0%5D=full&token=abc"
    tags = "callback=hashtags&token=def"
    html = (
        "<html><body><main><h1>Title</h1><p>Body.</p>"
        f'<span data-big-pipe-placeholder-id="{tags.replace("&", "&amp;")}"></span>'
        f'<span data-big-pipe-placeholder-id="{related.replace("&", "&amp;")}"></span>'
        "<p>After.</p></main>"
        '<script type="application/vnd.drupal-ajax" data-big-pipe-event="start"></script>'
        + _big_pipe_script(
            related,
            '<div class="block"><h2>Related Articles</h2><ul>'
            '<li><a href="/en/article/2">Second</a></li></ul></div>',
        )
        + _big_pipe_script(
            tags, '<ul class="hashtags"><li><a href="/en/hashtag/Rail">#Rail</a></li></ul>'
        )
        + "</body></html>"
    )
    assert _texts(html) == ["Title", "Body.", "#Rail", "Related Articles", "Second", "After."]
    selector = page_selector(html, "http://127.0.0.1/en/article/1")
    assert selector.css("main a::attr(href)").getall() == ["/en/hashtag/Rail", "/en/article/2"]


def test_a_big_pipe_script_that_is_not_json_leaves_the_page_as_it_was():
    html = (
        '<html><body><main><p>Story.</p><span data-big-pipe-placeholder-id="x"></span></main>'
        '<script type="application/vnd.drupal-ajax" '
        'data-big-pipe-replacement-for-placeholder-with-id="x">[{"command": </script></body></html>'
    )
    assert _texts(html) == ["Story."]


def test_blazor_components_streamed_after_the_document_replace_their_placeholders():
    """Blind site 72: Blazor sends what was still loading after ``</html>``."""
    html = (
        "<html><head><title>T</title></head><body><main><h1>Title</h1><p>First.</p>"
        "<!--bl:4--><p><em>Loading...</em></p><!--/bl:4--><h2>Related Articles</h2>"
        "<!--bl:7--><p><em>Loading...</em></p><!--/bl:7--></main>"
        '<script src="_framework/blazor.web.js"></script></body></html>'
        '<blazor-ssr><template blazor-component-id="4"><div class="rest"><p>Second.</p>'
        "<p>Third.</p></div></template><blazor-ssr-end></blazor-ssr-end></blazor-ssr>"
        '<blazor-ssr><template blazor-component-id="7"><ul><li><a href="/en/article/2">Two'
        "</a></li></ul></template><blazor-ssr-end></blazor-ssr-end></blazor-ssr>"
    )
    assert _texts(html) == ["Title", "First.", "Second.", "Third.", "Related Articles", "Two"]
    assert not page_selector(html, "http://127.0.0.1/en/article/1").css("template")


def test_a_blazor_template_without_its_markers_stays_where_it_came():
    html = (
        "<html><body><main><p>Story.</p><!--bl:3--><p>Loading...</p></main></body></html>"
        '<blazor-ssr><template blazor-component-id="3"><p>Late.</p></template></blazor-ssr>'
    )
    selector = page_selector(html, "http://127.0.0.1/en/article/1")
    assert [" ".join(t.split()) for t in selector.css("main ::text").getall()] == [
        "Story.",
        "Loading...",
    ]
    assert selector.css("template p::text").getall() == ["Late."]


def test_what_follows_the_end_of_the_document_is_read_as_a_browser_reads_it():
    """libxml2 drops everything after ``</html>``; a browser reads it into the body."""
    html = "<html><body><p>First.</p></body></html>\n<div><p>After the end.</p></div>"
    selector = page_selector(html, "http://127.0.0.1/en/article/1")
    assert selector.css("body p::text").getall() == ["First.", "After the end."]
    # a page that ends at its `</html>` is read as it always was
    whole = "<html><body><p>First.</p></body></html>\n  "
    assert page_selector(whole, "http://127.0.0.1/").css("body p::text").getall() == ["First."]
