//! `cargo +nightly fuzz run check`: any bytes, as a council's server might send them.
//!
//! Reads the bytes with `validate::check` exactly as the widget does; whenever a feed comes
//! out, its `Summary` must keep the invariants of embedding.md. Any panic, abort,
//! out-of-memory or timeout is a bug: the widget promises never to panic on any input.
//! (`render` goes on to the views, the static page and the CSV.)
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod support;

use action_plan_tracker::validate::check;
use libfuzzer_sys::fuzz_target;
use support::invariants;

fuzz_target!(|data: &[u8]| {
    let report = check(data);
    // The same promises as tests/properties.rs checks.
    if let Err(broken) = invariants(&report) {
        panic!("{broken}");
    }
});
