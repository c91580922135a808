//! The drafts feature: the list of saved drafts and what can be done with
//! them, and keeping them safe (backup, restore, persistence, space).

pub mod drafts_page;
pub mod safekeeping;
