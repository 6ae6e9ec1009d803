// Shared by `build.rs` (which places every word of a table) and `lexicon/table.rs` (which looks
// words up), through `include!`, so that both put a word in the same slot.

/// The slot of `word` in a table of `1 << (64 - shift)` slots: FNV-1a over the bytes, then one
/// multiply by the golden ratio whose top bits are the slot (they depend on every byte).
const fn word_slot(word: &[u8], shift: u32) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < word.len() {
        h ^= word[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}
