"""The agreement grammar on lines built in code: every layout the issue lists, the fields of
table rows, and the warnings for what the parser is unsure of."""

from pathlib import Path

import pytest

from core.register import Agreement, Commitment, FirstReport, FocusArea
from loaders.agreement_fields import match_council_area, parse_amount, parse_deadline, parse_progress
from loaders.agreement_layout import LayoutWarning, ParsedAgreement, parse_lines
from loaders.agreement_sources import Line, read_lines
from loaders.errors import AgreementFormatError
from tests.builders import VIKEN_UNITS

SEED = Path("/work/shared/seeds/agreement-indre-ostfold-2022-2023.txt")
TITLE = "Partnerskapsavtale spesiell del 2024-2025"


def lines(*texts: str, page: int | None = None) -> list[Line]:
    return [Line(text, number, page) for number, text in enumerate(texts, start=1)]


def parse(*texts: str, **options) -> ParsedAgreement:
    return parse_lines(lines(TITLE, *texts), **options)


def messages(parsed: ParsedAgreement, lang: str = "nb") -> list[str]:
    return [warning.message(lang) for warning in parsed.warnings]


def agreement(focus_areas: list[FocusArea], commitments: list[Commitment]) -> Agreement:
    return Agreement(period="2024-2025", title=TITLE, focus_areas=focus_areas, commitments=commitments)


def commitment(code: str, text: str, **fields) -> Commitment:
    return Commitment(code, text, focus_area=code.split(".", maxsplit=1)[0], **fields)


@pytest.mark.skipif(not SEED.exists(), reason="seed agreement not available")
def test_the_seed_reads_without_a_warning():
    parsed = parse_lines(read_lines(SEED))
    assert (parsed.warnings, parsed.reports) == ([], {})
    assert [area.number for area in parsed.agreement.focus_areas] == ["1", "2", "3"]


# --- headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading,title,hashtag",
    [
        ("1 - Utdanning og kompetanse #kompetanseløft", "Utdanning og kompetanse", "#kompetanseløft"),
        ("1 Utdanning og kompetanse", "Utdanning og kompetanse", None),
        ("1. Utdanning og kompetanse", "Utdanning og kompetanse", None),
        ("Innsatsområde 1: Utdanning og kompetanse #kompetanseløft", "Utdanning og kompetanse", "#kompetanseløft"),
        ("Innsatsområde 1 – Utdanning og kompetanse", "Utdanning og kompetanse", None),
        ("INNSATSOMRÅDE 1. Utdanning og kompetanse", "Utdanning og kompetanse", None),
        ("Satsingsområde 1: Utdanning og kompetanse", "Utdanning og kompetanse", None),
        ("Fokusområde 1 - Utdanning og kompetanse #a #b", "Utdanning og kompetanse", "#a #b"),
        ("Hovudområde 1: Utdanning og kompetanse", "Utdanning og kompetanse", None),
        ("Tema 1 – Utdanning og kompetanse", "Utdanning og kompetanse", None),
        # Found in the try-out: a title opening with a quote, emphasis or a digit refused the whole file.
        ("1 - «Grønn» omstilling #tag", "«Grønn» omstilling", "#tag"),
        ('1 - "Ung i Follo" #tag', '"Ung i Follo"', "#tag"),
        ("1 - **Fet** tema", "**Fet** tema", None),
        ("1 - 5G og digital infrastruktur #tag", "5G og digital infrastruktur", "#tag"),
    ],
)
def test_heading_layouts(heading, title, hashtag):
    parsed = parse(heading, "1.1 Første tiltak", "1.2 Andre tiltak")
    assert parsed.agreement == agreement(
        [FocusArea("1", title, hashtag, [])],
        [commitment("1.1", "Første tiltak"), commitment("1.2", "Andre tiltak")],
    )
    assert parsed.warnings == []


def test_heading_word_alone_takes_its_title_from_the_next_line_and_hashtags_from_their_own():
    parsed = parse(
        "Innsatsområde 1 handler om utdanning.",
        "Innsatsområde 1",
        "Utdanning og kompetanse",
        "#kompetanseløft #utenforskap",
        "1.1 Første tiltak",
        "Satsingsområde 2",
        "Partene skal samarbeide om næring slik det står i den generelle delen av avtalen.",
        "2.1 Andre tiltak",
    )
    assert parsed.agreement == agreement(
        [
            FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft #utenforskap", []),
            FocusArea("2", "", None, []),
        ],
        [commitment("1.1", "Første tiltak"), commitment("2.1", "Andre tiltak")],
    )
    assert messages(parsed) == ["Linje 7: innsatsområde 2 har ingen tittel."]


def test_a_keyword_heading_after_numbered_ones_is_refused_as_before():
    # A document writes its headings one way; a switch is more likely a sentence than a heading.
    with pytest.raises(AgreementFormatError) as error:
        parse("1 Næring", "1.1 Et tiltak", "Innsatsområde 2: Samferdsel", "2.1 Vei")
    assert str(error.value) == (
        "Linje 5: tiltak 2.1 står under innsatsområde 1. "
        "Sjekk at overskriften for innsatsområde 2 er skrevet som «2 - Tittel»."
    )


