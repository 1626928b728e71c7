//! Shared pieces of the UI.

pub mod add_line;
pub mod dialog;
pub mod download;
pub mod enum_select;
pub mod fields;
pub mod hat_badge;
pub mod header;
pub mod import_report;
pub mod lazy_dialog;
pub mod more_rows;
pub mod new_product;
pub mod no_product;
pub mod notices;
pub mod page_head;
pub mod page_slot;
pub mod palette;
pub mod shortcuts;
pub mod storage_full;
pub mod theme_toggle;

pub use add_line::AddLine;
pub use enum_select::{EnumSelect, Layout, OptionSelect};
pub use hat_badge::HatBadge;
pub use header::Header;
pub use import_report::{LeftOutReport, LostReport};
pub use more_rows::MoreRows;
pub use new_product::NewProductForm;
pub use no_product::NoProduct;
pub use notices::Notices;
pub use page_head::PageHead;
pub use page_slot::PageSlot;
pub use palette::CommandPalette;
pub use shortcuts::ShortcutsOverlay;
pub use theme_toggle::ThemeToggle;
