//! Rows to a feed: [`import`] builds the feed's JSON from the template's sheets, checks it
//! with the validator, and maps each problem's JSON path back to the sheet, row and column
//! its value came from.

use super::cells::{day_month, typed, How};
use super::ordered_json::{order, write_json, OrderedJson};
use super::tables::Table;
use super::template::{
    Kind, Place, SheetDef, ACTIONS, BREAKDOWN, COMPARATORS, PLAN, SHEETS, SUCCESS_MEASURES, VALUES,
};
use super::{Cell, Import, SheetProblem, Source, Workbook};
use crate::validate::{self, closest, quote, Report, Severity};
use std::collections::HashMap;

/// Where a value of the feed came from.
#[derive(Debug, Clone)]
struct Loc {
    sheet: usize,
    row: usize,
    col: Option<(usize, String)>,
}

pub(super) struct Builder<'w> {
    pub(super) wb: &'w Workbook,
    how: How,
    pub(super) problems: Vec<SheetProblem>,
    locs: HashMap<String, Loc>,
    pub(super) shown: Vec<String>,
}

impl<'w> Builder<'w> {
    pub(super) fn problem(
        &mut self,
        severity: Severity,
        sheet: Option<usize>,
        row: Option<usize>,
        col: Option<(usize, String)>,
        message: String,
    ) {
        self.problems.push(SheetProblem {
            severity,
            sheet: sheet.map(|s| self.shown[s].clone()),
            row,
            order: (
                sheet.map_or(0, |s| s + 1),
                row.unwrap_or(0),
                col.as_ref().map_or(0, |c| c.0 + 1),
            ),
            column: col.map(|c| c.1),
            message,
            rule: None,
            json_at: None,
        });
    }

    fn error(&mut self, t: &Table, row: usize, col: Option<(usize, String)>, message: String) {
        self.problem(Severity::Error, Some(t.def), Some(row), col, message);
    }

    fn loc(&mut self, path: String, sheet: usize, row: usize, col: Option<(usize, String)>) {
        self.locs.entry(path).or_insert(Loc { sheet, row, col });
    }

    /// The value of template column `ci` in a row, typed for the feed.
    fn value(&mut self, t: &Table, cells: &[Cell], ci: usize, row: usize) -> Option<OrderedJson> {
        let c = &SHEETS[t.def].cols[ci];
        if !matches!(c.kind, Kind::Text) {
            return t
                .cell(cells, ci, 0)
                .and_then(|cell| typed(c.kind, cell, self.how));
        }
        let [plain, en, cy] = [0, 1, 2].map(|v| {
            t.cell(cells, ci, v)
                .and_then(|cell| typed(Kind::Text, cell, self.how))
        });
        if en.is_none() && cy.is_none() {
            return plain;
        }
        if plain.is_some() {
            let name = c.name;
            self.error(
                t,
                row,
                Some((ci, name.to_string())),
                format!("this row has text in \"{name}\" and in \"{name}_en\" or \"{name}_cy\"; write plain text in \"{name}\", or English and Welsh in \"{name}_en\" and \"{name}_cy\", not both"),
            );
        }
        let mut o = OrderedJson::Object(Vec::new());
        if let Some(en) = en {
            o.set(&["en"], en);
        }
        if let Some(cy) = cy {
            o.set(&["cy"], cy);
        }
        Some(o)
    }

