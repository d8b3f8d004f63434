//! HTML and SVG as data.
//!
//! Every view builds a tree of [`Node`]s. The browser layer turns the tree into DOM nodes
//! with `createElement`, `setAttribute` and text nodes (feed text is never parsed as HTML),
//! and patches the live DOM against the previous tree; the static page serialises the same
//! tree with [`Node::write_html`], escaping every text and attribute. One tree, two outputs,
//! so the widget and the static page cannot show different facts.

use std::fmt::Write;

/// The namespace an element belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// HTML.
    Html,
    /// SVG.
    Svg,
}

/// An element or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    El(Element),
    /// Text, shown exactly as written.
    Text(String),
}

/// An element with its attributes and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Tag name.
    pub tag: &'static str,
    /// Namespace.
    pub ns: Ns,
    /// Attributes in order; names are fixed by the code, values may be feed text.
    pub attrs: Vec<(&'static str, String)>,
    /// Children.
    pub children: Vec<Node>,
}

/// An HTML element.
pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        ns: Ns::Html,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// An SVG element.
pub fn svg(tag: &'static str) -> Element {
    Element {
        tag,
        ns: Ns::Svg,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A text node.
pub fn text(s: impl Into<String>) -> Node {
    Node::Text(s.into())
}

impl Element {
    /// Adds an attribute.
    pub fn attr(self, name: &'static str, value: impl Into<String>) -> Self {
        self.push_attr(name, value.into())
    }

    // The generic builders convert their argument and call one of these two: one copy of
    // the push for the whole crate rather than one inlined into every caller (smaller wasm).
    #[inline(never)]
    fn push_attr(mut self, name: &'static str, value: String) -> Self {
        self.attrs.push((name, value));
        self
    }

    #[inline(never)]
    fn push_child(mut self, node: Node) -> Self {
        self.children.push(node);
        self
    }

    /// Adds an attribute when `value` is `Some`.
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Adds a boolean attribute when `on`.
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// Sets `class`.
    pub fn class(self, value: impl Into<String>) -> Self {
        self.attr("class", value)
    }

    /// Adds a child.
    pub fn child(self, node: impl Into<Node>) -> Self {
        self.push_child(node.into())
    }

    /// Adds a child when `Some`.
    pub fn child_opt(self, node: Option<impl Into<Node>>) -> Self {
        match node {
            Some(n) => self.push_child(n.into()),
            None => self,
        }
    }

    /// Adds children.
    pub fn children(mut self, nodes: impl IntoIterator<Item = impl Into<Node>>) -> Self {
        self.children.extend(nodes.into_iter().map(Into::into));
        self
    }

    /// Adds a text child.
    pub fn text(self, s: impl Into<String>) -> Self {
        self.child(text(s))
    }

    /// The value of attribute `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Node {
        Node::El(e)
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters HTML forbids in text are shown as the replacement character.
            c if (c.is_control() && !matches!(c, '\n' | '\t')) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

impl Node {
    /// Serialises the tree as HTML (SVG elements inline), escaping all text and values.
    pub fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(s) => escape(s, out),
            Node::El(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in &e.attrs {
                    let _ = write!(out, " {name}=\"");
                    escape(value, out);
                    out.push('"');
                }
                if e.ns == Ns::Svg && e.children.is_empty() {
                    out.push_str("/>");
                    return;
                }
                out.push('>');
                if e.ns == Ns::Html && VOID.contains(&e.tag) {
                    return;
                }
                for c in &e.children {
                    c.write_html(out);
                }
                let _ = write!(out, "</{}>", e.tag);
            }
        }
    }

    /// The tree as an HTML string.
    pub fn to_html(&self) -> String {
        let mut s = String::new();
        self.write_html(&mut s);
        s
    }

    /// All the text in the tree, for tests and plain-text checks.
    pub fn text_content(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::El(e) => e.children.iter().for_each(|c| c.collect_text(out)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let n: Node = el("p")
            .attr("title", "\"><script>x</script>")
            .text("<img src=x onerror=alert(1)> & 'q'")
            .into();
        assert_eq!(
            n.to_html(),
            "<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;</p>"
        );
    }

    #[test]
    fn void_and_svg_elements() {
        let n: Node = el("div")
            .child(el("input").attr("type", "search"))
            .child(svg("svg").child(svg("rect").attr("x", "1")))
            .into();
        assert_eq!(
            n.to_html(),
            "<div><input type=\"search\"><svg><rect x=\"1\"/></svg></div>"
        );
        assert_eq!(
            Node::from(el("b").text("a").child(el("i").text("b"))).text_content(),
            "ab"
        );
    }
}
