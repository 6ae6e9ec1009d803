//! Cap element nesting before HTML reaches the parser.
//!
//! html5ever's tree builder answers "is there a `<p>` in scope?" and similar
//! questions by walking its stack of open elements, for most start tags. With
//! that stack thousands of elements deep (100,000 nested `<div>`s) parsing is
//! quadratic: minutes instead of milliseconds. This pass follows an estimate of
//! the stack with a small tag scanner and removes the tags (never the text) of
//! elements that would sit deeper than [`MAX_DEPTH`]. Real pages are far below
//! the cap and come through unchanged; the estimate is a guard, not a parser.

use std::borrow::Cow;

/// Deepest element nesting handed to the HTML parser.
const MAX_DEPTH: usize = 256;

/// How far down the estimated stack an end tag looks for its start tag, so
/// that stray end tags cost constant time.
const END_TAG_REACH: usize = 64;

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements the parser merges into the existing ones instead of nesting.
const MERGED: &[&str] = &["html", "head", "body"];

/// Elements whose content is text up to their end tag (outside SVG/MathML).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Formatting elements: the parser re-opens them after they are implicitly
/// closed, so they live on until their own end tag.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// At most this many unclosed formatting elements are passed on. The parser
/// re-creates all of them inside every new paragraph, so without a cap
/// `<p><b id=1><p><b id=2>...` builds a quadratic number of nodes.
const MAX_FORMATTING: usize = 8;

/// Inline elements an implied end tag closes on its way (e.g. `<li><span>x<li>`).
const INLINE: &[&str] = &[
    "abbr", "bdi", "bdo", "cite", "data", "del", "dfn", "ins", "kbd", "label", "mark", "q", "samp", "span", "sub",
    "sup", "time", "var",
];

/// `source` with the tags of too deeply nested elements removed (borrowed if none are).
pub(super) fn limit_depth(source: &str) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut stack = Stack::default();
    let mut out = String::new();
    let mut copied = 0usize; // `source[..copied]` is already in `out` (or dropped)
    let mut pos = 0usize;
    while let Some(offset) = bytes[pos..].iter().position(|&b| b == b'<') {
        let start = pos + offset;
        let (end, tag) = read_tag(bytes, start);
        pos = end;
        let drop = match tag {
            Tag::Start { name, .. } if stack.foreign == 0 && name == "plaintext" => {
                break; // the rest of the input is text
            }
            Tag::Start { name, .. } if stack.foreign == 0 && RAW_TEXT.contains(&name.as_str()) => {
                pos = raw_text_end(bytes, end, &name);
                false
            }
            Tag::Start { name, self_closing } => stack.start(name, self_closing),
            Tag::End { name } => stack.end(&name),
            Tag::Other => false,
        };
        if drop {
            out.push_str(&source[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        Cow::Borrowed(source)
    } else {
        out.push_str(&source[copied..]);
        Cow::Owned(out)
    }
}

/// An estimate of the parser's open elements.
#[derive(Default)]
struct Stack {
    /// Open elements other than formatting ones, and whether their tags are dropped.
    open: Vec<(String, bool)>,
    /// Unclosed formatting elements that were passed on.
    formatting: Vec<String>,
    /// `<svg>`/`<math>` elements in `open` (where `<style>` etc. are not raw text).
    foreign: usize,
}

impl Stack {
    /// A start tag; returns whether to drop it.
    fn start(&mut self, name: String, self_closing: bool) -> bool {
        let is_foreign = name == "svg" || name == "math";
        if VOID.contains(&name.as_str())
            || MERGED.contains(&name.as_str())
            || (self_closing && (self.foreign > 0 || is_foreign))
        {
            return false;
        }
        if FORMATTING.contains(&name.as_str()) {
            if self.formatting.len() >= MAX_FORMATTING {
                return true;
            }
            self.formatting.push(name);
            return false;
        }
        if let Some(index) = self.implied_close(&name) {
            self.truncate(index);
        }
        let drop = self.open.len() + self.formatting.len() >= MAX_DEPTH;
        self.foreign += usize::from(is_foreign);
        self.open.push((name, drop));
        drop
    }

    /// An end tag; returns whether to drop it (when its start tag was dropped).
    fn end(&mut self, name: &str) -> bool {
        if FORMATTING.contains(&name) {
            if let Some(i) = self.formatting.iter().rposition(|f| f == name) {
                self.formatting.remove(i);
            }
            return false;
        }
        let found = self.open.iter().rev().take(END_TAG_REACH).position(|(n, _)| n == name);
        let Some(from_top) = found else { return false };
        let index = self.open.len() - 1 - from_top;
        let drop = self.open[index].1;
        self.truncate(index);
        drop
    }

    /// The open element that a start tag `name` closes implicitly, if any: the
    /// nearest of its group (`<li>` closes `<li>`, `<dt>` closes `<dd>`, ...),
    /// with only elements the parser also closes on the way above it.
    fn implied_close(&self, name: &str) -> Option<usize> {
        let group: &[&str] = match name {
            "p" => &["p"],
            "li" => &["li"],
            "dd" | "dt" => &["dd", "dt"],
            "option" => &["option"],
            "tr" => &["tr"],
            "td" | "th" => &["td", "th"],
            _ => return None,
        };
        for (index, (open, _)) in self.open.iter().enumerate().rev().take(END_TAG_REACH) {
            let open = open.as_str();
            if group.contains(&open) {
                return Some(index);
            }
            let passed = match name {
                "option" => false,
                "li" | "dd" | "dt" => INLINE.contains(&open) || matches!(open, "address" | "div" | "p"),
                "tr" => INLINE.contains(&open) || matches!(open, "td" | "th"),
                _ => INLINE.contains(&open),
            };
            if !passed {
                return None;
            }
        }
        None
    }

    fn truncate(&mut self, index: usize) {
        let closed = &self.open[index..];
        self.foreign -= closed.iter().filter(|(n, _)| n == "svg" || n == "math").count();
        self.open.truncate(index);
    }
}

/// A markup token, as far as nesting is concerned.
#[derive(Debug, PartialEq)]
enum Tag {
    Start {
        name: String,
        self_closing: bool,
    },
    End {
        name: String,
    },
    /// Comment, doctype, processing instruction or a literal `<`.
    Other,
}

/// Read the token starting at the `<` at `start`: (index just past it, token).
fn read_tag(bytes: &[u8], start: usize) -> (usize, Tag) {
    let rest = &bytes[start..];
    if rest.starts_with(b"<!--") {
        return (comment_end(bytes, start + 2), Tag::Other);
    }
    match rest.get(1) {
        Some(b'!' | b'?') => (find(bytes, start + 2, b">").map_or(bytes.len(), |i| i + 1), Tag::Other),
        Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let (name, name_end) = read_name(bytes, start + 2);
            let (end, _) = attributes_end(bytes, name_end);
            (end, Tag::End { name })
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, name_end) = read_name(bytes, start + 1);
            let (end, self_closing) = attributes_end(bytes, name_end);
            (end, Tag::Start { name, self_closing })
        }
        _ => (start + 1, Tag::Other),
    }
}

