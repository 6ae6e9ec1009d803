//! Character bigrams of one claim, sorted, for the Sørensen–Dice similarity
//! ([`super::similarity::dice`]).
//!
//! A bigram is a pair of characters. When every character of the text is in the Basic
//! Multilingual Plane (below U+10000, nearly all news text) a pair fits in 32 bits, half
//! the memory of the general 64-bit form; the two forms sort a pair the same way (by first
//! character, then second), so lists of either form merge with each other.

/// Sorted bigrams, in the narrowest form that holds every character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bigrams {
    /// First character in the high 16 bits, second in the low 16.
    Narrow(Vec<u32>),
    /// First character in the high 32 bits, second in the low 32.
    Wide(Vec<u64>),
}

impl Default for Bigrams {
    fn default() -> Self {
        Bigrams::Narrow(Vec::new())
    }
}

/// The 64-bit form of a narrow bigram.
fn widen(x: u32) -> u64 {
    (u64::from(x >> 16) << 32) | u64::from(x & 0xFFFF)
}

impl Bigrams {
    /// The bigrams of consecutive characters of `chars` (a text without its whitespace).
    pub fn of(chars: impl Iterator<Item = char> + Clone) -> Bigrams {
        let (count, narrow) = chars.clone().fold((0usize, true), |(n, narrow), ch| {
            (n + 1, narrow && u32::from(ch) <= 0xFFFF)
        });
        let pairs = chars.clone().zip(chars.skip(1));
        let capacity = count.saturating_sub(1);
        if narrow {
            let mut v: Vec<u32> = Vec::with_capacity(capacity);
            v.extend(pairs.map(|(p, ch)| (u32::from(p) << 16) | u32::from(ch)));
            v.sort_unstable();
            Bigrams::Narrow(v)
        } else {
            let mut v: Vec<u64> = Vec::with_capacity(capacity);
            v.extend(pairs.map(|(p, ch)| (u64::from(p) << 32) | u64::from(ch)));
            v.sort_unstable();
            Bigrams::Wide(v)
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Bigrams::Narrow(v) => v.len(),
            Bigrams::Wide(v) => v.len(),
        }
    }

    /// Every bigram in its 64-bit form, in order.
    fn wide(&self) -> Vec<u64> {
        match self {
            Bigrams::Narrow(v) => v.iter().map(|&x| widen(x)).collect(),
            Bigrams::Wide(v) => v.clone(),
        }
    }

    /// Whether both hold the same bigrams.
    pub fn same(&self, other: &Bigrams) -> bool {
        match (self, other) {
            (Bigrams::Narrow(a), Bigrams::Narrow(b)) => a == b,
            (Bigrams::Wide(a), Bigrams::Wide(b)) => a == b,
            _ => self.wide() == other.wide(),
        }
    }

    /// How many bigrams the two have in common, counting repeats (a multiset intersection).
    pub fn shared(&self, other: &Bigrams) -> usize {
        match (self, other) {
            (Bigrams::Narrow(a), Bigrams::Narrow(b)) => intersection(a, b),
            (Bigrams::Wide(a), Bigrams::Wide(b)) => intersection(a, b),
            // Only texts with characters beyond the BMP meet here: rare, so a copy is fine.
            _ => intersection(&self.wide(), &other.wide()),
        }
    }
}

/// Size of the multiset intersection of two sorted lists (a merge).
fn intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> Bigrams {
        Bigrams::of(s.chars().filter(|c| !c.is_whitespace()))
    }

    #[test]
    fn narrow_and_wide_forms_agree() {
        let (a, b) = (of("the dam opened"), of("the dam closed 🌊"));
        assert!(matches!(a, Bigrams::Narrow(_)) && matches!(b, Bigrams::Wide(_)));
        // "thedamopened" and "thedamclosed🌊" share th, he, da, am and ed twice.
        assert_eq!(a.shared(&b), 6);
        let widened = Bigrams::Wide(a.wide());
        assert_eq!(widened.shared(&b), 6);
        assert_eq!(a.shared(&b), b.shared(&a));
        assert_eq!(a.shared(&a), a.len());
        assert!(a.same(&widened) && !a.same(&b));
        assert_eq!(of("aaaa").shared(&of("aa")), 1);
        assert_eq!(of("x").len(), 0);
    }
}
