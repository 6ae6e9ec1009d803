//! Nothing a reader sees is dropped without a word: every non-whitespace byte of each document is
//! in a claim or in a removed span with its reason, whatever the input format; an HTML page's
//! navigation, header, footer, asides and forms and a Markdown file's raw HTML are in the document
//! (the former set aside with reasons); a link list in the middle of an article takes only itself.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{run, stderr, stdout, TempDir};
use serde_json::Value;
use std::path::Path;

/// The JSON report of `args` (exit code 0).
fn report(args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn span(v: &Value) -> (usize, usize) {
    (
        v["start_byte"].as_u64().unwrap() as usize,
        v["end_byte"].as_u64().unwrap() as usize,
    )
}

/// Every non-whitespace byte of every document is in exactly one claim or removed span; returns
/// the bytes that are in none (the test asserts there are none).
fn unaccounted(r: &Value) -> Vec<String> {
    let mut missing = Vec::new();
    for d in r["documents"].as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        let text = d["text"].as_str().unwrap();
        let mut covered = vec![0u8; text.len()];
        let claims = r["claims"].as_array().unwrap().iter().filter(|c| c["doc"] == id);
        for s in claims.chain(d["removed"].as_array().unwrap()).map(span) {
            for c in &mut covered[s.0..s.1] {
                *c += 1;
            }
        }
        for (i, ch) in text.char_indices() {
            if !ch.is_whitespace() && covered[i] != 1 {
                missing.push(format!("{id}: byte {i} ({ch:?}) covered {} times", covered[i]));
            }
        }
    }
    missing
}

/// `(reason, text)` of each removed span of the first document.
fn removed(r: &Value) -> Vec<(String, String)> {
    r["documents"][0]["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["reason"].as_str().unwrap().to_string(),
                x["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn claim_texts(r: &Value) -> Vec<String> {
    r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_byte_of_the_seeds_is_claimed_or_removed_with_a_reason() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "seeds missing under CI: {}",
            dir.display()
        );
        return;
    }
    let r = report(&[dir.to_str().unwrap()]);
    assert_eq!(r["documents"].as_array().unwrap().len(), 5);
    let missing = unaccounted(&r);
    assert!(
        missing.is_empty(),
        "{} bytes without a claim or a reason: {missing:#?}",
        missing.len()
    );
}

#[test]
fn headings_bylines_copyright_and_short_lines_get_a_reason() {
    let dir = TempDir::new("reasons");
    let path = dir.file(
        "story.txt",
        "Dam opens\n\nBy Ana Silva, Reuters\n\n\
         Valdoria opened the floodgates of the Tovan Dam on Monday, officials said.\n\n\
         He resigned.\n\n🎉🎉 👍\n\nClick here to read more\n\n© 2024 Daily Example. All rights reserved.\n",
    );
    let r = report(&[&path]);
    assert_eq!(
        removed(&r),
        [
            ("heading", "Dam opens"),
            ("byline", "By Ana Silva, Reuters"),
            ("short_sentence", "He resigned."),
            ("site_furniture", "🎉🎉 👍"),
            ("site_furniture", "Click here to read more"),
            ("site_furniture", "© 2024 Daily Example. All rights reserved."),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(unaccounted(&r).is_empty(), "{:?}", unaccounted(&r));
    // The text report names the reasons too.
    let o = run(&["report", &path]);
    assert!(stdout(&o).contains("heading"), "{}", stdout(&o));
}

#[test]
fn a_link_line_mid_article_removes_only_itself() {
    let dir = TempDir::new("link-line");
    let path = dir.file(
        "story.txt",
        "Valdoria opened the floodgates of the Tovan Dam on Monday, officials said.\n\
         Kessaria said the release of water flooded 40 villages along the river.\n\
         You may also like\n\
         Dam talks stall again\n\
         Lorvania urged both sides to return to talks on Tuesday, its minister said.\n\
         Also read:\n\
         Engineers began inspecting the dam on Wednesday, the water authority said.\n\
         Read more:\n\
         The inquiry into the flooding will report in March, the ministry said.\n\
         Officials counted 26 boats on the water on Friday, the coast guard said.\n",
    );
    let r = report(&[&path]);
    assert_eq!(claim_texts(&r).len(), 6, "{:#?}", claim_texts(&r));
    assert_eq!(
        removed(&r),
        [
            ("link_list", "You may also like\nDam talks stall again"),
            ("link_list", "Also read:"),
            ("link_list", "Read more:"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(unaccounted(&r).is_empty());
}

#[test]
fn html_page_furniture_is_listed_as_removed_with_its_reason() {
    let dir = TempDir::new("html-furniture");
    let path = dir.file(
        "page.html",
        "<html><head><title>Dam</title></head><body>\
         <header><h1>Daily Example</h1></header>\
         <nav><ul><li>Home</li><li>World</li></ul></nav>\
         <div class=\"promo\">Subscribe for 1 dollar a week today</div>\
         <article><p>Valdoria opened the floodgates of the Tovan Dam on Monday, officials said. \
         <button>Share</button></p>\
         <aside>Related: Kessaria protests the dam</aside>\
         <p>Kessaria said the release of water flooded 40 villages along the river.</p>\
         <form><input name=\"q\"><button>Search</button></form></article>\
         <footer>Contact us</footer></body></html>",
    );
    let r = report(&[&path]);
    assert_eq!(
        claim_texts(&r),
        [
            "Valdoria opened the floodgates of the Tovan Dam on Monday, officials said.",
            "Kessaria said the release of water flooded 40 villages along the river."
        ]
    );
    assert_eq!(
        removed(&r),
        [
            ("page_header", "Daily Example"),
            ("navigation", "Home\nWorld"),
            ("outside_article", "Subscribe for 1 dollar a week today"),
            ("form", "Share"),
            ("aside", "Related: Kessaria protests the dam"),
            ("form", "Search"),
            ("page_footer", "Contact us"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(unaccounted(&r).is_empty());
}

#[test]
fn markdown_html_blocks_are_read() {
    let dir = TempDir::new("md-html");
    let mixed = dir.file(
        "mixed.md",
        "# Dam opens\n\nValdoria opened the floodgates of the Tovan Dam on Monday, officials said.\n\n\
         <p>Kessaria said the release of water flooded 40 villages along the river.</p>\n\n\
         <details>\n<summary>More</summary>\n\nLorvania urged both sides to return to talks on Tuesday.\n\n</details>\n",
    );
    let r = report(&[&mixed]);
    let claims = claim_texts(&r);
    assert!(
        claims.contains(&"Kessaria said the release of water flooded 40 villages along the river.".to_string()),
        "{claims:#?}"
    );
    assert!(
        claims.contains(&"Lorvania urged both sides to return to talks on Tuesday.".to_string()),
        "{claims:#?}"
    );
    assert!(unaccounted(&r).is_empty());
    let only_html = dir.file(
        "only.md",
        "<div>\n<p>Valdoria opened the floodgates of the Tovan Dam on Monday, officials said.</p>\n</div>\n",
    );
    let r = report(&[&only_html]);
    assert_eq!(claim_texts(&r).len(), 1);
}