/// The tag name at `at`, lowercased (it ends at whitespace, `/` or `>`), and where it ends.
fn read_name(bytes: &[u8], at: usize) -> (String, usize) {
    let len = bytes[at..].iter().position(|&b| is_space(b) || b == b'/' || b == b'>');
    let end = len.map_or(bytes.len(), |l| at + l);
    (String::from_utf8_lossy(&bytes[at..end]).to_ascii_lowercase(), end)
}

/// Skip a tag's attributes from `at`: (index just past its `>`, whether it ends in `/>`).
fn attributes_end(bytes: &[u8], mut at: usize) -> (usize, bool) {
    #[derive(PartialEq)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
    }
    let mut state = State::BeforeName;
    let mut slash = false;
    while let Some(&b) = bytes.get(at) {
        at += 1;
        if b == b'>' && !matches!(state, State::Quoted(_)) {
            return (at, slash && state == State::BeforeName);
        }
        slash = false;
        state = match state {
            State::BeforeName | State::Name if b == b'/' => {
                slash = true;
                State::BeforeName
            }
            State::BeforeName if is_space(b) => State::BeforeName,
            State::BeforeName => State::Name,
            State::Name | State::AfterName if b == b'=' => State::BeforeValue,
            State::Name | State::AfterName if is_space(b) => State::AfterName,
            State::Name => State::Name,
            State::AfterName if b == b'/' => {
                slash = true;
                State::BeforeName
            }
            State::AfterName => State::Name,
            State::BeforeValue if is_space(b) => State::BeforeValue,
            State::BeforeValue if b == b'"' || b == b'\'' => State::Quoted(b),
            State::BeforeValue => State::Unquoted,
            State::Quoted(q) if b == q => State::BeforeName,
            State::Quoted(q) => State::Quoted(q),
            State::Unquoted if is_space(b) => State::BeforeName,
            State::Unquoted => State::Unquoted,
        };
    }
    (bytes.len(), false)
}

