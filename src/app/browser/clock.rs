//! The browser's clock, read here so that nothing above `browser/` calls
//! into JavaScript for the time.

/// Milliseconds since the Unix epoch, as the browser's clock says.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
