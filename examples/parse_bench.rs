//! Parse + validate time against a plain JSON parse, natively: the stand-in for the browser's
//! "parse + validate vs JSON.parse" figure of `make bench` (bench/ANALYSIS.md §4).
//!
//! ```sh
//! node bench/generate.mjs                       # writes bench/feeds/actions-*.json
//! cargo run --release --example parse_bench     # bench/feeds/actions-10000.json, 15 rounds
//! cargo run --release --example parse_bench -- FEED.json 30
//! ```
//!
//! Each round times `validate::check_text` (our reader: JSON text to the typed feed and its
//! report) and `serde_json::from_str::<serde_json::Value>` (a tree of every value, as
//! `JSON.parse` builds) on the same text, one after the other (each first in every other
//! round), so both see the same machine load; the ratio of their medians is the figure to
//! read. Ours includes dropping the feed (the widget's `validate()` drops it before it
//! returns); serde_json's does not (`JSON.parse`'s result is collected later). Absolute times
//! depend on the load of this shared machine.

use action_plan_tracker::validate;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "bench/feeds/actions-10000.json".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(15);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}; run `node bench/generate.mjs` first");
            std::process::exit(1);
        }
    };
    let report = validate::check_text(&text);
    let actions = report.feed.as_ref().map_or(0, |f| f.actions.len());
    println!(
        "{path}: {:.2} MB, {actions} actions, {} problems; {rounds} rounds",
        text.len() as f64 / 1e6,
        report.problems.len()
    );
    let mut ours = Vec::with_capacity(rounds);
    let mut theirs = Vec::with_capacity(rounds);
    let mut ratios = Vec::with_capacity(rounds);
    for round in 0..rounds {
        // Each side runs first in every other round: what one leaves in the allocator
        // falls on both alike.
        let (a, b) = if round % 2 == 0 {
            let a = ours_once(&text);
            (a, theirs_once(&text))
        } else {
            let b = theirs_once(&text);
            (ours_once(&text), b)
        };
        ours.push(a);
        theirs.push(b);
        ratios.push(a / b);
    }
    let (a, b, r) = (median(&mut ours), median(&mut theirs), median(&mut ratios));
    println!("check_text             median {a:8.2} ms");
    println!("serde_json::Value      median {b:8.2} ms");
    println!(
        "ratio of medians {:.2}x; median of per-round ratios {r:.2}x",
        a / b
    );
}

/// Milliseconds of `check_text`, dropping the report and its feed inside the time, as the
/// widget's `validate()` does.
fn ours_once(text: &str) -> f64 {
    let t = Instant::now();
    drop(std::hint::black_box(validate::check_text(text)));
    t.elapsed().as_secs_f64() * 1e3
}

/// Milliseconds of `JSON.parse`'s stand-in, a tree of every value, dropped after the time (as
/// `JSON.parse`'s result is collected later).
fn theirs_once(text: &str) -> f64 {
    let t = Instant::now();
    let v = std::hint::black_box(serde_json::from_str::<serde_json::Value>(text));
    let ms = t.elapsed().as_secs_f64() * 1e3;
    drop(v);
    ms
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}
