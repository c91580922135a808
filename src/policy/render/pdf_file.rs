//! The last step of PDF writing: lopdf's object model, as printpdf made it
//! and [`super::pdf`] and [`super::tagged`] completed it, to the bytes of
//! the file.
//!
//! The file keeps the layout lopdf's own `save_with_options` gives it with
//! object streams and a cross-reference stream: the streams (content,
//! fonts, XMP) as plain indirect objects, every other object packed into a
//! compressed object stream, and a cross-reference stream at the end. This
//! module writes that layout itself because lopdf's version cloned every
//! object and serialised each one three times (once to measure it, twice
//! to write it), through a formatter for every number and name byte: about
//! 3 of the 6 ms the tagged PDF of the longest sample took natively, the
//! structure tree having added some 600 small objects.

use std::fmt::Write as _;

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Dictionary, Object, StringFormat};

/// Why the file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A stream could not be compressed.
    #[error("a stream could not be compressed ({0})")]
    Compress(#[from] flate2::CompressError),
    /// The file is larger than a cross-reference offset can say.
    #[error("the file is too large for its cross-reference table")]
    TooLarge,
    /// The object stream has more objects than an index can say.
    #[error("too many objects for one object stream")]
    TooManyObjects,
}

/// A zlib compressor at level 1 whose buffers serve every stream of a
/// file: a new compressor for each page allocated and cleared its window
/// and hash tables (some 200 KB) again, a fifth of the time compression
/// took.
pub(super) struct Deflater {
    compress: Compress,
}

impl Deflater {
    pub(super) fn new() -> Self {
        Self {
            compress: Compress::new(Compression::new(1), true),
        }
    }

    /// `bytes` compressed, with the zlib header `FlateDecode` reads.
    pub(super) fn deflate(&mut self, bytes: &[u8]) -> Result<Vec<u8>, FileError> {
        self.compress.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let read = usize::try_from(self.compress.total_in()).unwrap_or(bytes.len());
            let rest = bytes.get(read..).unwrap_or_default();
            match self.compress.compress_vec(rest, &mut out, FlushCompress::Finish)? {
                Status::StreamEnd => return Ok(out),
                // Out of room: the compressor writes only into spare capacity.
                Status::Ok | Status::BufError => out.reserve(out.capacity().max(64)),
            }
        }
    }
}

/// Objects written straight in PDF syntax rather than built as lopdf
/// objects first: the structure tree's elements, some 600 small
/// dictionaries whose building (a hashed map each, with its allocations)
/// and dropping cost more than writing them. [`save`] packs them into the
/// object stream with the others.
#[derive(Debug, Default)]
pub(super) struct Written {
    /// Each object's number and where its text ends in `bytes`.
    objects: Vec<(u32, usize)>,
    bytes: Vec<u8>,
}

impl Written {
    /// Adds object `id`, which `write` writes as one dictionary.
    pub(super) fn dictionary(&mut self, id: u32, write: impl FnOnce(&mut Syntax<'_>)) {
        self.bytes.extend_from_slice(b"<<");
        write(&mut Syntax { out: &mut self.bytes });
        self.bytes.extend_from_slice(b">>");
        self.objects.push((id, self.bytes.len()));
    }

    /// Each object's number and text, in the order they were added.
    fn each(&self) -> impl Iterator<Item = (u32, &[u8])> {
        let mut start = 0;
        self.objects.iter().map(move |&(id, end)| {
            let text = self.bytes.get(start..end).unwrap_or_default();
            start = end;
            (id, text)
        })
    }
}

/// The entries of a dictionary (or the items of an array) being written,
/// spaced as [`write_object`] spaces them, so that a written object reads
/// byte for byte as the lopdf object it replaces would have.
pub(super) struct Syntax<'o> {
    out: &'o mut Vec<u8>,
}

