//! The import rules of docs/architecture.md, checked on the source files themselves.
//!
//! 1. In the core, a stage module uses only stages to its left in [`STAGES`] and the shared
//!    modules in [`SHARED`] (the model, the word lists, text helpers, configuration); a shared
//!    module uses only shared modules.
//! 2. No file of any crate of the repository imports, through a chain of files, itself.
//!
//! Imports are read from every `crate::`, `super::` and `self::` path outside comments and test
//! modules, so a backward import cannot hide in a function body. A module that is neither a
//! stage nor shared fails the test: a new module has to be placed first.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages, in pipeline order.
const STAGES: [&str; 15] = [
    "ingest", "clean", "segment", "analyze", "linear", "judge", "align", "detect", "position", "label", "stats",
    "pipeline", "check",    // `check` compares a claim with its sources through `pipeline`.
    "training", // The `training` feature's window on the stages for factdiff-eval; no stage uses it.
    "lib",      // Not a stage but the crate's front page; it may name every module.
];

/// Modules any stage may use.
const SHARED: [&str; 7] = ["report", "document", "error", "config", "lexicon", "text", "schema"];

/// Compiled for unit tests only (every use of them is inside a test module).
const TEST_ONLY: [&str; 1] = ["test_support"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file's path from the workspace root.
fn shown(path: &Path) -> String {
    path.strip_prefix(workspace()).unwrap_or(path).display().to_string()
}

/// A module path inside its crate (`["align", "index"]`); the root is `[]`.
type ModPath = Vec<String>;

/// One crate's source files by module path.
struct Crate {
    files: BTreeMap<ModPath, PathBuf>,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut files = BTreeMap::new();
        let mut pending = vec![src.to_path_buf()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
                let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let rel = path.strip_prefix(src).unwrap_or(&path);
                    let mut module: ModPath = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                    let last = module.pop().unwrap_or_default();
                    match last.as_str() {
                        "mod.rs" => {}
                        "lib.rs" | "main.rs" if module.is_empty() => {}
                        _ => module.push(last.trim_end_matches(".rs").to_string()),
                    }
                    files.insert(module, path);
                }
            }
        }
        Crate { files }
    }

    /// The module a path names, followed from `from` (`crate::a::b::item` → `["a", "b"]`); a name
    /// the root re-exports is followed to the module it comes from.
    fn resolve(&self, start: ModPath, segments: &[String], reexports: &BTreeMap<String, ModPath>) -> ModPath {
        let mut at = start;
        for (k, seg) in segments.iter().enumerate() {
            let mut next = at.clone();
            next.push(seg.clone());
            if self.files.contains_key(&next) {
                at = next;
            } else if at.is_empty() && k == 0 {
                if let Some(target) = reexports.get(seg) {
                    return target.clone();
                }
                break;
            } else {
                break;
            }
        }
        at
    }
}

/// The source without comments, string and character literals and test modules (`#[cfg(test)]`
/// then a `mod`).
fn code(text: &str) -> String {
    let mut kept = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" {
            let next = lines.peek().map_or("", |l| l.trim());
            if next.starts_with("mod ") || next.starts_with("pub mod ") || next.starts_with("pub(crate) mod ") {
                if next.ends_with('{') {
                    // A test module runs to its closing brace at the same indentation.
                    let close = format!("{}}}", &line[..line.len() - line.trim_start().len()]);
                    lines.by_ref().find(|l| *l == close);
                } else {
                    lines.next();
                }
                continue;
            }
        }
        kept.push_str(line);
        kept.push('\n');
    }
    strip_literals(&kept)
}

