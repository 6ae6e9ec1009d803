//! The `factdiff` command line as a library, so the Python package (`python -m factdiff`) runs the
//! very same code as the binary. [`run`] takes the arguments and returns the exit code; it writes
//! to stdout and stderr itself and never exits the process.

mod commands;
mod input;

use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;

const EXAMPLES: &str = "\
Examples:
  factdiff report examples/
  factdiff report ../shared/seeds/*.txt --format json -o report.json
  cat a.txt | factdiff claims -";

const REPORT_EXAMPLES: &str = "\
Examples:
  factdiff report examples/
  factdiff report a.txt b.html c.md --format md -o report.md
  factdiff report ../shared/seeds/*.txt --format json -o report.json
  curl -s https://example.org/story | factdiff report - other.txt";

const CLAIMS_EXAMPLES: &str = "\
Examples:
  factdiff claims article.txt
  factdiff claims article.html --format json
  cat a.txt | factdiff claims -";

/// A diff for facts: compare several news articles about one story and report
/// where they agree, contradict each other, or assert things no one else does.
#[derive(Parser, Debug)]
#[command(name = "factdiff", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare documents and print the consistency report.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(commands::ReportArgs),
    /// List the claims extracted from one input, with their attributes.
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(commands::ClaimsArgs),
}

/// Run the command line on `args` (the first one is the program name) and return the exit code:
/// 0 success, 2 bad input or usage (one message on stderr).
pub fn run(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` land here too, with exit code 0.
            let _ = e.print();
            return e.exit_code();
        }
    };
    let result = match &cli.command {
        Command::Report(args) => commands::report(args),
        Command::Claims(args) => commands::claims(args),
    };
    match result {
        Ok(()) => 0,
        // The reader went away (`factdiff report … | head -1`): nothing left to do.
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "factdiff: error: {e}");
            2
        }
    }
}
