//! The template: its sheets in order, each with its columns and what they hold, and how the
//! names of a workbook's sheets and columns are matched to them. Import, export and the
//! writers all read the template from here ([`SHEETS`]).

use super::Source;
use crate::feed::{
    Area, FindingKind, Grade, InspectionType, Inspectorate, PlanStatus, Polarity, Rag, Status, Unit,
};

/// What a column holds, and so how its cells are typed.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// Text that is not shown to readers (an e-mail address, the plan's reference).
    Str,
    /// `schema_version`: `1.0` even when Excel made it the number 1.
    Version,
    /// The row's own id.
    Id,
    /// The id of an item in another sheet.
    Ref,
    /// Ids of items in another sheet, separated by commas.
    Refs,
    /// Text shown to readers: `name`, or `name_en` and `name_cy`.
    Text,
    /// A date.
    Date,
    /// An indicator period: `2019-03-31`, `2019-03`, `2019-Q1` or `2018/19`.
    Period,
    /// A number.
    Number,
    /// TRUE or FALSE.
    Bool,
    /// A web address.
    Url,
    /// One of the feed's words.
    Enum(&'static [&'static str]),
}

pub(super) struct Col {
    /// The column's name (for text, the plain column; `_en` and `_cy` are added).
    pub(super) name: &'static str,
    pub(super) kind: Kind,
    /// Where the value goes in the row's JSON object.
    pub(super) dest: &'static [&'static str],
}

macro_rules! col {
    ($name:literal, $kind:expr) => {
        Col {
            name: $name,
            kind: $kind,
            dest: &[$name],
        }
    };
    ($name:literal, $kind:expr, [$($d:literal),+]) => {
        Col {
            name: $name,
            kind: $kind,
            dest: &[$($d),+],
        }
    };
}

