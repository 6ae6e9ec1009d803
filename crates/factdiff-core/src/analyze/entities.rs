//! Entities: countries, organisations and places from the gazetteer (with
//! demonyms and capitals mapped to their country), and people found next to a
//! title ("Japanese Foreign Minister Iwaya Takeshi", "General Nakatani") or
//! by a surname already seen in the document ("Nakatani San", "Singh").

use super::tokens::{words, Token};
use crate::lexicon::{Gender, Lexicon, Scan};
use crate::{EntityKind, EntityMention, Span};
use rustc_hash::FxHashMap;

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
    /// Parallel to `known`: when each was last mentioned, and the pronoun their name takes.
    seen: Vec<Seen>,
    /// The paragraph being read: the reader sets it before each sentence.
    pub paragraph: usize,
    /// Mentions so far, to order them.
    tick: usize,
    /// Where each name is in `known`, and the last person there with a given word in their name:
    /// a long text names tens of thousands of people, so finding one is a lookup, not a scan.
    by_name: FxHashMap<String, usize>,
    by_word: FxHashMap<String, usize>,
    /// For each gender (Male, Female, Either), the person of it that [`People::referent`] would
    /// pick first: the greatest (mention, place in `known`).
    latest: [Option<usize>; 3],
}

/// When a known person was last mentioned (as subject-like text, not inside a quotation or as a
/// possessor), and the pronoun their given name takes.
#[derive(Clone, Copy, Debug)]
struct Seen {
    tick: usize,
    paragraph: usize,
    gender: Gender,
}

/// How many paragraphs back a pronoun may reach for its person ("he said" two paragraphs after the
/// person was last named still refers to them; further back it refers to no one we know).
pub const PRONOUN_REACH: usize = 2;

fn gender_slot(g: Gender) -> usize {
    match g {
        Gender::Male => 0,
        Gender::Female => 1,
        Gender::Either => 2,
    }
}

