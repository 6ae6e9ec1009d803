//! Attribution: who asserts a sentence, and which part of it is a direct quote.
//!
//! A reporting verb ("said", "told", "according to", "believe") outside the
//! quotation names the speaker: the nearest entity or anonymous cue before it
//! ("sources told", "Singh said"), or the entity right after it ("said
//! Singh"). "He"/"She" before the verb refers to the previous speaker. With no
//! reporting verb, the sentence is in the article's own voice.

use super::entities::Person;
use super::tokens::Token;
use crate::lexicon::{Lexicon, Scan};
use crate::{Claim, EntityKind, EntityMention, Span, Speaker, SpeakerKind};

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

/// What attribution knows of the document before the sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The speaker of the last attributed sentence ("He added" refers back to it).
    pub previous: Option<&'a Speaker>,
    /// True when the sentence right before this one had `previous` as its speaker: a sentence
    /// that opens with a quotation and names no one continues that speech.
    pub adjacent: bool,
    /// The person "he" refers to: named last before this sentence, recently, with a given name
    /// that takes "he" ([`super::entities::People::referent`]).
    pub he: Option<&'a Person>,
    /// The person "she" refers to.
    pub she: Option<&'a Person>,
    /// The person named last, recently, whatever their given name: who "the San Diego
    /// Republican" is.
    pub latest: Option<&'a Person>,
    /// The claim of the sentence right before this one: what "it" may refer to ("The Turkish
    /// government has refused … However, it announced …").
    pub prior: Option<&'a Claim>,
}

/// Speaker of a scanned sentence. `toks` and `entities` have absolute spans; `base` is the
/// sentence start; `quote` is relative to the sentence.
pub fn speaker(
    lex: &Lexicon,
    scan: &Scan<'_>,
    base: usize,
    toks: &[Token<'_>],
    entities: &[EntityMention],
    quote: Option<Span>,
    ctx: Context<'_>,
) -> Speaker {
    let s = Reader {
        lex,
        text: scan.text,
        base,
        toks,
        entities,
        quote,
        ctx,
    };
    let mut cues: Vec<Span> = scan
        .find(&lex.reporting)
        .into_iter()
        .map(|(span, _)| span)
        .chain(
            toks.iter()
                .map(|t| s.rel(t.span))
                .filter(|v| CONTENT_ONLY.contains(&v.slice(scan.text))),
        )
        .filter(|v| {
            s.outside(*v)
                && s.verb_like(*v)
                && !s.act_without_content(*v)
                && !s.in_reduced_relative(*v)
                && (!CONTENT_ONLY.contains(&v.slice(scan.text)) || s.reports_content(*v))
        })
        .collect();
    // A verb inside a parenthesis attributes only the aside ("X (who Y suggests was one of the
    // investigators) said"): the verbs outside come first, each group in sentence order.
    cues.sort_by_key(|v| (s.in_parenthesis(*v), v.start_byte));
    cues.dedup();
    for &verb in &cues {
        if let Some(found) = s.resolve(verb) {
            return found;
        }
    }
    if let Some(found) = s.inverted() {
        return found;
    }
    let opens_quote = quote.is_some_and(|q| scan.text[..q.start_byte].trim().is_empty());
    if let Some(prev) = ctx.previous.filter(|_| ctx.adjacent && opens_quote) {
        // Continued speech: the speaker was named in an earlier sentence.
        return Speaker {
            span: None,
            ..prev.clone()
        };
    }
    match cues.iter().find(|v| s.unnamed_verb(**v)) {
        // A reporting verb whose speaker is not named: "it is believed", "reports said".
        Some(&verb) => Speaker {
            kind: SpeakerKind::Anonymous,
            name: None,
            role: None,
            affiliation: None,
            verb: Some(verb.slice(scan.text).to_string()),
            span: None,
        },
        None => Speaker::author(),
    }
}

/// Lower-case words that may stand between a speaker and the verb ("Japan has unequivocally
/// stated", "Smith also said"): stopwords and adverbs in -ly, at most three.
const MAX_SKIPPED: usize = 3;

/// Documents that speak for whoever issued them ("a report from Recode", "a CentCom statement").
const DOCUMENTS: [&str; 9] = [
    "report",
    "statement",
    "post",
    "interview",
    "release",
    "letter",
    "tweet",
    "document",
    "documents",
];

/// Verbs of thought, perception or writing that attribute only what follows them as content ("the
/// department hopes that", "Benincasa noticed that", "…, it continued, …"), and "posted", which
/// also takes things ("posted IS-linked content"). Not in the reporting lexicon: other stages read
/// that list as frames of speech.
const CONTENT_ONLY: [&str; 36] = [
    "noticed",
    "notices",
    "hopes",
    "hoped",
    "thinks",
    "thought",
    "fears",
    "feared",
    "feels",
    "felt",
    "expects",
    "revealed",
    "reveals",
    "alleged",
    "alleges",
    "observed",
    "observes",
    "recalled",
    "recalls",
    "disclosed",
    "predicted",
    "predicts",
    "concluded",
    "estimated",
    "estimates",
    "realised",
    "realized",
    "suspects",
    "knew",
    "continued",
    "reads",
    "read",
    "quotes",
    "quoted",
    "posted",
    "learned",
];

/// Generic nouns after an outlet's name that are not part of it ("The Washington Post newspaper").
const MEDIA_NOUNS: [&str; 7] = [
    "newspaper",
    "magazine",
    "website",
    "tabloid",
    "broadcaster",
    "channel",
    "daily",
];

/// Adverbs that are not stopwords and do not end in -ly ("The BBC later said").
const ADVERBS: [&str; 12] = [
    "later", "earlier", "first", "still", "now", "since", "again", "once", "last", "already", "often", "soon",
];

/// Name particles that may stand inside a person's name in lower case ("Ursula von der Leyen").
const PARTICLES: [&str; 16] = [
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "le", "la", "du",
];

/// One sentence being read for its speaker.
struct Reader<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    base: usize,
    toks: &'a [Token<'a>],
    entities: &'a [EntityMention],
    quote: Option<Span>,
    ctx: Context<'a>,
}

