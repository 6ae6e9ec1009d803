//! Opposition: whether two claims the judge calls contradictory oppose the content they share.
//!
//! The judge reads a pair as a whole: a "not" anywhere on one side, a refutation word anywhere,
//! is a conflict cue. A fact-checker reads where the cue sits. A contradiction finding keeps a
//! judged pair only when one of these holds, and says which:
//! - **refutation of the content**: one claim's refutation ("denied that …", "… is a hoax")
//!   governs what the other states (at least half of the refuted content's words);
//! - **antonymous predicates** ("rose" / "fell", `lexicon/antonyms.txt`);
//! - **negation of the shared content**: one claim negates, and the part of its sentence that
//!   holds the negation is the part that carries what the other claim says. The sentence is cut
//!   into parts at punctuation and at words that open a clause ("and", "but", "that", "who",
//!   "if", "after", …); a part is *negated* when it holds a negation
//!   ([`clauses::negation_spans`]). The negation counts when a negated part shares at least as
//!   many content words with the other claim as any other part. "Hunter said 'at least 10 ISIS
//!   fighters have been caught …' and there are 'dozens more that did not get caught'" restates
//!   "At least 10 ISIS fighters have been caught …" and adds a negated detail: no conflict.
//!   Two claims that negate the same word ("was not sanctioned" in both, one in a side clause)
//!   say the same thing.
//!
//! Anything else the judge may weigh (a learned word substitution, negation words on one side
//! that negate nothing the other says) is not enough for a contradiction finding.

use crate::analyze::clauses;
use crate::analyze::tokens::words;
use crate::judge::{antonym_pair, ClaimCues};
use crate::lexicon::Lexicon;
use crate::{Claim, EntityKind};

/// Words that open a new part of a sentence.
const OPENERS: [&str; 22] = [
    "and", "but", "that", "which", "who", "whom", "whose", "where", "when", "while", "if", "unless", "because",
    "after", "before", "then", "so", "although", "though", "however", "whereas", "saying",
];

/// Characters between two words that end a part.
const BREAKS: [char; 14] = [',', ';', ':', '.', '!', '?', '"', '“', '”', '(', ')', '—', '–', '‘'];

/// Words of knowing or noticing: a negation of one of them does not deny what is known.
const FACTIVE: [&str; 14] = [
    "idea", "know", "knew", "known", "knowing", "aware", "realise", "realize", "realised", "realized", "clue",
    "notice", "noticed", "informed",
];

/// Phrases that put an event in prospect (talks, plans, expectations) rather than state it.
const PROSPECTIVE: [&str; 15] = [
    "in talks",
    "talks to",
    "considering",
    "considers",
    "plans to",
    "planning to",
    "set to",
    "expected to",
    "in line to",
    "poised to",
    "likely to",
    "hopes to",
    "hoping to",
    "negotiating",
    "in negotiations",
];

