//! Attribution: who asserts a sentence, and which part of it is a direct quote.
//!
//! A reporting verb ("said", "told", "according to", "believe") outside the
//! quotation names the speaker: the nearest entity or anonymous cue before it
//! ("sources told", "Singh said"), or the entity right after it ("said
//! Singh"). "He"/"She" before the verb refers to the previous speaker. With no
//! reporting verb, the sentence is in the article's own voice.

use crate::lexicon::{Lexicon, Scan};
use crate::{EntityKind, EntityMention, Span, Speaker, SpeakerKind};

/// The first double-quoted stretch of `sentence` (relative spans), closed or not.
pub fn quote(sentence: &str) -> Option<Span> {
    let open = find_quote(sentence, '“')?;
    let after = open + 1 + usize::from(sentence[open..].starts_with('“')) * 2;
    let close = find_quote(&sentence[after..], '”').map_or(sentence.len(), |c| {
        let at = after + c;
        at + sentence[at..].chars().next().map_or(1, char::len_utf8)
    });
    Some(Span::new(open, close))
}

/// `text.find(['"', curly])` byte by byte: the first `"` or `curly`.
fn find_quote(text: &str, curly: char) -> Option<usize> {
    let mut buf = [0u8; 4];
    let lead = curly.encode_utf8(&mut buf).as_bytes()[0];
    // `lead` starts a character, so `text[i..]` is a valid slice when it is found.
    text.bytes()
        .enumerate()
        .find(|&(i, b)| b == b'"' || (b == lead && text[i..].starts_with(curly)))
        .map(|(i, _)| i)
}

/// Speaker of a scanned sentence. `entities` have absolute spans; `base` is the sentence start.
pub fn speaker(
    lex: &Lexicon,
    scan: &Scan<'_>,
    base: usize,
    entities: &[EntityMention],
    quote: Option<Span>,
    previous: Option<&Speaker>,
) -> Speaker {
    let sentence = scan.text;
    let outside = |s: Span| quote.is_none_or(|q| s.end_byte <= q.start_byte || s.start_byte >= q.end_byte);
    let Some((verb, _)) = scan.find(&lex.reporting).into_iter().find(|(s, _)| outside(*s)) else {
        return Speaker::author();
    };
    let verb_text = verb.slice(sentence).to_string();
    let abs = |s: Span| Span::new(base + s.start_byte, base + s.end_byte);
    let from_entity = |e: &EntityMention| Speaker {
        kind: if e.kind == EntityKind::Person {
            SpeakerKind::Person
        } else {
            SpeakerKind::Organisation
        },
        name: Some(if e.kind == EntityKind::Person {
            e.canonical.clone()
        } else {
            e.text.clone()
        }),
        role: e.role.clone(),
        affiliation: if e.kind == EntityKind::Person {
            e.affiliation.clone()
        } else {
            Some(e.canonical.clone())
        },
        verb: Some(verb_text.clone()),
        span: Some(e.span),
    };
    if verb_text.eq_ignore_ascii_case("according to") {
        if let Some(e) = entities.iter().find(|e| e.span.start_byte >= base + verb.end_byte) {
            return from_entity(e);
        }
    }
    // Look back within the clause before the verb (outside the quote).
    let clause_start = sentence[..verb.start_byte].rfind([';', '"', '”']).map_or(0, |i| i + 1);
    let window = Span::new(clause_start, verb.start_byte);
    let entity_before = entities.iter().rev().find(|e| {
        e.span.end_byte <= base + window.end_byte
            && e.span.start_byte >= base + window.start_byte
            && outside(Span::new(e.span.start_byte - base, e.span.end_byte - base))
    });
    let anon_before = lex
        .anonymous
        .find(window.slice(sentence))
        .into_iter()
        .next_back()
        .map(|(s, _)| Span::new(s.start_byte + window.start_byte, s.end_byte + window.start_byte));
    let pronoun_before = {
        let w = window.slice(sentence).trim_end();
        let last = w
            .rsplit(|c: char| !c.is_alphabetic())
            .find(|x| !x.is_empty())
            .unwrap_or("");
        let last_two = w
            .trim_end_matches(|c: char| c.is_alphabetic())
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("");
        ["He", "She", "he", "she", "They", "they"].contains(&last) || ["He", "She", "he", "she"].contains(&last_two)
    };
    let entity_end = entity_before.map(|e| e.span.end_byte - base);
    let anon_end = anon_before.map(|s| s.end_byte);
    if pronoun_before && entity_end.is_none_or(|e| e + 25 < verb.start_byte) {
        if let Some(prev) = previous.filter(|p| p.kind != SpeakerKind::Author) {
            return Speaker {
                verb: Some(verb_text),
                ..prev.clone()
            };
        }
    }
    match (entity_end, anon_end) {
        (Some(e), Some(a)) if a > e => {
            // "Russian officials said": the entity names whose officials they are only when adjacent.
            let adjacent = anon_before.is_some_and(|cue| cue.start_byte <= e + 1);
            anonymous(
                sentence,
                anon_before,
                entity_before.filter(|_| adjacent),
                verb_text,
                abs,
            )
        }
        (None, Some(_)) => anonymous(sentence, anon_before, None, verb_text, abs),
        (Some(_), _) => entity_before.map(from_entity).unwrap_or_else(Speaker::author),
        (None, None) => {
            // "…," said Singh.
            let after = entities
                .iter()
                .find(|e| e.span.start_byte >= base + verb.end_byte && e.span.start_byte <= base + verb.end_byte + 3);
            after.map(from_entity).unwrap_or_else(|| Speaker {
                kind: SpeakerKind::Anonymous,
                name: None,
                role: None,
                affiliation: None,
                verb: Some(verb_text),
                span: None,
            })
        }
    }
}

