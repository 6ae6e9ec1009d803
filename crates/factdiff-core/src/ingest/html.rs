//! HTML → main text and metadata with `scraper`.
//!
//! The text comes from the first `<article>`, else `<main>`, else `<body>`,
//! leaving out page furniture (navigation, scripts, forms, ...). Each block
//! element becomes one paragraph with its whitespace collapsed; paragraphs are
//! separated by a blank line. The tree is walked iteratively, so deeply nested
//! markup cannot overflow the stack, and nesting is capped before parsing (see
//! `html_depth`) so it cannot make parsing quadratic either.

use super::date_prefix;
use crate::Document;
use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text (nor searched for metadata).
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe", "button",
    "select", "canvas", "object", "math",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Extract the main text and metadata of an HTML page (newlines already normalised).
pub(super) fn to_document(id: String, source: &str) -> Document {
    let html = Html::parse_document(&super::html_depth::limit_depth(source));
    let found = scan(&html);
    let container = found
        .article
        .or(found.main)
        .or(found.body)
        .unwrap_or(html.root_element());

    let mut text = Paragraphs::default();
    walk(container, |step| {
        match step {
            Step::Enter(el) => {
                let name = el.value().name();
                if SKIP.contains(&name) || name == "head" {
                    text.space();
                    return false;
                }
                if BLOCK.contains(&name) {
                    text.flush();
                }
            }
            Step::Leave(el) => {
                if BLOCK.contains(&el.value().name()) {
                    text.flush();
                }
            }
            Step::Text(t) => text.push(t),
        }
        true
    });
    text.flush();

    Document {
        title: found.title.or(found.og_title),
        source: found.site_name,
        published: found.published.or(found.time),
        url: found.canonical.or(found.og_url),
        ..Document::new(id, text.done.join("\n\n"))
    }
}

/// What the first pass over the page finds: metadata and candidate containers.
#[derive(Default)]
struct Found<'a> {
    title: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    time: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    article: Option<ElementRef<'a>>,
    main: Option<ElementRef<'a>>,
    body: Option<ElementRef<'a>>,
}

/// Collect metadata and the first `<article>`, `<main>` and `<body>` outside skipped elements.
fn scan(html: &Html) -> Found<'_> {
    let mut found = Found::default();
    walk(html.root_element(), |step| {
        let Step::Enter(el) = step else { return true };
        let element = el.value();
        let name = element.name();
        if SKIP.contains(&name) {
            return false;
        }
        match name {
            "title" => {
                if found.title.is_none() {
                    found.title = clean(&el.text().collect::<String>());
                }
                return false;
            }
            "meta" => {
                let key = element.attr("property").or(element.attr("name")).unwrap_or("");
                let content = element.attr("content").and_then(clean);
                let slot = match key.to_ascii_lowercase().as_str() {
                    "og:title" => &mut found.og_title,
                    "og:url" => &mut found.og_url,
                    "og:site_name" => &mut found.site_name,
                    "article:published_time" => {
                        found.published = found.published.take().or(content.as_deref().and_then(date_prefix));
                        return false;
                    }
                    _ => return false,
                };
                *slot = slot.take().or(content);
            }
            "link" => {
                let rel = element.attr("rel").unwrap_or("");
                if rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
                    found.canonical = found.canonical.take().or(element.attr("href").and_then(clean));
                }
            }
            "time" => {
                found.time = found.time.take().or(element.attr("datetime").and_then(date_prefix));
            }
            "article" => found.article = found.article.or(Some(el)),
            "main" => found.main = found.main.or(Some(el)),
            "body" => found.body = found.body.or(Some(el)),
            _ => {}
        }
        true
    });
    found
}

