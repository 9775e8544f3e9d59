"""The demo database's content: counties, regions, agreements and the words of status reports.

Indre Østfold's 2022–2023 agreement is the real one (loaders/seeds); the other agreements
are invented in its style, with themes from Viken's meeting with the municipal regions in
December 2020. Viken was split on 1 January 2024 into Østfold, Akershus and Buskerud, which
carried the agreements on for 2024–2027: mostly the same commitments, some split, merged,
ended or new (``Successor``). Municipality numbers are Viken's (30xx) until 2023; the
builder renumbers the members from 2024 with the shipped SSB data (core.reference).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.register import Agreement, Commitment, FocusArea


@dataclass(frozen=True)
class Successor:
    """How a region's 2024–2027 agreement carries on its 2022–2023 one.

    A code not in ``targets`` carries on under the same code. ``targets`` maps an old code to
    the new codes that carry it on: none ends it, several split it, and several old codes
    naming one new code are merged into it. ``texts`` gives new wording by new code;
    ``added`` are new commitments as (code, text, Viken council area whose words the reports
    borrow[, SDGs]).
    """

    targets: dict[str, list[str]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    added: tuple[tuple, ...] = ()


@dataclass(frozen=True)
class DemoRegion:
    name: str
    short_name: str
    slug: str  # for file names in the uploads log
    coordinator: str  # who "uploads" the region's status files
    municipalities: dict[str, str]
    # None for Indre Østfold, whose agreement is read from the seed text.
    agreement: Agreement | None
    county: str  # the county that took the region over on 1 January 2024, by short name
    successor: Successor  # how its 2024–2027 agreement carries the 2022–2023 one on
    new_name: str | None = None  # what the region is called from 2024, where that changed
    # Members from 2024 that belong to another county (number in force then → name).
    other_county_members: dict[str, str] = field(default_factory=dict)


def _agreement(period: str, focus_areas: list[FocusArea], commitments: list[tuple]) -> Agreement:
    """An agreement from (code, text, council area[, sdgs]) rows; the focus area is the code's first part."""
    return Agreement(
        period=period,
        title=f"Partnerskapsavtale spesiell del {period}",
        focus_areas=focus_areas,
        commitments=[
            Commitment(
                code=row[0],
                text=row[1],
                focus_area=row[0].split(".")[0],
                council_area=row[2],
                sdgs=row[3] if len(row) > 3 else None,
            )
            for row in commitments
        ],
    )


# Agreements are loaded by the county's partnership coordinator, status files
# by each region's coordinator.
AGREEMENT_USER = "Mari Solheim"
# Østfold's partnership adviser, who reports for every region of the county.
COUNTY_REPORTER = "Siri Haugland"
COUNTY_REPORTER_COUNTY = "Østfold fylkeskommune"

KULTUR = "Kultur og mangfold"
PLAN = "Plan, klima og miljø"
SAMFERDSEL = "Samferdsel"
NAERING = "Næring og tannhelse"
UTDANNING = "Utdanning og kompetanse"
FINANS = "Finans og administrasjon"
FYLKESRADSLEDER = "Fylkesrådsleders kontor"

# Indre Østfold's commitments by code; a code not listed takes the area of its
# nearest listed parent ("2.3.4" falls back to "2.3", then to "2").
INDRE_OSTFOLD_COUNCIL_AREAS: dict[str, str] = {
    "1": UTDANNING,
    "2": NAERING,
    "2.3.2": PLAN,  # agriculture: "gården som ressurs"
    "2.3.3": KULTUR,  # cultural industries and the destination
    "2.4": PLAN,  # bygdemiljøpakker belong to plan, klima og miljø
    "3": SAMFERDSEL,
    "3.1": PLAN,  # the shared knowledge base: statistics and analyses
}

INDRE_OSTFOLD = DemoRegion(
    name="Indre Østfold regionråd",
    short_name="IØR",
    slug="indre-ostfold",
    coordinator="Hanne Bakken",
    municipalities={
        "3012": "Aremark",
        "3013": "Marker",
        "3014": "Indre Østfold",
        "3015": "Skiptvet",
        "3016": "Rakkestad",
        # Våler sits in both Indre Østfold regionråd and Mosseregionen, so the
        # demo has one municipality shared by two regions.
        "3018": "Våler",
    },
    county="Østfold",
    successor=Successor(
        targets={"1.7": [], "3.5": ["3.4"]},
        texts={
            "3.4": "Dialog og medvirkning med kollektivaktørene om samordning av buss- og togtilbudet, "
            "innfartsparkering og kollektivterminalene i Askim og Mysen."
        },
        added=(
            (
                "1.9",
                "Et felles tilbud for unge som står utenfor skole og arbeid, sammen med NAV og oppfølgingstjenesten.",
                UTDANNING,
                [4, 8],
            ),
        ),
    ),
    agreement=None,
)

