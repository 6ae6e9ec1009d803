//! `factdiff-eval`: runs factdiff's public [`factdiff_core::compare`] on public stance, NLI and
//! claim-verification datasets and prints a metrics table.
//!
//! ```text
//! factdiff-eval [eval] [--smoke] [--data DIR] [--check docs/evaluation.md] [--baseline]
//! factdiff-eval train [--out-dir DIR]           # judge, then positions (writes the embedded weights)
//! factdiff-eval train-align [--out FILE] [--drop-features A,B] # the aligner
//! factdiff-eval build-synonyms [--wordnet DIR] [--out FILE] # the WordNet sense table
//! factdiff-eval tune | speaker-misses
//! factdiff-eval scale [--factors 1,10,100]      # the scale benchmark (see `scale`)
//! factdiff-eval write-story DOCS DIR            # one FNC-1 story of DOCS documents as files
//! factdiff-eval ecb [--grid] [--mentions F]     # factdiff's ECB+ alignment score (over a grid)
//! factdiff-eval ecb-pairs PAIRS.json [--mentions F] # score external ECB+ sentence alignments
//! factdiff-eval align-dump FILE                 # the aligner's candidate pairs as TSV
//! factdiff-eval position-dump FILE              # FNC-1 bodies' position features as TSV
//! factdiff-eval conflicts                       # precision of conflicts on labelled pairs
//! factdiff-eval conflicts-dump FILE             # the conflict pairs found, with their labels
//! ```
//!
//! The flags of earlier versions (`--train`, `--train-align`, `--scale --scale-factors 1`, ...)
//! still work: [`cli::from_old_flags`] reads them as their subcommands.

mod cli;
mod data;
mod ecb;
mod fit;
mod mapping;
mod metrics;
mod position_train;
mod scale;
mod signals;
mod train;

use data::{Pair, Res};
use factdiff_core::Config;
use mapping::Mapping;
use metrics::{fnc_score, Confusion, FNC_LABELS};
use rayon::prelude::*;
use signals::Signals;
use std::path::{Path, PathBuf};
use std::time::Instant;

// `print!`/`println!` for this binary: std's panic when stdout is closed (`factdiff-eval | head`);
// these end the program quietly instead (exit 0, like the `factdiff` CLI).
macro_rules! print {
    ($($t:tt)*) => { $crate::write_stdout(format_args!($($t)*)) };
}
macro_rules! println {
    ($($t:tt)*) => { $crate::write_stdout(format_args!("{}\n", format_args!($($t)*))) };
}

// Declared after the macros so that they print through them too.
mod align_dump;
mod align_train;
mod conflicts;
mod paraphrase;
mod position_dump;
mod semantic;
mod speakers;
mod story;
mod synonyms_build;

fn write_stdout(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().write_fmt(args) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factdiff-eval: cannot write to stdout: {e}");
            std::process::exit(2);
        }
        std::process::exit(0);
    }
}

/// `../shared/data` beside the repository (the layout CI and developers use).
const DEFAULT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

/// The core's sources, where the training commands write the embedded weight files by default.
const CORE_SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../factdiff-core/src");

/// Every `stride`-th item, at most `max` of them (a fixed, deterministic subset).
fn subset<T>(items: Vec<T>, smoke: bool, max: usize) -> Vec<T> {
    if !smoke || items.len() <= max {
        return items;
    }
    let stride = items.len().div_ceil(max);
    items.into_iter().step_by(stride).collect()
}

struct Run {
    signals: Vec<Signals>,
    claims: usize,
}

fn run(pairs: &[Pair], config: &Config) -> Run {
    let signals: Vec<Signals> = pairs
        .par_iter()
        .map(|p| signals::pair(&p.claim, &p.source, config))
        .collect();
    let claims = signals.iter().map(|s| s.claim_claims + s.source_claims).sum();
    Run { signals, claims }
}

