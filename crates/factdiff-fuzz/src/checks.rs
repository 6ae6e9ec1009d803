//! What every fuzz target checks. Each function takes the raw fuzz input and panics when an
//! invariant breaks; the same file is included by `crates/factdiff-core/tests/fuzz_corpus.rs`,
//! which replays the committed corpus through it on stable Rust, and by
//! `crates/factdiff-core/tests/properties.rs` for the "nothing is lost" oracle.

use factdiff_core::ingest::{self, Format};
use factdiff_core::training::stages;
use factdiff_core::{compare, extract_claims, Claim, CompareOptions, Config, Document, Error, Report, Span};
use factdiff_render::{render, render_html_fragment, Format as Output, Options};
use serde_json::Value;
use std::path::Path;

/// The loaders: the same bytes through txt, Markdown, HTML and JSONL.
pub fn ingest(data: &[u8]) {
    let formats = [
        ("fuzz.txt", Format::Text),
        ("fuzz.md", Format::Markdown),
        ("fuzz.html", Format::Html),
        ("fuzz.jsonl", Format::Jsonl),
    ];
    for (name, format) in formats {
        let docs = match ingest::parse(Path::new(name), data, format) {
            Ok(docs) => docs,
            Err(e) => {
                assert!(!e.to_string().is_empty(), "{format:?}: empty error message");
                continue;
            }
        };
        if format == Format::Text {
            // Plain text is kept byte for byte, only a UTF-8 BOM is dropped.
            let raw = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
            assert_eq!(docs.len(), 1, "text gives one document");
            assert_eq!(docs[0].text.as_bytes(), raw, "text changed on loading");
        }
        if let (Some(visible), [doc]) = (visible_chars(data, format), docs.as_slice()) {
            // Nothing a reader sees in the file is lost on loading, and after the comparison
            // each of its characters is in a claim or a removed span with a reason.
            assert_eq!(
                nonspace_chars(&doc.text),
                visible,
                "{format:?}: visible text lost on loading"
            );
            if !doc.text.trim().is_empty() {
                match compare(
                    std::slice::from_ref(doc),
                    &Config::default(),
                    &CompareOptions::default(),
                ) {
                    Ok(report) => assert_accounted(&report),
                    Err(e) => panic!("{format:?}: compare failed: {e}"),
                }
            }
        }
        for doc in &docs {
            assert!(!doc.id.trim().is_empty(), "{format:?}: empty document id");
            if let Some(date) = &doc.published {
                let ok = date.len() == 10
                    && date.bytes().enumerate().all(|(i, b)| match i {
                        4 | 7 => b == b'-',
                        _ => b.is_ascii_digit(),
                    });
                assert!(ok, "{format:?}: published {date:?} is not YYYY-MM-DD");
            }
        }
    }
}

/// The non-whitespace characters of `text`, sorted.
pub fn nonspace_chars(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    chars.sort_unstable();
    chars
}

/// Elements whose text a reader of an HTML page never sees.
const INVISIBLE: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "canvas", "object",
];

