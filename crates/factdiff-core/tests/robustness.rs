//! Random text built from tricky pieces (quotes, titles, numbers, dates, boilerplate, emoji,
//! CJK, right-to-left script, lone punctuation) never panics, every span slices back to its
//! text on char boundaries, and the same input gives the same report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdiff_core::{compare, CompareOptions, Config, Document, Error, Report};

const PIECES: &[&str] = &[
    "Japan",
    "India's",
    "Pakistan",
    "Tokyo",
    "Japanese Foreign Minister Iwaya Takeshi",
    "Gen.",
    "Mr.",
    "U.S.",
    "said",
    "told",
    "sources said",
    "analysts believe",
    "\"",
    "“",
    "”",
    "'",
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    "\n",
    "\n\n",
    "  ",
    "backed",
    "against",
    "both",
    "and",
    "urged",
    "dialogue",
    "restraint",
    "not",
    "never",
    "did not",
    "26",
    "450-km",
    "1,200",
    "3.5%",
    "nine",
    "twenty-six",
    "at least",
    "April 22",
    "22 April 2025",
    "on Monday",
    "2019",
    "yesterday",
    "Photo: Jane Roe / Pexels",
    "PexelsThis",
    "Advertisement",
    "You may also like",
    "Exit mobile version",
    "|",
    "unequivocally",
    "reckless",
    "will",
    "may",
    "people",
    "sites",
    "rose",
    "fell",
    "😀",
    "東京で会談した",
    "وزير الخارجية",
    "Ünïcödé",
    "\u{200b}",
    "\r\n",
    "\t",
    "Secretary of State's",
    "NEW DELHI:",
    "Moscow:",
    "—",
    "…",
    "(",
    ")",
    "San",
    "Nakatani",
    "General",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(120);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

fn check_spans(r: &Report) {
    for d in &r.documents {
        for x in &d.removed {
            assert_eq!(d.text.get(x.span.start_byte..x.span.end_byte), Some(x.text.as_str()));
        }
    }
    for c in &r.claims {
        let d = r.document(&c.doc).unwrap();
        assert_eq!(d.text.get(c.span.start_byte..c.span.end_byte), Some(c.text.as_str()));
        for e in &c.entities {
            assert_eq!(d.text.get(e.span.start_byte..e.span.end_byte), Some(e.text.as_str()));
        }
        for q in &c.quantities {
            assert_eq!(d.text.get(q.span.start_byte..q.span.end_byte), Some(q.text.as_str()));
        }
        for x in &c.dates {
            assert_eq!(d.text.get(x.span.start_byte..x.span.end_byte), Some(x.text.as_str()));
        }
    }
    for f in &r.findings {
        for e in &f.evidence {
            let d = r.document(&e.doc).unwrap();
            assert_eq!(d.text.get(e.span.start_byte..e.span.end_byte), Some(e.text.as_str()));
        }
    }
}

#[test]
fn random_tricky_text_never_panics_and_spans_hold() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let config = Config::default();
    let rounds: usize = std::env::var("FACTDIFF_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    for round in 0..rounds {
        let docs: Vec<Document> = (0..1 + rng.below(4))
            .map(|i| Document::new(format!("d{i}"), random_text(&mut rng)))
            .collect();
        match compare(&docs, &config, &CompareOptions::default()) {
            Ok(r) => {
                check_spans(&r);
                if round % 50 == 0 {
                    let again = compare(&docs, &config, &CompareOptions::default()).unwrap();
                    assert_eq!(
                        serde_json::to_string(&r).unwrap(),
                        serde_json::to_string(&again).unwrap()
                    );
                }
            }
            Err(Error::EmptyInput { .. }) => {}
            Err(e) => panic!("unexpected error {e}"),
        }
    }
}

#[test]
fn ten_thousand_small_documents_are_processed() {
    let docs: Vec<Document> = (0..10_000)
        .map(|i| {
            Document::new(
                format!("n{i}"),
                format!("Officials in Merith counted {i} boats on the river on Monday."),
            )
        })
        .collect();
    let r = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    assert_eq!(r.documents.len(), 10_000);
    assert_eq!(r.sources.len(), 10_000);
    assert!(r.agreement.matrix.is_empty());
    assert!(r.warnings.iter().any(|w| w.contains("agreement matrix left out")));
}

#[test]
fn adversarial_repetition_stays_bounded() {
    // Thousands of identical sentences in one paragraph, and one entity repeated 100,000 times.
    let same = "Japan backed India against Pakistan on Monday. ".repeat(3_000);
    let entity = "Japan ".repeat(100_000);
    let docs = vec![Document::new("same", same), Document::new("entity", entity)];
    let start = std::time::Instant::now();
    let r = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    assert!(r.claims.len() >= 3_000);
    // Generous bound for a debug build on a loaded 2-core machine; quadratic work would take minutes.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn non_english_text_gets_a_warning() {
    let docs = vec![
        Document::new("de", "Die Regierung in Berlin hat am Montag neue Gespräche mit den Nachbarländern angekündigt. Die Minister wollen über Wasserrechte am Fluss sprechen, nachdem es zu Überschwemmungen gekommen war. Beobachter erwarten schwierige Verhandlungen."),
        Document::new("en", "The government in Berlin announced new talks with its neighbours on Monday. The ministers want to discuss water rights on the river after the floods."),
    ];
    let r = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("de: does not look like English")),
        "{:?}",
        r.warnings
    );
    assert!(!r.warnings.iter().any(|w| w.starts_with("en:")));
}

#[test]
fn short_text_in_another_script_gets_the_warning_too() {
    let docs = vec![
        Document::new(
            "ja",
            "東京で両国の外相が月曜日に会談した。両国は水資源について協議を続けることで合意した。",
        ),
        Document::new("ar", "وزير الخارجية قال إن المحادثات ستستمر يوم الاثنين."),
        Document::new(
            "en",
            "Officials cheered 🎉 after 26 boats crossed the river in Łódź on Monday.",
        ),
    ];
    let r = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    let flagged: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.contains("does not look like English"))
        .filter_map(|w| w.split(':').next())
        .collect();
    assert_eq!(flagged, ["ja", "ar"], "{:?}", r.warnings);
}
