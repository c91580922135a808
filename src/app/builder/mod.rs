//! The builder feature: question pages, check answers, the checks panel,
//! the draft bar and export (with the draft's Word template).

pub mod check_page;
pub mod checks_panel;
pub mod draft_bar;
pub mod export_button;
pub mod library_import;
pub mod policy_language;
pub mod question_field;
pub mod question_page;
pub mod word_template_picker;
