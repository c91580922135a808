//! The drafts feature: the list of saved drafts and what can be done with them.

pub mod drafts_page;
