//! Entry point: sets the panic hook and mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(policy_builder::app::App);
}