FOLLO = DemoRegion(
    name="Follorådet",
    short_name="Follo",
    slug="follo",
    coordinator="Ole Kristian Strand",
    municipalities={
        "3019": "Vestby",
        "3020": "Nordre Follo",
        "3021": "Ås",
        "3022": "Frogn",
        "3023": "Nesodden",
        "3028": "Enebakk",
    },
    county="Akershus",
    new_name="Folloregionen IPR",
    successor=Successor(
        targets={"2.1": ["2.1.A", "2.1.B"], "3.2.A": ["3.2"], "4.1": []},
        texts={
            "2.1.A": "Utarbeide et felles klimaregnskap for Follo-kommunene hvert år, og bruke det i "
            "kommuneplanarbeidet.",
            "2.1.B": "Utarbeide felles klimabudsjett med tiltak for transport og bygg, og følge det opp i "
            "kommunenes økonomiplaner.",
            "3.2": "Samordne kollektivtilbudet mot knutepunktene Ski, Ås og Drøbak, bedre tverrforbindelsene i "
            "Follo og gi bestillingstransport der rutetilbudet mangler.",
        },
        added=(
            (
                "4.4",
                "Et felles ungdomsråd for Follo som blir hørt i saker om kollektivtilbud, kultur og fritid.",
                KULTUR,
                [10, 16],
            ),
        ),
    ),
    agreement=_agreement(
        "2022-2023",
        [
            FocusArea("1", "Kompetanse og arbeidsliv", "#kompetanseløft", [4, 8]),
            FocusArea("2", "Klima, areal og natur", "#lavereklimautslipp", [13, 15]),
            FocusArea("3", "Mobilitet og trafikksikkerhet", "#grønnmobilitet", [11]),
            FocusArea("4", "Inkluderende lokalsamfunn", "#attraktivesteder", [10, 11]),
        ],
        [
            (
                "1.1",
                "Samarbeide om flere lærlingeplasser i kommunene og i Viken, med mål om at Follo-kommunene til "
                "sammen tar inn minst 60 lærlinger i året.",
                UTDANNING,
            ),
            (
                "1.2",
                "Styrke karriereveiledningen i overgangen fra ungdomsskole til videregående skole, sammen med "
                "karrieresenteret i Viken.",
                UTDANNING,
            ),
            (
                "1.3",
                "Videreutvikle samarbeidet med NMBU om etter- og videreutdanning og kunnskapsbasert næringsutvikling.",
                NAERING,
                [4, 9],
            ),
            (
                "2.1",
                "Utarbeide et felles klimaregnskap for Follo-kommunene etter samme metode som KlimaViken, og bruke "
                "det i kommuneplanarbeidet.",
                PLAN,
            ),
            (
                "2.2",
                "Samarbeide om kartlegging av naturmangfold og en felles strategi for blågrønne strukturer langs "
                "Bunnefjorden og Gjersjøen.",
                PLAN,
                [14, 15],
            ),
            (
                "2.3",
                "Dele erfaringer og rammeavtaler for klima- og miljøkrav i anskaffelser, med vekt på utslippsfrie "
                "bygge- og anleggsplasser.",
                FINANS,
                [12, 13],
            ),
            (
                "3.1",
                "Strategisk samarbeid om trafikksikkerhet, i første omgang skoleveier langs fylkesveiene, i tråd med "
                "nullvisjonen og i dialog med Viken trafikksikkerhetsutvalg (VTU).",
                SAMFERDSEL,
                [3, 11],
            ),
            (
                "3.2",
                "Samordne kollektivtilbudet mot knutepunktene Ski, Ås og Drøbak, og bedre tverrforbindelsene internt "
                "i Follo.",
                SAMFERDSEL,
            ),
            (
                "3.2.A",
                "Utrede bestillingstransport i de delene av Enebakk og Vestby som mangler et godt rutetilbud.",
                SAMFERDSEL,
            ),
            ("3.3", "Utvikle innfartsparkering for sykkel og bil ved stasjonene på Østfoldbanen.", SAMFERDSEL),
            (
                "4.1",
                "Regionale satsinger for mangfold og inkludering i kultur, idrett, friluftsliv og frivillighet, "
                "blant annet gjennom Frivillighetens år 2022.",
                KULTUR,
            ),
            (
                "4.2",
                "Styrke folkebibliotekene som møteplass og arena for livslang læring, med felles program for "
                "bibliotekene i Follo.",
                KULTUR,
                [4, 16],
            ),
            (
                "4.3",
                "Kunnskapsdeling og nettverk om FNs bærekraftsmål og mangfoldsledelse i kommuneorganisasjonene.",
                FYLKESRADSLEDER,
                [10, 17],
            ),
        ],
    ),
)

