//! The static page: the whole plan as one self-contained HTML document.
//!
//! `action-plan-tracker render` writes it for councils that want the plan without
//! JavaScript, as fallback content inside the element, or as an appendix to committee
//! papers. It is the widget's own view code ([`view::document_body`]) serialised with
//! escaping, with the widget's stylesheet inline: no scripts, no external requests.

use crate::date::Date;
use crate::i18n::{t, tf, Lang};
use crate::report;
use crate::summary::Summary;
use crate::validate::Report;
use crate::view::{self, Ctx};

const PAGE_STYLE: &str = "body{margin:0;background:#fff}.apt-page{max-width:960px;margin:0 auto;padding:20px}\
.apt--static .apt-view{margin-top:40px;border-top:2px solid #0b0c0c;padding-top:20px}.apt-print{display:none}\
@media print{.apt-page{padding:0;max-width:none}.apt-screen{display:none}.apt-print{display:block}}";

/// The page for a checked feed in `lang`, or `None` when the feed cannot be shown at all.
/// Its changes are those since the latest meeting before `as_of`.
pub fn render(report: &Report, lang: Lang) -> Option<String> {
    render_since(report, lang, None, false)
}

/// The page for a checked feed in `lang`, with the changes since `since` (a date before
/// `as_of`; otherwise the latest meeting before `as_of`): the committee paper's "what has
/// changed since we last met" (`render --since DATE`). On screen it is every view one after
/// another; printed, it is the committee report ([`report::report`]), with every action's
/// details as an appendix when `full` (`render --full`).
pub fn render_since(
    report: &Report,
    lang: Lang,
    since: Option<Date>,
    full: bool,
) -> Option<String> {
    let feed = report.feed.as_ref()?;
    let summary = Summary::of_report(report)?.with_since(feed, since);
    let cx = Ctx {
        feed,
        summary: &summary,
        problems: &report.problems,
        lang,
        today: None,
        print: true,
        ns: "apt",
    };
    let title = format!(
        "{} – {}",
        feed.plan.title.show(lang),
        feed.publisher.name.show(lang)
    );
    let mut html = String::with_capacity(64 * 1024);
    html.push_str("<!DOCTYPE html>\n<html lang=\"");
    html.push_str(lang.code());
    html.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    crate::markup::escape(&title, &mut html);
    html.push_str("</title>\n<style>");
    html.push_str(crate::render::STYLE);
    html.push_str(PAGE_STYLE);
    html.push_str(&page_rule(&cx));
    html.push_str(
        "</style>\n</head>\n<body>\n<main class=\"apt-page\">\n<div class=\"apt-screen\">\n",
    );
    let mut body = crate::markup::Node::from(view::document_body(&cx));
    promote_headings(&mut body);
    body.write_html(&mut html);
    html.push_str("\n<p class=\"apt-secondary\">");
    crate::markup::escape(
        t(
            lang,
            "Made with action-plan-tracker from the council's published data.",
        ),
        &mut html,
    );
    html.push_str("</p>\n</div>\n<div class=\"apt-print\">\n");
    let mut printed = crate::markup::Node::from(report::report(&cx, full));
    prefix_ids(&mut printed);
    printed.write_html(&mut html);
    html.push_str("\n</div>\n</main>\n</body>\n</html>\n");
    Some(html)
}

/// The printed page: A4 with margins, and a running footer of the plan's title, its data date
/// and "Page N of M" in the reader's language (CSS page-margin boxes; feed text as escaped
/// CSS strings).
fn page_rule(cx: &Ctx) -> String {
    let lang = cx.lang;
    let left = format!(
        "{} · {}",
        cx.feed.plan.title.show(lang),
        tf(
            lang,
            "Data as at {date}",
            &[("date", &crate::i18n::date(lang, cx.feed.as_of))]
        )
    );
    // "Page {page} of {pages}" with the counters in place of the placeholders.
    let mut right = String::new();
    let mut rest = t(lang, "Page {page} of {pages}");
    while let Some(open) = rest.find('{') {
        let words = &rest[..open];
        if !words.is_empty() {
            right.push_str(&css_string(words));
            right.push(' ');
        }
        let after = &rest[open..];
        let (counter, len) = if after.starts_with("{pages}") {
            ("counter(pages) ", 7)
        } else if after.starts_with("{page}") {
            ("counter(page) ", 6)
        } else {
            ("", 1)
        };
        right.push_str(counter);
        rest = &after[len..];
    }
    if !rest.is_empty() {
        right.push_str(&css_string(rest));
    }
    let font = "font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;font-size:8pt;color:#333";
    format!(
        "@page{{size:A4;margin:14mm 13mm 16mm;\
@bottom-left{{content:{};{font};text-align:left;vertical-align:top;padding-top:3mm}}\
@bottom-right{{content:{};{font};text-align:right;vertical-align:top;padding-top:3mm;white-space:nowrap}}}}",
        css_string(&left),
        right.trim_end(),
    )
}

