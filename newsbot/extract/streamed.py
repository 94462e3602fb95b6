"""Put a streamed React page's late parts where the browser shows them.

React's streaming server render (Next.js App Router, Remix, any ``renderToPipeableStream``)
sends a page before its slow parts are ready: each unfinished part is a Suspense boundary
that shows a fallback (a loading skeleton) after a ``<template id="B:0">`` placeholder,
between ``<!--$?-->`` and ``<!--/$-->`` comments. The finished part comes later in the same
response, at the end of the body, as ``<div hidden id="S:0">...</div>``, with a script
``$RC("B:0","S:0")`` that swaps it in for the fallback (``$RS("S:1","P:1")`` puts a segment
in place of a ``<template id="P:1">``). A reader that skips hidden markup would read the
skeleton and lose the part (a page's related articles, a listing's later entries); one that
reads everything would read it out of place. This does the swap on the parsed tree, as the
browser's script does, so every reader sees the page as shown.

SolidJS (SolidStart, any dom-expressions server render) streams the same way in other
names: the placeholder is ``<template id="pl-3"></template>``, the fallback runs to a
``<!--pl-3-->`` comment, and the finished part comes later as ``<template id="3">...``
with a script ``$df("3")`` that puts its content there.

Drupal's BigPipe sends a slow block as ``<span data-big-pipe-placeholder-id="ID">`` and its
markup later, as JSON commands in ``<script type="application/vnd.drupal-ajax"
data-big-pipe-replacement-for-placeholder-with-id="ID">`` (``insert`` the ``data`` HTML
``replaceWith`` the placeholder).

Blazor's streaming render (ASP.NET Core 8) marks a component still loading with
``<!--bl:4-->`` and ``<!--/bl:4-->`` comments around its placeholder, and sends the finished
component after the document, as ``<blazor-ssr><template blazor-component-id="4">...``;
``blazor.web.js`` puts the template's content between the comments.
"""

from __future__ import annotations

import json
import re

from lxml import etree

# `$RC("B:0","S:0")`: a boundary's finished content; `$RS("S:1","P:1")`: a segment in place
_SWAP_CALL = re.compile(r"\$R([CS])\(\s*[\"']([^\"']{1,40})[\"']\s*,\s*[\"']([^\"']{1,40})[\"']")


def has_streamed_parts(html: str) -> bool:
    """Whether a page's markup may hold streamed segments (a cheap look at the text)."""
    return any(mark in html for mark in _MARKS)


_MARKS = (
    'id="S:',
    "id='S:",
    "id=S:",
    'id="pl-',
    "id='pl-",
    "data-big-pipe-replacement-for",
    "blazor-component-id",
)
_BIG_PIPE = "data-big-pipe-replacement-for-placeholder-with-id"
_BIG_PIPE_PLACEHOLDER = "data-big-pipe-placeholder-id"


def place_streamed_parts(root: etree._Element) -> int:
    """Swap every streamed segment into its place in ``root``; the number placed."""
    return (
        _place_react_parts(root)
        + _place_solid_parts(root)
        + _place_big_pipe_parts(root)
        + _place_blazor_parts(root)
    )


def _place_blazor_parts(root: etree._Element) -> int:
    """Blazor's streamed components: each ``<template blazor-component-id="N">``'s content
    in the place of what stands between ``<!--bl:N-->`` and ``<!--/bl:N-->``."""
    templates = [el for el in root.iter("template") if el.get("blazor-component-id")]
    if not templates:
        return 0
    marks = {
        (el.text or "").strip(): el
        for el in root.iter(etree.Comment)
        if (el.text or "").lstrip().startswith(("bl:", "/bl:"))
    }
    placed = 0
    for template in templates:
        number = (template.get("blazor-component-id") or "").strip()
        start, end = marks.get(f"bl:{number}"), marks.get(f"/bl:{number}")
        if start is None or end is None or start.getparent() is None:
            continue
        if end.getparent() is not start.getparent() or _inside(start, template):
            continue
        _drop_until(start, end)
        _replace(start, template)
        placed += 1
    return placed


def _place_big_pipe_parts(root: etree._Element) -> int:
    """Drupal's BigPipe: each replacement script's ``insert`` commands, their HTML in the
    place of the placeholder the script names."""
    scripts = [el for el in root.iter("script") if el.get(_BIG_PIPE)]
    if not scripts:
        return 0
    placeholders = {
        el.get(_BIG_PIPE_PLACEHOLDER): el for el in root.iter() if el.get(_BIG_PIPE_PLACEHOLDER)
    }
    placed = 0
    for script in scripts:
        placeholder = placeholders.pop(script.get(_BIG_PIPE), None)
        if placeholder is None or placeholder.getparent() is None:
            continue
        html = "".join(_inserted_html(script.text or ""))
        if not html:
            continue
        holder = etree.fromstring(
            f"<html><body><div>{html}</div></body></html>", etree.HTMLParser(recover=True)
        ).find(".//div")
        if holder is None:
            continue
        _replace(placeholder, holder)
        placed += 1
    return placed


def _inserted_html(commands_json: str) -> list[str]:
    """The HTML of a BigPipe script's ``insert`` commands (none when it is not their JSON)."""
    try:
        commands = json.loads(commands_json)
    except ValueError:
        return []
    if not isinstance(commands, list):
        return []
    return [
        command["data"]
        for command in commands
        if isinstance(command, dict)
        and command.get("command") == "insert"
        and isinstance(command.get("data"), str)
    ]