MOSSEREGIONEN = DemoRegion(
    name="Mosseregionen",
    short_name="Moss",
    slug="mosseregionen",
    coordinator="Silje Andersen",
    municipalities={"3002": "Moss", "3017": "Råde", "3018": "Våler"},
    county="Østfold",
    successor=Successor(
        targets={"3.3": []},
        added=(
            (
                "1.4",
                "Et felles kunnskapsgrunnlag for grønn industri og logistikk ved Moss havn og på Kambo.",
                NAERING,
                [9, 14],
            ),
        ),
    ),
    agreement=_agreement(
        "2022-2023",
        [
            FocusArea("1", "Næringsutvikling og grønn omstilling", "#grønnomstilling", [8, 9]),
            FocusArea("2", "Kyst, natur og stedsutvikling", "#attraktivesteder", [11, 14]),
            FocusArea("3", "Mobilitet", "#lavereklimautslipp", [11, 13]),
        ],
        [
            (
                "1.1",
                "Videreutvikle etablerertjenesten i Mosseregionen med felles veiledning, kurs og kobling til "
                "inkubatormiljøene.",
                NAERING,
            ),
            (
                "1.2",
                "Samarbeide om innovative anskaffelser der kommunene og Viken har felles behov, med leverandørdialog "
                "før konkurransene.",
                FINANS,
                [9, 12],
            ),
            (
                "1.3",
                "Kartlegge areal- og kompetansebehov for grønn industri og sirkulærøkonomi i E6-korridoren.",
                NAERING,
            ),
            (
                "2.1",
                "Felles tiltak mot marin forsøpling og for bedre vannkvalitet i Mossesundet og Vansjø.",
                PLAN,
                [6, 14],
            ),
            (
                "2.2",
                "Stedsutvikling og verdiskaping basert på kulturarv, blant annet i Moss sentrum, på Jeløy og langs "
                "kyststien.",
                KULTUR,
            ),
            (
                "2.3",
                "Samarbeid om regionale anleggsbehov for idrett og friluftsliv på tvers av kommunegrensene.",
                KULTUR,
                [3, 11],
            ),
            (
                "3.1",
                "Felles plan for tryggere skoleveier i Råde og Våler, med prioritering av gang- og sykkelveier langs "
                "fylkesvei.",
                SAMFERDSEL,
                [3, 11],
            ),
            (
                "3.2",
                "Sammenhengende reisekjeder mellom Moss stasjon, fergeleiet og Rygge, med bedre samordning av buss, "
                "båt og tog.",
                SAMFERDSEL,
            ),
            (
                "3.3",
                "Aktiv deltakelse i mobilitetsnettverket og i arbeidet med en sykkelstrategi for Mosseregionen.",
                SAMFERDSEL,
            ),
        ],
    ),
)

NEDRE_ROMERIKE = DemoRegion(
    name="Nedre Romerike regionråd",
    short_name="NRR",
    slug="nedre-romerike",
    coordinator="Thomas Berg",
    municipalities={
        "3026": "Aurskog-Høland",
        "3027": "Rælingen",
        "3029": "Lørenskog",
        "3030": "Lillestrøm",
        "3031": "Nittedal",
    },
    county="Akershus",
    new_name="Samarbeidsrådet for Nedre Romerike",
    successor=Successor(
        targets={"1.8": ["1.2"]},
        texts={
            "1.2": "Felles innsats for at flere fullfører videregående opplæring og for bedre læringsresultater, "
            "med oppfølgingstjenesten, NAV og kommunene som parter."
        },
        added=(
            (
                "1.11",
                "Samarbeid med OsloMet og Ahus om regionens kompetansebehov, særlig i helsefag.",
                UTDANNING,
                [3, 4],
            ),
        ),
    ),
    agreement=_agreement(
        "2022-2023",
        [
            FocusArea("1", "Oppvekst, utdanning og kompetanse", "#kompetanseløft", [4]),
            FocusArea("2", "Klima og miljø", "#lavereklimautslipp", [13]),
            FocusArea("3", "Samferdsel og mobilitet", "#grønnmobilitet", [9, 11]),
        ],
        [
            (
                "1.1",
                "Helsefremmende skole: samarbeid om laget rundt eleven i overgangen mellom ungdomsskole og "
                "videregående skole.",
                UTDANNING,
                [3, 4],
            ),
            (
                "1.2",
                "Felles innsats for at flere fullfører videregående opplæring, med oppfølgingstjenesten og NAV som "
                "parter.",
                UTDANNING,
            ),
            (
                "1.3",
                "Kommunene som lærebedrifter: flere lærlingeplasser i kommunal sektor, særlig i helse- og oppvekstfag.",
                UTDANNING,
                [4, 8],
            ),
            (
                "1.4",
                "Styrke karriereveiledningen for voksne i samarbeid med karrieresenteret på Lillestrøm.",
                UTDANNING,
            ),
            (
                "1.5",
                "Samarbeid om bosetting, kvalifisering og voksenopplæring for innvandrere, i tråd med "
                "integreringsloven.",
                KULTUR,
                [4, 10],
            ),
            ("1.6", "Utrede et regionalt fagskoletilbud innen bygg, anlegg og logistikk.", UTDANNING),
            ("1.7", "Samarbeid om Ungdata og befolkningsundersøkelser som grunnlag for folkehelsearbeidet.", PLAN, [3]),
            (
                "1.8",
                "Kvalitet og resultater i grunnopplæringen: en egen arena for kommunedialog om læringsresultater.",
                UTDANNING,
            ),
            (
                "1.9",
                "Forebygge negativ sosial kontroll og styrke yrkesveiledningen for unge innvandrere.",
                KULTUR,
                [5, 10],
            ),
            (
                "1.10",
                "Samarbeid med elev-, lærlinge- og mobbeombudet om et trygt og godt skolemiljø.",
                FYLKESRADSLEDER,
                [4, 16],
            ),
            ("2.1", "Felles klimaregnskap og klimabudsjett i kommunene, med metodestøtte fra KlimaViken.", PLAN),
            (
                "2.2",
                "Fossilfrie og utslippsfrie bygge- og anleggsplasser gjennom felles krav i anskaffelser.",
                FINANS,
                [12, 13],
            ),
            (
                "3.1",
                "Et sammenhengende sykkelveinett mellom Lillestrøm, Lørenskog og Rælingen, med felles prioritering "
                "av fylkesveistrekninger.",
                SAMFERDSEL,
            ),
            (
                "3.2",
                "Trafikksikkerhet ved skoler og barnehager, med Trygg Trafikk og Viken trafikksikkerhetsutvalg som "
                "parter.",
                SAMFERDSEL,
                [3, 11],
            ),
        ],
    ),
)

