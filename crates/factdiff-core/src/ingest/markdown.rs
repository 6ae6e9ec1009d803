//! Markdown → plain text with `pulldown-cmark`.
//!
//! Blocks (paragraphs, headings, code blocks, quotes) are separated by a blank
//! line, list items by a single newline. Inline code and link text are kept;
//! images (a reader sees the picture, not its alt text) and inline HTML tags
//! are dropped. A raw HTML block is read like a page fragment: its text is
//! kept and its furniture set aside (see `html`). The first level-1 heading is
//! the title.

use super::TextBuilder;
use crate::Document;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Strip Markdown `source` (newlines already normalised) into a document.
pub(super) fn to_document(id: String, source: &str) -> Document {
    let mut out = Blocks::default();
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut image_depth = 0usize;
    let mut list_depth = 0usize;
    let mut html_block: Option<String> = None;

    for event in Parser::new_ext(source, Options::empty()) {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                out.flush(list_depth > 0);
                html_block = Some(String::new());
            }
            Event::Html(chunk) if html_block.is_some() => {
                if let Some(block) = &mut html_block {
                    block.push_str(&chunk);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = html_block.take() {
                    let mut fragment = TextBuilder::default();
                    super::html::fragment_into(&block, &mut fragment);
                    out.built.append(fragment);
                    out.last_in_list = false;
                }
            }
            Event::Start(pulldown_cmark::Tag::Image { .. }) => {
                // Drop the space before an image too, so "a ![x](y) b" is "a b".
                if image_depth == 0 {
                    let kept = out.current.trim_end_matches(' ').len();
                    out.current.truncate(kept);
                }
                image_depth += 1;
            }
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            // Everything inside an image (its alt text) is dropped.
            _ if image_depth > 0 => {}
            Event::Start(tag) => {
                let end = tag.to_end();
                if is_block(end) {
                    out.flush(list_depth > 0);
                }
                match end {
                    TagEnd::List(_) => list_depth += 1,
                    TagEnd::Heading(HeadingLevel::H1) if title.is_none() => in_title = true,
                    _ => {}
                }
            }
            Event::End(end) => {
                if in_title && matches!(end, TagEnd::Heading(_)) {
                    let text = out.current.trim();
                    title = (!text.is_empty()).then(|| text.to_string());
                    in_title = false;
                }
                if is_block(end) {
                    out.flush(list_depth > 0);
                }
                if let TagEnd::List(_) = end {
                    list_depth = list_depth.saturating_sub(1);
                }
            }
            Event::Text(text) | Event::Code(text) => out.current.push_str(&text),
            Event::SoftBreak => out.current.push(' '),
            Event::HardBreak => out.current.push('\n'),
            Event::Rule => out.flush(list_depth > 0),
            // Raw HTML, footnote references and extensions that are off anyway.
            _ => {}
        }
    }
    out.flush(false);
    let (text, set_aside) = out.built.finish();
    Document {
        title,
        set_aside,
        ..Document::new(id, text)
    }
}

/// Tags that start and end a block of their own (everything but inline markup).
fn is_block(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Finished text plus the block being built.
#[derive(Default)]
struct Blocks {
    built: TextBuilder,
    current: String,
    /// Whether the last finished block was inside a list.
    last_in_list: bool,
}

impl Blocks {
    /// End the current block (if it has any text). Consecutive list blocks go
    /// one per line; anything else is separated by a blank line.
    fn flush(&mut self, in_list: bool) {
        let block = self.current.trim();
        if !block.is_empty() {
            let separator = if in_list && self.last_in_list { "\n" } else { "\n\n" };
            self.built.push_after(separator, block, None);
            self.last_in_list = in_list;
        }
        self.current.clear();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn strip(source: &str) -> Document {
        to_document("doc".into(), source)
    }

    #[test]
    fn strips_markup() {
        let md = "# Japan backs *India*\n\nFirst para with `code` and a\n[link](http://x.y) here.\n\n\
                  ## Sub heading\n\n- one\n- **two**\n- three\n\nAfter ![alt text](p.png) image \
                  <span>inline</span> html.\n\n<div>\nblock html\n</div>\n\n```\nlet x = 1;\n```\n";
        let doc = strip(md);
        assert_eq!(doc.title.as_deref(), Some("Japan backs India"));
        assert_eq!(
            doc.text,
            "Japan backs India\n\nFirst para with code and a link here.\n\nSub heading\n\n\
             one\ntwo\nthree\n\nAfter image inline html.\n\nblock html\n\nlet x = 1;"
        );
    }

    #[test]
    fn html_blocks_are_read_like_a_page() {
        let doc = strip(
            "# Title\n\n<p>An <b>HTML</b> paragraph.</p>\n\nText.\n\n<details>\n<summary>More</summary>\n\n\
             Hidden part.\n\n</details>\n\n<nav>Home | World</nav>\n\n<!-- a comment -->\n",
        );
        assert_eq!(
            doc.text,
            "Title\n\nAn HTML paragraph.\n\nText.\n\nMore\n\nHidden part.\n\nHome | World"
        );
        let aside: Vec<(crate::RemovalReason, &str)> = doc
            .set_aside
            .iter()
            .map(|a| (a.reason, a.span.slice(&doc.text)))
            .collect();
        assert_eq!(aside, [(crate::RemovalReason::Navigation, "Home | World")]);
        // A document of HTML only is not empty.
        assert_eq!(strip("<div><p>Only HTML here.</p></div>").text, "Only HTML here.");
    }

    #[test]
    fn loose_and_nested_lists_one_item_per_line() {
        let doc = strip("Intro:\n\n1. first\n\n2. second\n   - nested\n\nOutro.");
        assert_eq!(doc.text, "Intro:\n\nfirst\nsecond\nnested\n\nOutro.");
    }

    #[test]
    fn title_is_first_h1_only() {
        let doc = strip("## Not title\n\nText.\n\n# Title\n\n# Second");
        assert_eq!(doc.title.as_deref(), Some("Title"));
        assert_eq!(doc.text, "Not title\n\nText.\n\nTitle\n\nSecond");
        assert_eq!(strip("Just text.").title, None);
        assert_eq!(strip("").text, "");
    }

    #[test]
    fn crlf_input_is_normalised_by_parse() {
        let docs = super::super::parse(
            std::path::Path::new("a.md"),
            b"# T\r\n\r\nline one\r\nline two\r\n",
            super::super::Format::Markdown,
        )
        .unwrap();
        assert_eq!(docs[0].text, "T\n\nline one line two");
    }
}
