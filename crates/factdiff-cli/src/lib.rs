//! The `factdiff` command line as a library, so the Python package (`python -m factdiff`) runs the
//! very same code as the binary. [`run`] takes the arguments and returns the exit code; it writes
//! to stdout and stderr itself and never exits the process.

#![warn(missing_docs)]

mod args;
mod commands;
mod input;
mod judge;
mod stream;

pub use stream::{StoryLine, Summary};

use clap::{CommandFactory, Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;

const EXAMPLES: &str = "\
Examples:
  factdiff report examples/
  factdiff report examples/ --format html -o report.html
  factdiff report ../shared/seeds/*.txt --format json -o report.json
  factdiff report ../shared/seeds/*.txt --quiet --fail-on contradiction,numeric_conflict
  factdiff align a.txt b.txt
  factdiff check \"Japan backed India on Monday.\" a.txt b.txt
  cat a.txt | factdiff claims -
  factdiff completions bash > /etc/bash_completion.d/factdiff";

const REPORT_EXAMPLES: &str = "\
Examples:
  factdiff report examples/
  factdiff report a.txt b.html c.md --format md -o report.md
  factdiff report ../shared/seeds/*.txt --format json -o report.json
  factdiff report examples/ --format html -o report.html
  factdiff report examples/ --format csv --min-severity medium > findings.csv
  factdiff report a.txt b.txt --fail-on contradiction --fail-on date_conflict --quiet
  curl -s https://example.org/story | factdiff report - other.txt";

const CLAIMS_EXAMPLES: &str = "\
Examples:
  factdiff claims article.txt
  factdiff claims article.html --format json
  cat a.txt | factdiff claims -";

const ALIGN_EXAMPLES: &str = "\
Examples:
  factdiff align a.txt b.txt
  factdiff align a.txt b.html --format json";

const CHECK_EXAMPLES: &str = "\
Examples:
  factdiff check \"Japan backed India on Monday.\" a.txt b.txt
  factdiff check \"12 people died.\" examples/ --format json";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  factdiff completions bash > ~/.local/share/bash-completion/completions/factdiff
  factdiff completions zsh > ~/.zfunc/_factdiff
  factdiff completions fish > ~/.config/fish/completions/factdiff.fish";

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
    Report(args::ReportArgs),
    /// List the claims extracted from one input, with their attributes.
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(args::ClaimsArgs),
    /// Show the aligned claim pairs between two inputs, with their features and verdict.
    #[command(after_help = ALIGN_EXAMPLES)]
    Align(args::AlignArgs),
    /// Check one claim against sources: each source's verdict (supports, contradicts, mentions,
    /// silent) with its value and evidence, and the overall one (supported, contradicted,
    /// disputed, mentioned, not_covered).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(args::CheckArgs),
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell to generate completions for.
        shell: clap_complete::Shell,
    },
}

/// Run the command line on `args` (the first one is the program name) and return the exit code:
/// 0 success, 1 a finding matched `--fail-on`, 2 bad input or usage (one message on stderr).
pub fn run(args: Vec<OsString>) -> i32 {
    // The subcommand named on the command line, for the help a usage error points to (clap's
    // "invalid value" message has no usage line naming it).
    let subcommand = args
        .get(1)
        .and_then(|a| a.to_str())
        .filter(|a| Cli::command().find_subcommand(a).is_some())
        .map(str::to_string);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, subcommand.as_deref()),
    };
    let result = match &cli.command {
        Command::Report(args) if args.stream.is_used() => stream::report(args),
        Command::Report(args) => commands::report(args),
        Command::Claims(args) => commands::claims(args).map(|()| false),
        Command::Align(args) => commands::align(args).map(|()| false),
        Command::Check(args) => commands::check(args).map(|()| false),
        Command::Completions { shell } => completions(*shell).map(|()| false),
    };
    match result {
        Ok(false) => 0,
        Ok(true) => 1,
        // The reader went away (`factdiff report … | head -1`): nothing left to do.
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            // File names, ids and JSONL fields come from the user: one line, with control and
            // bidirectional override characters neutralised, so the message cannot drive a terminal.
            let _ = writeln!(
                std::io::stderr(),
                "factdiff: error: {}",
                factdiff_render::one_line(&e.to_string())
            );
            2
        }
    }
}

/// Print what clap refused and return its exit code. `--help` and `--version` (exit code 0) and a
/// missing subcommand print clap's own text; a usage error is one line, like every other error:
/// `factdiff: error: unexpected argument '--formt' found (tip: a similar argument exists:
/// '--format'); see 'factdiff report --help'`.
fn usage_error(e: &clap::Error, subcommand: Option<&str>) -> i32 {
    use clap::error::ErrorKind;
    if e.exit_code() == 0 || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return e.exit_code();
    }
    let rendered = e.render().to_string();
    let mut what = Vec::new();
    let mut help = match subcommand {
        Some(name) => format!("factdiff {name}"),
        None => "factdiff".to_string(),
    };
    for line in rendered.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(usage) = line.strip_prefix("Usage: ") {
            // "Usage: factdiff report [OPTIONS] [INPUTS]..." names the subcommand.
            let words: Vec<&str> = usage
                .split_whitespace()
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect();
            help = words.join(" ");
            break;
        }
        // Clap's own pointer to the help; ours ends the line.
        if line.starts_with("For more information, try ") {
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        match line.strip_prefix("tip: ") {
            Some(tip) => what.push(format!("(tip: {tip})")),
            None => what.push(line.to_string()),
        }
    }
    let message = format!("{}; see '{help} --help'", what.join(" "));
    let _ = writeln!(
        std::io::stderr(),
        "factdiff: error: {}",
        factdiff_render::one_line(&message)
    );
    2
}

fn completions(shell: clap_complete::Shell) -> Result<(), input::CliError> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "factdiff", &mut out);
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&out)
        .and_then(|()| stdout.flush())
        .map_err(|e| input::CliError::Io("cannot write to stdout".into(), e))
}