GARDERMOREGIONEN = DemoRegion(
    name="Gardermoregionen",
    short_name="GMR",
    slug="gardermoregionen",
    coordinator="Line Haugen",
    municipalities={
        "3032": "Gjerdrum",
        "3033": "Ullensaker",
        "3034": "Nes",
        "3035": "Eidsvoll",
        "3036": "Nannestad",
        "3037": "Hurdal",
    },
    county="Akershus",
    successor=Successor(
        targets={"2.3": []},
        added=(
            (
                "3.4",
                "Sammenhengende sykkelveier til Jessheim og Gardermoen, med kommunene og Statens vegvesen.",
                SAMFERDSEL,
                [3, 11],
            ),
        ),
    ),
    agreement=_agreement(
        "2022-2023",
        [
            FocusArea("1", "Arbeidsplasser og næringsliv", "#arbeidsplassvekst", [8, 9]),
            FocusArea("2", "Areal, klima og natur", "#grønnomstilling", [13, 15]),
            FocusArea("3", "Samferdsel", "#lavereklimautslipp", [11, 13]),
        ],
        [
            (
                "1.1",
                "Strategisk samarbeid om omstilling og nye arbeidsplasser i luftfarts- og reiselivsnæringen etter "
                "pandemien.",
                NAERING,
            ),
            ("1.2", "Utvikle etablerertjenesten og gründermiljøene i regionen, med vekt på unge gründere.", NAERING),
            (
                "1.2.A",
                "Kurs og veiledning for etablerere med innvandrerbakgrunn, også på andre språk enn norsk.",
                NAERING,
                [8, 10],
            ),
            ("1.3", "Samarbeid med klynger og nettverk i regionen om logistikk og bioøkonomi.", NAERING, [9, 12]),
            (
                "1.4",
                "Digital tjenesteutvikling gjennom DigiViken, med felles innføring av nasjonale fellesløsninger.",
                FINANS,
                [9, 17],
            ),
            (
                "2.1",
                "Oppdatere kunnskapsgrunnlaget om naturmangfold, myr og matjord som grunnlag for arealplanleggingen.",
                PLAN,
                [2, 15],
            ),
            (
                "2.2",
                "Følge opp FNs bærekraftsmål i kommuneplanenes samfunnsdel, med felles indikatorer.",
                PLAN,
                [11, 17],
            ),
            ("2.3", "Dele erfaringer fra bygdemiljøpakker og vurdere nye pakker for Hurdal og Eidsvoll.", PLAN, [11]),
            (
                "3.1",
                "Et bedre kollektivtilbud mellom bygdene og Gardermoen, også på tvers av kommunegrensene.",
                SAMFERDSEL,
            ),
            (
                "3.2",
                "Trafikksikkerhetsarbeid etter nullvisjonen, med skoleveiene i Nannestad og Gjerdrum først.",
                SAMFERDSEL,
                [3],
            ),
            ("3.3", "Innfartsparkering og kollektivknutepunkter ved Jessheim og Eidsvoll verk.", SAMFERDSEL),
        ],
    ),
)