impl Reader<'_> {
    /// True when the relative span lies outside the quotation.
    fn outside(&self, s: Span) -> bool {
        self.quote
            .is_none_or(|q| s.end_byte <= q.start_byte || s.start_byte >= q.end_byte)
    }

    /// A reporting cue is a verb only in lower case ("Islamic State", "United States" are names),
    /// except at the start of the sentence ("According to…", "Says…"), and never inside a name.
    fn verb_like(&self, v: Span) -> bool {
        let lower = !v.slice(self.text).starts_with(char::is_uppercase);
        let first = self.text[..v.start_byte].trim().is_empty();
        let in_entity = self
            .entities
            .iter()
            .any(|e| self.rel(e.span).start_byte <= v.start_byte && v.end_byte <= self.rel(e.span).end_byte);
        (lower || first) && !in_entity
    }

    /// True when the cue reads as a verb with its speaker left unnamed ("it is believed", "reports
    /// said"), not as a noun ("the reports", "the state") or a participle ("posted by").
    fn unnamed_verb(&self, v: Span) -> bool {
        let before = self.text[..v.start_byte]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        let after = self.text[v.end_byte..].split_whitespace().next().unwrap_or("");
        // Words that are nouns as often as verbs ("Saudi state television", "similar notes") are
        // verbs here only before what is said: "that", a colon or comma, a quotation.
        let cue = v.slice(self.text).to_lowercase();
        let noun_too = [
            "state", "states", "notes", "note", "claims", "reports", "report", "posts", "post",
        ];
        let content_follows = after == "that" || after.starts_with(['"', '“', '\'', '‘', ':', ',']) || after.is_empty();
        // "saying" names its speaker through the clause it hangs from, or no one.
        if cue == "saying" || (noun_too.contains(&cue.as_str()) && !content_follows) {
            return false;
        }
        ![
            "the", "a", "an", "of", "by", "on", "about", "his", "her", "their", "its", "if", "these", "those", "such",
        ]
        .contains(&before.as_str())
            && !["of", "by"].contains(&after)
    }

    /// "responded to the claims", "replied to a letter": a speech act that says nothing itself;
    /// "told him to retrieve it": an order, not a report.
    fn act_without_content(&self, v: Span) -> bool {
        let cue = v.slice(self.text).to_lowercase();
        let rest = &self.text[v.end_byte..];
        let order = ["told", "tells", "tell"].contains(&cue.as_str())
            && rest
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w == "to" && rest.starts_with(' '));
        order || (["responded", "replied", "responds", "replies"].contains(&cue.as_str()) && rest.starts_with(" to "))
    }

    /// "a bystander he believed was gay": a pronoun subject right after a noun opens a relative
    /// clause, whose verb attributes only that clause.
    fn in_reduced_relative(&self, v: Span) -> bool {
        let Some(p) = self.last_token_before(v.start_byte) else {
            return false;
        };
        if p == 0 || !is_pronoun(&self.toks[p].text.to_lowercase()) || !self.blank(self.tok(p).end_byte, v.start_byte) {
            return false;
        }
        let noun = self.toks[p - 1].text;
        let lower = noun.to_lowercase();
        noun.starts_with(char::is_lowercase)
            && joined_by_space(self, p)
            && !self.lex.is_stopword(&lower)
            && !lower.ends_with("ly")
            && !ADVERBS.contains(&lower.as_str())
    }

    /// True when what follows the verb is what is reported: "that …", a colon or a quotation, "X
    /// as saying", or nothing more when the verb closes a clause set off by a comma or quotation
    /// ("…, it continued, …", "“…,” she recalled.").
    fn reports_content(&self, v: Span) -> bool {
        let after = self.text[v.end_byte..].trim_start();
        let next = after.split_whitespace().next().unwrap_or("");
        if next == "that" || after.starts_with([':', '"', '“', '\'', '‘']) {
            return true;
        }
        if ["quotes", "quoted"].contains(&v.slice(self.text)) {
            return after.split([',', ';', '.']).next().is_some_and(|clause| {
                clause
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .windows(2)
                    .any(|w| w[0] == "as" && w[1].ends_with("ing"))
            });
        }
        let closes = after.is_empty() || after.starts_with([',', '.', ';']);
        closes && self.text[..v.start_byte].contains([',', '"', '”', '’'])
    }

    /// "“…,” offered CNN host Van Jones.": a verb not in the lexicon between a quotation and the
    /// name that closes the sentence.
    fn inverted(&self) -> Option<Speaker> {
        let q = self.quote?;
        let rest = &self.text[q.end_byte..];
        let start = q.end_byte + (rest.len() - rest.trim_start_matches([',', ' ']).len());
        let j = self.first_token_after(start)?;
        let verb = self.tok(j);
        let w = self.toks[j].text;
        let verb_like = verb.start_byte == start
            && w.starts_with(char::is_lowercase)
            && (w.ends_with("ed") || w.ends_with('s'))
            && self.text[q.start_byte..q.end_byte]
                .trim_end_matches(['"', '”', '’', '\''])
                .ends_with([',', '?', '!']);
        if !verb_like {
            return None;
        }
        let sp = self
            .after(verb, false)
            .filter(|sp| sp.kind == SpeakerKind::Person && sp.name.is_some())?;
        let end = sp.span.map_or(0, |e| e.end_byte - self.base);
        let tail = self.text.get(end..).unwrap_or("");
        let closes = tail
            .trim_matches(|c: char| c.is_whitespace() || ".)\"”’'".contains(c))
            .is_empty()
            || tail.starts_with(", ");
        closes.then(|| Speaker {
            verb: Some(w.to_string()),
            ..sp
        })
    }

    /// "CNN host and attorney Van Jones", "comedian and friend of Jezebel Sarah Benincasa": person
    /// nouns (with the names they hang on) before a name, from token `j`. Returns the person, their
    /// description as role, and the index of the name's last token.
    fn titled_name(&self, j: usize) -> Option<(Speaker, usize)> {
        let mut i = j;
        if self
            .toks
            .get(i)
            .is_some_and(|t| ["the", "a", "an"].contains(&t.text.to_lowercase().as_str()))
        {
            i += 1;
        }
        let start = i;
        let mut noun = false;
        let mut run: Option<usize> = None;
        while i < self.toks.len() && i < start + 9 {
            if i > start && !self.blank(self.tok(i - 1).end_byte, self.tok(i).start_byte) {
                break;
            }
            let t = self.toks[i];
            let lower = t.text.to_lowercase();
            if t.is_capitalised() && !is_possessive(t.text) {
                run = run.or(Some(i));
            } else if self.lex.is_person_noun(&lower) && t.text.starts_with(char::is_lowercase) {
                noun = true;
                run = None;
            } else if ["and", "of", "&"].contains(&lower.as_str()) && i > start {
                run = None;
            } else {
                break;
            }
            i += 1;
        }
        let last = i.checked_sub(1)?;
        let run_start = run?;
        let mut first = run_start;
        if !noun || last <= first || !self.outside(self.tok(last)) {
            return None;
        }
        // "Jezebel Sarah Benincasa": a name that runs on from an outlet starts at its given name.
        if let Some(given) =
            (first + 1..last).find(|&g| self.lex.first_name(&self.toks[g].text.to_lowercase()).is_some())
        {
            if self.lex.first_name(&self.toks[first].text.to_lowercase()).is_none() {
                first = given;
            }
        }
        // "a friend of John Smith" is not John Smith (but "friend of Jezebel Sarah Benincasa" is her).
        if first == run_start && self.toks[first - 1].text == "of" {
            return None;
        }
        let mut sp = self.named(first, last)?;
        let organisation = self
            .entities
            .iter()
            .any(|e| e.kind != EntityKind::Person && Some(e.span) == sp.span);
        if organisation {
            return None;
        }
        sp.kind = SpeakerKind::Person;
        let role = self.text[self.tok(start).start_byte..self.tok(first).start_byte].trim();
        sp.role = sp.role.or_else(|| Some(role.to_string()));
        Some((sp, last))
    }

    /// True when the relative span lies between an opening parenthesis and its closing one.
    fn in_parenthesis(&self, s: Span) -> bool {
        let before = &self.text[..s.start_byte];
        before
            .rfind('(')
            .is_some_and(|open| !before[open..].contains(')') && self.text[s.end_byte..].contains(')'))
    }

    fn rel(&self, s: Span) -> Span {
        Span::new(s.start_byte - self.base, s.end_byte - self.base)
    }

    /// Text of a token, relative span.
    fn tok(&self, i: usize) -> Span {
        self.rel(self.toks[i].span)
    }

    /// The speaker named for the reporting verb at `verb`, if any.
    fn resolve(&self, verb: Span) -> Option<Speaker> {
        let verb_text = verb.slice(self.text);
        let pre_word = self.text[..verb.start_byte]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let found = if verb_text.eq_ignore_ascii_case("according to") {
            self.after(verb, true)
        } else if ["quotes", "quoted"].contains(&verb_text) {
            // "the Mail quotes the document as reading": the one quoted speaks.
            self.after(verb, false)
        } else if verb_text == "saying" {
            // "X praised the king, saying …": the subject of the clause it hangs from.
            pre_word.ends_with(',').then(|| self.clause_subject(verb)).flatten()
        } else if pre_word == "and" {
            // "X named Emwazi and said …": the verb shares the clause's subject.
            self.clause_subject(verb)
        } else {
            let pre = self.text[..verb.start_byte].trim_end();
            // Speaker after the verb: right after a quotation or at the start ("…," said X);
            // after a plain comma only a name ("…, said Carlos Mendes"), never a description.
            let after_quote = pre.is_empty() || pre.trim_end_matches(',').ends_with(['"', '”', '\'', '’', ':', '—']);
            let told = verb_text.to_ascii_lowercase().starts_with("tel") || verb_text.eq_ignore_ascii_case("told");
            match self.before(verb) {
                Some(sp) => Some(sp),
                None if told => None,
                None if after_quote => self.after(verb, false),
                None if pre.ends_with(',') => self.after(verb, false).filter(|sp| {
                    sp.kind != SpeakerKind::Anonymous
                        && sp.name.as_deref().is_some_and(|n| n.starts_with(char::is_uppercase))
                }),
                None => None,
            }
        };
        found.map(|mut sp| {
            // Outlets report ("Bloomberg View reported"); a name that is no known person is one.
            let known_person = self
                .entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && Some(e.span) == sp.span);
            if sp.kind == SpeakerKind::Person && !known_person && verb_text.to_lowercase().starts_with("report") {
                sp.kind = SpeakerKind::Organisation;
            }
            sp.verb = Some(verb_text.to_string());
            sp
        })
    }

    /// The subject that opens the sentence, for a verb that shares it ("and said", ", saying"): the
    /// phrase before the sentence's first verb-like word (lower case, ending in -ed or -s).
    fn clause_subject(&self, verb: Span) -> Option<Speaker> {
        let last = self.last_token_before(verb.start_byte)?;
        (1..=last.min(8)).find_map(|m| {
            let w = self.toks[m].text;
            let verb_like = w.starts_with(char::is_lowercase)
                && (w.ends_with("ed") || w.ends_with('s'))
                && self.blank(self.tok(m - 1).end_byte, self.tok(m).start_byte)
                && self.outside(self.tok(m));
            verb_like
                .then(|| self.subject_ending(m - 1))
                .flatten()
                .filter(|sp| matches!(sp.kind, SpeakerKind::Person | SpeakerKind::Organisation))
        })
    }

    /// Index of the last token that ends at or before relative byte `at`.
    fn last_token_before(&self, at: usize) -> Option<usize> {
        let abs = self.base + at;
        self.toks.iter().rposition(|t| t.span.end_byte <= abs)
    }

    /// Index of the first token that starts at or after relative byte `at`.
    fn first_token_after(&self, at: usize) -> Option<usize> {
        let abs = self.base + at;
        self.toks.iter().position(|t| t.span.start_byte >= abs)
    }

    /// Only spaces between two relative offsets.
    fn blank(&self, from: usize, to: usize) -> bool {
        self.text.get(from..to).is_some_and(|g| g.trim().is_empty())
    }

    /// The speaker in subject position before the verb: "Carlos Mendes said", "the interior
    /// ministry said", "officials said", "he added", "John Smith, a spokesman for Y, said".
    fn before(&self, verb: Span) -> Option<Speaker> {
        let mut k = self.last_token_before(verb.start_byte)?;
        let mut next_start = verb.start_byte;
        let mut skipped = 0;
        let mut passive = false;
        loop {
            let t = self.tok(k);
            if !self.outside(t) {
                return None;
            }
            let word = self.toks[k].text;
            let lower = word.to_lowercase();
            // "Woods, who said…": the name before the relative pronoun.
            if lower == "who" && skipped == 0 && k > 0 {
                let gap = self
                    .text
                    .get(self.tok(k - 1).end_byte..t.start_byte)
                    .unwrap_or("")
                    .trim();
                if gap == "," {
                    return self.named_ending(k - 1).map(|sp| self.who(sp));
                }
            }
            let skippable = !self.toks[k].is_capitalised()
                && !is_pronoun(&lower)
                && !["a", "an", "the", "and", "but", "or", "who", "which", "that"].contains(&lower.as_str())
                && (self.lex.is_stopword(&lower) || lower.ends_with("ly") || ADVERBS.contains(&lower.as_str()));
            if skippable && skipped < MAX_SKIPPED && self.blank(t.end_byte, next_start) && k > 0 {
                skipped += 1;
                passive |= ["is", "was", "were", "be", "been", "being"].contains(&lower.as_str());
                next_start = t.start_byte;
                k -= 1;
                continue;
            }
            let gap = self.text.get(t.end_byte..next_start).unwrap_or("").trim();
            if passive {
                // "It is believed", "Laweel was told": not a speaker in subject position.
                return None;
            }
            // "Duncan Hunter (R-Calif.) claimed", "X (who …), said": step over the parenthesis.
            if gap.ends_with(')') || gap.ends_with("),") {
                let open = self.text[..next_start].rfind('(')?;
                let j = self.last_token_before(open)?;
                return self
                    .blank(self.tok(j).end_byte, open)
                    .then(|| self.named_ending(j))
                    .flatten();
            }
            return match gap {
                "" => self.subject_ending(k),
                "," => self.appositive(k),
                _ => None,
            };
        }
    }

    /// The speaker whose phrase ends with token `k`, right before the verb.
    fn subject_ending(&self, k: usize) -> Option<Speaker> {
        let t = self.toks[k];
        let lower = t.text.to_lowercase();
        if is_pronoun(&lower) {
            // The pronoun is where this sentence names its speaker.
            return self.pronoun(&lower).map(|sp| Speaker {
                span: Some(t.span),
                ..sp
            });
        }
        if let Some(sp) = self.anonymous_ending(k) {
            return Some(sp);
        }
        if let Some(sp) = self.described_person(k) {
            return Some(sp);
        }
        if let Some(e) = self
            .entities
            .iter()
            .find(|e| e.span.end_byte == t.span.end_byte || (e.span.contains(t.span) && e.kind == EntityKind::Person))
        {
            return (!self.after_preposition(self.toks.iter().position(|x| x.span.start_byte >= e.span.start_byte)?))
                .then(|| entity_speaker(e));
        }
        if t.is_capitalised() {
            if let Some(first) = self.name_start(k) {
                // "another user on Twitter said": the name only says where the speaker is.
                return (!self.after_preposition(first)).then(|| self.named(first, k)).flatten();
            }
        }
        self.description_ending(k)
    }

    /// True when the word before token `i` is a preposition ("on", "of", "at"…).
    fn after_preposition(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            ["on", "of", "at", "from", "in", "for", "with", "by", "to"].contains(&self.toks[p].text)
                && self.blank(self.tok(p).end_byte, self.tok(i).start_byte)
        })
    }

    /// "he/she" → the person mentioned last; "they" → the previous speaker when that was a group
    /// (anonymous or an organisation); "it" → the previous organisation speaker.
    fn pronoun(&self, lower: &str) -> Option<Speaker> {
        match lower {
            // A person we cannot name: the unnamed one who spoke in the sentence before ("a
            // South Korean official claimed …" "…," he added), or else a person still, unnamed.
            "he" | "she" => Some(if lower == "he" { self.ctx.he } else { self.ctx.she }.map_or_else(
                || match self.ctx.previous.filter(|p| self.ctx.adjacent && is_one_unnamed(p)) {
                    Some(p) => p.clone(),
                    None => Speaker {
                        kind: SpeakerKind::Person,
                        name: None,
                        role: None,
                        affiliation: None,
                        verb: None,
                        span: None,
                    },
                },
                |p| Speaker {
                    kind: SpeakerKind::Person,
                    name: Some(p.name.clone()),
                    role: p.role.clone(),
                    affiliation: p.affiliation.clone(),
                    verb: None,
                    span: None,
                },
            )),
            "they" => self
                .ctx
                .previous
                .filter(|p| matches!(p.kind, SpeakerKind::Anonymous | SpeakerKind::Organisation))
                .cloned(),
            "it" => self.it(),
            _ => None,
        }
    }

    /// What "it" speaks for: a document the sentence before dealt with ("obtained a leaked
    /// document"), else that sentence's subject when it is an organisation ("The Turkish government
    /// has refused …"), else the previous speaker when it was an organisation or a document.
    fn it(&self) -> Option<Speaker> {
        let prior = self.ctx.prior;
        prior
            .and_then(|c| self.document_in(c))
            .or_else(|| prior.and_then(|c| self.organisation_opening(c)))
            .or_else(|| {
                self.ctx
                    .previous
                    .filter(|p| p.kind == SpeakerKind::Organisation || is_document(p))
                    .cloned()
            })
    }

    /// A document that claim `c` handles as an object ("obtained a leaked internal document"), not
    /// one it cites ("said in a statement"): "the document", or its issuer when named before it.
    fn document_in(&self, c: &Claim) -> Option<Speaker> {
        let toks = super::tokens::words(&c.text, 0);
        let outside = |t: &Token<'_>| {
            c.quote.is_none_or(|q| {
                t.span.end_byte + c.span.start_byte <= q.start_byte
                    || t.span.start_byte + c.span.start_byte >= q.end_byte
            })
        };
        let d = toks.iter().rposition(|t| DOCUMENTS.contains(&t.text) && outside(t))?;
        let mut det = d;
        while det > 0
            && d - det < 4
            && !["a", "an", "the", "this", "that"].contains(&toks[det - 1].text.to_lowercase().as_str())
        {
            det -= 1;
        }
        let det = det.checked_sub(1)?;
        let cited = det.checked_sub(1).is_some_and(|p| {
            ["in", "by", "from", "on", "with", "through", "of", "to", "at", "for"]
                .contains(&toks[p].text.to_lowercase().as_str())
        });
        if cited {
            return None;
        }
        let issuer = (det + 1..d).find(|&i| toks[i].is_capitalised());
        let (kind, name) = match issuer {
            Some(i) => (
                SpeakerKind::Organisation,
                Span::new(toks[i].span.start_byte, toks[d - 1].span.end_byte)
                    .slice(&c.text)
                    .to_string(),
            ),
            None => (SpeakerKind::Anonymous, format!("the {}", toks[d].text)),
        };
        Some(Speaker {
            kind,
            name: Some(name),
            role: None,
            affiliation: None,
            verb: None,
            span: None,
        })
    }

    /// The organisation that opens claim `c` as its subject: "The Turkish government has …",
    /// "Turkey has …" (a known place or organisation), followed by a lower-case word.
    fn organisation_opening(&self, c: &Claim) -> Option<Speaker> {
        let toks = super::tokens::words(&c.text, 0);
        // The sentence opens with its subject, not with a quotation.
        let from = usize::from(
            toks.first()
                .filter(|t| t.span.start_byte == 0)?
                .text
                .eq_ignore_ascii_case("the"),
        );
        let lower_after = |h: usize| {
            toks.get(h + 1)
                .is_some_and(|t| t.text.starts_with(char::is_lowercase) && !self.lex.is_organisation_word(t.text))
        };
        let head = (from..toks.len().min(from + 4))
            .take_while(|&i| i == 0 || c.text.get(toks[i - 1].span.end_byte..toks[i].span.start_byte) == Some(" "))
            .find(|&i| self.lex.is_organisation_word(&toks[i].text.to_lowercase()))
            .filter(|&h| lower_after(h));
        if let Some(h) = head {
            return Some(Speaker {
                kind: SpeakerKind::Organisation,
                name: Some(c.text[..toks[h].span.end_byte].to_string()),
                role: None,
                affiliation: None,
                verb: None,
                span: None,
            });
        }
        let start = c.span.start_byte + toks.get(from)?.span.start_byte;
        let e = c
            .entities
            .iter()
            .find(|e| e.kind != EntityKind::Person && e.span.start_byte == start)?;
        let last = toks
            .iter()
            .rposition(|t| t.span.end_byte + c.span.start_byte <= e.span.end_byte)?;
        lower_after(last).then(|| entity_speaker(e))
    }

    /// An anonymous cue ending at token `k` ("officials said"), or followed by a phrase that only
    /// says whose it is ("a spokesman for the ministry said", "a source close to the talks said").
    fn anonymous_ending(&self, k: usize) -> Option<Speaker> {
        let end = self.tok(k).end_byte;
        let start = self.tok(k.saturating_sub(8)).start_byte;
        let (cue, _) = self
            .lex
            .anonymous
            .find(&self.text[start..end])
            .into_iter()
            .map(|(s, i)| (Span::new(s.start_byte + start, s.end_byte + start), i))
            .filter(|(s, _)| {
                let rest = &self.text[s.end_byte..end];
                rest.is_empty()
                    || (!rest.contains([',', ';', ':', '"', '“', '”'])
                        && [
                            " for ",
                            " of ",
                            " at ",
                            " from ",
                            " close ",
                            " with ",
                            " in ",
                            " familiar ",
                        ]
                        .iter()
                        .any(|p| rest.starts_with(p)))
            })
            .min_by_key(|(s, _)| (std::cmp::Reverse(s.end_byte), s.start_byte))?;
        Some(self.anonymous(cue))
    }

    fn anonymous(&self, cue: Span) -> Speaker {
        // "Russian officials said": the entity names whose officials they are only when adjacent.
        let affiliation = self
            .entities
            .iter()
            .find(|e| {
                e.kind != EntityKind::Person
                    && e.span.end_byte <= self.base + cue.start_byte
                    && e.span.end_byte + 1 >= self.base + cue.start_byte
            })
            .map(|e| e.canonical.clone());
        Speaker {
            kind: SpeakerKind::Anonymous,
            name: Some(cue.slice(self.text).to_string()),
            role: None,
            affiliation,
            verb: None,
            span: Some(Span::new(self.base + cue.start_byte, self.base + cue.end_byte)),
        }
    }

    /// The speaker named before ", who": "who" speaks of a person, so a name that is no known
    /// organisation is one ("Woods, who said …").
    fn who(&self, mut sp: Speaker) -> Speaker {
        let known_org = self
            .entities
            .iter()
            .any(|e| e.kind != EntityKind::Person && Some(e.span) == sp.span);
        if sp.kind == SpeakerKind::Organisation && !known_org {
            sp.kind = SpeakerKind::Person;
        }
        sp
    }

    /// "X, a spokesman for Y, said", "X, who heads Y, said", "X, 45, said": the name before the
    /// commas, with the appositive as its role.
    fn appositive(&self, k: usize) -> Option<Speaker> {
        // "X, who left his home in Keighley, West Yorkshire, to fight, said": a relative clause
        // may hold commas of its own.
        let upto = self.tok(k).end_byte;
        if let Some(at) = self.text[..upto].rfind(", who ") {
            let j = self.last_token_before(at)?;
            if self.outside(Span::new(at, upto)) && self.blank(self.tok(j).end_byte, at) {
                if let Some(sp) = self.named_ending(j) {
                    return Some(self.who(sp));
                }
            }
        }
        // "Mr. Somers' sister, Lucy Somers, told": the name itself stands between the commas.
        if let Some(first) = self.name_start(k) {
            let before = self.text[..self.tok(first).start_byte].trim_end();
            if before.ends_with(',') {
                return self.named(first, k);
            }
        }
        let mut end = self.tok(k).end_byte;
        // "Mr Madden, a frequent visitor to Pyongyang, the North Korean capital, said": a place
        // named inside an appositive is not who speaks; look further back, and keep it last.
        let mut place: Option<Speaker> = None;
        for _ in 0..3 {
            let Some(comma) = self.text[..end].rfind(',') else {
                return place;
            };
            let inserted = self.text[comma + 1..end].trim();
            let first = inserted.split_whitespace().next().unwrap_or("");
            let insert_like = first
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            if !insert_like || !self.outside(Span::new(comma, end)) {
                return place;
            }
            // "only one person, comedian and friend of Jezebel Sarah Benincasa, noticed": the
            // inserted description ends with the speaker's name.
            if let Some((sp, _)) = self
                .first_token_after(comma + 1)
                .and_then(|n| self.titled_name(n))
                .filter(|(_, last)| *last == k)
            {
                return Some(sp);
            }
            let Some(j) = self.last_token_before(comma) else {
                return place;
            };
            if self.blank(self.tok(j).end_byte, comma) {
                if let Some(mut sp) = self.named_ending(j) {
                    let a_place = self
                        .entities
                        .iter()
                        .any(|e| matches!(e.kind, EntityKind::Place | EntityKind::Country) && Some(e.span) == sp.span);
                    if a_place {
                        place = place.or(Some(sp));
                        end = comma;
                        continue;
                    }
                    let relative = ["who", "which", "whose"].contains(&first);
                    if !relative && !first.starts_with(|c: char| c.is_ascii_digit()) && sp.role.is_none() {
                        let role = inserted
                            .trim_start_matches("a ")
                            .trim_start_matches("an ")
                            .trim_start_matches("the ");
                        sp.role = Some(role.to_string());
                    }
                    return Some(sp);
                }
            }
            end = comma;
        }
        place
    }

    /// A named person or organisation (entity or capitalised name) ending at token `k`.
    fn named_ending(&self, k: usize) -> Option<Speaker> {
        let t = self.toks[k];
        if let Some(e) = self.entities.iter().find(|e| e.span.end_byte == t.span.end_byte) {
            return Some(entity_speaker(e));
        }
        let first = self.name_start(k).filter(|_| t.is_capitalised())?;
        self.named(first, k)
    }

    /// The speaker after the verb (`according`: after "according to"): "said Carlos Mendes", "said the transport minister, Carlos
    /// Mendes", "according to Priya Patel", "says a lawyer who…", "according to the ministry".
    fn after(&self, verb: Span, according: bool) -> Option<Speaker> {
        let j = self.first_token_after(verb.end_byte)?;
        if !self.outside(self.tok(j)) || !self.blank(verb.end_byte, self.tok(j).start_byte) {
            return None;
        }
        let mut lower = self.toks[j].text.to_lowercase();
        let mut j = j;
        // "the Telegraph", and "a CentCom statement": the name behind the article.
        let document_after = |i: usize| {
            let mut e = i;
            while self.name_continues(e) {
                e += 1;
            }
            self.toks
                .get(e + 1)
                .is_some_and(|t| DOCUMENTS.contains(&t.text.to_lowercase().as_str()))
        };
        if (lower == "the" || ((lower == "a" || lower == "an") && document_after(j + 1)))
            && self.toks.get(j + 1).is_some_and(Token::is_capitalised)
        {
            j += 1;
            lower = self.toks[j].text.to_lowercase();
        }
        // A person entity among the capitalised words that follow ("said Interior Minister Ana Ruiz").
        let caps_end = (j..self.toks.len().min(j + 6))
            .take_while(|&i| self.toks[i].is_capitalised())
            .last();
        if let Some(last) = caps_end {
            let limit = self.toks[last].span.end_byte;
            if let Some(e) = self.entities.iter().find(|e| {
                e.kind == EntityKind::Person
                    && e.span.start_byte >= self.toks[j].span.start_byte
                    && e.span.end_byte <= limit
            }) {
                return Some(entity_speaker(e));
            }
        }
        if let Some(cue) = self
            .lex
            .anonymous
            .find(&self.text[self.tok(j).start_byte..])
            .into_iter()
            .next()
            .filter(|(s, _)| s.start_byte == 0 || (["a", "an", "the"].contains(&lower.as_str()) && s.start_byte <= 4))
        {
            let at = self.tok(j).start_byte;
            return Some(self.anonymous(Span::new(cue.0.start_byte + at, cue.0.end_byte + at)));
        }
        if let Some((sp, _)) = self.titled_name(j) {
            return Some(sp);
        }
        if self.toks[j].is_capitalised() && !self.lex.is_not_name(&lower) {
            let mut last = j;
            while self.name_continues(last) {
                last += 1;
            }
            // "wrote The Washington Post's David Ignatius": the outlet's person speaks.
            let owned = self
                .toks
                .get(last + 1)
                .filter(|n| is_possessive(self.toks[last].text) && n.is_capitalised())
                .filter(|_| joined_by_space(self, last + 1));
            if owned.is_some() {
                j = last + 1;
                last = j;
                while self.name_continues(last) {
                    last += 1;
                }
            }
            // "according to Twitter users", "said Pentagon officials": the name says whose.
            if let Some(n) = self
                .toks
                .get(last + 1)
                .filter(|_| self.blank(self.tok(last).end_byte, self.tok(last + 1).start_byte))
            {
                let at = n.span.start_byte - self.base;
                if let Some((cue, _)) = self
                    .lex
                    .anonymous
                    .find(&self.text[at..])
                    .into_iter()
                    .next()
                    .filter(|(c, _)| c.start_byte == 0)
                {
                    return Some(self.anonymous(Span::new(at, at + cue.end_byte)));
                }
            }
            let mut sp = self.named(j, last)?;
            // "said Ahmed Khan, a farmer in the valley"
            if let Some(role) = self.trailing_appositive(last).filter(|_| !according) {
                sp.role = sp.role.or(Some(role));
            }
            return Some(sp);
        }
        if let Some(sp) = self.issued_document(j) {
            return Some(sp);
        }
        // A description: "the transport minister, Carlos Mendes", "the interior ministry", "a lawyer".
        let mut last = j;
        while last + 1 < self.toks.len()
            && last < j + 6
            && !self.toks[last + 1].is_capitalised()
            && self.blank(self.tok(last).end_byte, self.tok(last + 1).start_byte)
        {
            last += 1;
        }
        let after_desc = self.tok(last).end_byte;
        if self.text[after_desc..].starts_with(", ") {
            if let Some(n) = self.first_token_after(after_desc + 1) {
                if self.toks[n].is_capitalised() && self.blank(after_desc + 1, self.tok(n).start_byte) {
                    let mut end = n;
                    while self.name_continues(end) {
                        end += 1;
                    }
                    if let Some(mut sp) = self.named(n, end).filter(|sp| sp.kind == SpeakerKind::Person) {
                        let role = Span::new(self.tok(j).start_byte, after_desc).slice(self.text);
                        sp.role = sp.role.or_else(|| Some(strip_article(role).to_string()));
                        return Some(sp);
                    }
                }
            }
        }
        self.description(j, last)
    }

    /// "publicly available German government documents": a document whose issuer is named before
    /// it, from token `j`; the issuer speaks.
    fn issued_document(&self, j: usize) -> Option<Speaker> {
        let d = (j..self.toks.len().min(j + 7))
            .take_while(|&i| i == j || self.blank(self.tok(i - 1).end_byte, self.tok(i).start_byte))
            .find(|&i| DOCUMENTS.contains(&self.toks[i].text.to_lowercase().as_str()))?;
        let first = (j..d).find(|&i| self.toks[i].is_capitalised())?;
        let span = Span::new(self.tok(first).start_byte, self.tok(d - 1).end_byte);
        let affiliation = self
            .entities
            .iter()
            .find(|e| e.kind != EntityKind::Person && span.contains(self.rel(e.span)))
            .map(|e| e.canonical.clone());
        Some(Speaker {
            kind: SpeakerKind::Organisation,
            name: Some(span.slice(self.text).to_string()),
            role: None,
            affiliation,
            verb: None,
            span: Some(Span::new(self.base + span.start_byte, self.base + span.end_byte)),
        })
    }

    /// ", a farmer in the valley" after the name ending at token `last`, as a role.
    fn trailing_appositive(&self, last: usize) -> Option<String> {
        let rest = &self.text[self.tok(last).end_byte..];
        let rest = rest.strip_prefix(", ")?;
        let first = rest.split_whitespace().next()?;
        if !["a", "an", "the"].contains(&first) {
            return None;
        }
        let role = rest.split([',', '.', ';', '"', '“', '”']).next()?.trim();
        // Only an appositive that closes the sentence: "According to X, the level rose" is not one.
        let after = &rest[role.len()..];
        after
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '"' | '”' | '\'' | '’'))
            .is_empty()
            .then(|| strip_article(role).to_string())
    }

    /// True when the token after `i` continues a name that includes token `i`.
    fn name_continues(&self, i: usize) -> bool {
        let Some(next) = self.toks.get(i + 1) else {
            return false;
        };
        let t = self.toks[i];
        let gap = &self.text[t.span.end_byte - self.base..next.span.start_byte - self.base];
        let joined = gap == " "
            || gap == " & "
            || (gap == "-" && PARTICLES.contains(&t.text))
            || (gap == ". " && t.text.len() == 1);
        let name_like = next.is_capitalised() && !self.lex.is_not_name(&next.text.to_lowercase())
            || PARTICLES.contains(&next.text) && self.toks.get(i + 2).is_some_and(Token::is_capitalised);
        joined && name_like && !is_possessive(t.text) && self.outside(self.rel(next.span))
    }

    /// True when token `i` can stand inside a name (before its last word).
    fn name_word(&self, i: usize) -> bool {
        let t = self.toks[i];
        (t.is_capitalised() && !self.lex.is_not_name(&t.text.to_lowercase()) || PARTICLES.contains(&t.text))
            && !is_possessive(t.text)
            && self.outside(self.tok(i))
    }

    /// First token of the capitalised name that ends at token `k` (at most five words).
    fn name_start(&self, k: usize) -> Option<usize> {
        if !self.toks[k].is_capitalised() || !self.name_word(k) {
            return None;
        }
        let mut first = k;
        while first > 0 && k - first < 4 && self.name_word(first - 1) && self.name_continues(first - 1) {
            first -= 1;
        }
        // A leading particle is not part of the name.
        while first < k && !self.toks[first].is_capitalised() {
            first += 1;
        }
        Some(first)
    }

    /// The speaker named by tokens `first..=last`: a known entity, an organisation (its last word
    /// is an organisation word, or it is an acronym), or else a person.
    fn named(&self, first: usize, last: usize) -> Option<Speaker> {
        let span = Span::new(self.toks[first].span.start_byte, self.toks[last].span.end_byte);
        if let Some(e) = self
            .entities
            .iter()
            .find(|e| (e.kind == EntityKind::Person && span.contains(e.span)) || e.span == span)
        {
            return Some(entity_speaker(e));
        }
        let text = trim_possessive(self.rel(span).slice(self.text));
        let words: Vec<&str> = text.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let last_word = words.last()?.to_lowercase();
        let acronym = words.len() == 1 && text.len() >= 2 && text.chars().all(|c| c.is_uppercase() || c == '.');
        // The possessor before the name: "CNN's Hala Gorani".
        let possessor = first
            .checked_sub(1)
            .map(|i| self.toks[i].text)
            .filter(|w| is_possessive(w))
            .filter(|_| {
                self.blank(
                    self.toks[first - 1].span.end_byte - self.base,
                    self.toks[first].span.start_byte - self.base,
                )
            })
            .map(|w| trim_possessive(w).to_string());
        let affiliation = possessor.or_else(|| {
            self.entities
                .iter()
                .find(|e| {
                    e.kind != EntityKind::Person
                        && e.span.end_byte <= span.start_byte
                        && e.span.end_byte + 1 >= span.start_byte
                })
                .map(|e| e.canonical.clone())
        });
        // People take no article ("The Hollywood Reporter"), and a single word that is no known
        // person's name is more often an outlet or a company ("CentCom said", "Politico reported").
        let article = first
            .checked_sub(1)
            .is_some_and(|i| self.toks[i].text.eq_ignore_ascii_case("the"));
        let organisation = self.lex.is_organisation_word(&last_word) || acronym || article || words.len() == 1;
        Some(Speaker {
            kind: if organisation {
                SpeakerKind::Organisation
            } else {
                SpeakerKind::Person
            },
            name: Some(text.to_string()),
            role: None,
            affiliation,
            verb: None,
            span: Some(Span::new(span.start_byte, span.start_byte + text.len())),
        })
    }

    /// A person described, not named, by a phrase ending at token `k` whose head is a person noun:
    /// "the San Diego Republican", "the depressed 26-year-old" (the person named last, if any),
    /// "the individual's lawyer", "his lawyer" (someone else's: a person without a name).
    fn described_person(&self, k: usize) -> Option<Speaker> {
        let head = self.toks[k].text.to_lowercase();
        let joined = |i: usize| {
            let gap = self
                .text
                .get(self.tok(i - 1).end_byte..self.tok(i).start_byte)
                .unwrap_or("");
            gap == " " || gap == "-"
        };
        let aged = head == "old" && k >= 2 && self.toks[k - 1].text == "year" && !joined_by_space(self, k);
        if !self.lex.is_person_noun(&head) && !aged {
            return None;
        }
        let mut first = k;
        let mut possessed = false;
        while first > 0 && k - first < 6 && joined(first) && self.outside(self.tok(first - 1)) {
            let word = self.toks[first - 1].text;
            let lower = word.to_lowercase();
            if lower == "the" {
                first -= 1;
                break;
            }
            if is_possessive(word) || ["his", "her", "their", "its"].contains(&lower.as_str()) {
                possessed = true;
                first -= 1;
                break;
            }
            if ["a", "an"].contains(&lower.as_str()) || self.lex.is_stopword(&lower) {
                return None;
            }
            first -= 1;
        }
        let lead = self.toks[first].text.to_lowercase();
        if lead != "the" && !possessed {
            return None;
        }
        let span = Span::new(self.toks[first].span.start_byte, self.toks[k].span.end_byte);
        let role = strip_article(&self.rel(span).slice(self.text).to_lowercase()).to_string();
        // An epithet ("the San Diego Republican", "the 26-year-old") stands for the person named
        // last; a bare role ("the lawyer", "the spokesman") may be someone never named.
        // Roles that stand for people usually left unnamed ("the Yemeni official") are no epithet.
        let unnamed_role = [
            "official",
            "source",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "aide",
            "insider",
        ]
        .contains(&head.as_str());
        let epithet = aged || (!unnamed_role && (first + 1..k).any(|i| self.toks[i].is_capitalised()));
        let known = self.ctx.latest.filter(|_| !possessed && epithet);
        Some(Speaker {
            kind: SpeakerKind::Person,
            name: known.map(|p| p.name.clone()),
            role: Some(role),
            affiliation: known.and_then(|p| p.affiliation.clone()),
            verb: None,
            span: Some(span),
        })
    }

    /// A lower-case description ending at token `k`: an organisation ("the interior ministry",
    /// "police") or an unnamed person ("a lawyer").
    fn description_ending(&self, k: usize) -> Option<Speaker> {
        let mut first = k;
        while first > 0
            && k - first < 5
            && self.blank(self.tok(first - 1).end_byte, self.tok(first).start_byte)
            && !["a", "an", "the"].contains(&self.toks[first].text.to_lowercase().as_str())
            && self.outside(self.tok(first - 1))
        {
            first -= 1;
        }
        self.description(first, k)
    }

    /// [`Reader::description_ending`] over tokens `first..=last`.
    fn description(&self, first: usize, last: usize) -> Option<Speaker> {
        // The head is the last word of the description, or the word before "of"/"for"/"close".
        let words: Vec<&str> = (first..=last).map(|i| self.toks[i].text).collect();
        let head_at = words
            .iter()
            .position(|w| ["of", "for", "at", "from", "in", "who", "with", "by", "as"].contains(w))
            .map_or(words.len() - 1, |p| p.saturating_sub(1));
        let head = words.get(head_at)?.to_lowercase();
        let lead = words.first()?.to_lowercase();
        // "a report from Recode": a document speaks for whoever issued it.
        if DOCUMENTS.contains(&head.as_str()) {
            let by = first + head_at + 1;
            let named = self.toks.get(by + 1).is_some_and(Token::is_capitalised)
                && ["from", "by", "in", "of"].contains(&self.toks.get(by).map_or("", |t| t.text));
            if named {
                let mut end = by + 1;
                while self.name_continues(end) {
                    end += 1;
                }
                return self.named(by + 1, end);
            }
        }
        let mut span = Span::new(self.tok(first).start_byte, self.tok(first + head_at).end_byte);
        let kind = if self.lex.is_organisation_word(&head) {
            SpeakerKind::Organisation
        } else if lead == "a" || lead == "an" || DOCUMENTS.contains(&head.as_str()) {
            // "the document": a document whose issuer is not named.
            SpeakerKind::Anonymous
        } else {
            return None;
        };
        // "The Washington Post newspaper": the outlet is the name before the generic noun.
        let head_tok = first + head_at;
        if kind == SpeakerKind::Organisation && MEDIA_NOUNS.contains(&head.as_str()) && head_tok > first {
            if let Some(named) = (first..head_tok).find(|&i| self.toks[i].is_capitalised()) {
                if self.toks[head_tok - 1].is_capitalised() {
                    span = Span::new(self.tok(named).start_byte, self.tok(head_tok - 1).end_byte);
                }
            }
        }
        let name = span.slice(self.text).to_string();
        let affiliation = self
            .entities
            .iter()
            .find(|e| {
                e.kind != EntityKind::Person
                    && self.rel(e.span).start_byte >= span.start_byte
                    && self.rel(e.span).end_byte <= span.end_byte
            })
            .map(|e| e.canonical.clone());
        Some(Speaker {
            kind,
            name: Some(name),
            role: None,
            affiliation,
            verb: None,
            span: Some(Span::new(self.base + span.start_byte, self.base + span.end_byte)),
        })
    }
}

