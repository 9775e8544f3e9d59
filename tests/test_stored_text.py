"""Stored text (region names, commitment texts, comments, file names, people's names) is shown as
typed on every page: never read as Markdown, HTML, maths, an emoji or a colour directive."""

import pytest

from core.db import connect
from tests.builders import FOLLO, PAGE_SCRIPTS, app

pytestmark = pytest.mark.usefixtures("fresh_caches")

HOSTILE = {
    "region": "![x](http://127.0.0.1:9/x) :red[Follo]",
    "text": "**b** <img src=x> $x$ -> :smile:",
    "comment": "1. kv ![c](http://127.0.0.1:9/c)",
    "file": "[fil](http://127.0.0.1:9/f).xlsx",
    "user": "Kari :blue[**Admin**]",
}
# Escaped, as the page hands them to Markdown: a backslash before what Markdown reads, U+2060 after
# a colon that starts ":name:" and inside "->".
SHOWN = {
    "region": "!\\[x\\](http\\://127.0.0.1:9/x) :red\\[Follo\\]",
    "text": "\\*\\*b\\*\\* \\<img src=x\\> \\$x\\$ -\u2060\\> :\u2060smile:",
    "file": "\\[fil\\](http\\://127.0.0.1:9/f).xlsx",
    "user": "Kari :blue\\[\\*\\*Admin\\*\\*\\]",
}
MARKDOWN_ELEMENTS = ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success")


def test_markdown_literal_escapes_everything_markdown_reads():
    from views._widgets import markdown_literal

    assert {key: markdown_literal(HOSTILE[key]) for key in SHOWN} == SHOWN
    assert markdown_literal("Indre Østfold regionråd") == "Indre Østfold regionråd"
    assert markdown_literal("1. kv. 2024 kl. 10:30, 40 %") == "1\\. kv. 2024 kl. 10:30, 40 %"
    assert markdown_literal(":material/home: #tag kari@viken.no") == ":\u2060material/home: \\#tag kari\\@viken.no"
    assert markdown_literal("- a\n+ b\n  3) c www.vg.no") == "\\- a\n\\+ b\n  3\\) c www\\.vg.no"


@pytest.fixture
def hostile(register):
    db = connect()
    [[follo_id]] = db.execute("SELECT id FROM regions WHERE name = ?", (FOLLO,)).fetchall()
    [[commitment_id]] = db.execute(
        "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "WHERE a.region_id = ? AND c.code = '1.1'",
        (follo_id,),
    ).fetchall()
    with db.conn:
        db.execute("UPDATE regions SET name = ? WHERE id = ?", (HOSTILE["region"], follo_id))
        db.execute("UPDATE commitments SET text = ? WHERE id = ?", (HOSTILE["text"], commitment_id))
        db.execute("UPDATE status_reports SET comment = ? WHERE commitment_id = ?", (HOSTILE["comment"], commitment_id))
        db.execute("UPDATE uploads SET file_name = ?", (HOSTILE["file"],))
        db.execute("UPDATE users SET name = ? WHERE username = 'kari'", (HOSTILE["user"],))
        db.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
    db.close()
    return commitment_id


def _markdown_texts(at) -> list[str]:
    texts = [element.value for kind in MARKDOWN_ELEMENTS for element in at.get(kind)]
    texts += [button.label for button in at.button]
    return texts


def _raw(texts: list[str]) -> list[str]:
    """The texts in which a stored value reaches Markdown unescaped."""
    return [text for text in texts for value in HOSTILE.values() if value in text]


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_page_shows_stored_text_as_typed(hostile, page, lang):
    query = {"region": "x-http-127-0-0-1-9-x-red-follo", "commitment": str(hostile), "lang": lang, "upload": "1"}
    at = app(query, page, user="kari")
    texts = _markdown_texts(at)
    assert _raw(texts) == []
    assert any(SHOWN["user"] in text for text in texts)


def test_the_names_are_where_people_read_them(hostile):
    query = {"region": "x-http-127-0-0-1-9-x-red-follo", "commitment": str(hostile)}
    at = app(query, "views/regioner.py", user="kari")
    assert at.header[0].value == SHOWN["region"]
    assert at.caption[0].value == f"Utvalg: Viken fylkeskommune (2020–2023), {SHOWN['region']} · 2. kv. 2024"
    at = app(query, "views/tiltak.py", user="kari")
    assert at.header[0].value == f"1.1 {SHOWN['text']}"
    at = app(query, "views/oversikt.py", user="kari")
    assert at.caption[1].value.endswith(f"«{SHOWN['file']}».")
    at = app({"upload": "1"}, "views/opplastinger.py", user="kari")
    assert at.subheader[0].value.endswith(SHOWN["file"])


def test_chart_labels_show_stored_names_as_typed():
    import pandas as pd

    from outputs.charts import status_breakdown

    frame = pd.DataFrame(
        {"group": ["<b>Follo</b> & co", "<b>Follo</b> & co"], "status": ["on_track", "delayed"], "count": [1, 1]}
    ).assign(share=[50.0, 50.0])
    chart = status_breakdown(frame, "nb", group_by="region")
    assert {label for trace in chart.figure.data for label in trace.y} == {"&lt;b&gt;Follo&lt;/b&gt; &amp; co"}
    assert list(chart.table.iloc[:, 0]) == ["<b>Follo</b> & co"]
