//! Analyze: turn each sentence into a [`Claim`] — who says it, what it is
//! about, how strongly, and the numbers, dates and stances in it.

pub mod attribution;
pub mod clauses;
pub mod dates;
pub mod entities;
pub mod modality;
pub mod quantities;
pub mod refutation;
pub mod stance;
pub mod tokens;

use crate::clean::Cleaned;
use crate::lexicon::{Gender, Lexicon};
use crate::segment::Sentence;
use crate::{
    Claim, ClaimStatus, Config, Document, EntityKind, Modality, RemovalReason, RemovedSpan, Speaker, SpeakerKind,
};
use std::sync::Arc;

/// One document after analysis.
#[derive(Clone, Debug)]
pub struct Analyzed {
    pub claims: Vec<Claim>,
    /// Stemmed content terms of each claim, parallel to `claims` ([`tokens::content_terms`]):
    /// computed here from the sentence's words so that alignment does not split the text again.
    pub terms: Vec<Vec<Arc<str>>>,
    pub outline: Outline,
}

/// What the report keeps of one document besides its claims.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// What cleaning set aside, with reasons.
    pub removed: Vec<RemovedSpan>,
    /// How many sentences segmentation found.
    pub sentences: usize,
}

/// Every document after analysis, split by who reads what next: the claims (document after
/// document) and their terms go to alignment, the outlines to detection and the report.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    /// Parallel to `claims`; alignment drops them once candidates are scored.
    pub terms: Vec<Vec<Arc<str>>>,
    /// One per document, in input order.
    pub outlines: Vec<Outline>,
}

impl Analysis {
    /// Append the analyses of the next documents, in order. The first document's lists become
    /// the lists (a single document's claims are never copied); later ones are moved in.
    pub fn extend(&mut self, per_doc: Vec<Analyzed>) {
        self.outlines.reserve(per_doc.len());
        for a in per_doc {
            if self.claims.is_empty() {
                self.claims = a.claims;
                self.terms = a.terms;
            } else {
                self.claims.extend(a.claims);
                self.terms.extend(a.terms);
            }
            self.outlines.push(a.outline);
        }
    }
}

