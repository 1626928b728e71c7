//! Shared pieces of the UI.

pub mod download;
pub mod fields;
pub mod hat_badge;
pub mod header;
pub mod new_product;
pub mod no_product;
pub mod notices;
pub mod page_head;

pub use hat_badge::HatBadge;
pub use header::Header;
pub use new_product::NewProductForm;
pub use no_product::NoProduct;
pub use notices::Notices;
pub use page_head::PageHead;
