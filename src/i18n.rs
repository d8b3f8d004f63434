//! Every word the interface says, in English and Welsh, and how numbers and dates are written.
//!
//! Interface strings are written in the code in English and looked up with [`t`]; the Welsh
//! for each lives in one table ([`cy`]), and a test fails when a string used anywhere in the
//! source has no Welsh. Counted phrases use [`tn`] with CLDR plural categories (Welsh has six:
//! zero, one, two, few, many, other). Dates are written as GOV.UK writes them ("9 November
//! 2018", "9 Tachwedd 2018").

use crate::date::Date;
use crate::feed::Unit;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Welsh (Cymraeg).
    Cy,
}

impl Lang {
    /// `en` or `cy`, as in the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language for a `lang` attribute value: Welsh for `cy` (and `cy-GB`), else English.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("cy") {
            Lang::Cy
        } else {
            Lang::En
        }
    }
}

/// The interface string `en` in `lang`.
pub fn t(lang: Lang, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Cy => cy(en).unwrap_or(en),
    }
}

/// `t` with `{name}` placeholders filled in.
pub fn tf(lang: Lang, en: &'static str, args: &[(&str, &str)]) -> String {
    fill(t(lang, en), args)
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// The CLDR plural category of a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// Welsh 0.
    Zero,
    /// 1.
    One,
    /// Welsh 2.
    Two,
    /// Welsh 3.
    Few,
    /// Welsh 6.
    Many,
    /// Everything else.
    Other,
}

/// The plural category of `n` in `lang`.
pub fn plural(lang: Lang, n: usize) -> Plural {
    match (lang, n) {
        (_, 1) => Plural::One,
        (Lang::En, _) => Plural::Other,
        (Lang::Cy, 0) => Plural::Zero,
        (Lang::Cy, 2) => Plural::Two,
        (Lang::Cy, 3) => Plural::Few,
        (Lang::Cy, 6) => Plural::Many,
        (Lang::Cy, _) => Plural::Other,
    }
}

/// A counted phrase: `one` and `other` are the English forms with `{n}`; the Welsh forms are
/// found by the English `other` form.
pub fn tn(lang: Lang, n: usize, one: &'static str, other: &'static str) -> String {
    let num = number(n as f64, 0);
    let template = match lang {
        Lang::En => {
            if n == 1 {
                one
            } else {
                other
            }
        }
        Lang::Cy => match cy_plural(other) {
            Some(forms) => {
                let i = match plural(lang, n) {
                    Plural::Zero => 0,
                    Plural::One => 1,
                    Plural::Two => 2,
                    Plural::Few => 3,
                    Plural::Many => 4,
                    Plural::Other => 5,
                };
                forms[i]
            }
            None => other,
        },
    };
    template.replace("{n}", &num)
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_CY: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// The month's name.
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Cy => MONTHS_CY[i],
    }
}

/// "9 November 2018" / "9 Tachwedd 2018".
pub fn date(lang: Lang, d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(lang, d.month()), d.year())
}

/// "November 2018" / "Tachwedd 2018".
pub fn month_year(lang: Lang, d: Date) -> String {
    format!("{} {}", month_name(lang, d.month()), d.year())
}

/// A number with thousands separators and at most `decimals` decimals (trailing zeros dropped).
pub fn number(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let neg = if x < 0.0 && (int.bytes().any(|b| b != b'0') || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{neg}{grouped}")
    } else {
        format!("{neg}{grouped}.{frac}")
    }
}

/// A value in its unit: "73%", "4.2 days", "31 per 10,000", "£1.2m", "1,234".
pub fn value(lang: Lang, unit: Unit, x: f64) -> String {
    match unit {
        Unit::Percent => format!("{}%", number(x, 1)),
        Unit::Count => number(x, 1),
        Unit::RatePer10000 => tf(lang, "{x} per 10,000", &[("x", &number(x, 1))]),
        Unit::Days => {
            let n = number(x, 1);
            let whole = if x.fract() == 0.0 {
                x.abs() as usize
            } else {
                5
            };
            tn(lang, whole, "{n} day", "{n} days").replace(&number(whole as f64, 0), &n)
        }
        Unit::Weeks => {
            let n = number(x, 1);
            let whole = if x.fract() == 0.0 {
                x.abs() as usize
            } else {
                5
            };
            tn(lang, whole, "{n} week", "{n} weeks").replace(&number(whole as f64, 0), &n)
        }
        Unit::Ratio => number(x, 2),
        Unit::CurrencyGbp => money(x),
    }
}

/// Pounds: "£950", "£12,500", "£1.2m", "£3bn".
pub fn money(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a >= 1e9 {
        format!("{sign}£{}bn", number(a / 1e9, 1))
    } else if a >= 1e6 {
        format!("{sign}£{}m", number(a / 1e6, 1))
    } else {
        format!("{sign}£{}", number(a, 0))
    }
}

/// The Welsh for an English interface string, if the table has it.
pub fn cy(en: &str) -> Option<&'static str> {
    CY.iter().find(|(e, _)| *e == en).map(|(_, c)| *c)
}