/// Collapse whitespace runs to one space and trim; `None` if nothing is left.
fn clean(s: &str) -> Option<String> {
    let cleaned = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

/// One step of a depth-first walk.
enum Step<'a> {
    /// An element is entered; the visitor returns whether to walk its children.
    Enter(ElementRef<'a>),
    /// An element is left (also when its children were not walked).
    Leave(ElementRef<'a>),
    /// A text node.
    Text(&'a str),
}

/// Walk the subtree of `start` in document order without recursion.
fn walk<'a>(start: ElementRef<'a>, mut visit: impl FnMut(Step<'a>) -> bool) {
    let start = *start;
    let mut next = Some(start);
    while let Some(node) = next {
        let descend = match node.value() {
            Node::Element(_) => ElementRef::wrap(node).is_some_and(|el| visit(Step::Enter(el))),
            Node::Text(text) => {
                visit(Step::Text(text));
                false
            }
            _ => false,
        };
        if descend {
            if let Some(child) = node.first_child() {
                next = Some(child);
                continue;
            }
        }
        // Leave this node, then every ancestor whose last child is done.
        let mut done = node;
        next = loop {
            if let Some(el) = ElementRef::wrap(done) {
                visit(Step::Leave(el));
            }
            if done == start {
                break None;
            }
            if let Some(sibling) = done.next_sibling() {
                break Some(sibling);
            }
            match done.parent() {
                Some(parent) => done = parent,
                None => break None,
            }
        };
    }
}

/// Paragraphs being built, with whitespace collapsed inside each.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    pending_space: bool,
}

impl Paragraphs {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.pending_space = false;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn extract(source: &str) -> Document {
        to_document("page".into(), source)
    }

    #[test]
    fn main_text_and_metadata() {
        let page = r#"<!doctype html><html><head>
            <title>  Japan backs
              India | News </title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="Daily Example">
            <meta property="article:published_time" content="2024-05-06T08:00:00+09:00">
            <link rel="canonical" href="https://example.com/a">
            <meta property="og:url" content="https://example.com/og">
            <style>p { color: red }</style>
            </head><body>
            <header><h1>Site header</h1></header>
            <nav><ul><li>Home</li><li>World</li></ul></nav>
            <article>
              <h1>Japan backs India</h1>
              <p>Tokyo &amp; Delhi  met
                 on <b>Monday</b>&nbsp;to talk.</p>
              <script>var x = "not text";</script>
              <div>Plain div text<p>inner para</p>tail</div>
              <ul><li>one</li><li>two</li></ul>
              <blockquote>&ldquo;Quote&rdquo;</blockquote>
              <table><tr><td>cell 1</td><td>cell 2</td></tr></table>
              <aside>Related: other story</aside>
              <p>Line<br>break</p>
            </article>
            <footer>Copyright</footer>
            </body></html>"#;
        let doc = extract(page);
        assert_eq!(
            doc.text,
            "Japan backs India\n\nTokyo & Delhi met on Monday to talk.\n\nPlain div text\n\n\
             inner para\n\ntail\n\none\n\ntwo\n\n\u{201c}Quote\u{201d}\n\ncell 1\n\ncell 2\n\n\
             Line\n\nbreak"
        );
        assert_eq!(doc.id, "page");
        assert_eq!(doc.title.as_deref(), Some("Japan backs India | News"));
        assert_eq!(doc.source.as_deref(), Some("Daily Example"));
        assert_eq!(doc.published.as_deref(), Some("2024-05-06"));
        assert_eq!(doc.url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn falls_back_to_main_then_body_and_og_tags() {
        let doc = extract(
            r#"<head><meta property="og:title" content="Only OG">
               <meta property="og:url" content="https://e.com/x"></head>
               <body><p>outside</p><main><p>inside <time datetime="2023-01-02">Jan 2</time></p></main></body>"#,
        );
        assert_eq!(doc.text, "inside Jan 2");
        assert_eq!(doc.title.as_deref(), Some("Only OG"));
        assert_eq!(doc.url.as_deref(), Some("https://e.com/x"));
        assert_eq!(doc.published.as_deref(), Some("2023-01-02"));

        let doc = extract("<p>just a <i>body</i></p><nav>menu</nav>text");
        assert_eq!(doc.text, "just a body\n\ntext");
        assert_eq!(doc.title, None);
        assert_eq!(doc.published, None);
    }

    #[test]
    fn article_inside_skipped_element_is_ignored() {
        let doc = extract("<aside><article>related</article></aside><article>real</article>");
        assert_eq!(doc.text, "real");
    }

    #[test]
    fn malformed_html_does_not_panic() {
        let doc = extract("<p>unclosed <b>bold <i>both</b> after</p></div></span><p>next");
        assert_eq!(doc.text, "unclosed bold both after\n\nnext");
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<<<>>>&&&;;").text, "<<<>>>&&&;;");
    }

    #[test]
    fn deep_nesting_is_iterative() {
        let depth = 100_000;
        let mut page = String::with_capacity(depth * 11 + 16);
        page.push_str(&"<div>".repeat(depth));
        page.push_str("deep text");
        page.push_str(&"</div>".repeat(depth));
        let doc = extract(&page);
        assert_eq!(doc.text, "deep text");

        // Unclosed, nested inline elements too.
        let doc = extract(&format!("{}end", "<span>".repeat(depth)));
        assert_eq!(doc.text, "end");
    }
}
