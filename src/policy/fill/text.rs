//! Small text helpers shared by the fill stage and the shell, so that each
//! is written once.

/// `s` with its first character in upper case ("the draft" -> "The draft").
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_character_changes_and_empty_text_stays_empty() {
        assert_eq!(capitalize("the draft was saved"), "The draft was saved");
        assert_eq!(capitalize("élan"), "Élan");
        assert_eq!(capitalize(""), "");
    }
}
