//! Helpers shared by the CLI integration tests: run the built binary, read its output, and a
//! temporary directory removed on drop.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The `factdiff` binary, with the environment variables that change its output removed.
pub fn factdiff() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factdiff"));
    cmd.env_remove("NO_COLOR").env_remove("COLUMNS");
    cmd
}

pub fn run(args: &[&str]) -> Output {
    factdiff().args(args).output().unwrap()
}

/// Run with `input` on stdin.
pub fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = factdiff()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl TempDir {
    /// A fresh directory under the system temp dir, named after the test binary's process.
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("factdiff-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Write `bytes` to `name` inside the directory and return its path as a string.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}
