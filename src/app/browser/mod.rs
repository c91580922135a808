//! The browser edges: every `web_sys` touch (storage, downloads, focus, the
//! worker client) and no `view!`.

pub mod download;
pub mod features;
pub mod focus;
pub mod persistence;
pub mod signing;
pub mod storage;
pub mod worker_client;
