//! `contradiction`: claims in different sources that cannot both hold.
//!
//! - negation flip or antonymous predicates on aligned claims (the judge's verdict);
//! - incompatible stance of the same actor toward the same targets: one source
//!   has the actor take a side (support A against B, or support A vs oppose A),
//!   another has it call on both sides;
//! - the same direct quote given to different speakers.
//!
//! Claims about different dates are never contradictions.

use super::{claim_evidence, different_dates, finding, part_evidence, Detector, Input};
use crate::{Claim, Finding, FindingKind, Severity, SpeakerKind, Stance, StanceKind, VerdictLabel};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug)]
pub struct Contradiction;

impl Detector for Contradiction {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = judged(input);
        out.extend(stances(input));
        out.extend(quotes(input));
        out
    }
}

fn judged(input: &Input<'_>) -> Vec<Finding> {
    input
        .alignment
        .pairs
        .iter()
        .filter(|(_, _, al)| al.verdict.label == VerdictLabel::Contradict)
        .filter(|(i, j, _)| !different_dates(&input.claims[*i], &input.claims[*j]))
        .map(|(i, j, al)| {
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            let why = al
                .verdict
                .reasons
                .first()
                .cloned()
                .unwrap_or_else(|| "judged contradictory".into());
            finding(
                FindingKind::Contradiction,
                Severity::Medium,
                format!(
                    "{} and {} say opposite things about the same fact ({why}).",
                    a.doc, b.doc
                ),
                &[a, b],
                vec![
                    claim_evidence(a, format!("{} says", a.doc)),
                    claim_evidence(b, format!("{} says", b.doc)),
                ],
                al.verdict.reasons.clone(),
            )
        })
        .collect()
}

