//! The Welsh table: the Welsh for every interface string the code writes in English, and the
//! months' names. A translator's file: the rules the Welsh follows are in the note below;
//! `tests/i18n_keys.rs` fails when a string used in the source has no Welsh here, or Welsh here
//! is no longer used, and the test below when an entry is malformed.

// Welsh style for these tables
// ---------------------------
// * Wording follows Welsh-language public-sector usage (llyw.cymru / GOV.WALES, Arolygiaeth Gofal
//   Cymru, Welsh council plans): "Cynllun gwella", "Camau gweithredu", "Canfyddiadau",
//   "Dangosyddion", "Trosolwg", "Yn hwyr", "plant sy'n derbyn gofal", "pobl ifanc sy'n gadael
//   gofal", the formal negative ("Nid oes", "Nid yw") and the polite plural imperative
//   ("Gwiriwch", "Rhowch gynnig arall arni"). Links and buttons use the verb-noun ("Darllen…",
//   "Lawrlwytho…"), as GOV.WALES does. Proper names with no Welsh form stay as they are ("Ofsted",
//   "ILACS", "RAG", "CSV"); an English acronym with a Welsh one gets both ("AAA (SEND)").
// * Counted nouns: after a numeral the noun stays SINGULAR ("3 cham gweithredu", never
//   "3 camau gweithredu"), and digits are read as the Welsh numeral they stand for, so the
//   numeral's mutation is written: two → soft mutation of a masculine noun ("2 gam", "2 ddiwrnod";
//   "dwy" does not mutate "wythnos"/"eitem"), three → aspirate of a masculine noun ("3 cham"),
//   six ("chwe") → aspirate ("6 cham"); one and every other number take the radical
//   ("1 cam", "4 cam", "11 cam"). This is what the CLDR categories zero/one/two/few/many/other
//   (0, 1, 2, 3, 6, rest) are for. Larger numbers ending in 2, 3 or 6 ("23") fall in "other"
//   and take the radical, which is the accepted written style with digits.
// * Zero is "Dim" with the PLURAL noun ("Dim camau gweithredu yn hwyr"), or "Nid oes …" in a
//   sentence, never "0 cam gweithredu": a counted phrase says so in its `zero` branch. A number
//   that is a value, not a count of things ("0 diwrnod", "0%"), stays a digit.
// * A sentence with two numbers agrees with each where it belongs: the noun mutates after the
//   total ("o'r 3 cham gweithredu") and the verb agrees with the number done ("Mae 1 o'r 5 cam
//   gweithredu wedi'i gwblhau"), with choices (`{done, one {…} other {…}}`, see [`tv`]). "X of
//   Y" is "X o'r Y" ("5 o'r 14"). Where the number is not a count the code gives ([`tf`]), the
//   Welsh is reworded so that no noun follows it ("Camau gweithredu wedi'u cwblhau: {done} o'r
//   {total}").
// * Periods: "ym mis Ionawr 2026" for a month, "yn ystod Ch2 2026" and "yn ystod 2024/25" for a
//   quarter or financial year, "ar 31 Mawrth 2025" for a day, chosen by the kind of period.
// * Names from the feed (committees, priorities) and period labels never follow a mutating
//   preposition ("i", "gan", "yn"): they go after a colon or in brackets ("Adroddwyd ar
//   {date} ({body})"), because the code cannot mutate them, and a body's own capital ("Y
//   Cabinet") must not land mid-sentence.
// * "Complete" has one Welsh verb, "cwblhau": "Cwblhawyd" as a status and label, "{percent}
//   wedi'i gwblhau" for one action, "wedi'u cwblhau" for the plan's actions, "Canran a
//   gwblhawyd"; never "cyflawn".
// * Where one English string serves as a label in several places, the Welsh is chosen to fit
//   all of them and to avoid gender agreement with an unknown noun: "Cwblhawyd" ("Complete",
//   "Completed": status tags, date labels, column heads, chart lines), "Tynnwyd yn ôl",
//   "Dyddiad targed" ("Due", "Due date"), "Wedi dewis {n}".
// * The sources for these choices are in docs/decisions.md ("Welsh style").

