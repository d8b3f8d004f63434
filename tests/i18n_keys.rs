//! Every interface string in the source has Welsh, and no Welsh is left that the source no
//! longer uses: read from the files under `src/` as they are on disk. A small Rust lexer finds
//! the English given to `t(`, `tf(`, `tv(` and `tn(` (and, for the few calls that pass it on,
//! where [`INDIRECT`] says it comes from), so a new string without Welsh fails here with its
//! file and line. It lives here, not in the library, so that the crate's own source holds no
//! lexer.

use action_plan_tracker::i18n::{self, tn, Lang};

// ---- A small scanner for the interface strings used in the source ----------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
    Str(String),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

/// Splits Rust source into identifiers, punctuation and (decoded) string literals, skipping
/// comments, char literals and lifetimes. Tolerant: it never fails, it only has to be good
/// enough to find the arguments of `t(`, `tf(` and `tn(`.
fn lex(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' {
            let start = line;
            let mut s = String::new();
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                    match at(i) {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'r' => s.push('\r'),
                        '0' => s.push('\0'),
                        'u' => {
                            let close = (i..c.len()).find(|&j| c[j] == '}').unwrap_or(i);
                            let hex: String = c[i + 2..close].iter().collect();
                            s.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                            i = close;
                        }
                        '\n' => {
                            line += 1;
                            while at(i + 1).is_whitespace() {
                                if at(i + 1) == '\n' {
                                    line += 1;
                                }
                                i += 1;
                            }
                        }
                        other => s.push(other),
                    }
                    i += 1;
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    s.push(c[i]);
                    i += 1;
                }
            }
            i += 1;
            out.push(Token {
                tok: Tok::Str(s),
                line: start,
            });
        } else if ch == '\'' {
            if at(i + 1) == '\\' {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                out.push(Token {
                    tok: Tok::Punct('\''),
                    line,
                });
                i += 1;
            }
        } else if ch.is_alphanumeric() || ch == '_' {
            let mut w = String::new();
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                w.push(c[i]);
                i += 1;
            }
            // Raw strings: r"…", r#"…"#, br"…".
            if (w == "r" || w == "br") && (at(i) == '"' || at(i) == '#') {
                let mut hashes = 0;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                if at(i) == '"' {
                    let start = line;
                    i += 1;
                    let mut s = String::new();
                    while i < c.len() {
                        if c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                            i += 1 + hashes;
                            break;
                        }
                        if c[i] == '\n' {
                            line += 1;
                        }
                        s.push(c[i]);
                        i += 1;
                    }
                    out.push(Token {
                        tok: Tok::Str(s),
                        line: start,
                    });
                    continue;
                }
            }
            if w != "b" || at(i) != '"' {
                out.push(Token {
                    tok: Tok::Ident(w),
                    line,
                });
            }
        } else {
            out.push(Token {
                tok: Tok::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    out
}

/// The index of the bracket closing the one at `open`.
fn closing(toks: &[Token], open: usize) -> usize {
    let mut depth = 0i32;
    for (j, tk) in toks.iter().enumerate().skip(open) {
        match tk.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

/// A literal that is a match pattern (`"x" =>`, `"x" | "y"`, `"x" if …`), not a value.
fn is_pattern(toks: &[Token], j: usize) -> bool {
    match toks.get(j + 1).map(|t| &t.tok) {
        Some(Tok::Punct('|')) => true,
        Some(Tok::Ident(w)) => w == "if",
        Some(Tok::Punct('=')) => {
            matches!(toks.get(j + 2).map(|t| &t.tok), Some(Tok::Punct('>')))
        }
        _ => false,
    }
}

/// The value literals (not match patterns) in `toks[from..to]`.
fn values(toks: &[Token], from: usize, to: usize) -> Vec<(String, usize)> {
    (from..to.min(toks.len()))
        .filter(|&j| !is_pattern(toks, j))
        .filter_map(|j| match &toks[j].tok {
            Tok::Str(s) => Some((s.clone(), toks[j].line)),
            _ => None,
        })
        .collect()
}

/// Calls whose strings the scanner cannot see at the call (no literal, and no
/// `let NAME = …;` to follow): (module, enclosing function, where the strings are). A module
/// is named by its path under `src/` without `.rs`, and stands for its file and every file in
/// its folder (`render/view` is `render/view.rs` and `render/view/*.rs`), so an entry still
/// holds when a module is split into a folder.
enum Via {
    /// A wrapper that passes its own argument on (its callers are scanned instead).
    PassThrough,
    /// Every literal with a letter in it, in the function's body, is a key.
    FnLiterals,
    /// Every literal in `let NAME = [ … ]` in the function is a key.
    Array(&'static str),
    /// Every pair of adjacent literals `"{n} …", "{n} …"` in the function is a `tn` pair.
    TnPairs,
}
const INDIRECT: &[(&str, &str, Via)] = &[
    ("render/i18n", "tf", Via::PassThrough),
    ("render/i18n", "tv", Via::PassThrough),
    ("render/i18n", "tn", Via::PassThrough),
    ("render/view", "t", Via::PassThrough),
    ("render/view", "trend", Via::FnLiterals),
    ("publish/csv", "header", Via::Array("heads")),
    ("render/chart", "status_by_priority", Via::TnPairs),
];

/// Whether `file` (a path under `src/`) is in `module`: its own file, or one in its folder.
fn in_module(file: &str, module: &str) -> bool {
    file.strip_suffix(".rs") == Some(module)
        || file
            .strip_prefix(module)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The body of `fn name` as a token range.
fn fn_body(toks: &[Token], name: &str) -> Option<(usize, usize)> {
    let at = toks
        .windows(2)
        .position(|w| w[0].tok == Tok::Ident("fn".into()) && w[1].tok == Tok::Ident(name.into()))?;
    let open = (at..toks.len()).find(|&j| toks[j].tok == Tok::Punct('{'))?;
    Some((open, closing(toks, open)))
}

/// A call's arguments, `toks[open + 1..close]` split at top-level commas.
fn args(toks: &[Token], open: usize, close: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = open + 1;
    let end = close.min(toks.len());
    for (j, t) in toks.iter().enumerate().take(end).skip(open + 1) {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',') if depth == 0 => {
                out.push((start, j));
                start = j + 1;
            }
            _ => {}
        }
    }
    if start < close {
        out.push((start, close));
    }
    out
}

/// The keys one argument yields: its value literals (a literal, or the arms of a `match` or
/// `if` in it), or for a lone identifier those of its `let NAME = …;` earlier in the function.
fn arg_keys(toks: &[Token], (a, b): (usize, usize), fn_start: usize) -> Vec<(String, usize)> {
    let v = values(toks, a, b);
    if !v.is_empty() || b != a + 1 {
        return v;
    }
    let Tok::Ident(name) = &toks[a].tok else {
        return v;
    };
    let binding = (fn_start..a).rev().find(|&j| {
        toks[j].tok == Tok::Ident("let".into())
            && (toks[j + 1].tok == Tok::Ident(name.clone())
                || (toks[j + 1].tok == Tok::Ident("mut".into())
                    && toks.get(j + 2).map(|t| &t.tok) == Some(&Tok::Ident(name.clone()))))
    });
    let Some(j) = binding else { return v };
    let Some(eq) = (j..a).find(|&k| toks[k].tok == Tok::Punct('=')) else {
        return v;
    };
    let mut depth = 0i32;
    let mut end = eq;
    while end < a {
        match toks[end].tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(';') if depth == 0 => break,
            _ => {}
        }
        end += 1;
    }
    values(toks, eq + 1, end)
}

#[derive(Default)]
struct Found {
    /// (English, file:line) for `t` and `tf`.
    keys: Vec<(String, String)>,
    /// (English one form, English other form, file:line) for `tn`.
    counted: Vec<(String, String, String)>,
    /// Calls the scanner cannot follow.
    unknown: Vec<String>,
}

fn scan_file(file: &str, src: &str, found: &mut Found) {
    // Test code is not interface: stop at the test module.
    let src = src
        .find("#[cfg(test)]\nmod tests")
        .map_or(src, |i| &src[..i]);
    let toks = lex(src);
    let place = |line: usize| format!("src/{file}:{line}");
    let (mut current_fn, mut fn_start) = (String::new(), 0);
    for i in 0..toks.len() {
        let Tok::Ident(name) = &toks[i].tok else {
            continue;
        };
        if name == "fn" {
            if let Some(Tok::Ident(f)) = toks.get(i + 1).map(|t| &t.tok) {
                current_fn = f.clone();
                fn_start = i;
            }
            continue;
        }
        if !matches!(name.as_str(), "t" | "tf" | "tn" | "tv")
            || toks.get(i + 1).map(|t| &t.tok) != Some(&Tok::Punct('('))
        {
            continue;
        }
        let method = match i.checked_sub(1).map(|p| &toks[p].tok) {
            Some(Tok::Ident(w)) if w == "fn" => continue,
            Some(Tok::Punct('.')) if name != "t" => continue,
            Some(Tok::Punct('.')) => true,
            _ => false,
        };
        let args = args(&toks, i + 1, closing(&toks, i + 1));
        let arg = |n: usize| {
            args.get(n)
                .map_or_else(Vec::new, |&r| arg_keys(&toks, r, fn_start))
        };
        let seen = match name.as_str() {
            "tn" => {
                let (one, other) = (arg(2), arg(3));
                let ok = !one.is_empty() && one.len() == other.len();
                if ok {
                    found.counted.extend(
                        one.into_iter()
                            .zip(other)
                            .map(|((o, l), (p, _))| (o, p, place(l))),
                    );
                }
                ok
            }
            _ => {
                let keys = arg(if method { 0 } else { 1 });
                let ok = !keys.is_empty();
                found
                    .keys
                    .extend(keys.into_iter().map(|(s, l)| (s, place(l))));
                ok
            }
        };
        if seen {
            continue;
        }
        follow_indirect(file, &toks, &current_fn, name, toks[i].line, found);
    }
}

/// A call whose strings the scanner cannot see at the call (`name(` at `line`, in fn
/// `current_fn`): its strings where [`INDIRECT`] says they are, or a note that it cannot be
/// followed.
fn follow_indirect(
    file: &str,
    toks: &[Token],
    current_fn: &str,
    name: &str,
    line: usize,
    found: &mut Found,
) {
    let place = |line: usize| format!("src/{file}:{line}");
    let body = || fn_body(toks, current_fn).unwrap_or((0, 0));
    match INDIRECT
        .iter()
        .find(|(m, n, _)| in_module(file, m) && *n == current_fn)
    {
        Some((_, _, Via::PassThrough)) => {}
        Some((_, _, Via::FnLiterals)) => {
            let (a, b) = body();
            found.keys.extend(
                values(toks, a, b)
                    .into_iter()
                    .filter(|(s, _)| s.chars().any(char::is_alphabetic))
                    .map(|(s, l)| (s, place(l))),
            );
        }
        Some((_, _, Via::TnPairs)) => {
            let (a, b) = body();
            let lit = |j: usize| match toks.get(j).map(|t| &t.tok) {
                Some(Tok::Str(s)) if s.contains("{n}") && j < b => Some(s.clone()),
                _ => None,
            };
            let before = found.counted.len();
            for j in a..b {
                if let (Some(one), Some(Tok::Punct(',')), Some(other)) =
                    (lit(j), toks.get(j + 1).map(|t| &t.tok), lit(j + 2))
                {
                    found.counted.push((one, other, place(toks[j].line)));
                }
            }
            if found.counted.len() == before {
                found.unknown.push(format!(
                    "{} (no \"{{n}} …\", \"{{n}} …\" pairs in fn {current_fn})",
                    place(line)
                ));
            }
        }
        Some((_, _, Via::Array(arr))) => {
            let (a, b) = body();
            let start = (a..b).find(|&j| {
                toks[j].tok == Tok::Ident("let".into())
                    && toks.get(j + 1).map(|t| &t.tok) == Some(&Tok::Ident((*arr).into()))
            });
            match start.and_then(|j| (j..b).find(|&k| toks[k].tok == Tok::Punct('['))) {
                Some(open) => found.keys.extend(
                    values(toks, open, closing(toks, open))
                        .into_iter()
                        .map(|(s, l)| (s, place(l))),
                ),
                None => found.unknown.push(format!(
                    "{} (no `let {arr} = [` in fn {current_fn})",
                    place(line)
                )),
            }
        }
        None => found.unknown.push(format!(
            "{} ({name}( in fn {current_fn} has no string literal argument)",
            place(line)
        )),
    }
}

/// Every `.rs` file under `src/` (read now, so the test sees what is on disk).
fn scan_source() -> Found {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir)
            .expect("readable source directory")
            .flatten()
        {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    let mut found = Found::default();
    for p in files {
        let src = std::fs::read_to_string(&p).expect("readable source");
        let name = p
            .strip_prefix(&dir)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        scan_file(&name, &src, &mut found);
    }
    found
}

#[test]
fn scanner_reads_rust_literals() {
    let src = "fn f() { let c = '\"'; let q = '\\''; x.t(\"A \\\"b\\\"\"); t(\n  lang,\n  match k {\n \"k\" => \"One\",\n _ => r#\"Two \"2\"\"#,\n },\n);\n tn(lang, n, \"{n} cat\",\n \"{n} cats\"); tf(lang, \"Hi {x}\", &[(\"x\", \"y\")]); fn t(a: u8) {} }";
    let mut found = Found::default();
    scan_file("x.rs", src, &mut found);
    let keys: Vec<&str> = found.keys.iter().map(|k| k.0.as_str()).collect();
    assert_eq!(keys, ["A \"b\"", "One", "Two \"2\"", "Hi {x}"]);
    assert_eq!(found.counted[0].0, "{n} cat");
    assert_eq!(found.counted[0].1, "{n} cats");
    assert_eq!(found.counted[0].2, "src/x.rs:8");
    assert!(found.unknown.is_empty());
    let mut found = Found::default();
    scan_file("x.rs", "fn g(w: &'static str) { t(lang, w) }", &mut found);
    assert_eq!(found.unknown.len(), 1);
    // A template chosen earlier by `let` is followed; placeholder names are not keys.
    let src = "fn h() { let tpl = if up { \"Rose to {x}\" } else { \"Fell to {x}\" };\n tf(lang, tpl, &[(\"x\", &v)]); }";
    let mut found = Found::default();
    scan_file("x.rs", src, &mut found);
    let keys: Vec<&str> = found.keys.iter().map(|k| k.0.as_str()).collect();
    assert_eq!(keys, ["Rose to {x}", "Fell to {x}"]);
    assert!(found.unknown.is_empty());
}

#[test]
fn an_indirect_entry_covers_its_module_split_into_a_folder() {
    assert!(in_module("render/view.rs", "render/view"));
    assert!(in_module("render/view/indicators.rs", "render/view"));
    assert!(in_module("render/i18n/mod.rs", "render/i18n"));
    assert!(!in_module("render/views.rs", "render/view"));
    assert!(!in_module("render/viewer/mod.rs", "render/view"));
}

/// What is wrong between what the scanner found and the Welsh tables.
fn missing_welsh(found: &Found) -> Vec<String> {
    let mut problems: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (en, at) in &found.keys {
        if i18n::cy(en).is_none() && seen.insert(en.clone()) {
            problems.push(format!("no Welsh in CY for {en:?} ({at})"));
        }
    }
    for (one, other, at) in &found.counted {
        if i18n::cy(other).is_none() && seen.insert(other.clone()) {
            problems.push(format!(
                "no Welsh in CY for the counted phrase {other:?} (one form {one:?}, {at})"
            ));
        }
    }
    for u in &found.unknown {
        problems.push(format!(
            "cannot see which strings reach this call, so cannot check their Welsh: {u}; \
             pass a literal, or tell INDIRECT in tests/i18n_keys.rs where they come from"
        ));
    }
    problems
}

/// Every interface string in the source has Welsh.
#[test]
fn every_interface_string_has_welsh() {
    let found = scan_source();
    assert!(
        found.keys.len() > 100 && found.counted.len() > 3,
        "the scanner found too little ({} strings, {} counted phrases): is it broken?",
        found.keys.len(),
        found.counted.len()
    );
    let problems = missing_welsh(&found);
    assert!(
        problems.is_empty(),
        "{} problem(s) with the Welsh tables:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// No Welsh is left behind for English the source no longer uses (a reworded string
/// shows up here and as missing above).
#[test]
fn every_welsh_entry_is_used() {
    let found = scan_source();
    let used: std::collections::HashSet<&str> = found
        .keys
        .iter()
        .map(|k| k.0.as_str())
        .chain(found.counted.iter().map(|c| c.1.as_str()))
        .collect();
    let unused: Vec<&str> = i18n::translated().filter(|en| !used.contains(en)).collect();
    assert!(
        unused.is_empty(),
        "Welsh for English no longer in the source (remove it, or reword it to match):\n{}",
        unused.join("\n")
    );
}

#[test]
fn new_words_without_welsh_are_caught() {
    let src = "fn f(lang: Lang) {\n let a = t(lang, \"Overview\");\n let b = t(lang, \"New words\");\n let c = tn(lang, n, \"{n} new thing\", \"{n} new things\");\n let d = tf(\n  lang,\n  \"Fresh {x}\",\n  &[(\"x\", \"y\")],\n );\n}";
    let mut found = Found::default();
    scan_file("new.rs", src, &mut found);
    let problems = missing_welsh(&found);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].contains("\"New words\" (src/new.rs:3)"));
    assert!(problems[1].contains("\"Fresh {x}\" (src/new.rs:7)"));
    assert!(problems[2].contains("counted phrase \"{n} new things\""));
}

/// Every counted phrase at 0, 1, 2, 3, 6 and 11: zero is never "0 …" (but "Dim …" or a
/// sentence), and a masculine "cam" takes its numeral's mutation.
#[test]
fn every_counted_phrase_reads_right_at_0_1_2_3_6_11() {
    let found = scan_source();
    assert!(
        found.counted.len() > 10,
        "the scanner found too few counted phrases"
    );
    for (_, en, _) in &found.counted {
        // No Welsh is reported by the test above.
        let Some(en) = i18n::translated().find(|k| k == en) else {
            continue;
        };
        let at = |n| tn(Lang::Cy, n, en, en);
        // A number that is a value, not a count of things, stays a digit at zero.
        if en != "{n} days" && en != "{n} weeks" {
            let zero = at(0);
            assert!(
                !zero.split_whitespace().any(|w| w == "0"),
                "{en:?} at 0: {zero:?}"
            );
        }
        if at(11).contains("11 cam ") {
            for (n, noun) in [
                (1, "cam"),
                (2, "gam"),
                (3, "cham"),
                (6, "cham"),
                (11, "cam"),
            ] {
                let want = format!("{n} {noun} gweithredu");
                assert!(at(n).contains(&want), "{en:?} at {n}: {:?}", at(n));
            }
        }
    }
}