# --- items -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first,second",
    [
        ("1.1 - Første tiltak", "1.2 – Andre tiltak"),
        ("1.1 Første tiltak", "1.2 Andre tiltak"),
        ("1.1. Første tiltak", "1.2. Andre tiltak"),
        ("Tiltak 1.1: Første tiltak", "Tiltak 1.2: Andre tiltak"),
        ("Tiltak 1.1 – Første tiltak", "tiltak 1.2 - Andre tiltak"),
        ("Mål 1.1: Første tiltak", "Mål 1.2: Andre tiltak"),
        ("1. 1.1 Første tiltak", "2. 1.2 Andre tiltak"),
        ("1) 1.1 - Første tiltak", "2) 1.2 - Andre tiltak"),
    ],
)
def test_item_layouts(first, second):
    parsed = parse("1 Utdanning", first, second, "1.2.1 Under andre")
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, [])],
        [commitment("1.1", "Første tiltak"), commitment("1.2", "Andre tiltak"), commitment("1.2.1", "Under andre")],
    )
    assert parsed.warnings == []


def test_sub_items_keep_the_documents_letters_and_case():
    parsed = parse(
        "1 Utdanning",
        "1.1 Partene samarbeider om",
        "A - store bokstaver med strek",
        "B. store bokstaver med punktum",
        "C) store bokstaver med parentes",
        "1.2 Partene samarbeider om",
        "a) små bokstaver",
        "(b) i parentes",
        "c. med punktum",
        "1.3 Tiltak med romertall",
        "i) første",
        "ii) andre",
        "(iii) tredje",
        "iv) fjerde",
        "1.4 Tiltak med mange bokstaver",
        *[f"{letter}) punkt {letter}" for letter in "abcdefghij"],
    )
    assert [(c.code, c.text) for c in parsed.agreement.commitments] == [
        ("1.1", "Partene samarbeider om"),
        ("1.1.A", "store bokstaver med strek"),
        ("1.1.B", "store bokstaver med punktum"),
        ("1.1.C", "store bokstaver med parentes"),
        ("1.2", "Partene samarbeider om"),
        ("1.2.a", "små bokstaver"),
        ("1.2.b", "i parentes"),
        ("1.2.c", "med punktum"),
        ("1.3", "Tiltak med romertall"),
        ("1.3.i", "første"),
        ("1.3.ii", "andre"),
        ("1.3.iii", "tredje"),
        ("1.3.iv", "fjerde"),
        ("1.4", "Tiltak med mange bokstaver"),
        *[(f"1.4.{letter}", f"punkt {letter}") for letter in "abcdefghij"],
    ]
    # "i)" after "h)" is the letter i, so neither list has a gap.
    assert parsed.warnings == []


def test_a_gap_in_letters_or_roman_numerals_is_a_warning():
    parsed = parse("1 Utdanning", "1.1 Tiltak", "a) en", "c) tre", "1.2 Tiltak", "i) en", "iii) tre")
    assert messages(parsed) == [
        "Linje 5: tiltak 1.1.c følger etter et hopp i nummereringen; 1.1.b mangler. "
        "Sjekk at ingen tiltak er lest som tekst.",
        "Linje 8: tiltak 1.2.iii følger etter et hopp i nummereringen; 1.2.ii mangler. "
        "Sjekk at ingen tiltak er lest som tekst.",
    ]


def test_bullets_under_a_numbered_lead_in_are_its_children():
    parsed = parse(
        "2 Næring",
        "2.1 Partene etablerer konkret samarbeid om",
        "• Etablerertjenesten",
        "• Landbruk og lokalmat,",
        "  med reiseliv",
        "▪ Opplevelser",
        "2.2 Partene skal ved å",
        "- bruke næringshagen",
        "– bruke klyngene",
        "* bruke akademia",
        "o Bruke kommunene",
    )
    assert parsed.agreement == agreement(
        [FocusArea("2", "Næring", None, [])],
        [
            commitment("2.1", "Partene etablerer konkret samarbeid om"),
            commitment("2.1.1", "Etablerertjenesten"),
            commitment("2.1.2", "Landbruk og lokalmat, med reiseliv"),
            commitment("2.1.3", "Opplevelser"),
            commitment("2.2", "Partene skal ved å"),
            commitment("2.2.1", "bruke næringshagen"),
            commitment("2.2.2", "bruke klyngene"),
            commitment("2.2.3", "bruke akademia"),
            commitment("2.2.4", "Bruke kommunene"),
        ],
    )
    # The heading "2 Næring" is the first: focus area 1 is missing.
    assert [warning.key for warning in parsed.warnings] == ["area_number_jump"]