fn confusion(labels: &[&'static str], pairs: &[Pair], signals: &[Signals], f: impl Fn(&Signals) -> usize) -> Confusion {
    let mut c = Confusion::new(labels);
    for (p, s) in pairs.iter().zip(signals) {
        c.add(p.gold, f(s));
    }
    c
}

/// Named metrics in recording order, all on a 0..=100 scale.
#[derive(Debug, Default)]
struct Metrics(Vec<(String, f64)>);

impl Metrics {
    fn push(&mut self, name: impl Into<String>, value: f64) {
        self.0.push((name.into(), value));
    }
}

fn main() {
    match real_main() {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("factdiff-eval: {e}");
            std::process::exit(2);
        }
    }
}

fn real_main() -> Res<i32> {
    let cli = match cli::Cli::parse_args(std::env::args().collect()) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print and exit 0; a usage error exits 2.
            let _ = e.print();
            return Ok(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let dir = cli
        .data
        .clone()
        .or_else(|| std::env::var_os("FACTDIFF_DATA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA));
    if !dir.join("fnc1/train_stances.csv").is_file() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
        if ci {
            eprintln!("factdiff-eval: datasets not found under {} (CI is set)", dir.display());
            return Ok(1);
        }
        println!("factdiff-eval: datasets not found under {}; skipped", dir.display());
        return Ok(0);
    }
    let default_mentions = || dir.join("ecbplus/dev_event_gold_mentions.json");
    let core_src = Path::new(CORE_SRC);
    match cli.command {
        None => eval(&dir, &cli.eval),
        Some(cli::Command::Eval(args)) => eval(&dir, &args),
        Some(cli::Command::Train { out_dir }) => {
            train::train(&dir, out_dir.as_deref().unwrap_or(core_src))?;
            Ok(0)
        }
        Some(cli::Command::TrainAlign { out, drop_features }) => {
            let out = out.unwrap_or_else(|| core_src.join("align/weights.txt"));
            align_train::train(&dir, &out, &drop_features)?;
            Ok(0)
        }
        Some(cli::Command::BuildSynonyms { wordnet, out }) => {
            let out = out.unwrap_or_else(|| core_src.join("lexicon/synonyms.txt"));
            synonyms_build::build(&dir, &wordnet, &out)?;
            Ok(0)
        }
        Some(cli::Command::EmbedTexts { file }) => {
            semantic::write_texts(&dir, &file)?;
            Ok(0)
        }
        Some(cli::Command::EmbedVectors { cache }) => {
            semantic::evaluate(&dir, &cache)?;
            Ok(0)
        }
        Some(cli::Command::TrainEmbed { cache }) => {
            semantic::train(&dir, &cache)?;
            Ok(0)
        }
        Some(cli::Command::Tune) => {
            tune(&dir)?;
            Ok(0)
        }
        Some(cli::Command::SpeakerMisses) => {
            speakers::print_tune_misses(&dir)?;
            Ok(0)
        }
        Some(cli::Command::Scale { factors }) => scale::run_all(&dir, &factors),
        Some(cli::Command::ScaleRun { axis, factor }) => {
            scale::run_one(&dir.join("fnc1"), axis, factor)?;
            Ok(0)
        }
        Some(cli::Command::WriteStory { docs, dir: out }) => {
            scale::write_story(&dir.join("fnc1"), docs, &out)?;
            Ok(0)
        }
        Some(cli::Command::Ecb { grid, mentions }) => {
            ecb_only(&mentions.unwrap_or_else(default_mentions), grid)?;
            Ok(0)
        }
        Some(cli::Command::EcbPairs { pairs, mentions }) => {
            ecb_pairs(&mentions.unwrap_or_else(default_mentions), &pairs)?;
            Ok(0)
        }
        Some(cli::Command::Conflicts) => {
            conflicts::evaluate(&dir)?;
            Ok(0)
        }
        Some(cli::Command::ConflictsDump { file }) => {
            conflicts::dump(&dir, &file)?;
            Ok(0)
        }
        Some(cli::Command::AlignDump { file }) => {
            align_dump::dump(&dir, &file)?;
            Ok(0)
        }
        Some(cli::Command::PositionDump { file }) => {
            position_dump::dump(&dir, &file)?;
            Ok(0)
        }
    }
}

/// The metrics table; with `--check`, exit code 1 when a metric dropped.
fn eval(dir: &Path, args: &cli::Eval) -> Res<i32> {
    let started = Instant::now();
    let (metrics, claims) = evaluate(dir, args.smoke, &Mapping::default())?;
    let wall = started.elapsed().as_secs_f64();
    println!(
        "\nthroughput: {claims} claims in {wall:.1} s wall = {:.0} claims/s ({} threads)",
        claims as f64 / wall.max(1e-9),
        rayon::current_num_threads()
    );
    if args.baseline {
        println!("\n```eval-baseline");
        for (name, value) in &metrics.0 {
            println!("{name} {value:.2}");
        }
        println!("```");
    }
    if let Some(path) = &args.check {
        return check(path, &metrics);
    }
    Ok(0)
}

fn evaluate(dir: &Path, smoke: bool, m: &Mapping) -> Res<(Metrics, usize)> {
    let mut out = Metrics::default();
    let mut claims = 0;
    let mode = if smoke { "smoke subset" } else { "full" };
    println!("factdiff-eval ({mode}); data: {}", dir.display());
    println!("\n| dataset | n | metric | factdiff | majority baseline |");
    println!("|---|---|---|---|---|");
    let mut tables = String::new();

    // What users see: FNC-1 stories through the default report, and the aligner on paraphrases.
    claims += story::evaluate(dir, smoke, &mut out, &mut tables)?;
    claims += paraphrase::evaluate(dir, smoke, &mut out)?;
    speakers::evaluate(dir, &mut out)?;

    claims += fnc1_holdout(dir, smoke, m, &mut out, &mut tables)?;
    claims += sick(dir, smoke, m, &mut out, &mut tables)?;
    claims += emergent(dir, smoke, m, &mut out, &mut tables)?;
    claims += climate_fever(dir, smoke, m, &mut out, &mut tables)?;
    claims += wice(dir, smoke, m, &mut out, &mut tables)?;
    claims += ecb_dev(dir, smoke, &mut out)?;

    print!("{tables}");
    Ok((out, claims))
}

/// The FNC-1 hold-out split, one (headline, body) pair at a time (a diagnostic). Returns the claims analysed.
fn fnc1_holdout(dir: &Path, smoke: bool, m: &Mapping, out: &mut Metrics, tables: &mut String) -> Res<usize> {
    let config = Config::default();
    let fnc = subset(data::fnc1(&dir.join("fnc1"), true)?, smoke, 400);
    let r = run(&fnc, &config);
    let claims = r.claims;
    let c = confusion(&FNC_LABELS, &fnc, &r.signals, |s| m.fnc(s));
    let mut all_unrelated = Confusion::new(&FNC_LABELS);
    for p in &fnc {
        all_unrelated.add(p.gold, metrics::UNRELATED);
    }
    row(
        "FNC-1 hold-out",
        c.total(),
        "FNC score %",
        fnc_score(&c),
        fnc_score(&all_unrelated),
    );
    row(
        "FNC-1 hold-out",
        c.total(),
        "macro-F1 ×100",
        100.0 * c.macro_f1(),
        100.0 * all_unrelated.macro_f1(),
    );
    out.push("fnc1.score", fnc_score(&c));
    out.push("fnc1.macro_f1", 100.0 * c.macro_f1());
    for (k, l) in FNC_LABELS.iter().enumerate() {
        row(
            "FNC-1 hold-out",
            c.total(),
            &format!("F1 {l} ×100"),
            100.0 * c.f1(k),
            100.0 * all_unrelated.f1(k),
        );
        out.push(format!("fnc1.f1.{l}"), 100.0 * c.f1(k));
    }
    tables.push_str(&format!("\nFNC-1 hold-out confusion:\n{}", c.render()));
    Ok(claims)
}

/// SICK trial and train. Returns the claims analysed.
fn sick(dir: &Path, smoke: bool, m: &Mapping, out: &mut Metrics, tables: &mut String) -> Res<usize> {
    let config = Config::default();
    let mut claims = 0;
    for (name, file, max) in [
        ("sick_trial", "SICK_trial.txt", 150),
        ("sick_train", "SICK_train.txt", 150),
    ] {
        let pairs = subset(data::sick(&dir.join("sick").join(file))?, smoke, max);
        let r = run(&pairs, &config);
        claims += r.claims;
        let c = confusion(&data::SICK_LABELS, &pairs, &r.signals, |s| m.sick(s));
        row(name, c.total(), "accuracy %", c.accuracy(), c.majority_accuracy());
        row(name, c.total(), "contradiction F1 ×100", 100.0 * c.f1(2), 0.0);
        row(
            name,
            c.total(),
            "macro-F1 ×100",
            100.0 * c.macro_f1(),
            100.0 * c.majority_macro_f1(),
        );
        out.push(format!("{name}.accuracy"), c.accuracy());
        out.push(format!("{name}.f1.contradiction"), 100.0 * c.f1(2));
        tables.push_str(&format!("\n{name} confusion:\n{}", c.render()));
    }
    Ok(claims)
}

/// Emergent dev. Returns the claims analysed.
fn emergent(dir: &Path, smoke: bool, m: &Mapping, out: &mut Metrics, tables: &mut String) -> Res<usize> {
    let config = Config::default();
    let pairs = subset(data::emergent(&dir.join("emergent/emergent_dev.csv"))?, smoke, 150);
    let r = run(&pairs, &config);
    let claims = r.claims;
    let c = confusion(&data::EMERGENT_LABELS, &pairs, &r.signals, |s| m.emergent(s));
    row(
        "Emergent dev",
        c.total(),
        "accuracy %",
        c.accuracy(),
        c.majority_accuracy(),
    );
    row(
        "Emergent dev",
        c.total(),
        "macro-F1 ×100",
        100.0 * c.macro_f1(),
        100.0 * c.majority_macro_f1(),
    );
    out.push("emergent.accuracy", c.accuracy());
    out.push("emergent.macro_f1", 100.0 * c.macro_f1());
    tables.push_str(&format!("\nEmergent dev confusion:\n{}", c.render()));
    Ok(claims)
}

/// Climate-FEVER dev, claim level (DISPUTED left out). Returns the claims analysed.
fn climate_fever(dir: &Path, smoke: bool, m: &Mapping, out: &mut Metrics, tables: &mut String) -> Res<usize> {
    let config = Config::default();
    let (pairs, disputed) = data::climate_fever(&dir.join("climate_fever/climate-fever.dev.jsonl"))?;
    let pairs = subset(pairs, smoke, 100);
    let r = run(&pairs, &config);
    let claims = r.claims;
    let c = confusion(&data::VERIFY_LABELS, &pairs, &r.signals, |s| m.verify(s));
    let label = format!("Climate-FEVER dev ({disputed} DISPUTED left out)");
    row(
        &label,
        c.total(),
        "macro-F1 ×100",
        100.0 * c.macro_f1(),
        100.0 * c.majority_macro_f1(),
    );
    row(&label, c.total(), "accuracy %", c.accuracy(), c.majority_accuracy());
    out.push("climate_fever.macro_f1", 100.0 * c.macro_f1());
    tables.push_str(&format!("\nClimate-FEVER dev confusion:\n{}", c.render()));
    Ok(claims)
}

/// WiCE dev, claim level, full cited page. Returns the claims analysed.
fn wice(dir: &Path, smoke: bool, m: &Mapping, out: &mut Metrics, tables: &mut String) -> Res<usize> {
    let config = Config::default();
    let pairs = subset(data::wice(&dir.join("wice/claim/dev.jsonl"))?, smoke, 50);
    let r = run(&pairs, &config);
    let claims = r.claims;
    let c = confusion(&data::WICE_LABELS, &pairs, &r.signals, |s| m.wice(s));
    row(
        "WiCE dev",
        c.total(),
        "macro-F1 ×100",
        100.0 * c.macro_f1(),
        100.0 * c.majority_macro_f1(),
    );
    row("WiCE dev", c.total(), "accuracy %", c.accuracy(), c.majority_accuracy());
    out.push("wice.macro_f1", 100.0 * c.macro_f1());
    tables.push_str(&format!("\nWiCE dev confusion:\n{}", c.render()));
    Ok(claims)
}

/// ECB+ dev: cross-document event mention pairs aligned into one cluster. Returns the claims analysed.
fn ecb_dev(dir: &Path, smoke: bool, out: &mut Metrics) -> Res<usize> {
    let e = ecb::evaluate(
        &dir.join("ecbplus/dev_event_gold_mentions.json"),
        &Config::default(),
        if smoke { 2 } else { usize::MAX },
    )?;
    let claims = e.claims;
    println!(
        "| ECB+ dev events ({} mentions, cross-doc pairs within topic) | {} gold pairs | pairwise P / R / F1, sentence-level (clusters; aligned pairs); mention-level (aligned pairs) | {}; {}; {} | same string: {} |",
        e.mentions,
        e.pairs.sentence.gold,
        prf(e.clusters.sentence),
        prf(e.pairs.sentence),
        prf(e.pairs.mention),
        prf(e.same_string)
    );
    out.push("ecb.pairwise_f1", e.clusters.sentence.f1());
    out.push("ecb.aligned_pairs_f1", e.pairs.sentence.f1());
    out.push("ecb.aligned_mention_f1", e.pairs.mention.f1());
    Ok(claims)
}

/// `ecb`: factdiff's ECB+ alignment scores, by reading; with `grid`, over the threshold grid too.
fn ecb_only(mentions: &Path, grid: bool) -> Res<()> {
    let e = ecb::evaluate(mentions, &Config::default(), usize::MAX)?;
    println!(
        "ECB+ events in {} ({} mentions, {} claims, {} gold pairs), pairwise P / R / F1 by reading\n{:<26}{:<22}{:<22}same word",
        mentions.display(),
        e.mentions,
        e.claims,
        e.pairs.sentence.gold,
        "",
        "sentence",
        "mention"
    );
    for (name, r) in [
        ("factdiff aligned pairs", e.pairs),
        ("factdiff clusters", e.clusters),
        ("every pair in a topic", e.all_pairs),
        ("gold sentence pairs", e.oracle_sentences),
    ] {
        println!("  {}", ecb_row(name, r));
    }
    println!("  {:<24}{}", "same mention string", prf(e.same_string));
    println!("(every pair: evidence is all stems the two sentences share; gold sentence pairs: the ceiling of sentence alignment, reads gold)");
    if grid {
        ecb_grid(mentions)?;
    }
    Ok(())
}

/// `ecb-pairs`: scores external ECB+ sentence alignments.
fn ecb_pairs(mentions: &Path, pairs: &Path) -> Res<()> {
    let p = ecb::score_pairs(mentions, pairs)?;
    println!(
        "ECB+ events in {}, {} aligned sentence pairs from {}: {} gold pairs, pairwise P / R / F1 by reading\n{:<26}{:<22}{:<22}same word",
        mentions.display(),
        p.pairs,
        pairs.display(),
        p.tokens.sentence.gold,
        "",
        "sentence",
        "mention"
    );
    println!("  {}", ecb_row("shared tokens", p.tokens));
    println!("  {}", ecb_row("shared stems", p.stems));
    Ok(())
}

/// One row of the metrics table; a NaN baseline prints as "–" (none).
fn row(dataset: &str, n: usize, metric: &str, value: f64, baseline: f64) {
    if baseline.is_nan() {
        println!("| {dataset} | {n} | {metric} | {value:.2} | – |");
    } else {
        println!("| {dataset} | {n} | {metric} | {value:.2} | {baseline:.2} |");
    }
}

/// Recorded metrics from the first ```eval-baseline block of `path`: `name value` lines.
fn baseline(path: &Path) -> Res<Vec<(String, f64)>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut inside = false;
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if !inside {
            inside = t == "```eval-baseline";
            continue;
        }
        if t.starts_with("```") {
            return Ok(out);
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut parts = t.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(name), Some(value), None) => out.push((name.to_string(), value.parse::<f64>()?)),
            _ => return Err(format!("{}: bad baseline line {t:?}", path.display()).into()),
        }
    }
    Err(format!("{}: no closed ```eval-baseline block", path.display()).into())
}

