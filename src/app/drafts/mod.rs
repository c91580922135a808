//! The drafts feature: the list of saved drafts and what can be done with
//! them, keeping them safe (backup, restore, persistence, space), and
//! what the signatures of an imported review say.

pub mod drafts_page;
pub mod safekeeping;
pub mod signatures;