def test_bullets_under_an_unnumbered_lead_in_are_numbered_under_the_focus_area():
    parsed = parse("1 Utdanning", "Partene skal:", "• samarbeide om fagskolen", "• tilby lærlingeplasser")
    assert parsed.agreement.commitments == [
        commitment("1.1", "samarbeide om fagskolen"),
        commitment("1.2", "tilby lærlingeplasser"),
    ]
    assert messages(parsed) == [
        "Linje 4: kulepunktene i innsatsområde 1 står ikke under et nummerert tiltak; de er nummerert "
        "1.1, 1.2 og så videre i den rekkefølgen de står."
    ]


def test_a_bullet_whose_number_is_taken_joins_the_item_above():
    parsed = parse("1 Utdanning", "1.1 Fagskole", "1.2 Lærlinger", "TILTAK FOR ALLE", "• Yrkesmesse")
    assert parsed.agreement.commitments == [
        commitment("1.1", "Fagskole"),
        commitment("1.2", "Lærlinger Yrkesmesse"),
    ]
    assert messages(parsed) == [
        "Linje 6: kulepunktene i innsatsområde 1 står ikke under et nummerert tiltak; de er nummerert "
        "1.1, 1.2 og så videre i den rekkefølgen de står.",
        "Linje 6: kulepunktet «Yrkesmesse» ville fått nummeret 1.1, men det har allerede et tiltak. "
        "Teksten er lagt til tiltaket over; gi kulepunktet et eget nummer i dokumentet.",
    ]


def test_viken_template_outline():
    # The template in Viken's meeting deck: "1. Beskrivelse av samarbeidene" with "a. ..." under
    # it, then "2. Virkemidler" and "3. Gjennomføring" as chapters of prose.
    parsed = parse(
        "Samarbeidsområder",
        "• Forpliktelser",
        "1. Beskrivelse av samarbeidene",
        "a. Kompetanse og utdanning i regionen",
        "b. Næringsutvikling",
        "  med vekt på grønn omstilling",
        "c. Samferdsel",
        "2. Virkemidler",
        "Partene bruker egne midler.",
        "3. Gjennomføring",
        "Partene møtes to ganger i året.",
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Beskrivelse av samarbeidene", None, [])],
        [
            commitment("1.a", "Kompetanse og utdanning i regionen"),
            commitment("1.b", "Næringsutvikling med vekt på grønn omstilling"),
            commitment("1.c", "Samferdsel"),
        ],
    )
    assert messages(parsed) == [
        "Linje 9: overskriften 2 «Virkemidler» har ingen tiltak under seg og er ikke tatt med som "
        "innsatsområde. Har den tiltak, må de være nummerert (2.1, 2.2 …) eller stå som a), b) under "
        "overskriften.",
        "Linje 11: overskriften 3 «Gjennomføring» har ingen tiltak under seg og er ikke tatt med som "
        "innsatsområde. Har den tiltak, må de være nummerert (3.1, 3.2 …) eller stå som a), b) under "
        "overskriften.",
    ]


# --- goals (SDGs) ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,sdgs",
    [
        ("11 – berekraftige byar og lokalsamfunn", [11]),
        (" 9 – industriell innovasjon og infrastruktur", [9]),
        ("FNs bærekraftsmål nr. 9: Industri, innovasjon og infrastruktur", [9]),
        ("FN's bærekraftsmål 9 - Industri, innovasjon og infrastruktur", [9]),
        ("FNs berekraftsmål nr 11", [11]),
        ("Bærekraftsmål: 4, 8 og 9", [4, 8, 9]),
        ("Berekraftsmål 13 og 7", [13, 7]),
        ("FN sine berekraftsmål nr. 4 og 9", [4, 9]),
        ("Bærekraftsmålene 4, 8 og 9", [4, 8, 9]),
        ("Berekraftsmåla: 11", [11]),
        ("Mål 9 – Industri, innovasjon og infrastruktur", [9]),
        ("Mål 11", [11]),
        ("9 Industri, innovasjon og infrastruktur", [9]),
        ("13 Stoppe klimaendringane", [13]),
        ("SDG 17: Partnerships for the goals", [17]),
    ],
)
def test_goal_lines_after_the_items(line, sdgs):
    parsed = parse("1 Utdanning", "1.1 Første tiltak", "som går over to linjer.", line, "2 Næring", "2.1 Tiltak")
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, sdgs), FocusArea("2", "Næring", None, [])],
        [commitment("1.1", "Første tiltak som går over to linjer."), commitment("2.1", "Tiltak")],
    )
    assert parsed.warnings == []


def test_goal_lines_before_the_items_and_items_called_mal():
    parsed = parse(
        "Innsatsområde 1: Utdanning",
        "FNs bærekraftsmål nr. 4: God utdanning",
        "Mål 1.1: Fagskole",
        "Mål 1.2 – Lærlinger",
        "Innsatsområde 2: Næring",
        "Bærekraftsmål 8 og 9",
        "Mål 2.1: Næringshage",
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, [4]), FocusArea("2", "Næring", None, [8, 9])],
        [commitment("1.1", "Fagskole"), commitment("1.2", "Lærlinger"), commitment("2.1", "Næringshage")],
    )
    assert parsed.warnings == []


