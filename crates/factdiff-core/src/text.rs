//! Small text helpers every stage may use (lower-casing without allocating).
//!
//! Not for language knowledge: word lists are in `lexicon`, tokens in `analyze::tokens`.

/// `w` lower-cased into `buf` (cleared first): no allocation once `buf` has grown.
pub(crate) fn lowercase_into(buf: &mut String, w: &str) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_into_the_buffer_replacing_what_was_there() {
        let mut buf = String::from("old contents");
        lowercase_into(&mut buf, "Kessaria DAM");
        assert_eq!(buf, "kessaria dam");
        lowercase_into(&mut buf, "ÉTÉ");
        assert_eq!(buf, "été");
    }
}
