//! The command line: clap subcommands, and the flags of earlier versions (`--train`, `--scale`,
//! ...) read as their subcommands, so existing instructions keep working.

use crate::scale;
use clap::{Args as ClapArgs, Parser, Subcommand};
use std::path::PathBuf;

/// Metrics of factdiff's public `compare` on public stance, NLI and verification datasets;
/// training of its learned weights. Without a subcommand: `eval`.
#[derive(Debug, Parser)]
#[command(name = "factdiff-eval")]
pub struct Cli {
    /// Datasets directory [default: $FACTDIFF_DATA, else ../shared/data beside the repository].
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub eval: Eval,
}

/// The metrics table's options.
#[derive(Clone, Debug, Default, ClapArgs)]
pub struct Eval {
    /// A fixed small subset of every dataset (what CI runs).
    #[arg(long)]
    pub smoke: bool,
    /// Exit 1 when a metric is more than 2 points below the ```eval-baseline block of FILE.
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
    /// Print the metrics as an ```eval-baseline block to record.
    #[arg(long)]
    pub baseline: bool,
}

/// What to run.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The metrics table on the dev splits (the default).
    Eval(Eval),
    /// Fit the judge (SICK train) and then the position model (FNC-1 train stories); write their
    /// weights and the substitution table under OUT_DIR.
    Train {
        /// Where `judge/weights.txt`, `judge/substitutions.txt` and `position/weights.txt` go
        /// [default: the core's sources, crates/factdiff-core/src, whose files are embedded].
        #[arg(long, value_name = "OUT_DIR")]
        out_dir: Option<PathBuf>,
    },
    /// Fit the aligner on training splits (FNC-1 train stories, MSRP train, STS 2013); write its
    /// weights.
    TrainAlign {
        /// The weights file [default: crates/factdiff-core/src/align/weights.txt, embedded].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Features to train without (their weight 0), to measure what a feature adds.
        #[arg(long, value_delimiter = ',', value_name = "A,B,...")]
        drop_features: Vec<String>,
    },
    /// Build the aligner's table of word senses from WordNet 3.0 (Debian's `wordnet-base`) and
    /// the training splits' word counts.
    BuildSynonyms {
        /// WordNet's dictionary directory.
        #[arg(long, value_name = "DIR", default_value = "/usr/share/wordnet")]
        wordnet: PathBuf,
        /// The table [default: crates/factdiff-core/src/lexicon/synonyms.txt, embedded].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Semantic mode: write every sentence the two commands below need, one JSON string per line
    /// (then `python bench/minilm.py FILE CACHE` writes their vectors).
    EmbedTexts {
        /// The sentences file to write.
        file: PathBuf,
    },
    /// Semantic mode: MSRP val, STS 2013 / 2014 and 30 validation stories with and without the
    /// vectors of CACHE (CACHE.jsonl and CACHE.f32 from bench/minilm.py).
    EmbedVectors {
        /// The vector cache (without extension).
        cache: PathBuf,
    },
    /// Semantic mode: fit the cosine's weights (align/embed_weights.txt) on training splits with
    /// the vectors of CACHE.
    TrainEmbed {
        /// The vector cache (without extension).
        cache: PathBuf,
    },
    /// Grid-search the mapping thresholds on training data; print the best settings.
    Tune,
    /// Print the tune half's speaker misses (crates/factdiff-eval/data/speakers.tsv).
    SpeakerMisses,
    /// The scale benchmark: stories and documents of growing size, each in a child process.
    Scale {
        /// The sizes, as multiples of the smallest.
        #[arg(long, value_delimiter = ',', default_value = "1,10,100", value_name = "N,N,...")]
        factors: Vec<usize>,
    },
    /// One size of the scale benchmark (what `scale` runs in each child process).
    #[command(hide = true)]
    ScaleRun {
        /// `stories` or `docs`.
        #[arg(value_parser = axis)]
        axis: scale::Axis,
        /// The size.
        factor: usize,
    },
    /// Write one FNC-1 story of DOCS documents as files into DIR.
    WriteStory {
        /// Number of documents.
        docs: usize,
        /// Output directory.
        dir: PathBuf,
    },
    /// factdiff's ECB+ event alignment score only.
    Ecb {
        /// Also over a grid of alignment thresholds.
        #[arg(long)]
        grid: bool,
        /// The gold mentions [default: ecbplus/dev_event_gold_mentions.json under --data].
        #[arg(long, value_name = "FILE")]
        mentions: Option<PathBuf>,
    },
    /// Score external ECB+ sentence alignments (a JSON file of pairs).
    EcbPairs {
        /// The pairs.
        pairs: PathBuf,
        /// The gold mentions [default: ecbplus/dev_event_gold_mentions.json under --data].
        #[arg(long, value_name = "FILE")]
        mentions: Option<PathBuf>,
    },
    /// Precision of contradictions and numeric / date conflicts on FNC-1 training stories, against
    /// the pairs labelled by reading (crates/factdiff-eval/data/conflicts.tsv).
    Conflicts,
    /// The conflict pairs found on those stories, with their labels (`?` when unlabelled), into FILE.
    ConflictsDump {
        /// Output file.
        file: PathBuf,
    },
    /// Every candidate pair of the aligner's data with its raw statistics, as TSV, into FILE.
    AlignDump {
        /// Output file.
        file: PathBuf,
    },
    /// Every body of the FNC-1 stories with its position features on the headline clusters, as
    /// TSV, into FILE.
    PositionDump {
        /// Output file.
        file: PathBuf,
    },
}

fn axis(s: &str) -> Result<scale::Axis, String> {
    scale::Axis::parse(s).map_err(|e| e.to_string())
}