/// Analyse the sentences of `doc`, in order (people and speakers carry over).
pub fn analyze(doc: &Document, sentences: &[Sentence], cleaned: Cleaned, lex: &Lexicon, config: &Config) -> Analyzed {
    let published = doc.published.as_deref().and_then(dates::parse_published);
    let mut people = entities::People::default();
    let mut previous: Option<Speaker> = None;
    // The sentence index of the last attributed claim, for speech continued into the next one.
    let mut previous_sentence: Option<usize> = None;
    // At most one claim per sentence: sized once, so no list is grown by doubling.
    let mut claims = Vec::with_capacity(sentences.len());
    let mut terms = Vec::with_capacity(sentences.len());
    let mut removed = cleaned.removed;
    // One shared copy of the document's id for all its claims.
    let doc_id: Arc<str> = Arc::from(doc.id.as_str());
    let cleaned_removed = removed.len();
    for (n, s) in sentences.iter().enumerate() {
        let text = s.span.slice(&doc.text);
        let base = s.span.start_byte;
        let toks = tokens::words(text, base);
        let scan = lex.scan(text);
        people.paragraph = s.paragraph;
        let he = people.referent(Gender::Male).cloned();
        let she = people.referent(Gender::Female).cloned();
        let latest = people.referent(Gender::Either).cloned();
        let quote_rel = attribution::quote(text);
        let entities = entities::find_in(lex, &scan, base, &toks, quote_rel, &mut people);
        if toks.len() < 4 || (s.headline && toks.len() < config.min_headline_words) {
            // Not a claim, and said why: nothing is dropped silently.
            removed.push(RemovedSpan {
                span: s.span,
                text: text.to_string(),
                reason: if s.headline {
                    RemovalReason::Heading
                } else {
                    RemovalReason::ShortSentence
                },
                repeats: None,
            });
            continue;
        }
        let context = attribution::Context {
            previous: previous.as_ref(),
            adjacent: previous_sentence.is_some_and(|p| p + 1 == n),
            he: he.as_ref(),
            she: she.as_ref(),
            latest: latest.as_ref(),
            prior: claims.last().filter(|c: &&Claim| c.sentence + 1 == n),
        };
        let speaker = attribution::speaker(lex, &scan, base, &toks, &entities, quote_rel, context);
        if speaker.kind == SpeakerKind::Person {
            if let Some(name) = speaker.name.clone() {
                // A speaker named in the sentence was ordered among its people when they were
                // found; one referred to ("he added", continued speech) is mentioned again here.
                let named_here = entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Person && e.canonical == name);
                let person = entities::Person {
                    name,
                    role: speaker.role.clone(),
                    affiliation: speaker.affiliation.clone(),
                };
                if named_here {
                    people.note(person);
                } else {
                    people.add(person);
                }
            }
        }
        let stances = stance::find(lex, &scan, base, &entities, &speaker, quote_rel);
        let quantities = quantities::find(lex, text, base, &toks);
        let dates = dates::find(text, base, &toks, published);
        let intensifiers = modality::cues(&scan, &lex.intensifiers, base);
        let evaluative = modality::cues(&scan, &lex.evaluative, base);
        let clauses = clauses::split(lex, &scan);
        let refutation = refutation::find(lex, &scan, base, &toks, &clauses);
        let speaker_span = speaker.span;
        let subject = entities
            .iter()
            .find(|e| speaker_span.is_none_or(|sp| !sp.contains(e.span)))
            .map(|e| {
                if e.kind == EntityKind::Person {
                    e.affiliation.clone().unwrap_or_else(|| e.canonical.clone())
                } else {
                    e.canonical.clone()
                }
            });
        let mut claim = Claim {
            id: Arc::from(format!("{}#{}", doc.id, n)),
            doc: Arc::clone(&doc_id),
            span: s.span,
            text: text.to_string(),
            sentence: n,
            headline: s.headline,
            speaker: speaker.clone(),
            quote: quote_rel.map(|q| crate::Span::new(base + q.start_byte, base + q.end_byte)),
            entities: entities.into_boxed_slice(),
            subject: subject.map(Into::into),
            predicate: predicate(lex, &toks).map(Into::into),
            polarity: clauses::polarity(&clauses),
            modality: modality::modality(lex, &scan),
            intensifiers: intensifiers.into_boxed_slice(),
            stances: stances.into_boxed_slice(),
            quantities: quantities.into_boxed_slice(),
            dates: dates.into_boxed_slice(),
            evaluative: evaluative.into_boxed_slice(),
            refutation: refutation.map(Box::new),
            check_worthiness: 0.0,
            status: ClaimStatus::OnlyHere,
        };
        claim.check_worthiness = check_worthiness(&claim, toks.len());
        if speaker.kind != SpeakerKind::Author {
            previous = Some(speaker);
            previous_sentence = Some(n);
        }
        claims.push(claim);
        let mut claim_terms = tokens::content_terms_of(lex, &toks);
        claim_terms.shrink_to_fit();
        terms.push(claim_terms);
    }
    if removed.len() > cleaned_removed {
        removed.sort_by_key(|r| r.span);
    }
    Analyzed {
        claims,
        terms,
        outline: Outline {
            removed,
            sentences: sentences.len(),
        },
    }
}

/// The first word listed in the antonym lexicon, as the claim's main predicate.
fn predicate(lex: &Lexicon, toks: &[tokens::Token<'_>]) -> Option<String> {
    // One lower-case buffer for every word; only the word found is copied.
    let mut lower = String::new();
    toks.iter().find_map(|t| {
        crate::text::lowercase_into(&mut lower, t.text);
        lex.antonyms.contains_key(lower.as_str()).then(|| lower.clone())
    })
}

/// How much a fact-checker would want to verify this sentence (0..=1).
///
/// Concrete content (numbers, dates, named entities, stances) raises it;
/// headlines, hedges and very short sentences lower it.
fn check_worthiness(c: &Claim, words: usize) -> f64 {
    let mut score: f64 = 0.15;
    if !c.quantities.is_empty() {
        score += 0.25;
    }
    if c.dates.iter().any(|d| !d.relative) {
        score += 0.1;
    }
    if c.entities.iter().any(|e| e.kind != EntityKind::Person) {
        score += 0.15;
    }
    if c.entities.iter().any(|e| e.kind == EntityKind::Person) {
        score += 0.1;
    }
    if !c.stances.is_empty() {
        score += 0.2;
    }
    if !c.intensifiers.is_empty() || !c.evaluative.is_empty() {
        score += 0.15;
    }
    if c.modality == Modality::Prediction {
        score += 0.1;
    }
    if c.modality == Modality::Hedged {
        score -= 0.1;
    }
    if c.headline {
        score -= 0.15;
    }
    if words < 8 {
        score -= 0.1;
    }
    score.clamp(0.0, 1.0)
}
