//! The published JSON Schema (`www/schema/feed-v1.json`) is exactly what the Rust types
//! generate, and it names the same keys as the validator, so neither can drift.

use action_plan_tracker::feed::schema;
use action_plan_tracker::validate::KEYS;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

const COMMITTED: &str = "www/schema/feed-v1.json";
const REFRESH: &str = "cargo run -q -- schema > www/schema/feed-v1.json";

fn generated() -> String {
    serde_json::to_string_pretty(&schema()).unwrap() + "\n"
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(COMMITTED);
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {COMMITTED} ({e}); create it with: {REFRESH}"));
    let fresh = generated();
    if committed != fresh {
        let first = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()));
        panic!(
            "{COMMITTED} is out of date with the Rust types in src/model/feed.rs.\n\
             Refresh it with:\n\n    {REFRESH}\n\n\
             and review the difference before committing.\n\
             First difference at line {}:\n  committed: {:?}\n  generated: {:?}",
            first + 1,
            committed.lines().nth(first).unwrap_or("(end of file)"),
            fresh.lines().nth(first).unwrap_or("(end of file)"),
        );
    }
}

#[test]
fn the_schema_is_a_draft_2020_12_schema_of_an_object() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["type"], "object");
    for k in ["schema_version", "publisher", "as_of", "plan", "actions"] {
        assert!(
            s["required"].as_array().unwrap().iter().any(|r| r == k),
            "feed-v1.md: {k} is required"
        );
    }
}

/// The property names of an object schema, looking inside `anyOf`/`oneOf`/`allOf` branches
/// for definitions such as `Text` that are "a string or an object".
fn object_properties(def: &Value) -> Option<BTreeSet<String>> {
    if let Some(props) = def.get("properties").and_then(Value::as_object) {
        return Some(props.keys().cloned().collect());
    }
    if def.get("type") == Some(&Value::from("object")) {
        return Some(BTreeSet::new());
    }
    for combinator in ["anyOf", "oneOf", "allOf"] {
        for branch in def
            .get(combinator)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(p) = object_properties(branch) {
                return Some(p);
            }
        }
    }
    None
}

#[test]
fn the_validator_knows_the_keys_of_every_object_in_the_schema() {
    let s = schema();
    let mut defs: Vec<(String, BTreeSet<String>)> = vec![(
        "Feed".into(),
        object_properties(&s).expect("the root is an object"),
    )];
    for (name, def) in s["$defs"].as_object().expect("$defs") {
        if let Some(props) = object_properties(def) {
            defs.push((name.clone(), props));
        }
    }
    let mut problems = Vec::new();
    for (name, props) in &defs {
        match KEYS.iter().find(|(d, _)| d == name) {
            None => problems.push(format!(
                "validate::KEYS has no entry for \"{name}\", whose keys in the schema are {props:?} \
                 (so the validator calls every one of them an unknown key)"
            )),
            Some((_, keys)) => {
                let keys: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
                if &keys != props {
                    problems.push(format!(
                        "\"{name}\": only in the schema {:?}; only in validate::KEYS {:?}",
                        props.difference(&keys).collect::<Vec<_>>(),
                        keys.difference(props).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    for (name, _) in KEYS {
        if !defs.iter().any(|(d, _)| d == name) {
            problems.push(format!(
                "validate::KEYS has \"{name}\", but the schema has no object definition of that name"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the schema's objects and validate::KEYS disagree:\n  {}",
        problems.join("\n  ")
    );
}