#[derive(Clone, Copy)]
pub(super) enum Place {
    /// The one row of the plan sheet: the feed's own keys, `publisher` and `plan`.
    Plan,
    /// Each row is an item of this top-level list.
    List(&'static str),
    /// Each row is an item of the list `key` inside the item of sheet `parent` whose id is
    /// in this sheet's first column.
    Child { parent: usize, key: &'static str },
}

pub(super) struct SheetDef {
    pub(super) name: &'static str,
    /// One row of the sheet, as the validator names it.
    pub(super) noun: &'static str,
    pub(super) place: Place,
    pub(super) cols: &'static [Col],
}

pub(super) const PLAN: usize = 0;
pub(super) const INSPECTIONS: usize = 1;
pub(super) const JUDGEMENTS: usize = 2;
pub(super) const FINDINGS: usize = 3;
pub(super) const PRIORITIES: usize = 4;
pub(super) const ACTIONS: usize = 5;
pub(super) const SUCCESS_MEASURES: usize = 6;
pub(super) const MILESTONES: usize = 7;
pub(super) const UPDATES: usize = 8;
pub(super) const EVIDENCE: usize = 9;
pub(super) const INDICATORS: usize = 10;
pub(super) const COMPARATORS: usize = 11;
pub(super) const VALUES: usize = 12;
pub(super) const BREAKDOWN: usize = 13;
pub(super) const MEETINGS: usize = 14;
pub(super) const FOLLOW_UPS: usize = 15;

pub(super) static SHEETS: [SheetDef; 16] = [
    SheetDef {
        name: "plan",
        noun: "plan",
        place: Place::Plan,
        cols: &[
            col!("schema_version", Kind::Version),
            col!("as_of", Kind::Date),
            col!("published", Kind::Date),
            col!("publisher_name", Kind::Text, ["publisher", "name"]),
            col!("publisher_url", Kind::Url, ["publisher", "url"]),
            col!(
                "publisher_contact_email",
                Kind::Str,
                ["publisher", "contact_email"]
            ),
            col!("id", Kind::Str, ["plan", "id"]),
            col!("title", Kind::Text, ["plan", "title"]),
            col!("summary", Kind::Text, ["plan", "summary"]),
            col!("approved", Kind::Date, ["plan", "approved"]),
            col!("approved_by", Kind::Text, ["plan", "approved_by"]),
            col!("next_review", Kind::Date, ["plan", "next_review"]),
            col!("url", Kind::Url, ["plan", "url"]),
            col!("rag_red", Kind::Text, ["plan", "rag_definitions", "red"]),
            col!(
                "rag_amber",
                Kind::Text,
                ["plan", "rag_definitions", "amber"]
            ),
            col!(
                "rag_green",
                Kind::Text,
                ["plan", "rag_definitions", "green"]
            ),
            col!("rag_blue", Kind::Text, ["plan", "rag_definitions", "blue"]),
            col!("status", Kind::Enum(PlanStatus::WORDS), ["plan", "status"]),
            col!("submit_by", Kind::Date, ["plan", "submit_by"]),
            col!("submitted", Kind::Date, ["plan", "submitted"]),
        ],
    },
    SheetDef {
        name: "inspections",
        noun: "inspection",
        place: Place::List("inspections"),
        cols: &[
            col!("id", Kind::Id),
            col!("inspectorate", Kind::Enum(Inspectorate::WORDS)),
            col!("type", Kind::Enum(InspectionType::WORDS)),
            col!("title", Kind::Text),
            col!("start", Kind::Date),
            col!("end", Kind::Date),
            col!("published", Kind::Date),
            col!("report_url", Kind::Url),
            col!("summary", Kind::Text),
        ],
    },
    SheetDef {
        name: "judgements",
        noun: "judgement",
        place: Place::Child {
            parent: INSPECTIONS,
            key: "judgements",
        },
        cols: &[
            col!("inspection", Kind::Ref),
            col!("area", Kind::Enum(Area::WORDS)),
            col!("grade", Kind::Enum(Grade::WORDS)),
            col!("label", Kind::Text),
        ],
    },
    SheetDef {
        name: "findings",
        noun: "finding",
        place: Place::List("findings"),
        cols: &[
            col!("id", Kind::Id),
            col!("inspection", Kind::Ref),
            col!("kind", Kind::Enum(FindingKind::WORDS)),
            col!("area", Kind::Enum(Area::WORDS)),
            col!("text", Kind::Text),
            col!("response", Kind::Text),
        ],
    },
    SheetDef {
        name: "priorities",
        noun: "priority",
        place: Place::List("priorities"),
        cols: &[
            col!("id", Kind::Id),
            col!("title", Kind::Text),
            col!("description", Kind::Text),
            col!("lead", Kind::Text),
            col!("findings", Kind::Refs),
        ],
    },
    SheetDef {
        name: "actions",
        noun: "action",
        place: Place::List("actions"),
        cols: &[
            col!("id", Kind::Id),
            col!("priority", Kind::Ref),
            col!("parent", Kind::Ref),
            col!("title", Kind::Text),
            col!("description", Kind::Text),
            col!("findings", Kind::Refs),
            col!("lead", Kind::Text),
            col!("team", Kind::Text),
            col!("start", Kind::Date),
            col!("added", Kind::Date),
            col!("due", Kind::Date),
            col!("revised_due", Kind::Date),
            col!("completed", Kind::Date),
            col!("status", Kind::Enum(Status::WORDS)),
            col!("rag", Kind::Enum(Rag::WORDS)),
            col!("progress", Kind::Number),
            col!("indicators", Kind::Refs),
            col!("signed_off", Kind::Date),
            col!("number", Kind::Str),
            col!("recurrence", Kind::Text),
        ],
    },
    SheetDef {
        name: "success_measures",
        noun: "success measure",
        place: Place::Child {
            parent: ACTIONS,
            key: "success_measures",
        },
        cols: &[col!("action", Kind::Ref), col!("text", Kind::Text)],
    },
    SheetDef {
        name: "milestones",
        noun: "milestone",
        place: Place::Child {
            parent: ACTIONS,
            key: "milestones",
        },
        cols: &[
            col!("action", Kind::Ref),
            col!("title", Kind::Text),
            col!("due", Kind::Date),
            col!("completed", Kind::Date),
        ],
    },
    SheetDef {
        name: "updates",
        noun: "update",
        place: Place::Child {
            parent: ACTIONS,
            key: "updates",
        },
        cols: &[
            col!("action", Kind::Ref),
            col!("date", Kind::Date),
            col!("text", Kind::Text),
            col!("status", Kind::Enum(Status::WORDS)),
            col!("rag", Kind::Enum(Rag::WORDS)),
            col!("progress", Kind::Number),
            col!("revised_due", Kind::Date),
            col!("meeting", Kind::Ref),
        ],
    },
    SheetDef {
        name: "evidence",
        noun: "piece of evidence",
        place: Place::Child {
            parent: ACTIONS,
            key: "evidence",
        },
        cols: &[
            col!("action", Kind::Ref),
            col!("text", Kind::Text),
            col!("url", Kind::Url),
        ],
    },
    SheetDef {
        name: "indicators",
        noun: "indicator",
        place: Place::List("indicators"),
        cols: &[
            col!("id", Kind::Id),
            col!("name", Kind::Text),
            col!("unit", Kind::Enum(Unit::WORDS)),
            col!("polarity", Kind::Enum(Polarity::WORDS)),
            col!("target_value", Kind::Number, ["target", "value"]),
            col!("target_by", Kind::Date, ["target", "by"]),
            col!("source", Kind::Text),
            col!("description", Kind::Text),
        ],
    },
    SheetDef {
        name: "comparators",
        noun: "comparator",
        place: Place::Child {
            parent: INDICATORS,
            key: "comparators",
        },
        cols: &[col!("indicator", Kind::Ref), col!("name", Kind::Text)],
    },
    SheetDef {
        name: "values",
        noun: "value",
        place: Place::Child {
            parent: INDICATORS,
            key: "values",
        },
        cols: &[
            col!("indicator", Kind::Ref),
            col!("comparator", Kind::Str),
            col!("period", Kind::Period),
            col!("value", Kind::Number),
            col!("suppressed", Kind::Bool),
            col!("note", Kind::Text),
            col!("approximate", Kind::Bool),
        ],
    },
    SheetDef {
        name: "breakdown",
        noun: "part of a breakdown",
        place: Place::Child {
            parent: INDICATORS,
            key: "breakdown",
        },
        cols: &[
            col!("indicator", Kind::Ref),
            col!("comparator", Kind::Str),
            col!("period", Kind::Period),
            col!("label", Kind::Text),
            col!("value", Kind::Number),
            col!("suppressed", Kind::Bool),
        ],
    },
    SheetDef {
        name: "meetings",
        noun: "meeting",
        place: Place::List("meetings"),
        cols: &[
            col!("id", Kind::Id),
            col!("date", Kind::Date),
            col!("body", Kind::Text),
            col!("title", Kind::Text),
            col!("url", Kind::Url),
            col!("outcome", Kind::Text),
        ],
    },
    SheetDef {
        name: "follow_ups",
        noun: "follow-up",
        place: Place::Child {
            parent: MEETINGS,
            key: "follow_ups",
        },
        cols: &[
            col!("meeting", Kind::Ref),
            col!("text", Kind::Text),
            col!("lead", Kind::Text),
            col!("due", Kind::Date),
            col!("done", Kind::Date),
        ],
    },
];

/// The template's sheets in order, each with its columns (text columns by their plain name;
/// `NAME_en` and `NAME_cy` are accepted for each of those listed by [`text_columns`]).
pub fn sheets() -> Vec<(&'static str, Vec<&'static str>)> {
    SHEETS
        .iter()
        .map(|d| (d.name, d.cols.iter().map(|c| c.name).collect()))
        .collect()
}

/// The text columns of `sheet`: those that also come as `NAME_en` and `NAME_cy`.
pub fn text_columns(sheet: &str) -> Vec<&'static str> {
    SHEETS
        .iter()
        .filter(|d| d.name == sheet)
        .flat_map(|d| d.cols.iter())
        .filter(|c| matches!(c.kind, Kind::Text))
        .map(|c| c.name)
        .collect()
}

/// The plain, English and Welsh forms of a text column.
pub(super) const VARIANTS: [&str; 3] = ["", "_en", "_cy"];

/// The template column (and text variant) a header names.
pub(super) fn lookup(def: &SheetDef, header: &str) -> Option<(usize, usize)> {
    def.cols.iter().enumerate().find_map(|(ci, c)| {
        if header == c.name {
            return Some((ci, 0));
        }
        if matches!(c.kind, Kind::Text) {
            let rest = header.strip_prefix(c.name)?;
            return VARIANTS
                .iter()
                .position(|v| !v.is_empty() && rest == *v)
                .map(|v| (ci, v));
        }
        None
    })
}

pub(super) fn column_names(def: &SheetDef) -> Vec<String> {
    let mut out = Vec::new();
    for c in def.cols {
        out.push(c.name.to_string());
        if matches!(c.kind, Kind::Text) {
            out.push(format!("{}_en", c.name));
            out.push(format!("{}_cy", c.name));
        }
    }
    out
}

/// The kind of a column of a template sheet, by its header.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn kind_of(sheet: &str, header: &str) -> Option<Kind> {
    let def = SHEETS.iter().find(|d| d.name == sheet)?;
    lookup(def, &norm(header)).map(|(ci, _)| def.cols[ci].kind)
}

