//! HTML → main text and metadata with `scraper`.
//!
//! The text comes from the first `<article>`, else `<main>`, else `<body>`. Each block element
//! becomes one paragraph with its whitespace collapsed; paragraphs are separated by a blank line.
//! What a reader sees but is not the article stays in the text and is set aside with its reason
//! (cleaning lists it as removed): page headers and footers, navigation, asides, forms and buttons,
//! graphics (`svg`, `math`), and text outside the article. What a reader never sees (the head,
//! scripts, styles, templates, fallback content) is left out. The tree is walked iteratively, so
//! deeply nested markup cannot overflow the stack, and nesting is capped before parsing (see
//! `html_depth`) so it cannot make parsing quadratic either.

use super::{date_prefix, TextBuilder};
use crate::{Document, RemovalReason};
use scraper::{ElementRef, Html, Node};

/// Elements whose content a reader never sees.
const INVISIBLE: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "canvas", "object",
];

/// Page furniture: elements a reader sees that are not article text, with the reason they are set
/// aside. Neither is searched for the article or metadata.
fn furniture(name: &str) -> Option<RemovalReason> {
    Some(match name {
        "nav" => RemovalReason::Navigation,
        "header" => RemovalReason::PageHeader,
        "footer" => RemovalReason::PageFooter,
        "aside" => RemovalReason::Aside,
        "form" | "button" | "select" | "textarea" => RemovalReason::Form,
        "svg" | "math" => RemovalReason::Graphic,
        _ => return None,
    })
}

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
    let container = found.article.or(found.main).or(found.body);
    let mut text = Extract::new(container);
    walk(html.root_element(), |step| text.step(step));
    let (text, set_aside) = text.finish();
    Document {
        title: found.title.or(found.og_title),
        source: found.site_name,
        published: found.published.or(found.time),
        url: found.canonical.or(found.og_url),
        set_aside,
        ..Document::new(id, text)
    }
}

/// The paragraphs of an HTML fragment (a raw HTML block inside Markdown), appended to `out`:
/// its text, with page furniture set aside as on a page.
pub(super) fn fragment_into(source: &str, out: &mut TextBuilder) {
    let html = Html::parse_fragment(&super::html_depth::limit_depth(source));
    let mut text = Extract::new(None);
    walk(html.root_element(), |step| text.step(step));
    text.flush_into(out);
}

/// The text of a page being extracted: paragraphs of the article and of what surrounds it, with
/// furniture collected apart and set aside after the paragraph it interrupted.
struct Extract<'a> {
    out: TextBuilder,
    /// The article's element; text outside it is set aside (`None`: everything is the article).
    container: Option<ElementRef<'a>>,
    inside: bool,
    paragraph: Collapsed,
    /// The furniture element being read, its reason and its text so far.
    furniture: Option<(ElementRef<'a>, RemovalReason, Collapsed)>,
    /// Furniture read while a paragraph was open: set aside once that paragraph ends.
    queued: Vec<(String, RemovalReason)>,
}

impl<'a> Extract<'a> {
    fn new(container: Option<ElementRef<'a>>) -> Self {
        Extract {
            out: TextBuilder::default(),
            container,
            inside: container.is_none(),
            paragraph: Collapsed::default(),
            furniture: None,
            queued: Vec::new(),
        }
    }

    /// Visit one step of the walk; returns whether to walk an element's children.
    fn step(&mut self, step: Step<'a>) -> bool {
        match step {
            Step::Enter(el) => {
                let name = el.value().name();
                if let Some((_, _, text)) = &mut self.furniture {
                    if BLOCK.contains(&name) {
                        text.line_break();
                    }
                    return !INVISIBLE.contains(&name);
                }
                if INVISIBLE.contains(&name) {
                    self.paragraph.space();
                    return false;
                }
                if let Some(reason) = furniture(name) {
                    self.paragraph.space();
                    self.furniture = Some((el, reason, Collapsed::default()));
                    return true;
                }
                if BLOCK.contains(&name) {
                    self.flush();
                }
                if Some(el) == self.container {
                    self.inside = true;
                }
            }
            Step::Leave(el) => {
                if let Some((open, reason, text)) = &mut self.furniture {
                    if *open == el {
                        let text = text.take();
                        let reason = *reason;
                        self.furniture = None;
                        if self.paragraph.is_empty() {
                            self.out.push(&text, Some(reason));
                        } else {
                            self.queued.push((text, reason));
                        }
                    } else if BLOCK.contains(&el.value().name()) {
                        text.line_break();
                    }
                    return true;
                }
                if BLOCK.contains(&el.value().name()) {
                    self.flush();
                }
                if Some(el) == self.container {
                    self.inside = false;
                }
            }
            Step::Text(t) => match &mut self.furniture {
                Some((_, _, text)) => text.push(t),
                None => self.paragraph.push(t),
            },
        }
        true
    }

