//! `factdiff`: a diff for facts. Several accounts of one story in, one consistency report out.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = factdiff_cli::run(std::env::args_os().collect());
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