/// The six Welsh plural forms (zero, one, two, few, many, other) of a counted phrase, by its
/// English `other` form.
pub fn cy_plural(en_other: &str) -> Option<&'static [&'static str; 6]> {
    CY_PLURAL
        .iter()
        .find(|(e, _)| *e == en_other)
        .map(|(_, f)| f)
}

// Welsh style for these tables
// ---------------------------
// * Wording follows Welsh-language public-sector usage (llyw.cymru / GOV.WALES, Arolygiaeth Gofal
//   Cymru, Welsh council plans): "Cynllun gwella", "Camau gweithredu", "Canfyddiadau",
//   "Dangosyddion", "Trosolwg", "Yn hwyr", "plant sy'n derbyn gofal", "pobl ifanc sy'n gadael
//   gofal", the formal negative ("Nid oes", "Nid yw") and the polite plural imperative
//   ("Gwiriwch", "Rhowch gynnig arall arni"). Links and buttons use the verb-noun ("Darllen…",
//   "Lawrlwytho…"), as GOV.WALES does. Proper names with no Welsh form stay as they are ("Ofsted",
//   "ILACS", "SEND", "RAG", "CSV").
// * Counted nouns: after a numeral the noun stays SINGULAR ("3 cham gweithredu", never
//   "3 camau gweithredu"), and digits are read as the Welsh numeral they stand for, so the
//   numeral's mutation is written: two → soft mutation of a masculine noun ("2 gam", "2 ddiwrnod";
//   "dwy" does not mutate "wythnos"/"eitem"), three → aspirate of a masculine noun ("3 cham"),
//   six ("chwe") → aspirate ("6 cham"); zero, one and every other number take the radical
//   ("0 cam", "1 cam", "4 cam", "11 cam"). This is what the CLDR categories zero/one/two/few/
//   many/other (0, 1, 2, 3, 6, rest) are for, and it matches the "2 ddiwrnod" this module
//   already wrote. Larger numbers ending in 2, 3 or 6 ("23") fall in "other" and take the
//   radical, which is the accepted written style with digits.
// * Where an English template puts a number before a noun but the number is not counted with
//   `tn` ("{done} of {total} actions complete"), the Welsh is reworded so that no noun follows a
//   number ("Camau gweithredu wedi'u cwblhau: {done} o {total}"); otherwise the mutation would be
//   wrong for 2, 3 and 6.
// * Where one English string serves as a label in several places, the Welsh is chosen to fit
//   all of them and to avoid gender agreement with an unknown noun: "Cwblhawyd", "Tynnwyd yn ôl"
//   (status tags and column heads), "Dyddiad targed" ("Due", "Due date"), "Wedi dewis {n}".