def _place_solid_parts(root: etree._Element) -> int:
    """SolidJS's ``$df``: each ``<template id="N">`` in place of ``<template id="pl-N">`` and
    the fallback after it, up to the ``<!--pl-N-->`` comment."""
    templates = {el.get("id"): el for el in root.iter("template") if el.get("id")}
    placed = 0
    for placeholder_id, placeholder in templates.items():
        if not placeholder_id or not placeholder_id.startswith("pl-"):
            continue
        part = templates.get(placeholder_id[3:])
        if part is None or placeholder.getparent() is None or part.getparent() is None:
            continue
        if _inside(placeholder, part) or _inside(part, placeholder):
            continue
        end = _comment_after(placeholder, placeholder_id)
        if end is not None:  # without its end the fallback is not known: leave it
            _drop_until(placeholder, end)
        _replace(placeholder, part)
        placed += 1
    return placed


def _comment_after(element: etree._Element, text: str) -> etree._Element | None:
    """The first following sibling of ``element`` that is the comment ``<!--text-->``."""
    for sibling in element.itersiblings():
        if isinstance(sibling, etree._Comment) and (sibling.text or "").strip() == text:
            return sibling
    return None


def _drop_until(placeholder: etree._Element, end: etree._Element) -> None:
    """Remove the siblings between ``placeholder`` and ``end`` (and ``end``) with their text;
    the text after ``end`` stays."""
    placeholder.tail = None
    sibling = placeholder.getnext()
    while sibling is not None and sibling is not end:
        following = sibling.getnext()
        sibling.tail = None
        _remove(sibling)
        sibling = following
    _remove(end)


def _place_react_parts(root: etree._Element) -> int:
    segments = {
        el.get("id"): el
        for el in root.iter("div")
        if el.get("hidden") is not None and (el.get("id") or "").startswith("S:")
    }
    if not segments:
        return 0
    templates = {el.get("id"): el for el in root.iter("template") if el.get("id")}
    placed = 0
    for placeholder_id, segment_id in _swaps(root, segments, templates):
        segment = segments.pop(segment_id, None)
        placeholder = templates.get(placeholder_id)
        if segment is None or placeholder is None or segment.getparent() is None:
            continue
        if placeholder.getparent() is None or _inside(placeholder, segment):
            continue
        if placeholder_id.startswith("B:"):
            _drop_fallback(placeholder)
        _replace(placeholder, segment)
        placed += 1
    return placed


def _swaps(
    root: etree._Element,
    segments: dict[str | None, etree._Element],
    templates: dict[str | None, etree._Element],
) -> list[tuple[str, str]]:
    """(placeholder id, segment id) in the order the page's scripts swap them; where no
    script names them (an external runtime), a segment goes to the placeholder of its number."""
    swaps: list[tuple[str, str]] = []
    for script in root.iter("script"):
        text = script.text or ""
        if "$R" not in text:
            continue
        for kind, first, second in _SWAP_CALL.findall(text):
            swaps.append((first, second) if kind == "C" else (second, first))
    for template in templates.values():  # React's external runtime: data-rci / data-rsi
        boundary, segment = template.get("data-bid"), template.get("data-sid")
        if segment and boundary:
            swaps.append((boundary, segment))
        elif segment and template.get("data-pid"):
            swaps.append((template.get("data-pid") or "", segment))
    named = {segment for _, segment in swaps}
    for segment_id in segments:
        if segment_id and segment_id not in named:
            number = segment_id[2:]
            for placeholder_id in (f"B:{number}", f"P:{number}"):
                if placeholder_id in templates:
                    swaps.append((placeholder_id, segment_id))
                    break
    return swaps


def _inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _drop_fallback(placeholder: etree._Element) -> None:
    """Remove what a boundary shows until its content comes: the placeholder's siblings up
    to the boundary's closing ``<!--/$-->`` (nested boundaries counted)."""
    depth = 0
    sibling = placeholder.getnext()
    while sibling is not None:
        following = sibling.getnext()
        if isinstance(sibling, etree._Comment):
            mark = (sibling.text or "").strip()
            if mark == "/$":
                if depth == 0:
                    break
                depth -= 1
            elif mark in ("$", "$?", "$!"):
                depth += 1
        sibling.tail = None  # the fallback's text too
        _remove(sibling)
        sibling = following
    placeholder.tail = None


def _replace(placeholder: etree._Element, segment: etree._Element) -> None:
    """``segment``'s content in the place of ``placeholder``; both leave the tree."""
    parent = placeholder.getparent()
    assert parent is not None  # checked by the caller
    _append_text(placeholder, segment.text)
    at = parent.index(placeholder)
    for offset, child in enumerate(list(segment)):
        parent.insert(at + offset, child)  # moves it, its tail with it
    _remove(placeholder)
    _remove(segment)


def _append_text(placeholder: etree._Element, text: str | None) -> None:
    """Text that opens a segment goes where the placeholder stood: after what precedes it."""
    if not text:
        return
    previous = placeholder.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
        return
    parent = placeholder.getparent()
    if parent is not None:
        parent.text = (parent.text or "") + text


def _remove(element: etree._Element) -> None:
    """Take ``element`` out of the tree, keeping the text after it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