/// The non-whitespace characters a reader sees in a file read as `format`, sorted: for HTML the
/// text nodes outside the elements above; for Markdown its text and code (not image alt text)
/// and the visible text of its raw HTML blocks. `None` for plain text and JSONL (kept as they
/// are), for bytes that are not UTF-8, and for markup whose tags the loader may drop before
/// parsing (over 256 tags, or more than 8 formatting tags, which it caps): the parser then builds
/// a different tree, and html5ever with scraper's tree can drop text of misnested formatting
/// elements (rust-scraper/scraper#147), so the two parses need not hold the same text.
pub fn visible_chars(data: &[u8], format: Format) -> Option<Vec<char>> {
    let source = std::str::from_utf8(data).ok()?;
    const FORMATTING: &[&str] = &[
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    ];
    let formatting = source
        .split('<')
        .skip(1)
        .filter(|tag| {
            let name: String = tag.chars().take_while(char::is_ascii_alphanumeric).collect();
            FORMATTING.contains(&name.to_ascii_lowercase().as_str())
        })
        .count();
    if source.matches('<').count() > 256 || formatting > 8 {
        return None;
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // CR and CRLF are line endings (the loader makes them LF before reading the markup).
    let source = &source.replace("\r\n", "\n").replace('\r', "\n");
    let text = match format {
        Format::Html => html_visible(&scraper::Html::parse_document(source)),
        Format::Markdown => markdown_visible(source),
        _ => return None,
    };
    Some(nonspace_chars(&text))
}

/// The text nodes of `html` with no invisible element among their ancestors.
fn html_visible(html: &scraper::Html) -> String {
    let mut out = String::new();
    for node in html.tree.root().descendants() {
        let scraper::Node::Text(text) = node.value() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| match a.value() {
            scraper::Node::Element(el) => INVISIBLE.contains(&el.name()),
            _ => false,
        });
        if !hidden {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// Text and code of Markdown outside images, and the visible text of each raw HTML block.
fn markdown_visible(source: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut images = 0usize;
    let mut block: Option<String> = None;
    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) => block = Some(String::new()),
            Event::End(TagEnd::HtmlBlock) => {
                let html = block.take().unwrap_or_default();
                out.push_str(&html_visible(&scraper::Html::parse_fragment(&html)));
            }
            Event::Html(html) => block.get_or_insert_with(String::new).push_str(&html),
            Event::Text(text) | Event::Code(text) if images == 0 => {
                out.push_str(&text);
                out.push(' ');
            }
            _ => {}
        }
    }
    out
}

/// Every non-whitespace byte of each document's text is in exactly one claim or removed span:
/// what the reader sees is claimed, or set aside with a reason.
pub fn assert_accounted(report: &Report) {
    for d in &report.documents {
        let mut owner: Vec<Option<String>> = vec![None; d.text.len()];
        let claims = report
            .claims
            .iter()
            .filter(|c| *c.doc == *d.id)
            .map(|c| (c.span, c.id.to_string()));
        let removed = d.removed.iter().map(|r| (r.span, format!("removed ({:?})", r.reason)));
        for (span, what) in claims.chain(removed) {
            for slot in &mut owner[span.start_byte..span.end_byte] {
                assert!(slot.is_none(), "{}: byte in {slot:?} and {what}", d.id);
                *slot = Some(what.clone());
            }
        }
        for (i, c) in d.text.char_indices() {
            assert!(
                c.is_whitespace() || owner[i].is_some(),
                "{}: byte {i} ({c:?}) is in no claim and no removed span: {:?}",
                d.id,
                d.text[i..].chars().take(40).collect::<String>()
            );
        }
    }
}

/// Cleaning and segmentation of arbitrary UTF-8: every span in bounds, on char boundaries, in order.
pub fn segment(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = Config::default();
    let cleaned = stages::clean(text, &[], &config);
    let mut end = 0;
    for kept in &cleaned.kept {
        slice(text, *kept, "kept span");
        assert!(
            kept.start_byte >= end,
            "kept spans overlap or are out of order: {kept:?}"
        );
        end = kept.end_byte;
    }
    for removed in &cleaned.removed {
        assert_eq!(slice(text, removed.span, "removed span"), removed.text);
        if let Some(earlier) = removed.repeats {
            slice(text, earlier, "repeated span");
        }
    }
    let sentences = stages::segment(text, &cleaned.kept, &config);
    let mut end = 0;
    for s in &sentences {
        let sentence = slice(text, s.span, "sentence");
        assert!(!sentence.trim().is_empty(), "blank sentence at {:?}", s.span);
        assert!(
            s.span.start_byte >= end,
            "sentences overlap or are out of order: {:?}",
            s.span
        );
        end = s.span.end_byte;
        match cleaned.kept.get(s.paragraph) {
            Some(para) => assert!(
                para.contains(s.span),
                "sentence {:?} outside its paragraph {para:?}",
                s.span
            ),
            None => panic!(
                "sentence {:?} names paragraph {} of {}",
                s.span,
                s.paragraph,
                cleaned.kept.len()
            ),
        }
    }
}

