//! The review feature: a reviewer reading a draft file offline, commenting
//! and deciding section by section.

pub mod review_page;