    /// End the open paragraph (article text, or set aside when outside the article), then set
    /// aside the furniture it held.
    fn flush(&mut self) {
        let text = self.paragraph.take();
        let reason = (!self.inside).then_some(RemovalReason::OutsideArticle);
        self.out.push(&text, reason);
        for (text, reason) in std::mem::take(&mut self.queued) {
            self.out.push(&text, Some(reason));
        }
    }

    fn flush_into(mut self, out: &mut TextBuilder) {
        self.flush();
        out.append(self.out);
    }

    fn finish(mut self) -> (String, Vec<crate::SetAside>) {
        self.flush();
        self.out.finish()
    }
}

/// Text with whitespace runs collapsed to one space and lines kept apart.
#[derive(Default)]
struct Collapsed {
    text: String,
    pending: Option<char>,
}

impl Collapsed {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending.get_or_insert(' ');
            } else {
                if let Some(gap) = self.pending.take() {
                    if !self.text.is_empty() {
                        self.text.push(gap);
                    }
                }
                self.text.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending.get_or_insert(' ');
    }

    /// The next text starts a new line.
    fn line_break(&mut self) {
        self.pending = Some('\n');
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn take(&mut self) -> String {
        self.pending = None;
        std::mem::take(&mut self.text)
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
        if (INVISIBLE.contains(&name) && name != "head") || furniture(name).is_some() {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::RemovalReason;

    fn extract(source: &str) -> Document {
        to_document("page".into(), source)
    }

    /// The article: the text without what is set aside, paragraph by paragraph.
    pub(crate) fn article(doc: &Document) -> String {
        let mut text = String::new();
        let mut at = 0;
        for a in &doc.set_aside {
            text.push_str(&doc.text[at..a.span.start_byte]);
            at = a.span.end_byte;
        }
        text.push_str(&doc.text[at..]);
        let paragraphs: Vec<&str> = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
        paragraphs.join("\n\n")
    }

    /// What is set aside, with its reasons.
    pub(crate) fn aside(doc: &Document) -> Vec<(RemovalReason, &str)> {
        doc.set_aside
            .iter()
            .map(|a| (a.reason, a.span.slice(&doc.text)))
            .collect()
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
            aside(&doc),
            [
                (RemovalReason::PageHeader, "Site header"),
                (RemovalReason::Navigation, "Home\nWorld"),
                (RemovalReason::Aside, "Related: other story"),
                (RemovalReason::PageFooter, "Copyright"),
            ]
        );
        assert_eq!(
            article(&doc),
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
        assert_eq!(article(&doc), "inside Jan 2");
        assert_eq!(aside(&doc), [(RemovalReason::OutsideArticle, "outside")]);
        assert_eq!(doc.title.as_deref(), Some("Only OG"));
        assert_eq!(doc.url.as_deref(), Some("https://e.com/x"));
        assert_eq!(doc.published.as_deref(), Some("2023-01-02"));

        let doc = extract("<p>just a <i>body</i></p><nav>menu</nav>text");
        assert_eq!(doc.text, "just a body\n\nmenu\n\ntext");
        assert_eq!(aside(&doc), [(RemovalReason::Navigation, "menu")]);
        assert_eq!(doc.title, None);
        assert_eq!(doc.published, None);
    }

    #[test]
    fn article_inside_skipped_element_is_ignored() {
        let doc = extract("<aside><article>related</article></aside><article>real</article>");
        assert_eq!(article(&doc), "real");
        assert_eq!(aside(&doc), [(RemovalReason::Aside, "related")]);
    }

    #[test]
    fn furniture_inside_a_paragraph_is_set_aside_after_it() {
        let doc = extract(
            "<body><div>Menu</div><article><p>Officials <button>Share</button> said <svg><text>chart</text></svg>\
             so.</p><form><p>Name</p><select><option>A</option></select></form></article>\
             <p>Comments</p><p>More comments</p><script>x()</script><template>t</template></body>",
        );
        assert_eq!(
            doc.text,
            "Menu\n\nOfficials said so.\n\nShare\n\nchart\n\nName\nA\n\nComments\nMore comments"
        );
        assert_eq!(
            aside(&doc),
            [
                (RemovalReason::OutsideArticle, "Menu"),
                (RemovalReason::Form, "Share"),
                (RemovalReason::Graphic, "chart"),
                (RemovalReason::Form, "Name\nA"),
                (RemovalReason::OutsideArticle, "Comments\nMore comments"),
            ]
        );
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