/// Claim extraction on one document: every claim and everything inside it slices back.
pub fn analyze(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::new("fuzz", text);
    let claims = match extract_claims(&doc, &Config::default()) {
        Ok(claims) => claims,
        Err(e) => panic!("extract_claims failed: {e}"),
    };
    let mut end = 0;
    for claim in &claims {
        assert_eq!(&*claim.doc, "fuzz");
        check_claim(text, claim);
        assert!(
            claim.span.start_byte >= end,
            "claims overlap or are out of order: {}",
            claim.id
        );
        end = claim.span.end_byte;
    }
}

/// The whole pipeline on 2–4 documents cut from the input, then every renderer.
pub fn report(data: &[u8]) {
    let docs = split_documents(data);
    let report = match compare(&docs, &Config::default(), &CompareOptions::default()) {
        Ok(report) => report,
        Err(Error::EmptyInput { .. }) => {
            assert!(docs.iter().all(|d| d.text.trim().is_empty()));
            return;
        }
        Err(e) => panic!("compare failed: {e}"),
    };
    assert_eq!(report.documents.len(), docs.len());
    for (doc, out) in docs.iter().zip(&report.documents) {
        assert_eq!(
            (&doc.id, &doc.text),
            (&out.id, &out.text),
            "document changed in the report"
        );
    }
    check_report(&report);
    assert_accounted(&report);

    let options = Options::default();
    let outputs =
        [Output::Text, Output::Markdown, Output::Json, Output::Csv].map(|f| (f, render(&report, f, &options)));
    for (format, out) in &outputs {
        assert!(out.ends_with('\n'), "{format:?} output does not end with a newline");
    }
    let coloured = render(&report, Output::Text, &Options { color: true, width: 20 });
    assert!(coloured.ends_with('\n'));
    let page = render(&report, Output::Html, &options);
    assert!(page.ends_with('\n'), "HTML output does not end with a newline");
    check_json(&report, &outputs[2].1);
    check_csv(&outputs[3].1);
    check_html(&report, |r| render(r, Output::Html, &Options::default()));
    check_html(&report, render_html_fragment);
}

/// Documents from fuzz bytes. The first byte picks how many (2–4); the rest, as UTF-8 (invalid
/// sequences replaced), is cut at U+001E separators when it has any, else into equal parts. A part
/// whose first line starts with `#!` takes `id|title|source|url|published` from that line, so
/// metadata is fuzzed too; an empty or repeated id falls back to `d<n>`.
pub fn split_documents(data: &[u8]) -> Vec<Document> {
    let (count, rest) = match data.split_first() {
        Some((first, rest)) => (2 + usize::from(*first % 3), rest),
        None => (2, data),
    };
    let text = String::from_utf8_lossy(rest);
    let parts: Vec<&str> = if text.contains('\u{1e}') {
        text.splitn(4, '\u{1e}').collect()
    } else {
        equal_parts(&text, count)
    };
    let mut docs: Vec<Document> = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        let mut doc = Document::new(format!("d{i}"), part);
        if let Some(header) = part.strip_prefix("#!") {
            let (line, body) = header.split_once('\n').unwrap_or((header, ""));
            let mut fields = line.split('|').map(|f| Some(f.to_string()).filter(|f| !f.is_empty()));
            let id = fields.next().flatten();
            doc.title = fields.next().flatten();
            doc.source = fields.next().flatten();
            doc.url = fields.next().flatten();
            doc.published = fields.next().flatten();
            doc.text = body.to_string();
            if let Some(id) = id.filter(|id| !id.trim().is_empty() && !docs.iter().any(|d| &d.id == id)) {
                doc.id = id;
            }
        }
        if docs.iter().any(|d| d.id == doc.id) {
            doc.id = format!("d{i}");
        }
        docs.push(doc);
    }
    docs
}