def test_a_goal_line_under_a_goal_heading_is_told_from_a_heading_called_mal():
    parsed = parse("Mål 1 – Flere fullfører skolen", "Mål 1.1: Fagskole", "Mål 4 – God utdanning")
    assert parsed.agreement == agreement(
        [FocusArea("1", "Flere fullfører skolen", None, [4])], [commitment("1.1", "Fagskole")]
    )


def test_goals_named_inside_a_text_or_misnamed_are_warnings():
    parsed = parse(
        "1 Utdanning",
        "1.1 Tiltak som bidrar til bærekraftsmål 4 i planen",
        "1.2 Tiltak der målet kom med: 9 – Industri, innovasjon og infrastruktur",
        "1.3 Tiltak over to linjer",
        "jf. FNs bærekraftsmål nr. 11 om byer",
        "FNs bærekraftsmål nr. 7: Utrydde sult",
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, [7])],
        [
            commitment("1.1", "Tiltak som bidrar til bærekraftsmål 4 i planen"),
            commitment("1.2", "Tiltak der målet kom med: 9 – Industri, innovasjon og infrastruktur"),
            commitment("1.3", "Tiltak over to linjer jf. FNs bærekraftsmål nr. 11 om byer"),
        ],
    )
    assert messages(parsed) == [
        "Linje 4: teksten til tiltak 1.2 nevner et bærekraftsmål («9 – Industri, innovasjon og infrastruktur»). "
        "Står målet på en egen linje i dokumentet, hører det til innsatsområdet og ikke til tiltakets tekst.",
        "Linje 6: teksten til tiltak 1.3 nevner et bærekraftsmål («jf. FNs bærekraftsmål nr. 11 om byer»). "
        "Står målet på en egen linje i dokumentet, hører det til innsatsområdet og ikke til tiltakets tekst.",
        "Linje 7: bærekraftsmål 7 heter ikke «Utrydde sult». Målet er lest som nummer 7; sjekk nummeret.",
    ]


# --- what the export added ---------------------------------------------------------------------


def test_a_table_of_contents_is_skipped():
    parsed = parse(
        "Innholdsfortegnelse",
        "1 Innledning 3",
        "2 Innsatsområder 4",
        "2.1 Utdanning 4",
        "",
        "Innledning",
        "Avtalen gjelder fra 2024.",
        "3.1.1 Et punkt ........ 9",
        "3.1.2 Et annet punkt\t9",
        "1 Utdanning",
        "1.1 Fagskole",
    )
    assert parsed.agreement == agreement([FocusArea("1", "Utdanning", None, [])], [commitment("1.1", "Fagskole")])
    assert messages(parsed) == [
        "Linje 2: en innholdsfortegnelse (4 linjer, til linje 5) er hoppet over. "
        "Sjekk at ingen innsatsområder eller tiltak står blant de linjene.",
        "Linje 9: en innholdsfortegnelse (2 linjer, til linje 10) er hoppet over. "
        "Sjekk at ingen innsatsområder eller tiltak står blant de linjene.",
    ]


def test_page_furniture_is_dropped_and_never_glued_into_a_text():
    parsed = parse_lines(
        [
            Line(TITLE, 1, page=1),
            Line("1 Utdanning", 2, page=1),
            Line("1.1 Etablere forpliktende samarbeids-", 3, page=1),
            Line("Side 1 av 3", 4, page=1),
            Line(TITLE, 5, page=2),
            Line("Viken fylkeskommune", 6, page=2),
            Line("prosjekter med fag- og svennebrev og samarbeids- prosjekter.", 7, page=2),
            Line("- 2 -", 8, page=2),
            Line(TITLE, 9, page=3),
            Line("Viken fylkeskommune", 10, page=3),
            Line("1.2 Gjøre overgangen god.", 11, page=3),
            Line("3", 12, page=3),
            Line("Viken fylkeskommune", 13, page=3),
        ]
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, [])],
        [
            commitment(
                "1.1",
                "Etablere forpliktende samarbeidsprosjekter med fag- og svennebrev og samarbeidsprosjekter.",
            ),
            commitment("1.2", "Gjøre overgangen god."),
        ],
    )
    assert messages(parsed) == [
        "Side 1, linje 3: i tiltak 1.1 er ord delt over to linjer satt sammen igjen (samarbeidsprosjekter). "
        "Sjekk at det ikke var en ekte bindestrek.",
        "Side 1, linje 4: 3 linjer som ser ut som sidetall («Side 1 av 3» og de andre) er tatt ut av teksten.",
        f"Side 2, linje 5: «{TITLE}» står 3 ganger, som en topp- eller bunntekst på hver side, og er tatt ut "
        "av teksten.",
        "Side 2, linje 6: «Viken fylkeskommune» står 3 ganger, som en topp- eller bunntekst på hver side, og "
        "er tatt ut av teksten.",
    ]
    assert parsed.warnings[1] == LayoutWarning("page_number", 4, 1, {"text": "Side 1 av 3", "count": 3})
    assert parsed.warnings[1].message("en") == (
        "Page 1, line 4: 3 lines that look like page numbers (“Side 1 av 3” and the others) were taken out of the text."
    )


