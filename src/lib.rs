//! Social Media Policy Builder for healthcare organizations.
//!
//! [`policy`] is the pure pipeline (templates, answers, document, layout,
//! PDF), tested natively. [`app`] is the thin Leptos shell over it.

pub mod app;
pub mod policy;

/// The allocator of both WebAssembly binaries (the page and the PDF
/// worker): talc, in place of the standard library's dlmalloc. The
/// pipeline allocates a great deal (a PDF is some hundred thousand small
/// objects, strings and dictionaries before it is bytes), and talc is
/// both faster and smaller on WebAssembly; see `bash .ci/bench`.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