impl Syntax<'_> {
    /// A key whose value is a name.
    pub(super) fn name(&mut self, key: &[u8], value: &[u8]) {
        write_name(self.out, key);
        write_name(self.out, value);
    }

    /// A key whose value is a reference to object `id` (generation 0).
    pub(super) fn reference(&mut self, key: &[u8], id: u32) {
        write_name(self.out, key);
        self.out.push(b' ');
        write_reference(self.out, id);
    }

    /// A key whose value is an integer.
    pub(super) fn integer(&mut self, key: &[u8], value: i64) {
        write_entry(self.out, key, &Object::Integer(value));
    }

    /// A key with any lopdf object as its value.
    pub(super) fn object(&mut self, key: &[u8], value: &Object) {
        write_entry(self.out, key, value);
    }

    /// A key whose value is a dictionary that `write` writes.
    pub(super) fn dictionary(&mut self, key: &[u8], write: impl FnOnce(&mut Syntax<'_>)) {
        write_name(self.out, key);
        self.out.extend_from_slice(b"<<");
        write(&mut Syntax { out: self.out });
        self.out.extend_from_slice(b">>");
    }

    /// A key whose value is an array of `items`, each written by `write`
    /// (bare tokens, such as numbers and references, say so to be spaced).
    pub(super) fn array<T>(&mut self, key: &[u8], items: &[T], write: impl Fn(&mut Item<'_>, &T)) {
        write_name(self.out, key);
        self.out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            write(
                &mut Item {
                    out: self.out,
                    first: i == 0,
                },
                item,
            );
        }
        self.out.push(b']');
    }

    /// A key whose value is one bare token written by `write`.
    pub(super) fn token(&mut self, key: &[u8], write: impl FnOnce(&mut Item<'_>)) {
        write_name(self.out, key);
        write(&mut Item {
            out: self.out,
            first: false,
        });
    }
}

/// One item of an array being written (or one bare value of a key).
pub(super) struct Item<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl Item<'_> {
    /// A reference to object `id` (generation 0).
    pub(super) fn reference(&mut self, id: u32) {
        if !self.first {
            self.out.push(b' ');
        }
        write_reference(self.out, id);
    }

    /// An integer.
    pub(super) fn integer(&mut self, value: i64) {
        if !self.first {
            self.out.push(b' ');
        }
        write_object(self.out, &Object::Integer(value));
    }

    /// A dictionary that `write` writes.
    pub(super) fn dictionary(&mut self, write: impl FnOnce(&mut Syntax<'_>)) {
        self.out.extend_from_slice(b"<<");
        write(&mut Syntax { out: self.out });
        self.out.extend_from_slice(b">>");
    }
}

/// Appends `id 0 R`.
fn write_reference(out: &mut Vec<u8>, id: u32) {
    push_uint(out, u64::from(id));
    out.extend_from_slice(b" 0 R");
}

/// Where the cross-reference stream says an object is.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// At this byte offset of the file.
    Direct(u32),
    /// At this index of the object stream.
    Packed(u16),
}

