//! The crate's layers (docs/architecture.md): every module under `src/` imports only from its
//! own layer or the layers before it, so the core never depends on the views, nor the views on
//! the browser. Read from the source files themselves, so a new `use` that breaks the order
//! fails here with the file and line.

use std::path::{Path, PathBuf};

/// The layers, lowest first, and the short names (`crate::feed`, re-exported by lib.rs) that
/// belong to each.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "model",
        &[
            "model", "json", "date", "decimal", "lang", "feed", "validate", "sort",
        ],
    ),
    (
        "derive",
        &["derive", "summary", "filter", "changes", "relations"],
    ),
    (
        "render",
        &[
            "render", "markup", "words", "table", "i18n", "chart", "view",
        ],
    ),
    ("publish", &["publish", "page", "csv", "sheet"]),
    ("web", &["web", "cli"]),
];

fn layer_of_name(name: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, names)| names.contains(&name))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("readable src").flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::NAME` a file's code names, with its line number, outside comments and its
/// `#[cfg(test)]` module.
fn crate_refs(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
        }
        // `use crate::{a, b}` groups.
        if let Some(at) = line.find("crate::{") {
            let group = &line[at + "crate::{".len()..];
            for name in group.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                if layer_of_name(name).is_some() {
                    out.push((n + 1, name.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn no_module_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut wrong = Vec::new();
    let mut placed = 0;
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap_or(path);
        let top = rel
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .unwrap_or_default();
        let Some(own) = LAYERS
            .iter()
            .position(|(folder, _)| *folder == top)
            .or_else(|| {
                // Files at the top of src/: cli.rs is in the top layer, lib.rs and main.rs join them.
                (top == "cli").then_some(LAYERS.len() - 1)
            })
        else {
            continue;
        };
        placed += 1;
        let text = std::fs::read_to_string(path).expect("readable source");
        for (line, name) in crate_refs(&text) {
            if let Some(theirs) = layer_of_name(&name) {
                if theirs > own {
                    wrong.push(format!(
                        "src/{}:{line} ({}) uses crate::{name} ({})",
                        rel.display(),
                        LAYERS[own].0,
                        LAYERS[theirs].0
                    ));
                }
            }
        }
    }
    assert!(placed >= 20, "only {placed} source files found under src/");
    assert!(
        wrong.is_empty(),
        "imports from a higher layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_import() {
    let refs = crate_refs(
        "//! See [`crate::web`].\nuse crate::view::Ctx;\nuse crate::{feed, chart};\n#[cfg(test)]\nuse crate::web;",
    );
    let names: Vec<&str> = refs.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["view", "feed", "chart"]);
}
