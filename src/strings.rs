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
pub const NAV_SAVED: &str = "Đã lưu";
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
pub const HEADING_SAVED: &str = "Bài đã lưu";
pub const HEADING_KIOSK: &str = "Bảng tin";
pub const HEADING_NOT_FOUND: &str = "Không tìm thấy trang";

// The 404 page.
pub const NOT_FOUND_TEXT: &str =
    "Địa chỉ bạn mở không có trên trang này. Có thể đường dẫn đã cũ hoặc bị gõ nhầm.";
pub const NOT_FOUND_BACK: &str = "Về trang chủ";

// Loading and feed states.
pub const LOADING: &str = "Đang tải…";
pub const RETRY: &str = "Thử lại";
pub const ERROR_NETWORK: &str =
    "Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.";
pub const ERROR_NOT_FOUND: &str = "Không tìm thấy dữ liệu trên máy chủ.";
pub const ERROR_SERVER: &str =
    "Máy chủ đang gặp sự cố, chưa trả về dữ liệu. Xin thử lại sau ít phút.";
pub const ERROR_INVALID: &str = "Dữ liệu nhận được bị lỗi nên chưa thể hiển thị.";
pub const ERROR_TIMEOUT: &str = "Máy chủ không trả lời kịp. Hãy kiểm tra kết nối mạng rồi thử lại.";
pub const ERROR_KEEPING_OLD: &str =
    "Chưa cập nhật được tin mới; đang hiển thị nội dung đã tải trước đó.";

// News.
pub const FEATURED: &str = "Tin nổi bật";
pub const LATEST: &str = "Tin mới";
pub const VIEWS: &str = "Lượt xem";
pub const SEE_ALL: &str = "Xem tất cả";
/// The mark on a story published since the reader's previous visit.
/// The most read stories, ranked by views ("Xem nhiều").
pub const MOST_READ: &str = "Xem nhiều";
pub const NEW_MARK: &str = "Mới";
pub const NEW_SINCE_VISIT: &str = "Tin đăng từ lần bạn ghé thăm trước";
pub const NO_ARTICLES: &str = "Chưa có tin bài nào.";
pub const NEW_DOCUMENTS: &str = "Văn bản mới";
pub const DOWNLOADS: &str = "Lượt tải";
pub const LINKED_WEBSITES: &str = "Website liên kết";
pub const QUICK_LINKS: &str = "Tài liệu";
pub const COUNTER_ONLINE: &str = "Đang truy cập";
pub const COUNTER_TODAY: &str = "Hôm nay";
pub const COUNTER_TOTAL: &str = "Tổng lượt truy cập";
pub const COUNTER_YESTERDAY: &str = "Hôm qua";
pub const COUNTER_WEEK: &str = "Tuần này";
pub const COUNTER_MONTH: &str = "Tháng này";
pub const COUNTER_YEAR: &str = "Năm nay";
pub const VISITORS: &str = "Thống kê truy cập";

// The crash screen, shown by the panic hook instead of a white page.
pub const CRASH_TITLE: &str = "Đã xảy ra lỗi";
pub const CRASH_TEXT: &str =
    "Ứng dụng gặp sự cố ngoài dự kiến và không thể hiển thị trang này. Xin tải lại trang để tiếp tục đọc.";
pub const CRASH_RELOAD: &str = "Tải lại trang";

// The article page.
pub const BREADCRUMB_LABEL: &str = "Đường dẫn";
pub const AUTHOR: &str = "Tác giả";
pub const SOURCE: &str = "Nguồn";
pub const TAGS: &str = "Từ khóa";
pub const RELATED: &str = "Tin liên quan";
pub const NEWER: &str = "Tin mới hơn";
pub const OLDER: &str = "Tin cũ hơn";
pub const READING_TIME: &str = "phút đọc";
pub const UPDATED: &str = "Cập nhật";
pub const TEXT_SIZE: &str = "Cỡ chữ";
pub const TEXT_SMALLER: &str = "Giảm cỡ chữ";
pub const TEXT_RESET: &str = "Cỡ chữ mặc định";
pub const TEXT_LARGER: &str = "Tăng cỡ chữ";
pub const PRINT: &str = "In bài";
pub const SHARE: &str = "Chia sẻ";
/// Sends the story's title and address by e-mail (a `mailto:` link).
pub const SEND_MAIL: &str = "Gửi e-mail";
pub const LINK_COPIED: &str = "Đã sao chép đường dẫn bài viết.";
pub const COPY_FAILED: &str = "Không sao chép được; hãy sao chép địa chỉ trên thanh trình duyệt.";
pub const ARTICLE_NOT_FOUND: &str = "Không tìm thấy bài viết";
pub const ARTICLE_NOT_FOUND_TEXT: &str =
    "Bài viết này không có hoặc đã được gỡ. Mời bạn đọc các tin mới dưới đây.";