/// Writes `lo` as a PDF file: its version, the streams as indirect
/// objects, the other objects of generation 0 in one object stream
/// compressed at level 1 (with the `written` ones after them), and a
/// cross-reference stream whose trailer carries lopdf's trailer entries
/// (root, info, identifier). The numbers of the `written` objects are
/// numbers `lo` gave out and holds no object under.
pub(super) fn save(
    lo: &lopdf::Document,
    written: &Written,
    deflater: &mut Deflater,
    out: &mut Vec<u8>,
) -> Result<(), FileError> {
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(lo.version.as_bytes());
    // A comment of bytes above 127 tells transfer programs the file is
    // binary (ISO 32000-1, 7.5.2).
    out.extend_from_slice(b"\n%\xBB\xAD\xC0\xDE\n");

    // Objects of generation 0 other than streams go in the object stream
    // (ISO 32000-1, 7.5.7); there is no encryption dictionary to keep out.
    let mut packed_ids = Vec::new();
    let mut packed = Vec::with_capacity(64 * 1024);
    let mut offsets = Vec::with_capacity(8 * 1024);
    let mut entries: Vec<(u32, Entry)> = Vec::with_capacity(lo.objects.len() + 2);
    // In order of object number, the written objects among lopdf's.
    let mut written = written.each().peekable();
    // Adds object `id` to the object stream, its text written by `write`.
    let mut pack = |entries: &mut Vec<(u32, Entry)>, id: u32, write: &dyn Fn(&mut Vec<u8>)| {
        let index = u16::try_from(packed_ids.len()).map_err(|_| FileError::TooManyObjects)?;
        entries.push((id, Entry::Packed(index)));
        packed_ids.push(id);
        push_uint(&mut offsets, u64::from(id));
        offsets.push(b' ');
        push_uint(&mut offsets, packed.len() as u64);
        offsets.push(b' ');
        write(&mut packed);
        packed.push(b'\n');
        Ok::<(), FileError>(())
    };
    for (&(id, generation), object) in &lo.objects {
        while let Some((before, text)) = written.next_if(|(w, _)| *w < id) {
            pack(&mut entries, before, &|out| out.extend_from_slice(text))?;
        }
        if generation == 0 && !matches!(object, Object::Stream(_)) {
            pack(&mut entries, id, &|out| write_object(out, object))?;
            continue;
        }
        let offset = u32::try_from(out.len()).map_err(|_| FileError::TooLarge)?;
        entries.push((id, Entry::Direct(offset)));
        begin_object(out, id, generation);
        write_object(out, object);
        out.extend_from_slice(b"\nendobj\n");
    }
    for (id, text) in written {
        pack(&mut entries, id, &|out| out.extend_from_slice(text))?;
    }

    // Object numbers after lopdf's last one: the object stream, then the
    // cross-reference stream.
    let stream_id = lo.max_id + 1;
    let xref_id = lo.max_id + 2;
    if !packed_ids.is_empty() {
        let mut raw = Vec::with_capacity(offsets.len() + packed.len());
        raw.extend_from_slice(&offsets);
        raw.extend_from_slice(&packed);
        let content = deflater.deflate(&raw)?;
        let offset = u32::try_from(out.len()).map_err(|_| FileError::TooLarge)?;
        entries.push((stream_id, Entry::Direct(offset)));
        begin_object(out, stream_id, 0);
        out.extend_from_slice(b"<</Type/ObjStm/N ");
        push_uint(out, packed_ids.len() as u64);
        out.extend_from_slice(b"/First ");
        push_uint(out, offsets.len() as u64);
        out.extend_from_slice(b"/Filter/FlateDecode/Length ");
        push_uint(out, content.len() as u64);
        out.extend_from_slice(b">>stream\n");
        out.extend_from_slice(&content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    let xref_start = u32::try_from(out.len()).map_err(|_| FileError::TooLarge)?;
    entries.push((xref_id, Entry::Direct(xref_start)));
    entries.sort_unstable_by_key(|(id, _)| *id);
    // One subsection for each run of consecutive object numbers, as the
    // `Index` array lists them; each entry is [type, field, field] in 1, 4
    // and 2 bytes.
    let mut index = Vec::new();
    let mut table = Vec::with_capacity(entries.len() * 7);
    let mut run: Option<(u32, u32)> = None;
    for (id, entry) in &entries {
        run = match run {
            Some((start, len)) if start + len == *id => Some((start, len + 1)),
            Some(done) => {
                index.push(done);
                Some((*id, 1))
            }
            None => Some((*id, 1)),
        };
        match entry {
            Entry::Direct(offset) => {
                table.push(1);
                table.extend_from_slice(&offset.to_be_bytes());
                table.extend_from_slice(&0u16.to_be_bytes());
            }
            Entry::Packed(i) => {
                table.push(2);
                table.extend_from_slice(&stream_id.to_be_bytes());
                table.extend_from_slice(&i.to_be_bytes());
            }
        }
    }
    index.extend(run);
    begin_object(out, xref_id, 0);
    out.extend_from_slice(b"<<");
    for (key, value) in &lo.trailer {
        if matches!(
            key.as_slice(),
            b"Type" | b"Size" | b"W" | b"Index" | b"Length" | b"Filter" | b"DecodeParms" | b"Prev" | b"XRefStm"
        ) {
            continue;
        }
        write_entry(out, key, value);
    }
    out.extend_from_slice(b"/Type/XRef/Size ");
    push_uint(out, u64::from(xref_id) + 1);
    out.extend_from_slice(b"/W[1 4 2]/Index[");
    for (i, (start, len)) in index.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        push_uint(out, u64::from(*start));
        out.push(b' ');
        push_uint(out, u64::from(*len));
    }
    out.extend_from_slice(b"]/Length ");
    push_uint(out, table.len() as u64);
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(&table);
    out.extend_from_slice(b"\nendstream\nendobj\nstartxref\n");
    push_uint(out, u64::from(xref_start));
    out.extend_from_slice(b"\n%%EOF");
    Ok(())
}

fn begin_object(out: &mut Vec<u8>, id: u32, generation: u16) {
    push_uint(out, u64::from(id));
    out.push(b' ');
    push_uint(out, u64::from(generation));
    out.extend_from_slice(b" obj\n");
}

/// Appends a non-negative integer in decimal (also for the content
/// streams `pdf.rs` writes).
pub(crate) fn push_uint(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Whether an object is a bare token (a number, a keyword or a reference)
/// that must be kept apart from what comes before it. Names, strings,
/// arrays and dictionaries begin with their own delimiter.
fn needs_space(object: &Object) -> bool {
    matches!(
        object,
        Object::Null | Object::Boolean(_) | Object::Integer(_) | Object::Real(_) | Object::Reference(_)
    )
}

fn write_entry(out: &mut Vec<u8>, key: &[u8], value: &Object) {
    write_name(out, key);
    if needs_space(value) {
        out.push(b' ');
    }
    write_object(out, value);
}

fn write_dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        write_entry(out, key, value);
    }
    out.extend_from_slice(b">>");
}

