//! Helpers shared by the core's integration tests (and its unit tests, through `test_support`).

use std::path::PathBuf;

/// `../shared/data/fnc1` beside the repository; `None` when it is absent, which fails the test
/// under CI (the data must be there) and skips it elsewhere.
pub fn fnc1_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/fnc1");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "FNC-1 data missing at {}",
        dir.display()
    );
    None
}