# --- table rows --------------------------------------------------------------------------------


def row(number: int, code: str, text: str, **fields: str) -> Line:
    return Line(f"{code} {text}", number, page=2, cells={"code": code, "text": text, **fields})


def test_table_columns_become_fields_and_a_first_status_never_text():
    parsed = parse_lines(
        [
            Line("Handlingsplan 2024-2025", 1, page=1),
            Line("Innsatsområde 1: Utdanning #kompetanseløft", 2, page=1),
            row(3, "Nr", "Tiltak", council_area="Ansvar", deadline="Frist", status="Status", amount="Midler"),
            row(
                4,
                "1.1",
                "Etablere samarbeidsprosjekter",
                council_area="Utdanning og kompetanse",
                deadline="31.12.2023",
                status="I rute",
                progress="50 %",
                comment="Godt i gang",
                amount="kr 500 000",
            ),
            row(5, "1.2", "Fagskole", council_area="utdanning", deadline="2024", status="Fullført", amount="0,5 mill."),
            row(6, "", "med industrifagskole", council_area="", deadline="", status=""),
            row(7, "1.2.A", "Lærlinger", council_area="FRL", deadline="løpende", status="Snart", amount="litt"),
            row(8, "b)", "Yrkesmesse", council_area="Helse", deadline="31.02.2024", status="I arbeid", progress="150"),
            row(9, "1.3", "Uten felt", council_area="-", deadline="", status="", amount=""),
        ],
        council_areas=VIKEN_UNITS,
    )
    assert parsed.agreement == Agreement(
        period="2024-2025",
        title="Handlingsplan 2024-2025",
        focus_areas=[FocusArea("1", "Utdanning", "#kompetanseløft", [])],
        commitments=[
            commitment(
                "1.1",
                "Etablere samarbeidsprosjekter",
                council_area="Utdanning og kompetanse",
                deadline="2023-12-31",
                amount=500_000,
            ),
            commitment(
                "1.2",
                "Fagskole med industrifagskole",
                council_area="Utdanning og kompetanse",
                deadline="2024",
                amount=500_000,
            ),
            commitment("1.2.A", "Lærlinger", deadline="løpende"),
            commitment("1.2.b", "Yrkesmesse"),
            commitment("1.3", "Uten felt"),
        ],
    )
    assert parsed.reports == {
        "1.1": FirstReport("on_track", 50, "Godt i gang"),
        "1.2": FirstReport("completed"),
        "1.2.b": FirstReport("on_track"),
    }
    areas = (
        "Kultur og mangfold, Plan, klima og miljø, Samferdsel, Næring og tannhelse, Utdanning og kompetanse, "
        "Finans og administrasjon, Fylkesrådsleders kontor"
    )
    assert messages(parsed) == [
        "Side 2, linje 6: tabellraden uten nummer («med industrifagskole») er lest som fortsettelsen av tiltak 1.2.",
        f"Side 2, linje 7: ansvaret «FRL» for tiltak 1.2.A er ikke ett av rådsområdene ({areas}). "
        "Velg rådsområdet for tiltaket før du lagrer.",
        "Side 2, linje 7: beløpet «litt» for tiltak 1.2.A kan ikke leses som kroner (skriv for eksempel "
        "«500 000» eller «1,2 mill.»); tiltaket får ikke noe beløp.",
        "Side 2, linje 7: statusen «Snart» for tiltak 1.2.A er ikke en av statusene (Ikke startet, I rute, "
        "Forsinket, Fullført, Utgår); tiltaket får ingen første statusrapport.",
        f"Side 2, linje 8: ansvaret «Helse» for tiltak 1.2.b er ikke ett av rådsområdene ({areas}). "
        "Velg rådsområdet for tiltaket før du lagrer.",
        "Side 2, linje 8: fristen «31.02.2024» for tiltak 1.2.b er ingen dato som finnes; tiltaket får ingen frist.",
        "Side 2, linje 8: statusen «I arbeid» for tiltak 1.2.b er lest som «I rute». Rett statusen før du "
        "lagrer den som første statusrapport hvis det ikke stemmer.",
        "Side 2, linje 8: fremdriften «150» for tiltak 1.2.b er ikke et tall fra 0 til 100; statusen er tatt "
        "med uten fremdrift.",
    ]
    assert parsed.warnings[6].message("en") == (
        "Page 2, line 8: the status “I arbeid” for commitment 1.2.b was read as “On track”. Correct it before "
        "saving it as the first status report if that is not right."
    )