    /// One row as a JSON object (without its first `skip` columns, the links to its parent),
    /// noting where each of its values came from under `path`.
    fn item(
        &mut self,
        t: &Table,
        row: usize,
        cells: &[Cell],
        path: &str,
        skip: usize,
    ) -> OrderedJson {
        let d = &SHEETS[t.def];
        if !path.is_empty() {
            self.loc(path.to_string(), t.def, row, None);
        }
        let mut obj = OrderedJson::Object(Vec::new());
        for (ci, c) in d.cols.iter().enumerate().skip(skip) {
            let name = t.col_name(ci);
            let at = |key: &str| {
                if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                }
            };
            for n in 1..=c.dest.len() {
                self.loc(
                    at(&c.dest[..n].join(".")),
                    t.def,
                    row,
                    Some((ci, name.clone())),
                );
            }
            let p = at(&c.dest.join("."));
            if matches!(c.kind, Kind::Text) {
                for (v, lang) in [(1, "en"), (2, "cy")] {
                    let col = t.variant_name(ci, v);
                    self.loc(format!("{p}.{lang}"), t.def, row, Some((ci, col)));
                }
            }
            let Some(v) = self.value(t, cells, ci, row) else {
                continue;
            };
            if let OrderedJson::Array(items) = &v {
                for k in 0..items.len() {
                    self.loc(format!("{p}[{k}]"), t.def, row, Some((ci, name.clone())));
                }
            }
            obj.set(c.dest, v);
        }
        obj
    }

    fn plan(&mut self, t: &Table, root: &mut OrderedJson) {
        let (row, cells) = t.rows.first().copied().unwrap_or((t.header_row + 1, &[]));
        for &(extra, _) in t.rows.iter().skip(1) {
            self.error(
                t,
                extra,
                None,
                format!("the plan sheet holds one plan, in row {row}; this row is not read, so move what it says into row {row}"),
            );
        }
        let obj = self.item(t, row, cells, "", 0);
        if let OrderedJson::Object(members) = obj {
            for (k, v) in members {
                root.set(&[k.as_str()], v);
            }
        }
        if root.get("schema_version").is_none() {
            root.set(&["schema_version"], OrderedJson::String("1.0".into()));
        }
        if root.get("plan").is_none() {
            root.set(&["plan"], OrderedJson::Object(Vec::new()));
        }
    }

    /// The rows of a top-level list; returns each id's first index.
    fn list(&mut self, t: &Table, root: &mut OrderedJson, key: &str) -> HashMap<String, usize> {
        let mut ids = HashMap::new();
        root.entry(key, OrderedJson::Array(Vec::new()));
        for &(row, cells) in &t.rows {
            let k = root.len(key);
            let obj = self.item(t, row, cells, &format!("{key}[{k}]"), 0);
            if let Some(OrderedJson::String(id)) = obj.get("id") {
                ids.entry(id.clone()).or_insert(k);
            }
            root.push(key, obj);
        }
        ids
    }

    /// The rows of a list inside the items of another sheet, linked by their first column.
    fn children(
        &mut self,
        t: &Table,
        root: &mut OrderedJson,
        ids: &HashMap<String, usize>,
        comparators: &mut HashMap<usize, Vec<Vec<String>>>,
    ) {
        let d = &SHEETS[t.def];
        let Place::Child { parent, key } = d.place else {
            return;
        };
        let pd = &SHEETS[parent];
        let Place::List(list) = pd.place else {
            return;
        };
        for &(row, cells) in &t.rows {
            let Some((id, p)) = self.parent_of(t, row, cells, pd, ids) else {
                continue;
            };
            let Some(parent_obj) = root.item_mut(list, p) else {
                continue;
            };
            let base = format!("{list}[{p}]");
            match t.def {
                SUCCESS_MEASURES => self.success_measure(t, row, cells, parent_obj, &base, key),
                VALUES | BREAKDOWN => {
                    let comparator = t
                        .cell(cells, 1, 0)
                        .and_then(|c| typed(Kind::Str, c, self.how));
                    let (target, base) = match comparator {
                        None => (parent_obj, base),
                        Some(OrderedJson::String(name)) => {
                            let names = comparators.get(&p).map(Vec::as_slice).unwrap_or(&[]);
                            let Some(c) = self.comparator_index(t, row, &name, names, &id) else {
                                continue;
                            };
                            let Some(comp) = parent_obj.item_mut("comparators", c) else {
                                continue;
                            };
                            (comp, format!("{base}.comparators[{c}]"))
                        }
                        Some(_) => continue,
                    };
                    if t.def == BREAKDOWN {
                        self.part(t, row, cells, target, &base, &id);
                    } else {
                        self.figure(t, row, cells, target, &base);
                    }
                }
                _ => {
                    let k = parent_obj.len(key);
                    let obj = self.item(t, row, cells, &format!("{base}.{key}[{k}]"), 1);
                    if t.def == COMPARATORS {
                        comparators
                            .entry(p)
                            .or_default()
                            .push(comparator_names(&obj));
                    }
                    parent_obj.push(key, obj);
                }
            }
        }
    }

    /// The parent a child row names in its first column: its id, and its index in the
    /// parent sheet's list (`ids`); an error for the row when it names none, or one that
    /// is not there.
    fn parent_of(
        &mut self,
        t: &Table,
        row: usize,
        cells: &[Cell],
        pd: &SheetDef,
        ids: &HashMap<String, usize>,
    ) -> Option<(String, usize)> {
        let d = &SHEETS[t.def];
        let link_col = Some((0, t.col_name(0)));
        let Some(OrderedJson::String(id)) = t
            .cell(cells, 0, 0)
            .and_then(|c| typed(Kind::Ref, c, self.how))
        else {
            self.error(
                t,
                row,
                link_col,
                format!(
                    "\"{}\" is missing; every {} must have one",
                    d.cols[0].name, d.noun
                ),
            );
            return None;
        };
        let Some(&p) = ids.get(&id) else {
            self.error(
                t,
                row,
                link_col,
                format!(
                    "this {} refers to {} {}, but there is no {} with that id in \"{}\"",
                    d.noun,
                    pd.noun,
                    quote(&id),
                    pd.noun,
                    pd.name
                ),
            );
            return None;
        };
        Some((id, p))
    }

    /// A row of the success measures sheet: one text in the list `key` of the action at JSON
    /// path `base`.
    fn success_measure(
        &mut self,
        t: &Table,
        row: usize,
        cells: &[Cell],
        action: &mut OrderedJson,
        base: &str,
        key: &str,
    ) {
        let k = action.len(key);
        let path = format!("{base}.{key}[{k}]");
        let name = t.col_name(1);
        self.loc(path.clone(), t.def, row, Some((1, name)));
        for (v, lang) in [(1, "en"), (2, "cy")] {
            let col = t.variant_name(1, v);
            self.loc(format!("{path}.{lang}"), t.def, row, Some((1, col)));
        }
        match self.value(t, cells, 1, row) {
            Some(v) => {
                action.push(key, v);
            }
            None => self.error(
                t,
                row,
                Some((1, t.col_name(1))),
                format!(
                    "\"text\" is missing; every {} must have one",
                    SHEETS[t.def].noun
                ),
            ),
        }
    }

    /// Which of an indicator's comparators (`names`, each in its languages) a values or
    /// breakdown row names: the same text, else the same but for case; an error for the row,
    /// with the nearest name, when none.
    fn comparator_index(
        &mut self,
        t: &Table,
        row: usize,
        name: &str,
        names: &[Vec<String>],
        id: &str,
    ) -> Option<usize> {
        let c = names
            .iter()
            .position(|n| n.iter().any(|n| n.trim() == name))
            .or_else(|| {
                names.iter().position(|n| {
                    n.iter()
                        .any(|n| n.trim().to_lowercase() == name.to_lowercase())
                })
            });
        if c.is_none() {
            let all = names.iter().flatten().map(String::as_str);
            let hint = closest(name, all)
                .map_or(String::new(), |n| format!("; did you mean {}?", quote(n)));
            self.error(
                t,
                row,
                Some((1, t.col_name(1))),
                format!(
                    "this {} refers to comparator {}, but indicator {} has no comparator with that name in \"comparators\"{hint}",
                    if t.def == VALUES { "value" } else { "part" },
                    quote(name),
                    quote(id)
                ),
            );
        }
        c
    }

    /// A row of the values sheet: one figure of `target` (an indicator or one of its
    /// comparators, at JSON path `base`).
    fn figure(
        &mut self,
        t: &Table,
        row: usize,
        cells: &[Cell],
        target: &mut OrderedJson,
        base: &str,
    ) {
        let k = target.len("values");
        let mut obj = self.item(t, row, cells, &format!("{base}.values[{k}]"), 2);
        if obj.get("value").is_none() {
            obj.set(&["value"], OrderedJson::Null);
        }
        target.push("values", obj);
    }

    /// (1.1) A row of the breakdown sheet: a part of the value of `target` (an indicator or
    /// one of its comparators, at JSON path `base`) for the row's period.
    fn part(
        &mut self,
        t: &Table,
        row: usize,
        cells: &[Cell],
        target: &mut OrderedJson,
        base: &str,
        id: &str,
    ) {
        let period = t
            .cell(cells, 2, 0)
            .and_then(|c| typed(Kind::Period, c, self.how));
        let Some(OrderedJson::String(period)) = period else {
            self.error(
                t,
                row,
                Some((2, t.col_name(2))),
                "\"period\" is missing; every part of a breakdown must name the period of its figure in the values sheet".into(),
            );
            return;
        };
        let Some(OrderedJson::Array(values)) = target.get("values") else {
            self.error(t, row, Some((2, t.col_name(2))), format!("indicator {} has no figure for {} in the values sheet to break down; add the figure there first", quote(id), quote(&period)));
            return;
        };
        let Some(v) = values
            .iter()
            .position(|v| v.get("period") == Some(&OrderedJson::String(period.clone())))
        else {
            self.error(t, row, Some((2, t.col_name(2))), format!("indicator {} has no figure for {} in the values sheet to break down; add the figure there first", quote(id), quote(&period)));
            return;
        };
        let Some(value) = target.item_mut("values", v) else {
            return;
        };
        let k = value.len("breakdown");
        let mut obj = self.item(
            t,
            row,
            cells,
            &format!("{base}.values[{v}].breakdown[{k}]"),
            3,
        );
        if obj.get("value").is_none() {
            obj.set(&["value"], OrderedJson::Null);
        }
        value.push("breakdown", obj);
    }

    /// Where a JSON path's value came from: the path itself, or the nearest enclosing one.
    fn lookup(&self, path: &str) -> Option<&Loc> {
        let mut p = path;
        loop {
            if let Some(l) = self.locs.get(p) {
                return Some(l);
            }
            p = &p[..p.rfind(['.', '['])?];
        }
    }

    /// A message with the JSON paths it names (`actions[3]`) turned into rows.
    fn rows_in(&self, message: &str) -> String {
        let mut out = message.to_string();
        for d in SHEETS.iter() {
            let Place::List(list) = d.place else {
                continue;
            };
            let pat = format!("{list}[");
            let mut from = 0;
            while let Some(i) = out[from..].find(&pat).map(|i| i + from) {
                let start = i + pat.len();
                let end = out[start..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(out.len(), |e| e + start);
                if end > start && out[end..].starts_with(']') {
                    if let Some(l) = self.locs.get(&out[i..=end]) {
                        let words = format!("row {} of {}", l.row, self.shown[l.sheet]);
                        out.replace_range(i..=end, &words);
                        from = i + words.len();
                        continue;
                    }
                }
                from = start;
            }
        }
        out
    }
}

