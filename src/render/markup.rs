//! HTML and SVG as data.
//!
//! Every view builds a tree of [`Node`]s. The static page serialises it with
//! [`Node::write_html`], escaping every text and attribute; the widget sends the browser a
//! [`Patch`]: what differs between the tree it showed and the new one, as one flat buffer of
//! instructions that a small JavaScript patcher applies with `createElement`, `setAttribute`
//! and text nodes (feed text is never parsed as HTML). One tree, two outputs, so the widget
//! and the static page cannot show different facts; one call from WebAssembly to JavaScript
//! per render, not one per node, attribute and text.

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
// Out of line (smaller wasm): inlined, every call site wrote the empty element field by field.
#[inline(never)]
pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        ns: Ns::Html,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// An HTML element with a class: `el(tag).class(class)` in one call, one of the commonest
/// pairs in the views (a call less at each of its many sites: smaller wasm).
#[inline(never)]
pub fn el_class(tag: &'static str, class: impl Into<String>) -> Element {
    el(tag).class(class)
}

/// An HTML element holding a text: `el(tag).text(text)` in one call (a call less at each
/// site: smaller wasm).
#[inline(never)]
pub fn el_text(tag: &'static str, text: impl Into<String>) -> Element {
    el(tag).text(text)
}

/// `el_class(tag, class).text(text)` in one call.
#[inline(never)]
pub fn el_class_text(tag: &'static str, class: &'static str, text: impl Into<String>) -> Element {
    el_class(tag, class).text(text)
}

