//! Scale benchmark: how wall time and peak memory grow when the input grows 10× and 100×.
//!
//! Two growth axes over FNC-1 training stories ([`crate::data::fnc1_stories`]):
//!
//! - `stories`: more stories. 1× is the first [`BASE_STORIES`] stories; N× repeats them N times
//!   with distinct document ids, rotated document order and every number shifted by the copy
//!   index, so no two copies are the same text.
//! - `docs`: bigger stories. [`DOC_STORIES`] stories of 10, 100, 1000 documents each, taken in
//!   order from the stream of all story bodies (so one story mixes the bodies of related
//!   headlines), each story starting at a different place and perturbed by its index. This is
//!   the axis that tests blocking and clustering, which grow with the documents of one story.
//!
//! Each size runs in a fresh child process (this binary with `scale-run AXIS FACTOR`) so that
//! its peak resident memory (`VmHWM`) is its own; the parent prints the table.
//!
//! How the stories share the threads ([`Axis::stories_in_parallel`]): on the `stories` axis the
//! stories run in parallel (one `compare` per thread), on the `docs` axis one at a time, each
//! `compare` using every thread inside (parallel analysis, candidate scoring, judge and
//! detectors), as the CLI runs one story. Big stories in parallel would each hold their own
//! working memory at once.

use crate::data::{fnc1_stories, Res};
use factdiff_core::{compare, CompareOptions, Config, Document};
use rayon::prelude::*;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Stories at 1× on the `stories` axis (the criterion benchmark's 100).
pub const BASE_STORIES: usize = 100;
/// Stories on the `docs` axis.
pub const DOC_STORIES: usize = 10;
/// Documents per story at 1× on the `docs` axis.
pub const BASE_DOCS: usize = 10;

/// A growth axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Stories,
    Docs,
}

impl Axis {
    pub fn name(self) -> &'static str {
        match self {
            Axis::Stories => "stories",
            Axis::Docs => "docs",
        }
    }
    /// Whether the stories of this axis run in parallel (small stories) or one at a time with the
    /// parallelism inside `compare` (big stories).
    pub fn stories_in_parallel(self) -> bool {
        self == Axis::Stories
    }
    pub fn parse(s: &str) -> Res<Axis> {
        match s {
            "stories" => Ok(Axis::Stories),
            "docs" => Ok(Axis::Docs),
            _ => Err(format!("unknown scale axis {s:?} (stories or docs)").into()),
        }
    }
}

/// `text` with every run of ASCII digits (up to 9 of them) increased by `shift`; unchanged for 0.
pub fn perturb(text: &str, shift: usize) -> String {
    if shift == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match digits.parse::<u64>() {
            Ok(n) if digits.len() <= 9 => out.push_str(&(n + shift as u64).to_string()),
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            if !digits.is_empty() {
                flush(&mut digits, &mut out);
            }
            out.push(ch);
        }
    }
    if !digits.is_empty() {
        flush(&mut digits, &mut out);
    }
    out
}

/// The `stories` axis: the first `base` stories repeated `factor` times.
pub fn more_stories(all: &[Vec<Arc<str>>], base: usize, factor: usize) -> Vec<Vec<Document>> {
    let base = &all[..base.min(all.len())];
    let mut out = Vec::with_capacity(base.len() * factor);
    for copy in 0..factor {
        for (s, bodies) in base.iter().enumerate() {
            let n = bodies.len().max(1);
            let docs = (0..bodies.len())
                .map(|k| {
                    let d = (k + copy) % n;
                    Document::new(format!("c{copy}s{s}d{d}"), perturb(&bodies[d], copy))
                })
                .collect();
            out.push(docs);
        }
    }
    out
}

/// The `docs` axis: `stories` stories of `docs` documents each, from the stream of all bodies.
pub fn bigger_stories(all: &[Vec<Arc<str>>], stories: usize, docs: usize) -> Vec<Vec<Document>> {
    let stream: Vec<&Arc<str>> = all.iter().flatten().collect();
    if stream.is_empty() {
        return Vec::new();
    }
    (0..stories)
        .map(|s| {
            let start = s * stream.len() / stories.max(1);
            (0..docs)
                .map(|k| {
                    let i = start + k;
                    // A body met again (the stream wrapped) gets its own shift too.
                    let shift = s + i / stream.len() * stories;
                    Document::new(format!("s{s}d{k}"), perturb(stream[i % stream.len()], shift))
                })
                .collect()
        })
        .collect()
}

/// The corpus of one size.
pub fn corpus(all: &[Vec<Arc<str>>], axis: Axis, factor: usize) -> Vec<Vec<Document>> {
    match axis {
        Axis::Stories => more_stories(all, BASE_STORIES, factor),
        Axis::Docs => bigger_stories(all, DOC_STORIES, BASE_DOCS * factor),
    }
}