/// Why stance `x` and stance `y` of one actor cannot both hold, if they cannot.
fn incompatible(x: &Stance, y: &Stance) -> Option<String> {
    let side = |s: &Stance| s.kind == StanceKind::Support && !s.against.is_empty();
    let shares = |a: &[String], b: &[String]| a.iter().any(|t| b.contains(t));
    let (sided, other) = if side(x) {
        (x, y)
    } else if side(y) {
        (y, x)
    } else {
        (x, y)
    };
    if side(sided)
        && other.kind == StanceKind::BothSides
        && shares(&sided.targets, &other.targets)
        && shares(&sided.against, &other.targets)
    {
        return Some(format!(
            "takes {}'s side against {} vs calls on both {}",
            sided.targets.join(", "),
            sided.against.join(", "),
            other.targets.join(" and ")
        ));
    }
    let (s, o) = if x.kind == StanceKind::Support { (x, y) } else { (y, x) };
    if s.kind == StanceKind::Support && o.kind == StanceKind::Oppose && shares(&s.targets, &o.targets) {
        return Some(format!(
            "supports vs opposes {}",
            s.targets
                .iter()
                .filter(|t| o.targets.contains(t))
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    None
}

fn stance_note(c: &Claim, s: &Stance) -> String {
    let who = if c.speaker.kind == SpeakerKind::Author {
        format!("{} (own voice)", c.doc)
    } else {
        format!("{} quoting {}", c.doc, c.speaker.label())
    };
    match s.kind {
        StanceKind::Support if !s.against.is_empty() => format!(
            "{who}: {} backs {} against {}",
            s.actor,
            s.targets.join(", "),
            s.against.join(", ")
        ),
        StanceKind::Support => format!("{who}: {} supports {}", s.actor, s.targets.join(", ")),
        StanceKind::Oppose => format!("{who}: {} opposes {}", s.actor, s.targets.join(", ")),
        StanceKind::BothSides => format!("{who}: {} calls on both {}", s.actor, s.targets.join(" and ")),
        StanceKind::Concern => format!("{who}: {} is concerned about {}", s.actor, s.targets.join(", ")),
    }
}

/// Strength, the two claims with their stances, and why they conflict.
type Conflict<'a> = (usize, &'a Claim, &'a Stance, &'a Claim, &'a Stance, String);

/// One finding per (actor, pair of documents), with the strongest pair of claims as evidence.
fn stances(input: &Input<'_>) -> Vec<Finding> {
    const MAX_PER_ACTOR: usize = 400;
    let mut by_actor: BTreeMap<&str, Vec<(&Claim, &Stance)>> = BTreeMap::new();
    for c in input.claims {
        for s in &c.stances {
            let list = by_actor.entry(s.actor.as_str()).or_default();
            if list.len() < MAX_PER_ACTOR {
                list.push((c, s));
            }
        }
    }
    let mut best: HashMap<(&str, &str, &str), Conflict<'_>> = HashMap::new();
    for (actor, list) in &by_actor {
        for (n, (ca, sa)) in list.iter().enumerate() {
            for (cb, sb) in &list[n + 1..] {
                if ca.doc == cb.doc || different_dates(ca, cb) {
                    continue;
                }
                let Some(why) = incompatible(sa, sb) else { continue };
                let strength = ca.intensifiers.len()
                    + cb.intensifiers.len()
                    + usize::from(!sa.against.is_empty() || !sb.against.is_empty()) * 2;
                let (d1, d2) = if ca.doc < cb.doc {
                    (ca.doc.as_str(), cb.doc.as_str())
                } else {
                    (cb.doc.as_str(), ca.doc.as_str())
                };
                let entry = best.entry((actor, d1, d2)).or_insert((0, ca, sa, cb, sb, why.clone()));
                if strength > entry.0 {
                    *entry = (strength, ca, sa, cb, sb, why);
                }
            }
        }
    }
    let mut out: Vec<Finding> = best
        .into_iter()
        .map(|((actor, _, _), (_, ca, sa, cb, sb, why))| {
            let mut evidence = vec![
                claim_evidence(ca, stance_note(ca, sa)),
                claim_evidence(cb, stance_note(cb, sb)),
            ];
            for (c, s) in [(ca, sa), (cb, sb)] {
                evidence.push(part_evidence(c, s.cue.span, format!("stance cue in {}", c.doc)));
                for i in &c.intensifiers {
                    evidence.push(part_evidence(c, i.span, format!("intensifier in {}", c.doc)));
                }
            }
            let mut reasons = vec![format!("incompatible stance of {actor}: {why}")];
            reasons.extend(
                ca.intensifiers
                    .iter()
                    .chain(&cb.intensifiers)
                    .map(|i| format!("intensifier '{}'", i.text)),
            );
            finding(
                FindingKind::Contradiction,
                Severity::High,
                format!("{}; but {}.", stance_note(ca, sa), stance_note(cb, sb)),
                &[ca, cb],
                evidence,
                reasons,
            )
        })
        .collect();
    out.sort_by(|a, b| a.claims.cmp(&b.claims));
    out
}

/// Fewest content words a quotation needs before two sources giving it to different people is a
/// conflict: stock phrases ("terrorism in all its forms": two content words) are shared freely.
const MIN_QUOTE_WORDS: usize = 4;

/// Most attributed quotations compared per story (each is compared with the ones before it).
const MAX_QUOTES: usize = 2_000;

/// Lower-cased content words of a quotation, in order (stopwords and punctuation left out).
fn quote_words(lex: &crate::lexicon::Lexicon, text: &str) -> Vec<String> {
    crate::analyze::tokens::words(text, 0)
        .iter()
        .map(|t| t.text.to_lowercase().replace('’', "'"))
        .filter(|w| !lex.is_stopword(w))
        .collect()
}

/// True when `short` occurs in `long` as a contiguous run of words.
fn contains_run(long: &[String], short: &[String]) -> bool {
    short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

/// True when two speaker names may name the same person, so that giving a quote to both is no
/// conflict: they share a word ("Lopez" and "Maria Lopez", "Rear Admiral John" and "John Kirby",
/// "Luke Somers" and "Lucy Somers"), or their last words differ by one typing slip ("Kelly" and
/// "Kelley", "Abdulla" and "Adbulla"). Only speakers with nothing in common are flagged.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let (a, b) = (words(a), words(b));
    let shared = a.iter().any(|w| b.contains(w));
    let slip = match (a.last(), b.last()) {
        (Some(x), Some(y)) => x.len() >= 5 && strsim::damerau_levenshtein(x, y) <= 1,
        _ => false,
    };
    shared || slip
}

/// True when the claim's speaker is certain enough to give a quote to: named in the sentence, or
/// referred to ("he said", speech continued) when they are the only person named from the start
/// of the paragraph before up to the end of the claim.
fn speaker_sure(input: &Input<'_>, c: &Claim, name: &str) -> bool {
    let Some(text) = input.docs.iter().find(|d| d.id == c.doc).map(|d| d.text.as_str()) else {
        return false;
    };
    // The speaker as written in this sentence, not as a pronoun.
    let named_in = |d: &Claim| {
        d.speaker
            .span
            .filter(|s| d.span.contains(*s))
            .and_then(|s| text.get(s.start_byte..s.end_byte))
            .is_some_and(|w| !["he", "she", "they", "it"].contains(&w.to_lowercase().as_str()))
    };
    if named_in(c) {
        return true;
    }
    // The start of the paragraph before the claim's (paragraphs are lines; blank lines skipped).
    let para = text[..c.span.start_byte].rfind('\n').map_or(0, |i| i + 1);
    let before = text[..para].trim_end();
    let from = before.rfind('\n').map_or(0, |i| i + 1);
    // Everyone named there: person entities, speakers named in their sentence, and people named
    // without a title (whom analysis knows but does not list as entities).
    let mut found = crate::analyze::entities::People::default();
    let mut names: Vec<String> = Vec::new();
    for d in input
        .claims
        .iter()
        .filter(|d| d.doc == c.doc && d.span.start_byte >= from && d.span.start_byte <= c.span.start_byte)
    {
        let entities = crate::analyze::entities::find(input.lex, &d.text, d.span.start_byte, &mut found);
        names.extend(
            d.entities
                .iter()
                .chain(&entities)
                .filter(|e| e.kind == crate::EntityKind::Person)
                .map(|e| e.canonical.clone()),
        );
        if d.speaker.kind == SpeakerKind::Person && named_in(d) {
            names.extend(d.speaker.name.clone());
        }
    }
    names.extend(found.known.into_iter().map(|p| p.name));
    let mut people: Vec<&str> = Vec::new();
    for n in &names {
        if !people.iter().any(|p| same_person(p, n)) {
            people.push(n);
        }
    }
    matches!(people[..], [only] if same_person(only, name))
}

/// The same quotation (by its content words; one may be part of the other) given to different
/// named people in two documents, whatever form named them ("X said", "said X", "X, a spokesman,
/// said", "according to X", a surname or a pronoun referring back, speech continued).
fn quotes(input: &Input<'_>) -> Vec<Finding> {
    let mut quoted: Vec<(&Claim, &str, Vec<String>)> = Vec::new();
    for c in input.claims {
        let (Some(q), SpeakerKind::Person, Some(name)) = (c.quote, c.speaker.kind, c.speaker.name.as_deref()) else {
            continue;
        };
        if !speaker_sure(input, c, name) {
            continue;
        }
        let words = quote_words(input.lex, &part_evidence(c, q, "").text);
        if words.len() >= MIN_QUOTE_WORDS && quoted.len() < MAX_QUOTES {
            quoted.push((c, name, words));
        }
    }
    let mut seen: HashSet<(&str, &str, &str, &str)> = HashSet::new();
    let mut out = Vec::new();
    for (n, (b, name_b, words_b)) in quoted.iter().enumerate() {
        for (a, name_a, words_a) in &quoted[..n] {
            let same_quote = contains_run(words_a, words_b) || contains_run(words_b, words_a);
            if a.doc == b.doc || !same_quote || same_person(name_a, name_b) {
                continue;
            }
            // One finding per pair of documents and pair of speakers.
            if !seen.insert((a.doc.as_str(), b.doc.as_str(), name_a, name_b)) {
                continue;
            }
            let mut evidence = vec![
                claim_evidence(a, format!("quoted as {name_a} in {}", a.doc)),
                claim_evidence(b, format!("quoted as {name_b} in {}", b.doc)),
            ];
            for (c, name) in [(a, name_a), (b, name_b)] {
                // The speaker as named in this sentence (a speaker named earlier has no span here).
                if let Some(span) = c.speaker.span.filter(|s| c.span.contains(*s)) {
                    evidence.push(part_evidence(c, span, format!("speaker {name} in {}", c.doc)));
                }
            }
            out.push(finding(
                FindingKind::Contradiction,
                Severity::High,
                format!(
                    "The same quote is given to {name_a} in {} and to {name_b} in {}.",
                    a.doc, b.doc
                ),
                &[a, b],
                evidence,
                vec![format!("same quote, different speakers: {name_a} vs {name_b}")],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{compare, CompareOptions, Config, Document, FindingKind};

    const QUOTE: &str = "\"We will rebuild every bridge before winter,\"";

    /// The misattribution findings of two one-paragraph documents.
    fn misattributed(a: &str, b: &str) -> Vec<String> {
        let docs = [Document::new("a", a), Document::new("b", b)];
        let r = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
        r.findings
            .iter()
            .filter(|f| f.kind == FindingKind::Contradiction && f.explanation.starts_with("The same quote"))
            .map(|f| f.explanation.clone())
            .collect()
    }

    #[test]
    fn the_same_quote_given_to_two_people_is_one_contradiction_in_every_form() {
        let ruiz = format!("Interior Minister Ana Ruiz said: {QUOTE} The dam held.");
        let forms = [
            format!("{QUOTE} Carlos Mendes said."),
            format!("{QUOTE} said Carlos Mendes."),
            format!("{QUOTE} said the transport minister, Carlos Mendes."),
            format!("{QUOTE} Carlos Mendes, a spokesman for the ministry, said on Monday."),
            format!("Carlos Mendes, who heads the ministry, said: {QUOTE}"),
            format!("According to Carlos Mendes, {QUOTE}"),
            format!("Carlos Mendes said the roads were open. {QUOTE} Mendes added."),
            format!("Carlos Mendes said the roads were open. {QUOTE} he warned."),
            format!("\"The roads are open,\" Carlos Mendes said.\n\n{QUOTE}"),
        ];
        for form in &forms {
            let found = misattributed(&ruiz, form);
            assert_eq!(
                found,
                ["The same quote is given to Ana Ruiz in a and to Carlos Mendes in b."],
                "{form}"
            );
        }
    }

    #[test]
    fn a_quote_is_given_to_a_pronoun_only_when_one_person_is_near() {
        let ruiz = format!("Interior Minister Ana Ruiz said: {QUOTE} The dam held.");
        // Two people named just before "he said": which one spoke is not certain.
        let two = format!("Carlos Mendes met Rear Admiral John Kirby on Monday. {QUOTE} he said.");
        assert!(misattributed(&ruiz, &two).is_empty());
        // The person was named long before: no one near.
        let far =
            format!("Carlos Mendes opened the bridge.\n\nThe river rose.\n\nThe rain went on.\n\n{QUOTE} he said.");
        assert!(misattributed(&ruiz, &far).is_empty());
    }

    #[test]
    fn same_person_stock_phrases_and_anonymous_speakers_are_not_flagged() {
        let a = format!("{QUOTE} Carlos Mendes said.");
        assert!(misattributed(&a, &format!("{QUOTE} Mendes said on Monday.")).is_empty());
        assert!(misattributed(&a, &format!("{QUOTE} Carlos Mendez said.")).is_empty());
        assert!(misattributed(&a, &format!("{QUOTE} officials said.")).is_empty());
        assert!(misattributed(
            "Ana Ruiz said both sides condemn \"terrorism in all its forms\" today.",
            "Carlos Mendes said they condemn \"terrorism in all its forms\" today."
        )
        .is_empty());
    }
}
