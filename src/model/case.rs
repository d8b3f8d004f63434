//! Letters put in lower case, for searching and for "did you mean": the same answer as the
//! standard library's `char::to_lowercase`, from a table a tenth of its size.
//!
//! The standard library keeps one pair of letters for each of Unicode's 1,400-odd capitals,
//! 11 KB that was the largest table in the widget's WebAssembly. Most capitals sit in runs
//! whose lower case is a fixed distance away ("A"–"Z", "Α"–"Ω"), or every other letter
//! ("Ā", "Ă", … in Latin Extended-A), so [`RUNS`] holds those runs instead: under 200 of
//! them. A test checks every `char` against the standard library, and writes the table again
//! when a new Rust brings a new Unicode (`UPDATE_CASE=1 cargo test --lib case`). The table
//! says which Unicode it was written from ([`UNICODE`]): an older Rust (back to the crate's
//! `rust-version`) gets the newer table, which only knows more capitals, and skips the
//! comparison.

include!("case_table.rs");

/// The lower case of `c`, or `c` itself. Where the standard library gives two letters (only
/// "İ", a capital I with a dot, which gives "i" and a combining dot) this gives the first.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = c as u32;
    // The last run that starts at or before `c`.
    let at = RUNS.partition_point(|&(packed, _)| packed >> 8 <= code);
    let Some(&(packed, delta)) = at.checked_sub(1).and_then(|k| RUNS.get(k)) else {
        return c;
    };
    let (first, len, step) = (packed >> 8, (packed >> 1) & 0x7f, 1 + (packed & 1));
    let offset = code - first;
    if offset < len * step && offset.is_multiple_of(step) {
        char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether this Rust's Unicode is the table's, so that the standard library's answers are
    /// the table's to compare with; fails when this Rust's is newer (the table must be written
    /// again), says so and skips when it is older.
    fn same_unicode() -> bool {
        let (this, table) = (char::UNICODE_VERSION, UNICODE);
        assert!(
            this <= table,
            "this Rust has Unicode {this:?}, src/model/case_table.rs {table:?}: \
             UPDATE_CASE=1 cargo test --lib case, then run the tests again"
        );
        if this < table {
            eprintln!("skipped: this Rust has Unicode {this:?}, the case table {table:?}");
        }
        this == table
    }

    /// The standard library's answer, first letter: what [`lower`] must give.
    fn std_lower(c: char) -> char {
        c.to_lowercase().next().unwrap_or(c)
    }

    /// [`RUNS`] from the standard library: each run is a first letter, how many letters it
    /// covers, every letter or every other one, and the distance to their lower case.
    fn runs_from_std() -> Vec<(u32, u32, u32, i64)> {
        let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let l = std_lower(c);
            if c.is_ascii() || l == c {
                continue;
            }
            let (code, delta) = (c as u32, i64::from(l as u32) - i64::from(c as u32));
            if let Some((first, len, step, d)) = runs.last_mut() {
                let gap = code - (*first + (*len - 1) * *step);
                let fits = *len == 1 && gap <= 2 || *len > 1 && gap == *step;
                if *d == delta && fits && *len < 0x7f {
                    if *len == 1 {
                        *step = gap;
                    }
                    *len += 1;
                    continue;
                }
            }
            runs.push((code, 1, 1, delta));
        }
        runs
    }

    /// The text of `case_table.rs` for `runs`.
    fn table_source(runs: &[(u32, u32, u32, i64)]) -> String {
        let mut out = String::from(
            "// Written by `UPDATE_CASE=1 cargo test --lib case` from the standard library's\n\
             // `char::to_lowercase`: do not edit. See src/model/case.rs.\n\n\
             /// The Unicode version of the standard library the table was written from.\n\
             pub const UNICODE: (u8, u8, u8) = ",
        );
        out += &format!(
            "{:?};\n\n\
             /// Runs of capitals and how far away their lower case is: (first letter << 8 | \
             letters << 1 | every other letter, distance), in order of first letter.\n\
             #[rustfmt::skip]\n\
             static RUNS: [(u32, i32); {}] = [\n",
            char::UNICODE_VERSION,
            runs.len()
        );
        for chunk in runs.chunks(4) {
            let row: Vec<String> = chunk
                .iter()
                .map(|&(first, len, step, delta)| {
                    format!("(0x{:x}, {delta})", first << 8 | len << 1 | (step - 1))
                })
                .collect();
            out += &format!("    {},\n", row.join(", "));
        }
        out + "];\n"
    }

    #[test]
    fn the_table_is_the_standard_librarys() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/case_table.rs");
        let want = table_source(&runs_from_std());
        // Never written back to an older Unicode by an older Rust.
        if std::env::var_os("UPDATE_CASE").is_some() && char::UNICODE_VERSION >= UNICODE {
            std::fs::write(&path, &want).unwrap();
        }
        if !same_unicode() {
            return;
        }
        let have = std::fs::read_to_string(&path).unwrap();
        assert!(
            have == want,
            "src/model/case_table.rs is not this Rust's Unicode: \
             UPDATE_CASE=1 cargo test --lib case, then run the tests again"
        );
    }

    #[test]
    fn every_letter_as_the_standard_library_puts_it() {
        if !same_unicode() {
            return;
        }
        let wrong: Vec<char> = (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|&c| lower(c) != std_lower(c))
            .collect();
        assert!(
            wrong.is_empty(),
            "{} wrong, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
    }

    #[test]
    fn capitals_of_welsh_greek_and_cyrillic() {
        let text: String = "ŴŶÂ ĀĂ ΣΩ ЖЁ İ Ǆ".chars().map(lower).collect();
        assert_eq!(text, "ŵŷâ āă σω жё i ǆ");
    }
}
