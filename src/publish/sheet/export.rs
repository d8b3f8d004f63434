//! A feed to rows: [`workbook_of`] lays a checked feed out as the template, one row per item,
//! and [`difference`] says what a spreadsheet could not hold when the feed read back differs.

use super::template::{
    Kind, ACTIONS, BREAKDOWN, COMPARATORS, EVIDENCE, FINDINGS, FOLLOW_UPS, INDICATORS, INSPECTIONS,
    JUDGEMENTS, MEETINGS, MILESTONES, PLAN, PRIORITIES, SHEETS, SUCCESS_MEASURES, UPDATES, VALUES,
    VARIANTS,
};
use super::{Cell, Sheet, Source, Workbook};
use crate::date::Date;
use crate::feed::{Area, Feed, PlanStatus, Rag, Status, Text, Url};
use crate::i18n::Lang;
use crate::validate::quote;

/// A value of a feed for one template column: [`grid`] writes it as one cell, or for text as
/// one cell per language used.
#[derive(Clone)]
enum Field {
    /// Nothing: an empty cell.
    Empty,
    /// Text shown to readers: plain (`name`), or English and Welsh (`name_en`, `name_cy`).
    Text(Text),
    /// Text written as it is: an id, a word of the feed, a web address, a period.
    Plain(String),
    /// A date, written as an Excel date.
    Date(Date),
    /// A number.
    Number(f64),
    /// TRUE, or (FALSE) an empty cell.
    Bool(bool),
    /// The ids of other items, written separated by commas.
    Ids(Vec<String>),
}

impl Field {
    /// Text shown to readers, if the feed has it.
    fn maybe_text(t: &Option<Text>) -> Field {
        t.clone().map_or(Field::Empty, Field::Text)
    }

    /// A date, if the feed has it (as [`Field::date`]).
    fn maybe_date(d: Option<Date>) -> Field {
        d.map_or(Field::Empty, Field::date)
    }

    /// A date cell; (1.1) a whole month stays the text `YYYY-MM`, never a made-up day.
    fn date(d: Date) -> Field {
        if d.is_whole_month() {
            Field::Plain(d.to_string())
        } else {
            Field::Date(d)
        }
    }

    /// Text written as it is (an id, an e-mail address), if the feed has it.
    fn maybe_plain(s: &Option<String>) -> Field {
        s.clone().map_or(Field::Empty, Field::Plain)
    }

    /// A web address, if the feed has one.
    fn maybe_url(u: &Option<Url>) -> Field {
        u.as_ref()
            .map_or(Field::Empty, |u| Field::Plain(u.0.clone()))
    }

    /// A number, if the feed has it.
    fn maybe_number(n: Option<f64>) -> Field {
        n.map_or(Field::Empty, Field::Number)
    }

    /// One of the feed's words (`word` of the enum), if the feed has it.
    fn maybe_word<E: Copy>(e: Option<E>, word: fn(E) -> &'static str) -> Field {
        e.map_or(Field::Empty, |e| Field::Plain(word(e).into()))
    }

    /// One of the feed's words.
    fn word(word: &str) -> Field {
        Field::Plain(word.into())
    }
}

/// One sheet's rows, each with a field for every template column.
type Rows = Vec<Vec<Field>>;

/// The rows of each template sheet for a feed (in the order of [`SHEETS`]), column by column.
fn rows_of(f: &Feed) -> Vec<Rows> {
    let mut s: Vec<Rows> = (0..SHEETS.len()).map(|_| Vec::new()).collect();
    s[PLAN].push(plan_row(f));
    inspection_rows(f, &mut s);
    finding_rows(f, &mut s);
    priority_rows(f, &mut s);
    action_rows(f, &mut s);
    indicator_rows(f, &mut s);
    meeting_rows(f, &mut s);
    s
}