/// `s` as a CSS string: every character but letters, digits and spaces escaped as `\HEX `, so
/// feed text can close neither the string nor the `<style>` element.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// The printed report repeats some of the screen's ids (its charts' titles and descriptions)
/// and named boxes (its charts' tables, hidden on paper): on the static page its ids, and the
/// references to them, take the prefix `apt-r-`, and its tables' scrolling boxes are plain
/// `div`s, so that no id and no landmark's name is there twice.
fn prefix_ids(node: &mut crate::markup::Node) {
    if let crate::markup::Node::El(e) = node {
        if e.tag == "section"
            && e.attrs
                .iter()
                .any(|(k, v)| *k == "class" && v == "apt-table-wrap")
        {
            e.tag = "div";
            e.attrs
                .retain(|(k, _)| *k != "aria-label" && *k != "tabindex");
        }
        for (k, v) in e.attrs.iter_mut() {
            match *k {
                "id" | "for" | "aria-labelledby" | "aria-describedby" | "aria-controls" => {
                    *v = v
                        .split_whitespace()
                        .map(|id| format!("apt-r-{id}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                "href" if v.starts_with('#') => *v = format!("#apt-r-{}", &v[1..]),
                _ if v.contains("url(#") => *v = v.replace("url(#", "url(#apt-r-"),
                _ => {}
            }
        }
        e.children.iter_mut().for_each(prefix_ids);
    }
}

/// In the widget the plan's title is an `h2` inside the council's page; on its own page it is
/// the `h1`, so every heading moves up one level (keeping their order valid).
fn promote_headings(node: &mut crate::markup::Node) {
    if let crate::markup::Node::El(e) = node {
        e.tag = match e.tag {
            "h2" => "h1",
            "h3" => "h2",
            "h4" => "h3",
            "h5" => "h4",
            "h6" => "h5",
            t => t,
        };
        e.children.iter_mut().for_each(promote_headings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;

    const FEED: &str = r#"{"schema_version": "1.0", "publisher": {"name": "Cyngor <b>Sir</b>"}, "as_of": "2026-10-31",
      "plan": {"title": "Plan \"x\" & y"},
      "actions": [{"id": "1", "title": "<script>alert(1)</script>", "status": "in_progress", "due": "2026-01-01",
                   "lead": "Head of Service", "updates": [{"date": "2026-02-01", "text": "Re-audit done"}]}]}"#;

    #[test]
    fn a_self_contained_page_with_every_action_opened() {
        let page = render(&check(FEED.as_bytes()), Lang::En).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(page
            .contains("<title>Plan &quot;x&quot; &amp; y – Cyngor &lt;b&gt;Sir&lt;/b&gt;</title>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script"), "no scripts at all");
        assert!(!page.contains("src=\"http"), "no external requests");
        assert!(
            page.contains("Re-audit done"),
            "details are shown without opening"
        );
        assert!(page.contains("1 action overdue"));
        assert_eq!(
            page.matches("<h1").count(),
            1,
            "the plan's title is the one h1"
        );
        assert!(
            page.contains("<h1 class=\"apt-title\" dir=\"auto\">Plan &quot;x&quot; &amp; y</h1>")
        );
        assert!(
            !page.contains("data-act=\"open:"),
            "no controls that need JavaScript"
        );
    }

    #[test]
    fn the_changes_since_a_date_open_the_overview() {
        let feed = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "meetings": [{"id": "m", "date": "2026-09-15", "body": "Improvement Board"}],
          "actions": [{"id": "1", "title": "A", "status": "complete", "completed": "2026-10-01", "due": "2026-06-30"},
                      {"id": "2", "title": "B", "status": "in_progress", "due": "2026-12-31", "revised_due": "2027-03-31",
                       "updates": [{"date": "2026-08-01", "revised_due": "2027-03-31"}]}]}"#;
        let r = check(feed.as_bytes());
        let page = render(&r, Lang::En).unwrap();
        assert!(page.contains("Since the Improvement Board on 15 September 2026</h3>"));
        assert!(page.contains("1 action completed"));
        assert!(page.contains("Completed since 15 September 2026"));
        assert!(
            !page.contains("data-act=\"since\""),
            "no controls without JavaScript"
        );
        let since = render_since(&r, Lang::En, Date::parse("2026-07-31").ok(), false).unwrap();
        assert!(since.contains("Since 31 July 2026</h3>"));
        assert!(since.contains("Due date moved from 31 December 2026 to 31 March 2027"));
        let cy = render_since(&r, Lang::Cy, None, false).unwrap();
        assert!(cy.contains("Ers 15 Medi 2026 (Improvement Board)</h3>"));
        assert!(cy.contains("1 cam gweithredu wedi&#39;i gwblhau"));
    }

    #[test]
    fn welsh_and_unreadable() {
        assert!(render(&check(FEED.as_bytes()), Lang::Cy)
            .unwrap()
            .starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
        assert!(render(&check(b"[]"), Lang::En).is_none());
    }
}
