//! Entities: countries, organisations and places from the gazetteer (with
//! demonyms and capitals mapped to their country), and people found next to a
//! title ("Japanese Foreign Minister Iwaya Takeshi", "General Nakatani") or
//! by a surname already seen in the document ("Nakatani San", "Singh").

use super::tokens::{words, Token};
use crate::lexicon::{Lexicon, Scan};
use crate::{EntityKind, EntityMention, Span};

/// A person known in one document, so later mentions by surname resolve.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// People registry of one document, filled as sentences are read in order.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub known: Vec<Person>,
    /// Index in `known` of the person mentioned last (for "he said").
    last: Option<usize>,
}

impl People {
    fn by_token(&self, word: &str) -> Option<&Person> {
        self.known.iter().rev().find(|p| p.name.split(' ').any(|n| n == word))
    }

    /// Record a mention of `person` (a new person, or more about a known one) as the latest.
    pub fn add(&mut self, person: Person) {
        if let Some(at) = self.known.iter().position(|p| p.name == person.name) {
            let p = &mut self.known[at];
            p.role = p.role.take().or(person.role);
            p.affiliation = p.affiliation.take().or(person.affiliation);
            self.last = Some(at);
        } else {
            self.known.push(person);
            self.last = Some(self.known.len() - 1);
        }
    }

    /// The person mentioned last.
    pub fn last(&self) -> Option<&Person> {
        self.last.and_then(|i| self.known.get(i))
    }

    fn mentioned(&mut self, name: &str) {
        if let Some(at) = self.known.iter().position(|p| p.name == name) {
            self.last = Some(at);
        }
    }
}

/// Entity mentions in `sentence` (which starts at byte `base` of its document).
pub fn find(lex: &Lexicon, sentence: &str, base: usize, people: &mut People) -> Vec<EntityMention> {
    find_in(lex, &lex.scan(sentence), base, &words(sentence, base), people)
}

