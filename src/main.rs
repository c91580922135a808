//! Entry point: sets the panic hook, fetches the interface's words when
//! they are not built in (French), and mounts the app.

use policy_builder::app::{panic_screen, prepare_language, App};

fn main() {
    panic_screen::install();
    // The loading note stays on the page while French is fetched, so that a
    // French visit opens in French; English opens at once.
    wasm_bindgen_futures::spawn_local(async {
        prepare_language().await;
        leptos::mount::mount_to_body(App);
        // Support and the browser tests open the app at `#selftest-panic`
        // to see the error screen; it panics only once the app is on the
        // page.
        panic_screen::selftest();
    });
}