/// Where the raw text of element `name`, starting at `at`, ends: at the `<` of
/// its end tag (`</name` then whitespace, `/` or `>`), or at the end of input.
fn raw_text_end(bytes: &[u8], mut at: usize, name: &str) -> usize {
    let name = name.as_bytes();
    while let Some(i) = find(bytes, at, b"</") {
        let after = i + 2 + name.len();
        let same_name = bytes.get(i + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name));
        if same_name && bytes.get(after).is_some_and(|&b| is_space(b) || b == b'/' || b == b'>') {
            return i;
        }
        at = i + 2;
    }
    bytes.len()
}

/// Index just past the comment whose text starts at `from`: after `-->` or
/// `--!>` (so `<!-->` and `<!--->` are complete), or the end of input.
fn comment_end(bytes: &[u8], mut from: usize) -> usize {
    while let Some(i) = find(bytes, from, b"--") {
        match (bytes.get(i + 2), bytes.get(i + 3)) {
            (Some(b'>'), _) => return i + 3,
            (Some(b'!'), Some(b'>')) => return i + 4,
            _ => from = i + 1,
        }
    }
    bytes.len()
}

/// Index of the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("{}x{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = r#"<!DOCTYPE html><html><head><title>a < b</title>
            <script>for (let i = 0; i<n; i++) { s += "<div>"; } if (a</scripty) {}</script>
            <style>p > a { color: red }</style></head><body>
            <!-- a <div> in a comment --><!--><!--->
            <div class="x" title='1 > 0' data-x=a/b><p>one<p>two<ul><li>a<li>b</ul>
            <svg><path d="M0 0"/><title><b>t</b></title></svg><br/><img src=x>
            <table><tr><td>1<td>2<tr><td>3</table></div></body></html>"#;
        assert!(matches!(limit_depth(page), Cow::Borrowed(_)));
        let many_paragraphs = "<p>para".repeat(10 * MAX_DEPTH);
        assert!(matches!(limit_depth(&many_paragraphs), Cow::Borrowed(_)));
        let many_items = format!("<ol>{}</ol>", "<li><p>item".repeat(10 * MAX_DEPTH));
        assert!(matches!(limit_depth(&many_items), Cow::Borrowed(_)));
        let raw_tags = format!("<script>{}</script>", "<div>".repeat(10 * MAX_DEPTH));
        assert!(matches!(limit_depth(&raw_tags), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped() {
        let capped = limit_depth(&nested("<div>", "</div>", 1000)).into_owned();
        assert_eq!(capped, nested("<div>", "</div>", MAX_DEPTH));

        let unclosed = format!("{}x", "<span class='a>b'>".repeat(1000));
        assert_eq!(
            limit_depth(&unclosed),
            format!("{}x", "<span class='a>b'>".repeat(MAX_DEPTH))
        );

        let mixed = nested("<li><dd>", "", 1000);
        assert_eq!(limit_depth(&mixed).matches('<').count(), MAX_DEPTH);

        // Unclosed formatting elements are re-opened in every paragraph: few pass.
        let reopened: String = (0..1000).map(|i| format!("<p><b id={i}>x")).collect();
        let capped = limit_depth(&reopened);
        assert_eq!(capped.matches("<b ").count(), MAX_FORMATTING);
        assert_eq!(capped.matches("<p>").count(), 1000);
        let closed = "<p><b>x</b>".repeat(1000);
        assert!(matches!(limit_depth(&closed), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_is_not_skipped_where_the_parser_does_not() {
        // Inside SVG, <style> is an ordinary element, and <!--> ends at once.
        for prefix in ["<svg><style>", "<!-->", "<!-- --!>", "<div =\"'>"] {
            let page = format!("{prefix}{}", "<div>".repeat(1000));
            let capped = limit_depth(&page);
            assert!(capped.matches("<div>").count() <= MAX_DEPTH, "{prefix}");
        }
    }

    #[test]
    fn reads_tags() {
        let tag = |s: &str| read_tag(s.as_bytes(), 0);
        let start = |name: &str, self_closing| Tag::Start {
            name: name.into(),
            self_closing,
        };
        assert_eq!(tag("<DIV id=a>x"), (10, start("div", false)));
        assert_eq!(tag("<a href=\"x>y\">"), (14, start("a", false)));
        assert_eq!(tag("<br/>"), (5, start("br", true)));
        assert_eq!(tag("<a href=/x/>"), (12, start("a", false)));
        assert_eq!(tag("</p >"), (5, Tag::End { name: "p".into() }));
        assert_eq!(tag("<!-- x -->y"), (10, Tag::Other));
        assert_eq!(tag("<!doctype html>"), (15, Tag::Other));
        assert_eq!(tag("< p"), (1, Tag::Other));
        assert_eq!(tag("<div"), (4, start("div", false)));
    }
}
