//! Turns the shipped templates (`policy-templates/**/*.yaml`) into JSON in
//! `OUT_DIR`, so that the page reads them with serde_json and carries no
//! YAML parser. The YAML stays the source of truth: native builds and
//! tests read it with located errors, and a test checks that both forms
//! load to the same checked model.
//!
//! A file that does not parse is written as `null` with a warning rather
//! than failing the build, so that the native tests can show the author
//! the located error.
//!
//! It also writes `bundle_lists.rs`: the lists of shipped clause files,
//! samples and translations, found in their folders, so that adding a
//! clause file, a sample or a translation means adding the file and
//! nothing else.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from("policy-templates");
    let out = match std::env::var_os("OUT_DIR") {
        Some(dir) => PathBuf::from(dir).join("templates"),
        None => return,
    };
    println!("cargo:rerun-if-changed=build.rs");
    // The page's WebAssembly keeps its relocations: `wasm-split-cli` reads
    // them to cut it into parts after the build (`.ci/split-page`).
    if std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        println!("cargo:rustc-link-arg-bin=policy-builder=--emit-relocs");
    }
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    yaml_files(&root, &mut files);
    files.sort();
    if let Err(e) = write_lists(&root, &out, &files) {
        println!("cargo:warning=bundle lists: {e}");
    }
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&root).unwrap_or(&file);
        let target = out.join(relative).with_extension("json");
        let json = match fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|text| to_json(&text))
        {
            Ok(json) => json,
            Err(e) => {
                println!("cargo:warning={}: {e}", file.display());
                "null".to_owned()
            }
        };
        if let Some(dir) = target.parent() {
            if let Err(e) = fs::create_dir_all(dir) {
                println!("cargo:warning={}: {e}", dir.display());
            }
        }
        if let Err(e) = fs::write(&target, json) {
            println!("cargo:warning={}: {e}", target.display());
        }
    }
}

/// Writes `bundle_lists.rs` beside the JSON: `CLAUSES`/`CLAUSES_JSON` and
/// `SAMPLES`/`SAMPLES_JSON`, each `(file name, text)` in file-name order
/// (clause files are numbered for document order).
fn write_lists(root: &Path, out: &Path, files: &[PathBuf]) -> std::io::Result<()> {
    let here = std::env::current_dir()?;
    let mut code = String::from("// Written by build.rs from the files in policy-templates/.\n");
    for (folder, name, doc) in [
        ("clauses", "CLAUSES", "The shipped clause library, in document order."),
        ("samples", "SAMPLES", "The shipped sample organizations."),
    ] {
        let mut yaml = String::new();
        let mut json = String::new();
        for file in files.iter().filter(|f| f.parent() == Some(&root.join(folder))) {
            let relative = file.strip_prefix(root).unwrap_or(file).display().to_string();
            let source = here.join(file).display().to_string();
            let compiled = out.join(&relative).with_extension("json").display().to_string();
            yaml.push_str(&format!("    ({relative:?}, include_str!({source:?})),\n"));
            json.push_str(&format!("    ({relative:?}, include_str!({compiled:?})),\n"));
        }
        code.push_str(&format!(
            "/// {doc}\n#[cfg(feature = \"yaml\")]\npub const {name}: &[(&str, &str)] = &[\n{yaml}];\n/// [`{name}`] as JSON, as build.rs wrote them (under the YAML file names).\npub const {name}_JSON: &[(&str, &str)] = &[\n{json}];\n"
        ));
    }
    // Translations are read only by builds with the `yaml` feature (the
    // native tests and tools), so that a language costs the page nothing
    // until it loads its content as data.
    let mut translations = String::new();
    for file in files.iter().filter(|f| f.starts_with(root.join("fr-CA"))) {
        let relative = file.strip_prefix(root).unwrap_or(file).display().to_string();
        let source = here.join(file).display().to_string();
        translations.push_str(&format!("    ({relative:?}, include_str!({source:?})),\n"));
    }
    code.push_str(&format!(
        "/// The shipped translations into Canadian French, each under the path of the English file it translates.\n#[cfg(feature = \"yaml\")]\npub const TRANSLATIONS_FR_CA: &[(&str, &str)] = &[\n{translations}];\n"
    ));
    fs::create_dir_all(out)?;
    fs::write(out.join("bundle_lists.rs"), code)
}

/// Every `.yaml` file under `dir`, also in its folders (and each folder,
/// so that a new file is noticed).
fn yaml_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            yaml_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
}

/// The YAML document as compact JSON. Enum variants that YAML writes as
/// one-key maps are one-key maps in JSON too, which is serde_json's own
/// form for them.
fn to_json(text: &str) -> Result<String, String> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}