def test_the_countys_own_council_areas():
    parsed = parse_lines(
        [
            Line("Handlingsplan 2024", 1),
            Line("1 Samferdsel", 2),
            row(3, "1.1", "Busstilbud", council_area="Mobilitet"),
            row(4, "1.2", "Sykkelveier", council_area="Samferdsel"),
        ],
        council_areas=("Mobilitet og transport", "Opplæring"),
    )
    assert [(c.code, c.council_area) for c in parsed.agreement.commitments] == [
        ("1.1", "Mobilitet og transport"),
        ("1.2", None),
    ]
    assert messages(parsed, "en") == [
        "Page 2, line 4: the responsibility “Samferdsel” for commitment 1.2 is not one of the council areas "
        "(Mobilitet og transport, Opplæring). Choose the council area for the commitment before saving."
    ]


def test_a_table_row_outside_any_commitment_is_named():
    parsed = parse_lines(
        [Line("Handlingsplan 2024", 1), Line("1 Samferdsel", 2), row(3, "", "Merknad"), row(4, "1.1", "Buss")]
    )
    assert parsed.agreement.commitments == [commitment("1.1", "Buss")]
    assert messages(parsed) == [
        "Side 2, linje 3: tabellraden «Merknad» har ikke noe tiltaksnummer og står ikke under et tiltak; den er "
        "ikke tatt med."
    ]


def test_a_paragraph_after_a_table_is_not_glued_to_its_last_row():
    # Found by the preview's tests: "Vedtatt …" after the table became part of 1.2's text.
    parsed = parse_lines(
        [
            Line("Handlingsplan 2024", 1),
            Line("1 Samferdsel", 2),
            row(3, "1.1", "Buss"),
            row(4, "1.2", "Bysykler"),
            Line("Vedtatt i regionrådet 12. mars 2025", 5),
            Line("1.3 Innfartsparkering", 6),
        ]
    )
    assert parsed.agreement.commitments == [
        commitment("1.1", "Buss"),
        commitment("1.2", "Bysykler"),
        commitment("1.3", "Innfartsparkering"),
    ]
    assert parsed.warnings == []


@pytest.mark.parametrize(
    "value,deadline",
    [
        ("31.12.2023", "2023-12-31"),
        ("31/12/2023", "2023-12-31"),
        ("2023-12-31", "2023-12-31"),
        ("31. desember 2023", "2023-12-31"),
        ("1 mars 2024", "2024-03-01"),
        ("31.12.23", "2023-12-31"),
        ("2023", "2023"),
        ("4. kv. 2023", "4. kv. 2023"),
        (" løpende ", "løpende"),
        ("31.02.2023", None),
    ],
)
def test_deadlines(value, deadline):
    assert parse_deadline(value) == deadline


@pytest.mark.parametrize(
    "value,amount",
    [
        ("kr 500 000", 500_000),
        ("500 000,-", 500_000),
        ("500\u00a0000 kr", 500_000),
        ("0,5 mill.", 500_000),
        ("1,2 mill. kr", 1_200_000),
        ("500'", 500_000),
        ("NOK 250 000", 250_000),
        ("kr 1.500.000", 1_500_000),
        ("2 mrd", 2_000_000_000),
        ("250", 250),
        ("12,50", None),
        ("etter behov", None),
    ],
)
def test_amounts(value, amount):
    assert parse_amount(value) == amount


@pytest.mark.parametrize("value,progress", [("50", 50), ("50 %", 50), ("100%", 100), ("50,0 %", 50), ("101", None)])
def test_progress(value, progress):
    assert parse_progress(value) == progress


@pytest.mark.parametrize(
    "value,area",
    [
        ("Utdanning og kompetanse", "Utdanning og kompetanse"),
        ("  utdanning  OG kompetanse ", "Utdanning og kompetanse"),
        ("Plan, klima og miljø", "Plan, klima og miljø"),
        ("Plan klima og miljø", "Plan, klima og miljø"),
        ("Næring", "Næring og tannhelse"),
        ("Rådsområde for kultur og mangfold", "Kultur og mangfold"),
        ("Fylkesrådsleder", "Fylkesrådsleders kontor"),
        ("UK", "Utdanning og kompetanse"),
        ("PKM", "Plan, klima og miljø"),
        ("Samferdsel / Utdanning", None),
        ("Helse", None),
    ],
)
def test_council_areas(value, area):
    assert match_council_area(value, VIKEN_UNITS) == area


# --- warnings and refusals ---------------------------------------------------------------------