/// The plan sheet's one row: the feed's own keys, its publisher and its plan.
fn plan_row(f: &Feed) -> Vec<Field> {
    let p = &f.plan;
    let rag = |get: fn(&crate::feed::RagDefinitions) -> &Option<Text>| {
        Field::maybe_text(&p.rag_definitions.as_ref().and_then(|r| get(r).clone()))
    };
    vec![
        Field::Plain(f.schema_version.clone()),
        Field::Date(f.as_of),
        Field::maybe_date(f.published),
        Field::Text(f.publisher.name.clone()),
        Field::maybe_url(&f.publisher.url),
        Field::maybe_plain(&f.publisher.contact_email),
        Field::maybe_plain(&p.id),
        Field::Text(p.title.clone()),
        Field::maybe_text(&p.summary),
        Field::maybe_date(p.approved),
        Field::maybe_text(&p.approved_by),
        Field::maybe_date(p.next_review),
        Field::maybe_url(&p.url),
        rag(|r| &r.red),
        rag(|r| &r.amber),
        rag(|r| &r.green),
        rag(|r| &r.blue),
        Field::maybe_word(p.status, PlanStatus::word),
        Field::maybe_date(p.submit_by),
        Field::maybe_date(p.submitted),
    ]
}

/// The inspections and their judgements.
fn inspection_rows(f: &Feed, s: &mut [Rows]) {
    for i in &f.inspections {
        s[INSPECTIONS].push(vec![
            Field::Plain(i.id.clone()),
            Field::word(i.inspectorate.word()),
            Field::word(i.kind.word()),
            Field::maybe_text(&i.title),
            Field::maybe_date(i.start),
            Field::maybe_date(i.end),
            Field::maybe_date(i.published),
            Field::maybe_url(&i.report_url),
            Field::maybe_text(&i.summary),
        ]);
        for j in &i.judgements {
            s[JUDGEMENTS].push(vec![
                Field::Plain(i.id.clone()),
                Field::word(j.area.word()),
                Field::word(j.grade.word()),
                Field::maybe_text(&j.label),
            ]);
        }
    }
}

/// The findings.
fn finding_rows(f: &Feed, s: &mut [Rows]) {
    for x in &f.findings {
        s[FINDINGS].push(vec![
            Field::Plain(x.id.clone()),
            Field::maybe_plain(&x.inspection),
            Field::word(x.kind.word()),
            Field::maybe_word(x.area, Area::word),
            Field::Text(x.text.clone()),
            Field::maybe_text(&x.response),
        ]);
    }
}

/// The priorities.
fn priority_rows(f: &Feed, s: &mut [Rows]) {
    for x in &f.priorities {
        s[PRIORITIES].push(vec![
            Field::Plain(x.id.clone()),
            Field::Text(x.title.clone()),
            Field::maybe_text(&x.description),
            Field::maybe_text(&x.lead),
            Field::Ids(x.findings.clone()),
        ]);
    }
}

/// The actions, and their success measures, milestones, updates and evidence.
fn action_rows(f: &Feed, s: &mut [Rows]) {
    for a in &f.actions {
        s[ACTIONS].push(vec![
            Field::Plain(a.id.clone()),
            Field::maybe_plain(&a.priority),
            Field::maybe_plain(&a.parent),
            Field::Text(a.title.clone()),
            Field::maybe_text(&a.description),
            Field::Ids(a.findings.clone()),
            Field::maybe_text(&a.lead),
            Field::maybe_text(&a.team),
            Field::maybe_date(a.start),
            Field::maybe_date(a.added),
            Field::maybe_date(a.due),
            Field::maybe_date(a.revised_due),
            Field::maybe_date(a.completed),
            Field::word(a.status.word()),
            Field::maybe_word(a.rag, Rag::word),
            Field::maybe_number(a.progress),
            Field::Ids(a.indicators.clone()),
            Field::maybe_date(a.signed_off),
            Field::maybe_plain(&a.number),
            Field::maybe_text(&a.recurrence),
        ]);
        for m in &a.success_measures {
            s[SUCCESS_MEASURES].push(vec![Field::Plain(a.id.clone()), Field::Text(m.clone())]);
        }
        for m in &a.milestones {
            s[MILESTONES].push(vec![
                Field::Plain(a.id.clone()),
                Field::Text(m.title.clone()),
                Field::maybe_date(m.due),
                Field::maybe_date(m.completed),
            ]);
        }
        for u in &a.updates {
            s[UPDATES].push(vec![
                Field::Plain(a.id.clone()),
                Field::date(u.date),
                Field::maybe_text(&u.text),
                Field::maybe_word(u.status, Status::word),
                Field::maybe_word(u.rag, Rag::word),
                Field::maybe_number(u.progress),
                Field::maybe_date(u.revised_due),
                Field::maybe_plain(&u.meeting),
            ]);
        }
        for e in &a.evidence {
            s[EVIDENCE].push(vec![
                Field::Plain(a.id.clone()),
                Field::Text(e.text.clone()),
                Field::maybe_url(&e.url),
            ]);
        }
    }
}