pub const BACK_TO_NEWS: &str = "Về trang Tin tức";
pub const TABLE: &str = "Bảng";
pub const ATTACHMENT: &str = "Tệp đính kèm:";
pub const OPEN_DOCUMENT: &str = "Xem văn bản";
pub const WATCH_VIDEO: &str = "Xem video";
pub const PHOTO_CREDIT: &str = "Ảnh:";

// Listening to an article.
pub const LISTEN: &str = "Nghe bài viết";
pub const LISTEN_PLAY: &str = "Đọc từ đầu";
pub const LISTEN_PAUSE: &str = "Tạm dừng";
pub const LISTEN_RESUME: &str = "Nghe tiếp";
pub const LISTEN_PREVIOUS: &str = "Đoạn trước";
pub const LISTEN_NEXT: &str = "Đoạn sau";
pub const LISTEN_STOP: &str = "Dừng đọc";
pub const LISTEN_SPEED: &str = "Tốc độ đọc";
pub const LISTEN_VOICE: &str = "Giọng đọc";
pub const LISTEN_DURATION: &str = "Thời lượng";
pub const LISTEN_RECORDING: &str = "Bản ghi âm bài viết";
/// Followed by "3/12": the part being read, of how many.
pub const LISTEN_READING: &str = "Đang đọc đoạn";
pub const LISTEN_PAUSED: &str = "Đã tạm dừng ở đoạn";
pub const LISTEN_NO_VOICE: &str =
    "Máy này chưa có giọng đọc tiếng Việt, nên chưa đọc được bài này thành tiếng (ứng dụng không đọc tiếng Việt bằng giọng nước ngoài). Có thể cài giọng tiếng Việt trong phần cài đặt chuyển văn bản thành giọng nói của máy.";

// News lists.
pub const LOAD_MORE: &str = "Xem thêm";
pub const LOADING_MORE: &str = "Đang tải thêm…";
pub const NO_MORE: &str = "Đã hiển thị tất cả tin bài.";
pub const TAG_HEADING: &str = "Từ khóa";
pub const LIST_NOT_FOUND: &str = "Chuyên mục này không có hoặc chưa có tin bài.";
pub const STORIES_COUNT: &str = "tin bài";

// Home: today's calendar.
pub const TODAY_CALENDAR: &str = "Lịch công tác hôm nay";
pub const NO_ENTRIES_TODAY: &str = "Hôm nay không có lịch công tác.";
pub const SEE_WEEK: &str = "Xem lịch cả tuần";
pub const CANCELLED: &str = "Hoãn";
/// [`CANCELLED`] in capitals, as a calendar file marks a postponed entry's
/// title (written out: `to_uppercase` would bring Unicode's case tables
/// into the wasm for one word).
pub const CANCELLED_CAPS: &str = "HOÃN";
pub const CHANGED: &str = "Thay đổi";

// The working calendar.
pub const WEEK_PREVIOUS: &str = "‹ Tuần trước";
pub const WEEK_CURRENT: &str = "Tuần này";
pub const WEEK_NEXT: &str = "Tuần sau ›";
pub const WEEK_NAV_LABEL: &str = "Chọn tuần";
pub const WEEK_NOT_PUBLISHED: &str = "Chưa có lịch công tác của tuần này.";
pub const DAY_EMPTY: &str = "Không có lịch.";
pub const TODAY: &str = "Hôm nay";
pub const NOW: &str = "Đang diễn ra";
pub const NEXT: &str = "Sắp diễn ra";
pub const PAST: &str = "Đã diễn ra";
pub const FILTER_LABEL: &str = "Lọc lịch theo người chủ trì, thành phần, địa điểm hoặc nội dung";
pub const FILTER_PLACEHOLDER: &str = "Lọc: tên người, địa điểm, nội dung…";
pub const FILTER_NONE: &str = "Không có mục nào khớp với bộ lọc.";
pub const COL_DAY: &str = "Thứ/Ngày";
pub const COL_TIME: &str = "Thời gian";
pub const COL_CONTENT: &str = "Nội dung";
pub const COL_CHAIR: &str = "Chủ trì";
pub const COL_PARTICIPANTS: &str = "Thành phần";
pub const COL_LOCATION: &str = "Địa điểm";
pub const COL_PREPARING: &str = "Chuẩn bị";
pub const COL_NOTE: &str = "Ghi chú";
pub const ADD_TO_CALENDAR: &str = "Thêm vào lịch";
pub const DOWNLOAD_WEEK: &str = "Tải lịch cả tuần (.ics)";
pub const PRINT_WEEK: &str = "In lịch tuần";
pub const PRINTED_ON: &str = "In ngày";
pub const CANCELLED_LABEL: &str = "Đã hoãn";
pub const CHANGED_LABEL: &str = "Có thay đổi";
pub const SESSION_MORNING: &str = "Sáng";
pub const SESSION_AFTERNOON: &str = "Chiều";
pub const SESSION_EVENING: &str = "Tối";
/// An entry that lasts the whole day (format 1.1 `timing: "all_day"`).
pub const ALL_DAY: &str = "Cả ngày";

