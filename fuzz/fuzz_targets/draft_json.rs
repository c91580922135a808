//! Reading a stored draft from arbitrary text: a draft, or an error the
//! app shows; and every draft it reads survives being saved and read again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_builder::policy::files::draft::StoredDraft;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The id of the storage key, which schema 1 drafts take as their own.
    if let Ok(draft) = StoredDraft::parse(text, "k3j2h1") {
        let again = StoredDraft::parse(&draft.to_json(), &draft.id);
        assert_eq!(again.as_ref(), Ok(&draft), "a saved draft reads back the same");
    }
});
