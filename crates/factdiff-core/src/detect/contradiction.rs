//! `contradiction`: claims in different sources that cannot both hold.
//!
//! - negation flip or antonymous predicates on aligned claims (the judge's verdict);
//! - incompatible stance of the same actor toward the same targets: one source
//!   has the actor take a side (support A against B, or support A vs oppose A),
//!   another has it call on both sides;
//! - the same direct quote given to different speakers.
//!
//! Claims about different dates are never contradictions, and neither are a hedged, questioned or
//! unconfirmed claim ("has not been confirmed") and a claim that states or denies it, nor two
//! refutations. One finding per fact (the claims
//! joined by contradictory verdicts, an actor's stances, a quotation), every source with what it
//! says.

use super::facts::{components, shorten, FactFinding, Group};
use super::opposition::opposition;
use super::{claim_evidence, different_dates, finding, part_evidence, reports_a_report, takes_a_side, Detector, Input};
use crate::{Claim, Finding, FindingKind, Polarity, Severity, SpeakerKind, Stance, StanceKind, VerdictLabel};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashSet};

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

/// One finding per fact: the claims joined by contradictory verdicts, split into the two sides
/// the verdicts put them on, each with the claims that entail one of its members.
fn judged(input: &Input<'_>) -> Vec<Finding> {
    let claims = input.claims;
    let contradicts: Vec<(usize, usize, &crate::align::Pair, String)> = input
        .alignment
        .pairs
        .iter()
        .filter(|(i, j, al)| {
            al.verdict.label == VerdictLabel::Contradict
                && !different_dates(&claims[*i], &claims[*j])
                && takes_a_side(&claims[*i])
                && takes_a_side(&claims[*j])
                && !(says_not(&[&claims[*i]]) && says_not(&[&claims[*j]]))
                && !reports_a_report(&claims[*i])
                && !reports_a_report(&claims[*j])
        })
        .filter_map(|(i, j, al)| opposition(input.lex, &claims[*i], &claims[*j]).map(|why| (*i, *j, al, why)))
        .collect();
    if contradicts.is_empty() {
        return Vec::new();
    }
    let mut next: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, j, _, _) in &contradicts {
        next.entry(*i).or_default().push(*j);
        next.entry(*j).or_default().push(*i);
    }
    let facts = components(claims.len(), contradicts.iter().map(|(i, j, _, _)| (*i, *j)));
    // Each claim's side (0 or 1) within its fact, alternating along contradictions; when every
    // contradiction of the fact opposes a claim that negates or refutes to one that does not, the
    // side is that (so two claims that both deny it are never opposed, whatever the cycles).
    let mut side: FxHashMap<usize, usize> = FxHashMap::default();
    let mut fact_of: FxHashMap<usize, usize> = FxHashMap::default();
    let denies = |x: usize| says_not(&[&claims[x]]);
    for (f, fact) in facts.iter().enumerate() {
        let polar = contradicts
            .iter()
            .filter(|(i, _, _, _)| fact.binary_search(i).is_ok())
            .all(|(i, j, _, _)| denies(*i) != denies(*j));
        if polar {
            for &x in fact {
                side.insert(x, usize::from(denies(x)));
                fact_of.insert(x, f);
            }
            continue;
        }
        let mut queue = std::collections::VecDeque::from([fact[0]]);
        side.insert(fact[0], 0);
        while let Some(x) = queue.pop_front() {
            let s = side.get(&x).copied().unwrap_or(0);
            for &y in next.get(&x).map_or(&[][..], Vec::as_slice) {
                if let std::collections::hash_map::Entry::Vacant(e) = side.entry(y) {
                    e.insert(1 - s);
                    queue.push_back(y);
                }
            }
        }
        for &x in fact {
            fact_of.insert(x, f);
        }
    }
    // Claims that entail a member join its side (one hop), so every source on the fact is listed;
    // such a claim says what the member says, so it puts it the same way: a claim that negates or
    // refutes joins only a member that negates or refutes, and one that states only one that
    // states (two reports of a refutation are not opposite a third).
    let mut members: Vec<[Vec<usize>; 2]> = vec![[Vec::new(), Vec::new()]; facts.len()];
    for (&x, &f) in &fact_of {
        members[f][side.get(&x).copied().unwrap_or(0)].push(x);
    }
    for (i, j, al) in &input.alignment.pairs {
        if al.verdict.label != VerdictLabel::Entail {
            continue;
        }
        for (member, other) in [(*i, *j), (*j, *i)] {
            if !takes_a_side(&claims[other]) || reports_a_report(&claims[other]) || denies(member) != denies(other) {
                continue;
            }
            if let (Some(&f), None) = (fact_of.get(&member), fact_of.get(&other)) {
                members[f][side.get(&member).copied().unwrap_or(0)].push(other);
            }
        }
    }
    let mut out = Vec::new();
    for (f, sides) in members.iter_mut().enumerate() {
        for s in sides.iter_mut() {
            s.sort_unstable();
            s.dedup();
        }
        let mut reasons: Vec<String> = Vec::new();
        for (i, _, al, why) in &contradicts {
            if fact_of.get(i) == Some(&f) {
                for r in std::iter::once(why).chain(&al.verdict.reasons) {
                    if !reasons.contains(r) && reasons.len() < 6 {
                        reasons.push(r.clone());
                    }
                }
            }
        }
        let of = |k: usize| -> Vec<&Claim> { sides[k].iter().map(|&x| &claims[x]).collect() };
        let (one, two) = (of(0), of(1));
        let (label_one, label_two) = side_labels(&one, &two);
        // The fact is named by a claim of the side that asserts it (the first side otherwise).
        let named = if says_not(&one) && !says_not(&two) { &two } else { &one };
        let fact = named
            .first()
            .map_or_else(String::new, |c| format!("“{}”", shorten(&c.text, 80)));
        let evidence = one
            .iter()
            .chain(&two)
            .map(|c| claim_evidence(c, format!("{} says", c.doc)))
            .collect();
        out.push(
            FactFinding {
                kind: FindingKind::Contradiction,
                severity: Severity::Medium,
                fact,
                groups: vec![
                    Group {
                        value: label_one,
                        claims: one,
                    },
                    Group {
                        value: label_two,
                        claims: two,
                    },
                ],
                evidence,
                reasons,
            }
            .finding(),
        );
    }
    out
}