// Documents.
pub const STATUS_IN_FORCE: &str = "Còn hiệu lực";
pub const STATUS_EXPIRED: &str = "Hết hiệu lực";
pub const STATUS_NOT_YET: &str = "Chưa có hiệu lực";
pub const DOC_NUMBER: &str = "Số ký hiệu";
pub const DOC_TYPE: &str = "Loại văn bản";
pub const DOC_ISSUER: &str = "Cơ quan ban hành";
pub const DOC_SIGNER: &str = "Người ký";
pub const DOC_ISSUED: &str = "Ngày ban hành";
pub const DOC_EFFECTIVE: &str = "Ngày hiệu lực";
pub const DOC_EXPIRES: &str = "Ngày hết hiệu lực";
pub const DOC_FIELDS: &str = "Lĩnh vực";
pub const DOC_SUMMARY: &str = "Trích yếu";
pub const DOC_STATUS: &str = "Tình trạng";
pub const DOC_FILES: &str = "Tệp đính kèm";
pub const DOC_REPLACES: &str = "Thay thế văn bản";
pub const DOC_REPLACED_BY: &str = "Được thay thế bởi";
pub const DOC_RELATED: &str = "Văn bản liên quan";
pub const DOC_YEAR: &str = "Năm ban hành";
pub const DOC_ALL: &str = "Tất cả";
pub const DOC_FILTER_TEXT: &str = "Tìm theo số ký hiệu hoặc trích yếu";
pub const DOC_FILTER_PLACEHOLDER: &str = "Ví dụ: 112-HD, tuyên truyền…";
pub const DOC_CLEAR_FILTERS: &str = "Bỏ lọc";
pub const DOC_NONE: &str = "Không có văn bản nào khớp với bộ lọc.";
pub const DOC_COUNT: &str = "văn bản";
/// A part of the library index could not be fetched for lack of network
/// (it was not stored for reading offline).
pub const DOC_PART_OFFLINE: &str =
    "Đang ngoại tuyến: phần danh sách văn bản cho bộ lọc này chưa được lưu để đọc ngoại tuyến. Đang hiển thị những gì đã có.";
/// Offline, and the archive index's parts the text filter needs were
/// never fetched on this device.
pub const DOC_TEXT_OFFLINE: &str =
    "Đang ngoại tuyến: các phần cũ hơn của chỉ mục tìm kiếm chưa được lưu trên thiết bị này, nên chưa lọc được văn bản theo từ khóa này. Các bộ lọc khác vẫn dùng được; khi có mạng trở lại, hãy thử lại.";
/// The archive index's parts for the text filter could not be fetched.
pub const DOC_TEXT_FAILED: &str =
    "Không tải được chỉ mục tìm kiếm cho từ khóa này. Các bộ lọc khác vẫn dùng được; hãy thử lại.";
/// The archive index cannot be read: the text filter reads every document.
pub const DOC_TEXT_INDEX_BAD: &str =
    "Không đọc được chỉ mục tìm kiếm văn bản, nên bộ lọc theo từ khóa đang dùng toàn bộ danh sách văn bản (có thể tải lâu hơn).";
/// A part of the library index could not be used (missing or damaged).
pub const DOC_PART_FAILED: &str =
    "Không tải được một phần danh sách văn bản. Đang hiển thị những gì đã có.";