/// An SVG element.
#[inline(never)]
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
        self.add(node);
        self
    }

    /// Appends `node` in place: the one push of a child, shared by every builder.
    #[inline(never)]
    fn add(&mut self, node: Node) {
        self.children.push(node);
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
        // A loop over the shared push, not `extend`: extend's reserving loop was inlined
        // again for every iterator the views pass.
        for n in nodes {
            self.add(n.into());
        }
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

/// The instructions of a [`Patch`], one `u32` opcode followed by its operands. The patcher
/// (`src/web/js/action-plan-tracker-dom.js`) has the same numbers. It keeps a cursor, a node of
/// the DOM, which starts at the mount's first child; `len` operands are lengths in the patch's
/// [`Patch::text`] (in UTF-16 code units), whose strings are taken in the order the
/// instructions name them; `name` operands index the names sent so far ([`Patch::names`]).
pub mod op {
    /// `ROOT node`: the mount's content becomes `node`, built afresh.
    pub const ROOT: u32 = 0;
    /// `DOWN k`: the cursor moves to its `k`th child (the parent is remembered).
    pub const DOWN: u32 = 1;
    /// `UP`: the cursor moves back to the parent it came from.
    pub const UP: u32 = 2;
    /// `SET name len`: sets an attribute of the cursor.
    pub const SET: u32 = 3;
    /// `DEL name`: removes an attribute of the cursor.
    pub const DEL: u32 = 4;
    /// `TEXT len`: the cursor, a text node, gets a new text.
    pub const TEXT: u32 = 5;
    /// `CHECKED 0|1`: the cursor, an `input`, is ticked or not (unless it already is).
    pub const CHECKED: u32 = 6;
    /// `VALUE len`: the cursor, an `input`, gets this value (unless it already has it, so a
    /// reader typing keeps the caret and the selection).
    pub const VALUE: u32 = 7;
    /// `SELECTED 0|1`: the cursor, an `option`, is selected or not.
    pub const SELECTED: u32 = 8;
    /// `REPLACE node`: the cursor is replaced by `node`, built afresh, which becomes the cursor.
    pub const REPLACE: u32 = 9;
    /// `APPEND node`: `node`, built afresh, becomes the cursor's last child.
    pub const APPEND: u32 = 10;
    /// `TRIM n`: the cursor's last `n` children are removed.
    pub const TRIM: u32 = 11;
    /// A node to build: `HTML name attrs children`, then `attrs` pairs `name len`, then the
    /// `children` nodes.
    pub const HTML: u32 = 12;
    /// As [`HTML`], for an SVG element.
    pub const SVG: u32 = 13;
    /// A text node to build: `TXT len`.
    pub const TXT: u32 = 14;
}

/// What brings the DOM showing one tree to show another, as instructions ([`op`]) for the
/// widget's JavaScript patcher, made by [`Patch::create`] or [`Patch::update`].
///
/// Names (tags and attribute names) are sent once per patcher: the patch remembers which it
/// has sent, so one `Patch` goes with one patcher for their lifetime.
#[derive(Debug, Default)]
pub struct Patch {
    /// The instructions.
    pub ops: Vec<u32>,
    /// The strings the instructions take, one after the other.
    pub text: String,
    /// The names not sent before, each followed by a space; the patcher numbers them on
    /// from those it has.
    pub names: String,
    /// Every name sent, by its address and length (names are `&'static str`), in order, with
    /// its number: a hundred or so, so a binary search (less code than a hash map).
    sent: Vec<((usize, usize), u32)>,
}

impl Patch {
    /// A patch for a new patcher, which knows no names yet.
    pub fn new() -> Patch {
        Patch::default()
    }

    /// True when the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    fn clear(&mut self) {
        self.ops.clear();
        self.text.clear();
        self.names.clear();
    }

    /// The instructions that show `new` in an empty mount, or in place of what it holds.
    pub fn create(&mut self, new: &Node) {
        self.clear();
        self.ops.push(op::ROOT);
        self.node(new);
    }

    /// The instructions that bring the DOM showing `old` to show `new`, touching only what
    /// differs. A part of the tree that has not changed gets no instruction at all (while a
    /// search is typed, that is everything but the count and the list), unless it holds a
    /// form control, whose live state (a tick, typed text) is set again from the tree.
    pub fn update(&mut self, old: &Node, new: &Node) {
        self.clear();
        self.patch(old, new);
    }

    fn name(&mut self, name: &'static str) -> u32 {
        let key = (name.as_ptr() as usize, name.len());
        match self.sent.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(at) => self.sent[at].1,
            Err(at) => {
                let n = self.sent.len() as u32;
                self.sent.insert(at, (key, n));
                self.names.push_str(name);
                self.names.push(' ');
                n
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.text.push_str(s);
        let len = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.ops.push(len as u32);
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Text(s) => {
                self.ops.push(op::TXT);
                self.string(s);
            }
            Node::El(e) => {
                let kind = match e.ns {
                    Ns::Html => op::HTML,
                    Ns::Svg => op::SVG,
                };
                let tag = self.name(e.tag);
                self.ops
                    .extend([kind, tag, e.attrs.len() as u32, e.children.len() as u32]);
                for (k, v) in &e.attrs {
                    let k = self.name(k);
                    self.ops.push(k);
                    self.string(v);
                }
                for c in &e.children {
                    self.node(c);
                }
            }
        }
    }

    fn patch(&mut self, old: &Node, new: &Node) {
        if old == new && !has_controls(new) {
            return;
        }
        match (old, new) {
            (Node::Text(a), Node::Text(b)) => {
                if a != b {
                    self.ops.push(op::TEXT);
                    self.string(b);
                }
            }
            (Node::El(a), Node::El(b)) if a.tag == b.tag && a.ns == b.ns => {
                for (k, _) in &a.attrs {
                    if b.get(k).is_none() {
                        let k = self.name(k);
                        self.ops.extend([op::DEL, k]);
                    }
                }
                for (k, v) in &b.attrs {
                    if a.get(k) != Some(v.as_str()) {
                        let k = self.name(k);
                        self.ops.extend([op::SET, k]);
                        self.string(v);
                    }
                }
                // The tree knows which element is an input: the patcher need not ask the DOM.
                if b.ns == Ns::Html && b.tag == "input" {
                    self.ops
                        .extend([op::CHECKED, b.get("checked").is_some() as u32]);
                    if let Some(v) = b.get("value") {
                        self.ops.push(op::VALUE);
                        self.string(v);
                    }
                }
                if b.ns == Ns::Html && b.tag == "option" {
                    self.ops
                        .extend([op::SELECTED, b.get("selected").is_some() as u32]);
                }
                let common = a.children.len().min(b.children.len());
                for (k, (x, y)) in a.children.iter().zip(&b.children).enumerate() {
                    let mark = self.ops.len();
                    self.ops.extend([op::DOWN, k as u32]);
                    self.patch(x, y);
                    if self.ops.len() == mark + 2 {
                        // Nothing to do down there: no need to go.
                        self.ops.truncate(mark);
                    } else {
                        self.ops.push(op::UP);
                    }
                }
                for c in &b.children[common..] {
                    self.ops.push(op::APPEND);
                    self.node(c);
                }
                if a.children.len() > common {
                    self.ops
                        .extend([op::TRIM, (a.children.len() - common) as u32]);
                }
            }
            _ => {
                self.ops.push(op::REPLACE);
                self.node(new);
            }
        }
    }
}

