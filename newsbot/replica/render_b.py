"""Theme b: ``<ul><li>`` entries, ``<div><strong>`` headings, ``<p>``/``<time>``, ``<div>`` text."""

from __future__ import annotations

NAME = "b"


def page(lang: str, title: str, head: str, body: str) -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!doctype html>\n<html dir="{direction}" lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"{head}<title>{title} | Daily8</title>\n</head>\n"
        f'<body class="d8">\n{body}\n</body>\n</html>\n'
    )


def logo(home: str) -> str:
    img = '<img alt="logo" src="/static/logo.png">'
    return f'<div id="top"><a class="brand" href="{home}">{img}</a></div>\n'


def entry(href, img, title, source, age, items, teaser) -> str:
    lis = "".join(f'<li class="lbl">{i}</li>' for i in items)
    tease = f'<p class="sum">{teaser}</p>' if teaser else ""
    return (
        '<li class="row">'
        f'<div class="pic"><a href="{href}"><img alt="{title}" src="{img}"></a></div>'
        f'<div class="txt"><a class="t" href="{href}"><strong>{title}</strong></a>'
        f'<div class="meta"><b>{source}</b><p class="when"><img alt="time" src="/static/t.png">'
        f'<time>{age}</time></p></div><ul class="labels">{lis}</ul>'
        f'<div class="again">{title}</div>{tease}</div></li>\n'
    )


def para(inner: str) -> str:
    return f'<div class="para">{inner}</div>\n'


def line(text: str) -> str:
    return f'<div class="para"><span>{text}</span></div>\n'


def rail(heading: str, items: list[str]) -> str:
    lis = "".join(f"<li><span>{i}</span></li>" for i in items)
    return f'<div class="rail"><div class="para"><b>{heading}</b></div><ol>{lis}</ol></div>\n'


def figure(caption: str, credit: str | None) -> str:
    cred = f"<small>{credit}</small>" if credit else ""
    return (
        '<figure class="media"><div class="frame"><img alt="" src="/static/p.jpg"></div>'
        f"<figcaption><span>{caption}</span>{cred}</figcaption></figure>\n"
    )


def css(text: str) -> str:
    return f'<div class="ico"><svg><style>{text}</style></svg></div>\n'


def _box(cls: str, heading: str, inner: str) -> str:
    return f'<div class="box {cls}"><div class="hd"><strong>{heading}</strong></div>{inner}</div>\n'


def chrome(lab: dict, tags: list[tuple[str, str]], related: str) -> str:
    chips = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in tags)
    return (
        '<div class="side">\n'
        + _box("tags", lab["hashtags"], f'<ul class="chips">{chips}</ul>')
        + _box("ai", lab["ai"], f'<div class="sub">{lab["explore"]}</div>')
        + _box("cm", lab["comments"], f'<div class="empty">{lab["no_comments"]}</div>')
        + _box("rel", lab["related"], f'<ul class="list">\n{related}</ul>')
        + "</div>\n"
    )


def article(img, title, header, category, body, gallery, chrome) -> str:
    meta = ""
    if header:
        meta = f'<p class="byline"><strong>{header[0]}</strong><time>{header[1]}</time></p>\n'
    cat = f'<p class="section"><em>{category}</em></p>\n' if category else ""
    gal = ""
    if gallery:
        gal = (
            '<section class="pics"><figure><img alt="Orange background" src="/static/o.png">'
            f"</figure><button>Show all {gallery}</button></section>\n"
        )
    return (
        '<div id="content"><div class="post">\n'
        f'<div class="lead"><img alt="{title}" src="{img}"></div>\n'
        f'<div class="headline"><h1 class="t">{title}</h1></div>\n{meta}{cat}'
        f'<section class="text">\n{body}</section>\n{gal}</div>\n{chrome}</div>'
    )


def listing(lone_hash: bool, heading: str, entries: str, more: str | None, more_label: str) -> str:
    hash_ = '<div class="hash"><b>#</b></div>' if lone_hash else ""
    pager = f'<div class="pager"><a rel="next" href="{more}">{more_label}</a></div>' if more else ""
    return (
        f'<div id="content">{hash_}<div class="hd"><strong>{heading}</strong></div>\n'
        f'<ul class="feed">\n{entries}</ul>{pager}</div>'
    )
