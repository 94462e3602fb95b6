"""Page composition shared by both themes: the same visible text, theme-specific markup."""

from __future__ import annotations

import json
from datetime import timedelta, timezone
from html import escape

from newsbot.replica.content import Article, ReplicaSite

LABELS = {
    "en": {
        "hashtags": "Hashtags",
        "ai": "Try Our AI Features",
        "explore": "Explore what Daily8 AI can do for you:",
        "comments": "Comments",
        "no_comments": "No comments yet...",
        "related": "Related Articles",
        "home": "/en",
    },
    "ar": {
        "hashtags": "هاشتاغز",
        "ai": "جرب ميزات الذكاء الاصطناعي لدينا",
        "explore": "اكتشف ما يمكن أن يفعله Daily8 AI من أجلك:",
        "comments": "التعليقات",
        "no_comments": "لا يوجد تعليقات بعد...",
        "related": "أخبار ذات صلة",
        "home": "/",
    },
}
LOAD_MORE = "Load more"
HOME_HEADING = "Latest news"


def e(text: str) -> str:
    return escape(text, quote=True)


class Renderer:
    """Builds pages from a site and a theme; ``mirror_url`` is where mirror links point."""

    def __init__(self, site: ReplicaSite, theme, mirror_url: str | None = None) -> None:
        self.site = site
        self.theme = theme
        self.mirror_url = mirror_url
        if hasattr(theme, "bind"):  # theme react: site-wide rails
            theme.bind(site)

    def _props(self, **page: object) -> dict:
        """Keyword arguments for ``theme.page``: hydration data for a theme that sends it."""
        if not getattr(self.theme, "HYDRATES", False):
            return {}
        from newsbot.replica.render_react import hydration_props

        return {"props": hydration_props(self, **page)}

    def _age_text(self, a: Article, lang: str) -> str:
        age = self.site.age(a)
        return age.en if lang == "en" else age.ar

    def entry(self, a: Article, lang: str, href: str, with_category: bool) -> str:
        items = ([a.category] if with_category and a.category else []) + [a.source]
        return self.theme.entry(
            href=e(href),
            img=e(f"/img/{a.id}.jpg"),
            title=e(a.display_title),
            source=e(a.source),
            age=e(self._age_text(a, lang)),
            items=[e(i) for i in items],
            teaser=escape(a.teaser(), quote=False),
        )

    def head(self, a: Article) -> str:
        parts = []
        if a.meta and a.published is not None:
            parts.append(f'<meta property="og:title" content="{e(a.title)}">')
            parts.append(
                '<meta property="article:published_time" '
                f'content="{a.published.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}">'
            )
        if a.jsonld and a.published is not None:
            local = a.published.astimezone(timezone(timedelta(hours=a.offset_hours)))
            data = {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": a.title,
                "datePublished": local.isoformat(),
                "publisher": {"@type": "Organization", "name": "Daily8"},
                "author": {"@type": "Organization", "name": a.source},
            }
            blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
            parts.append(f'<script type="application/ld+json">{blob}</script>')
        return "".join(parts)

    def article(self, a: Article) -> str:
        t, lab = self.theme, LABELS[a.lang]
        header = None
        if a.header:
            header = (e(a.source), e(self._age_text(a, a.lang)))
        body = "".join(self.block(b) for b in a.blocks)
        tags = [(e(f"/en/hashtag/{tag}"), e(f"#{tag}")) for tag in a.hashtags]
        related = []
        for i, rid in enumerate(a.related):
            r = self.site.articles[rid]
            href = r.path
            if i in a.mirror_slots and self.mirror_url:
                href = self.mirror_url + href
            related.append(self.entry(r, a.lang, href, with_category=False))
        main = t.article(
            img=e(f"/img/{a.id}.jpg"),
            title=e(a.display_title),
            header=header,
            category=e(a.category) if a.category else None,
            body=body,
            gallery=a.gallery,
            chrome=t.chrome({k: e(v) for k, v in lab.items()}, tags, "".join(related)),
        )
        return t.page(
            a.lang,
            e(a.display_title),
            self.head(a),
            t.logo(lab["home"]) + main,
            **self._props(article=a),
        )

    def block(self, b: tuple) -> str:
        t = self.theme
        kind = b[0]
        if kind == "p":
            return t.para(b[2])
        if kind == "line":
            return t.line(e(b[1]))
        if kind == "list":
            return t.rail(e(b[1]), [e(x) for x in b[2]])
        if kind == "figure":
            return t.figure(e(b[1]), e(b[2]) if b[2] else None)
        if kind == "css":
            return t.css(b[1])
        raise ValueError(kind)

    def listing(self, path: str, page: int) -> str | None:
        found = self.site.listing_page(path, page)
        if found is None:
            return None
        arts, next_page = found
        entries = "".join(self.entry(a, "en", a.path, with_category=True) for a in arts)
        more = e(f"{path}?page={next_page}") if next_page else None
        if path.startswith("/en/hashtag/"):
            tag = path.rsplit("/", 1)[1]
            heading, lone_hash = e(f"Latest news with #{tag}"), True
        else:
            heading, lone_hash = HOME_HEADING, False
        t = self.theme
        main = t.listing(lone_hash, heading, entries, more, LOAD_MORE)
        return t.page("en", heading, "", t.logo("/en") + main, **self._props(entries=arts))
