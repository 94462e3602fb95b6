"""Theme a: ``<article>`` cards, ``<h2>`` section headings, ``<span>`` metadata, ``<p>`` text."""

from __future__ import annotations

NAME = "a"


def page(lang: str, title: str, head: str, body: str) -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{title} | Daily8</title>{head}</head>\n<body>{body}</body></html>\n"
    )


def logo(home: str) -> str:
    img = '<img src="/static/logo.svg" alt="logo">'
    return f'<header class="site"><a href="{home}">{img}</a></header>'


def entry(href, img, title, source, age, items, teaser) -> str:
    lis = "".join(f"<li>{i}</li>" for i in items)
    tease = f'<p class="teaser">{teaser}</p>' if teaser else ""
    return (
        f'<article class="card"><a class="thumb" href="{href}"><img src="{img}" alt="{title}"></a>'
        f'<h2 class="card-title"><a href="{href}">{title}</a></h2>'
        f'<div class="card-meta"><span class="src">{source}</span>'
        f'<span class="age"><img src="/static/clock.svg" alt="time">{age}</span></div>'
        f'<ul class="chips">{lis}</ul><h3 class="again">{title}</h3>{tease}</article>\n'
    )


def para(inner: str) -> str:
    return f"<p>{inner}</p>\n"


def line(text: str) -> str:
    return f"<p>{text}</p>\n"


def rail(heading: str, items: list[str]) -> str:
    lis = "".join(f'<li><a href="#">{i}</a></li>' for i in items)
    return f'<p><strong>{heading}</strong></p><ul class="rail">{lis}</ul>\n'


def figure(caption: str, credit: str | None) -> str:
    cred = f'<span class="credit">{credit}</span>' if credit else ""
    img = '<img src="/static/photo.jpg" alt="">'
    return f"<figure>{img}<figcaption>{caption}{cred}</figcaption></figure>\n"


def css(text: str) -> str:
    return f'<svg class="icon" viewBox="0 0 10 10"><style>{text}</style></svg>\n'


def chrome(lab: dict, tags: list[tuple[str, str]], related: str) -> str:
    links = "".join(f'<a class="tag" href="{h}">{t}</a>' for h, t in tags)
    return (
        '<aside class="chrome">'
        f'<section class="hashtags"><h2>{lab["hashtags"]}</h2><div>{links}</div>'
        f'</section><section class="ai"><h2>{lab["ai"]}</h2><p>{lab["explore"]}</p></section>'
        f'<section class="comments"><h2>{lab["comments"]}</h2><p>{lab["no_comments"]}</p></section>'
        f'<section class="related"><h2>{lab["related"]}</h2><div class="cards">\n{related}</div>'
        "</section></aside>"
    )


def article(img, title, header, category, body, gallery, chrome) -> str:
    meta = ""
    if header:
        meta = (
            f'<div class="meta"><span class="src">{header[0]}</span>'
            f'<span class="age">{header[1]}</span></div>'
        )
    cat = f'<div class="cat"><span>{category}</span></div>' if category else ""
    gal = ""
    if gallery:
        gal = (
            '<div class="gallery"><img src="/static/bg.png" alt="Orange background">'
            f'<a href="#gallery">Show all {gallery}</a></div>'
        )
    return (
        f'<main><article class="story"><div class="hero"><img src="{img}" alt="{title}"></div>'
        f'<h1>{title}</h1>{meta}{cat}<div class="content">\n{body}</div>{gal}</article>'
        f"{chrome}</main>"
    )


def listing(lone_hash: bool, heading: str, entries: str, more: str | None, more_label: str) -> str:
    hash_ = '<span class="hash">#</span>' if lone_hash else ""
    pager = f'<a class="more" href="{more}">{more_label}</a>' if more else ""
    return (
        f'<main>{hash_}<h1>{heading}</h1><section class="feed">\n{entries}</section>{pager}</main>'
    )
