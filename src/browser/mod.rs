//! The browser side: everything that talks to the page's world outside the
//! pure logic: the deployment settings in index.html, fetching feed files,
//! the app-wide state, the clock, the service worker and what it stores.
//! No components here; the UI reads this layer's state and calls its
//! functions.

pub mod api;
pub mod clock;
pub mod dom;
pub mod pwa;
