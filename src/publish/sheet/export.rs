//! A feed to rows: [`workbook_of`] lays a checked feed out as the template, one row per item,
//! and [`difference`] says what a spreadsheet could not hold when the feed read back differs.

use super::template::{
    Kind as K, ACTIONS, BREAKDOWN, COMPARATORS, EVIDENCE, FINDINGS, FOLLOW_UPS, INDICATORS,
    INSPECTIONS, JUDGEMENTS, MEETINGS, MILESTONES, PLAN, PRIORITIES, SHEETS, SUCCESS_MEASURES,
    UPDATES, VALUES, VARIANTS,
};
use super::{Cell, Sheet, Source, Workbook};
use crate::date::Date;
use crate::feed::{Area, Feed, PlanStatus, Rag, Status, Text, Url};
use crate::i18n::Lang;
use crate::validate::quote;

/// A value of a feed for one template column.
#[derive(Clone)]
enum V {
    No,
    T(Text),
    S(String),
    D(Date),
    N(f64),
    B(bool),
    L(Vec<String>),
}

fn ot(t: &Option<Text>) -> V {
    t.clone().map_or(V::No, V::T)
}
fn od(d: Option<Date>) -> V {
    d.map_or(V::No, date)
}
/// A date cell; (1.1) a whole month stays the text `YYYY-MM`, never a made-up day.
fn date(d: Date) -> V {
    if d.is_whole_month() {
        V::S(d.to_string())
    } else {
        V::D(d)
    }
}
fn os(s: &Option<String>) -> V {
    s.clone().map_or(V::No, V::S)
}
fn ou(u: &Option<Url>) -> V {
    u.as_ref().map_or(V::No, |u| V::S(u.0.clone()))
}
fn on(n: Option<f64>) -> V {
    n.map_or(V::No, V::N)
}
fn ow<E: Copy>(e: Option<E>, word: fn(E) -> &'static str) -> V {
    e.map_or(V::No, |e| V::S(word(e).into()))
}
fn w(word: &str) -> V {
    V::S(word.into())
}