/// English → Welsh for every interface string.
static CY: &[(&str, &str)] = &[
    // Values and periods (i18n.rs, view.rs).
    ("{x} per 10,000", "{x} fesul 10,000"),
    ("Q{q} {year}", "Ch{q} {year}"),
    ("{start} to {end}", "{start} i {end}"),
    ("{date} by {body}", "{date} gan {body}"),
    ("by {date}", "erbyn {date}"),
    ("Yes", "Ie"),
    ("No", "Na"),
    // Views and page furniture.
    ("Overview", "Trosolwg"),
    ("Actions", "Camau gweithredu"),
    ("Findings", "Canfyddiadau"),
    ("Indicators", "Dangosyddion"),
    ("Sections of the plan", "Adrannau'r cynllun"),
    ("Contents", "Cynnwys"),
    ("Data as at {date}", "Data fel ar {date}"),
    (
        "This information was last updated on {date}, more than six months ago. It may be out of date.",
        "Cafodd yr wybodaeth hon ei diweddaru ddiwethaf ar {date}, dros chwe mis yn ôl. Efallai ei bod wedi dyddio.",
    ),
    ("This plan has no actions yet.", "Nid oes camau gweithredu yn y cynllun hwn eto."),
    (
        "Made with action-plan-tracker from the council's published data.",
        "Gwnaed gydag action-plan-tracker o ddata cyhoeddedig y cyngor.",
    ),
    // Loading and errors.
    ("Loading the improvement plan…", "Wrthi'n llwytho'r cynllun gwella…"),
    ("The improvement plan cannot be shown", "Nid oes modd dangos y cynllun gwella"),
    ("Details for the publisher", "Manylion i'r cyhoeddwr"),
    ("line", "llinell"),
    ("column", "colofn"),
    ("line {line}, column {column}", "llinell {line}, colofn {column}"),
    ("Try again", "Rhowch gynnig arall arni"),
    (
        "For the publisher: these parts of the feed have errors and are left out until they are corrected.",
        "I'r cyhoeddwr: mae gwallau yn y rhannau hyn o'r ffrwd, ac ni fyddant yn cael eu dangos nes iddynt gael eu cywiro.",
    ),
    (
        "The plan's data file has mistakes that stop it being shown.",
        "Mae gwallau yn ffeil ddata'r cynllun sy'n golygu nad oes modd ei dangos.",
    ),
    (
        "The plan's data file was not found (error 404). The link to it may have changed.",
        "Ni chafwyd hyd i ffeil ddata'r cynllun (gwall 404). Efallai bod y ddolen iddi wedi newid.",
    ),
    (
        "The server holding the plan's data did not send it (it reported an error). Try again in a few minutes.",
        "Ni wnaeth y gweinydd sy'n dal data'r cynllun ei anfon (adroddodd wall). Rhowch gynnig arall arni ymhen ychydig funudau.",
    ),
    (
        "The plan's data took too long to arrive. Check your connection and try again.",
        "Cymerodd data'r cynllun ormod o amser i gyrraedd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.",
    ),
    (
        "The plan's data file is larger than 20 MiB, too large to show.",
        "Mae ffeil ddata'r cynllun yn fwy nag 20 MiB, sy'n rhy fawr i'w dangos.",
    ),
    (
        "The plan's data file is not in the expected format.",
        "Nid yw ffeil ddata'r cynllun yn y fformat disgwyliedig.",
    ),
    ("No plan has been given to show.", "Nid oes cynllun wedi'i roi i'w ddangos."),
    (
        "The plan's data could not be fetched. Check your connection and try again.",
        "Nid oedd modd nôl data'r cynllun. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.",
    ),
    // Statuses and RAG ratings.
    ("Not started", "Heb ddechrau"),
    ("In progress", "Ar y gweill"),
    ("Complete", "Cwblhawyd"),
    ("Withdrawn", "Tynnwyd yn ôl"),
    ("Red", "Coch"),
    ("Amber", "Ambr"),
    ("Green", "Gwyrdd"),
    ("Blue", "Glas"),
    // Judgement areas (long, then short for filters).
    ("Overall effectiveness", "Effeithiolrwydd cyffredinol"),
    (
        "The impact of leaders on social work practice with children and families",
        "Effaith arweinwyr ar ymarfer gwaith cymdeithasol gyda phlant a theuluoedd",
    ),
    (
        "The experiences and progress of children who need help and protection",
        "Profiadau a chynnydd plant sydd angen cymorth ac amddiffyniad",
    ),
    (
        "The experiences and progress of children in care",
        "Profiadau a chynnydd plant sy'n derbyn gofal",
    ),
    (
        "The experiences and progress of care leavers",
        "Profiadau a chynnydd pobl ifanc sy'n gadael gofal",
    ),
    (
        "The experiences and progress of children in care and care leavers",
        "Profiadau a chynnydd plant sy'n derbyn gofal a phobl ifanc sy'n gadael gofal",
    ),
    ("Other", "Arall"),
    ("Impact of leaders", "Effaith arweinwyr"),
    ("Help and protection", "Cymorth ac amddiffyniad"),
    ("Children in care", "Plant sy'n derbyn gofal"),
    ("Care leavers", "Pobl ifanc sy'n gadael gofal"),
    (
        "Children in care and care leavers",
        "Plant sy'n derbyn gofal a phobl ifanc sy'n gadael gofal",
    ),
    // Grades: Ofsted's scale, then the Welsh inspectorates'.
    ("Outstanding", "Eithriadol"),
    ("Good", "Da"),
    ("Requires improvement to be good", "Angen gwella i fod yn dda"),
    ("Inadequate", "Annigonol"),
    ("Not judged", "Heb ei farnu"),
    ("Excellent", "Rhagorol"),
    ("Very good", "Da iawn"),
    ("Adequate", "Digonol"),
    ("Weak", "Gwan"),
    ("Unsatisfactory", "Anfoddhaol"),
    // Kinds of finding.
    ("Strength", "Cryfder"),
    ("Area for improvement", "Maes i'w wella"),
    ("Area for priority action", "Maes ar gyfer gweithredu â blaenoriaeth"),
    ("Recommendation", "Argymhelliad"),
    // Inspections and inspectorates.
    (
        "Standard inspection of local authority children's services (ILACS)",
        "Arolygiad safonol o wasanaethau plant awdurdod lleol (ILACS)",
    ),
    (
        "Short inspection of local authority children's services (ILACS)",
        "Arolygiad byr o wasanaethau plant awdurdod lleol (ILACS)",
    ),
    ("Focused visit", "Ymweliad â ffocws"),
    ("Monitoring visit", "Ymweliad monitro"),
    ("Joint targeted area inspection", "Arolygiad ardal ar y cyd wedi'i dargedu"),
    ("Area SEND inspection", "Arolygiad ardal SEND"),
    ("Self-evaluation", "Hunanwerthusiad"),
    ("Inspection", "Arolygiad"),
    ("Ofsted", "Ofsted"),
    ("Care Inspectorate Wales", "Arolygiaeth Gofal Cymru"),
    ("Care Inspectorate", "Arolygiaeth Gofal (yr Alban)"),
    ("Care Quality Commission", "Comisiwn Ansawdd Gofal"),
    ("The council", "Y cyngor"),
    ("Other inspectorate", "Arolygiaeth arall"),
    // Overview.
    ("Latest inspection", "Yr arolygiad diweddaraf"),
    ("Inspected by", "Arolygwyd gan"),
    ("Type", "Math"),
    ("Inspection dates", "Dyddiadau'r arolygiad"),
    ("Report published", "Cyhoeddwyd yr adroddiad"),
    ("Judgements", "Dyfarniadau"),
    ("Read the inspection report", "Darllen adroddiad yr arolygiad"),
    (
        "{done} of {total} actions complete",
        "Camau gweithredu wedi'u cwblhau: {done} o {total}",
    ),
    ("Progress", "Cynnydd"),
    ("{percent} complete", "{percent} yn gyflawn"),
    ("{percent} done", "{percent} yn gyflawn"),
    ("Progress by priority", "Cynnydd fesul blaenoriaeth"),
    ("Earlier inspections", "Arolygiadau blaenorol"),
    ("Actions by status", "Camau gweithredu yn ôl statws"),
    (
        "Actions by RAG rating, with what each rating means",
        "Camau gweithredu yn ôl sgôr RAG, gydag ystyr pob sgôr",
    ),
    ("Rating", "Sgôr"),
    ("What it means", "Ystyr"),
    ("Lead: {lead}", "Arweinydd: {lead}"),
    (
        "Actions complete and overdue in each priority",
        "Camau gweithredu wedi'u cwblhau ac yn hwyr ym mhob blaenoriaeth",
    ),
    ("Governance", "Llywodraethu"),
    ("Plan approved", "Cymeradwywyd y cynllun"),
    ("Next review", "Adolygiad nesaf"),
    ("Recent meetings", "Cyfarfodydd diweddar"),
    ("Coming up", "I ddod"),
    ("Outcome:", "Canlyniad:"),
    ("Papers and minutes", "Papurau a chofnodion"),
    ("Read the full improvement plan", "Darllen y cynllun gwella llawn"),
    // Filters, sorting and pages.
    ("Filter actions", "Hidlo camau gweithredu"),
    ("Search actions", "Chwilio'r camau gweithredu"),
    (
        "Words in the title, description, lead, team or updates",
        "Geiriau yn y teitl, y disgrifiad, yr arweinydd, y tîm neu'r diweddariadau",
    ),
    ("Search", "Chwilio"),
    ("Judgement area", "Maes dyfarnu"),
    ("Finding", "Canfyddiad"),
    ("Due", "Dyddiad targed"),
    ("Overdue", "Yn hwyr"),
    ("Due in the next 30 days", "Dyddiad targed o fewn y 30 diwrnod nesaf"),
    ("Due later", "Dyddiad targed yn nes ymlaen"),
    ("Remove filter {name}", "Tynnu'r hidlydd {name}"),
    ("Chosen filters", "Hidlyddion a ddewiswyd"),
    ("Clear all filters", "Clirio pob hidlydd"),
    ("Sort by", "Trefnu yn ôl"),
    ("Action number", "Rhif y cam gweithredu"),
    ("Download these actions (CSV)", "Lawrlwytho'r camau gweithredu hyn (CSV)"),
    (
        "No actions match these filters. Remove a filter or clear them all.",
        "Nid oes unrhyw gamau gweithredu yn cyfateb i'r hidlyddion hyn. Tynnwch hidlydd neu cliriwch nhw i gyd.",
    ),
    ("Pages of actions", "Tudalennau o gamau gweithredu"),
    ("Previous page", "Tudalen flaenorol"),
    ("Next page", "Tudalen nesaf"),
    ("Page {page} of {pages}", "Tudalen {page} o {pages}"),
    // One action.
    ("Sub-actions of {id}", "Is-gamau cam gweithredu {id}"),
    ("Awaiting sign-off", "Yn aros am gymeradwyaeth"),
    ("RAG: {rating}", "RAG: {rating}"),
    ("Due soon", "Dyddiad targed yn agos"),
    ("Lead:", "Arweinydd:"),
    ("Due {date}", "Erbyn {date}"),
    ("Completed {date}", "Cwblhawyd ar {date}"),
    ("Number", "Rhif"),
    ("Title", "Teitl"),
    ("Status", "Statws"),
    ("RAG rating", "Sgôr RAG"),
    ("Progress (%)", "Cynnydd (%)"),
    ("Lead", "Arweinydd"),
    ("Team", "Tîm"),
    ("Priority", "Blaenoriaeth"),
    ("Part of", "Yn rhan o"),
    ("Start", "Dyddiad dechrau"),
    ("Due date", "Dyddiad targed"),
    ("Original due date", "Dyddiad targed gwreiddiol"),
    ("Revised due date", "Dyddiad targed diwygiedig"),
    ("Completed", "Dyddiad cwblhau"),
    ("Signed off", "Dyddiad cymeradwyo"),
    ("Not yet", "Ddim eto"),
    ("Milestones for action {id}", "Cerrig milltir cam gweithredu {id}"),
    ("Milestone", "Carreg filltir"),
    ("How success will be measured", "Sut y bydd llwyddiant yn cael ei fesur"),
    ("Evidence", "Tystiolaeth"),
    (
        "Inspection findings this action answers",
        "Canfyddiadau'r arolygiad y mae'r cam gweithredu hwn yn ymateb iddynt",
    ),
    ("Indicators that show its impact", "Dangosyddion sy'n dangos ei effaith"),
    ("Updates, newest first", "Diweddariadau, y mwyaf diweddar yn gyntaf"),
    ("Reported to {body} on {date}", "Adroddwyd i {body} ar {date}"),
    // Findings.
    (
        "This plan lists no inspection findings.",
        "Nid yw'r cynllun hwn yn rhestru unrhyw ganfyddiadau arolygu.",
    ),
    (
        "No action in the plan names this finding yet.",
        "Nid oes unrhyw gam gweithredu yn y cynllun yn enwi'r canfyddiad hwn eto.",
    ),
    ("Other findings", "Canfyddiadau eraill"),
    ("General", "Cyffredinol"),
    ("Strengths", "Cryfderau"),
    // Indicators.
    ("Improving", "Yn gwella"),
    ("Getting worse", "Yn gwaethygu"),
    ("Going up", "Yn codi"),
    ("Going down", "Yn gostwng"),
    ("No change", "Dim newid"),
    (
        "This plan lists no performance indicators.",
        "Nid yw'r cynllun hwn yn rhestru unrhyw ddangosyddion perfformiad.",
    ),
    ("No figures yet", "Dim ffigurau eto"),
    (
        "Most recent figure suppressed to protect children's privacy",
        "Mae'r ffigur diweddaraf wedi'i atal er mwyn diogelu preifatrwydd plant",
    ),
    ("No target", "Dim targed"),
    ("Target met", "Targed wedi'i gyrraedd"),
    ("Target not met", "Targed heb ei gyrraedd"),
    ("Not applicable", "Ddim yn berthnasol"),
    (
        "Performance indicators: latest figures against targets",
        "Dangosyddion perfformiad: y ffigurau diweddaraf o gymharu â'r targedau",
    ),
    ("Indicator", "Dangosydd"),
    ("Latest", "Diweddaraf"),
    ("Target", "Targed"),
    ("Met?", "Wedi'i gyrraedd?"),
    ("Direction of travel", "Cyfeiriad teithio"),
    ("Compared with", "O gymharu â"),
    ("suppressed", "wedi'i atal"),
    ("Period", "Cyfnod"),
    ("{name}: all figures", "{name}: pob ffigur"),
    ("Source:", "Ffynhonnell:"),
    // The compact card.
    ("See the full improvement plan", "Gweld y cynllun gwella llawn"),
];