/// The speaker an entity names: a person, or an organisation (a country speaks for its government).
fn entity_speaker(e: &EntityMention) -> Speaker {
    let person = e.kind == EntityKind::Person;
    Speaker {
        kind: if person {
            SpeakerKind::Person
        } else {
            SpeakerKind::Organisation
        },
        name: Some(if person { e.canonical.clone() } else { e.text.clone() }),
        role: e.role.clone(),
        affiliation: if person {
            e.affiliation.clone()
        } else {
            Some(e.canonical.clone())
        },
        verb: None,
        span: Some(e.span),
    }
}

/// An anonymous speaker who is one person ("a spokesman", "a South Korean official").
fn is_one_unnamed(sp: &Speaker) -> bool {
    sp.kind == SpeakerKind::Anonymous
        && sp
            .name
            .as_deref()
            .is_some_and(|n| n.starts_with("a ") || n.starts_with("an ") || n.starts_with("A ") || n.starts_with("An "))
}

/// A document whose issuer was not named ("the document"), speaking as anonymous.
fn is_document(sp: &Speaker) -> bool {
    sp.kind == SpeakerKind::Anonymous
        && sp
            .name
            .as_deref()
            .and_then(|n| n.split(' ').next_back())
            .is_some_and(|w| DOCUMENTS.contains(&w))
}

