//! Writes the shipped content of every language as the data files the
//! page fetches (see `policy::content`): `content/<tag>-<hash>.json` under
//! the folder given, the hash being that of the file's own text, so that
//! a file name never holds two versions and every cache may keep it for
//! good. Run by the build (`.ci/post-build`) into Trunk's staging folder.
//! Problems in the content stop the build with their YAML locations.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::process::ExitCode;

use policy_builder::policy::content::Content;
use policy_builder::policy::model::language::Language;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: content <folder>   (writes <folder>/content/<language>-<hash>.json)");
        return ExitCode::FAILURE;
    };
    let dir = out.join("content");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    for language in Language::ALL {
        let json = match Content::shipped(language).map(|c| c.to_json()) {
            Ok(Ok(json)) => json,
            Ok(Err(e)) => {
                eprintln!("the {language} content could not be written: {e}");
                failed = true;
                continue;
            }
            Err(problems) => {
                eprintln!("the {language} content has problems:\n{problems}");
                failed = true;
                continue;
            }
        };
        let path = out.join(Content::file_name(language, &hash(&json)));
        match std::fs::write(&path, &json) {
            Ok(()) => println!("{} ({} bytes)", path.display(), json.len()),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A short fingerprint of `text` (FNV-1a, 64 bits: stable across Rust
/// versions, unlike std's default hasher).
fn hash(text: &str) -> String {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    text.hash(&mut h);
    format!("{:016x}", h.finish())
}