HALLINGDAL = DemoRegion(
    name="Regionrådet for Hallingdal",
    short_name="Hallingdal",
    slug="hallingdal",
    coordinator="Kjetil Rud",
    municipalities={
        "3039": "Flå",
        "3040": "Nesbyen",
        "3041": "Gol",
        "3042": "Hemsedal",
        "3043": "Ål",
        "3044": "Hol",
    },
    county="Buskerud",
    successor=Successor(
        added=(
            (
                "4.3",
                "Mobilnett og bredbånd i hele dalen: felles kartlegging av dekningshull og søknader om tilskudd.",
                FINANS,
                [9],
            ),
        ),
    ),
    agreement=_agreement(
        "2022-2023",
        [
            FocusArea("1", "Reiseliv og verdiskaping", "#arbeidsplassvekst", [8, 12]),
            FocusArea("2", "Kompetanse for fremtidens arbeidsliv", "#kompetanseløft", [4]),
            FocusArea("3", "Levende bygder og god folkehelse", "#folkehelse", [3, 11]),
            FocusArea("4", "Transport og tilgjengelighet", "#lavereklimautslipp", [9, 11]),
        ],
        [
            (
                "1.1",
                "Helårs reiseliv i Hallingdal: samarbeid med destinasjonsselskapene om bærekraftig "
                "destinasjonsutvikling.",
                NAERING,
            ),
            (
                "1.2",
                "Kartlegge hva fritidsinnbyggerne betyr for handel, tjenester og arbeidsplasser i regionen.",
                NAERING,
            ),
            ("1.3", "Utvikle stølslandbruket og lokalmat, og koble det tettere til reiselivet.", NAERING, [2, 8]),
            (
                "2.1",
                "Opprettholde et bredt tilbud av utdanningsprogram ved de videregående skolene i Hallingdal.",
                UTDANNING,
            ),
            (
                "2.2",
                "Desentralisert høyere utdanning og fagskoletilbud i regionen, blant annet innen helse og reiseliv.",
                UTDANNING,
                [4, 8],
            ),
            ("2.3", "Flere lærlingeplasser i reiselivs- og byggfag, sammen med opplæringskontorene.", UTDANNING),
            (
                "3.1",
                "Stedsutvikling og verdiskaping basert på kulturarv: stavkirker, støler og byggeskikk.",
                KULTUR,
                [8, 11],
            ),
            ("3.2", "Bygdemiljøpakker for mindre tettsteder, med erfaringsdeling mellom kommunene.", PLAN),
            ("3.3", "Felles folkehelseoversikt og samarbeid om friluftsliv som folkehelsetiltak.", PLAN, [3]),
            (
                "3.4",
                "Internasjonalisering: kunnskapsdeling og deltakelse i europeiske nettverk for fjellregioner.",
                FYLKESRADSLEDER,
                [17],
            ),
            (
                "4.1",
                "Kollektivtilbud tilpasset både tilreisende og innbyggere uten førerkort, også på kveld og i helger.",
                SAMFERDSEL,
            ),
            (
                "4.2",
                "Trafikksikkerhet på fylkesveiene med mye tungtrafikk og turisttrafikk, med vekt på Hemsedal og Hol.",
                SAMFERDSEL,
                [3, 11],
            ),
        ],
    ),
)

KONGSBERGREGIONEN = DemoRegion(
    name="Kongsbergregionen",
    short_name="Kongsberg",
    slug="kongsbergregionen",
    coordinator="Anders Moen",
    # Notodden and Tinn are members of the council too, but they belonged to
    # Vestfold og Telemark and were not party to an agreement with Viken.
    municipalities={
        "3006": "Kongsberg",
        "3050": "Flesberg",
        "3051": "Rollag",
        "3052": "Nore og Uvdal",
    },
    county="Buskerud",
    # Notodden and Tinn sit in the council too; they belong to Telemark and are party to the
    # agreement with Buskerud from 2024, so the region has members in two counties.
    other_county_members={"4005": "Notodden", "4026": "Tinn"},
    successor=Successor(
        targets={"3.2": ["3.2", "3.4"]},
        texts={
            "3.2": "Kollektivtilbud i Numedal tilpasset skoleruter og arbeidsreiser.",
            "3.4": "Bestillingstransport i Numedal og bussforbindelser mot Notodden, på tvers av fylkesgrensen.",
        },
        added=(
            (
                "2.4",
                "Reiseliv og kulturarv langs Numedalslågen og mot Notodden og Tinn, over fylkesgrensen.",
                KULTUR,
                [8, 11],
            ),
        ),
    ),
    agreement=_agreement(
        "2022-2023",
        [
            FocusArea("1", "Teknologi og industri", "#grønnomstilling", [9]),
            FocusArea("2", "Bolyst og kultur", "#attraktivesteder", [11]),
            FocusArea("3", "Mobilitet i Numedal", "#lavereklimautslipp", [11, 13]),
        ],
        [
            (
                "1.1",
                "Styrke samspillet mellom teknologiindustrien, Universitetet i Sørøst-Norge og de videregående "
                "skolene om teknologisk kompetanse.",
                UTDANNING,
                [4, 9],
            ),
            ("1.2", "Felles satsing på innovasjon og leverandørutvikling i industriklyngene.", NAERING, [8, 9]),
            ("1.3", "Innovative anskaffelser og felles rammeavtaler for kommunene i regionen.", FINANS, [12]),
            ("2.1", "Stedsutvikling og verdiskaping basert på kulturarven etter Sølvverket og bergstaden.", KULTUR),
            ("2.2", "Folkebibliotekene som møteplass og arena for livslang læring i Numedal.", KULTUR, [4, 11]),
            (
                "2.3",
                "Kompetanse og erfaringsdeling om mangfoldsledelse og antidiskrimineringsarbeid.",
                FYLKESRADSLEDER,
                [5, 10],
            ),
            ("3.1", "Et kunnskapsgrunnlag for mobilitet: felles mobilitetsanalyse for Kongsbergregionen.", PLAN),
            (
                "3.2",
                "Kollektivtilbud og bestillingstransport i Numedal, tilpasset skoleruter og arbeidsreiser.",
                SAMFERDSEL,
            ),
            (
                "3.3",
                "Trafikksikkerhet langs hovedveien gjennom Numedal, med vekt på kryssinger ved skoler.",
                SAMFERDSEL,
                [3],
            ),
        ],
    ),
)

