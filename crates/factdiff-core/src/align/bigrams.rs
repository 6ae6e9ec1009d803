//! Character bigrams of one claim, sorted, for the Sørensen–Dice similarity
//! ([`super::similarity::dice`]).
//!
//! A bigram is a pair of characters. Each distinct bigram of a story gets a dense id
//! ([`BigramIds`], in order of first appearance), and a claim keeps the sorted ids of its
//! bigrams: while the story has at most 65,536 distinct bigrams (nearly every story: news text
//! repeats a few thousand) an id fits in 16 bits, a quarter of a pair of characters. The
//! similarity only counts bigrams in common (a multiset intersection), which any one numbering
//! of the bigrams gives the same, and lists of either width merge with each other.

use rustc_hash::FxHashMap;

/// Dense ids of the distinct bigrams met so far (one numbering per story). Pairs of ASCII
/// characters, most of any text, are looked up in a table; other pairs in a map.
#[derive(Debug)]
pub struct BigramIds {
    /// Id + 1 of the pair (a, b) at `a * 128 + b`, 0 when not met yet.
    ascii: Box<[u32]>,
    other: FxHashMap<u64, u32>,
    next: u32,
}

impl Default for BigramIds {
    fn default() -> Self {
        BigramIds {
            ascii: vec![0; 128 * 128].into_boxed_slice(),
            other: FxHashMap::default(),
            next: 0,
        }
    }
}

impl BigramIds {
    #[inline]
    fn id(&mut self, first: char, second: char) -> u32 {
        let next = self.next;
        let id = if first.is_ascii() && second.is_ascii() {
            let slot = &mut self.ascii[(first as usize) * 128 + second as usize];
            if *slot == 0 {
                *slot = next.saturating_add(1);
            }
            *slot - 1
        } else {
            *self
                .other
                .entry((u64::from(first) << 32) | u64::from(second))
                .or_insert(next)
        };
        if id == next {
            self.next = next.saturating_add(1);
        }
        id
    }
}

/// Sorted bigram ids, in the narrowest form that holds every id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bigrams {
    /// Every id is below 2^16.
    Narrow(Box<[u16]>),
    /// Some id is not.
    Wide(Box<[u32]>),
}

impl Default for Bigrams {
    fn default() -> Self {
        Bigrams::Narrow(Box::default())
    }
}

impl Bigrams {
    /// The bigrams of consecutive characters of `chars` (a text without its whitespace, of `bytes`
    /// bytes in UTF-8: at least as many as its characters), numbered by `ids`.
    pub fn of(chars: impl Iterator<Item = char> + Clone, bytes: usize, ids: &mut BigramIds) -> Bigrams {
        // At most `bytes - 1` pairs (exactly that many for ASCII text, so the lists come out
        // full); the ids given out here are below `next + bytes`: when that fits in 16 bits, so
        // do all.
        let most = bytes.saturating_sub(1);
        let narrow = (ids.next as usize).saturating_add(bytes) <= 1 << 16;
        let pairs = chars.clone().zip(chars.skip(1)).map(|(a, b)| ids.id(a, b));
        if narrow {
            let mut v: Vec<u16> = Vec::with_capacity(most);
            v.extend(pairs.map(|id| u16::try_from(id).unwrap_or(u16::MAX)));
            v.sort_unstable();
            Bigrams::Narrow(v.into_boxed_slice())
        } else {
            let mut v: Vec<u32> = Vec::with_capacity(most);
            v.extend(pairs);
            v.sort_unstable();
            Bigrams::Wide(v.into_boxed_slice())
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Bigrams::Narrow(v) => v.len(),
            Bigrams::Wide(v) => v.len(),
        }
    }

    /// Whether both hold the same bigrams.
    pub fn same(&self, other: &Bigrams) -> bool {
        fn equal<A: Copy + Into<u32>, B: Copy + Into<u32>>(a: &[A], b: &[B]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| x.into() == y.into())
        }
        match (self, other) {
            (Bigrams::Narrow(a), Bigrams::Narrow(b)) => a == b,
            (Bigrams::Wide(a), Bigrams::Wide(b)) => a == b,
            (Bigrams::Narrow(a), Bigrams::Wide(b)) | (Bigrams::Wide(b), Bigrams::Narrow(a)) => equal(a, b),
        }
    }

    /// How many bigrams the two have in common, counting repeats (a multiset intersection).
    pub fn shared(&self, other: &Bigrams) -> usize {
        match (self, other) {
            (Bigrams::Narrow(a), Bigrams::Narrow(b)) => intersection(a, b),
            (Bigrams::Wide(a), Bigrams::Wide(b)) => intersection(a, b),
            (Bigrams::Narrow(a), Bigrams::Wide(b)) | (Bigrams::Wide(b), Bigrams::Narrow(a)) => intersection(a, b),
        }
    }
}

/// Size of the multiset intersection of two sorted lists (a merge).
fn intersection<A: Copy + Into<u32>, B: Copy + Into<u32>>(a: &[A], b: &[B]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].into().cmp(&b[j].into()) {
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

    fn of(s: &str, ids: &mut BigramIds) -> Bigrams {
        let squashed = s.chars().filter(|c| !c.is_whitespace());
        Bigrams::of(squashed.clone(), squashed.map(char::len_utf8).sum(), ids)
    }

    #[test]
    fn bigrams_in_common_count_repeats() {
        let ids = &mut BigramIds::default();
        let (a, b) = (of("the dam opened", ids), of("the dam closed 🌊", ids));
        // "thedamopened" and "thedamclosed🌊" share th, he, da, am and ed twice.
        assert_eq!(a.shared(&b), 6);
        assert_eq!(a.shared(&b), b.shared(&a));
        assert_eq!(a.shared(&a), a.len());
        assert!(a.same(&of("thedam opened", ids)) && !a.same(&b));
        assert_eq!(of("aaaa", ids).shared(&of("aa", ids)), 1);
        assert_eq!(of("x", ids).len(), 0);
    }

    #[test]
    fn narrow_and_wide_forms_agree() {
        // Past 65,536 distinct bigrams the new ids no longer fit in 16 bits.
        let ids = &mut BigramIds::default();
        let early = of("the dam opened", ids);
        for n in 0..70_000u32 {
            let c = char::from_u32(0x4E00 + n % 20_000).unwrap_or('x');
            let d = char::from_u32(0x4E00 + n / 20_000).unwrap_or('y');
            ids.id(c, d);
        }
        let late = of("the dam closed ∑", ids);
        assert!(matches!(early, Bigrams::Narrow(_)) && matches!(late, Bigrams::Wide(_)));
        assert_eq!(early.shared(&late), 6);
        assert_eq!(late.shared(&early), 6);
        let widened = match &early {
            Bigrams::Narrow(v) => Bigrams::Wide(v.iter().map(|&x| u32::from(x)).collect()),
            Bigrams::Wide(v) => Bigrams::Wide(v.clone()),
        };
        assert!(early.same(&widened) && widened.same(&early) && !early.same(&late));
        assert_eq!(widened.shared(&late), 6);
    }
}
