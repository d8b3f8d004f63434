//! Minifies the widget's stylesheet (src/render/style.css and src/render/chart.css) into `OUT_DIR` for
//! `render::STYLE`: comments and extra white space out, strings kept exactly. The stylesheet is
//! compiled into the WebAssembly the widget downloads, so every byte counts; the sources stay
//! commented and readable.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                if space && !out.ends_with(['{', '}', ';', ',', ':']) && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => {
                let tight = ['{', '}', ';', ','];
                if space
                    && !out.is_empty()
                    && !out.ends_with(tight)
                    && !out.ends_with(':')
                    && !tight.contains(&c)
                {
                    out.push(' ');
                }
                space = false;
                // The last declaration of a block needs no semicolon.
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

fn main() {
    let mut css = String::new();
    for file in ["src/render/style.css", "src/render/chart.css"] {
        println!("cargo:rerun-if-changed={file}");
        css.push_str(&fs::read_to_string(file).expect("the widget's stylesheet"));
        css.push('\n');
    }
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out).join("style.css"), minify(&css)).expect("write the stylesheet");
}