/// A sheet's name as matched against the template: trimmed, lower case, `_` for spaces,
/// without `.csv` for a CSV file.
pub(super) fn sheet_key(name: &str, source: Source) -> String {
    let n = norm(name);
    match source {
        Source::CsvFolder => n.strip_suffix(".csv").map_or(n.clone(), str::to_string),
        _ => n,
    }
}

pub(super) fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace([' ', '-'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate;

    #[test]
    fn every_feed_key_has_a_column() {
        // Each key the validator knows for a list item is a column (or a child sheet).
        let has = |sheet: &str, key: &str| {
            SHEETS
                .iter()
                .find(|d| d.name == sheet)
                .is_some_and(|d| d.cols.iter().any(|c| c.dest[0] == key))
        };
        for (def, sheet, children) in [
            ("Inspection", "inspections", &["judgements"][..]),
            ("Finding", "findings", &[]),
            ("Priority", "priorities", &[]),
            (
                "Action",
                "actions",
                &["success_measures", "milestones", "updates", "evidence"],
            ),
            ("Indicator", "indicators", &["values", "comparators"]),
            ("Meeting", "meetings", &["follow_ups"]),
            ("Judgement", "judgements", &[]),
            ("Milestone", "milestones", &[]),
            ("Update", "updates", &[]),
            ("Evidence", "evidence", &[]),
            ("Value", "values", &["breakdown"]),
            ("Comparator", "comparators", &["values"]),
            ("Part", "breakdown", &[]),
            ("FollowUp", "follow_ups", &[]),
        ] {
            let keys = validate::KEYS.iter().find(|(d, _)| *d == def).unwrap().1;
            for key in keys {
                assert!(
                    has(sheet, key) || children.contains(key),
                    "{def}.{key} has no column in {sheet}"
                );
            }
        }
    }
}