/// A comparator's name in each language it is written in, as values and breakdown rows may
/// name it.
fn comparator_names(obj: &OrderedJson) -> Vec<String> {
    match obj.get("name") {
        Some(OrderedJson::String(s)) => vec![s.clone()],
        Some(OrderedJson::Object(m)) => m
            .iter()
            .filter_map(|(_, v)| match v {
                OrderedJson::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// True when the CSV files' dates are month first: some day can only be read that way
/// (`01/31/2026`) and none only day first (`31/01/2026`).
fn month_first(tables: &[Option<Table>]) -> bool {
    let (mut dmy, mut mdy) = (false, false);
    for t in tables.iter().flatten() {
        for (ci, c) in SHEETS[t.def].cols.iter().enumerate() {
            if !matches!(c.kind, Kind::Date | Kind::Period) {
                continue;
            }
            for &(_, cells) in &t.rows {
                if let Some((a, b)) = t.cell(cells, ci, 0).and_then(|c| match c {
                    Cell::Text(s) => day_month(s),
                    _ => None,
                }) {
                    dmy |= a > 12 && b <= 12;
                    mdy |= b > 12 && a <= 12;
                }
            }
        }
    }
    mdy && !dmy
}

/// Reads a spreadsheet as a feed: builds the feed's JSON from the rows, checks it with the
/// validator, and reports every problem by sheet, row and column.
pub fn import(wb: &Workbook) -> Import {
    let mut b = Builder {
        wb,
        how: How {
            csv: wb.source == Source::CsvFolder,
            month_first: false,
        },
        problems: wb.problems.clone(),
        locs: HashMap::new(),
        shown: SHEETS
            .iter()
            .map(|d| match wb.source {
                Source::CsvFolder => format!("{}.csv", d.name),
                _ => d.name.to_string(),
            })
            .collect(),
    };
    let tables = b.tables();
    if b.how.csv {
        b.how.month_first = month_first(&tables);
        if b.how.month_first {
            b.problem(
                Severity::Warning,
                None,
                None,
                None,
                "the dates in these CSV files are written month first (12/31/2026), as some programs save them, so every date like 01/02/2026 is read as 2 January; check a few".into(),
            );
        }
    }
    let mut root = b.feed(&tables);
    order(&mut root, "Feed");
    let mut json = String::new();
    write_json(&root, 0, &mut json);
    json.push('\n');
    let report = validate::check_text(&json);
    b.validator_problems(&report, tables[PLAN].is_none());
    let mut problems = b.problems;
    problems.sort_by_key(|p| p.order);
    Import {
        json,
        report,
        problems,
    }
}

impl Builder<'_> {
    /// The feed's JSON from the template's tables: the plan, then the top-level lists, then
    /// the lists inside their items.
    fn feed(&mut self, tables: &[Option<Table>]) -> OrderedJson {
        let mut root = OrderedJson::Object(Vec::new());
        if let Some(t) = &tables[PLAN] {
            self.plan(t, &mut root);
        }
        let mut ids: Vec<HashMap<String, usize>> = vec![HashMap::new(); SHEETS.len()];
        for (i, d) in SHEETS.iter().enumerate() {
            if let (Place::List(key), Some(t)) = (d.place, &tables[i]) {
                if !t.rows.is_empty() || i == ACTIONS {
                    ids[i] = self.list(t, &mut root, key);
                }
            }
        }
        if root.get("actions").is_none() {
            root.set(&["actions"], OrderedJson::Array(Vec::new()));
        }
        let mut comparators = HashMap::new();
        for (i, d) in SHEETS.iter().enumerate() {
            if let (Place::Child { parent, .. }, Some(t)) = (d.place, &tables[i]) {
                self.children(t, &mut root, &ids[parent], &mut comparators);
            }
        }
        root
    }

    /// Each of the validator's problems, at the sheet, row and column its JSON path came
    /// from; with `no_plan`, none about the plan sheet's keys.
    fn validator_problems(&mut self, report: &Report, no_plan: bool) {
        for p in &report.problems {
            let top = p.path.split(['.', '[']).next().unwrap_or("");
            if no_plan
                && matches!(
                    top,
                    "" | "schema_version" | "as_of" | "published" | "publisher" | "plan"
                )
            {
                // "The workbook has no sheet plan" says it all.
                continue;
            }
            let loc = self.lookup(&p.path).cloned();
            let message = self.rows_in(&p.message);
            self.problem(
                p.severity,
                loc.as_ref().map(|l| l.sheet),
                loc.as_ref().map(|l| l.row),
                loc.and_then(|l| l.col),
                message,
            );
            if let Some(last) = self.problems.last_mut() {
                last.rule = Some(p.rule);
                last.json_at = Some((p.line, p.column));
            }
        }
    }
}