/// English → Welsh for every interface string.
pub(super) static CY: &[(&str, &str)] = &[
    // The printed report (committee packs).
    ("What has changed", "Beth sydd wedi newid"),
    ("Exceptions", "Eithriadau"),
    (
        "Findings and the actions that answer them",
        "Canfyddiadau a'r camau gweithredu sy'n ymateb iddynt",
    ),
    ("What the RAG ratings mean", "Ystyr y sgoriau RAG"),
    (
        "Appendix: every action in full",
        "Atodiad: pob cam gweithredu yn llawn",
    ),
    ("No update yet", "Dim diweddariad eto"),
    (
        "No action is red, overdue or late.",
        "Nid oes unrhyw gam gweithredu yn goch, yn hwyr nac wedi llithro.",
    ),
    ("Actions that need attention", "Camau gweithredu sydd angen sylw"),
    ("Action", "Cam gweithredu"),
    ("Why", "Pam"),
    ("Latest update", "Diweddariad diweddaraf"),
    ("was {date}", "yn flaenorol {date}"),
    ("RAG", "RAG"),
    ("Other actions", "Camau gweithredu eraill"),
    ("All actions, by priority", "Pob cam gweithredu, fesul blaenoriaeth"),
    // Feed 1.1: plans in progress, responses, follow-ups, ongoing work, breakdowns.
    (
        "No action still to do has a due date.",
        "Nid oes dyddiad targed gan unrhyw gam gweithredu sydd i'w wneud o hyd.",
    ),
    ("Ongoing (not counted)", "Parhaus (heb eu cyfrif)"),
    (
        "No actions published for this priority yet",
        "Nid oes camau gweithredu wedi'u cyhoeddi ar gyfer y flaenoriaeth hon eto",
    ),
    ("Part", "Rhan"),
    ("Figure", "Ffigur"),
    ("Draft plan", "Cynllun drafft"),
    (
        "This plan is a draft and may change. It must reach the inspectorate by {date}.",
        "Drafft yw'r cynllun hwn a gall newid. Rhaid iddo gyrraedd yr arolygiaeth erbyn {date}.",
    ),
    (
        "This plan is a draft and may change.",
        "Drafft yw'r cynllun hwn a gall newid.",
    ),
    (
        "Plan sent to the inspectorate",
        "Cynllun wedi'i anfon at yr arolygiaeth",
    ),
    (
        "This plan was sent to the inspectorate on {date}.",
        "Anfonwyd y cynllun hwn at yr arolygiaeth ar {date}.",
    ),
    (
        "This plan has been sent to the inspectorate, which asked for it by {date}.",
        "Mae'r cynllun hwn wedi'i anfon at yr arolygiaeth, a ofynnodd amdano erbyn {date}.",
    ),
    (
        "This plan has been sent to the inspectorate.",
        "Mae'r cynllun hwn wedi'i anfon at yr arolygiaeth.",
    ),
    ("Closed plan", "Cynllun wedi'i gau"),
    (
        "This plan has ended. It is kept here as a record.",
        "Mae'r cynllun hwn wedi dod i ben. Fe'i cedwir yma fel cofnod.",
    ),
    ("Read the self-evaluation", "Darllen yr hunanwerthusiad"),
    ("Latest self-evaluation", "Yr hunanwerthusiad diweddaraf"),
    ("Dates", "Dyddiadau"),
    ("Self-evaluations", "Hunanwerthusiadau"),
    (
        "Earlier inspections and self-evaluations",
        "Arolygiadau a hunanwerthusiadau blaenorol",
    ),
    ("What committees asked for", "Yr hyn y gofynnodd pwyllgorau amdano"),
    ("Done {date}", "Gwnaed {date}"),
    ("Not done yet", "Heb ei wneud eto"),
    // The committee's name stands alone (no mutation after "gan").
    (
        "Asked for by {body} on {date}",
        "Gofynnwyd amdano ar {date} ({body})",
    ),
    ("Asked for:", "Gofynnwyd am:"),
    ("Ongoing", "Parhaus"),
    ("Ongoing:", "Parhaus:"),
    ("Happens", "Pa mor aml"),
    ("The council's response", "Ymateb y cyngor"),
    ("No target set", "Dim targed wedi'i osod"),
    ("about {value}", "tua {value}"),
    ("Bar chart: {title}", "Siart bar: {title}"),
    (
        "{name}, {who}, {period}: {total}, in parts",
        "{name}, {who}, {period}: {total}, fesul rhan",
    ),
    // Changes since a date (feed 1.1): the overview's first section, badges, filter, chart.
    ("Not known", "Anhysbys"),
    ("Status and RAG rating", "Statws a sgôr RAG"),
    ("Not yet in the plan", "Nid oedd yn y cynllun eto"),
    ("{status}: {then} then, {now} now", "{status}: {then} bryd hynny, {now} nawr"),
    ("On {date}: {counts}.", "Ar {date}: {counts}."),
    ("On {date}", "Ar {date}"),
    ("upper bar", "bar uchaf"),
    ("lower bar", "bar isaf"),
    ("Actions by status, then and now", "Camau gweithredu yn ôl statws, bryd hynny a nawr"),
    ("Changed since {date}", "Wedi newid ers {date}"),
    ("Due date revised to {date}", "Dyddiad targed wedi'i ddiwygio i {date}"),
    // The body's name in brackets, as "Adroddwyd ar {date} ({body})": no mid-sentence "Y".
    ("Since the {body} on {date}", "Ers {date} ({body})"),
    ("Since {date}", "Ers {date}"),
    ("New", "Newydd"),
    ("Started", "Wedi dechrau"),
    ("RAG worse", "RAG gwaeth"),
    ("RAG better", "RAG gwell"),
    ("Due date moved later", "Dyddiad targed wedi symud yn hwyrach"),
    ("Newly overdue", "Yn hwyr o'r newydd"),
    ("{date}: {body}", "{date}: {body}"),
    ("Date chosen: {date}", "Dyddiad a ddewiswyd: {date}"),
    ("Compare with a meeting", "Cymharu â chyfarfod"),
    ("Or compare with a date", "Neu gymharu â dyddiad"),
    (
        "Any date before {date}, for example {example}",
        "Unrhyw ddyddiad cyn {date}, er enghraifft {example}",
    ),
    ("Showing the changes since {date}.", "Yn dangos y newidiadau ers {date}."),
    ("New since {date}", "Newydd ers {date}"),
    ("Completed since {date}", "Wedi'i gwblhau ers {date}"),
    ("Started since {date}", "Wedi dechrau ers {date}"),
    ("Withdrawn since {date}", "Wedi'i dynnu'n ôl ers {date}"),
    ("RAG worse: {from} to {to}", "RAG gwaeth: {from} bryd hynny, {to} nawr"),
    ("RAG better: {from} to {to}", "RAG gwell: {from} bryd hynny, {to} nawr"),
    ("Due date moved from {from} to {to}", "Dyddiad targed wedi symud o {from} i {to}"),
    ("Became overdue after {date}", "Wedi mynd yn hwyr ers {date}"),
    ("Action {id} on {date} and now", "Cam gweithredu {id} ar {date} a nawr"),
    ("{x} percentage points", "{x} pwynt canran"),
    ("No figure by then", "Dim ffigur erbyn hynny"),
    ("Improved", "Wedi gwella"),
    ("Worsened", "Wedi gwaethygu"),
    ("Changed", "Wedi newid"),
    // Values and periods (i18n/mod.rs, view.rs).
    ("{x} per 10,000", "{x} fesul 10,000"),
    ("Q{q} {year}", "Ch{q} {year}"),
    ("{start} to {end}", "{start} i {end}"),
    // Feed names never follow a preposition in the Welsh: "gan/i + name" would need the name
    // mutated ("i Bwyllgor…", "gan y Cabinet"), so the name stands alone or as a genitive.
    ("{date} by {body}", "{date} ({body})"),
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
        "Crëwyd gydag action-plan-tracker o ddata a gyhoeddwyd gan y cyngor.",
    ),
    // Loading and errors.
    ("Loading the improvement plan…", "Wrthi'n llwytho'r cynllun gwella…"),
    ("The improvement plan cannot be shown", "Nid oes modd dangos y cynllun gwella"),
    // The publisher's details are the checker's messages, in English (marked lang="en"): the
    // Welsh says so, and why, where the English need not.
    (
        "Details for the publisher",
        "Manylion i'r cyhoeddwr (yn Saesneg, fel enwau meysydd y ffeil ddata)",
    ),
    ("line {line}, column {column}", "llinell {line}, colofn {column}"),
    ("Try again", "Rhowch gynnig arall arni"),
    (
        "For the publisher: these parts of the feed have errors and are left out until they are corrected.",
        "I'r cyhoeddwr: mae gwallau yn y rhannau hyn o'r ffrwd, ac ni fyddant yn cael eu dangos nes iddynt gael eu cywiro. Mae'r manylion yn Saesneg am eu bod yn dyfynnu enwau meysydd y ffeil ddata.",
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
        "Ni wnaeth y gweinydd sy'n cadw data'r cynllun ei anfon (nododd wall). Rhowch gynnig arall arni ymhen ychydig funudau.",
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
    ("Area for priority action", "Maes sydd angen gweithredu â blaenoriaeth"),
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
    ("Focused visit", "Ymweliad penodol"),
    ("Monitoring visit", "Ymweliad monitro"),
    ("Joint targeted area inspection", "Arolygiad ardal ar y cyd wedi'i dargedu"),
    ("Area SEND inspection", "Arolygiad ardal AAA (SEND)"),
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
        "Actions complete: {done} of {total}",
        "Camau gweithredu wedi'u cwblhau: {done} o'r {total}",
    ),
    // The noun mutates after the total ("o'r 2 gam", "o'r 3 cham"); the verb agrees with the
    // number complete ("Mae 1 o'r 5 … wedi'i gwblhau", "Mae 2 o'r 5 … wedi'u cwblhau").
    (
        "{done} of {n} {n, one {action} other {actions}} {done, one {is} other {are}} complete ({percent}).",
        "{done, zero {Nid oes yr un} other {Mae {done}}} o'r {n} {n, two {gam} few {cham} many {cham} other {cam}} gweithredu {done, zero {wedi'i gwblhau eto} one {wedi'i gwblhau} other {wedi'u cwblhau}} ({percent}).",
    ),
    ("Progress", "Cynnydd"),
    ("{percent} complete", "{percent} wedi'u cwblhau"),
    ("{percent} done", "{percent} wedi'i gwblhau"),
    ("Progress by priority", "Cynnydd fesul blaenoriaeth"),
    ("Priorities", "Blaenoriaethau"),
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
    ("Your search: “{words}”", "Eich chwiliad: “{words}”"),
    ("Judgement area", "Maes dyfarniad"),
    ("Finding", "Canfyddiad"),
    ("Due", "Dyddiad targed"),
    ("Overdue", "Yn hwyr"),
    ("Due in the next 30 days", "I'w gwblhau o fewn y 30 diwrnod nesaf"),
    ("Due later", "I'w gwblhau yn ddiweddarach"),
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
    ("Due soon", "Dyddiad targed yn agosáu"),
    ("Lead:", "Arweinydd:"),
    ("Due {date}", "Erbyn {date}"),
    // A month-only date ("YYYY-MM", feed 1.1) is "ym mis Mawrth 2026", never "ar Mawrth
    // 2026", when it is passed as `Val::Period`.
    (
        "Completed {date}",
        "{date, month {Cwblhawyd ym mis {date}} other {Cwblhawyd ar {date}}}",
    ),
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
    ("Completed", "Cwblhawyd"),
    ("Signed off", "Dyddiad cymeradwyo"),
    ("Not yet", "Heb ei chwblhau eto"),
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
    ("Reported to {body} on {date}", "Adroddwyd ar {date} ({body})"),
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
    ("Target met", "Targed wedi'i gyrraedd"),
    ("Target not met", "Targed heb ei gyrraedd"),
    (
        "Performance indicators: latest figures against targets",
        "Dangosyddion perfformiad: y ffigurau diweddaraf o gymharu â'r targedau",
    ),
    ("Indicator", "Dangosydd"),
    ("Latest", "Diweddaraf"),
    ("Target", "Targed"),
    ("Against target", "O gymharu â'r targed"),
    ("Direction of travel", "Tuedd"),
    ("Compared with", "O gymharu â"),
    ("suppressed", "wedi'i atal"),
    ("Period", "Cyfnod"),
    ("Council or comparator", "Cyngor neu gymharydd"),
    ("{name}: all figures", "{name}: pob ffigur"),
    ("Source:", "Ffynhonnell:"),
    // The compact card.
    ("See the full improvement plan", "Gweld y cynllun gwella llawn"),
    // Charts (chart.rs). Numbers in these templates are not counted with `tn`, so the Welsh
    // uses "{n} o + plural" or rewords.
    ("Show as table", "Dangos fel tabl"),
    ("and {count} more", "a {count} arall"),
    (
        "There are no actions to complete yet.",
        "Nid oes unrhyw gamau gweithredu i'w cwblhau eto.",
    ),
    ("No actions are overdue.", "Nid oes unrhyw gamau gweithredu yn hwyr."),
    ("complete", "wedi'u cwblhau"),
    ("Actions complete", "Camau gweithredu wedi'u cwblhau"),
    (
        "Actions complete, withdrawn actions excluded",
        "Camau gweithredu wedi'u cwblhau, heb gynnwys camau gweithredu a dynnwyd yn ôl",
    ),
    ("Percentage complete", "Canran a gwblhawyd"),
    ("Withdrawn (not counted)", "Tynnwyd yn ôl (heb eu cyfrif)"),
    ("All actions", "Pob cam gweithredu"),
    ("Not in a priority", "Heb eu cynnwys mewn blaenoriaeth"),
    (
        "Most complete: {name}, {done} of {total}.",
        "Y cynnydd mwyaf: {name}, {done} o'r {total}.",
    ),
    (
        "Least complete: {name}, {done} of {total}.",
        "Y cynnydd lleiaf: {name}, {done} o'r {total}.",
    ),
    ("Most overdue: {name}, {n}.", "Y nifer mwyaf yn hwyr: {name}, {n}."),
    ("No actions to do", "Dim camau gweithredu i'w cwblhau"),
    (
        "Actions by status in each priority, withdrawn actions excluded",
        "Camau gweithredu yn ôl statws ym mhob blaenoriaeth, heb gynnwys camau gweithredu a dynnwyd yn ôl",
    ),
    ("Total", "Cyfanswm"),
    ("per 10,000 children", "fesul 10,000 o blant"),
    ("days", "diwrnodau"),
    ("weeks", "wythnosau"),
    ("actions", "camau gweithredu"),
    ("No figures to plot", "Dim ffigurau i'w plotio"),
    (
        "No action has a due date or a completion date yet, so there is nothing to chart.",
        "Nid oes gan unrhyw gam gweithredu ddyddiad targed na dyddiad cwblhau eto, felly nid oes dim i'w ddangos mewn siart.",
    ),
    (
        "By {date}: planned to be complete, {planned} ({original} by their original due dates); complete, {done}.",
        "Erbyn {date}: i fod wedi'u cwblhau yn ôl y cynllun, {planned} ({original} yn ôl y dyddiadau targed gwreiddiol); wedi'u cwblhau, {done}.",
    ),
    (
        "Actions in the plan: {total}; the last is due on {date}.",
        "Camau gweithredu yn y cynllun: {total}; mae'r olaf i'w gwblhau erbyn {date}.",
    ),
    ("Data date: {date}", "Dyddiad y data: {date}"),
    ("Data date", "Dyddiad y data"),
    ("All actions ({n})", "Pob cam gweithredu ({n})"),
    ("Planned", "Cynlluniwyd"),
    ("Originally planned", "Cynlluniwyd yn wreiddiol"),
    ("Planned (current due dates)", "Cynlluniwyd (dyddiadau targed presennol)"),
    (
        "Originally planned (original due dates)",
        "Cynlluniwyd yn wreiddiol (dyddiadau targed gwreiddiol)",
    ),
    ("All actions in the plan", "Pob cam gweithredu yn y cynllun"),
    (
        "Actions planned and completed, running totals by the end of each month",
        "Camau gweithredu a gynlluniwyd ac a gwblhawyd, cyfansymiau cronnus erbyn diwedd pob mis",
    ),
    ("Month", "Mis"),
    (
        "Actions planned and completed over time",
        "Camau gweithredu a gynlluniwyd ac a gwblhawyd dros amser",
    ),
    (
        "There are no figures for this indicator yet.",
        "Nid oes ffigurau ar gyfer y dangosydd hwn eto.",
    ),
    // A month is "ym mis Ionawr 2026"; "yn ystod" (during) suits a quarter or a financial year
    // ("yn ystod Ch2 2026", "yn ystod 2024/25"); a day is "ar 31 Mawrth 2025".
    (
        "{period, day {on {period}} other {in {period}}}",
        "{period, day {ar {period}} month {ym mis {period}} other {yn ystod {period}}}",
    ),
    ("{value} {when}, the only figure.", "{value} {when}, yr unig ffigur."),
    (
        "Rose from {first} {start} to {last} {end}.",
        "Cododd o {first} {start} i {last} {end}.",
    ),
    (
        "Fell from {first} {start} to {last} {end}.",
        "Gostyngodd o {first} {start} i {last} {end}.",
    ),
    (
        "Was {first} {start} and {last} {end}.",
        "Roedd yn {first} {start} ac yn {last} {end}.",
    ),
    ("{name}: {value} {when}.", "{name}: {value} {when}."),
    ("Target {value} by {date}.", "Y targed yw {value} erbyn {date}."),
    ("Target {value}.", "Y targed yw {value}."),
    ("Target {value}", "Targed {value}"),
    (
        "The latest figure meets the target.",
        "Mae'r ffigur diweddaraf yn cyrraedd y targed.",
    ),
    (
        "The latest figure does not meet the target.",
        "Nid yw'r ffigur diweddaraf yn cyrraedd y targed.",
    ),
    ("Higher is better.", "Gorau po uchaf."),
    ("Lower is better.", "Gorau po isaf."),
    (
        "Neither higher nor lower is better.",
        "Nid yw ffigur uwch nac is yn well ynddo'i hun.",
    ),
    ("This council", "Y cyngor hwn"),
    (
        "Suppressed figure (a gap in the line)",
        "Ffigur wedi'i atal (bwlch yn y llinell)",
    ),
    // Counted phrases (`tn`), by the English `other` form: the Welsh chooses by `n` (see the
    // style note above: "Dim" for zero, singular noun after the numeral, and the numeral's
    // soft (2) or aspirate (3, 6) mutation of a masculine noun).
    // Feed 1.1: changes since a date, plans in progress, ongoing work, follow-ups.
    (
        "{n} actions need attention.",
        "{n, zero {Nid oes angen sylw ar unrhyw gam gweithredu.} one {Mae angen sylw ar {n} cam gweithredu.} two {Mae angen sylw ar {n} gam gweithredu.} few {Mae angen sylw ar {n} cham gweithredu.} many {Mae angen sylw ar {n} cham gweithredu.} other {Mae angen sylw ar {n} cam gweithredu.}}",
    ),
    (
        "{n} new actions",
        "{n, zero {Dim camau gweithredu newydd} one {{n} cam gweithredu newydd} two {{n} gam gweithredu newydd} few {{n} cham gweithredu newydd} many {{n} cham gweithredu newydd} other {{n} cam gweithredu newydd}}",
    ),
    (
        "{n} actions completed",
        "{n, zero {Dim camau gweithredu wedi'u cwblhau} one {{n} cam gweithredu wedi'i gwblhau} two {{n} gam gweithredu wedi'u cwblhau} few {{n} cham gweithredu wedi'u cwblhau} many {{n} cham gweithredu wedi'u cwblhau} other {{n} cam gweithredu wedi'u cwblhau}}",
    ),
    (
        "{n} actions started",
        "{n, zero {Dim camau gweithredu wedi dechrau} one {{n} cam gweithredu wedi dechrau} two {{n} gam gweithredu wedi dechrau} few {{n} cham gweithredu wedi dechrau} many {{n} cham gweithredu wedi dechrau} other {{n} cam gweithredu wedi dechrau}}",
    ),
    (
        "{n} actions withdrawn",
        "{n, zero {Dim camau gweithredu wedi'u tynnu'n ôl} one {{n} cam gweithredu wedi'i dynnu'n ôl} two {{n} gam gweithredu wedi'u tynnu'n ôl} few {{n} cham gweithredu wedi'u tynnu'n ôl} many {{n} cham gweithredu wedi'u tynnu'n ôl} other {{n} cam gweithredu wedi'u tynnu'n ôl}}",
    ),
    (
        "{n} actions with a worse RAG rating",
        "{n, zero {Dim camau gweithredu â sgôr RAG waeth} one {{n} cam gweithredu â sgôr RAG waeth} two {{n} gam gweithredu â sgôr RAG waeth} few {{n} cham gweithredu â sgôr RAG waeth} many {{n} cham gweithredu â sgôr RAG waeth} other {{n} cam gweithredu â sgôr RAG waeth}}",
    ),
    (
        "{n} actions with a better RAG rating",
        "{n, zero {Dim camau gweithredu â sgôr RAG well} one {{n} cam gweithredu â sgôr RAG well} two {{n} gam gweithredu â sgôr RAG well} few {{n} cham gweithredu â sgôr RAG well} many {{n} cham gweithredu â sgôr RAG well} other {{n} cam gweithredu â sgôr RAG well}}",
    ),
    (
        "{n} actions with their due date moved later",
        "{n, zero {Dim camau gweithredu â dyddiad targed diweddarach} one {{n} cam gweithredu â dyddiad targed diweddarach} two {{n} gam gweithredu â dyddiad targed diweddarach} few {{n} cham gweithredu â dyddiad targed diweddarach} many {{n} cham gweithredu â dyddiad targed diweddarach} other {{n} cam gweithredu â dyddiad targed diweddarach}}",
    ),
    (
        "{n} actions newly overdue",
        "{n, zero {Dim camau gweithredu yn hwyr o'r newydd} one {{n} cam gweithredu yn hwyr o'r newydd} two {{n} gam gweithredu yn hwyr o'r newydd} few {{n} cham gweithredu yn hwyr o'r newydd} many {{n} cham gweithredu yn hwyr o'r newydd} other {{n} cam gweithredu yn hwyr o'r newydd}}",
    ),
    (
        "{n} indicators improved",
        "{n, zero {Dim dangosyddion wedi gwella} one {{n} dangosydd wedi gwella} two {{n} ddangosydd wedi gwella} few {{n} dangosydd wedi gwella} many {{n} dangosydd wedi gwella} other {{n} dangosydd wedi gwella}}",
    ),
    (
        "{n} indicators worsened",
        "{n, zero {Dim dangosyddion wedi gwaethygu} one {{n} dangosydd wedi gwaethygu} two {{n} ddangosydd wedi gwaethygu} few {{n} dangosydd wedi gwaethygu} many {{n} dangosydd wedi gwaethygu} other {{n} dangosydd wedi gwaethygu}}",
    ),
    (
        "{n} indicators changed",
        "{n, zero {Dim dangosyddion wedi newid} one {{n} dangosydd wedi newid} two {{n} ddangosydd wedi newid} few {{n} dangosydd wedi newid} many {{n} dangosydd wedi newid} other {{n} dangosydd wedi newid}}",
    ),
    (
        "{n} indicators now meeting their target",
        "{n, zero {Dim dangosyddion sydd bellach yn cyrraedd y targed} one {{n} dangosydd sydd bellach yn cyrraedd y targed} two {{n} ddangosydd sydd bellach yn cyrraedd y targed} few {{n} dangosydd sydd bellach yn cyrraedd y targed} many {{n} dangosydd sydd bellach yn cyrraedd y targed} other {{n} dangosydd sydd bellach yn cyrraedd y targed}}",
    ),
    (
        "{n} indicators no longer meeting their target",
        "{n, zero {Dim dangosyddion sydd bellach heb gyrraedd y targed} one {{n} dangosydd sydd bellach heb gyrraedd y targed} two {{n} ddangosydd sydd bellach heb gyrraedd y targed} few {{n} dangosydd sydd bellach heb gyrraedd y targed} many {{n} dangosydd sydd bellach heb gyrraedd y targed} other {{n} dangosydd sydd bellach heb gyrraedd y targed}}",
    ),
    (
        "{n} ongoing actions are not counted.",
        "{n, zero {Nid yw'r ffigurau hyn yn cynnwys unrhyw gamau gweithredu parhaus.} one {Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu parhaus.} two {Nid yw'r ffigurau hyn yn cynnwys {n} gam gweithredu parhaus.} few {Nid yw'r ffigurau hyn yn cynnwys {n} cham gweithredu parhaus.} many {Nid yw'r ffigurau hyn yn cynnwys {n} cham gweithredu parhaus.} other {Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu parhaus.}}",
    ),
    (
        "{n} ongoing actions have no end, so they are not counted.",
        "{n, zero {Nid yw'r ffigurau hyn yn cynnwys unrhyw gamau gweithredu parhaus, heb ddyddiad gorffen.} one {Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu parhaus, heb ddyddiad gorffen.} two {Nid yw'r ffigurau hyn yn cynnwys {n} gam gweithredu parhaus, heb ddyddiad gorffen.} few {Nid yw'r ffigurau hyn yn cynnwys {n} cham gweithredu parhaus, heb ddyddiad gorffen.} many {Nid yw'r ffigurau hyn yn cynnwys {n} cham gweithredu parhaus, heb ddyddiad gorffen.} other {Nid yw'r ffigurau hyn yn cynnwys {n} cam gweithredu parhaus, heb ddyddiad gorffen.}}",
    ),
    (
        "{n} priorities have no actions published yet, so the plan is not complete.",
        "{n, zero {Mae camau gweithredu wedi'u cyhoeddi ar gyfer pob blaenoriaeth.} one {Nid oes camau gweithredu wedi'u cyhoeddi eto ar gyfer {n} blaenoriaeth, felly nid yw'r cynllun yn gyflawn.} two {Nid oes camau gweithredu wedi'u cyhoeddi eto ar gyfer {n} flaenoriaeth, felly nid yw'r cynllun yn gyflawn.} few {Nid oes camau gweithredu wedi'u cyhoeddi eto ar gyfer {n} blaenoriaeth, felly nid yw'r cynllun yn gyflawn.} many {Nid oes camau gweithredu wedi'u cyhoeddi eto ar gyfer {n} blaenoriaeth, felly nid yw'r cynllun yn gyflawn.} other {Nid oes camau gweithredu wedi'u cyhoeddi eto ar gyfer {n} blaenoriaeth, felly nid yw'r cynllun yn gyflawn.}}",
    ),
    (
        "{n} requests are not done yet.",
        "{n, zero {Mae pob cais wedi'i wneud.} one {Nid yw {n} cais wedi'i wneud eto.} two {Nid yw {n} gais wedi'u gwneud eto.} few {Nid yw {n} chais wedi'u gwneud eto.} many {Nid yw {n} chais wedi'u gwneud eto.} other {Nid yw {n} cais wedi'u gwneud eto.}}",
    ),
    (
        "{n} details in this plan could not be shown",
        "{n, zero {Mae modd dangos pob manylyn yn y cynllun hwn} one {Nid oes modd dangos {n} manylyn yn y cynllun hwn} two {Nid oes modd dangos {n} fanylyn yn y cynllun hwn} few {Nid oes modd dangos {n} manylyn yn y cynllun hwn} many {Nid oes modd dangos {n} manylyn yn y cynllun hwn} other {Nid oes modd dangos {n} manylyn yn y cynllun hwn}}",
    ),
    (
        "{n} days",
        "{n} {n, two {ddiwrnod} other {diwrnod}}",
    ),
    // "wythnos" is feminine: "dwy wythnos", no mutation to write.
    (
        "{n} weeks",
        "{n} wythnos",
    ),
    (
        "{n} actions overdue",
        "{n, zero {Dim camau} two {{n} gam} few {{n} cham} many {{n} cham} other {{n} cam}} gweithredu yn hwyr",
    ),
    (
        "{n} actions due in the next 30 days",
        "{n, zero {Dim camau} two {{n} gam} few {{n} cham} many {{n} cham} other {{n} cam}} gweithredu {n, one {i'w gwblhau} other {i'w cwblhau}} o fewn y 30 diwrnod nesaf",
    ),
    (
        "{n} actions match",
        "{n, zero {Dim camau} two {{n} gam} few {{n} cham} many {{n} cham} other {{n} cam}} gweithredu yn cyfateb",
    ),
    (
        "{n} withdrawn actions are not counted.",
        "{n, zero {Nid oes camau gweithredu wedi'u tynnu'n ôl.} other {Nid yw'r ffigurau hyn yn cynnwys {n} {n, two {gam} few {cham} many {cham} other {cam}} gweithredu a dynnwyd yn ôl.}}",
    ),
    // "eitem" is feminine: "dwy eitem", "tair eitem", "chwe eitem" – no mutation to write.
    (
        "{n} items in this plan could not be shown",
        "{n, zero {Mae modd dangos pob eitem yn y cynllun hwn} other {Nid oes modd dangos {n} eitem yn y cynllun hwn}}",
    ),
    // Options in a filter group: "Wedi dewis 2" avoids agreeing with an unknown noun.
    (
        "{n} selected",
        "{n, zero {Dim un wedi'i ddewis} other {Wedi dewis {n}}}",
    ),
    (
        "{n} actions are overdue.",
        "{n, zero {Nid oes unrhyw gamau gweithredu yn hwyr.} other {Mae {n} {n, two {gam} few {cham} many {cham} other {cam}} gweithredu yn hwyr.}}",
    ),
    (
        "{n} complete",
        "{n, zero {Dim un wedi'i gwblhau} one {{n} wedi'i gwblhau} other {{n} wedi'u cwblhau}}",
    ),
    (
        "{n} in progress",
        "{n, zero {Dim un} other {{n}}} ar y gweill",
    ),
    (
        "{n} not started",
        "{n, zero {Dim un} other {{n}}} heb ddechrau",
    ),
    (
        "{n} overdue",
        "{n, zero {Dim un} other {{n}}} yn hwyr",
    ),
    (
        "{n} actions have no due date, so they are not in the planned lines.",
        "{n, zero {Mae gan bob cam gweithredu ddyddiad targed.} other {Nid oes gan {n} {n, two {gam} few {cham} many {cham} other {cam}} gweithredu ddyddiad targed, felly {n, one {nid yw wedi'i gynnwys} other {nid ydynt wedi'u cynnwys}} yn y llinellau cynlluniedig.}}",
    ),
    (
        "{n} complete actions have no completion date by the data date, so they are not in the completed line.",
        "{n, zero {Mae gan bob cam gweithredu a gwblhawyd ddyddiad cwblhau.} other {Nid oes gan {n} {n, two {gam} few {cham} many {cham} other {cam}} gweithredu a gwblhawyd ddyddiad cwblhau erbyn dyddiad y data, felly {n, one {nid yw wedi'i gynnwys} other {nid ydynt wedi'u cynnwys}} yn y llinell 'Cwblhawyd'.}}",
    ),
    (
        "All {n} figures are suppressed to protect children's privacy.",
        "{n, zero {Nid oes ffigurau eto.} one {Mae ei unig ffigur wedi'i atal er mwyn diogelu preifatrwydd plant.} other {Mae'r {n} ffigur i gyd wedi'u hatal er mwyn diogelu preifatrwydd plant.}}",
    ),
    (
        "{n} figures are suppressed to protect children's privacy and shown as gaps.",
        "{n, zero {Nid oes unrhyw ffigurau wedi'u hatal.} one {Mae {n} ffigur wedi'i atal er mwyn diogelu preifatrwydd plant, ac fe'i dangosir fel bwlch.} other {Mae {n} ffigur wedi'u hatal er mwyn diogelu preifatrwydd plant, ac fe'u dangosir fel bylchau.}}",
    ),
];