impl People {
    /// The person added last whose name has `word` as one of its words.
    fn by_token(&self, word: &str) -> Option<&Person> {
        self.by_word.get(word).and_then(|&at| self.known.get(at))
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Record a mention of `person` (a new person, or more about a known one) as the latest.
    pub fn add(&mut self, person: Person) {
        if let Some(at) = self.position(&person.name) {
            let p = &mut self.known[at];
            p.role = p.role.take().or(person.role);
            p.affiliation = p.affiliation.take().or(person.affiliation);
            self.touch(at);
        } else {
            let lex = Lexicon::get();
            let gender = person
                .name
                .split(' ')
                .next()
                .and_then(|w| lex.first_name(&w.to_lowercase()))
                .unwrap_or(Gender::Either);
            let at = self.known.len();
            for word in person.name.split(' ') {
                self.by_word.insert(word.to_string(), at);
            }
            self.by_name.insert(person.name.clone(), at);
            self.known.push(person);
            self.seen.push(Seen {
                tick: 0,
                paragraph: 0,
                gender,
            });
            self.touch(self.known.len() - 1);
        }
    }

    /// Record what is told of a person (role, affiliation) without making them the latest
    /// mention: a speaker named in the sentence was ordered by the sentence's own mentions
    /// ("Gertz reported that an expert, Sebastian Gorka, explained …" — a later "he" is Gorka),
    /// and a name inside a quotation is no one a later "he" refers to. A new person is added but
    /// not mentioned.
    pub fn note(&mut self, person: Person) {
        match self.position(&person.name).and_then(|at| self.known.get_mut(at)) {
            Some(p) => {
                p.role = p.role.take().or(person.role);
                p.affiliation = p.affiliation.take().or(person.affiliation);
            }
            None => {
                let (tick, latest) = (self.tick, self.latest);
                self.add(person);
                // Undo the mention: never a referent until mentioned outside a quotation.
                self.tick = tick;
                let at = self.known.len() - 1;
                if let Some(s) = self.seen.last_mut() {
                    s.tick = 0;
                    s.paragraph = 0;
                    // Unmentioned, it comes first for its gender only when no one of it was
                    // mentioned yet (among the unmentioned, the one added last).
                    let slot = gender_slot(s.gender);
                    self.latest[slot] = match latest[slot] {
                        Some(p) if self.seen.get(p).is_some_and(|s| s.tick > 0) => Some(p),
                        _ => Some(at),
                    };
                }
            }
        }
    }

    fn touch(&mut self, at: usize) {
        self.tick += 1;
        if let Some(s) = self.seen.get_mut(at) {
            s.tick = self.tick;
            s.paragraph = self.paragraph;
            self.latest[gender_slot(s.gender)] = Some(at);
        }
    }

    /// The person "he" (`pronoun` = Male) or "she" (Female) refers to: the one mentioned last
    /// whose given name admits the pronoun, if that was in this paragraph or at most
    /// [`PRONOUN_REACH`] paragraphs before.
    ///
    /// Mentions come in reading order, so a person mentioned later was mentioned in the same
    /// paragraph or a later one: the person mentioned last of each gender is the only one of it
    /// that can be in reach.
    pub fn referent(&self, pronoun: Gender) -> Option<&Person> {
        [Gender::Male, Gender::Female, Gender::Either]
            .into_iter()
            .filter(|&g| pronoun.admits(g))
            .filter_map(|g| self.latest[gender_slot(g)])
            .filter_map(|i| self.seen.get(i).map(|s| (i, s)))
            .filter(|(_, s)| s.paragraph + PRONOUN_REACH >= self.paragraph)
            .max_by_key(|&(i, s)| (s.tick, i))
            .and_then(|(i, _)| self.known.get(i))
    }

    fn mentioned(&mut self, name: &str) {
        if let Some(at) = self.position(name) {
            self.touch(at);
        }
    }
}

/// Entity mentions in `sentence` (which starts at byte `base` of its document).
pub fn find(lex: &Lexicon, sentence: &str, base: usize, people: &mut People) -> Vec<EntityMention> {
    find_in(lex, &lex.scan(sentence), base, &words(sentence, base), None, people)
}

/// [`find`] on a scanned sentence whose words are already split (`toks` = `words(sentence, base)`)
/// and whose quotation (relative span) is known: names inside it are not who a later "he" is.
pub fn find_in(
    lex: &Lexicon,
    scan: &Scan<'_>,
    base: usize,
    toks: &[Token<'_>],
    quote: Option<Span>,
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
    let in_quote = |s: Span| quote.is_some_and(|q| q.contains(Span::new(s.start_byte - base, s.end_byte - base)));
    let covered = |s: Span, out: &[EntityMention]| {
        out.iter()
            .any(|e| e.span.start_byte <= s.start_byte && s.end_byte <= e.span.end_byte)
    };
    let words = Words {
        lex,
        sentence,
        base,
        toks,
        titles: &titles,
    };
    let mut i = 0;
    while i < toks.len() {
        if let Some((mut mention, next)) = titled_person(&words, i, &out) {
            people.add(Person {
                name: mention.canonical.clone(),
                role: mention.role.clone(),
                affiliation: mention.affiliation.clone(),
            });
            if let Some(known) = people.position(&mention.canonical).and_then(|at| people.known.get(at)) {
                mention.role.clone_from(&known.role);
                mention.affiliation.clone_from(&known.affiliation);
            }
            out.push(mention);
            i = next;
            continue;
        }
        // A person named without a title is known from here on (a later surname or "he" refers
        // to them) but not listed as an entity of this sentence: alignment keys on entities, and
        // a given name alone is weaker evidence than a title or a gazetteer entry.
        if let Some((name, span, next)) = given_name_person(&words, i, &out) {
            let person = Person {
                name,
                role: None,
                affiliation: None,
            };
            if in_quote(span) {
                people.note(person);
            } else {
                people.add(person);
            }
            i = next;
            continue;
        }
        if let Some((name, next)) = appositive_person(&words, i, &out, people) {
            people.add(Person {
                name,
                role: None,
                affiliation: None,
            });
            i = next;
            continue;
        }
        let t = toks[i];
        if t.is_capitalised() && !covered(t.span, &out) {
            if let Some(p) = people.by_token(t.text).cloned() {
                // A possessor ("Obama's announcement") or a name inside a quotation is not who a
                // later "he" refers to.
                if !in_quote(t.span) && !is_possessive(t.text) {
                    people.mentioned(&p.name);
                }
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

/// One sentence being read for people: its words and the titles found in it.
#[derive(Clone, Copy)]
struct Words<'a> {
    lex: &'a Lexicon,
    sentence: &'a str,
    base: usize,
    toks: &'a [Token<'a>],
    titles: &'a [Span],
}

/// A person named without a title: a given name at token `i` ("Sarah", "James") followed by one or
/// two capitalised words that are no place, organisation, title or non-name ("Sarah Benincasa",
/// "James Wright Foley"). Returns the name, its span and the token after it.
fn given_name_person(w: &Words<'_>, i: usize, found: &[EntityMention]) -> Option<(String, Span, usize)> {
    let (lex, sentence, base, toks) = (w.lex, w.sentence, w.base, w.toks);
    let t = toks[i];
    let free = |tok: &Token<'_>| {
        let rel = Span::new(tok.span.start_byte - base, tok.span.end_byte - base);
        tok.is_capitalised()
            && !found
                .iter()
                .any(|e| e.span.start_byte < tok.span.end_byte && tok.span.start_byte < e.span.end_byte)
            && !w
                .titles
                .iter()
                .any(|s| s.start_byte < rel.end_byte && rel.start_byte < s.end_byte)
    };
    if !free(&t) || is_possessive(t.text) || lex.first_name(&t.text.to_lowercase()).is_none() {
        return None;
    }
    // Inside a longer capitalised name ("San Diego Republican") a given name starts nothing.
    if let Some(prev) = i.checked_sub(1).map(|p| toks[p]) {
        let gap = &sentence[prev.span.end_byte - base..t.span.start_byte - base];
        if gap == " " && free(&prev) && !is_possessive(prev.text) && !lex.is_not_name(&prev.text.to_lowercase()) {
            return None;
        }
    }
    let mut j = i + 1;
    while j < toks.len() && j <= i + 2 {
        let (prev, next) = (toks[j - 1], toks[j]);
        let gap = &sentence[prev.span.end_byte - base..next.span.start_byte - base];
        let lower = next.text.to_lowercase();
        let word = trim_possessive(&lower);
        if gap != " "
            || !free(&next)
            || is_possessive(prev.text)
            || lex.is_not_name(word)
            || lex.is_organisation_word(word)
            || next.text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        {
            break;
        }
        j += 1;
    }
    if j == i + 1 {
        return None;
    }
    let span = Span::new(t.span.start_byte, toks[j - 1].span.end_byte);
    let text = trim_possessive(&sentence[span.start_byte - base..span.end_byte - base]);
    Some((
        text.to_string(),
        Span::new(span.start_byte, span.start_byte + text.len()),
        j,
    ))
}

/// A person named by an appositive after the name: "Park Jin-Hee, a North Korean defector
/// working for the KBS" (one to three capitalised words, unknown so far, then ", a"/", an" and a
/// phrase headed by a person noun). Returns the name and the token after it.
fn appositive_person(w: &Words<'_>, i: usize, found: &[EntityMention], people: &People) -> Option<(String, usize)> {
    let (lex, sentence, base, toks) = (w.lex, w.sentence, w.base, w.toks);
    let gap = |j: usize| &sentence[toks[j - 1].span.end_byte - base..toks[j].span.start_byte - base];
    let free = |t: &Token<'_>| {
        t.is_capitalised()
            && !is_possessive(t.text)
            && !lex.is_not_name(&t.text.to_lowercase())
            && !found
                .iter()
                .any(|e| e.span.start_byte < t.span.end_byte && t.span.start_byte < e.span.end_byte)
    };
    if !free(&toks[i])
        || (i > 0 && gap(i) == " " && toks[i - 1].is_capitalised())
        || people.by_token(toks[i].text).is_some()
    {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && end < i + 3 && (gap(end) == " " || gap(end) == "-") && free(&toks[end]) {
        end += 1;
    }
    let article = toks.get(end).map(|t| t.text)?;
    if gap(end) != ", " || !["a", "an"].contains(&article) {
        return None;
    }
    // The head: the last word before "of", "for", "working"… or the end of the appositive.
    let mut head = None;
    for (j, tok) in toks.iter().enumerate().take(end + 8).skip(end + 1) {
        let word = tok.text;
        if [
            "of", "for", "at", "from", "in", "who", "with", "working", "based", "and", "whose", "which",
        ]
        .contains(&word)
            || (gap(j) != " " && gap(j) != "-")
        {
            break;
        }
        head = Some(word);
    }
    let name = &sentence[toks[i].span.start_byte - base..toks[end - 1].span.end_byte - base];
    head.filter(|h| lex.is_person_noun(&h.to_lowercase()))
        .map(|_| (name.to_string(), end))
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with('\'') || word.ends_with('’')
}

fn trim_possessive(s: &str) -> &str {
    s.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches('\'')
        .trim_end_matches('’')
}

/// A title at token `i` followed by one to three capitalised name tokens.
fn titled_person(w: &Words<'_>, i: usize, found: &[EntityMention]) -> Option<(EntityMention, usize)> {
    let Words {
        lex,
        sentence,
        base,
        toks,
        titles,
    } = *w;
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