/// The indicators, their values (the indicator's own, then each comparator's), the
/// breakdowns of those values, and their comparators.
fn indicator_rows(f: &Feed, s: &mut [Rows]) {
    for i in &f.indicators {
        s[INDICATORS].push(vec![
            Field::Plain(i.id.clone()),
            Field::Text(i.name.clone()),
            Field::word(i.unit.word()),
            Field::word(i.polarity.word()),
            Field::maybe_number(i.target.as_ref().map(|t| t.value)),
            Field::maybe_date(i.target.as_ref().and_then(|t| t.by)),
            Field::maybe_text(&i.source),
            Field::maybe_text(&i.description),
        ]);
        let mut value = |comparator: Field, v: &crate::feed::Value| {
            for p in &v.breakdown {
                s[BREAKDOWN].push(vec![
                    Field::Plain(i.id.clone()),
                    comparator.clone(),
                    Field::Plain(v.period.to_string()),
                    Field::Text(p.label.clone()),
                    Field::maybe_number(p.value),
                    Field::Bool(p.suppressed),
                ]);
            }
            s[VALUES].push(vec![
                Field::Plain(i.id.clone()),
                comparator,
                Field::Plain(v.period.to_string()),
                Field::maybe_number(v.value),
                Field::Bool(v.suppressed),
                Field::maybe_text(&v.note),
                Field::Bool(v.approximate),
            ]);
        };
        for v in &i.values {
            value(Field::Empty, v);
        }
        for c in &i.comparators {
            for v in &c.values {
                value(Field::Plain(c.name.show(Lang::En).to_string()), v);
            }
        }
        for c in &i.comparators {
            s[COMPARATORS].push(vec![
                Field::Plain(i.id.clone()),
                Field::Text(c.name.clone()),
            ]);
        }
    }
}

/// The meetings and their follow-ups.
fn meeting_rows(f: &Feed, s: &mut [Rows]) {
    for m in &f.meetings {
        s[MEETINGS].push(vec![
            Field::Plain(m.id.clone()),
            Field::Date(m.date),
            Field::Text(m.body.clone()),
            Field::maybe_text(&m.title),
            Field::maybe_url(&m.url),
            Field::maybe_text(&m.outcome),
        ]);
        for x in &m.follow_ups {
            s[FOLLOW_UPS].push(vec![
                Field::Plain(m.id.clone()),
                Field::Text(x.text.clone()),
                Field::maybe_text(&x.lead),
                Field::maybe_date(x.due),
                Field::maybe_date(x.done),
            ]);
        }
    }
}