/// `text` cut into `n` pieces of about the same byte length, at char boundaries.
fn equal_parts(text: &str, n: usize) -> Vec<&str> {
    let mut parts = Vec::with_capacity(n);
    let mut start = 0;
    for i in 1..=n {
        let mut cut = if i == n { text.len() } else { text.len() * i / n };
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let cut = cut.max(start);
        parts.push(&text[start..cut]);
        start = cut;
    }
    parts
}

/// The slice `span` covers; panics when it is inverted, out of bounds or off a char boundary.
fn slice<'t>(text: &'t str, span: Span, what: &str) -> &'t str {
    match text.get(span.start_byte..span.end_byte) {
        Some(s) => s,
        None => panic!("{what} {span:?} does not slice a text of {} bytes", text.len()),
    }
}

fn check_claim(text: &str, c: &Claim) {
    assert_eq!(slice(text, c.span, "claim"), c.text, "claim {}", c.id);
    assert!(!c.text.trim().is_empty(), "blank claim {}", c.id);
    if let Some(quote) = c.quote {
        slice(text, quote, "quote");
        assert!(c.span.contains(quote), "quote {quote:?} outside claim {}", c.id);
    }
    if let Some(span) = c.speaker.span {
        slice(text, span, "speaker");
    }
    for e in &c.entities {
        assert_eq!(slice(text, e.span, "entity"), e.text, "claim {}", c.id);
    }
    for q in &c.quantities {
        assert_eq!(slice(text, q.span, "quantity"), q.text, "claim {}", c.id);
        assert!(q.value.is_finite(), "quantity {:?} is not finite", q.text);
    }
    for d in &c.dates {
        assert_eq!(slice(text, d.span, "date"), d.text, "claim {}", c.id);
    }
    let cues = c
        .intensifiers
        .iter()
        .chain(&c.evaluative)
        .chain(c.stances.iter().map(|s| &s.cue));
    for cue in cues {
        assert_eq!(slice(text, cue.span, "cue"), cue.text, "claim {}", c.id);
    }
    assert!(
        (0.0..=1.0).contains(&c.check_worthiness),
        "check_worthiness {}",
        c.check_worthiness
    );
}

/// Spans of a report slice back from its documents, and every id it refers to exists.
fn check_report(r: &Report) {
    let text_of = |id: &str| match r.document(id) {
        Some(d) => d.text.as_str(),
        None => panic!("unknown document {id:?}"),
    };
    for d in &r.documents {
        for x in &d.removed {
            assert_eq!(slice(&d.text, x.span, "removed span"), x.text);
        }
    }
    for c in &r.claims {
        check_claim(text_of(&c.doc), c);
    }
    for cluster in &r.clusters {
        for id in &cluster.claims {
            assert!(r.claim(id).is_some(), "cluster {} names unknown claim {id}", cluster.id);
        }
    }
    for f in &r.findings {
        for id in &f.claims {
            assert!(r.claim(id).is_some(), "finding {} names unknown claim {id}", f.id);
        }
        for e in &f.evidence {
            assert_eq!(slice(text_of(&e.doc), e.span, "evidence"), e.text, "finding {}", f.id);
        }
    }
    assert!((0.0..=1.0).contains(&r.consistency), "consistency {}", r.consistency);
}

