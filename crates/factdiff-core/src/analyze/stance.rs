//! Stance: an actor's position toward targets — support, oppose, calls on both
//! sides (dialogue, restraint), or concern — read from cue phrases and the
//! entities around them. "Japan openly supported India's stance against
//! Pakistan" is Japan → support India, against Pakistan; "We strongly
//! encourage both India and Pakistan to engage in dialogue", quoted from
//! Japan's foreign minister, is Japan → both sides {India, Pakistan}.

use crate::lexicon::{Lexicon, Scan};
use crate::{Cue, EntityKind, EntityMention, Span, Speaker, SpeakerKind, Stance, StanceKind};

fn actor_name(e: &EntityMention) -> String {
    if e.kind == EntityKind::Person {
        e.affiliation.clone().unwrap_or_else(|| e.canonical.clone())
    } else {
        e.canonical.clone()
    }
}

/// Stances in one scanned sentence. Spans in `entities` are absolute; `base` is the sentence start.
pub fn find(
    lex: &Lexicon,
    scan: &Scan<'_>,
    base: usize,
    entities: &[EntityMention],
    speaker: &Speaker,
    quote: Option<Span>,
) -> Vec<Stance> {
    let sentence = scan.text;
    let cues = scan.find(&lex.stance);
    if cues.is_empty() {
        return Vec::new();
    }
    let lower = sentence.to_lowercase();
    let calls = scan.any(&lex.calls) || lower.contains("hope");
    let clause_end = |from: usize| {
        sentence[from..]
            .find(['.', ';'])
            .map_or(sentence.len(), |i| from + i)
            .min(sentence[from..].find(", while").map_or(sentence.len(), |i| from + i))
    };
    let speaker_actor = match speaker.kind {
        SpeakerKind::Author | SpeakerKind::Anonymous => None,
        _ => speaker.affiliation.clone().or_else(|| speaker.name.clone()),
    };
    let mut out: Vec<Stance> = Vec::new();
    for (cue, idx) in &cues {
        let kind = lex.stance_kinds[*idx];
        let cue_text = cue.slice(sentence);
        let is_against = cue_text.eq_ignore_ascii_case("against") || cue_text.eq_ignore_ascii_case("pressure on");
        if is_against {
            continue; // only meaningful as the `against` of a support stance
        }
        if kind == StanceKind::BothSides && !calls {
            continue;
        }
        let in_quote = quote.is_some_and(|q| q.start_byte <= cue.start_byte && cue.end_byte <= q.end_byte);
        let quote_first_person = in_quote
            && quote.is_some_and(|q| {
                let before = &lower[q.start_byte..cue.start_byte];
                [" we ", "\"we ", "“we ", " i ", " our "]
                    .iter()
                    .any(|p| before.contains(p))
                    || before.starts_with("\"we")
                    || before.starts_with("“we")
            });
        let nearest_before = entities.iter().rev().find(|e| {
            e.span.end_byte <= base + cue.start_byte
                && !between_has(
                    sentence,
                    e.span.end_byte - base,
                    cue.start_byte,
                    &["against", ";", " while "],
                )
        });
        let after_from = sentence[cue.end_byte..]
            .trim_start()
            .strip_prefix("from ")
            .map(|_| base + cue.end_byte);
        let actor = if quote_first_person {
            speaker_actor.clone()
        } else if let Some(e) = nearest_before {
            Some(actor_name(e))
        } else if let Some(from) = after_from {
            entities
                .iter()
                .find(|e| e.span.start_byte >= from && e.span.start_byte < from + 12)
                .map(actor_name)
        } else {
            speaker_actor.clone()
        };
        let Some(actor) = actor else { continue };
        let end = clause_end(cue.end_byte);
        let against_at = (kind == StanceKind::Support)
            .then(|| {
                cues.iter()
                    .find(|(s, i)| {
                        s.start_byte > cue.start_byte && {
                            let t = s.slice(sentence);
                            lex.stance_kinds[*i] == StanceKind::Oppose
                                && (t.eq_ignore_ascii_case("against") || t.eq_ignore_ascii_case("pressure on"))
                        }
                    })
                    .map(|(s, _)| s.start_byte)
            })
            .flatten()
            .unwrap_or(end);
        let names_in = |from: usize, to: usize| -> Vec<String> {
            let mut v: Vec<String> = entities
                .iter()
                .filter(|e| e.span.start_byte >= base + from && e.span.end_byte <= base + to)
                .filter(|e| e.kind != EntityKind::Person || e.affiliation.is_some())
                .map(actor_name)
                .filter(|n| *n != actor)
                .collect();
            v.dedup();
            v
        };
        let from = if kind == StanceKind::BothSides {
            cue.start_byte
        } else {
            cue.end_byte
        };
        let mut targets = names_in(from, against_at.min(end).max(from));
        let against = if against_at < end {
            names_in(against_at, end)
        } else {
            Vec::new()
        };
        if targets.is_empty() && kind == StanceKind::Support && cue_text.to_lowercase().contains("side") {
            targets = names_in(0, cue.start_byte);
        }
        if targets.is_empty() && kind != StanceKind::BothSides {
            continue;
        }
        if let Some(same) = out.iter_mut().find(|s| s.actor == actor && s.kind == kind) {
            for t in targets {
                if !same.targets.contains(&t) {
                    same.targets.push(t);
                }
            }
            continue;
        }
        out.push(Stance {
            actor,
            kind,
            targets,
            against,
            cue: Cue {
                text: cue_text.to_string(),
                span: Span::new(base + cue.start_byte, base + cue.end_byte),
            },
        });
    }
    out
}

fn between_has(sentence: &str, from: usize, to: usize, words: &[&str]) -> bool {
    sentence.get(from..to).is_some_and(|s| {
        let s = s.to_lowercase();
        words.iter().any(|w| s.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{attribution, entities};

    fn stances(s: &str) -> Vec<(String, StanceKind, Vec<String>, Vec<String>)> {
        let lex = Lexicon::get();
        let mut people = entities::People::default();
        let e = entities::find(lex, s, 0, &mut people);
        let q = attribution::quote(s);
        let toks = super::super::tokens::words(s, 0);
        let sp = attribution::speaker(lex, &lex.scan(s), 0, &toks, &e, q, attribution::Context::default());
        find(lex, &lex.scan(s), 0, &e, &sp, q)
            .into_iter()
            .map(|s| (s.actor, s.kind, s.targets, s.against))
            .collect()
    }

    #[test]
    fn support_against_and_both_sides() {
        let s = stances("Japan openly supported India's stance against Pakistan.");
        assert_eq!(
            s,
            [(
                "Japan".into(),
                StanceKind::Support,
                vec!["India".into()],
                vec!["Pakistan".into()]
            )]
        );
        let s = stances("Japanese Foreign Minister Iwaya Takeshi said, \"We strongly encourage both India and Pakistan to engage in dialogue.\"");
        assert_eq!(
            s,
            [(
                "Japan".into(),
                StanceKind::BothSides,
                vec!["India".into(), "Pakistan".into()],
                vec![]
            )]
        );
    }

    #[test]
    fn a_noun_mention_of_dialogue_is_not_a_call() {
        assert!(stances("The anticipated two-plus-two dialogue between Japan and India highlights ties.").is_empty());
    }
}
