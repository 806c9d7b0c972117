//! The labels of the reports — *raporttien otsikot*: every fixed text a
//! report prints, in Finnish, Swedish and English, named after what it means.
//! A report picks them by its language, so that it is in that language alone;
//! the language test (`tests/languages.rs`) holds every rendering to it.

use crate::lang::Text;

macro_rules! labels {
    ($($name:ident = ($fi:literal, $sv:literal, $en:literal),)*) => {
        $(
            #[doc = $en]
            pub const $name: Text = Text::new($fi, $sv, $en);
        )*

        /// Every label, for the language test.
        pub const ALL: &[Text] = &[$($name,)*];
    };
}

labels! {
    COMMON_INDICATORS_2014 = ("Yhteiset indikaattorit (asetus 1304/2013, liite I)", "Gemensamma indikatorer (förordning 1304/2013, bilaga I)", "Common indicators (Reg. 1304/2013 Annex I)"),
    COMMON_INDICATORS_2021 = ("Yhteiset indikaattorit (asetus 2021/1057, liite I)", "Gemensamma indikatorer (förordning 2021/1057, bilaga I)", "Common indicators (Reg. 2021/1057 Annex I)"),
    COMMON_INDICATORS_2021_MOST_DEPRIVED = ("Yhteiset indikaattorit (asetus 2021/1057, liite II)", "Gemensamma indikatorer (förordning 2021/1057, bilaga II)", "Common indicators (Reg. 2021/1057 Annex II)"),
    REPORT_TITLE = ("ESR-raportti:", "ESR-rapport:", "ESR report:"),
    SFC_VERSION = ("SFC-versio", "SFC-version", "SFC version"),
    CUT_OFF = ("Tilanne päivältä", "Läget per", "Cut-off"),
    PROJECT = ("Hanke", "Projekt", "Project"),
    UNKNOWN = ("tuntematon", "okänd", "unknown"),
    PERIOD = ("toteutusaika", "genomförandetid", "period"),
    STATUS = ("tila", "status", "status"),
    RULEBOOK = ("säännöt", "regelverk", "rulebook"),
    FINANCING = ("Rahoitus", "Finansiering", "Financing"),
    NO_FINANCING = ("Ei rahoitustietoja.", "Inga finansieringsuppgifter.", "No financing data."),
    SOURCE = ("lähde", "källa", "source"),
    PLANNED = ("suunniteltu", "planerat", "planned"),
    GRANTED = ("myönnetty", "beviljat", "granted"),
    REALISED = ("toteutunut", "förverkligat", "realised"),
    TOTAL = ("yhteensä", "totalt", "total"),
    UTILISATION = ("käyttöaste", "användningsgrad", "utilisation"),
    EU_SHARE = ("EU-osuus", "EU-andel", "EU share"),
    COST_MODEL = ("kustannusmalli", "kostnadsmodell", "cost model"),
    BUDGET_BY_COST_MODEL = ("Kustannusmallin mukainen budjetti", "Budget enligt kostnadsmodellen", "Budget by the cost model"),
    PROJECT_INDICATORS = ("Hankekohtaiset indikaattorit", "Projektspecifika indikatorer", "Project indicators"),
    CODE = ("koodi", "kod", "code"),
    INDICATOR = ("indikaattori", "indikator", "indicator"),
    UNIT = ("yksikkö", "enhet", "unit"),
    BASELINE = ("lähtötaso", "utgångsnivå", "baseline"),
    TARGET = ("tavoite", "mål", "target"),
    MILESTONE = ("välitavoite", "delmål", "milestone"),
    ACTUAL = ("toteuma", "utfall", "actual"),
    FINDINGS = ("Havainnot", "Iakttagelser", "Findings"),
    NO_FINDINGS = ("Ei havaintoja.", "Inga iakttagelser.", "None."),
    SEVERITY = ("vakavuus", "allvarlighetsgrad", "severity"),
    RULE = ("sääntö", "regel", "rule"),
    WHERE = ("kohta", "ställe", "where"),
    FINDING = ("havainto", "iakttagelse", "finding"),
    PARTICIPANTS = ("Osallistujat", "Deltagare", "Participants"),
    GRAND_TOTAL = ("Kaikki osallistujat", "Alla deltagare", "Grand total"),
    INCOMPLETE = ("puutteellisia", "ofullständiga", "incomplete"),
    REENTRIES_MERGED = ("uusintaosallistumisia yhdistetty", "återkommande deltaganden sammanslagna", "re-entries merged"),
    ENTERED_AFTER_CUT_OFF = ("aloittaneet tilannepäivän jälkeen", "började efter lägesdagen", "entered after the cut-off"),
    INCOMPLETE_RECORDS = ("Puutteelliset tiedot", "Ofullständiga uppgifter", "Incomplete records"),
    NOT_APPLICABLE_UNDER_L = ("ei sovelleta tähän toimeen (erityistavoite l)", "gäller inte insatsen (specifikt mål l)", "does not apply to the operation (specific objective (l))"),
    NOT_FROM_PARTICIPANTS = ("ei lasketa osallistujista", "beräknas inte utifrån deltagarna", "not computed from participants"),
    INTERPRETATION_NOTE = ("Määritelmä on tulkinta, koska lähteet eivät ratkaise sitä; tulkinta ja se, mikä sen ratkaisisi, ovat indikaattorin määritelmässä (ADR 0019).", "Definitionen är en tolkning där källorna lämnar frågan öppen; tolkningen och vad som skulle avgöra den finns i indikatorns definition (ADR 0019).", "The definition is an interpretation where the sources leave it open; the interpretation and what would settle it are in the indicator's definition (ADR 0019)."),
    UNVERIFIED_NOTE = ("SFC-koodi tai määritelmä on tarkistamatta lähteestä; katso indikaattorin lähde ja määritelmä JSON-raportista.", "SFC-koden eller definitionen är inte kontrollerad mot en källa; se indikatorns källa och definition i JSON-rapporten.", "SFC code or definition not verified against a source; see the indicator's source and definition in the JSON report."),
    PORTFOLIO = ("Hankesalkku", "Projektportfölj", "Portfolio"),
    PROGRAMME = ("ohjelmakausi", "programperiod", "programme"),
    PRIORITY = ("toimintalinja", "insatsområde", "priority"),
    SPECIFIC_OBJECTIVE = ("erityistavoite", "specifikt mål", "specific objective"),
    PROJECTS = ("hankkeita", "projekt", "projects"),
    PARTICIPANT_COUNT = ("osallistujia", "deltagare", "participants"),
    FUNDER = ("rahoittaja", "finansiär", "funder"),
    FUND = ("rahasto", "fond", "fund"),
    ACTION_PACKAGE = ("toimenpidekokonaisuus", "åtgärdshelhet", "action package"),
    AUTHORITY = ("vastuuviranomainen", "ansvarig myndighet", "authority"),
    LINE = ("rivi", "rad", "line"),
    BUSINESS_ID = ("Y-tunnus", "FO-nummer", "business ID"),
    CANNOT_COMPUTE = ("ei laskettavissa", "kan inte beräknas", "cannot compute"),
}