impl Cli {
    /// The arguments of the process (old-style flags read as subcommands), or the usage error.
    pub fn parse_args(args: Vec<String>) -> Result<Cli, clap::Error> {
        use clap::CommandFactory;
        let cli = Cli::try_parse_from(from_old_flags(args))?;
        let e = &cli.eval;
        if cli.command.is_some() && (e.smoke || e.check.is_some() || e.baseline) {
            return Err(Cli::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                "--smoke, --check and --baseline go with `eval` (or no subcommand)",
            ));
        }
        Ok(cli)
    }
}

/// The flags of earlier versions, each with the subcommand (and options) it stands for.
const OLD_FLAGS: [(&str, &[&str]); 11] = [
    ("--train", &["train"]),
    ("--train-align", &["train-align"]),
    ("--build-synonyms", &["build-synonyms"]),
    ("--tune", &["tune"]),
    ("--speaker-misses", &["speaker-misses"]),
    ("--scale", &["scale"]),
    ("--scale-run", &["scale-run"]),
    ("--write-story", &["write-story"]),
    ("--ecb", &["ecb"]),
    ("--ecb-grid", &["ecb", "--grid"]),
    ("--ecb-pairs", &["ecb-pairs"]),
];

/// Arguments in the old flag style (`--train`, `--scale --scale-factors 1`, `--ecb-grid
/// --ecb-mentions F`, `--align-dump F`) rewritten as the subcommand they stand for; anything else
/// unchanged.
pub fn from_old_flags(args: Vec<String>) -> Vec<String> {
    let Some((program, rest)) = args.split_first() else {
        return args;
    };
    let mut mode: Option<Vec<String>> = None;
    let mut others = Vec::new();
    for a in rest {
        if let Some((_, sub)) = OLD_FLAGS.iter().find(|(flag, _)| flag == a) {
            // `--ecb-grid` with `--ecb`: one subcommand, with the grid.
            if mode.as_ref().is_none_or(|m| m.len() < sub.len()) {
                mode = Some(sub.iter().map(|s| s.to_string()).collect());
            }
        } else if a == "--align-dump" {
            mode = Some(vec!["align-dump".to_string()]);
        } else if a == "--scale-factors" {
            mode.get_or_insert_with(|| vec!["scale".to_string()]);
            others.push("--factors".to_string());
        } else if a == "--ecb-mentions" {
            others.push("--mentions".to_string());
        } else {
            others.push(a.clone());
        }
    }
    let mut out = vec![program.clone()];
    match mode {
        Some(sub) => {
            out.extend(sub);
            out.extend(others);
        }
        None => return args,
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parse(args: &str) -> Cli {
        let args = std::iter::once("factdiff-eval")
            .chain(args.split_whitespace())
            .map(String::from);
        Cli::parse_args(args.collect()).unwrap()
    }

    #[test]
    fn the_old_flags_still_mean_what_they_meant() {
        let c = parse("--smoke --check docs/evaluation.md");
        assert!(c.command.is_none() && c.eval.smoke && !c.eval.baseline);
        assert_eq!(c.eval.check, Some(PathBuf::from("docs/evaluation.md")));
        assert!(
            matches!(parse("--scale --scale-factors 1").command, Some(Command::Scale { factors }) if factors == [1])
        );
        assert!(matches!(parse("--scale").command, Some(Command::Scale { factors }) if factors == [1, 10, 100]));
        assert!(matches!(
            parse("--train").command,
            Some(Command::Train { out_dir: None })
        ));
        assert!(matches!(
            parse("--train-align").command,
            Some(Command::TrainAlign { out: None, .. })
        ));
        assert!(matches!(
            parse("--build-synonyms").command,
            Some(Command::BuildSynonyms { out: None, .. })
        ));
        assert!(matches!(
            parse("--speaker-misses").command,
            Some(Command::SpeakerMisses)
        ));
        assert!(matches!(parse("--tune").command, Some(Command::Tune)));
        assert!(matches!(parse("--ecb-grid --ecb-mentions m.json").command,
            Some(Command::Ecb { grid: true, mentions: Some(m) }) if m.as_path() == std::path::Path::new("m.json")));
        assert!(matches!(
            parse("--ecb").command,
            Some(Command::Ecb {
                grid: false,
                mentions: None
            })
        ));
        assert!(matches!(
            parse("--data d --scale-run docs 10").command,
            Some(Command::ScaleRun {
                axis: scale::Axis::Docs,
                factor: 10
            })
        ));
        assert_eq!(parse("--data d --scale-run docs 10").data, Some(PathBuf::from("d")));
        assert!(matches!(
            parse("--write-story 5 out").command,
            Some(Command::WriteStory { docs: 5, .. })
        ));
        assert!(matches!(
            parse("--align-dump f.tsv").command,
            Some(Command::AlignDump { .. })
        ));
    }

    #[test]
    fn subcommands_parse_and_bad_input_is_an_error() {
        assert!(matches!(
            parse("eval --smoke").command,
            Some(Command::Eval(Eval { smoke: true, .. }))
        ));
        assert!(matches!(
            parse("train --out-dir /tmp/w").command,
            Some(Command::Train { out_dir: Some(_) })
        ));
        assert!(
            matches!(parse("scale --factors 1,10").command, Some(Command::Scale { factors }) if factors == [1, 10])
        );
        for bad in ["--nope", "scale --factors x", "scale-run sideways 1", "train --smoke"] {
            let args = std::iter::once("factdiff-eval")
                .chain(bad.split_whitespace())
                .map(String::from);
            assert!(Cli::try_parse_from(from_old_flags(args.collect())).is_err(), "{bad}");
        }
    }
}