/// Lays rows out as a sheet: a text column becomes `name`, `name_en` and `name_cy` as used
/// (or, when unused, `name` in a plain feed and `name_en`, `name_cy` in a bilingual one).
fn grid(def: usize, rows: &[Vec<Field>], bilingual: bool) -> Sheet {
    let d = &SHEETS[def];
    let mut header = Vec::new();
    // For each sheet column: the template column and the variant (0 plain, 1 en, 2 cy).
    let mut cols: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in d.cols.iter().enumerate() {
        let variants: Vec<usize> = if matches!(c.kind, Kind::Text) {
            let mut used = [false; 3];
            for r in rows {
                match &r[ci] {
                    Field::Text(Text::Plain(_)) => used[0] = true,
                    Field::Text(Text::Bilingual { en, cy }) => {
                        used[1] |= en.is_some();
                        used[2] |= cy.is_some();
                    }
                    _ => {}
                }
            }
            if !used.contains(&true) {
                used = if bilingual {
                    [false, true, true]
                } else {
                    [true, false, false]
                };
            }
            (0..3).filter(|&v| used[v]).collect()
        } else {
            vec![0]
        };
        for v in variants {
            header.push(Cell::Text(format!("{}{}", c.name, VARIANTS[v])));
            cols.push((ci, v));
        }
    }
    let mut out = vec![header];
    for r in rows {
        out.push(
            cols.iter()
                .map(|&(ci, variant)| match (&r[ci], variant) {
                    (Field::Text(Text::Plain(s)), 0) => Cell::Text(s.clone()),
                    (Field::Text(Text::Bilingual { en: Some(s), .. }), 1)
                    | (Field::Text(Text::Bilingual { cy: Some(s), .. }), 2) => {
                        Cell::Text(s.clone())
                    }
                    (Field::Plain(s), _) => Cell::Text(s.clone()),
                    (Field::Date(d), _) => Cell::Date(*d),
                    (Field::Number(n), _) => Cell::Number(*n),
                    (Field::Bool(true), _) => Cell::Bool(true),
                    (Field::Ids(ids), _) if !ids.is_empty() => Cell::Text(ids.join(", ")),
                    _ => Cell::Empty,
                })
                .collect(),
        );
    }
    Sheet {
        name: d.name.to_string(),
        first_row: 1,
        first_col: 0,
        rows: out,
    }
}

/// A feed laid out as the spreadsheet template.
pub fn workbook_of(feed: &Feed) -> Workbook {
    let rows = rows_of(feed);
    let bilingual = rows
        .iter()
        .flatten()
        .flatten()
        .any(|v| matches!(v, Field::Text(Text::Bilingual { .. })));
    Workbook {
        sheets: rows
            .iter()
            .enumerate()
            .map(|(i, r)| grid(i, r, bilingual))
            .collect(),
        source: Source::Memory,
        problems: Vec::new(),
    }
}

/// The empty template: every sheet with its column names only; text columns are plain, or
/// English and Welsh (`title_en`, `title_cy`) when `bilingual`.
pub fn empty_template(bilingual: bool) -> Workbook {
    Workbook {
        sheets: (0..SHEETS.len()).map(|i| grid(i, &[], bilingual)).collect(),
        source: Source::Memory,
        problems: Vec::new(),
    }
}

/// Where a feed and the same feed read back from its spreadsheet differ, if they do:
/// what a spreadsheet cannot hold (an id with a comma in it, text that is only spaces).
pub fn difference(a: &Feed, b: &Feed) -> Option<String> {
    fn first<T: PartialEq>(a: &[T], b: &[T], id: impl Fn(&T) -> String) -> Option<String> {
        (0..a.len().max(b.len()))
            .find(|&i| a.get(i) != b.get(i))
            .map(|i| a.get(i).or(b.get(i)).map_or(String::new(), &id))
    }
    if a.schema_version != b.schema_version
        || a.publisher != b.publisher
        || a.as_of != b.as_of
        || a.published != b.published
        || a.plan != b.plan
    {
        return Some("the plan sheet".into());
    }
    let id = |noun: &str, id: &str| format!("{noun} {}", quote(id));
    first(&a.inspections, &b.inspections, |x| id("inspection", &x.id))
        .or_else(|| first(&a.findings, &b.findings, |x| id("finding", &x.id)))
        .or_else(|| first(&a.priorities, &b.priorities, |x| id("priority", &x.id)))
        .or_else(|| first(&a.actions, &b.actions, |x| id("action", &x.id)))
        .or_else(|| first(&a.indicators, &b.indicators, |x| id("indicator", &x.id)))
        .or_else(|| first(&a.meetings, &b.meetings, |x| id("meeting", &x.id)))
}