/// Exit code 1 when a metric is more than 2 points below its recorded value (or missing).
fn check(path: &Path, metrics: &Metrics) -> Res<i32> {
    let recorded = baseline(path)?;
    if recorded.is_empty() {
        return Err(format!("{}: the eval-baseline block is empty", path.display()).into());
    }
    let mut failed = 0;
    println!("\ncheck against {}:", path.display());
    for (name, want) in &recorded {
        match metrics.0.iter().find(|(n, _)| n == name) {
            Some((_, got)) if *got + 2.0 < *want => {
                println!("  FAIL {name}: {got:.2} < recorded {want:.2} - 2");
                failed += 1;
            }
            Some((_, got)) => println!("  ok   {name}: {got:.2} (recorded {want:.2})"),
            None => {
                println!("  FAIL {name}: not measured");
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

/// `P / R / F1` of one pairwise count.
fn prf(p: ecb::Pairwise) -> String {
    format!("{:.1} / {:.1} / {:.1}", p.precision(), p.recall(), p.f1())
}

/// One row of the ECB+ table: the three readings of one prediction.
fn ecb_row(name: &str, r: ecb::Readings) -> String {
    format!(
        "{name:<24}{:<22}{:<22}{}",
        prf(r.sentence),
        prf(r.mention),
        prf(r.same_word)
    )
}

/// factdiff's ECB+ scores over a grid of the alignment thresholds (what configuration alone can
/// do; tune on dev or train only).
fn ecb_grid(mentions: &Path) -> Res<()> {
    println!("max_term_share align_threshold min_term_overlap min_shared_features: aligned pairs P / R / F1 sentence; mention; F1 same word; clusters F1 sentence; mention; same word");
    for max_term_share in [0.25, 0.5, 1.0] {
        for align_threshold in [0.2, 0.25, 0.3, 0.34, 0.4, 0.5] {
            for min_term_overlap in [0.05, 0.12, 0.2, 0.3] {
                for min_shared_features in [1, 2, 3] {
                    let config = Config {
                        max_term_share,
                        align_threshold,
                        min_term_overlap,
                        min_shared_features,
                        ..Config::default()
                    };
                    let e = ecb::evaluate(mentions, &config, usize::MAX)?;
                    println!(
                        "{max_term_share} {align_threshold} {min_term_overlap} {min_shared_features}: {}; {}; {:.1}; {:.1}; {:.1}; {:.1}",
                        prf(e.pairs.sentence),
                        prf(e.pairs.mention),
                        e.pairs.same_word.f1(),
                        e.clusters.sentence.f1(),
                        e.clusters.mention.f1(),
                        e.clusters.same_word.f1()
                    );
                }
            }
        }
    }
    Ok(())
}

/// Grid-search the mapping thresholds on training data only: FNC-1 bodies outside the hold-out
/// split and SICK train. Prints the best settings; nothing else is read.
fn tune(dir: &Path) -> Res<()> {
    let config = Config::default();
    let fnc = data::fnc1(&dir.join("fnc1"), false)?;
    let fnc: Vec<Pair> = fnc.into_iter().step_by(2).collect();
    let sick = data::sick(&dir.join("sick/SICK_train.txt"))?;
    let t = Instant::now();
    let rf = run(&fnc, &config);
    let rs = run(&sick, &config);
    println!(
        "tune: {} FNC train pairs, {} SICK train pairs, {:.1}s",
        fnc.len(),
        sick.len(),
        t.elapsed().as_secs_f64()
    );
    let mut best: Vec<(f64, Mapping, f64, f64, f64)> = Vec::new();
    for related_score in [0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25] {
        for related_shared in [2, 3, 4, 5, 99] {
            let m = Mapping {
                related_score,
                related_shared,
                ..Mapping::default()
            };
            let c = confusion(&FNC_LABELS, &fnc, &rf.signals, |s| m.fnc(s));
            // Balance the official score with macro-F1 (the score rewards the majority class).
            let objective = fnc_score(&c) + 100.0 * c.macro_f1();
            best.push((objective, m, fnc_score(&c), c.macro_f1(), c.f1(1)));
        }
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (o, m, score, f1, dis) in best.iter().take(8) {
        println!("{o:.2}  fnc {score:.2} macroF1 {f1:.3} disagreeF1 {dis:.3}  {m:?}");
    }
    for entail in [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8] {
        let m = Mapping {
            entail,
            ..Mapping::default()
        };
        let c = confusion(&data::SICK_LABELS, &sick, &rs.signals, |s| m.sick(s));
        println!(
            "sick train entail {entail}: accuracy {:.2} contradiction F1 {:.3}",
            c.accuracy(),
            c.f1(2)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn write(name: &str, text: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("factdiff-eval-{}-{name}.md", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn check_reads_the_block_and_fails_on_a_drop_of_more_than_two_points() {
        let path = write(
            "check",
            "# doc\n\n```text\nnot 1\n```\n\n```eval-baseline\n# comment\na.score 50.00\nb.f1 10\n```\n",
        );
        assert_eq!(
            baseline(&path).unwrap(),
            [("a.score".to_string(), 50.0), ("b.f1".to_string(), 10.0)]
        );
        let mut m = Metrics::default();
        m.push("a.score", 48.5);
        m.push("b.f1", 30.0);
        assert_eq!(check(&path, &m).unwrap(), 0);
        let mut m = Metrics::default();
        m.push("a.score", 47.9);
        m.push("b.f1", 30.0);
        assert_eq!(check(&path, &m).unwrap(), 1);
        let mut m = Metrics::default();
        m.push("a.score", 60.0);
        assert_eq!(check(&path, &m).unwrap(), 1, "a missing metric fails");
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn a_missing_or_malformed_block_is_an_error() {
        let path = write("none", "no block here\n");
        assert!(baseline(&path).is_err());
        let path2 = write("bad", "```eval-baseline\na.score fifty\n```\n");
        assert!(baseline(&path2).is_err());
        let _ = std::fs::remove_file(path);
        let _ = std::fs::remove_file(path2);
    }

    #[test]
    fn smoke_subset_is_fixed_and_bounded() {
        let pairs: Vec<Pair> = (0..1000)
            .map(|i| Pair {
                claim: i.to_string(),
                source: String::new(),
                gold: 0,
            })
            .collect();
        let a = subset(pairs.clone(), true, 150);
        assert!(a.len() <= 150 && a.len() >= 140);
        assert_eq!(a, subset(pairs.clone(), true, 150));
        assert_eq!(subset(pairs, false, 150).len(), 1000);
    }
}