def test_gaps_an_item_before_the_first_focus_area_and_a_long_text():
    long_text = " ".join(["ord"] * 121)
    parsed = parse(
        "Innledning",
        "1.1 Avtalen bygger på forrige avtale.",
        "1 Utdanning",
        "1.1 Fagskole",
        "1.2 Lærlinger",
        "1.4 Yrkesmesse",
        "3 Samferdsel",
        f"3.1 {long_text}",
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, []), FocusArea("3", "Samferdsel", None, [])],
        [
            commitment("1.1", "Fagskole"),
            commitment("1.2", "Lærlinger"),
            commitment("1.4", "Yrkesmesse"),
            commitment("3.1", long_text),
        ],
    )
    assert messages(parsed) == [
        "Linje 3: «1.1 Avtalen bygger på forrige avtale.» ser ut som et tiltak, men står før første "
        "innsatsområde og er ikke tatt med. Sjekk at overskriften over er skrevet som «1 - Tittel» eller "
        "«Innsatsområde 1: Tittel».",
        "Linje 7: tiltak 1.4 følger etter et hopp i nummereringen; 1.3 mangler. "
        "Sjekk at ingen tiltak er lest som tekst.",
        "Linje 8: innsatsområde 3 følger etter et hopp i nummereringen; innsatsområde 2 mangler. "
        "Sjekk at overskriften er skrevet som «2 - Tittel».",
        "Linje 9: tiltak 3.1 har 121 ord. Sjekk at teksten ikke har fått med seg en overskrift eller neste avsnitt.",
    ]
    assert parsed.warnings[0] == LayoutWarning(
        "outside_focus_area", 3, None, {"code": "1.1", "text": "Avtalen bygger på forrige avtale."}
    )


@pytest.mark.parametrize(
    "texts,message",
    [
        (("1 Næring", "1.1 Et tiltak", "2.1 Vei"), "Linje 4: tiltak 2.1 står under innsatsområde 1. "
         "Sjekk at overskriften for innsatsområde 2 er skrevet som «2 - Tittel»."),
        (("Innsatsområde 1: Næring", "1.1 Et tiltak", "Innsatsområde 1: Igjen"),
         "Linje 4: innsatsområde 1 står to ganger i avtalen."),
        (("1 Næring", "Tiltak 1.1:", "1.2 Et tiltak"), "Linje 3: tiltak 1.1 mangler tekst."),
        (("1 Næring", "• bare kulepunkter", "1.1 Et tiltak"),
         "Linje 4: tiltak 1.1 står to ganger i avtalen. Første gang: Linje 3."),
    ],
)  # fmt: skip
def test_what_cannot_be_read_is_still_refused(texts, message):
    with pytest.raises(AgreementFormatError) as error:
        parse(*texts)
    assert str(error.value) == message


def test_lines_the_authors_repeat_stay():
    parsed = parse_lines(
        [
            Line(TITLE, 1, page=1),
            *[
                line
                for area in (1, 2, 3)
                for line in (
                    Line(f"{area} Område {area}", 10 * area, page=area),
                    Line("KUNNSKAPSGRUNNLAG", 10 * area + 1, page=area),
                    Line("Partene skal:", 10 * area + 2, page=area),
                    Line(f"{area}.1 Tiltak {area}", 10 * area + 3, page=area),
                    Line("med felles innsats", 10 * area + 4, page=area),
                    Line("Bærekraftsmål 9", 10 * area + 5, page=area),
                    Line(f"{area}.2 Siste", 10 * area + 6, page=area),
                )
            ],
        ]
    )
    assert parsed.agreement == agreement(
        [FocusArea(str(area), f"Område {area}", None, [9]) for area in (1, 2, 3)],
        [
            commitment(code, text)
            for area in (1, 2, 3)
            for code, text in ((f"{area}.1", f"Tiltak {area} med felles innsats"), (f"{area}.2", "Siste"))
        ],
    )
    assert parsed.warnings == []


def test_a_long_document_with_a_long_paragraph():
    # The contents pattern is tried only on lines ending in a number, so a long one cannot backtrack for long.
    texts = [f"{area} Område {area}" for area in range(1, 60)]
    body = [
        line
        for area in range(1, 60)
        for line in (texts[area - 1], *(f"{area}.{n} {'ord ' * 60}." for n in range(1, 40)), "x" * 5000 + f" {area}")
    ]
    parsed = parse(*body)
    assert (len(parsed.agreement.focus_areas), len(parsed.agreement.commitments), parsed.warnings) == (59, 59 * 39, [])


def test_a_single_page_number():
    parsed = parse("1 Utdanning", "1.1 Fagskole for", "Side 2", "hele regionen")
    assert parsed.agreement.commitments == [commitment("1.1", "Fagskole for hele regionen")]
    assert messages(parsed) == ["Linje 4: 1 linje («Side 2») ser ut som et sidetall og er tatt ut av teksten."]


