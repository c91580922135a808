//! The browser edges: every `web_sys` touch (storage, downloads, focus, the
//! worker client) and no `view!`.

pub mod address;
pub mod clipboard;
pub mod clock;
pub mod content;
pub mod download;
pub mod features;
pub mod file_input;
pub mod focus;
pub mod language;
pub mod panic_screen;
pub mod persistence;
pub mod service_worker;
pub mod signing;
pub mod storage;
pub mod worker_client;