/// The rows of each template sheet for a feed, column by column.
fn rows_of(f: &Feed) -> Vec<Vec<Vec<V>>> {
    let mut s: Vec<Vec<Vec<V>>> = (0..SHEETS.len()).map(|_| Vec::new()).collect();
    let p = &f.plan;
    let rag = |get: fn(&crate::feed::RagDefinitions) -> &Option<Text>| {
        ot(&p.rag_definitions.as_ref().and_then(|r| get(r).clone()))
    };
    s[PLAN].push(vec![
        V::S(f.schema_version.clone()),
        V::D(f.as_of),
        od(f.published),
        V::T(f.publisher.name.clone()),
        ou(&f.publisher.url),
        os(&f.publisher.contact_email),
        os(&p.id),
        V::T(p.title.clone()),
        ot(&p.summary),
        od(p.approved),
        ot(&p.approved_by),
        od(p.next_review),
        ou(&p.url),
        rag(|r| &r.red),
        rag(|r| &r.amber),
        rag(|r| &r.green),
        rag(|r| &r.blue),
        ow(p.status, PlanStatus::word),
        od(p.submit_by),
        od(p.submitted),
    ]);
    for i in &f.inspections {
        s[INSPECTIONS].push(vec![
            V::S(i.id.clone()),
            w(i.inspectorate.word()),
            w(i.kind.word()),
            ot(&i.title),
            od(i.start),
            od(i.end),
            od(i.published),
            ou(&i.report_url),
            ot(&i.summary),
        ]);
        for j in &i.judgements {
            s[JUDGEMENTS].push(vec![
                V::S(i.id.clone()),
                w(j.area.word()),
                w(j.grade.word()),
                ot(&j.label),
            ]);
        }
    }
    for x in &f.findings {
        s[FINDINGS].push(vec![
            V::S(x.id.clone()),
            os(&x.inspection),
            w(x.kind.word()),
            ow(x.area, Area::word),
            V::T(x.text.clone()),
            ot(&x.response),
        ]);
    }
    for x in &f.priorities {
        s[PRIORITIES].push(vec![
            V::S(x.id.clone()),
            V::T(x.title.clone()),
            ot(&x.description),
            ot(&x.lead),
            V::L(x.findings.clone()),
        ]);
    }
    for a in &f.actions {
        s[ACTIONS].push(vec![
            V::S(a.id.clone()),
            os(&a.priority),
            os(&a.parent),
            V::T(a.title.clone()),
            ot(&a.description),
            V::L(a.findings.clone()),
            ot(&a.lead),
            ot(&a.team),
            od(a.start),
            od(a.added),
            od(a.due),
            od(a.revised_due),
            od(a.completed),
            w(a.status.word()),
            ow(a.rag, Rag::word),
            on(a.progress),
            V::L(a.indicators.clone()),
            od(a.signed_off),
            os(&a.number),
            ot(&a.recurrence),
        ]);
        for m in &a.success_measures {
            s[SUCCESS_MEASURES].push(vec![V::S(a.id.clone()), V::T(m.clone())]);
        }
        for m in &a.milestones {
            s[MILESTONES].push(vec![
                V::S(a.id.clone()),
                V::T(m.title.clone()),
                od(m.due),
                od(m.completed),
            ]);
        }
        for u in &a.updates {
            s[UPDATES].push(vec![
                V::S(a.id.clone()),
                date(u.date),
                ot(&u.text),
                ow(u.status, Status::word),
                ow(u.rag, Rag::word),
                on(u.progress),
                od(u.revised_due),
                os(&u.meeting),
            ]);
        }
        for e in &a.evidence {
            s[EVIDENCE].push(vec![V::S(a.id.clone()), V::T(e.text.clone()), ou(&e.url)]);
        }
    }
    for i in &f.indicators {
        s[INDICATORS].push(vec![
            V::S(i.id.clone()),
            V::T(i.name.clone()),
            w(i.unit.word()),
            w(i.polarity.word()),
            on(i.target.as_ref().map(|t| t.value)),
            od(i.target.as_ref().and_then(|t| t.by)),
            ot(&i.source),
            ot(&i.description),
        ]);
        let mut value = |comparator: V, v: &crate::feed::Value| {
            for p in &v.breakdown {
                s[BREAKDOWN].push(vec![
                    V::S(i.id.clone()),
                    comparator.clone(),
                    V::S(v.period.to_string()),
                    V::T(p.label.clone()),
                    on(p.value),
                    V::B(p.suppressed),
                ]);
            }
            s[VALUES].push(vec![
                V::S(i.id.clone()),
                comparator,
                V::S(v.period.to_string()),
                on(v.value),
                V::B(v.suppressed),
                ot(&v.note),
                V::B(v.approximate),
            ]);
        };
        for v in &i.values {
            value(V::No, v);
        }
        for c in &i.comparators {
            for v in &c.values {
                value(V::S(c.name.show(Lang::En).to_string()), v);
            }
        }
        for c in &i.comparators {
            s[COMPARATORS].push(vec![V::S(i.id.clone()), V::T(c.name.clone())]);
        }
    }
    for m in &f.meetings {
        s[MEETINGS].push(vec![
            V::S(m.id.clone()),
            V::D(m.date),
            V::T(m.body.clone()),
            ot(&m.title),
            ou(&m.url),
            ot(&m.outcome),
        ]);
        for x in &m.follow_ups {
            s[FOLLOW_UPS].push(vec![
                V::S(m.id.clone()),
                V::T(x.text.clone()),
                ot(&x.lead),
                od(x.due),
                od(x.done),
            ]);
        }
    }
    s
}

/// Lays rows out as a sheet: a text column becomes `name`, `name_en` and `name_cy` as used
/// (or, when unused, `name` in a plain feed and `name_en`, `name_cy` in a bilingual one).
fn grid(def: usize, rows: &[Vec<V>], bilingual: bool) -> Sheet {
    let d = &SHEETS[def];
    let mut header = Vec::new();
    // For each sheet column: the template column and the variant (0 plain, 1 en, 2 cy).
    let mut cols: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in d.cols.iter().enumerate() {
        let variants: Vec<usize> = if matches!(c.kind, K::Text) {
            let mut used = [false; 3];
            for r in rows {
                match &r[ci] {
                    V::T(Text::Plain(_)) => used[0] = true,
                    V::T(Text::Bilingual { en, cy }) => {
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
                    (V::T(Text::Plain(s)), 0) => Cell::Text(s.clone()),
                    (V::T(Text::Bilingual { en: Some(s), .. }), 1)
                    | (V::T(Text::Bilingual { cy: Some(s), .. }), 2) => Cell::Text(s.clone()),
                    (V::S(s), _) => Cell::Text(s.clone()),
                    (V::D(d), _) => Cell::Date(*d),
                    (V::N(n), _) => Cell::Number(*n),
                    (V::B(true), _) => Cell::Bool(true),
                    (V::L(ids), _) if !ids.is_empty() => Cell::Text(ids.join(", ")),
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
        .any(|v| matches!(v, V::T(Text::Bilingual { .. })));
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
