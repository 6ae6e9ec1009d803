//! Helpers for the unit tests.

// The FNC-1 data directory, found as the integration tests find it.
#[path = "../tests/common/mod.rs"]
mod common;
pub use common::fnc1_dir;

/// Pseudo-random strings (xorshift, so every run sees the same ones), each of fewer than
/// `max_len` pieces taken from `pieces` with the given `stride`.
pub struct RandomStrings<'a> {
    state: u64,
    pieces: &'a [&'a str],
    max_len: u64,
    stride: usize,
    left: usize,
}

/// `count` strings from `seed`; see [`RandomStrings`].
pub fn random_strings<'a>(
    seed: u64,
    pieces: &'a [&'a str],
    max_len: u64,
    stride: usize,
    count: usize,
) -> RandomStrings<'a> {
    RandomStrings {
        state: seed,
        pieces,
        max_len,
        stride,
        left: count,
    }
}

impl RandomStrings<'_> {
    /// The generator's state, to seed a following sequence.
    pub fn state(&self) -> u64 {
        self.state
    }
}

impl Iterator for RandomStrings<'_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        self.left = self.left.checked_sub(1)?;
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        let (state, pieces) = (self.state, self.pieces);
        let len = (state % self.max_len) as usize;
        Some(
            (0..len)
                .map(|k| pieces[((state >> (k % 8 * 8)) as usize + k * self.stride) % pieces.len()])
                .collect(),
        )
    }
}

/// Each character of an ASCII alphabet as its own piece, for [`random_strings`].
pub fn ascii_pieces(alphabet: &str) -> Vec<&str> {
    (0..alphabet.len()).map(|i| &alphabet[i..i + 1]).collect()
}
