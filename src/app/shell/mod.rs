//! What every page shares: the session, the route, the preview, the update
//! banner, the panic screen and shared pieces.

pub mod files;
pub mod panic_screen;
pub mod preview;
pub mod review_notes;
pub mod route;
pub mod session;
pub mod storage_notice;
pub mod update_banner;