/// The JSON output parses back into the same report (spans, texts and ids; floats aside).
fn check_json(report: &Report, json: &str) {
    let back: Report = match serde_json::from_str(json) {
        Ok(back) => back,
        Err(e) => panic!("JSON output does not parse back: {e}"),
    };
    assert_eq!(back.documents, report.documents);
    let claims = |r: &Report| -> Vec<(String, Span, String)> {
        r.claims
            .iter()
            .map(|c| (c.id.to_string(), c.span, c.text.clone()))
            .collect()
    };
    assert_eq!(claims(&back), claims(report));
    let findings = |r: &Report| -> Vec<(String, Vec<(Span, String)>)> {
        let evidence = |f: &factdiff_core::Finding| f.evidence.iter().map(|e| (e.span, e.text.clone())).collect();
        r.findings.iter().map(|f| (f.id.clone(), evidence(f))).collect()
    };
    assert_eq!(findings(&back), findings(report));
    assert_eq!(back.warnings, report.warnings);
}

/// The CSV output reads back as a rectangular table with a header row.
fn check_csv(csv_text: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        if let Err(e) = record {
            panic!("CSV row {rows} does not parse: {e}");
        }
        rows += 1;
    }
    assert!(rows >= 1, "CSV output has no header row");
}

/// Characters that end an element's text or a quoted attribute value.
const MARKUP: [char; 4] = ['<', '>', '"', '\''];

/// Document text and metadata never reach the HTML raw.
///
/// The HTML of `report` is compared with the HTML of the same report in which every `<`, `>`, `"`
/// and `'` inside any string (texts, titles, URLs, ids, explanations) is swapped for an ASCII
/// punctuation character that occurs in none of its strings: a distinct one for each, so the swap
/// is one-to-one and keeps every byte offset, span and character class. Markup the renderer writes
/// is identical in both pages; a raw markup character copied from the report appears only in the
/// first. So each of the four must occur equally often in both pages. (When the report uses all
/// but three of the replacement characters the check cannot be made and is skipped.)
fn check_html(report: &Report, html: impl Fn(&Report) -> String) {
    let page = html(report);
    assert!(
        !page.to_ascii_lowercase().contains("<script"),
        "HTML output contains a script"
    );
    let Ok(value) = serde_json::to_value(report) else {
        panic!("report does not serialise");
    };
    let mut used = Vec::new();
    collect_chars(&value, &mut used);
    let free: Vec<char> = "~^|`$%*+=#@_;:!?,.-/\\{}[]()"
        .chars()
        .filter(|c| !used.contains(c))
        .take(MARKUP.len())
        .collect();
    if free.len() < MARKUP.len() {
        return;
    }
    let swapped = swap_markup(value, &free);
    let neutral: Report = match serde_json::from_value(swapped) {
        Ok(r) => r,
        Err(e) => panic!("swapped report does not deserialise: {e}"),
    };
    let plain = html(&neutral);
    for c in MARKUP {
        let raw = page.matches(c).count();
        let markup = plain.matches(c).count();
        assert_eq!(raw, markup, "{c:?} from the report appears raw in the HTML");
    }
}

/// Every ASCII punctuation character used in any string (or key) of `value`.
fn collect_chars(value: &Value, used: &mut Vec<char>) {
    fn add(s: &str, used: &mut Vec<char>) {
        for c in s.chars().filter(char::is_ascii_punctuation) {
            if !used.contains(&c) {
                used.push(c);
            }
        }
    }
    match value {
        Value::String(s) => add(s, used),
        Value::Array(items) => items.iter().for_each(|v| collect_chars(v, used)),
        Value::Object(map) => {
            for (k, v) in map {
                add(k, used);
                collect_chars(v, used);
            }
        }
        _ => {}
    }
}

/// `value` with `MARKUP[i]` replaced by `with[i]` in every string and key.
fn swap_markup(value: Value, with: &[char]) -> Value {
    let swap = |s: String| -> String {
        s.chars()
            .map(|c| MARKUP.iter().position(|&m| m == c).map_or(c, |i| with[i]))
            .collect()
    };
    match value {
        Value::String(s) => Value::String(swap(s)),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| swap_markup(v, with)).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (swap(k), swap_markup(v, with))).collect()),
        other => other,
    }
}