/// [`find`] on a scanned sentence whose words are already split (`toks` = `words(sentence, base)`).
pub fn find_in(
    lex: &Lexicon,
    scan: &Scan<'_>,
    base: usize,
    toks: &[Token<'_>],
    people: &mut People,
) -> Vec<EntityMention> {
    let sentence = scan.text;
    let mut out: Vec<EntityMention> = lex
        .gazetteer
        .find(sentence)
        .into_iter()
        .filter_map(|(span, i)| {
            let place = lex.place(i)?;
            Some(EntityMention {
                canonical: place.canonical.clone(),
                kind: place.kind,
                text: span.slice(sentence).to_string(),
                span: Span::new(base + span.start_byte, base + span.end_byte),
                role: None,
                affiliation: None,
            })
        })
        .collect();
    let titles: Vec<Span> = scan.find(&lex.titles).into_iter().map(|(s, _)| s).collect();
    let covered = |s: Span, out: &[EntityMention]| {
        out.iter()
            .any(|e| e.span.start_byte <= s.start_byte && s.end_byte <= e.span.end_byte)
    };
    let mut i = 0;
    while i < toks.len() {
        if let Some((mut mention, next)) = titled_person(lex, sentence, base, toks, i, &out, &titles) {
            people.add(Person {
                name: mention.canonical.clone(),
                role: mention.role.clone(),
                affiliation: mention.affiliation.clone(),
            });
            if let Some(known) = people.known.iter().find(|p| p.name == mention.canonical) {
                mention.role.clone_from(&known.role);
                mention.affiliation.clone_from(&known.affiliation);
            }
            out.push(mention);
            i = next;
            continue;
        }
        let t = toks[i];
        if t.is_capitalised() && !covered(t.span, &out) {
            if let Some(p) = people.by_token(t.text).cloned() {
                people.mentioned(&p.name);
                let mut end = t.span.end_byte;
                // Swallow the rest of the name and an honorific ("Nakatani San").
                let mut j = i + 1;
                while j < toks.len()
                    && toks[j].is_capitalised()
                    && (p.name.split(' ').any(|n| n == toks[j].text) || toks[j].text == "San")
                {
                    end = toks[j].span.end_byte;
                    j += 1;
                }
                out.push(EntityMention {
                    canonical: p.name.clone(),
                    kind: EntityKind::Person,
                    text: sentence[t.span.start_byte - base..end - base].to_string(),
                    span: Span::new(t.span.start_byte, end),
                    role: p.role.clone(),
                    affiliation: p.affiliation.clone(),
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.sort_by_key(|e| e.span);
    out
}

/// A title at token `i` followed by one to three capitalised name tokens.
fn titled_person(
    lex: &Lexicon,
    sentence: &str,
    base: usize,
    toks: &[Token<'_>],
    i: usize,
    found: &[EntityMention],
    titles: &[Span],
) -> Option<(EntityMention, usize)> {
    let rel = toks[i].span.start_byte - base;
    let tspan = titles.iter().find(|s| s.start_byte == rel)?;
    let title_end = base + tspan.end_byte;
    let mut j = i;
    while j < toks.len() && toks[j].span.end_byte <= title_end {
        j += 1;
    }
    // A title that ends inside a word ("State's") names no one after it.
    if toks.get(j).is_some_and(|t| t.span.start_byte < title_end) {
        return None;
    }
    // Skip a full stop after an abbreviated title ("Gen. Nakatani").
    let mut name_toks = Vec::new();
    while j < toks.len() && name_toks.len() < 3 {
        let t = toks[j];
        let gap = &sentence
            [(name_toks.last().map_or(title_end, |x: &Token<'_>| x.span.end_byte) - base)..(t.span.start_byte - base)];
        let joined = gap.trim_matches(|c: char| c == '.' || c.is_whitespace()).is_empty();
        let in_gazetteer = found.iter().any(|e| e.span.contains(t.span));
        if !joined
            || !t.is_capitalised()
            || in_gazetteer
            || lex.titles.find(t.text).iter().any(|(s, _)| s.len() == t.text.len())
        {
            break;
        }
        name_toks.push(t);
        j += 1;
    }
    let first = name_toks.first()?;
    let last = name_toks.last()?;
    let name_span = Span::new(first.span.start_byte, last.span.end_byte);
    let name = name_toks
        .iter()
        .map(|t| t.text.trim_end_matches("'s").trim_end_matches("’s"))
        .collect::<Vec<_>>()
        .join(" ");
    let role = tspan.slice(sentence).to_string();
    // Affiliation: a country or organisation within the three words before the title.
    let window_start = toks[i.saturating_sub(3)].span.start_byte;
    let affiliation = found
        .iter()
        .rev()
        .find(|e| {
            e.kind != EntityKind::Person
                && e.span.end_byte <= toks[i].span.start_byte
                && e.span.start_byte >= window_start
        })
        .map(|e| e.canonical.clone());
    Some((
        EntityMention {
            canonical: name,
            kind: EntityKind::Person,
            text: sentence[name_span.start_byte - base..name_span.end_byte - base].to_string(),
            span: name_span,
            role: Some(role),
            affiliation,
        },
        j,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_and_capitals_resolve_and_titled_people_are_affiliated() {
        let lex = Lexicon::get();
        let mut people = People::default();
        let s = "Japanese Foreign Minister Iwaya Takeshi met officials in New Delhi.";
        let e = find(lex, s, 0, &mut people);
        let names: Vec<(&str, Option<&str>)> = e
            .iter()
            .map(|m| (m.canonical.as_str(), m.affiliation.as_deref()))
            .collect();
        assert_eq!(
            names,
            [("Japan", None), ("Iwaya Takeshi", Some("Japan")), ("India", None)]
        );
        let s2 = "Later Takeshi said more.";
        let e2 = find(lex, s2, 100, &mut people);
        assert_eq!(e2[0].canonical, "Iwaya Takeshi");
        assert_eq!(e2[0].span, Span::new(106, 113));
    }

    #[test]
    fn counterpart_general_and_honorific() {
        let lex = Lexicon::get();
        let mut people = People::default();
        find(
            lex,
            "Singh told his Japanese counterpart General Nakatani on Monday.",
            0,
            &mut people,
        );
        let e = find(lex, "Nakatani San expressed solidarity with India.", 0, &mut people);
        assert_eq!(e[0].text, "Nakatani San");
        assert_eq!(e[0].affiliation.as_deref(), Some("Japan"));
    }
}
