//! Every piece of text the reader sees, in one place. All of it is
//! Vietnamese; names in code stay English.

/// The product's name, shown until the feed supplies the site's own name.
pub const APP_NAME: &str = "Bản tin";
pub const APP_TAGLINE: &str = "Tin tức, lịch công tác và văn bản";

// Navigation and layout.
pub const SKIP_TO_CONTENT: &str = "Bỏ qua, đến nội dung chính";
pub const MENU: &str = "Danh mục";
pub const MENU_OPEN: &str = "Mở danh mục";
pub const MENU_CLOSE: &str = "Đóng danh mục";
pub const MAIN_NAV_LABEL: &str = "Điều hướng chính";
pub const NAV_HOME: &str = "Trang chủ";
pub const NAV_NEWS: &str = "Tin tức";
pub const NAV_CALENDAR: &str = "Lịch công tác";
pub const NAV_DOCUMENTS: &str = "Văn bản";
pub const NAV_SEARCH: &str = "Tìm kiếm";
pub const NAV_KIOSK: &str = "Màn hình kiosk";
pub const FOOTER_ABOUT: &str =
    "Trang đọc tin nhanh, dùng được cả khi không có mạng, cho cổng thông tin của ban tuyên giáo.";
pub const FOOTER_SOURCE_NOTE: &str = "Nội dung do cơ quan chủ quản cung cấp qua nguồn dữ liệu.";

// Page headings.
pub const HEADING_HOME: &str = "Tin mới nhất";
pub const HEADING_NEWS: &str = "Tin tức";
pub const HEADING_ARTICLE: &str = "Bài viết";
pub const HEADING_CALENDAR: &str = "Lịch công tác";
pub const HEADING_DOCUMENTS: &str = "Văn bản";
pub const HEADING_DOCUMENT: &str = "Chi tiết văn bản";
pub const HEADING_SEARCH: &str = "Tìm kiếm";
pub const HEADING_KIOSK: &str = "Bảng tin";
pub const HEADING_NOT_FOUND: &str = "Không tìm thấy trang";

// The 404 page.
pub const NOT_FOUND_TEXT: &str =
    "Địa chỉ bạn mở không có trên trang này. Có thể đường dẫn đã cũ hoặc bị gõ nhầm.";
pub const NOT_FOUND_BACK: &str = "Về trang chủ";

// Loading and feed states.
pub const LOADING: &str = "Đang tải…";

// The crash screen, shown by the panic hook instead of a white page.
pub const CRASH_TITLE: &str = "Đã xảy ra lỗi";
pub const CRASH_TEXT: &str =
    "Ứng dụng gặp sự cố ngoài dự kiến và không thể hiển thị trang này. Xin tải lại trang để tiếp tục đọc.";
pub const CRASH_RELOAD: &str = "Tải lại trang";