fn anonymous(
    sentence: &str,
    cue: Option<Span>,
    entity: Option<&EntityMention>,
    verb: String,
    abs: impl Fn(Span) -> Span,
) -> Speaker {
    Speaker {
        kind: SpeakerKind::Anonymous,
        name: cue.map(|c| c.slice(sentence).to_string()),
        role: None,
        affiliation: entity
            .filter(|e| e.kind != EntityKind::Person)
            .map(|e| e.canonical.clone()),
        verb: Some(verb),
        span: cue.map(abs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::{self, People};

    fn who(s: &str) -> Speaker {
        let lex = Lexicon::get();
        let mut people = People::default();
        let e = entities::find(lex, s, 0, &mut people);
        speaker(lex, &lex.scan(s), 0, &e, quote(s), None)
    }

    #[test]
    fn quotes_are_found_as_by_char_search() {
        let pieces = ["a", "\"", "“", "”", "’", "é", " ", "\u{2018}", "€", "said"];
        for s in crate::test_support::random_strings(0xbb67_ae85_84ca_a73b, &pieces, 14, 3, 20_000) {
            assert_eq!(find_quote(&s, '“'), s.find(['"', '“']), "{s:?}");
            assert_eq!(find_quote(&s, '”'), s.find(['"', '”']), "{s:?}");
        }
    }

    #[test]
    fn named_anonymous_and_own_voice() {
        let s = who("Japanese Foreign Minister Iwaya Takeshi also said, \"We urge both sides to talk.\"");
        assert_eq!(
            (s.kind, s.name.as_deref(), s.affiliation.as_deref()),
            (SpeakerKind::Person, Some("Iwaya Takeshi"), Some("Japan"))
        );
        let s = who("The meeting saw India point to proliferation, sources told TOI.");
        assert_eq!((s.kind, s.name.as_deref()), (SpeakerKind::Anonymous, Some("sources")));
        let s = who("Russian officials said the talks failed.");
        assert_eq!(
            (s.kind, s.affiliation.as_deref()),
            (SpeakerKind::Anonymous, Some("Russia"))
        );
        let s = who("Japan backed India on Monday, officials said.");
        assert_eq!((s.kind, s.affiliation.as_deref()), (SpeakerKind::Anonymous, None));
        let s = who("Diplomatic analysts believe that this statement will matter.");
        assert_eq!(s.kind, SpeakerKind::Anonymous);
        assert_eq!(who("Japan openly supported India.").kind, SpeakerKind::Author);
        let s = who("Japan has unequivocally stated that provocation will not be tolerated.");
        assert_eq!(
            (s.kind, s.affiliation.as_deref()),
            (SpeakerKind::Organisation, Some("Japan"))
        );
    }

    #[test]
    fn quote_span_covers_the_quotation() {
        let s = "He said, “We are worried.” Then";
        let q = quote(s).map(|q| q.slice(s));
        assert_eq!(q, Some("“We are worried.”"));
    }
}