pub const DOC_BANNER_EXPIRED: &str = "Văn bản này đã hết hiệu lực.";
pub const DOC_BANNER_REPLACED: &str = "Văn bản này đã được thay thế bởi:";
pub const DOC_BANNER_NOT_YET: &str = "Văn bản này chưa có hiệu lực.";
pub const DOC_NOT_FOUND: &str = "Không tìm thấy văn bản";
pub const DOC_NOT_FOUND_TEXT: &str = "Văn bản này không có hoặc đã được gỡ khỏi danh mục.";
pub const DOC_BACK: &str = "Về danh mục văn bản";
pub const DOWNLOAD: &str = "Tải về";
pub const OPEN_FILE: &str = "Xem";

// Search.
pub const SEARCH_LABEL: &str = "Tìm kiếm tin bài, văn bản, lịch công tác";
pub const SEARCH_PLACEHOLDER: &str = "Tìm tin, văn bản, lịch…";
pub const SEARCH_BUTTON: &str = "Tìm";
/// Names of the search landmarks, so a screen reader tells them apart.
pub const SEARCH_SITE_LANDMARK: &str = "Tìm kiếm trên toàn trang";
pub const SEARCH_PAGE_LANDMARK: &str = "Ô tìm kiếm của trang kết quả";
pub const DOC_FILTERS_LANDMARK: &str = "Lọc văn bản";
pub const SEARCH_ARTICLES: &str = "Tin bài";
pub const SEARCH_DOCUMENTS: &str = "Văn bản";
pub const SEARCH_ENTRIES: &str = "Lịch công tác";
pub const SEARCH_NONE: &str = "Không tìm thấy kết quả phù hợp.";
pub const SEARCH_HINT: &str = "Gõ từ cần tìm; có thể gõ không dấu, ví dụ \"tuyen giao\".";
pub const SEARCH_RESULTS: &str = "kết quả";
/// A result's kind, on its line of date · kind · category.
pub const SEARCH_ARTICLE: &str = "Tin bài";
pub const SEARCH_DOCUMENT: &str = "Văn bản";
pub const SEARCH_ENTRY: &str = "Lịch công tác";
/// The filters beside the archive's results, each with its counts.
pub const SEARCH_FILTERS_LANDMARK: &str = "Lọc kết quả tìm kiếm";
pub const SEARCH_FILTER_KIND: &str = "Loại";
pub const SEARCH_FILTER_CATEGORY: &str = "Chuyên mục";
pub const SEARCH_FILTER_YEAR: &str = "Năm";
pub const SEARCH_FILTER_ALL: &str = "Tất cả";
/// A calendar entry has no category.
pub const SEARCH_NO_CATEGORY: &str = "Không có chuyên mục";
/// Below a kind's best results: "Xem tất cả 19 kết quả".
pub const SEARCH_ALL_OF_KIND: &str = "Xem tất cả";
pub const SEARCH_PAGES_LANDMARK: &str = "Trang kết quả";
pub const SEARCH_PREVIOUS: &str = "Trang trước";
pub const SEARCH_NEXT: &str = "Trang sau";
/// "Trang 2/5".
pub const SEARCH_PAGE: &str = "Trang";
pub const SEARCH_LOADING: &str = "Đang tìm trong kho lưu trữ…";
pub const SEARCH_LOADING_MORE: &str = "Đang tải thêm kết quả…";
/// Common words the archive search left out ("các, của").
pub const SEARCH_SKIPPED: &str = "Bỏ qua các từ quá phổ biến:";
/// Offline, and the parts of the archive the query needs were never fetched.
pub const SEARCH_NOT_STORED: &str =
    "Các phần cũ hơn của kho lưu trữ chưa được lưu trên thiết bị này, nên kết quả có thể chưa đầy đủ. Khi có mạng trở lại, hãy tìm lại.";
/// The archive's root or a part of it cannot be read.
pub const SEARCH_ARCHIVE_BAD: &str =
    "Không đọc được chỉ mục tìm kiếm của kho lưu trữ. Kết quả dưới đây chỉ gồm nội dung đã tải về máy.";

// Offline reading, updates and installing.
pub const NAV_OFFLINE: &str = "Ngoại tuyến";
pub const HEADING_OFFLINE: &str = "Đọc ngoại tuyến";
/// Followed by the time the stored feed was fetched ("08:05 23/11").
pub const OFFLINE_BANNER: &str = "Đang ngoại tuyến — nội dung cập nhật lúc";
pub const OFFLINE_BANNER_UNKNOWN: &str = "Đang ngoại tuyến — đang hiển thị nội dung đã lưu";
pub const UPDATE_READY: &str = "Đã có phiên bản mới";
pub const UPDATE_RELOAD: &str = "Tải lại";
pub const ARTICLE_NOT_STORED: &str = "Bài viết này chưa được lưu để đọc ngoại tuyến";
pub const ARTICLE_NOT_STORED_TEXT: &str =
    "Máy đang không có mạng và bài này chưa có trong bộ nhớ. Khi có mạng trở lại, bài sẽ tự mở được. Trong lúc chờ, bạn có thể đọc các bài đã lưu:";
