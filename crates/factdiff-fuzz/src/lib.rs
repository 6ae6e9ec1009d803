//! Fuzz targets for factdiff. The invariants live in [`checks`], which the corpus replay test in
//! factdiff-core (`tests/fuzz_corpus.rs`) includes too, so stable CI runs the same checks.

pub mod checks;