/// What one child run measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    pub stories: usize,
    pub docs: usize,
    pub bytes: usize,
    pub claims: usize,
    pub findings: usize,
    pub seconds: f64,
    /// CPU time of all threads during `compare` (less sensitive to other load than wall time).
    pub cpu_seconds: f64,
    /// Resident set once the corpus is built, before `compare` runs, in KiB (0 when unknown).
    pub loaded_kib: u64,
    /// Peak resident set of the whole child process, in KiB (0 when unknown).
    pub peak_kib: u64,
}

impl Measured {
    fn line(&self) -> String {
        format!(
            "scale-result {} {} {} {} {} {:.6} {:.6} {} {}",
            self.stories,
            self.docs,
            self.bytes,
            self.claims,
            self.findings,
            self.seconds,
            self.cpu_seconds,
            self.loaded_kib,
            self.peak_kib
        )
    }

    /// Parse the line a child prints ([`Measured::line`]).
    pub fn parse(line: &str) -> Option<Measured> {
        let mut f = line.strip_prefix("scale-result ")?.split_whitespace();
        let m = Measured {
            stories: f.next()?.parse().ok()?,
            docs: f.next()?.parse().ok()?,
            bytes: f.next()?.parse().ok()?,
            claims: f.next()?.parse().ok()?,
            findings: f.next()?.parse().ok()?,
            seconds: f.next()?.parse().ok()?,
            cpu_seconds: f.next()?.parse().ok()?,
            loaded_kib: f.next()?.parse().ok()?,
            peak_kib: f.next()?.parse().ok()?,
        };
        f.next().is_none().then_some(m)
    }
}

/// A KiB figure of this process from /proc/self/status (`VmHWM:` = peak resident set, `VmRSS:`
/// = current); 0 where unavailable.
pub fn status_kib(field: &str) -> u64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time of every thread of this process so far (first field of
/// /proc/self/task/*/schedstat, nanoseconds); 0 where unavailable.
pub fn cpu_seconds() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    let ns: u64 = tasks
        .filter_map(Result::ok)
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next().and_then(|v| v.parse::<u64>().ok()))
        .sum();
    ns as f64 / 1e9
}

/// Child: build one corpus, run `compare` on every story (in parallel or one at a time, as
/// [`Axis::stories_in_parallel`] says), print the result.
pub fn run_one(fnc_dir: &Path, axis: Axis, factor: usize) -> Res<()> {
    let all = fnc1_stories(fnc_dir)?;
    let stories = corpus(&all, axis, factor);
    drop(all);
    let config = Config::default();
    let bytes = stories.iter().flatten().map(|d| d.text.len()).sum();
    let docs = stories.iter().map(Vec::len).sum();
    let loaded_kib = status_kib("VmRSS:");
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let count =
        |s: &Vec<Document>| compare(s, &config, &CompareOptions::default()).map(|r| (r.claims.len(), r.findings.len()));
    let counts: Vec<(usize, usize)> = if axis.stories_in_parallel() {
        stories.par_iter().map(count).collect::<Result<_, _>>()
    } else {
        stories.iter().map(count).collect::<Result<_, _>>()
    }
    .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let m = Measured {
        stories: stories.len(),
        docs,
        bytes,
        claims: counts.iter().map(|c| c.0).sum(),
        findings: counts.iter().map(|c| c.1).sum(),
        seconds,
        cpu_seconds: cpu,
        loaded_kib,
        peak_kib: status_kib("VmHWM:"),
    };
    println!("{}", m.line());
    Ok(())
}