/// Whether a sentence puts its event in prospect ("is in talks to play", "look set to be released").
fn prospective(text: &str) -> bool {
    let lower = text.to_lowercase();
    PROSPECTIVE.iter().any(|p| {
        lower.match_indices(p).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + p.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Refuted content this share of whose words the other claim states is what it states.
const REFUTED_SHARE: f64 = 0.5;

/// One part of a sentence: its content-word stems and whether it holds a negation, with the
/// stems of the first two content words after each negation in it.
#[derive(Debug, Default)]
struct Part {
    stems: Vec<u64>,
    negations: Vec<String>,
    negated: Vec<u64>,
    /// The first two content words after each negation, prepositions or not: two claims that
    /// negate one of the same words negate the same thing.
    near_negation: Vec<u64>,
    /// Opened by a word of a subordinate or relative clause ("where", "who", "because", …).
    side: bool,
}

/// Openers of a subordinate or relative clause: what such a part says is a detail of the sentence.
const SUBORDINATE: [&str; 15] = [
    "which", "who", "whom", "whose", "where", "when", "while", "if", "unless", "because", "after", "before",
    "although", "though", "whereas",
];

/// Prepositions: a negation followed by one denies a relation ("not among the bodies found"): only
/// its object is denied.
const PREPOSITIONS: [&str; 20] = [
    "with", "of", "in", "on", "at", "for", "by", "from", "about", "into", "over", "among", "between", "near", "under",
    "without", "during", "than", "like", "through",
];

/// Why a judged contradiction between `a` and `b` holds, or `None` when its cue is not about
/// what the two claims share (see the module documentation).
pub(crate) fn opposition(lex: &Lexicon, a: &Claim, b: &Claim) -> Option<String> {
    let (ca, cb) = (ClaimCues::of(lex, a), ClaimCues::of(lex, b));
    for (r, cr, o, co) in [(a, &ca, b, &cb), (b, &cb, a, &ca)] {
        if cr.refutes_content_of(co) >= REFUTED_SHARE && same_places(r, o) {
            let cue = r.refutation.as_ref().map_or("", |x| x.cue.text.as_str());
            return Some(format!("{} says '{cue}' of what {} states", r.doc, o.doc));
        }
    }
    if let Some((p, q)) = antonym_pair(lex, &ca, &cb) {
        return Some(format!("antonymous predicates '{p}' / '{q}' on shared content"));
    }
    let (pa, pb) = (parts(lex, a), parts(lex, b));
    let negated = |ps: &[Part]| -> Vec<u64> {
        let mut v: Vec<u64> = ps.iter().flat_map(|p| p.near_negation.iter().copied()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (na, nb) = (negated(&pa), negated(&pb));
    if na.iter().any(|k| nb.contains(k)) {
        return None;
    }
    for (n, ps, o, other, other_parts) in [(a, &pa, b, &cb, &pb), (b, &pb, a, &ca, &pa)] {
        // "Bale is in talks to play Jobs" / "Bale will not play Jobs": the talks are not what is
        // denied.
        if prospective(&o.text) && !prospective(&n.text) {
            continue;
        }
        let shared = |p: &Part| p.stems.iter().filter(|k| other.stems.binary_search(k).is_ok()).count();
        let best_negated = ps.iter().filter(|p| !p.negations.is_empty()).map(shared).max();
        let best_other = ps
            .iter()
            .filter(|p| p.negations.is_empty())
            .map(shared)
            .max()
            .unwrap_or(0);
        let Some(best) = best_negated else { continue };
        // What the negation denies must be in the other sentence's main parts, not in a detail
        // ("none of the missing students were among the bodies" / "Mass graves found near the town
        // where students went missing").
        let in_main = |k: &u64| other_parts.iter().any(|p| !p.side && p.stems.contains(k));
        let in_side = |k: &u64| other_parts.iter().any(|p| p.side && p.stems.contains(k));
        let negates_shared = ps.iter().any(|p| {
            p.negated
                .iter()
                .any(|k| other.stems.binary_search(k).is_ok() && (in_main(k) || !in_side(k)))
        });
        if best >= 1 && best >= best_other && negates_shared {
            let cue = ps
                .iter()
                .filter(|p| shared(p) == best)
                .find_map(|p| p.negations.first())
                .cloned()
                .unwrap_or_default();
            return Some(format!(
                "negation '{cue}' in the part of {}'s sentence that carries the shared content",
                n.doc
            ));
        }
    }
    None
}

/// Whether the content refuted by `r` is set where `other` sets its content: a place or country
/// named in the refuted content is among `other`'s when `other` names any ("denied reports that it
/// plans to open a restaurant in Scotland" does not refute "a branch opened in Amsterdam").
fn same_places(r: &Claim, other: &Claim) -> bool {
    let Some(t) = r.refutation.as_ref().and_then(|x| x.target) else {
        return true;
    };
    let place = |e: &&crate::EntityMention| matches!(e.kind, EntityKind::Country | EntityKind::Place);
    let theirs: Vec<&str> = other
        .entities
        .iter()
        .filter(place)
        .map(|e| e.canonical.as_str())
        .collect();
    theirs.is_empty()
        || r.entities
            .iter()
            .filter(place)
            .filter(|e| t.contains(e.span))
            .all(|e| theirs.contains(&e.canonical.as_str()))
}

/// The parts of a claim's sentence (see the module documentation); words of the attribution
/// ("a spokesman said") are left out.
fn parts(lex: &Lexicon, c: &Claim) -> Vec<Part> {
    let text = c.text.as_str();
    let negations = clauses::negation_spans(lex, &lex.scan(text));
    let speaker = c.speaker.span.map(|s| {
        crate::Span::new(
            s.start_byte.saturating_sub(c.span.start_byte),
            s.end_byte.saturating_sub(c.span.start_byte),
        )
    });
    let toks = words(text, 0);
    let mut out: Vec<Part> = vec![Part::default()];
    let mut prev_end = 0;
    let mut after_negation = 0usize;
    let mut just_negated = false;
    // How many of the words after the negation it still denies (a preposition ends its scope).
    let mut scope = 0usize;
    for t in &toks {
        let gap = text.get(prev_end..t.span.start_byte).unwrap_or("");
        let lower = t.text.to_lowercase();
        let breaks = gap.contains(BREAKS) || gap.contains(" - ") || OPENERS.contains(&lower.as_str());
        if breaks
            && out
                .last()
                .is_some_and(|p| !p.stems.is_empty() || !p.negations.is_empty())
        {
            out.push(Part {
                side: SUBORDINATE.contains(&lower.as_str()),
                ..Part::default()
            });
            after_negation = 0;
            scope = 0;
        } else if breaks && SUBORDINATE.contains(&lower.as_str()) {
            if let Some(p) = out.last_mut() {
                p.side = true;
            }
        }
        if just_negated && PREPOSITIONS.contains(&lower.as_str()) {
            // "not among the bodies found": only the object is denied.
            scope = 1;
        }
        just_negated = false;
        prev_end = t.span.end_byte;
        let Some(part) = out.last_mut() else { break };
        if negations
            .iter()
            .any(|n| n.start_byte < t.span.end_byte && t.span.start_byte < n.end_byte)
        {
            let cue = t.text.to_string();
            if !part.negations.contains(&cue) {
                part.negations.push(cue);
            }
            after_negation = 2;
            scope = 2;
            just_negated = true;
            continue;
        }
        if speaker.is_some_and(|s| s.contains(t.span))
            || lex.is_stopword(&lower)
            || lex.is_negator(&lower)
            || lower.chars().all(|ch| ch.is_ascii_digit())
        {
            continue;
        }
        // "non-blurred" negates "blurred".
        if lower == "non" && text.get(t.span.end_byte..).is_some_and(|r| r.starts_with('-')) {
            part.negations.push("non-".into());
            after_negation = 1;
            scope = 1;
            just_negated = true;
            continue;
        }
        let k = crate::judge::key(&lex.shared_stem(&lower));
        if after_negation > 0 {
            part.near_negation.push(k);
            after_negation -= 1;
            if scope > 0 {
                part.negated.push(k);
                scope -= 1;
                // "had no idea she was pregnant", "did not know that …": not knowing something
                // does not deny it.
                if scope == 1 && FACTIVE.contains(&lower.as_str()) {
                    scope = 0;
                }
            }
        }
        part.stems.push(k);
    }
    for p in &mut out {
        p.stems.sort_unstable();
        p.stems.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{Config, Document};

    fn claim(doc: &str, text: &str) -> Claim {
        crate::extract_claims(&Document::new(doc, text), &Config::default())
            .unwrap()
            .remove(0)
    }

    fn opposed(a: &str, b: &str) -> Option<String> {
        opposition(Lexicon::get(), &claim("a", a), &claim("b", b))
    }

    #[test]
    fn a_negation_of_the_shared_content_opposes() {
        let why = opposed(
            "Kessaria did not warn Valdorian officials before it opened the floodgates.",
            "Kessaria warned Valdorian officials before it opened the floodgates.",
        );
        assert_eq!(
            why.as_deref(),
            Some("negation 'not' in the part of a's sentence that carries the shared content")
        );
        assert!(opposed(
            "Christian Bale will not be starring as Steve Jobs in the biopic, according to the paper.",
            "Christian Bale will star as Steve Jobs in the biopic."
        )
        .is_some());
    }

    #[test]
    fn a_negated_addition_or_the_same_negation_does_not_oppose() {
        // The negation is in a detail the other claim does not state.
        assert_eq!(
            opposed(
                "Hunter said \"at least 10 fighters have been caught coming across the border in Texas\" and there are \"dozens more that did not get caught by the patrol.\"",
                "At least 10 fighters have been caught coming across the border in Texas."
            ),
            None
        );
        assert_eq!(
            opposed(
                "Local doctors were unable to reattach the organ and Ilic was taken to a hospital in Skopje, where surgeons reattached it in a five-hour operation.",
                "Ilic was transferred to a hospital in Skopje where surgeons managed to reattach it in a five-hour operation."
            ),
            None
        );
        // Both negate the same word.
        assert_eq!(
            opposed(
                "He went on seeking extension of leave, which was not sanctioned, and defied directions.",
                "Verma went on seeking extension of leave which was not sanctioned and defied directions."
            ),
            None
        );
    }

    #[test]
    fn not_knowing_talks_a_prefix_and_side_clauses_do_not_oppose() {
        // Not knowing something does not deny it.
        assert_eq!(
            opposed(
                "A woman who had no idea she was pregnant gave birth in the hospital.",
                "The woman went to the hospital and found out she was pregnant."
            ),
            None
        );
        // Talks about playing a role are not denied by "will not play" it.
        assert_eq!(
            opposed(
                "The actor is in talks to play the inventor in the film.",
                "The actor will not play the inventor in the film."
            ),
            None
        );
        // "non-blurred" says what "did not blur" says.
        assert_eq!(
            opposed(
                "The station did not blur the face of the visitor.",
                "The station showed non-blurred images of the face of the visitor."
            ),
            None
        );
        // The denied words are in the other sentence's relative clause only.
        assert_eq!(
            opposed(
                "None of the missing students were among the bodies in the graves.",
                "Graves found near the town where students went missing."
            ),
            None
        );
        // A negation followed by a preposition denies its object only.
        assert_eq!(
            opposed(
                "The students were not among the bodies found in the graves.",
                "Graves with many bodies found near the town."
            ),
            None
        );
    }

    #[test]
    fn a_refutation_opposes_what_it_governs() {
        let why = opposed(
            "North Korea denied reports that Kim plans to open a restaurant in Scotland.",
            "Kim plans to open a restaurant in Scotland.",
        );
        assert_eq!(why.as_deref(), Some("a says 'denied' of what b states"));
    }
}
