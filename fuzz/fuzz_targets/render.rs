//! `cargo +nightly fuzz run render`: what `check` does, then every view as the static page
//! (overview with its charts, actions, findings, indicators, in English and Welsh) and the
//! CSV export, the code every feed reaches. Any panic, abort, out-of-memory or timeout (a
//! frozen browser tab) is a bug.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod support;

use action_plan_tracker::i18n::Lang;
use action_plan_tracker::validate::check;
use action_plan_tracker::{csv, page};
use libfuzzer_sys::fuzz_target;
use support::invariants;

fuzz_target!(|data: &[u8]| {
    let report = check(data);
    // The same promises as tests/properties.rs checks.
    if invariants(&report)
        .unwrap_or_else(|broken| panic!("{broken}"))
        .is_none()
    {
        return;
    }

    let feed = report.feed.as_ref().expect("a summary means a feed");
    // Keep each run cheap: the views are O(size) for ordinary feeds.
    if data.len() <= 64 * 1024 {
        for lang in [Lang::En, Lang::Cy] {
            let html = page::render(&report, lang).expect("a feed means a page");
            assert!(
                !html.contains("<script"),
                "the static page never has a script"
            );
            let all: Vec<usize> = (0..feed.actions.len()).collect();
            let _ = csv::actions(feed, &all, lang);
        }
    }
});
