//! `factdiff`: a diff for facts. Several accounts of one story in, one consistency report out.

mod commands;
mod input;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Report(args) => commands::report(args),
        Command::Claims(args) => commands::claims(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`factdiff report … | head -1`): nothing left to do.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "factdiff: error: {e}");
            ExitCode::from(2)
        }
    }
}