def test_rows_numbered_within_their_focus_area():
    parsed = parse_lines(
        [
            Line("Handlingsplan 2024", 1),
            Line("Innsatsområde 1: Utdanning", 2),
            row(3, "1", "Fagskole", deadline="2024"),
            row(4, "2", "Lærlinger"),
            Line("Innsatsområde 2: Næring", 5),
            row(6, "1", "Næringshage"),
        ]
    )
    assert parsed.agreement == Agreement(
        period="2024",
        title="Handlingsplan 2024",
        focus_areas=[FocusArea("1", "Utdanning", None, []), FocusArea("2", "Næring", None, [])],
        commitments=[
            commitment("1.1", "Fagskole", deadline="2024"),
            commitment("1.2", "Lærlinger"),
            commitment("2.1", "Næringshage"),
        ],
    )
    assert messages(parsed) == [
        f"Side 2, linje {line}: tabellraden er nummerert «{number}» uten innsatsområdets nummer foran; den er "
        f"lest som tiltak {code}."
        for line, number, code in ((3, 1, "1.1"), (4, 2, "1.2"), (6, 1, "2.1"))
    ]


def test_a_goal_line_is_not_taken_for_a_heading_over_bullets():
    parsed = parse(
        "1. Utdanning",
        "• Fagskole",
        "9 Industri, innovasjon og infrastruktur",
        "2. Næring",
        "• Næringshage",
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, [9]), FocusArea("2", "Næring", None, [])],
        [commitment("1.1", "Fagskole"), commitment("2.1", "Næringshage")],
    )
    assert [warning.key for warning in parsed.warnings] == ["bullets_numbered", "bullets_numbered"]


def test_items_numbered_within_a_focus_area_named_by_its_word():
    parsed = parse(
        "Innsatsområde 1: Utdanning",
        "1. Fagskole",
        "2. Lærlinger",
        "3) Yrkesmesse",
        "Innsatsområde 2: Næring",
        "1. Næringshage",
        "9 – Industri, innovasjon og infrastruktur",
    )
    assert parsed.agreement == agreement(
        [FocusArea("1", "Utdanning", None, []), FocusArea("2", "Næring", None, [9])],
        [
            commitment("1.1", "Fagskole"),
            commitment("1.2", "Lærlinger"),
            commitment("1.3", "Yrkesmesse"),
            commitment("2.1", "Næringshage"),
        ],
    )
    assert messages(parsed) == [
        f"Linje {line}: punktet er nummerert «{number}.» uten innsatsområdets nummer foran; det er lest som "
        f"tiltak {code}."
        for line, number, code in ((3, 1, "1.1"), (4, 2, "1.2"), (5, 3, "1.3"), (7, 1, "2.1"))
    ]


def test_a_workbook_s_goals_in_one_cell_and_its_warnings_by_sheet_and_row():
    # Found in the try-out: a cell holding two goal statements kept only the first, and the warning
    # said «Linje 5» to someone looking at rows of a sheet.
    parsed = parse_lines(
        [
            Line("Handlingsplan 2025-2026", 1, sheet="Plan"),
            Line("Innsatsområde 1: Kompetanse #kompetanseløft", 4, sheet="Plan"),
            Line(
                "FNs bærekraftsmål nr. 4: God utdanning; FNs bærekraftsmål nr. 8: Anstendig arbeid og økonomisk vekst",
                5,
                sheet="Plan",
            ),
            Line("1.1 Lærlinger", 6, sheet="Plan", cells={"code": "1.1", "text": "Lærlinger", "amount": "mange"}),
        ]
    )
    assert parsed.agreement.focus_areas == [FocusArea("1", "Kompetanse", "#kompetanseløft", [4, 8])]
    assert messages(parsed) == [
        "Arket «Plan», rad 6: beløpet «mange» for tiltak 1.1 kan ikke leses som kroner (skriv for eksempel "
        "«500 000» eller «1,2 mill.»); tiltaket får ikke noe beløp."
    ]


@pytest.mark.parametrize(
    "goals",
    [
        "Bærekraftsmål: 8 – Anstendig arbeid og økonomisk vekst; 9 – Industri, innovasjon og infrastruktur; "
        "12 – Ansvarlig forbruk og produksjon",
        "8 – Anstendig arbeid og økonomisk vekst; 9 – Industri, innovasjon og infrastruktur; 12 – Ansvarlig "
        "forbruk og produksjon",
    ],
)
def test_goals_named_one_after_the_other_all_count(goals):
    # Found in the second try-out: with names, only the first goal (or none) was kept, without a word.
    parsed = parse("1 - Næring #vekst", goals, "1.1 Et tiltak")
    assert parsed.agreement.focus_areas == [FocusArea("1", "Næring", "#vekst", [8, 9, 12])]
    assert parsed.warnings == []


def test_a_refusal_in_a_workbook_names_its_sheet_and_row():
    with pytest.raises(AgreementFormatError) as refused:
        parse_lines(
            [
                Line("Handlingsplan 2025-2026", 1, sheet="Plan"),
                Line("1 Samferdsel", 4, sheet="Plan"),
                Line("1.1", 8, sheet="Plan", cells={"code": "1.1", "text": ""}),
            ]
        )
    assert [refused.value.message("nb"), refused.value.message("en")] == [
        "Arket «Plan», rad 8: tiltak 1.1 mangler tekst.",
        "Sheet “Plan”, row 8: commitment 1.1 has no text.",
    ]