pub(super) const MONTHS_CY: [&str; 12] = [
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

#[cfg(test)]
mod tests {
    use super::super::next_brace;
    use super::*;

    /// A choice's branches: `(key, text)` in order.
    type Branches<'t> = Vec<(&'t str, &'t str)>;

    /// The `{…}`s of a template at the top level: `(name, Some(branches))` for a choice,
    /// `(name, None)` for a placeholder, as `fill_into` reads them.
    fn parts(s: &str) -> Vec<(&str, Option<Branches<'_>>)> {
        let mut out = Vec::new();
        let mut rest = s;
        while let Some((open, close)) = next_brace(rest) {
            let inner = &rest[open + 1..close];
            match inner.split_once(',') {
                Some((name, mut body)) if !name.contains('{') => {
                    let mut branches = Vec::new();
                    while let Some((o, c)) = next_brace(body) {
                        branches.push((body[..o].trim(), &body[o + 1..c]));
                        body = &body[c + 1..];
                    }
                    out.push((name.trim(), Some(branches)));
                }
                _ => out.push((inner, None)),
            }
            rest = &rest[close + 1..];
        }
        out
    }

    /// The values a template uses, as `{name}`, in placeholders and choices at any depth.
    fn placeholders(s: &str) -> Vec<String> {
        fn walk(s: &str, out: &mut Vec<String>) {
            for (name, branches) in parts(s) {
                out.push(format!("{{{name}}}"));
                for (_, text) in branches.unwrap_or_default() {
                    walk(text, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(s, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Choices with a branch no value can take (a misspelt category), or with no `other`.
    fn bad_choices(s: &str) -> Vec<String> {
        const KEYS: [&str; 10] = [
            "zero", "one", "two", "few", "many", "other", "day", "month", "quarter", "year",
        ];
        let mut out = Vec::new();
        for (name, branches) in parts(s) {
            let Some(branches) = branches else { continue };
            for (k, text) in &branches {
                if !KEYS.contains(k) {
                    out.push(format!("{s:?}: {{{name}, …}} has a branch {k:?}"));
                }
                out.extend(bad_choices(text));
            }
            if !branches.iter().any(|(k, _)| *k == "other") {
                out.push(format!("{s:?}: {{{name}, …}} has no \"other\" branch"));
            }
        }
        out
    }

    /// Duplicate keys, and placeholders that differ between the English and the Welsh.
    fn table_problems() -> Vec<String> {
        let mut problems = Vec::new();
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
            problems.extend(bad_choices(en));
            problems.extend(bad_choices(cy));
        }
        problems
    }

    /// No English twice; the same placeholders in the English and the Welsh; no empty Welsh;
    /// every choice with branches a value can take, and an `other`.
    #[test]
    fn the_table_is_well_formed() {
        let problems = table_problems();
        assert!(
            problems.is_empty(),
            "{} problem(s) with the Welsh table:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
