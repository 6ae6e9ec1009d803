//! The command line's arguments: what each subcommand accepts (clap derives the parser and the
//! `--help` text from these). No behaviour here beyond mapping a flag to a core value.

use crate::judge::JudgeArgs;
use clap::{Args, ValueEnum};
use factdiff_core::{ingest::DEFAULT_MAX_BYTES, FindingKind, Severity};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Files, directories (their .txt, .md, .html and .jsonl files) or `-` for stdin.
    #[arg(required_unless_present = "jsonl_in")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Refuse input files larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Colour the text report: auto = only on a terminal and when NO_COLOR is unset.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit with code 1 (after writing the report) when a finding of this kind is shown.
    /// Repeatable or comma-separated; `any` means every kind.
    #[arg(long, value_enum, value_name = "KIND", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub fail_on: Vec<FailOn>,
    /// Show only findings of this severity or higher (also what --fail-on looks at).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_severity: Option<MinSeverity>,
    /// Print no report on stdout (a file given with -o is still written); errors still go to stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// In .jsonl inputs, skip lines that are not a valid document (a warning on stderr lists
    /// their numbers) instead of refusing the file.
    #[arg(long)]
    pub skip_bad_lines: bool,
    #[command(flatten)]
    pub judge: JudgeArgs,
    #[command(flatten)]
    pub stream: StreamArgs,
}

#[derive(Args, Debug)]
pub struct AlignArgs {
    /// The first input: a file or `-` for stdin.
    pub a: PathBuf,
    /// The second input.
    pub b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
    pub format: ClaimsFormat,
    /// Refuse input files larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub judge: JudgeArgs,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The claim to check, as text.
    pub claim: String,
    /// Sources: files, directories or `-` for stdin.
    #[arg(required = true)]
    pub sources: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
    pub format: ClaimsFormat,
    /// Refuse input files larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub judge: JudgeArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Contradiction,
    #[value(name = "numeric_conflict", alias = "numeric-conflict")]
    NumericConflict,
    #[value(name = "date_conflict", alias = "date-conflict")]
    DateConflict,
    Overstatement,
    Unsupported,
    Repetition,
    Any,
}

impl FailOn {
    pub(crate) fn matches(self, kind: FindingKind) -> bool {
        match self {
            FailOn::Any => true,
            FailOn::Contradiction => kind == FindingKind::Contradiction,
            FailOn::NumericConflict => kind == FindingKind::NumericConflict,
            FailOn::DateConflict => kind == FindingKind::DateConflict,
            FailOn::Overstatement => kind == FindingKind::Overstatement,
            FailOn::Unsupported => kind == FindingKind::Unsupported,
            FailOn::Repetition => kind == FindingKind::Repetition,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MinSeverity {
    Low,
    Medium,
    High,
}

impl MinSeverity {
    pub(crate) fn severity(self) -> Severity {
        match self {
            MinSeverity::Low => Severity::Low,
            MinSeverity::Medium => Severity::Medium,
            MinSeverity::High => Severity::High,
        }
    }
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    /// A file, a directory or `-` for stdin.
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
    pub format: ClaimsFormat,
    /// Refuse input files larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ReportFormat {
    Text,
    #[value(alias = "markdown")]
    Md,
    Json,
    Csv,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ClaimsFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug)]
pub struct StreamArgs {
    /// Stream a JSON Lines corpus (FILE or `-` for stdin) story by story, with bounded memory;
    /// needs --group-by. Writes one JSON line per story. --max-bytes then caps one story.
    #[arg(
        long,
        value_name = "FILE",
        requires = "group_by",
        conflicts_with_all = ["inputs", "output", "format", "color", "skip_bad_lines"]
    )]
    pub jsonl_in: Option<PathBuf>,
    /// With --jsonl-in: the field (string or number) that names each line's story. Lines of one
    /// story must be contiguous.
    #[arg(long, value_name = "FIELD")]
    pub group_by: Option<String>,
    /// With --jsonl-in: write the story lines to FILE; `-` (the default) is stdout.
    #[arg(long, value_name = "FILE", requires = "jsonl_in")]
    pub jsonl_out: Option<PathBuf>,
}

impl StreamArgs {
    /// True when any streaming option is given (the command then runs [`crate::stream::report`]).
    pub fn is_used(&self) -> bool {
        self.jsonl_in.is_some() || self.group_by.is_some() || self.jsonl_out.is_some()
    }
}
