"""The quarterly upload read in English from end to end: messages, errors, counts and plural forms."""

import pytest

from tests.builders import FOLLO, GOOD_FILE, HtmlTable, html_tables, upload, upload_page, workbook_bytes

pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_a_file_without_its_quarter_says_how_to_give_it_on_the_page(register):
    no_quarter = workbook_bytes([[FOLLO, "1.1", "I rute", 30]], header=["Region", "Nr", "Status", "Fremdrift"])
    at = upload(upload_page({"lang": "en"}), "status.xlsx", no_quarter)
    assert [error.value for error in at.error] == [
        "The file cannot be saved: 1 error. Nothing was changed. Fix the error in the table and upload it again."
    ]
    assert at.main.info[0].value == (
        "Add a “Kvartal” column to the file, or choose the quarter under “More options” → “Quarter for the whole file”."
    )
    assert html_tables(at)["upload-errors"].rows == [
        [
            "Status",
            "1",
            "",
            "",
            "",
            "",
            "the file has no “Kvartal” (quarter) column, and no quarter was given for the whole file.",
        ]
    ]
    assert "--quarter" not in " ".join(element.value for element in (*at.error, *at.info))


def test_errors_are_counted_in_english_with_plural_forms(register):
    bad = workbook_bytes([[FOLLO, "1.1", "2024-Q3", "Kanskje", 30], [FOLLO, "9.9", "2024-Q3", "I rute", 10]])
    at = upload(upload_page({"lang": "en"}), "bad.xlsx", bad)
    assert [error.value for error in at.error] == [
        "The file cannot be saved: 2 errors. Nothing was changed. Fix the errors in the table and upload it again."
    ]
    assert html_tables(at)["upload-errors"] == HtmlTable(
        "Errors in the status file",
        ["Sheet", "Row", "Code", "Column", "Header", "Value", "Problem"],
        [
            [
                "Status",
                "2",
                "1.1",
                "D",
                "Status",
                "Kanskje",
                "unknown status. Choose one of: Not started, On track, Delayed, Completed, Cancelled.",
            ],
            ["Status", "3", "", "B", "Nr", "9.9", "Follorådet has no commitment with this number."],
        ],
        [None, None],
    )


def test_a_good_file_is_reviewed_and_saved_in_english(register):
    at = upload(upload_page({"lang": "en"}), "status.xlsx", GOOD_FILE)
    assert [warning.value for warning in at.warning] == [
        "1 of the region's commitments is missing from the file. It keeps what is saved."
    ]
    [save] = [button for button in at.button if button.label == "Save"]
    save.click().run()
    assert [success.value for success in at.success] == ["Saved as upload 2: 2 new, 0 changed, 0 unchanged."]
