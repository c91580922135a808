//! The house's rules, read from the source: which folder may import which,
//! no import circle between modules, and localStorage opened by one module
//! only. They are the README's module map, held by a test so that it stays
//! true.
//!
//! The rules read the `use` lines and `crate::` paths of every file under
//! `src/`; a path written in a comment does not count.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its module path (`app::shell::session`).
fn modules(dir: &Path, prefix: &str, out: &mut BTreeMap<String, PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("src/ is readable").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        if path.is_dir() {
            let inner = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}::{name}")
            };
            modules(&path, &inner, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = match name.as_str() {
                "mod" | "lib" => prefix.to_owned(),
                _ if prefix.is_empty() => name,
                _ => format!("{prefix}::{name}"),
            };
            out.insert(module, path);
        }
    }
}

/// The source of the library's modules (not the binaries).
fn library() -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    modules(&root.join("policy"), "policy", &mut found);
    modules(&root.join("app"), "app", &mut found);
    found
        .into_iter()
        .map(|(m, p)| (m, fs::read_to_string(&p).expect("a source file is readable")))
        .collect()
}

/// The code of a file without its comments and its `#[cfg(test)]` module,
/// line by line. (Unit tests may reach across, as a test's fixture does.)
fn code(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") || t.starts_with("#[cfg(all(test") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        lines.push(line.split(" //").next().unwrap_or(line));
    }
    lines
}

/// The modules of the crate that `module`'s code names through `crate::`
/// (the longest known module path each mention starts with).
fn imports(module: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let joined = code(text).join("\n");
    // Flatten grouped imports (`use crate::policy::{a::X, b::{Y, Z}}`)
    // into one path per name, so that each is resolved on its own.
    for path in paths(&joined) {
        let mut best: Option<&String> = None;
        for k in known {
            if (path == *k || path.starts_with(&format!("{k}::"))) && best.is_none_or(|b| k.len() > b.len()) {
                best = Some(k);
            }
        }
        if let Some(target) = best {
            if target != module {
                out.insert(target.clone());
            }
        }
    }
    out
}

/// Every path that starts with `crate::` in `code`, with braces expanded.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let tail = &rest[at + "crate::".len()..];
        let (taken, len) = expand(tail);
        out.extend(taken);
        rest = &tail[len..];
    }
    out
}

/// Reads one path (possibly with a `{...}` group) from the start of `s`;
/// returns the expanded paths and how many bytes were read.
fn expand(s: &str) -> (Vec<String>, usize) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b':') {
        i += 1;
    }
    let head = s[..i].trim_end_matches(':').to_owned();
    if i < bytes.len() && bytes[i] == b'{' {
        let mut depth = 0;
        let mut j = i;
        let mut parts = Vec::new();
        let mut start = i + 1;
        while j < bytes.len() {
            match bytes[j] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        parts.push(&s[start..j]);
                        break;
                    }
                }
                b',' if depth == 1 => {
                    parts.push(&s[start..j]);
                    start = j + 1;
                }
                _ => {}
            }
            j += 1;
        }
        let mut out = Vec::new();
        for part in parts {
            let part = part.trim();
            if part.is_empty() || part == "self" {
                out.push(head.clone());
                continue;
            }
            let (inner, _) = expand(part);
            out.extend(inner.into_iter().map(|p| format!("{head}::{p}")));
        }
        (out, j + 1)
    } else {
        (vec![head], i)
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let lib = library();
    let known: BTreeSet<String> = lib.keys().cloned().collect();
    lib.iter()
        .map(|(m, text)| (m.clone(), imports(m, text, &known)))
        .collect()
}

/// The room a module lives in: `policy`, `app::browser`, `app::drafts`...
fn room(module: &str) -> String {
    let parts: Vec<&str> = module.split("::").collect();
    match parts.as_slice() {
        ["app"] => "app".to_owned(),
        ["app", folder, ..] => format!("app::{folder}"),
        _ => "policy".to_owned(),
    }
}

const FEATURES: [&str; 4] = ["app::drafts", "app::builder", "app::review", "app::trainer"];

#[test]
fn the_pure_pipeline_never_imports_the_app() {
    let bad: Vec<String> = graph()
        .into_iter()
        .filter(|(m, _)| room(m) == "policy")
        .flat_map(|(m, deps)| {
            deps.into_iter()
                .filter(|d| d.starts_with("app"))
                .map(move |d| format!("{m} -> {d}"))
        })
        .collect();
    assert!(bad.is_empty(), "policy/ imports app/: {bad:#?}");
}

#[test]
fn arrows_in_the_app_only_run_down_from_feature_to_shell_to_browser() {
    let mut bad = Vec::new();
    for (m, deps) in graph() {
        let from = room(&m);
        for d in deps {
            let to = room(&d);
            if from == to || to == "policy" {
                continue;
            }
            // The interface's words sit below everything in the app and
            // use nothing of it; every room takes its text from there.
            let allowed = match from.as_str() {
                _ if to == "app::i18n" => true,
                "app::i18n" => false,
                "app" => true,
                f if FEATURES.contains(&f) => to == "app::shell" || to == "app::browser",
                "app::shell" => to == "app::browser",
                // The browser edges use nothing of the app above them.
                _ => false,
            };
            if !allowed {
                bad.push(format!("{m} -> {d}"));
            }
        }
    }
    assert!(bad.is_empty(), "imports that run up or across: {bad:#?}");
}

