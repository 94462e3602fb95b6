"""Header fields printed with their labels: `Source: Reuters`, `Date Posted: 14 hours ago`,
`التصنيف: أخبار`. A CMS's attribute blocks print each field this way (Concrete's page
attribute display: blind site 85); the label is the page's interface, the value is the field.

Labels are data, per field and language; a label is matched whole, before a colon."""

from __future__ import annotations

import re

FIELD_LABELS: dict[str, frozenset[str]] = {
    "source": frozenset({
        "source", "sources", "via", "publisher", "outlet", "quelle", "fuente", "fonte",
        "المصدر", "مصدر", "الناشر",
    }),
    "age": frozenset({
        "date", "date posted", "posted", "posted on", "published", "published on", "updated",
        "last updated", "time", "datum", "veröffentlicht", "fecha", "publicado", "data",
        "publié", "publié le", "date de publication",
        "تاريخ النشر", "التاريخ", "نشر في", "نشر بتاريخ", "تاريخ", "الوقت", "آخر تحديث",
    }),
    "category": frozenset({
        "category", "categories", "section", "filed under", "topic", "kategorie", "rubrik",
        "rubrique", "catégorie", "categoría", "sección", "categoria", "seção",
        "التصنيف", "القسم", "الفئة", "التصنيفات", "الباب",
    }),
}  # fmt: skip

# a label, a colon (Latin, full-width or Arabic spacing), then the value
_LABELLED = re.compile(r"^\s*(?P<label>[^:：\n]{2,30}?)\s*[:：]\s*(?P<value>.*?)\s*$", re.S)


def labelled_field(text: str) -> tuple[str, str] | None:
    """(field, value) where ``text`` is a field's label and its value (`Source:Independent`
    gives ("source", "Independent")); the value may be empty (`Date Posted:`). None where the
    text before the colon is no label we know."""
    found = _LABELLED.match(text)
    if found is None:
        return None
    label = " ".join(found["label"].split()).casefold()
    for name, labels in FIELD_LABELS.items():
        if label in labels:
            return name, found["value"]
    return None


def without_labels(prefix: str) -> str:
    """A header line's text before its age, its field labels dropped: `Source: Reuters · Date
    Posted:` is `Reuters`, `Date Posted:` is empty. Text holding no label comes back as is."""
    if ":" not in prefix and "：" not in prefix:
        return prefix
    kept = []
    for piece in re.split(r"\s*[·|•]\s*", prefix):
        field = labelled_field(piece)
        if field is None:
            kept.append(piece)
        elif field[0] == "source" and field[1]:
            kept.append(field[1])
        elif field[1]:
            kept.append(piece)  # a date's or a category's value before the age: keep it
    return " · ".join(p for p in kept if p.strip())