/// Every claim of a side negates or refutes what it states. Two claims that both do (two
/// refutations, a refutation and a denial) say the same thing and are never opposed.
fn says_not(side: &[&Claim]) -> bool {
    !side.is_empty()
        && side
            .iter()
            .all(|c| c.polarity == Polarity::Negated || c.refutation.as_ref().is_some_and(|r| !r.negated))
}

/// How each side puts the fact: "says so" / "says not" when one side negates or refutes it; else
/// the sides' predicates ("'rose'" / "'fell'"), or their first words that differ.
fn side_labels(one: &[&Claim], two: &[&Claim]) -> (String, String) {
    match (says_not(one), says_not(two)) {
        (true, false) => return ("says not".into(), "says so".into()),
        (false, true) => return ("says so".into(), "says not".into()),
        _ => {}
    }
    let predicate = |side: &[&Claim]| side.iter().find_map(|c| c.predicate.clone());
    if let (Some(p), Some(q)) = (predicate(one), predicate(two)) {
        if p != q {
            return (format!("says '{p}'"), format!("says '{q}'"));
        }
    }
    ("one account".into(), "the opposite account".into())
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

/// The stance an actor takes, without who says so ("Japan backs India against Pakistan").
fn stance_text(s: &Stance) -> String {
    match s.kind {
        StanceKind::Support if !s.against.is_empty() => format!(
            "{} backs {} against {}",
            s.actor,
            s.targets.join(", "),
            s.against.join(", ")
        ),
        StanceKind::Support => format!("{} supports {}", s.actor, s.targets.join(", ")),
        StanceKind::Oppose => format!("{} opposes {}", s.actor, s.targets.join(", ")),
        StanceKind::BothSides => format!("{} calls on both {}", s.actor, s.targets.join(" and ")),
        StanceKind::Concern => format!("{} is concerned about {}", s.actor, s.targets.join(", ")),
    }
}

/// Who states a stance: "doc (own voice)" or "doc quoting Speaker".
fn who(c: &Claim) -> String {
    if c.speaker.kind == SpeakerKind::Author {
        format!("{} (own voice)", c.doc)
    } else {
        format!("{} quoting {}", c.doc, c.speaker.label())
    }
}

/// One finding per actor whose stances in different sources cannot all hold: every stance that
/// conflicts with another source's, grouped by what it says, each with who says it.
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
    let mut out = Vec::new();
    for (actor, list) in &by_actor {
        let mut involved = vec![false; list.len()];
        let mut whys: Vec<String> = Vec::new();
        for (n, (ca, sa)) in list.iter().enumerate() {
            for (m, (cb, sb)) in list.iter().enumerate().skip(n + 1) {
                if ca.doc == cb.doc || different_dates(ca, cb) {
                    continue;
                }
                let Some(why) = incompatible(sa, sb) else { continue };
                involved[n] = true;
                involved[m] = true;
                if !whys.contains(&why) {
                    whys.push(why);
                }
            }
        }
        if whys.is_empty() {
            continue;
        }
        // Stances that take a side against someone first: they are what the others contradict.
        let mut groups: Vec<(String, Vec<(&Claim, &Stance)>)> = Vec::new();
        for ((c, s), _) in list.iter().zip(&involved).filter(|(_, i)| **i) {
            let text = stance_text(s);
            match groups.iter_mut().find(|(t, _)| *t == text) {
                Some((_, v)) => {
                    if !v.iter().any(|(x, _)| x.id == c.id) {
                        v.push((c, s));
                    }
                }
                None => groups.push((text, vec![(c, s)])),
            }
        }
        groups.sort_by_key(|(_, v)| std::cmp::Reverse(v.iter().any(|(_, s)| !s.against.is_empty())));
        let mut evidence = Vec::new();
        let mut reasons: Vec<String> = whys
            .iter()
            .map(|w| format!("incompatible stance of {actor}: {w}"))
            .collect();
        for (_, v) in &groups {
            for (c, s) in v {
                evidence.push(claim_evidence(c, format!("{}: {}", who(c), stance_text(s))));
                evidence.push(part_evidence(c, s.cue.span, format!("stance cue in {}", c.doc)));
                for i in &c.intensifiers {
                    evidence.push(part_evidence(c, i.span, format!("intensifier in {}", c.doc)));
                    let r = format!("intensifier '{}'", i.text);
                    if !reasons.contains(&r) {
                        reasons.push(r);
                    }
                }
            }
        }
        let explanation = groups
            .iter()
            .map(|(t, v)| {
                let mut names: Vec<String> = Vec::new();
                for (c, _) in v {
                    let w = who(c);
                    if !names.contains(&w) {
                        names.push(w);
                    }
                }
                format!("{t} ({})", names.join("; "))
            })
            .collect::<Vec<_>>()
            .join(" but ");
        let mut f = FactFinding {
            kind: FindingKind::Contradiction,
            severity: Severity::High,
            fact: format!("stance of {actor}"),
            groups: groups
                .into_iter()
                .map(|(value, v)| Group {
                    value,
                    claims: v.into_iter().map(|(c, _)| c).collect(),
                })
                .collect(),
            evidence,
            reasons,
        }
        .finding();
        f.explanation = format!("stance of {actor}: {explanation}.");
        out.push(f);
    }
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
    let Some(text) = input.docs.iter().find(|d| *d.id == *c.doc).map(|d| d.text.as_str()) else {
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
            if !seen.insert((&*a.doc, &*b.doc, name_a, name_b)) {
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