fn is_pronoun(lower: &str) -> bool {
    ["he", "she", "they", "it"].contains(&lower)
}

/// True when token `k` is joined to the one before it by a space (not a hyphen: "26-year-old").
fn joined_by_space(r: &Reader<'_>, k: usize) -> bool {
    r.text.get(r.tok(k - 1).end_byte..r.tok(k).start_byte) == Some(" ")
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

fn trim_possessive(s: &str) -> &str {
    s.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches('\'')
        .trim_end_matches('’')
}

fn strip_article(s: &str) -> &str {
    ["a ", "an ", "the "]
        .iter()
        .find_map(|a| s.strip_prefix(a))
        .unwrap_or(s)
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::{self, People};

    fn who(s: &str) -> Speaker {
        let lex = Lexicon::get();
        let mut people = People::default();
        let e = entities::find(lex, s, 0, &mut people);
        let toks = crate::analyze::tokens::words(s, 0);
        speaker(lex, &lex.scan(s), 0, &toks, &e, quote(s), Context::default())
    }

    /// (kind, name) of `s`, one sentence on its own.
    fn named(s: &str) -> (SpeakerKind, Option<String>) {
        let sp = who(s);
        (sp.kind, sp.name)
    }

    fn person(name: &str) -> (SpeakerKind, Option<String>) {
        (SpeakerKind::Person, Some(name.to_string()))
    }

    /// (kind, name) of the speaker of every claim of a whole document, in order.
    fn speakers_of(text: &str) -> Vec<(SpeakerKind, Option<String>)> {
        let doc = crate::Document::new("d", text);
        let claims = crate::extract_claims(&doc, &crate::Config::default()).unwrap_or_default();
        claims.into_iter().map(|c| (c.speaker.kind, c.speaker.name)).collect()
    }

    const QUOTE: &str = "\"We will rebuild every bridge before winter,\"";

    #[test]
    fn quote_name_verb_and_quote_verb_name() {
        assert_eq!(named(&format!("{QUOTE} Carlos Mendes said.")), person("Carlos Mendes"));
        assert_eq!(named(&format!("{QUOTE} said Carlos Mendes.")), person("Carlos Mendes"));
        assert_eq!(
            named(&format!("{QUOTE} Carlos Mendes told reporters.")),
            person("Carlos Mendes")
        );
        // "told X": X is the listener, not the speaker.
        assert_eq!(named(&format!("{QUOTE} told Carlos Mendes.")).0, SpeakerKind::Anonymous);
    }

    #[test]
    fn appositives_before_and_after_the_name() {
        let sp = who(&format!("{QUOTE} said the transport minister, Carlos Mendes."));
        assert_eq!(
            (sp.kind, sp.name.as_deref(), sp.role.as_deref()),
            (SpeakerKind::Person, Some("Carlos Mendes"), Some("transport minister"))
        );
        let sp = who("\"The dam is safe,\" John Smith, a spokesman for the ministry, said on Monday.");
        assert_eq!(
            (sp.kind, sp.name.as_deref(), sp.role.as_deref()),
            (
                SpeakerKind::Person,
                Some("John Smith"),
                Some("spokesman for the ministry")
            )
        );
        let sp = who("\"Nobody warned us,\" said Ahmed Khan, a farmer in the valley.");
        assert_eq!(
            (sp.kind, sp.name.as_deref(), sp.role.as_deref()),
            (SpeakerKind::Person, Some("Ahmed Khan"), Some("farmer in the valley"))
        );
        assert_eq!(
            named("Ahmed Khan, 45, said the water came at night."),
            person("Ahmed Khan")
        );
    }

    #[test]
    fn relative_clause_and_according_to() {
        assert_eq!(
            named("Maria Lopez, who heads the relief agency, said 300 families had lost their homes."),
            person("Maria Lopez")
        );
        assert_eq!(
            named("According to Priya Patel, the water level rose by two metres overnight."),
            person("Priya Patel")
        );
        assert_eq!(
            named("The water level rose by two metres, according to Priya Patel."),
            person("Priya Patel")
        );
        let (kind, name) = named("The water level rose, according to the interior ministry.");
        assert_eq!(
            (kind, name.as_deref()),
            (SpeakerKind::Organisation, Some("the interior ministry"))
        );
    }

    #[test]
    fn reporting_verbs_beyond_said() {
        for verb in [
            "told reporters",
            "added",
            "stated",
            "wrote",
            "argued",
            "warned",
            "insisted",
            "claimed",
            "denied",
            "confirmed",
            "tweeted",
        ] {
            assert_eq!(
                named(&format!("Carlos Mendes {verb} that the bridge would be rebuilt.")),
                person("Carlos Mendes"),
                "{verb}"
            );
        }
        assert_eq!(
            named("Carlos Mendes also said the bridge would be rebuilt."),
            person("Carlos Mendes")
        );
    }

    #[test]
    fn titled_and_possessed_names() {
        assert_eq!(
            named("Interior Minister Ana Ruiz said the dam was safe."),
            person("Ana Ruiz")
        );
        let sp = who("CNN's Hala Gorani said her colleague saw the footage.");
        assert_eq!(
            (sp.kind, sp.name.as_deref(), sp.affiliation.as_deref()),
            (SpeakerKind::Person, Some("Hala Gorani"), Some("CNN"))
        );
    }

    #[test]
    fn organisations_speak_as_organisations() {
        let (kind, name) = named("The interior ministry said the dam was safe.");
        assert_eq!(
            (kind, name.as_deref()),
            (SpeakerKind::Organisation, Some("The interior ministry"))
        );
        assert_eq!(
            named("Police said the woman had been identified.").0,
            SpeakerKind::Organisation
        );
        assert_eq!(
            named("The Associated Press reports that six pits had been found.").0,
            SpeakerKind::Organisation
        );
        assert_eq!(
            named("The Combined Joint Task Force said 29 strikes were staged.").0,
            SpeakerKind::Organisation
        );
        assert_eq!(
            named("The dam is safe, the Lorvanian government said.").0,
            SpeakerKind::Organisation
        );
    }

    #[test]
    fn true_anonymity_stays_anonymous() {
        for s in [
            "The dam is safe, officials said.",
            "A source close to the talks said the dam was safe.",
            "A spokesman for the ministry said the dam was safe.",
            "Two senior officials, speaking on condition of anonymity, said the dam was safe.",
            "\"It is safe,\" says a lawyer who has represented the families.",
            "It is believed that the dam is safe.",
        ] {
            assert_eq!(named(s).0, SpeakerKind::Anonymous, "{s}");
        }
    }

    #[test]
    fn places_are_not_people() {
        assert_eq!(named("The dam is safe, Japan said.").0, SpeakerKind::Organisation);
        assert_eq!(
            named("Yesterday Carlos Mendes said the dam was safe."),
            person("Carlos Mendes")
        );
    }

    #[test]
    fn surnames_pronouns_and_continued_speech_refer_back() {
        let doc = "Maria Lopez, who heads the relief agency, said 300 families had lost their homes.\n\n\
                   Lopez added that aid would arrive on Friday.\n\n\
                   She warned that the roads were still closed.\n\n\
                   \"We need more trucks,\" she said. \"The next village has no water at all.\"\n\n\
                   \"We will keep going until every family is safe.\"\n\n\
                   The river rose again on Saturday.";
        let lopez = person("Maria Lopez");
        assert_eq!(
            speakers_of(doc),
            [
                lopez.clone(),
                lopez.clone(),
                lopez.clone(),
                lopez.clone(),
                lopez.clone(),
                lopez,
                (SpeakerKind::Author, None)
            ]
        );
    }

    #[test]
    fn people_named_without_a_title_are_known_to_pronouns_and_surnames() {
        // A given name makes "Sebastian Gorka" a person; the latest person named is who "he" is.
        let doc = "Gertz reported that a counterterrorism expert, Sebastian Gorka, explained the risks.\n\n\
                   \"The first would be a guided missile,\" he said.\n\n\
                   Gorka added that the jets were still missing.";
        let said = speakers_of(doc);
        assert_eq!(said[1], person("Sebastian Gorka"));
        assert_eq!(said[2], person("Sebastian Gorka"));
        // "she" skips a man's name; "he" skips a woman's.
        let doc = "Maria Lopez met John Smith at the dam on Monday.\n\n\
                   She said the water had risen by two metres.\n\n\
                   He said the town would be evacuated.";
        assert_eq!(&speakers_of(doc)[1..], [person("Maria Lopez"), person("John Smith")]);
    }

    #[test]
    fn a_pronoun_reaches_only_recent_paragraphs() {
        let doc = "Carlos Mendes opened the bridge on Monday.\n\nThe river rose.\n\nThe rain went on.\n\n\
                   The roads were closed.\n\nHe said the town would be evacuated.";
        assert_eq!(speakers_of(doc).last(), Some(&(SpeakerKind::Person, None)));
        // Unnamed, but the one who spoke just before: "a spokesman … said." "… he added."
        let doc = "A spokesman for the ministry said the dam was safe.\n\n\
                   \"There is no danger at all,\" he added.";
        assert_eq!(speakers_of(doc)[1].0, SpeakerKind::Anonymous);
    }

    #[test]
    fn who_speaks_of_a_person_and_outlets_report() {
        let doc = "Woods, who said he would return, missed the cut.\n\nWoods said his back was fine.";
        assert_eq!(speakers_of(doc), [person("Woods"), person("Woods")]);
        assert_eq!(
            named("British dad Yasir Abdulla, who left his home in Keighley, West Yorkshire, said he joined."),
            person("Yasir Abdulla")
        );
        assert_eq!(
            named("The king did not shake hands with her, Bloomberg View reported.").0,
            SpeakerKind::Organisation
        );
        // A verb inside a parenthesis attributes only the aside.
        assert_eq!(
            named("Another resident, Andrei Kazaryan (who Mysterious Universe suggests was an investigator), said, \"I heard footsteps.\""),
            person("Andrei Kazaryan")
        );
    }

    #[test]
    fn described_people_are_people() {
        // An epithet stands for the person named last; someone's lawyer is someone else.
        let doc = "Rep. Duncan Hunter claimed on Tuesday that fighters had crossed.\n\n\
                   The San Diego Republican said the sources told him so.";
        assert_eq!(speakers_of(doc)[1], person("Duncan Hunter"));
        let sp = who("The man picked up the gunshots, the individual's lawyer tells CNN.");
        assert_eq!((sp.kind, sp.name), (SpeakerKind::Person, None));
        assert_eq!(
            named("The depressed 26-year-old believed there was no chance.").0,
            SpeakerKind::Person
        );
    }

    #[test]
    fn nouns_and_acts_without_content_are_no_attribution() {
        for s in [
            "Her face was blurred by Saudi state television on Tuesday.",
            "On Monday morning, the PGA Tour responded to the claims.",
        ] {
            assert_eq!(named(s).0, SpeakerKind::Author, "{s}");
        }
        assert_eq!(
            named("According to Twitter users, hairs get stuck in the seam.").0,
            SpeakerKind::Anonymous
        );
    }

    #[test]
    fn a_verb_that_shares_its_clause_takes_the_clause_subject() {
        assert_eq!(
            named("Mr. Obama praised the late king, saying \"His vision was dedicated to his people,\" Bloomberg reported."),
            person("Obama")
        );
        assert_eq!(
            named("The interior ministry named the suspect and said he was from London.").0,
            SpeakerKind::Organisation
        );
        assert_eq!(
            named("The video shows a man saying the dam is safe.").0,
            SpeakerKind::Author
        );
        // An order is no report: "told him to".
        assert_eq!(
            named("Doctors who told him to retrieve it could not help.").0,
            SpeakerKind::Author
        );
        // "X, a <person noun>": X is a person, whom a later "she" can refer to.
        let doc = "The document was obtained by Park Jin-Hee, a North Korean defector.\n\n\
                   \"There is no one in the North with that name,\" she said.";
        assert_eq!(speakers_of(doc)[1], person("Park Jin-Hee"));
    }

    #[test]
    fn thought_and_perception_verbs_report_what_follows_them() {
        assert_eq!(
            named("However, the police department hopes that the cops will answer the phones.").0,
            SpeakerKind::Organisation
        );
        assert_eq!(
            named("In her viewing of the video, Sarah Benincasa noticed that one man looks like Paul Rudd."),
            person("Sarah Benincasa")
        );
        // Without what is reported, the verb attributes nothing; nor inside a relative clause.
        for s in [
            "A3maq News has previously posted IS-linked content on its channel.",
            "The police department hopes for a quieter winter this year.",
            "A drunk man assaulted a random bystander he believed was gay.",
        ] {
            assert_eq!(named(s).0, SpeakerKind::Author, "{s}");
        }
    }

    #[test]
    fn people_described_before_their_names() {
        assert_eq!(
            named("“Maybe the officer will say so,” offered CNN host and attorney Van Jones."),
            person("Van Jones")
        );
        assert_eq!(
            named("The dam is safe, said CNN correspondent Carlos Mendes.")
                .1
                .as_deref(),
            Some("Carlos Mendes")
        );
        assert_eq!(
            named("But only one person, comedian and friend of Jezebel Sarah Benincasa, noticed that he looks like Paul Rudd."),
            person("Sarah Benincasa")
        );
        // Someone's friend is not that someone.
        assert_ne!(
            named("The officer, a friend of John Smith, said the dam was safe.")
                .1
                .as_deref(),
            Some("John Smith")
        );
    }

    #[test]
    fn outlets_and_issuers_of_documents() {
        assert_eq!(
            named("The Washington Post newspaper named Emwazi and said he was a Briton."),
            (SpeakerKind::Organisation, Some("The Washington Post".to_string()))
        );
        assert_eq!(
            named("Berlin sent 10,000 grenades, according to publicly available German government documents."),
            (SpeakerKind::Organisation, Some("German government".to_string()))
        );
        assert_eq!(
            named("“Nobody should complain,” the Mail further quotes the document as reading.").0,
            SpeakerKind::Anonymous
        );
    }

    #[test]
    fn it_is_a_document_or_an_organisation_of_the_sentence_before() {
        let doc = "South Korean television obtained a leaked internal document from the state.\n\n\
                   “All organs should make a list of the residents,” it reportedly reads.\n\n\
                   Those caught with the name, it continued, would have their cards changed.";
        let said = speakers_of(doc);
        assert_eq!(said[1].0, SpeakerKind::Anonymous);
        assert_eq!(said[2].0, SpeakerKind::Anonymous);
        let doc = "The Turkish government has refused repeated requests to open a corridor.\n\n\
                   However, on Monday it announced that it would allow fighters to cross the border.";
        assert_eq!(
            speakers_of(doc)[1],
            (SpeakerKind::Organisation, Some("The Turkish government".to_string()))
        );
        // A document cited, not handled, is not what "it" is.
        let doc = "The ministry said in a statement that the dam was safe.\n\n\
                   It added that the roads would reopen on Monday.";
        assert_eq!(speakers_of(doc)[1].0, SpeakerKind::Organisation);
    }

    #[test]
    fn places_in_appositives_outlets_people_and_unnamed_roles() {
        let (kind, name) = named(
            "Mr Madden, a frequent visitor to Pyongyang, the North Korean capital, said: \"They are a franchise.\"",
        );
        assert_eq!(kind, SpeakerKind::Person);
        assert!(name.is_some_and(|n| n.ends_with("Madden")));
        assert_eq!(
            named("“The true heir may be Baghdadi,” wrote The Washington Post’s David Ignatius."),
            person("David Ignatius")
        );
        let doc = "Mark Oberholtzer owns a plumbing company in Texas.\n\n\
                   Oberholtzer has run the company for 32 years and said he sold the truck.";
        assert_eq!(speakers_of(doc)[1], person("Mark Oberholtzer"));
        // "the Yemeni official" is no epithet of the person named last.
        let doc = "Lucy Somers said her brother was a hostage.\n\n\
                   \"He was wounded,\" the Yemeni official told the agency.";
        assert_ne!(speakers_of(doc)[1], person("Lucy Somers"));
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