pub const ARTICLE_NOT_STORED_NONE: &str = "Chưa có bài nào được lưu trên máy này.";
pub const OFFLINE_INTRO: &str =
    "Sau lần mở đầu tiên, ứng dụng tự lưu trang chủ, 30 bài mới nhất kèm ảnh, lịch công tác tuần trước, tuần này, tuần sau và danh mục văn bản, để đọc được cả khi không có mạng.";
pub const OFFLINE_NOT_SUPPORTED: &str =
    "Trình duyệt này không cho phép lưu để đọc ngoại tuyến (hoặc đang ở chế độ riêng tư).";
pub const OFFLINE_STATUS_STORING: &str = "Đang lưu nội dung…";
pub const OFFLINE_STATUS_DONE: &str = "Đã lưu xong nội dung để đọc ngoại tuyến.";
pub const OFFLINE_STATUS_IDLE: &str = "Chưa lưu nội dung nào trong lần mở này.";
pub const OFFLINE_STORED: &str = "Đã lưu trên máy này";
pub const OFFLINE_APP_FILES: &str = "Tệp của ứng dụng";
pub const OFFLINE_ARTICLES: &str = "Bài viết";
pub const OFFLINE_WEEKS: &str = "Tuần lịch công tác";
pub const OFFLINE_DOCUMENTS: &str = "Tệp danh mục văn bản";
pub const OFFLINE_OTHER: &str = "Tệp dữ liệu khác";
pub const OFFLINE_IMAGES: &str = "Ảnh";
pub const OFFLINE_SAVED: &str = "Tệp văn bản bạn đã lưu";
pub const OFFLINE_SIZE: &str = "Dung lượng đang dùng";
pub const OFFLINE_STORE_NOW: &str = "Lưu lại ngay";
pub const OFFLINE_CLEAR: &str = "Xoá nội dung đã lưu";
pub const OFFLINE_CLEARED: &str = "Đã xoá nội dung đã lưu. Ứng dụng vẫn mở được khi không có mạng.";
pub const OFFLINE_RELEASE: &str = "Phiên bản";
/// Saves a story with its pictures for reading offline (a toggle: pressed
/// while saved).
pub const SAVE_ARTICLE: &str = "Lưu bài";
pub const SAVE_FAILED: &str = "Không lưu được bài (máy hết chỗ lưu hoặc không có mạng).";
pub const SAVED_INTRO: &str =
    "Các bài bạn lưu được giữ trên máy này cùng ảnh của bài, đọc được cả khi không có mạng, cho đến khi bạn bỏ lưu (bấm lại nút \"Lưu bài\").";
pub const SAVED_NONE: &str =
    "Chưa có bài nào được lưu. Bấm \"Lưu bài\" ở một bài viết hoặc một tin để đọc lại sau, kể cả khi không có mạng.";
pub const DOC_SAVE: &str = "Lưu để đọc ngoại tuyến";
pub const DOC_SAVED: &str = "Đã lưu để đọc ngoại tuyến";
pub const DOC_UNSAVE: &str = "Bỏ lưu";
pub const DOC_SAVE_FAILED: &str = "Không lưu được văn bản (máy hết chỗ lưu hoặc không có mạng).";
pub const DOC_FROM_LIST: &str =
    "Đang không có mạng: đây là thông tin văn bản trong danh mục đã lưu.";

// The kiosk screen.
pub const KIOSK_TOMORROW: &str = "Ngày mai";
pub const KIOSK_NO_ENTRIES: &str = "Không có lịch công tác.";
pub const KIOSK_QR_CAPTION: &str = "Quét mã để đọc tiếp trên điện thoại";
pub const KIOSK_QR_LABEL: &str = "Mã QR dẫn tới bài viết";
pub const KIOSK_TAP_HINT: &str = "Chạm vào tin để đọc";
pub const KIOSK_BACK: &str = "Quay lại bảng tin";
/// Followed by "HH:MM".
pub const KIOSK_UPDATED: &str = "Cập nhật lúc";
pub const KIOSK_OFFLINE: &str = "không có mạng";
pub const KIOSK_STORY: &str = "Tin";
pub const KIOSK_NO_STORIES: &str = "Chưa có tin để hiển thị.";