#[test]
fn no_two_modules_import_each_other_through_any_chain() {
    let g = graph();
    // Depth-first search for a back edge, reporting the circle it closes.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
        found: &mut Vec<String>,
    ) {
        state.insert(m.to_owned(), 1);
        stack.push(m.to_owned());
        for d in g.get(m).into_iter().flatten() {
            match state.get(d.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|s| s == d).unwrap_or(0);
                    found.push(format!("{} -> {d}", stack[at..].join(" -> ")));
                }
                Some(_) => {}
                None => visit(d, g, state, stack, found),
            }
        }
        stack.pop();
        state.insert(m.to_owned(), 2);
    }
    let (mut state, mut stack, mut found) = (BTreeMap::new(), Vec::new(), Vec::new());
    for m in g.keys() {
        if !state.contains_key(m.as_str()) {
            visit(m, &g, &mut state, &mut stack, &mut found);
        }
    }
    assert!(found.is_empty(), "import circles: {found:#?}");
}

#[test]
fn only_the_storage_module_opens_local_storage() {
    let bad: Vec<String> = library()
        .iter()
        .filter(|(m, _)| m.as_str() != "app::browser::storage")
        .flat_map(|(m, text)| {
            code(text)
                .into_iter()
                .filter(|l| l.contains("local_storage") || l.contains("LocalStorage") || l.contains("localStorage"))
                .map(move |l| format!("{m}: {}", l.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        bad.is_empty(),
        "localStorage opened outside app/browser/storage.rs: {bad:#?}"
    );
}

#[test]
fn the_app_takes_its_content_from_the_fetched_data_files_not_from_the_build() {
    // The shipped templates compiled into the binary (`*_JSON`, and the
    // `builtin` loaders that read them) would put every language's text
    // into the page's WebAssembly; the page fetches it per language
    // instead (policy::content).
    let compiled = ["_JSON", "::builtin(", "::builtin_in(", "::builtin_yaml("];
    let bad: Vec<String> = library()
        .iter()
        .filter(|(m, _)| m.starts_with("app::"))
        .flat_map(|(m, text)| {
            code(text)
                .into_iter()
                .filter(|l| compiled.iter().any(|c| l.contains(c)))
                .map(move |l| format!("{m}: {}", l.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(bad.is_empty(), "the app reads content compiled into it: {bad:#?}");
}

#[test]
fn the_browser_edges_hold_no_view_and_the_pure_part_no_browser_api() {
    let mut bad = Vec::new();
    for (m, text) in library() {
        let lines = code(&text);
        if room(&m) == "app::browser" && lines.iter().any(|l| l.contains("view!")) {
            bad.push(format!("{m} has a view!"));
        }
        if room(&m) == "policy" {
            for api in ["web_sys", "js_sys", "gloo", "leptos", "wasm_bindgen"] {
                if lines.iter().any(|l| l.contains(&format!("{api}::"))) {
                    bad.push(format!("{m} uses {api}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_call_into_the_browser_is_made_in_app_browser() {
    // Above browser/, the app may name the event and the file a handler
    // receives, and nothing else of web_sys, js_sys or wasm_bindgen.
    let allowed = ["web_sys::Event", "web_sys::File"];
    let mut bad = Vec::new();
    for (m, text) in library() {
        if !m.starts_with("app") || room(&m) == "app::browser" {
            continue;
        }
        for line in code(&text) {
            let mut rest = line;
            while let Some(at) = rest.find("web_sys::") {
                let name: String = rest[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                if !allowed.contains(&name.as_str()) {
                    bad.push(format!("{m}: {name}"));
                }
                rest = &rest[at + "web_sys::".len()..];
            }
            for api in ["js_sys::", "wasm_bindgen"] {
                if line.contains(api) {
                    bad.push(format!("{m}: {}", line.trim()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "browser calls outside app/browser: {bad:#?}");
}

#[test]
fn the_rules_see_grouped_imports() {
    let mut got = paths("use crate::policy::{model::ids::{A, B}, fill::fill}; crate::app::shell::use_app()");
    got.sort();
    assert_eq!(
        got,
        [
            "app::shell::use_app",
            "policy::fill::fill",
            "policy::model::ids::A",
            "policy::model::ids::B"
        ]
    );
}

#[test]
fn the_worker_protocol_never_sends_an_empty_message_for_one_it_could_not_write() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bad = Vec::new();
    for file in [
        "src/policy/files/worker_protocol.rs",
        "src/bin/pdf_worker.rs",
        "src/app/browser/worker_client.rs",
    ] {
        let text = fs::read_to_string(root.join(file)).expect("a source file is readable");
        let joined = code(&text).join("\n");
        // A serialization's failure must be reported, not turned into "".
        for (at, _) in joined.match_indices("to_string(") {
            let rest = &joined[at..joined.len().min(at + 120)];
            if rest.contains(".unwrap_or_default()") {
                bad.push(format!("{file}: {}", rest.lines().next().unwrap_or_default()));
            }
        }
        if joined.contains("to_json().unwrap_or_default()") {
            bad.push(format!("{file}: to_json().unwrap_or_default()"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
