"""A second river with other URLs, markup and labels than :class:`RiverPages`' (the same
stories and publishers): flat rows in tables, the age before the outlet, "Older" pages,
"Full coverage (N)" story links, ``/go/<id>`` and ``/out?url=`` redirects, a consent page
whose way on is "Proceed to story". Crawled with its own profile only, it checks that the
spider holds nothing of the first river's markup."""

from __future__ import annotations

from newsbot.replica.river.content import TOPICS, RiverArticle, Story
from newsbot.replica.river.pages import RiverPages, _e


class RiverPagesB(RiverPages):
    topic_path = "/section/"
    page_param = "p"
    story_path = "/cluster/"
    redirect_path = "/go/"
    click_path, click_param = "/out", "url"
    consent_path, consent_param = "/interstitial", "to"

    def _frame(self, title: str, main: str) -> str:
        nav = " | ".join(f'<a href="/section/{t}">{t.upper()}</a>' for t in TOPICS)
        return (
            f"<html><head><title>{_e(title)} - Headline Desk</title></head><body>"
            f"<table width='100%'><tr><td><b>Headline Desk</b></td><td>{nav}</td></tr></table>"
            f"<h2>{_e(title)}</h2>{main}"
            "<hr><small><a href='/legal'>Legal</a> · <a href='/contact'>Contact</a></small>"
            "</body></html>"
        )

    def _byline(self, a: RiverArticle) -> str:
        age = self.site.age_text(a)
        return f"<font size='-1'>{_e(age)} · {_e(a.outlet.river_name)}</font>"

    def _row(self, a: RiverArticle, on_story_page: bool, indent: bool) -> str:
        pad = "&nbsp;&nbsp;&nbsp;" if indent else ""
        return (
            f"<tr><td>{pad}<a href='{self.href(a, on_story_page)}'>{_e(a.title)}</a> "
            f"{self._byline(a)}</td></tr>"
        )

    def _cluster(self, story: Story) -> str:
        lead, *others = story.articles
        rows = [self._row(lead, False, False)]
        rows += [self._row(a, False, True) for a in others[:2]]
        if others:
            url = f"{self.story_path}{story.id}"
            rows.append(
                f"<tr><td><a href='{url}'>Full coverage ({len(story.articles)})</a></td></tr>"
            )
        return f"<table class='story'>{''.join(rows)}</table>"

    def _pager(self, topic: str | None, page: int) -> str:
        return f"<p><a href='{self.topic_path}{topic}?{self.page_param}={page}'>Older</a></p>"

    def story(self, story_id: str) -> str | None:
        story = self.site.story(story_id)
        if story is None:
            return None
        rows = "".join(self._row(a, True, False) for a in story.articles)
        return self._frame(f"All sources: {story.articles[0].title}", f"<table>{rows}</table>")

    def consent(self, next_path: str) -> str:
        return self._frame(
            "A moment, please",
            "<p>Headline Desk uses cookies for statistics.</p>"
            f"<form><a href='{_e(next_path)}'>Proceed to story</a> "
            "<a href='/legal'>Read more</a></form>",
        )