/// Appends one object in PDF syntax (ISO 32000-1, 7.3).
fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(n) => {
            if *n < 0 {
                out.push(b'-');
            }
            push_uint(out, n.unsigned_abs());
        }
        Object::Real(v) => {
            // As lopdf writes reals: Rust's shortest decimal, which never
            // uses an exponent. Writing to a Vec cannot fail.
            let mut s = String::new();
            let _ = write!(s, "{v}");
            out.extend_from_slice(s.as_bytes());
        }
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for &byte in bytes {
                match byte {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    _ => out.push(byte),
                }
            }
            out.push(b')');
        }
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for &byte in bytes {
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0x0F)]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space(item) {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict),
        Object::Stream(stream) => {
            // The length is the content's, whatever the dictionary said.
            out.extend_from_slice(b"<<");
            for (key, value) in &stream.dict {
                if key.as_slice() != b"Length" {
                    write_entry(out, key, value);
                }
            }
            out.extend_from_slice(b"/Length ");
            push_uint(out, stream.content.len() as u64);
            out.extend_from_slice(b">>stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            push_uint(out, u64::from(*id));
            out.push(b' ');
            push_uint(out, u64::from(*generation));
            out.extend_from_slice(b" R");
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Appends a name, with `#` and two hex digits for any byte outside `!`
/// to `~` and for the delimiters (ISO 32000-1, 7.3.5).
fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if !(b'!'..=b'~').contains(&byte) || b"()<>[]{}/%#".contains(&byte) {
            out.push(b'#');
            out.push(HEX[usize::from(byte >> 4)]);
            out.push(HEX[usize::from(byte & 0x0F)]);
        } else {
            out.push(byte);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn written(object: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, object);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn objects_are_written_in_pdf_syntax_with_the_spaces_tokens_need() {
        let dict = dictionary! {
            "Type" => "Annot",
            "Count" => -3,
            "Rect" => vec![Object::Real(1.5), 2.into(), Object::Reference((7, 0))],
            "Kids" => vec![Object::Name(b"A".to_vec()), 1.into(), Object::Null, true.into()],
            "Contents" => Object::string_literal("a (b) \\ c\r"),
            "Alt" => Object::String(vec![0xFE, 0xFF, 0, b'A'], StringFormat::Hexadecimal),
        };
        assert_eq!(
            written(&Object::Dictionary(dict)),
            "<</Type/Annot/Count -3/Rect[1.5 2 7 0 R]/Kids[/A 1 null true]\
             /Contents(a \\(b\\) \\\\ c\\r)/Alt<FEFF0041>>>"
        );
        assert_eq!(written(&Object::Name(b"A B#(".to_vec())), "/A#20B#23#28");
    }

    #[test]
    fn the_compressor_gives_back_what_it_was_given_each_time_it_is_reused() {
        let mut deflater = Deflater::new();
        let big: Vec<u8> = (0..200_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        for input in [b"BT /F1 12 Tf (Hello) Tj ET".to_vec(), big, Vec::new()] {
            let packed = deflater.deflate(&input).expect("it compresses");
            let mut unpacked = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(packed.as_slice()), &mut unpacked)
                .expect("it decompresses");
            assert_eq!(unpacked, input);
        }
    }

    #[test]
    fn a_saved_document_reads_back_through_its_object_and_cross_reference_streams() {
        let mut lo = lopdf::Document::with_version("1.7");
        let pages = lo.new_object_id();
        let content = lo.add_object(lopdf::Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let page = lo.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages,
            "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        lo.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
            }),
        );
        let catalog = lo
            .add_object(dictionary! { "Type" => "Catalog", "Pages" => pages, "Lang" => Object::string_literal("en") });
        lo.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        save(&lo, &Written::default(), &mut Deflater::new(), &mut bytes).expect("the file is written");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF-1.7\n"), "{text}");
        assert!(text.contains("/Type/ObjStm"), "{text}");
        assert!(text.contains("/Type/XRef"), "{text}");

        let read = lopdf::Document::load_mem(&bytes).expect("lopdf reads it back");
        assert_eq!(read.get_pages().len(), 1);
        let catalog = read.catalog().expect("a catalog");
        assert_eq!(
            catalog.get(b"Lang").and_then(Object::as_str).expect("a language"),
            b"en"
        );
        let page = read.get_pages().into_values().next().expect("a page");
        assert_eq!(read.get_page_content(page).trim_ascii_end(), b"BT ET");
    }
}
