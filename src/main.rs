//! Entry point: sets the panic hook and mounts the app.

use policy_builder::app::{panic_screen, App};

fn main() {
    panic_screen::install();
    leptos::mount::mount_to_body(App);
    // Support and the browser tests open the app at `#selftest-panic` to
    // see the error screen; it panics only once the app is on the page.
    panic_screen::selftest();
}
