//! Word tables written at build time: `build.rs` lays the words of a list out in an open-addressed
//! hash table (at most half full, linear probing) and writes it as plain data: every word in one
//! string, each slot the byte range of its word there, and one value per slot. A lookup is one
//! FNV-1a hash of the word and usually one comparison; the program neither builds the table when
//! it starts nor relocates a pointer per word when it is loaded.

include!("word_hash.rs");

/// A read-only map from words to `V` (`()` for a set), as `build.rs` writes it.
pub(crate) struct WordTable<V: 'static> {
    /// Every word of the table, one after another.
    pub(crate) words: &'static str,
    /// Per slot, the byte range of its word in `words`; an empty range is an empty slot.
    pub(crate) slots: &'static [(u32, u32)],
    /// Per slot, the value of its word.
    pub(crate) values: &'static [V],
    /// `64 - log2(slots.len())`.
    pub(crate) shift: u32,
}

impl<V> WordTable<V> {
    /// The value of `word`, if the table holds it.
    pub(crate) fn get(&self, word: &str) -> Option<&'static V> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = word_slot(word.as_bytes(), self.shift);
        // The table is at most half full, so probing always reaches an empty slot.
        while let Some(&(from, to)) = self.slots.get(i) {
            if from == to {
                return None;
            }
            if self.words.get(from as usize..to as usize) == Some(word) {
                return self.values.get(i);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// True when the table holds `word`.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The words of the table, in slot order.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.slots
            .iter()
            .filter(|(from, to)| from < to)
            .filter_map(|&(from, to)| self.words.get(from as usize..to as usize))
    }
}