REGIONS: tuple[DemoRegion, ...] = (
    INDRE_OSTFOLD,
    FOLLO,
    MOSSEREGIONEN,
    NEDRE_ROMERIKE,
    GARDERMOREGIONEN,
    HALLINGDAL,
    KONGSBERGREGIONEN,
)

# The region whose status file for the newest quarter came in after the deadline, and only in
# part; and the region whose file has not come in at all.
LATE_REGION = GARDERMOREGIONEN.name
SILENT_REGION = HALLINGDAL.name


@dataclass(frozen=True)
class DemoCounty:
    """A county that took over Viken's agreements: its units, and which of them takes over
    each of Viken's council areas' commitments."""

    name: str
    number: str
    units: tuple[str, ...]
    unit_for: dict[str, str]  # Viken council area → the county's unit
    status_aliases: dict[str, str] = field(default_factory=dict)  # its own status words → status key


# Viken fylkeskommune, 2020–2023; every database has it (core.db migration 7).
VIKEN = "Viken fylkeskommune"
SPLIT_DAY = date(2024, 1, 1)
NEW_PERIOD = "2024-2027"

# The units are modelled on how the three counties were organised before 2020 (their web
# pages of the time); the 2024 organisation charts were not to be found.
COUNTIES: tuple[DemoCounty, ...] = (
    DemoCounty(
        "Østfold fylkeskommune",
        "31",
        ("Samfunnsutvikling", "Samferdsel", "Opplæring og kompetanse", "Organisasjon og økonomi"),
        {
            KULTUR: "Samfunnsutvikling",
            PLAN: "Samfunnsutvikling",
            NAERING: "Samfunnsutvikling",
            SAMFERDSEL: "Samferdsel",
            UTDANNING: "Opplæring og kompetanse",
            FINANS: "Organisasjon og økonomi",
            FYLKESRADSLEDER: "Organisasjon og økonomi",
        },
    ),
    DemoCounty(
        "Akershus fylkeskommune",
        "32",
        (
            "Videregående opplæring",
            "Samferdsel og transport",
            "Plan, næring og miljø",
            "Kultur, frivillighet og folkehelse",
            "Administrasjon",
        ),
        {
            KULTUR: "Kultur, frivillighet og folkehelse",
            PLAN: "Plan, næring og miljø",
            NAERING: "Plan, næring og miljø",
            SAMFERDSEL: "Samferdsel og transport",
            UTDANNING: "Videregående opplæring",
            FINANS: "Administrasjon",
            FYLKESRADSLEDER: "Administrasjon",
        },
    ),
    DemoCounty(
        "Buskerud fylkeskommune",
        "33",
        ("Regional utvikling", "Samferdsel", "Utdanning", "Stab og kvalitet"),
        {
            KULTUR: "Regional utvikling",
            PLAN: "Regional utvikling",
            NAERING: "Regional utvikling",
            SAMFERDSEL: "Samferdsel",
            UTDANNING: "Utdanning",
            FINANS: "Stab og kvalitet",
            FYLKESRADSLEDER: "Stab og kvalitet",
        },
        # Buskerud's templates say «I arbeid» where the others say «I rute».
        {"I arbeid": "on_track"},
    ),
)