/// Parent: run every size of both axes in child processes and print the table.
/// Returns 1 when a target is missed.
pub fn run_all(data: &Path, factors: &[usize]) -> Res<i32> {
    let exe = std::env::current_exe()?;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "factdiff-eval scale: {} rayon threads; stories axis: stories in parallel; docs axis: one story at a time, parallel inside compare; load average before: {}",
        rayon::current_num_threads(),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    println!("\n| axis | size | stories | docs | input MB | claims | wall s | CPU s | MB/s | claims/s | RSS before compare MB | peak RSS MB | bound 4×input+50 MB | time × (wall; CPU), vs previous size |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut missed = 0;
    for axis in [Axis::Stories, Axis::Docs] {
        let mut previous: Option<Measured> = None;
        for &factor in factors {
            let out = std::process::Command::new(&exe)
                .arg("--data")
                .arg(data)
                .args(["scale-run", axis.name(), &factor.to_string()])
                .output()?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            let m = match stdout.lines().find_map(Measured::parse) {
                Some(m) if out.status.success() => m,
                _ => {
                    return Err(format!(
                        "scale child {} {factor}× failed: {}",
                        axis.name(),
                        String::from_utf8_lossy(&out.stderr)
                    )
                    .into())
                }
            };
            let mb = m.bytes as f64 / 1e6;
            let peak_mb = m.peak_kib as f64 * 1024.0 / 1e6;
            let loaded_mb = m.loaded_kib as f64 * 1024.0 / 1e6;
            let bound = 4.0 * mb + 50.0;
            let memory_ok = m.peak_kib == 0 || peak_mb <= bound;
            let ratio = previous.as_ref().map(|p| {
                let input = m.bytes as f64 / p.bytes as f64;
                let cpu = m.cpu_seconds / p.cpu_seconds.max(1e-9);
                (input, m.seconds / p.seconds.max(1e-9), cpu)
            });
            // 10× more input may take at most 12× the time (scaled for other input ratios); on a
            // loaded machine the CPU-time ratio is the steadier of the two, so either may meet it.
            let time_ok = ratio.is_none_or(|(input, wall, cpu)| wall.min(cpu) <= 1.2 * input);
            missed += usize::from(!memory_ok) + usize::from(!time_ok);
            println!(
                "| {} | {factor}× | {} | {} | {mb:.2} | {} | {:.3} | {:.3} | {:.2} | {:.0} | {loaded_mb:.1} | {peak_mb:.1}{} | {bound:.1} | {} |",
                axis.name(),
                m.stories,
                m.docs,
                m.claims,
                m.seconds,
                m.cpu_seconds,
                mb / m.seconds.max(1e-9),
                m.claims as f64 / m.seconds.max(1e-9),
                if memory_ok { "" } else { " **over**" },
                match ratio {
                    None => "—".to_string(),
                    Some((input, wall, cpu)) => format!(
                        "{wall:.2}×; {cpu:.2}× for {input:.1}× input{}",
                        if time_ok { "" } else { " **over**" }
                    ),
                }
            );
            previous = Some(m);
        }
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "\nload average after: {}",
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    Ok(i32::from(missed > 0))
}

/// Write story `0` of the `docs` axis with `docs` documents as `dir/dNNNN.txt` (for the
/// comparison with the Python script, which reads the same files).
pub fn write_story(fnc_dir: &Path, docs: usize, dir: &Path) -> Res<()> {
    let all = fnc1_stories(fnc_dir)?;
    let story = bigger_stories(&all, 1, docs);
    std::fs::create_dir_all(dir)?;
    for (k, d) in story.iter().flatten().enumerate() {
        std::fs::write(dir.join(format!("d{k:04}.txt")), &d.text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn stories() -> Vec<Vec<Arc<str>>> {
        vec![
            vec!["A 12 b.".into(), "C 3,400 d.".into()],
            vec!["E 2014 f.".into(), "G h.".into(), "I 7.".into()],
        ]
    }

    #[test]
    fn only_small_stories_run_in_parallel() {
        assert!(Axis::Stories.stories_in_parallel());
        assert!(!Axis::Docs.stories_in_parallel());
    }

    #[test]
    fn perturb_shifts_numbers_only() {
        assert_eq!(perturb("In 2014, 12 of 3,400 (x9).", 0), "In 2014, 12 of 3,400 (x9).");
        assert_eq!(perturb("In 2014, 12 of 3,400 (x9).", 2), "In 2016, 14 of 5,402 (x11).");
        assert_eq!(perturb("1234567890 Zürich", 1), "1234567890 Zürich");
    }

    #[test]
    fn more_stories_repeats_with_distinct_ids_and_texts() {
        let c = more_stories(&stories(), 2, 3);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0][0].text, "A 12 b.");
        assert_eq!(c[2][0].id, "c1s0d1");
        assert_eq!(c[2][0].text, "C 4,401 d.");
        let mut ids: Vec<&str> = c.iter().flatten().map(|d| d.id.as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn bigger_stories_walk_the_stream_and_perturb_repeats() {
        let c = bigger_stories(&stories(), 2, 7);
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|s| s.len() == 7));
        // Story 1 starts at body 5 / 2 = 2 and is shifted by 1.
        assert_eq!(c[1][0].text, "E 2015 f.");
        // Story 0 wraps after 5 bodies: body 0 again, shifted by one more round of stories.
        assert_eq!(c[0][0].text, "A 12 b.");
        assert_eq!(c[0][5].text, "A 14 b.");
    }

    #[test]
    fn child_lines_round_trip() {
        let m = Measured {
            stories: 1,
            docs: 2,
            bytes: 3,
            claims: 4,
            findings: 5,
            seconds: 0.25,
            cpu_seconds: 0.5,
            loaded_kib: 6,
            peak_kib: 7,
        };
        assert_eq!(Measured::parse(&m.line()), Some(m));
        assert_eq!(Measured::parse("scale-result 1 2"), None);
        if Path::new("/proc/self/status").exists() {
            // RSS first: the peak read afterwards is at least any earlier RSS, even while other
            // test threads allocate (reading the peak first raced with them).
            let rss = status_kib("VmRSS:");
            let peak = status_kib("VmHWM:");
            assert!(peak >= rss && rss > 0);
            // The CPU clock advances in ticks (10 ms): spin until it moves, for at most 5 s.
            let before = cpu_seconds();
            let started = Instant::now();
            let mut spin = 0u64;
            while cpu_seconds() <= before && started.elapsed().as_secs() < 5 {
                spin += (0..200_000u64)
                    .map(|i| std::hint::black_box(i).wrapping_mul(i) % 7)
                    .sum::<u64>();
            }
            assert!(spin > 0 && cpu_seconds() > before);
        }
    }
}