/// `code` without comments and the contents of string and character literals.
fn strip_literals(code: &str) -> String {
    let c: Vec<char> = code.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        let at = |k: usize| c.get(i + k).copied().unwrap_or(' ');
        if at(0) == '/' && at(1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if at(0) == '/' && at(1) == '*' {
            i += 2;
            while i < c.len() && !(c[i] == '*' && c.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if at(0) == 'r' && (at(1) == '"' || (at(1) == '#' && (at(2) == '"' || at(2) == '#'))) {
            // A raw string: r"…", r#"…"#, …
            let hashes = c[i + 1..].iter().take_while(|&&x| x == '#').count();
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body: String = c[i + 2 + hashes..].iter().collect();
            let len = body.find(&close).map_or(body.len(), |e| body[..e].chars().count());
            i += 2 + hashes + len + close.len();
        } else if at(0) == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if at(0) == '\'' && at(1) == '\\' {
            // '\n', '\'', '\u{…}'
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if at(0) == '\'' && at(2) == '\'' {
            i += 3;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Every path that starts with `crate::`, `super::` or `self::`, as its leading keyword and the
/// segments after it; a brace group gives one path per item (`crate::{a::B, C}` → `a::B`, `C`).
fn paths(code: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for keyword in ["crate", "super", "self"] {
        let needle = format!("{keyword}::");
        let mut from = 0;
        while let Some(found) = code[from..].find(&needle) {
            let at = from + found;
            from = at + needle.len();
            let before = at.checked_sub(1).map(|i| bytes[i] as char);
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut prefix = Vec::new();
            let mut rest = &code[from..];
            // `super::super::x`
            while let Some(r) = rest.strip_prefix("super::") {
                prefix.push("super".to_string());
                rest = r;
            }
            for item in items(rest) {
                let mut segs = prefix.clone();
                segs.extend(item);
                out.push((keyword.to_string(), segs));
            }
        }
    }
    out
}

/// The paths at the start of `s`: one (`a::b::C`) or, through brace groups, several
/// (`a::{b::C, d}` → `a::b::C`, `a::d`); `self` in a group names the module itself.
fn items(s: &str) -> Vec<Vec<String>> {
    let s = s.trim_start();
    if let Some(group) = s.strip_prefix('{') {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    parts.push(&group[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&group[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .flat_map(items)
            .collect();
    }
    let ident: String = s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if ident.is_empty() || ident == "self" {
        return vec![Vec::new()];
    }
    match s[ident.len()..].strip_prefix("::") {
        Some(rest) => items(rest)
            .into_iter()
            .map(|tail| std::iter::once(ident.clone()).chain(tail).collect())
            .collect(),
        None => vec![vec![ident]],
    }
}

/// Names the crate root re-exports (`pub use a::{B, C}`), and the module each comes from.
fn reexports(krate: &Crate) -> BTreeMap<String, ModPath> {
    let mut out = BTreeMap::new();
    let Some(root) = krate.files.get(&Vec::new()) else {
        return out;
    };
    let text = code(&std::fs::read_to_string(root).unwrap_or_default());
    for stmt in text.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ").or_else(|| stmt.strip_prefix("use ")) else {
            continue;
        };
        let rest = rest.trim_start_matches("crate::").trim_start_matches("self::");
        let Some(first) = items(rest).first().and_then(|p| p.first()).cloned() else {
            continue;
        };
        if !krate.files.contains_key(&vec![first.clone()]) {
            continue;
        }
        for item in items(rest) {
            if let Some(name) = item.last() {
                let module = krate.resolve(Vec::new(), &item, &BTreeMap::new());
                out.insert(name.clone(), module);
            }
        }
    }
    out
}

/// Every file's imports, as module paths, without a module's uses of its own submodules.
fn imports(krate: &Crate) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let reexports = reexports(krate);
    let mut out = BTreeMap::new();
    for (module, path) in &krate.files {
        let text = code(&std::fs::read_to_string(path).unwrap_or_default());
        let mut deps = BTreeSet::new();
        for (keyword, segs) in paths(&text) {
            let mut start = if keyword == "crate" { Vec::new() } else { module.clone() };
            let mut segs = segs.as_slice();
            while segs.first().is_some_and(|s| s == "super") {
                start.pop();
                segs = &segs[1..];
            }
            if keyword == "super" {
                start.pop();
            }
            let target = krate.resolve(start, segs, &reexports);
            if target != *module && !target.starts_with(module) {
                deps.insert(target);
            }
        }
        out.insert(module.clone(), deps);
    }
    out
}

fn core() -> Crate {
    Crate::read(&workspace().join("crates/factdiff-core/src"))
}

/// The top-level module of a module path (`lib` for the root).
fn top(module: &ModPath) -> &str {
    module.first().map_or("lib", String::as_str)
}

/// Breaches of rule 1, one line each.
fn stage_breaches() -> Vec<String> {
    let krate = core();
    let mut out = Vec::new();
    for (module, deps) in imports(&krate) {
        let from = top(&module);
        if TEST_ONLY.contains(&from) {
            continue;
        }
        let rank = |m: &str| STAGES.iter().position(|s| *s == m);
        if !SHARED.contains(&from) && rank(from).is_none() {
            out.push(format!(
                "{from}: neither a stage nor shared; add it to STAGES or SHARED"
            ));
            continue;
        }
        for dep in &deps {
            let to = top(dep);
            let allowed = match (rank(from), rank(to)) {
                _ if to == from || SHARED.contains(&to) => true,
                (Some(a), Some(b)) => b < a,
                _ => false,
            };
            if !allowed {
                out.push(format!(
                    "{} uses crate::{}: {from} may use only {}",
                    shown(&krate.files[&module]),
                    dep.join("::"),
                    match rank(from) {
                        Some(a) => format!(
                            "the shared modules and the stages before it ({})",
                            STAGES[..a].join(", ")
                        ),
                        None => "the other shared modules".to_string(),
                    }
                ));
            }
        }
    }
    out
}

#[test]
fn stages_import_only_stages_to_their_left_and_shared_modules() {
    let breaches = stage_breaches();
    assert!(breaches.is_empty(), "backward imports:\n{}", breaches.join("\n"));
    // Every module of the core is placed.
    let placed: BTreeSet<&str> = STAGES.iter().chain(&SHARED).chain(&TEST_ONLY).copied().collect();
    for module in core().files.keys() {
        assert!(placed.contains(top(module)), "{module:?} is not placed");
    }
}

/// A cycle of imports between files, if there is one (as the chain of files).
fn cycle(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Option<Vec<ModPath>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &ModPath,
        graph: &BTreeMap<ModPath, BTreeSet<ModPath>>,
        marks: &mut BTreeMap<ModPath, Mark>,
        stack: &mut Vec<ModPath>,
    ) -> Option<Vec<ModPath>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut found = stack[start..].to_vec();
                found.push(node.clone());
                return Some(found);
            }
            None => {}
        }
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

#[test]
fn no_crate_has_an_import_cycle() {
    let crates = workspace().join("crates");
    let mut checked = 0;
    for entry in std::fs::read_dir(&crates).unwrap_or_else(|e| panic!("{}: {e}", crates.display())) {
        let src = entry.unwrap_or_else(|e| panic!("{e}")).path().join("src");
        if !src.is_dir() {
            continue;
        }
        let krate = Crate::read(&src);
        if let Some(c) = cycle(&imports(&krate)) {
            let names: Vec<String> = c.iter().map(|m| shown(&krate.files[m])).collect();
            panic!("import cycle: {}", names.join(" → "));
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} crates found under {}", crates.display());
}

#[test]
fn the_reader_finds_paths_in_groups_and_bodies() {
    let text = "use crate::a::{b::C, d};\nfn f() { super::e::g(); } // crate::h\nlet s = (\"crate::i\", '\"', r#\"crate::j\"#);\n";
    let found = paths(&code(text));
    let got: Vec<String> = found.iter().map(|(k, s)| format!("{k}::{}", s.join("::"))).collect();
    assert_eq!(got, ["crate::a::b::C", "crate::a::d", "super::e::g"]);
    let cyclic: BTreeMap<ModPath, BTreeSet<ModPath>> = [
        (vec!["a".to_string()], BTreeSet::from([vec!["b".to_string()]])),
        (vec!["b".to_string()], BTreeSet::from([vec!["a".to_string()]])),
    ]
    .into();
    assert!(cycle(&cyclic).is_some());
}

/// The longest line `docs/architecture.md` may have, in characters.
const MAP_WIDTH: usize = 120;

/// `docs/architecture.md` is the map of the code: it names every module of the core (`` `name/` ``
/// for a folder, `` `name.rs` `` for a file) and no line is wider than [`MAP_WIDTH`].
#[test]
fn the_architecture_map_names_every_module_and_stays_readable() {
    let path = workspace().join("docs/architecture.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let krate = core();
    let missing: Vec<String> = krate
        .files
        .iter()
        .filter(|(module, _)| module.len() == 1 && !TEST_ONLY.contains(&top(module)))
        .map(|(module, file)| match file.file_name().is_some_and(|f| f == "mod.rs") {
            true => format!("`{}/`", module[0]),
            false => format!("`{}.rs`", module[0]),
        })
        .filter(|name| !text.contains(name.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/architecture.md does not name {}",
        missing.join(", ")
    );
    let wide: Vec<String> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.chars().count() > MAP_WIDTH)
        .map(|(i, line)| format!("line {} ({} characters)", i + 1, line.chars().count()))
        .collect();
    assert!(
        wide.is_empty(),
        "docs/architecture.md is wider than {MAP_WIDTH}: {}",
        wide.join(", ")
    );
}