/// True when `n` is or holds a form control, whose live state the DOM keeps: see
/// [`Patch::update`].
fn has_controls(n: &Node) -> bool {
    match n {
        Node::Text(_) => false,
        Node::El(e) => {
            matches!(e.tag, "input" | "select" | "option" | "textarea")
                || e.children.iter().any(has_controls)
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
    /// A DOM in miniature, and a patcher that does what src/web/js/action-plan-tracker-dom.js
    /// does, so that patches are checked natively (tests/wasm.rs runs the real one).
    #[derive(Debug, Clone, PartialEq)]
    enum Dom {
        Text(String),
        El {
            tag: String,
            svg: bool,
            attrs: Vec<(String, String)>,
            kids: Vec<Dom>,
            /// Live state: a tick, typed text, a selection.
            checked: bool,
            value: Option<String>,
            selected: bool,
        },
    }

    struct Patcher {
        names: Vec<String>,
        mount: Vec<Dom>,
        /// How many DOM writes the patches made.
        writes: usize,
    }

    fn at<'a>(mount: &'a mut [Dom], path: &[usize]) -> &'a mut Dom {
        let mut cur = &mut mount[path[0]];
        for &k in &path[1..] {
            let Dom::El { kids, .. } = cur else {
                panic!("DOWN into a text")
            };
            cur = &mut kids[k];
        }
        cur
    }

    impl Patcher {
        fn new() -> Patcher {
            Patcher {
                names: Vec::new(),
                mount: Vec::new(),
                writes: 0,
            }
        }

        fn apply(&mut self, p: &Patch) {
            self.names
                .extend(p.names.split_terminator(' ').map(String::from));
            let text: Vec<u16> = p.text.encode_utf16().collect();
            let (mut i, mut t) = (0, 0);
            let mut path = vec![0];
            while i < p.ops.len() {
                let code = p.ops[i];
                i += 1;
                let mut arg = || {
                    i += 1;
                    p.ops[i - 1]
                };
                self.writes += 1;
                match code {
                    op::ROOT => self.mount = vec![self.build(p, &text, &mut i, &mut t)],
                    op::DOWN => {
                        path.push(arg() as usize);
                        self.writes -= 1;
                    }
                    op::UP => {
                        path.pop();
                        self.writes -= 1;
                    }
                    op::SET => {
                        let name = self.names[arg() as usize].clone();
                        let v = take(p, &text, &mut i, &mut t);
                        let node = at(&mut self.mount, &path);
                        live(node, &name, Some(&v));
                        let Dom::El { attrs, .. } = node else {
                            panic!()
                        };
                        match attrs.iter_mut().find(|(n, _)| *n == name) {
                            Some(a) => a.1 = v,
                            None => attrs.push((name, v)),
                        }
                    }
                    op::DEL => {
                        let name = self.names[arg() as usize].clone();
                        let node = at(&mut self.mount, &path);
                        live(node, &name, None);
                        let Dom::El { attrs, .. } = node else {
                            panic!()
                        };
                        attrs.retain(|(n, _)| *n != name);
                    }
                    op::TEXT => {
                        let v = take(p, &text, &mut i, &mut t);
                        *at(&mut self.mount, &path) = Dom::Text(v);
                    }
                    op::CHECKED => {
                        let want = arg() == 1;
                        let Dom::El { checked, .. } = at(&mut self.mount, &path) else {
                            panic!()
                        };
                        if *checked == want {
                            self.writes -= 1;
                        }
                        *checked = want;
                    }
                    op::VALUE => {
                        let want = take(p, &text, &mut i, &mut t);
                        let Dom::El { value, .. } = at(&mut self.mount, &path) else {
                            panic!()
                        };
                        if value.as_deref() == Some(want.as_str()) {
                            self.writes -= 1;
                        }
                        *value = Some(want);
                    }
                    op::SELECTED => {
                        let want = arg() == 1;
                        let Dom::El { selected, .. } = at(&mut self.mount, &path) else {
                            panic!()
                        };
                        *selected = want;
                    }
                    op::REPLACE => {
                        let n = self.build(p, &text, &mut i, &mut t);
                        *at(&mut self.mount, &path) = n;
                    }
                    op::APPEND => {
                        let n = self.build(p, &text, &mut i, &mut t);
                        let Dom::El { kids, .. } = at(&mut self.mount, &path) else {
                            panic!()
                        };
                        kids.push(n);
                    }
                    op::TRIM => {
                        let n = arg() as usize;
                        let Dom::El { kids, .. } = at(&mut self.mount, &path) else {
                            panic!()
                        };
                        kids.truncate(kids.len() - n);
                    }
                    other => panic!("unknown op {other}"),
                }
            }
            assert_eq!(t, text.len(), "every string taken");
        }

        fn build(&self, p: &Patch, text: &[u16], i: &mut usize, t: &mut usize) -> Dom {
            let kind = p.ops[*i];
            *i += 1;
            if kind == op::TXT {
                return Dom::Text(take(p, text, i, t));
            }
            assert!(kind == op::HTML || kind == op::SVG, "a node, not {kind}");
            let tag = self.names[p.ops[*i] as usize].clone();
            let (n_attrs, n_kids) = (p.ops[*i + 1], p.ops[*i + 2]);
            *i += 3;
            let mut attrs = Vec::new();
            for _ in 0..n_attrs {
                let name = self.names[p.ops[*i] as usize].clone();
                *i += 1;
                attrs.push((name, take(p, text, i, t)));
            }
            let kids = (0..n_kids).map(|_| self.build(p, text, i, t)).collect();
            let input = kind == op::HTML && tag == "input";
            let option = kind == op::HTML && tag == "option";
            let has = |n: &str| attrs.iter().any(|(k, _)| k == n);
            Dom::El {
                checked: input && has("checked"),
                value: attrs
                    .iter()
                    .find(|(k, _)| input && k == "value")
                    .map(|a| a.1.clone()),
                selected: option && has("selected"),
                tag,
                svg: kind == op::SVG,
                attrs,
                kids,
            }
        }
    }

    /// What an attribute does to a control's live state while the reader has not changed it
    /// (the model's choice for `value` removed: none).
    fn live(node: &mut Dom, name: &str, v: Option<&str>) {
        let Dom::El {
            tag,
            svg: false,
            checked,
            value,
            selected,
            ..
        } = node
        else {
            return;
        };
        match (tag.as_str(), name) {
            ("input", "checked") => *checked = v.is_some(),
            ("input", "value") => *value = v.map(String::from),
            ("option", "selected") => *selected = v.is_some(),
            _ => {}
        }
    }

    fn take(p: &Patch, text: &[u16], i: &mut usize, t: &mut usize) -> String {
        let len = p.ops[*i] as usize;
        *i += 1;
        *t += len;
        String::from_utf16(&text[*t - len..*t]).expect("whole UTF-16 strings")
    }

    /// The DOM a tree shows, with attributes in name order (a patch may reorder them).
    fn dom_of(n: &Node) -> Dom {
        match n {
            Node::Text(s) => Dom::Text(s.clone()),
            Node::El(e) => {
                let mut attrs: Vec<(String, String)> = e
                    .attrs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect();
                attrs.sort();
                let input = e.ns == Ns::Html && e.tag == "input";
                Dom::El {
                    tag: e.tag.to_string(),
                    svg: e.ns == Ns::Svg,
                    checked: input && e.get("checked").is_some(),
                    value: e.get("value").filter(|_| input).map(String::from),
                    selected: e.ns == Ns::Html && e.tag == "option" && e.get("selected").is_some(),
                    attrs,
                    kids: e.children.iter().map(dom_of).collect(),
                }
            }
        }
    }

    fn sorted(d: &Dom) -> Dom {
        match d.clone() {
            Dom::El {
                tag,
                svg,
                mut attrs,
                kids,
                checked,
                value,
                selected,
            } => {
                attrs.sort();
                Dom::El {
                    tag,
                    svg,
                    attrs,
                    kids: kids.iter().map(sorted).collect(),
                    checked,
                    value,
                    selected,
                }
            }
            t => t,
        }
    }

    /// A small random tree from a seed (xorshift), with form controls, SVG, and text that is
    /// not all ASCII (lengths are in UTF-16 code units).
    fn tree(seed: &mut u64, depth: u32) -> Node {
        let mut next = |n: u64| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed % n
        };
        const TAGS: &[&str] = &["div", "p", "span", "input", "option", "ul"];
        const TEXTS: &[&str] = &["", "plan", "Cymraeg: ŵ ŷ", "🙂 a", "x < y & z"];
        if depth == 0 || next(4) == 0 {
            return text(TEXTS[next(TEXTS.len() as u64) as usize]);
        }
        let mut e = if next(6) == 0 {
            svg("g")
        } else {
            el(TAGS[next(TAGS.len() as u64) as usize])
        };
        for name in ["class", "id", "checked", "value", "selected", "aria-label"] {
            if next(3) == 0 {
                e = e.attr(name, TEXTS[next(TEXTS.len() as u64) as usize]);
            }
        }
        let kids = next(4);
        for _ in 0..kids {
            e = e.child(tree(seed, depth - 1));
        }
        e.into()
    }

    #[test]
    fn a_created_tree_is_the_tree() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200 {
            let n = tree(&mut seed, 4);
            let (mut patch, mut dom) = (Patch::new(), Patcher::new());
            patch.create(&n);
            dom.apply(&patch);
            assert_eq!(sorted(&dom.mount[0]), dom_of(&n), "{}", n.to_html());
        }
    }

    #[test]
    fn a_patched_tree_is_the_new_tree() {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        let (mut patch, mut dom) = (Patch::new(), Patcher::new());
        let mut old = tree(&mut seed, 4);
        patch.create(&old);
        dom.apply(&patch);
        for _ in 0..500 {
            // Half the time a small change (one child replaced), half a new tree.
            let mut new = old.clone();
            match &mut new {
                Node::El(e) if !e.children.is_empty() && seed % 2 == 0 => {
                    let k = (seed % e.children.len() as u64) as usize;
                    e.children[k] = tree(&mut seed, 3);
                }
                _ => new = tree(&mut seed, 4),
            }
            patch.update(&old, &new);
            dom.apply(&patch);
            assert_eq!(
                sorted(&dom.mount[0]),
                dom_of(&new),
                "{} -> {}",
                old.to_html(),
                new.to_html()
            );
            old = new;
        }
    }

    #[test]
    fn an_unchanged_tree_costs_nothing_but_its_controls_live_state() {
        let page = |q: &str, count: &str| -> Node {
            el("div")
                .child(el("h2").text("Actions"))
                .child(el("form").child(el("input").attr("id", "apt-search").attr("value", q)))
                .child(el("p").attr("id", "apt-count").text(count))
                .child(el("ul").child(el("li").text("1.1")))
                .into()
        };
        let (mut patch, mut dom) = (Patch::new(), Patcher::new());
        let a = page("pla", "3 actions");
        patch.create(&a);
        dom.apply(&patch);
        // No form control: nothing to send.
        let plain: Node = el("p").text("x").into();
        patch.update(&plain, &plain.clone());
        assert!(patch.is_empty());
        // The same tree again: only the search box's live state is checked (and left alone).
        patch.update(&a, &a.clone());
        assert_eq!(
            patch.ops,
            [
                op::DOWN,
                1,
                op::DOWN,
                0,
                op::CHECKED,
                0,
                op::VALUE,
                3,
                op::UP,
                op::UP
            ]
        );
        dom.writes = 0;
        dom.apply(&patch);
        assert_eq!(dom.writes, 0, "the typed text is not written again");
        // A keystroke: the box's value (written only when the DOM's differs) and the count.
        let b = page("plan", "2 actions");
        patch.update(&a, &b);
        dom.apply(&patch);
        assert_eq!(sorted(&dom.mount[0]), dom_of(&b));
        assert_eq!(
            patch.text, "planplan2 actions",
            "the attribute, the live value, the count"
        );
        assert!(
            patch.names.is_empty(),
            "names are sent once: {}",
            patch.names
        );
    }
}