/// English `other` form → Welsh forms [zero, one, two, few, many, other], i.e. for 0, 1, 2, 3,
/// 6 and everything else (see the style note above `CY`: singular noun after the numeral, with
/// the numeral's soft (2) or aspirate (3, 6) mutation of a masculine noun).
static CY_PLURAL: &[(&str, [&str; 6])] = &[
    (
        "{n} days",
        [
            "{n} diwrnod",
            "{n} diwrnod",
            "{n} ddiwrnod",
            "{n} diwrnod",
            "{n} diwrnod",
            "{n} diwrnod",
        ],
    ),
    (
        "{n} weeks",
        [
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
        ],
    ),
    (
        "{n} actions overdue",
        [
            "{n} cam gweithredu yn hwyr",
            "{n} cam gweithredu yn hwyr",
            "{n} gam gweithredu yn hwyr",
            "{n} cham gweithredu yn hwyr",
            "{n} cham gweithredu yn hwyr",
            "{n} cam gweithredu yn hwyr",
        ],
    ),
    (
        "{n} actions due in the next 30 days",
        [
            "{n} cam gweithredu â dyddiad targed o fewn y 30 diwrnod nesaf",
            "{n} cam gweithredu â dyddiad targed o fewn y 30 diwrnod nesaf",
            "{n} gam gweithredu â dyddiad targed o fewn y 30 diwrnod nesaf",
            "{n} cham gweithredu â dyddiad targed o fewn y 30 diwrnod nesaf",
            "{n} cham gweithredu â dyddiad targed o fewn y 30 diwrnod nesaf",
            "{n} cam gweithredu â dyddiad targed o fewn y 30 diwrnod nesaf",
        ],
    ),
    (
        "{n} actions match",
        [
            "{n} cam gweithredu yn cyfateb",
            "{n} cam gweithredu yn cyfateb",
            "{n} gam gweithredu yn cyfateb",
            "{n} cham gweithredu yn cyfateb",
            "{n} cham gweithredu yn cyfateb",
            "{n} cam gweithredu yn cyfateb",
        ],
    ),
    (
        "{n} withdrawn actions are not counted.",
        [
            "Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu a dynnwyd yn ôl.",
            "Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu a dynnwyd yn ôl.",
            "Nid yw'r ffigurau hyn yn cynnwys {n} gam gweithredu a dynnwyd yn ôl.",
            "Nid yw'r ffigurau hyn yn cynnwys {n} cham gweithredu a dynnwyd yn ôl.",
            "Nid yw'r ffigurau hyn yn cynnwys {n} cham gweithredu a dynnwyd yn ôl.",
            "Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu a dynnwyd yn ôl.",
        ],
    ),
    (
        // "eitem" is feminine: "dwy eitem", "tair eitem", "chwe eitem" – no mutation to write.
        "{n} items in this plan could not be shown",
        [
            "Nid oes modd dangos {n} eitem yn y cynllun hwn",
            "Nid oes modd dangos {n} eitem yn y cynllun hwn",
            "Nid oes modd dangos {n} eitem yn y cynllun hwn",
            "Nid oes modd dangos {n} eitem yn y cynllun hwn",
            "Nid oes modd dangos {n} eitem yn y cynllun hwn",
            "Nid oes modd dangos {n} eitem yn y cynllun hwn",
        ],
    ),
    (
        // Options in a filter group: "Wedi dewis 2" avoids agreeing with an unknown noun.
        "{n} selected",
        [
            "Wedi dewis {n}",
            "Wedi dewis {n}",
            "Wedi dewis {n}",
            "Wedi dewis {n}",
            "Wedi dewis {n}",
            "Wedi dewis {n}",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    // ---- A small scanner for the interface strings used in the source ----------------------

    #[derive(Debug, Clone, PartialEq)]
    enum Tok {
        Ident(String),
        Punct(char),
        Str(String),
    }

    #[derive(Debug, Clone)]
    struct Token {
        tok: Tok,
        line: usize,
    }

    /// Splits Rust source into identifiers, punctuation and (decoded) string literals, skipping
    /// comments, char literals and lifetimes. Tolerant: it never fails, it only has to be good
    /// enough to find the arguments of `t(`, `tf(` and `tn(`.
    fn lex(src: &str) -> Vec<Token> {
        let c: Vec<char> = src.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        let mut line = 1;
        let at = |i: usize| c.get(i).copied().unwrap_or('\0');
        while i < c.len() {
            let ch = c[i];
            if ch == '\n' {
                line += 1;
                i += 1;
            } else if ch.is_whitespace() {
                i += 1;
            } else if ch == '/' && at(i + 1) == '/' {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            } else if ch == '/' && at(i + 1) == '*' {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if c[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            } else if ch == '"' {
                let start = line;
                let mut s = String::new();
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                        match at(i) {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            'r' => s.push('\r'),
                            '0' => s.push('\0'),
                            'u' => {
                                let close = (i..c.len()).find(|&j| c[j] == '}').unwrap_or(i);
                                let hex: String = c[i + 2..close].iter().collect();
                                s.extend(
                                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32),
                                );
                                i = close;
                            }
                            '\n' => {
                                line += 1;
                                while at(i + 1).is_whitespace() {
                                    if at(i + 1) == '\n' {
                                        line += 1;
                                    }
                                    i += 1;
                                }
                            }
                            other => s.push(other),
                        }
                        i += 1;
                    } else {
                        if c[i] == '\n' {
                            line += 1;
                        }
                        s.push(c[i]);
                        i += 1;
                    }
                }
                i += 1;
                out.push(Token {
                    tok: Tok::Str(s),
                    line: start,
                });
            } else if ch == '\'' {
                if at(i + 1) == '\\' {
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    out.push(Token {
                        tok: Tok::Punct('\''),
                        line,
                    });
                    i += 1;
                }
            } else if ch.is_alphanumeric() || ch == '_' {
                let mut w = String::new();
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    w.push(c[i]);
                    i += 1;
                }
                // Raw strings: r"…", r#"…"#, br"…".
                if (w == "r" || w == "br") && (at(i) == '"' || at(i) == '#') {
                    let mut hashes = 0;
                    while at(i) == '#' {
                        hashes += 1;
                        i += 1;
                    }
                    if at(i) == '"' {
                        let start = line;
                        i += 1;
                        let mut s = String::new();
                        while i < c.len() {
                            if c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                                i += 1 + hashes;
                                break;
                            }
                            if c[i] == '\n' {
                                line += 1;
                            }
                            s.push(c[i]);
                            i += 1;
                        }
                        out.push(Token {
                            tok: Tok::Str(s),
                            line: start,
                        });
                        continue;
                    }
                }
                if w != "b" || at(i) != '"' {
                    out.push(Token {
                        tok: Tok::Ident(w),
                        line,
                    });
                }
            } else {
                out.push(Token {
                    tok: Tok::Punct(ch),
                    line,
                });
                i += 1;
            }
        }
        out
    }

    /// The index of the bracket closing the one at `open`.
    fn closing(toks: &[Token], open: usize) -> usize {
        let mut depth = 0i32;
        for (j, tk) in toks.iter().enumerate().skip(open) {
            match tk.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => {
                    depth -= 1;
                    if depth == 0 {
                        return j;
                    }
                }
                _ => {}
            }
        }
        toks.len()
    }

    /// A literal that is a match pattern (`"x" =>`, `"x" | "y"`, `"x" if …`), not a value.
    fn is_pattern(toks: &[Token], j: usize) -> bool {
        match toks.get(j + 1).map(|t| &t.tok) {
            Some(Tok::Punct('|')) => true,
            Some(Tok::Ident(w)) => w == "if",
            Some(Tok::Punct('=')) => {
                matches!(toks.get(j + 2).map(|t| &t.tok), Some(Tok::Punct('>')))
            }
            _ => false,
        }
    }

    /// The value literals (not match patterns) in `toks[from..to]`.
    fn values(toks: &[Token], from: usize, to: usize) -> Vec<(String, usize)> {
        (from..to.min(toks.len()))
            .filter(|&j| !is_pattern(toks, j))
            .filter_map(|j| match &toks[j].tok {
                Tok::Str(s) => Some((s.clone(), toks[j].line)),
                _ => None,
            })
            .collect()
    }

    /// Calls of `t` with no literal argument, whose strings come from somewhere the scanner
    /// is told about: (file, enclosing function, where the strings are).
    enum Via {
        /// A wrapper that passes its own argument on (its callers are scanned instead).
        PassThrough,
        /// Every literal with a letter in it, in the function's body, is a key.
        FnLiterals,
        /// Every literal in `let NAME = [ … ]` in the function is a key.
        Array(&'static str),
    }
    const INDIRECT: &[(&str, &str, Via)] = &[
        ("i18n.rs", "tf", Via::PassThrough),
        ("view.rs", "t", Via::PassThrough),
        ("view.rs", "trend", Via::FnLiterals),
        ("csv.rs", "actions", Via::Array("heads")),
    ];

    /// The body of `fn name` as a token range.
    fn fn_body(toks: &[Token], name: &str) -> Option<(usize, usize)> {
        let at = toks.windows(2).position(|w| {
            w[0].tok == Tok::Ident("fn".into()) && w[1].tok == Tok::Ident(name.into())
        })?;
        let open = (at..toks.len()).find(|&j| toks[j].tok == Tok::Punct('{'))?;
        Some((open, closing(toks, open)))
    }

    #[derive(Default)]
    struct Found {
        /// (English, file:line) for `t` and `tf`.
        keys: Vec<(String, String)>,
        /// (English one form, English other form, file:line) for `tn`.
        counted: Vec<(String, String, String)>,
        /// Calls the scanner cannot follow.
        unknown: Vec<String>,
    }

    fn scan_file(file: &str, src: &str, found: &mut Found) {
        // Test code is not interface: stop at the test module.
        let src = src
            .find("#[cfg(test)]\nmod tests")
            .map_or(src, |i| &src[..i]);
        let toks = lex(src);
        let mut current_fn = String::new();
        for i in 0..toks.len() {
            let Tok::Ident(name) = &toks[i].tok else {
                continue;
            };
            if name == "fn" {
                if let Some(Tok::Ident(f)) = toks.get(i + 1).map(|t| &t.tok) {
                    current_fn = f.clone();
                }
                continue;
            }
            if !matches!(name.as_str(), "t" | "tf" | "tn")
                || toks.get(i + 1).map(|t| &t.tok) != Some(&Tok::Punct('('))
            {
                continue;
            }
            match i.checked_sub(1).map(|p| &toks[p].tok) {
                Some(Tok::Ident(w)) if w == "fn" => continue,
                Some(Tok::Punct('.')) if name != "t" => continue,
                _ => {}
            }
            let close = closing(&toks, i + 1);
            let lits = values(&toks, i + 2, close);
            let place = |line: usize| format!("src/{file}:{line}");
            match (name.as_str(), lits.as_slice()) {
                ("t", [_, ..]) => found
                    .keys
                    .extend(lits.iter().map(|(s, l)| (s.clone(), place(*l)))),
                ("tf", [(s, l), ..]) => found.keys.push((s.clone(), place(*l))),
                ("tn", [(one, l), (other, _), ..]) => {
                    found.counted.push((one.clone(), other.clone(), place(*l)))
                }
                _ => {
                    let line = toks[i].line;
                    match INDIRECT
                        .iter()
                        .find(|(f, n, _)| *f == file && *n == current_fn)
                    {
                        Some((_, _, Via::PassThrough)) => {}
                        Some((_, _, Via::FnLiterals)) => {
                            if let Some((a, b)) = fn_body(&toks, &current_fn) {
                                found.keys.extend(
                                    values(&toks, a, b)
                                        .into_iter()
                                        .filter(|(s, _)| s.chars().any(char::is_alphabetic))
                                        .map(|(s, l)| (s, place(l))),
                                );
                            }
                        }
                        Some((_, _, Via::Array(arr))) => {
                            let (a, b) = fn_body(&toks, &current_fn).unwrap_or((0, 0));
                            let start = (a..b).find(|&j| {
                                toks[j].tok == Tok::Ident("let".into())
                                    && toks.get(j + 1).map(|t| &t.tok)
                                        == Some(&Tok::Ident((*arr).into()))
                            });
                            match start
                                .and_then(|j| (j..b).find(|&k| toks[k].tok == Tok::Punct('[')))
                            {
                                Some(open) => found.keys.extend(
                                    values(&toks, open, closing(&toks, open))
                                        .into_iter()
                                        .map(|(s, l)| (s, place(l))),
                                ),
                                None => found.unknown.push(format!(
                                    "{} (no `let {arr} = [` in fn {current_fn})",
                                    place(line)
                                )),
                            }
                        }
                        None => found.unknown.push(format!(
                            "{} ({name}( in fn {current_fn} has no string literal argument)",
                            place(line)
                        )),
                    }
                }
            }
        }
    }

    fn scan_source() -> Found {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("src directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        files.sort();
        let mut found = Found::default();
        for p in files {
            let src = std::fs::read_to_string(&p).expect("readable source");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            scan_file(&name, &src, &mut found);
        }
        found
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = s;
        while let Some(a) = rest.find('{') {
            let Some(b) = rest[a..].find('}') else { break };
            out.push(&rest[a..a + b + 1]);
            rest = &rest[a + b + 1..];
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn scanner_reads_rust_literals() {
        let src = "fn f() { let c = '\"'; let q = '\\''; x.t(\"A \\\"b\\\"\"); t(\n  lang,\n  match k {\n \"k\" => \"One\",\n _ => r#\"Two \"2\"\"#,\n },\n);\n tn(lang, n, \"{n} cat\",\n \"{n} cats\"); tf(lang, \"Hi {x}\", &[(\"x\", \"y\")]); fn t(a: u8) {} }";
        let mut found = Found::default();
        scan_file("x.rs", src, &mut found);
        let keys: Vec<&str> = found.keys.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(keys, ["A \"b\"", "One", "Two \"2\"", "Hi {x}"]);
        assert_eq!(found.counted[0].0, "{n} cat");
        assert_eq!(found.counted[0].1, "{n} cats");
        assert_eq!(found.counted[0].2, "src/x.rs:8");
        assert!(found.unknown.is_empty());
        let mut found = Found::default();
        scan_file("x.rs", "fn g(w: &'static str) { t(lang, w) }", &mut found);
        assert_eq!(found.unknown.len(), 1);
    }

    /// Every interface string in the source has Welsh; the tables are well formed.
    #[test]
    fn every_interface_string_has_welsh() {
        let found = scan_source();
        assert!(
            found.keys.len() > 100 && found.counted.len() > 3,
            "the scanner found too little ({} strings, {} counted phrases): is it broken?",
            found.keys.len(),
            found.counted.len()
        );
        let mut problems: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (en, at) in &found.keys {
            if cy(en).is_none() && seen.insert(en.clone()) {
                problems.push(format!("no Welsh in CY for {en:?} ({at})"));
            }
        }
        for (one, other, at) in &found.counted {
            if cy_plural(other).is_none() && seen.insert(other.clone()) {
                problems.push(format!(
                    "no Welsh in CY_PLURAL for {other:?} (one form {one:?}, {at})"
                ));
            }
        }
        for u in &found.unknown {
            problems.push(format!(
                "cannot see which strings reach this call, so cannot check their Welsh: {u}; \
                 pass a literal, or tell INDIRECT in src/i18n.rs's tests where they come from"
            ));
        }
        let mut keys = std::collections::HashSet::new();
        for (en, cy) in CY {
            if !keys.insert(*en) {
                problems.push(format!("{en:?} is in CY twice"));
            }
            if placeholders(en) != placeholders(cy) {
                problems.push(format!(
                    "placeholders differ: {en:?} {:?} → {cy:?} {:?}",
                    placeholders(en),
                    placeholders(cy)
                ));
            }
            if cy.trim().is_empty() {
                problems.push(format!("{en:?} has empty Welsh"));
            }
        }
        let mut keys = std::collections::HashSet::new();
        for (en, forms) in CY_PLURAL {
            if !keys.insert(*en) {
                problems.push(format!("{en:?} is in CY_PLURAL twice"));
            }
            for f in forms {
                if placeholders(en) != placeholders(f) {
                    problems.push(format!("placeholders differ: {en:?} → {f:?}"));
                }
            }
        }
        assert!(
            problems.is_empty(),
            "{} problem(s) with the Welsh tables:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    #[test]
    fn dates_as_gov_uk_writes_them() {
        let d = Date::parse("2018-11-09").unwrap();
        assert_eq!(date(Lang::En, d), "9 November 2018");
        assert_eq!(date(Lang::Cy, d), "9 Tachwedd 2018");
    }

    #[test]
    fn welsh_plural_categories() {
        let cats: Vec<Plural> = [0, 1, 2, 3, 4, 6, 11]
            .iter()
            .map(|&n| plural(Lang::Cy, n))
            .collect();
        assert_eq!(
            cats,
            [
                Plural::Zero,
                Plural::One,
                Plural::Two,
                Plural::Few,
                Plural::Other,
                Plural::Many,
                Plural::Other
            ]
        );
        assert_eq!(plural(Lang::En, 0), Plural::Other);
    }

    #[test]
    fn values_by_unit() {
        assert_eq!(value(Lang::En, Unit::Percent, 73.0), "73%");
        assert_eq!(value(Lang::En, Unit::Percent, 72.45), "72.5%");
        assert_eq!(value(Lang::En, Unit::Days, 4.2), "4.2 days");
        assert_eq!(value(Lang::En, Unit::Days, 1.0), "1 day");
        assert_eq!(value(Lang::En, Unit::RatePer10000, 31.0), "31 per 10,000");
        assert_eq!(value(Lang::En, Unit::CurrencyGbp, 1_234_000.0), "£1.2m");
        assert_eq!(value(Lang::En, Unit::CurrencyGbp, 12_500.0), "£12,500");
        assert_eq!(value(Lang::En, Unit::Count, 1234.0), "1,234");
        assert_eq!(value(Lang::Cy, Unit::Days, 2.0), "2 ddiwrnod");
        assert_eq!(number(-0.0, 1), "0");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
    }
}
