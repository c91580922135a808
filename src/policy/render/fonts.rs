//! Font metrics: the embedded faces, their glyph ids and advance widths.
//!
//! Read once with `ttf-parser`; layout measures text with them and the
//! PDF writer maps characters to glyph ids with them.

use ttf_parser::Face;

use super::page::Style;

/// The embedded regular face (a Liberation Sans subset; see `style/fonts`).
pub const REGULAR: &[u8] = include_bytes!("../../../style/fonts/PolicySans-Regular.ttf");
/// The embedded bold face.
pub const BOLD: &[u8] = include_bytes!("../../../style/fonts/PolicySans-Bold.ttf");

/// The regular and bold faces the policy is set in, with the advance
/// widths of the characters policies use most looked up once.
pub struct Fonts<'a> {
    regular: Face<'a>,
    bold: Face<'a>,
    /// Per face (regular, bold): the advance in font units of each
    /// character that [`table_index`] maps, or [`NO_GLYPH`].
    advances: [Vec<u16>; 2],
    /// Per face: the glyph id of each character that [`table_index`]
    /// maps (0, `.notdef`, where the face lacks it).
    glyphs: [Vec<u16>; 2],
    /// Per face: units per em.
    units_per_em: [f32; 2],
}

/// Marks a character the face has no glyph for.
const NO_GLYPH: u16 = u16::MAX;

/// Where a character's advance is kept: Basic Latin to Latin Extended-A,
/// then general punctuation, the euro sign and the trade mark sign.
fn table_index(c: char) -> Option<usize> {
    match u32::from(c) {
        n @ 0..=0x17F => Some(n as usize),
        n @ 0x2000..=0x212F => Some(0x180 + (n - 0x2000) as usize),
        _ => None,
    }
}

const TABLE_LEN: usize = 0x180 + 0x130;

/// Why a font could not be read.
#[derive(Debug, thiserror::Error)]
#[error("the {face} font could not be read: {reason}")]
pub struct FontError {
    face: &'static str,
    reason: String,
}

impl<'a> Fonts<'a> {
    /// Reads the two faces from TrueType bytes.
    pub fn new(regular: &'a [u8], bold: &'a [u8]) -> Result<Self, FontError> {
        let parse = |bytes, face| {
            Face::parse(bytes, 0).map_err(|e| FontError {
                face,
                reason: e.to_string(),
            })
        };
        let regular = parse(regular, "regular")?;
        let bold = parse(bold, "bold")?;
        let table = |face: &Face<'_>| -> (Vec<u16>, Vec<u16>) {
            let mut advances = vec![NO_GLYPH; TABLE_LEN];
            let mut glyphs = vec![0; TABLE_LEN];
            for n in (0..=0x17F).chain(0x2000..=0x212F) {
                if let (Some(c), Some(i)) = (char::from_u32(n), char::from_u32(n).and_then(table_index)) {
                    if let Some(g) = face.glyph_index(c) {
                        advances[i] = face.glyph_hor_advance(g).unwrap_or(0).min(NO_GLYPH - 1);
                        glyphs[i] = g.0;
                    }
                }
            }
            (advances, glyphs)
        };
        let (regular_advances, regular_glyphs) = table(&regular);
        let (bold_advances, bold_glyphs) = table(&bold);
        Ok(Self {
            advances: [regular_advances, bold_advances],
            glyphs: [regular_glyphs, bold_glyphs],
            units_per_em: [f32::from(regular.units_per_em()), f32::from(bold.units_per_em())],
            regular,
            bold,
        })
    }

    fn face_index(style: Style) -> usize {
        usize::from(style.is_bold())
    }

    fn face(&self, style: Style) -> &Face<'a> {
        if style.is_bold() {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The advance of `c` in font units, or `None` when the face lacks it.
    fn advance(&self, style: Style, c: char) -> Option<u16> {
        match table_index(c) {
            Some(i) => Some(self.advances[Self::face_index(style)][i]).filter(|a| *a != NO_GLYPH),
            None => {
                let face = self.face(style);
                face.glyph_index(c).map(|g| face.glyph_hor_advance(g).unwrap_or(0))
            }
        }
    }

    /// The glyph id of `c` in the face used for `style` (0, `.notdef`,
    /// when the face lacks it: layout has replaced such characters).
    pub fn glyph_id(&self, style: Style, c: char) -> u16 {
        match table_index(c) {
            Some(i) => self.glyphs[Self::face_index(style)][i],
            None => self.face(style).glyph_index(c).map_or(0, |g| g.0),
        }
    }

    /// Whether the face used for `style` has a glyph for `c`.
    pub fn has_glyph(&self, style: Style, c: char) -> bool {
        self.advance(style, c).is_some()
    }

    /// Whether the face used for `style` has a glyph for every character
    /// of `text` (ASCII text is checked byte by byte, with no decoding).
    pub fn has_all(&self, style: Style, text: &str) -> bool {
        if text.is_ascii() {
            let advances = &self.advances[Self::face_index(style)];
            text.bytes().all(|b| advances[usize::from(b)] != NO_GLYPH)
        } else {
            text.chars().all(|c| self.has_glyph(style, c))
        }
    }

    /// The advance width of `text` at `size` points (a character the face
    /// lacks counts as `?`, which is printed in its place).
    pub fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = Self::face_index(style);
        let advances = &self.advances[face];
        let fallback = u32::from(self.advance(style, '?').unwrap_or(0));
        let of = |a: u16| if a == NO_GLYPH { fallback } else { u32::from(a) };
        // Almost all text is ASCII, whose advances are the table's first
        // entries: measured byte by byte, with no decoding.
        let units: u32 = if text.is_ascii() {
            text.bytes().map(|b| of(advances[usize::from(b)])).sum()
        } else {
            text.chars()
                .map(|c| self.advance(style, c).map_or(fallback, u32::from))
                .sum()
        };
        units as f32 * size / self.units_per_em[face]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_as_wide_as_its_characters_and_a_missing_one_as_wide_as_a_question_mark() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        for style in [Style::Regular, Style::Bold] {
            let each = |s: &str| -> f32 { s.chars().map(|c| fonts.width(style, 12.0, &c.to_string())).sum() };
            for text in [
                "Policy, 2.1 (draft)",
                "Saint-\u{c9}loi \u{2013} \u{201c}caf\u{e9}\u{201d}",
            ] {
                assert!((fonts.width(style, 12.0, text) - each(text)).abs() < 1e-3, "{text}");
            }
            assert!(fonts.width(style, 12.0, "W") > fonts.width(style, 12.0, "i"));
            // U+4E00 is not in the fonts, in ASCII text or not.
            assert_eq!(fonts.width(style, 12.0, "\u{4e00}"), fonts.width(style, 12.0, "?"));
            assert_eq!(fonts.width(style, 12.0, "a\u{4e00}"), fonts.width(style, 12.0, "a?"));
        }
    }
}