# Who is named as responsible, by council area; "{short}" is the region's short name.
OWNERS: dict[str, tuple[str, ...]] = {
    KULTUR: (
        "Rådgiver kultur, {county}",
        "Kulturkoordinator {short}",
        "Seniorrådgiver mangfold og inkludering, {county}",
    ),
    PLAN: ("Rådgiver plan og miljø, {county}", "Klimarådgiver {short}", "Folkehelsekoordinator {short}"),
    SAMFERDSEL: (
        "Rådgiver samferdsel, {county}",
        "Trafikksikkerhetskoordinator, {county}",
        "Mobilitetsrådgiver {short}",
    ),
    NAERING: ("Næringssjef {short}", "Rådgiver næring, {county}", "Leder etablerertjenesten {short}"),
    UTDANNING: ("Rådgiver utdanning, {county}", "Fagopplæringssjef, {county}", "Kompetansekoordinator {short}"),
    FINANS: ("Innkjøpsrådgiver, {county}", "Digitaliseringsleder {short}", "Rådgiver digitalisering, {county}"),
    FYLKESRADSLEDER: ("Rådgiver bærekraft, {county}", "Internasjonal rådgiver, {county}"),
}

# What is said about work that is going to plan, by council area.
PROGRESS_COMMENTS: dict[str, tuple[str, ...]] = {
    KULTUR: (
        "Felles møteplass for kulturkontaktene er etablert og møtes jevnlig.",
        "Kartlegging av lokale tiltak for mangfold og inkludering er gjennomført.",
        "Bibliotekene har startet felles program med god oppslutning.",
        "Frivilligheten er involvert gjennom et eget innspillsmøte.",
    ),
    PLAN: (
        "Kunnskapsgrunnlaget er oppdatert med tall fra statistikkbanken.",
        "Klimaregnskapet for siste år er ferdig for alle kommunene.",
        "Fagdag for planleggerne er gjennomført med god deltakelse.",
        "Arbeidsgruppe med deltakere fra alle kommunene er i gang.",
    ),
    SAMFERDSEL: (
        "Ulykkesstatistikken er gjennomgått med trafikksikkerhetsutvalget.",
        "Tiltakene er meldt inn til handlingsprogrammet for samferdsel.",
        "Kartleggingen av reisemønster er gjennomført.",
        "Skoleveiene er befart sammen med kommunene.",
    ),
    NAERING: (
        "Etablerertjenesten har gjennomført kurs med god oppslutning.",
        "Felles næringsanalyse er presentert for regionrådet.",
        "Dialog med klyngene og næringsforeningene er etablert.",
        "Flere bedrifter har fått veiledning enn i fjor.",
    ),
    UTDANNING: (
        "Flere lærlingeplasser er meldt inn fra kommunene.",
        "Skolene og kommunene har etablert faste samarbeidsmøter.",
        "Karriereveiledningen er styrket med nye samlinger for rådgiverne.",
        "Andelen som fullfører er fulgt opp i dialogmøte med skolene.",
    ),
    FINANS: (
        "Behovskartlegging for felles anskaffelser er gjennomført.",
        "Leverandørdialog er gjennomført med god respons.",
        "Kommunene deltar i de regionale faggruppene for digitalisering.",
        "Felles krav til klima og miljø er tatt inn i malverket.",
    ),
    FYLKESRADSLEDER: (
        "Nettverkssamling om bærekraftsmålene er gjennomført.",
        "Kommunene deltar i fylkets nettverk for internasjonalt arbeid.",
        "Opplæring i mangfoldsledelse er gjennomført for ledere.",
    ),
}

# What happens next, by council area.
NEXT_STEPS: dict[str, tuple[str, ...]] = {
    KULTUR: (
        "Legge fram forslag til felles tiltak for regionrådet.",
        "Søke regionale midler til neste fase.",
        "Evaluere tiltakene sammen med frivilligheten.",
    ),
    PLAN: (
        "Presentere resultatene i neste regionrådsmøte.",
        "Ta resultatene inn i rulleringen av kommuneplanene.",
        "Avklare videre arbeid i partnerskapsmøtet.",
    ),
    SAMFERDSEL: (
        "Prioritere tiltak i neste rullering av handlingsprogrammet.",
        "Avklare finansiering med fylkeskommunen og kommunene.",
        "Følge opp i mobilitetsnettverket.",
    ),
    NAERING: (
        "Planlegge ny kursrekke for etablerere.",
        "Legge fram næringsanalysen for kommunestyrene.",
        "Avklare felles prosjektsøknad.",
    ),
    UTDANNING: (
        "Følge opp inntaket av lærlinger til høsten.",
        "Evaluere samarbeidet med skolene før nytt skoleår.",
        "Planlegge felles samling for rådgiverne.",
    ),
    FINANS: (
        "Lyse ut felles konkurranse.",
        "Evaluere erfaringene fra første anskaffelse.",
        "Avklare deltakelse i neste felles digitaliseringsprosjekt.",
    ),
    FYLKESRADSLEDER: (
        "Invitere til ny nettverkssamling.",
        "Dele erfaringene med de andre kommuneregionene.",
    ),
}

NOT_STARTED_COMMENTS: tuple[str, ...] = (
    "Oppstart avventer prioritering i regionrådet.",
    "Planlagt oppstart neste kvartal.",
    "Avventer avklaring av ressurser hos partene.",
)

DELAYED_COMMENTS: tuple[str, ...] = (
    "Forsinket på grunn av begrenset kapasitet i kommunene.",
    "Avventer avklaring om finansiering.",
    "Forsinket i påvente av politisk behandling.",
    "Nøkkelperson har sluttet; ny kontaktperson er ikke på plass.",
    "Arbeidet er satt på vent til handlingsprogrammet er vedtatt.",
)

RECOVERED_COMMENTS: tuple[str, ...] = (
    "Arbeidet er tatt opp igjen etter forsinkelsen.",
    "Tilbake i rute etter at ressursene er avklart.",
)

COMPLETED_COMMENTS: tuple[str, ...] = (
    "Leveransen er ferdigstilt og rapportert til regionrådet.",
    "Fullført; videre arbeid ivaretas i ordinær drift.",
    "Tiltaket er gjennomført som planlagt.",
)

CANCELLED_COMMENTS: tuple[str, ...] = (
    "Utgår etter enighet i partnerskapsmøtet; ivaretas i ordinær drift.",
    "Utgår fordi behovet dekkes av en felles satsing i fylket.",
)


# --- the reporting round ------------------------------------------------------------------------

# Every demo address is at a reserved domain (RFC 2606), so no reminder can reach a real person:
# the county's people at this one, each region's at its slug («follo.example»).
COUNTY_MAIL_DOMAIN = "fylkeskommune.example"

# Each region's contact for the round (daglig leder or the secretariat), by the region's name in
# 2022: invented people at the region's own reserved domain.
CONTACTS: dict[str, tuple[str, str, str]] = {
    INDRE_OSTFOLD.name: ("Eva Lunde", "eva.lunde@indre-ostfold.example", "+47 917 40 112"),
    FOLLO.name: ("Per Arne Dahl", "per.arne.dahl@follo.example", "+47 922 18 305"),
    MOSSEREGIONEN.name: ("Ingrid Solberg", "ingrid.solberg@mosseregionen.example", "+47 934 61 027"),
    NEDRE_ROMERIKE.name: ("Knut Eriksen", "knut.eriksen@nedre-romerike.example", "+47 941 07 558"),
    GARDERMOREGIONEN.name: ("Randi Holm", "randi.holm@gardermoregionen.example", "+47 958 23 640"),
    HALLINGDAL.name: ("Sekretariatet i Hallingdal", "post@hallingdal.example", "+47 32 08 04 00"),
    KONGSBERGREGIONEN.name: ("Marte Nygaard", "marte.nygaard@kongsbergregionen.example", "+47 976 52 213"),
}

# The region whose quarter of the round running was approved already (it delivered in good time).
APPROVED_EARLY = MOSSEREGIONEN.name
# A quarter approved, reopened when the region found an error, corrected by a new file and approved again.
REOPENED = (KONGSBERGREGIONEN.name, "2025-Q3")
REOPEN_REASON = (
    "Regionen meldte at kommentarene på to tiltak var kopiert fra forrige kvartal. Gjenåpnet for en rettet fil."
)
REOPEN_COMMENT = "Rettet etter gjenåpning: kommentaren gjelder dette kvartalet."
# Buskerud reminds its regions earlier than the settings' default.
BUSKERUD_RULE = (30, 10, 3)  # deadline days, remind before, remind after
# Akershus moved the deadline of 2025-Q4 past Christmas and New Year.
MOVED_DEADLINE = ("Akershus fylkeskommune", "2025-Q4", date(2026, 2, 6))

# The county's own assessment beside the region's report: (region, code) → status, comment, per
# quarter counted back from the round running (0: the round, 1: the quarter before). Where the
# status differs from the region's, the pages say so; the others agree.
COUNTY_VIEWS: dict[int, dict[tuple[str, str], tuple[str, str]]] = {
    0: {
        ("Folloregionen IPR", "3.2"): ("delayed", "Anskaffelsen er ikke lyst ut; fylket ser ikke at fristen nås."),
        ("Mosseregionen", "1.2"): ("delayed", "Finansieringen fra fylket er ikke vedtatt ennå."),
        ("Indre Østfold regionråd", "1.2"): ("delayed", "Kommunene har ikke satt av midler i budsjettet."),
        ("Indre Østfold regionråd", "1.1"): ("completed", "Fylket bekrefter at leveransen er ferdig."),
        ("Kongsbergregionen", "1.2"): ("on_track", "Fylket er enig i vurderingen."),
    },
    1: {
        ("Samarbeidsrådet for Nedre Romerike", "2.1"): ("delayed", "Fylket venter fortsatt på felles plan."),
        ("Kongsbergregionen", "2.2"): ("delayed", "Arbeidsgruppen har ikke møttes siden mars."),
        ("Mosseregionen", "1.2"): ("on_track", "I tråd med fylkets oppfølging."),
    },
}
