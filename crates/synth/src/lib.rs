//! A synthetic portal of any size, for tests and benchmarks
//! (`bantin-feed gen --articles N --seed S --out DIR`).
//!
//! [`generate`] builds the whole content of a feed from three inputs: how
//! many articles, a seed and "today" (a date in Vietnam time). The same
//! inputs give byte-identical output on every machine: the module has its
//! own PRNG (xoshiro256**, seeded through SplitMix64), does its calendar
//! arithmetic in whole days and minutes (through [`bantin_format::datetime`]), uses
//! no floating point, and reads no clock, file or environment. Writing the
//! files is the caller's job.
//!
//! The text is Vietnamese, put together from phrase templates written for
//! this project (no sentence is copied from a real portal). The province,
//! the people and the documents are made up; `site.description` says that
//! the data is synthetic. Links to outside sites use the reserved
//! `.example` / `example.org` names, except `site.linked_websites`, which
//! are the real national portals a provincial site links to.
//!
//! What comes out, for `generate(n, seed, today)`:
//! - 8 categories (`c1`..`c8`), a site with linked websites, quick links
//!   (app paths such as `/van-ban/{id}`) and visitor counters;
//! - `n` articles `a{k}` (`a{n}` is the newest), newest first, several a
//!   day going back from `today` 06:59, every one with a unique slug
//!   (`{words of the title}-a{k}`); most have a cover `media/cover-{0..8}.svg`;
//! - `clamp(n / 100, 3, 260)` consecutive ISO weeks of the working
//!   calendar, oldest first, the last one being the week after today's;
//! - `max(20, n / 5)` documents, newest first, with party numbers
//!   (`112-HD/BTGTU`) and state ones (`1234/QĐ-UBND`);
//! - `files`: the SVG images (`media/…`) and the document files
//!   (`files/mau-{0..4}.pdf`, `files/mau.txt`) that all of the above point at.
//!
//! `word_count` is the body's count as the app itself makes it
//! ([`Article::word_count`]), so the stated and the computed counts agree.

use std::collections::{HashMap, HashSet};

use bantin_format::datetime::{days_from_civil, Date, DateTime, VIETNAM_OFFSET_SECS};
use bantin_format::display;
use bantin_format::model::*;
use bantin_format::pack::Content;
use bantin_format::text;

/// A whole synthetic feed, ready to be written out: the content (articles
/// newest first, weeks oldest first, documents newest first, 5 featured
/// ids with covers) and the media and document files it refers to.
pub struct Synthetic {
    pub content: Content,
    /// Relative path inside the feed directory -> bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Generates a feed of `articles` articles.
///
/// `today` is a date "YYYY-MM-DD" (Vietnam time); everything is dated on or
/// before it (articles before `generated_at`, today 07:00), except calendar
/// weeks, which run to the week after today's, and the effective date of a
/// few recent documents. The same `(articles, seed, today)` always gives the
/// same output; another seed gives other content.
///
/// # Panics
/// If `today` is not a valid date "YYYY-MM-DD" with a year from 1900 to 9998.
pub fn generate(articles: usize, seed: u64, today: &str) -> Synthetic {
    let today_day = Date::parse(today)
        .filter(|d| (1900..=9998).contains(&d.year))
        .map(Date::days)
        .unwrap_or_else(|| {
            panic!(
                "synth::generate: `today` must be a date \"YYYY-MM-DD\" (years 1900-9998), got {today:?}"
            )
        });
    let gen_at = today_day * MIN_PER_DAY + 7 * 60;

    let mut rng = Rng::new(seed, 1);
    let world = World::new(&mut rng, seed);

    let mut files = media_files();
    let doc_files = document_files();

    let doc_count = (articles / 5).max(20);
    let (documents, doc_meta) = make_documents(
        &mut Rng::new(seed, 2),
        &world,
        doc_count,
        today_day,
        &doc_files,
    );
    files.extend(doc_files);

    let articles = make_articles(
        &mut Rng::new(seed, 3),
        &world,
        articles,
        gen_at,
        &documents,
        &doc_meta,
    );
    let weeks_count = (articles.len() / 100).clamp(3, 260);
    let weeks = make_calendar(
        &mut Rng::new(seed, 4),
        &world,
        weeks_count,
        today_day,
        gen_at,
        &documents,
        &doc_meta,
    );

    let featured = articles
        .iter()
        .filter(|a| a.summary.cover.is_some())
        .take(5)
        .map(|a| a.summary.id.clone())
        .collect();
    let site = make_site(&mut rng, &world, &articles, &documents, &doc_meta);

    Synthetic {
        content: Content {
            generated_at: fmt_dt(gen_at),
            site,
            categories: categories(),
            featured,
            articles,
            weeks,
            documents,
        },
        files,
    }
}

// ------------------------------------------------------------------ the PRNG

/// xoshiro256** seeded through SplitMix64; one independent stream per part
/// of the feed, so that e.g. the calendar does not change with the number of
/// documents.
#[derive(Clone)]
struct Rng {
    s: [u64; 4],
}

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut x = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let s = [
            splitmix64(&mut x),
            splitmix64(&mut x),
            splitmix64(&mut x),
            splitmix64(&mut x),
        ];
        Rng { s }
    }

    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ------------------------------------------------------------------- dates

// Days are day numbers (days since 1970-01-01, as [`Date::days`] counts
// them) and times are minutes since 1970-01-01 00:00 Vietnam time; the
// calendar arithmetic itself is `bantin_format::datetime`'s.

const MIN_PER_DAY: i64 = 1440;

/// RFC 3339 in Vietnam time, from minutes since 1970-01-01 00:00 (+07:00).
fn fmt_dt(t: i64) -> String {
    DateTime {
        unix: t * 60 - VIETNAM_OFFSET_SECS,
        offset: VIETNAM_OFFSET_SECS as i32,
    }
    .to_rfc3339()
}

/// "8h30", as schedules write a time.
fn fmt_hm(min_of_day: i64) -> String {
    format!("{}h{:02}", min_of_day / 60, min_of_day % 60)
}

/// The Monday that starts the ISO week of a day.
fn monday_of(day: i64) -> i64 {
    Date::from_days(day).iso_week().monday().days()
}

/// [`text::slugify`], cut to its first `max_words` words.
fn slugify(text: &str, max_words: usize) -> String {
    text::slugify(text)
        .split('-')
        .take(max_words)
        .collect::<Vec<_>>()
        .join("-")
}

// ------------------------------------------------------------------ the world

const PROVINCES: &[&str] = &[
    "Sơn Hà",
    "Bình Giang",
    "Thanh Lâm",
    "An Lạc",
    "Đông Hải",
    "Ngọc Sơn",
    "Phú Điền",
    "Hòa Khánh",
];

const PLACES: &[&str] = &[
    "Yên Bình",
    "Tân Phú",
    "Đông Hưng",
    "Thanh Hà",
    "Kim Bảng",
    "Lý Nhân",
    "Hòa Bình",
    "Phú Xuyên",
    "Quảng Phú",
    "Hưng Đạo",
    "Nam Sơn",
    "Trung Lương",
    "An Lão",
    "Bình Minh",
    "Đại Đồng",
    "Hồng Phong",
    "Liên Sơn",
    "Minh Khai",
    "Ngọc Lũ",
    "Phù Vân",
    "Quang Trung",
    "Tiên Hiệp",
    "Thi Sơn",
    "Văn Lý",
    "Xuân Khê",
    "Đồng Tâm",
    "Lê Lợi",
    "Mỹ Thọ",
    "Gia Hòa",
    "Cát Tường",
    "Vĩnh Trụ",
    "Đức Lý",
    "Nhân Hậu",
    "Phúc Thành",
    "Châu Sơn",
    "Lạc Hồng",
    "Hợp Lý",
    "Đinh Xá",
    "Ba Sao",
    "Thượng Vũ",
];

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương",
];
const MIDDLE_NAMES: &[&str] = &[
    "Văn", "Thị", "Minh", "Đức", "Thanh", "Hữu", "Quang", "Ngọc", "Thu", "Hoàng", "Xuân", "Kim",
    "Đình", "Công", "Bảo", "Mạnh", "Hồng", "Anh", "Thế", "Quốc",
];
const GIVEN_NAMES: &[&str] = &[
    "Hùng", "Lan", "Hà", "Phương", "Tuấn", "Dũng", "Nga", "Hương", "Thắng", "Nam", "Khánh", "Hạnh",
    "Quyết", "Thủy", "Tiến", "Hải", "Long", "Yến", "Huyền", "Cường", "Sơn", "Bình", "Trung",
    "Hiếu", "Thảo", "Ánh", "Đạt", "Nghĩa", "Vinh", "Hòa", "Thịnh", "Quỳnh", "Trang", "Luyến",
    "Toàn", "Lực", "Phúc", "Hưng", "Việt", "Nhung",
];

/// The officials who appear in articles, documents and the calendar:
/// (full position for articles, short position for signatures and chairs).
const CAST: &[(&str, &str)] = &[
    ("Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy"),
    (
        "Phó Bí thư Thường trực Tỉnh ủy",
        "Phó Bí thư Thường trực Tỉnh ủy",
    ),
    (
        "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh",
        "Chủ tịch Ủy ban nhân dân tỉnh",
    ),
    (
        "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Trưởng ban",
    ),
    ("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "Phó Trưởng ban"),
    ("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "Phó Trưởng ban"),
    (
        "Tỉnh ủy viên, Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    ),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Giám đốc Sở"),
    ("Chủ tịch Hội Nhà báo tỉnh", "Chủ tịch Hội"),
    ("Giám đốc Sở Khoa học và Công nghệ", "Giám đốc Sở"),
    ("Hiệu trưởng Trường Chính trị tỉnh", "Hiệu trưởng"),
    (
        "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy",
        "Trưởng ban",
    ),
    ("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Chủ tịch"),
    ("Bí thư Tỉnh đoàn", "Bí thư Tỉnh đoàn"),
];
/// Cast members who most often attend: weights by index into [`CAST`].
const CAST_WEIGHTS: &[u32] = &[3, 6, 3, 10, 8, 8, 4, 3, 3, 2, 2, 3, 2, 2];

struct Person {
    name: String,
    position: &'static str,
    short: &'static str,
}

struct World {
    seed: u64,
    prov: &'static str,
    prov_slug: String,
    cast: Vec<Person>,
}

impl World {
    fn new(rng: &mut Rng, seed: u64) -> World {
        let prov = *rng.pick(PROVINCES);
        let mut names = HashSet::new();
        let cast = CAST
            .iter()
            .map(|&(position, short)| loop {
                let name = person_name(rng);
                if names.insert(name.clone()) {
                    break Person {
                        name,
                        position,
                        short,
                    };
                }
            })
            .collect();
        World {
            seed,
            prov,
            prov_slug: slugify(prov, 4).replace('-', ""),
            cast,
        }
    }
}

fn person_name(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(SURNAMES),
        rng.pick(MIDDLE_NAMES),
        rng.pick(GIVEN_NAMES)
    )
}

// ------------------------------------------------------------- categories

const CATEGORIES: &[(&str, &str)] = &[
    ("tin-tuc-su-kien", "Tin tức – Sự kiện"),
    ("hoc-tap-va-lam-theo-bac", "Học tập và làm theo Bác"),
    (
        "thong-tin-cong-tac-tuyen-giao",
        "Thông tin công tác Tuyên giáo",
    ),
    ("ly-luan-chinh-tri", "Lý luận – Chính trị"),
    ("van-hoa-van-nghe", "Văn hóa – Văn nghệ"),
    ("khoa-giao-chuyen-doi-so", "Khoa giáo – Chuyển đổi số"),
    ("bao-chi-xuat-ban", "Báo chí – Xuất bản"),
    ("van-ban-moi", "Văn bản mới"),
];

fn categories() -> Vec<Category> {
    CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, &(slug, name))| Category {
            id: format!("c{}", i + 1),
            slug: slug.to_string(),
            name: name.to_string(),
            order: i as i64 + 1,
        })
        .collect()
}

const TAGS: &[&str] = &[
    "học tập và làm theo Bác",       // 0
    "Chỉ thị 05-CT/TW",              // 1
    "nghị quyết",                    // 2
    "học tập nghị quyết",            // 3
    "chuyển đổi số",                 // 4
    "Chi bộ số",                     // 5
    "báo cáo viên",                  // 6
    "dư luận xã hội",                // 7
    "thông tin cơ sở",               // 8
    "tuyên truyền miệng",            // 9
    "văn hóa",                       // 10
    "di sản",                        // 11
    "lễ hội truyền thống",           // 12
    "văn nghệ quần chúng",           // 13
    "báo chí",                       // 14
    "Giải Báo chí về xây dựng Đảng", // 15
    "xuất bản",                      // 16
    "văn hóa đọc",                   // 17
    "lý luận chính trị",             // 18
    "bảo vệ nền tảng tư tưởng",      // 19
    "mạng xã hội",                   // 20
    "văn bản mới",                   // 21
    "kỷ niệm ngày lễ lớn",           // 22
    "giáo dục",                      // 23
    "y tế cơ sở",                    // 24
    "khoa học công nghệ",            // 25
    "đổi mới sáng tạo",              // 26
    "nông thôn mới",                 // 27
    "OCOP",                          // 28
    "kinh tế – xã hội",              // 29
    "xây dựng Đảng",                 // 30
    "sinh hoạt chi bộ",              // 31
    "gương điển hình",               // 32
    "dân vận khéo",                  // 33
    "thanh niên",                    // 34
    "phụ nữ",                        // 35
    "cựu chiến binh",                // 36
    "thi đua khen thưởng",           // 37
    "hội nghị",                      // 38
    "Bình dân học vụ số",            // 39
    "an ninh mạng",                  // 40
    "biển, đảo",                     // 41
];

// ------------------------------------------------------------ phrase lists

/// Province-level organisers.
const ORGS: &[&str] = &[
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Thường vụ Tỉnh ủy",
    "Đảng ủy các cơ quan Đảng tỉnh",
    "Đảng ủy Ủy ban nhân dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Hội Cựu chiến binh tỉnh",
    "Hội Nông dân tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Ban Dân vận Tỉnh ủy",
    "Trường Chính trị tỉnh",
    "Đảng ủy Công an tỉnh",
    "Đảng ủy Quân sự tỉnh",
];

/// Organisers in the article's commune or ward.
const LOCAL_ORGS: &[&str] = &[
    "Đảng ủy {place}",
    "Đảng ủy {place}",
    "Ban Thường vụ Đảng ủy {place}",
    "Ủy ban nhân dân {place}",
    "Ủy ban Mặt trận Tổ quốc Việt Nam {place}",
];

const GROUPS: &[&str] = &[
    "cán bộ, đảng viên và Nhân dân",
    "đoàn viên, thanh niên",
    "hội viên phụ nữ",
    "hội viên cựu chiến binh",
    "báo cáo viên, tuyên truyền viên",
    "học sinh, sinh viên",
    "cán bộ, công chức, viên chức",
    "công nhân, người lao động",
    "phóng viên, biên tập viên",
    "bí thư chi bộ",
    "đảng viên mới",
    "chức sắc, chức việc các tôn giáo",
    "người có uy tín trong đồng bào dân tộc thiểu số",
    "hội viên nông dân",
];

const VENUES: &[&str] = &[
    "Hội trường Tỉnh ủy",
    "Trung tâm Hội nghị tỉnh",
    "Hội trường Ủy ban nhân dân tỉnh",
    "Nhà văn hóa trung tâm {place}",
    "Trường Chính trị tỉnh",
    "Hội trường Đảng ủy {place}",
    "Thư viện tỉnh",
    "Bảo tàng tỉnh",
    "Quảng trường trung tâm tỉnh",
    "Trung tâm Chính trị {place}",
];

const ACTIVITIES: &[&str] = &[
    "tuyên truyền miệng",
    "sinh hoạt chuyên đề",
    "nói chuyện thời sự",
    "chiếu phim lưu động",
    "tập huấn, bồi dưỡng nghiệp vụ",
    "đối thoại với Nhân dân",
];

const METRICS: &[&str] = &[
    "đảng viên tham gia học tập nghị quyết",
    "chi bộ xếp loại hoàn thành tốt nhiệm vụ trở lên",
    "hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
    "người dân hài lòng với sự phục vụ của cơ quan hành chính",
    "thôn, tổ dân phố có loa truyền thanh hoạt động thường xuyên",
    "đảng viên sử dụng Sổ tay đảng viên điện tử",
];

const FIELDS_INLINE: &[&str] = &[
    "công tác tuyên giáo",
    "công tác tư tưởng",
    "công tác lý luận chính trị",
    "hoạt động báo chí, xuất bản",
    "công tác văn hóa, văn nghệ",
    "công tác khoa giáo",
    "công tác dân vận",
    "công tác xây dựng Đảng",
    "công tác chuyển đổi số",
];

/// Lĩnh vực of documents.
const FIELDS: &[&str] = &[
    "Công tác tư tưởng",
    "Lý luận chính trị",
    "Báo chí – Xuất bản",
    "Văn hóa – Văn nghệ",
    "Khoa giáo",
    "Tuyên truyền",
    "Xây dựng Đảng",
    "Chuyển đổi số",
];

const THEMES: &[&str] = &[
    "Giá trị lý luận và thực tiễn của tư tưởng Hồ Chí Minh về đạo đức cách mạng",
    "Bảo vệ nền tảng tư tưởng của Đảng trong tình hình mới",
    "Đổi mới công tác giáo dục lý luận chính trị ở cơ sở",
    "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc",
    "Văn hóa là nền tảng tinh thần của xã hội",
    "Báo chí cách mạng với sự nghiệp đổi mới",
];

const FOLK: &[&str] = &[
    "quan họ",
    "chèo",
    "hát văn",
    "ca trù",
    "hát then",
    "bài chòi",
    "dân ca ví, giặm",
    "trống quân",
];

const JOBS: &[&str] = &[
    "cựu chiến binh",
    "bí thư chi bộ",
    "cô giáo vùng cao",
    "y sĩ thôn bản",
    "nông dân",
    "nữ doanh nhân",
    "công an xã",
    "trưởng thôn",
    "đoàn viên thanh niên",
];

const PERIODS: &[&str] = &["quý I", "6 tháng đầu", "9 tháng đầu", "tháng 10", "quý III"];

const SUBJECTS_CENTRAL: &[&str] = &[
    "tăng cường sự lãnh đạo của Đảng đối với công tác báo chí, xuất bản trong tình hình mới",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "xây dựng và phát huy giá trị văn hóa, sức mạnh con người Việt Nam",
    "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "đổi mới, nâng cao chất lượng công tác giáo dục lý luận chính trị",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "tăng cường và đổi mới công tác dân vận trong tình hình mới",
    "đẩy mạnh công tác thông tin đối ngoại",
    "phát triển văn hóa đọc trong cộng đồng",
];

const SUBJECTS_PROVINCE: &[&str] = &[
    "nâng cao hiệu quả hệ thống thông tin cơ sở trên địa bàn tỉnh",
    "xây dựng đội ngũ báo cáo viên, tuyên truyền viên các cấp",
    "thực hiện chuyển đổi số trong các cơ quan Đảng của tỉnh",
    "bảo tồn và phát huy giá trị di sản văn hóa trên địa bàn tỉnh",
    "xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "nâng cao chất lượng công tác nắm bắt, định hướng dư luận xã hội",
    "tổ chức cuộc thi chính luận về bảo vệ nền tảng tư tưởng của Đảng",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "phát triển văn hóa đọc trong cộng đồng",
    "tăng cường công tác tuyên truyền về biển, đảo",
];

/// (name, year it happened, month, day).
const ANNIVERSARIES: &[(&str, i32, u8, u8)] = &[
    ("Ngày thành lập Đảng Cộng sản Việt Nam", 1930, 2, 3),
    (
        "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        1931,
        3,
        26,
    ),
    ("Ngày Giải phóng miền Nam, thống nhất đất nước", 1975, 4, 30),
    ("Ngày sinh Chủ tịch Hồ Chí Minh", 1890, 5, 19),
    ("Ngày Báo chí Cách mạng Việt Nam", 1925, 6, 21),
    ("Ngày Thương binh – Liệt sĩ", 1947, 7, 27),
    ("Ngày truyền thống ngành Tuyên giáo của Đảng", 1930, 8, 1),
    (
        "Cách mạng Tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        1945,
        9,
        2,
    ),
    ("Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", 1930, 10, 20),
    ("Ngày truyền thống Mặt trận Tổ quốc Việt Nam", 1930, 11, 18),
    ("Ngày thành lập Quân đội nhân dân Việt Nam", 1944, 12, 22),
];

/// An anniversary falling within `horizon` days from `day` (on or after
/// it), as "96 năm Ngày … (3/2/1930 – 3/2/2026)"; `None` if there is none.
fn anniversary(rng: &mut Rng, day: i64, horizon: i64) -> Option<String> {
    let y = Date::from_days(day).year;
    let mut options = Vec::new();
    for &(name, base, m, d) in ANNIVERSARIES {
        for year in [y, y + 1] {
            let date = days_from_civil(year, m, d);
            if date >= day && date - day <= horizon && year > base {
                options.push((name, base, m, d, year));
            }
        }
    }
    if options.is_empty() {
        return None;
    }
    let &(name, base, m, d, year) = rng.pick(&options);
    Some(format!(
        "{} năm {name} ({d}/{m}/{base} – {d}/{m}/{year})",
        year - base
    ))
}

/// Whether a template can be expanded in `ctx` (`{anniv}` needs an anniversary).
fn usable(tpl: &str, ctx: &Ctx) -> bool {
    ctx.anniv.is_some() || !tpl.contains("{anniv}")
}

/// One of `xs` that passes `ok` (any of them if none does).
fn pick_where<'a, T>(rng: &mut Rng, xs: &'a [T], ok: impl Fn(&T) -> bool) -> &'a T {
    let fitting: Vec<&T> = xs.iter().filter(|x| ok(x)).collect();
    if fitting.is_empty() {
        rng.pick(xs)
    } else {
        fitting[rng.below(fitting.len())]
    }
}

const GENERIC_TASKS: &[&str] = &[
    "đổi mới nội dung, phương thức lãnh đạo của cấp ủy",
    "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội",
    "tăng cường công tác kiểm tra, giám sát",
    "chú trọng sơ kết, tổng kết, nhân rộng các điển hình",
    "nâng cao tinh thần trách nhiệm của người đứng đầu",
    "bám sát cơ sở, lắng nghe ý kiến của Nhân dân",
    "làm tốt công tác tham mưu cho cấp ủy",
];

/// What something contributes to ("góp phần …", "qua đó …").
const GENERIC_RESULTS: &[&str] = &[
    "tạo sự thống nhất cao trong Đảng, đồng thuận trong xã hội",
    "thực hiện thắng lợi nhiệm vụ chính trị của địa phương",
    "nâng cao đời sống vật chất, tinh thần của Nhân dân",
    "củng cố niềm tin của Nhân dân đối với Đảng, chính quyền",
    "tạo khí thế thi đua sôi nổi trong các tầng lớp Nhân dân",
];

/// What came of it, as a clause ("Đến nay, …").
const GENERIC_OUTCOMES: &[&str] = &[
    "công tác tuyên truyền có nhiều đổi mới về nội dung và hình thức",
    "nhận thức của cán bộ, đảng viên được nâng lên rõ rệt",
    "các phong trào thi đua được triển khai sâu rộng, thiết thực",
    "vai trò lãnh đạo của tổ chức cơ sở đảng được phát huy",
];

const GENERIC_LIMITS: &[&str] = &[
    "một số cấp ủy chưa thực sự quan tâm đúng mức",
    "nội dung, hình thức tuyên truyền ở một số nơi chưa phong phú",
    "công tác sơ kết, tổng kết có lúc còn chậm",
    "kinh phí dành cho hoạt động còn hạn hẹp",
    "việc nhân rộng mô hình còn chậm, thiếu bền vững",
    "sự phối hợp giữa các ngành có lúc chưa chặt chẽ",
];

const GENERIC_MODELS: &[&str] = &[
    "“Dân vận khéo”",
    "“Chi bộ bốn tốt”",
    "“Ngày thứ Bảy văn minh”",
    "“Tổ tự quản an ninh trật tự”",
    "“Nhà văn hóa sáng – xanh – sạch”",
];

const GENERIC_HEADINGS: &[&str] = &[
    "Nhiều kết quả nổi bật",
    "Chuyển biến rõ nét từ cơ sở",
    "Khơi dậy tinh thần đoàn kết",
    "Những mô hình hiệu quả",
    "Nhiệm vụ thời gian tới",
    "Tháo gỡ khó khăn, vướng mắc",
    "Phát huy vai trò nêu gương",
    "Đổi mới để thích ứng",
];

const GENERIC_QUOTES: &[&str] = &[
    "Mỗi cán bộ, đảng viên phải thực sự là một tuyên truyền viên, nói đi đôi với làm, làm nhiều hơn nói.",
    "Công tác tư tưởng phải đi trước một bước, mở đường cho các nhiệm vụ chính trị.",
    "Dân có tin thì dân mới theo; muốn dân tin thì cán bộ phải gương mẫu, phải sâu sát cơ sở.",
    "Thông tin chính thống phải nhanh hơn tin đồn, phải đến với người dân bằng ngôn ngữ gần gũi nhất.",
    "Kết quả cuối cùng phải được đo bằng sự hài lòng và niềm tin của Nhân dân.",
    "Việc gì có lợi cho dân thì phải làm đến nơi đến chốn, không để chậm trễ, hình thức.",
];

/// Sayings of Hồ Chí Minh, for quote blocks in the articles about him.
const HCM_QUOTES: &[&str] = &[
    "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người.",
    "Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong.",
    "Đoàn kết, đoàn kết, đại đoàn kết. Thành công, thành công, đại thành công.",
    "Một tấm gương sống còn có giá trị hơn một trăm bài diễn văn tuyên truyền.",
    "Không có gì quý hơn độc lập, tự do.",
];

const SAPOS: &[&str] = &[
    "{^sd}, {org} tổ chức {event}. {^person} dự và chỉ đạo.",
    "{^sd}, tại {venue}, {org} tổ chức {event} nhằm {task}.",
    "Thời gian qua, {org} đã {task}, qua đó {result}.",
    "Với sự tham gia của hơn {n100} {group}, {event} góp phần {gresult}.",
    "Với nhiều cách làm sáng tạo, {place} đã {task}, góp phần {gresult}.",
    "{^sd}, {org} phối hợp với {org2} tổ chức {event}, thu hút đông đảo {group} tham gia.",
];

const OPENINGS: &[&str] = &[
    "{^sd}, tại {venue}, {org} tổ chức {event}.",
    "{^sd}, {org} tổ chức {event} với sự tham gia của hơn {n100} {group}.",
    "{^sd}, {org} phối hợp với {org2} tổ chức {event}.",
    "Thực hiện {doc}, {sd}, {org} đã tổ chức {event}.",
    "Nhằm {task}, {sd}, {org} tổ chức {event}.",
];

const ATTEND: &[&str] = &[
    "Dự {ev} có {person}; {person2}.",
    "Tham dự {ev} có {person} cùng đại diện lãnh đạo các ban, sở, ngành, đoàn thể của tỉnh.",
    "{^person} dự và chủ trì {ev}.",
    "Đến dự có {person} và hơn {n100} đại biểu là {group}.",
];

const REPORT: &[&str] = &[
    "Theo báo cáo, thời gian qua, {org} đã tập trung {task}, qua đó {result}.",
    "Năm {prevyear}, toàn tỉnh đã tổ chức {sessions} buổi {activity}, thu hút hơn {big} lượt {group} tham gia.",
    "Tỷ lệ {metric} đạt {pct}%, tăng {pct2}% so với cùng kỳ năm trước.",
    "Nhiều mô hình, cách làm hay như {model}, {model} được nhân rộng, tạo sức lan tỏa trong cộng đồng.",
    "{^field} được triển khai đồng bộ, bài bản, bám sát thực tiễn cơ sở.",
    "Đáng chú ý, {result}.",
    "Các cấp ủy, tổ chức đảng đã chủ động {task}, {task}.",
    "Đến nay, {result}.",
    "Tại {place2}, mô hình {model} đã phát huy hiệu quả, được người dân đồng tình, hưởng ứng.",
    "Bên cạnh đó, {org2} đã {task}, góp phần {gresult}.",
    "Qua khảo sát tại {n} đơn vị, {pct}% ý kiến đánh giá hoạt động {activity} có nội dung thiết thực, hình thức phù hợp.",
    "Các đại biểu tập trung thảo luận, làm rõ giải pháp để {task}.",
];

const LIMITS: &[&str] = &[
    "Bên cạnh những kết quả đạt được, báo cáo cũng chỉ ra một số hạn chế như {limit}; {limit}.",
    "Tuy nhiên, vẫn còn một số hạn chế: {limit}; {limit}.",
    "Các ý kiến tại {ev} cũng thẳng thắn nhìn nhận {limit}.",
];

const CAUSES: &[&str] = &[
    "Nguyên nhân chủ yếu là {limit}.",
    "Một phần nguyên nhân là {limit}.",
];

/// First sentence of the paragraph where a leader speaks.
const DIRECT_LEAD: &[&str] = &[
    "Phát biểu chỉ đạo tại {ev}, {person} ghi nhận, biểu dương những kết quả mà {org} đạt được thời gian qua.",
    "{^person} nhấn mạnh: {quote}",
    "Phát biểu tại {ev}, {person} đánh giá cao sự chủ động, sáng tạo của {org}.",
];

/// What the leader then asks for ("Đồng chí" is the leader).
const DIRECT_ASK: &[&str] = &[
    "Đồng chí đề nghị thời gian tới, các cấp ủy, tổ chức đảng tiếp tục {task}; {task}.",
    "Đồng chí yêu cầu các cơ quan, đơn vị quan tâm {task}, kịp thời báo cáo những khó khăn, vướng mắc phát sinh.",
    "Đồng chí lưu ý {org} cần {task}, tránh hình thức, chạy theo thành tích.",
];

const DIRECT_DETAIL: &[&str] = &[
    "Trong đó, cần chú trọng {task}, gắn với {task}.",
    "Cùng với đó, phải {task}.",
    "Mỗi cán bộ, đảng viên cần {task}.",
];

const REWARD: &[&str] = &[
    "Dịp này, {org} đã trao Bằng khen cho {n} tập thể và {n} cá nhân có thành tích xuất sắc trong {field}.",
    "Nhân dịp này, {n} tập thể, {n} cá nhân được nhận Giấy khen của {org}.",
];

const CLOSING: &[&str] = &[
    "Kết thúc {ev}, các đại biểu đã thống nhất {n} nhóm nhiệm vụ, giải pháp trọng tâm cho thời gian tới.",
    "{^ev} là dịp để {group} nhìn lại chặng đường đã qua, từ đó {task}.",
    "Với những kết quả đạt được, {org} tiếp tục khẳng định vai trò trong {field}, góp phần {gresult}.",
    "Dự kiến trong năm {year}, {org} sẽ tiếp tục {task}.",
];

/// Sentences of the articles about a document.
const DOC_BODY: &[&str] = &[
    "Văn bản nêu rõ mục đích, yêu cầu là {task}.",
    "Theo đó, các cấp ủy, tổ chức đảng cần {task}; {task}.",
    "{^doc} yêu cầu các cơ quan, đơn vị {task}.",
    "Các cơ quan báo chí, hệ thống thông tin cơ sở có trách nhiệm tuyên truyền sâu rộng nội dung văn bản đến {group}.",
    "Giao {org2} chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, định kỳ báo cáo kết quả thực hiện.",
    "Văn bản được phổ biến đến các chi bộ, đảng viên và có hiệu lực kể từ ngày ký.",
    "Việc triển khai phải {task}, bảo đảm tiến độ đề ra.",
];

const CAPTIONS: &[&str] = &[
    "{^person} phát biểu tại {ev}.",
    "Các đại biểu dự {ev}.",
    "Quang cảnh {ev}.",
    "{^org} trao Bằng khen cho các tập thể, cá nhân tiêu biểu.",
    "Đại biểu tham quan mô hình {model} tại {place}.",
    "{^group} tham gia {ev}.",
];

const AUTHORS: &[&str] = &[
    "Minh Châu",
    "Thu Hằng",
    "Quang Vinh",
    "Ngọc Anh",
    "Hải Yến",
    "Đức Thịnh",
    "Phương Thảo",
    "Hoàng Long",
    "Lê Hà",
    "Trần Dũng",
    "Bảo Ngọc",
    "Thanh Tùng",
    "Mai Phương",
    "Văn Khánh",
    "Hồng Nhung",
    "Nhóm phóng viên",
    "Kim Liên",
    "Xuân Trường",
    "Thùy Dung",
    "Việt Hưng",
];

// ----------------------------------------------------------------- topics

struct Topic {
    /// Main category (index into [`CATEGORIES`]).
    cat: usize,
    weight: u32,
    /// Who organises (templates); empty: [`ORGS`].
    orgs: &'static [&'static str],
    /// (full name, short name used in later sentences).
    events: &'static [(&'static str, &'static str)],
    titles: &'static [&'static str],
    /// First sentences of the body; empty: [`OPENINGS`].
    openings: &'static [&'static str],
    tasks: &'static [&'static str],
    results: &'static [&'static str],
    limits: &'static [&'static str],
    models: &'static [&'static str],
    headings: &'static [&'static str],
    quotes: &'static [&'static str],
    tags: &'static [usize],
    /// Document types (index into [`DOC_TYPES`]) that `{doc}` prefers.
    doc_types: &'static [usize],
    /// The article is about its document (the organiser is the issuer, it
    /// always carries an attachment).
    about_doc: bool,
}

const T_DEFAULT: Topic = Topic {
    cat: 0,
    weight: 0,
    orgs: &[],
    events: &[],
    titles: &[],
    openings: &[],
    tasks: &[],
    results: &[],
    limits: &[],
    models: &[],
    headings: &[],
    quotes: &[],
    tags: &[],
    doc_types: &[0, 1, 2, 3, 4],
    about_doc: false,
};

const TOPICS: &[Topic] = &[
    // 0: hội nghị
    Topic {
        cat: 0,
        weight: 12,
        events: &[
            ("hội nghị tổng kết công tác tuyên giáo năm {prevyear}, triển khai nhiệm vụ năm {year}", "hội nghị"),
            ("hội nghị sơ kết công tác 6 tháng đầu năm {year}", "hội nghị"),
            ("hội nghị giao ban công tác tuyên giáo quý {q} năm {year}", "hội nghị"),
            ("hội nghị giao ban công tác dân vận và tuyên giáo khối cơ sở", "hội nghị"),
            ("hội nghị cán bộ chủ chốt toàn tỉnh", "hội nghị"),
            ("hội nghị đối thoại giữa người đứng đầu cấp ủy với {group}", "hội nghị đối thoại"),
            ("hội nghị tổng kết phong trào thi đua yêu nước giai đoạn {y5}–{year}", "hội nghị"),
            ("hội nghị lấy ý kiến góp ý vào dự thảo văn kiện đại hội", "hội nghị"),
        ],
        titles: &[
            "{^org} tổng kết công tác năm {prevyear}, triển khai nhiệm vụ năm {year}",
            "Giao ban công tác tuyên giáo quý {q} năm {year}",
            "{^place} sơ kết 6 tháng đầu năm {year}",
            "{^org} tổ chức {event}",
            "Đối thoại giữa người đứng đầu cấp ủy với {group} {place}",
            "Tổng kết phong trào thi đua yêu nước tại {place}",
            "{^place}: bàn giải pháp {task}",
            "Thống nhất nhiệm vụ trọng tâm công tác tuyên giáo năm {year}",
            "{^org}: {result}",
        ],
        tasks: &[
            "nâng cao chất lượng tham mưu cho cấp ủy về công tác tư tưởng",
            "đổi mới nội dung, phương thức công tác tuyên giáo",
            "nắm bắt kịp thời tình hình tư tưởng, tâm trạng xã hội",
            "phát huy vai trò nêu gương của cán bộ, đảng viên",
            "tăng cường phối hợp giữa các cơ quan trong khối tuyên giáo",
            "thực hiện tốt quy chế dân chủ ở cơ sở",
            "giải quyết dứt điểm các kiến nghị chính đáng của cử tri",
        ],
        results: &[
            "công tác tuyên giáo có nhiều chuyển biến tích cực",
            "tình hình tư tưởng của cán bộ, đảng viên và Nhân dân cơ bản ổn định",
            "niềm tin của Nhân dân đối với Đảng, chính quyền được củng cố",
            "các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra",
        ],
        limits: &[
            "việc nắm bắt dư luận ở một số nơi còn chậm",
            "nguồn lực cho công tác tuyên giáo cấp cơ sở còn hạn chế",
        ],
        headings: &[
            "Nhiều chuyển biến tích cực",
            "Những kết quả nổi bật",
            "Nhiệm vụ trọng tâm năm {year}",
            "Khắc phục hạn chế, tồn tại",
            "Tạo sự đồng thuận trong xã hội",
        ],
        tags: &[38, 30, 37, 29, 7],
        ..T_DEFAULT
    },
    // 1: học tập, quán triệt nghị quyết
    Topic {
        cat: 2,
        weight: 10,
        events: &[
            ("hội nghị học tập, quán triệt {doc}", "hội nghị"),
            ("lớp bồi dưỡng, cập nhật kiến thức cho {group}", "lớp bồi dưỡng"),
            ("hội nghị báo cáo viên tháng {month}", "hội nghị"),
            ("hội nghị chuyên đề về triển khai {doc}", "hội nghị"),
            ("đợt sinh hoạt chính trị về {doc}", "đợt sinh hoạt chính trị"),
        ],
        titles: &[
            "Quán triệt, triển khai {doc}",
            "{^org} học tập, quán triệt {doc}",
            "Đưa {doc} vào cuộc sống",
            "{^place}: {pct}% đảng viên tham gia học tập nghị quyết",
            "Nâng cao chất lượng học tập, quán triệt nghị quyết ở chi bộ {place}",
            "Hội nghị báo cáo viên tháng {month} năm {year}",
            "Bồi dưỡng kiến thức cho {group} {place}",
            "Học tập nghị quyết gắn với {task}",
        ],
        tasks: &[
            "cụ thể hóa nghị quyết thành chương trình, kế hoạch hành động sát với thực tiễn",
            "đổi mới phương thức học tập nghị quyết, tăng cường ứng dụng công nghệ thông tin",
            "gắn việc học tập nghị quyết với sinh hoạt chi bộ định kỳ",
            "kiểm tra, giám sát việc thực hiện nghị quyết ở cơ sở",
            "viết bài thu hoạch, liên hệ trách nhiệm của bản thân",
        ],
        results: &[
            "100% cán bộ, đảng viên được học tập, quán triệt đầy đủ nội dung nghị quyết",
            "nhận thức của cán bộ, đảng viên về những điểm mới của nghị quyết được nâng lên",
            "các chương trình hành động được ban hành kịp thời, sát thực tiễn",
        ],
        limits: &["việc học tập ở một số chi bộ còn mang tính hình thức"],
        headings: &[
            "Những điểm mới cần nắm vững",
            "Cụ thể hóa bằng chương trình hành động",
            "Học đi đôi với làm",
            "Đưa nghị quyết vào cuộc sống",
        ],
        tags: &[2, 3, 30, 31, 6],
        doc_types: &[0, 1, 2],
        ..T_DEFAULT
    },
    // 2: học tập và làm theo Bác
    Topic {
        cat: 1,
        weight: 10,
        events: &[
            (
                "hội nghị học tập chuyên đề năm {year} về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                "hội nghị",
            ),
            ("lễ tuyên dương các điển hình tiên tiến trong học tập và làm theo Bác", "lễ tuyên dương"),
            ("cuộc thi tìm hiểu về cuộc đời, sự nghiệp của Chủ tịch Hồ Chí Minh", "cuộc thi"),
            ("hội thi kể chuyện về tấm gương đạo đức Hồ Chí Minh", "hội thi"),
            ("tọa đàm “Làm theo lời Bác dạy” dành cho {group}", "buổi tọa đàm"),
            ("chương trình giao lưu các điển hình làm theo Bác", "chương trình"),
        ],
        titles: &[
            "Lan tỏa những tấm gương bình dị làm theo lời Bác ở {place}",
            "{^place}: tuyên dương {n} điển hình học tập và làm theo Bác",
            "Học và làm theo Bác từ những việc làm cụ thể",
            "Sôi nổi {event}",
            "{^org} tổ chức {event}",
            "Người {job} làm theo lời Bác ở {place}",
            "Chuyên đề năm {year}: gắn học tập với làm theo",
            "{^job} {place} với mô hình {model}",
        ],
        tasks: &[
            "đưa việc học tập và làm theo Bác trở thành việc làm tự giác, thường xuyên",
            "xây dựng kế hoạch làm theo gắn với chức trách, nhiệm vụ được giao",
            "phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến",
            "thực hiện nghiêm trách nhiệm nêu gương của người đứng đầu",
            "thực hành cần, kiệm, liêm, chính, chí công vô tư",
        ],
        results: &[
            "hàng nghìn tấm gương người tốt, việc tốt được phát hiện, biểu dương kịp thời",
            "ý thức tu dưỡng, rèn luyện đạo đức của cán bộ, đảng viên được nâng lên rõ rệt",
            "phong cách làm việc của cán bộ, công chức chuyển biến theo hướng gần dân, trọng dân",
        ],
        models: &[
            "“Mỗi tuần một lời Bác dạy”",
            "“Chi bộ làm theo lời Bác”",
            "“Góc học tập và làm theo Bác”",
            "“Tủ sách Bác Hồ”",
            "“Con đường hoa làm theo lời Bác”",
        ],
        headings: &[
            "Những tấm gương bình dị",
            "Làm theo Bác từ những việc nhỏ",
            "Người đứng đầu nêu gương",
            "Nhân rộng điển hình",
        ],
        quotes: HCM_QUOTES,
        tags: &[0, 1, 32, 33, 36],
        ..T_DEFAULT
    },
    // 3: chuyển đổi số
    Topic {
        cat: 5,
        weight: 8,
        events: &[
            ("hội nghị triển khai nhiệm vụ chuyển đổi số trong các cơ quan Đảng năm {year}", "hội nghị"),
            ("lớp tập huấn kỹ năng số cho {group}", "lớp tập huấn"),
            ("chương trình “Bình dân học vụ số” tại {place}", "chương trình"),
            ("hội thảo ứng dụng trí tuệ nhân tạo trong công tác tuyên truyền", "hội thảo"),
            ("lễ ra mắt mô hình “Chi bộ số” tại {place}", "lễ ra mắt"),
            ("ngày hội chuyển đổi số {place}", "ngày hội"),
        ],
        titles: &[
            "{^place} ra mắt mô hình “Chi bộ số”",
            "Đẩy mạnh chuyển đổi số trong công tác tuyên giáo tại {place}",
            "Tập huấn kỹ năng số cho {group}",
            "Ứng dụng nền tảng số trong sinh hoạt chi bộ",
            "Chuyển đổi số: từ nhận thức đến hành động",
            "Khi {group} thành thạo kỹ năng số",
            "Số hóa tài liệu sinh hoạt chi bộ tại {place}",
            "{^org}: {task}",
        ],
        tasks: &[
            "số hóa hồ sơ, tài liệu và cơ sở dữ liệu đảng viên",
            "sử dụng hiệu quả Sổ tay đảng viên điện tử",
            "xây dựng các trang thông tin điện tử, nhóm Zalo để tuyên truyền",
            "bảo đảm an toàn, an ninh thông tin trên không gian mạng",
            "phổ cập kỹ năng số cơ bản cho người dân",
            "ứng dụng trí tuệ nhân tạo trong tổng hợp, phân tích dư luận",
        ],
        results: &[
            "{pct}% chi bộ đã sử dụng tài liệu sinh hoạt điện tử",
            "thời gian xử lý văn bản giảm đáng kể, tiết kiệm chi phí in ấn",
            "người dân tiếp cận thông tin chính thống nhanh chóng, thuận tiện hơn",
        ],
        limits: &[
            "hạ tầng mạng ở một số thôn vùng sâu còn yếu",
            "kỹ năng số của một bộ phận đảng viên cao tuổi còn hạn chế",
        ],
        models: &["“Chi bộ số”", "“Tổ công nghệ số cộng đồng”", "“Thôn thông minh”", "“Bản tin điện tử cơ sở”"],
        headings: &[
            "Hạ tầng số đi trước một bước",
            "Con người là trung tâm",
            "Cách làm hay từ cơ sở",
            "Bảo đảm an toàn thông tin",
        ],
        tags: &[4, 5, 39, 40, 31],
        ..T_DEFAULT
    },
    // 4: tuyên truyền cơ sở, báo cáo viên, dư luận xã hội
    Topic {
        cat: 2,
        weight: 9,
        events: &[
            ("hội nghị báo cáo viên cấp tỉnh tháng {month}", "hội nghị"),
            ("hội thi tuyên truyền viên giỏi cấp cơ sở năm {year}", "hội thi"),
            ("lớp bồi dưỡng nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên", "lớp bồi dưỡng"),
            ("hội nghị cộng tác viên dư luận xã hội", "hội nghị"),
            ("buổi nói chuyện chuyên đề về tình hình biển, đảo", "buổi nói chuyện"),
            ("chương trình tuyên truyền lưu động tại {place}", "chương trình"),
        ],
        titles: &[
            "Phát huy vai trò đội ngũ báo cáo viên cơ sở",
            "Nâng cao chất lượng hệ thống thông tin cơ sở ở {place}",
            "{^place}: hiệu quả từ loa truyền thanh thông minh",
            "Hội thi tuyên truyền viên giỏi năm {year}",
            "Nắm bắt kịp thời dư luận xã hội ở {place}",
            "Tuyên truyền miệng gần dân, sát dân",
            "Đưa thông tin chính thống đến với {group}",
            "{^org} tổ chức {event}",
        ],
        tasks: &[
            "đổi mới hình thức tuyên truyền miệng theo hướng ngắn gọn, dễ hiểu",
            "kiện toàn đội ngũ báo cáo viên, cộng tác viên dư luận xã hội",
            "nâng cấp hệ thống loa truyền thanh cơ sở",
            "kịp thời định hướng thông tin trước các vấn đề dư luận quan tâm",
            "phối hợp cung cấp thông tin cho báo chí đúng quy định",
        ],
        results: &[
            "thông tin chính thống đến với người dân kịp thời, đầy đủ",
            "nhiều vụ việc phức tạp được nắm bắt, tháo gỡ ngay từ cơ sở",
            "đội ngũ báo cáo viên ngày càng chuyên nghiệp, bản lĩnh",
        ],
        limits: &["một số báo cáo viên chưa cập nhật kịp thời thông tin mới"],
        models: &[
            "“Loa phát thanh thông minh”",
            "“Tổ thông tin cộng đồng”",
            "“Cà phê chiều thứ Bảy”",
            "“Tổ hòa giải ở cơ sở”",
        ],
        headings: &["Gần dân, hiểu dân", "Thông tin nhanh, chính xác", "Lắng nghe tiếng nói cơ sở"],
        tags: &[6, 7, 8, 9, 41],
        ..T_DEFAULT
    },
    // 5: văn hóa, văn nghệ
    Topic {
        cat: 4,
        weight: 9,
        orgs: &[
            "Sở Văn hóa, Thể thao và Du lịch",
            "Ủy ban nhân dân {place}",
            "Đảng ủy {place}",
            "Ban Tuyên giáo Tỉnh ủy",
            "Hội Văn học Nghệ thuật tỉnh",
        ],
        events: &[
            ("lễ hội truyền thống {place} năm {year}", "lễ hội"),
            ("liên hoan văn nghệ quần chúng toàn tỉnh lần thứ {nth}", "liên hoan"),
            ("lễ đón nhận bằng xếp hạng di tích lịch sử cấp quốc gia tại {place}", "buổi lễ"),
            ("hội thi hát {folk} tỉnh năm {year}", "hội thi"),
            ("chương trình nghệ thuật chào mừng kỷ niệm {anniv}", "chương trình"),
            ("triển lãm ảnh “Quê hương đổi mới”", "triển lãm"),
            ("ngày hội văn hóa các dân tộc tỉnh lần thứ {nth}", "ngày hội"),
        ],
        titles: &[
            "Khai mạc {event}",
            "Gìn giữ và phát huy giá trị di sản văn hóa ở {place}",
            "Đặc sắc {event}",
            "Xây dựng đời sống văn hóa ở khu dân cư {place}",
            "{^place} đón nhận bằng di tích lịch sử cấp quốc gia",
            "Lan tỏa tình yêu với nghệ thuật {folk}",
            "Văn hóa là nền tảng tinh thần của xã hội",
            "Câu lạc bộ {folk} {place}: giữ hồn cốt quê hương",
        ],
        tasks: &[
            "bảo tồn, phát huy giá trị di sản văn hóa vật thể và phi vật thể",
            "xây dựng môi trường văn hóa lành mạnh ở cơ sở",
            "thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội",
            "đầu tư tu bổ, tôn tạo các di tích lịch sử",
            "khuyến khích sáng tác văn học, nghệ thuật về đề tài quê hương",
        ],
        results: &[
            "{pct}% hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
            "nhiều làn điệu dân ca được sân khấu hóa, giới thiệu rộng rãi",
            "lễ hội được tổ chức an toàn, tiết kiệm, đúng thuần phong mỹ tục",
        ],
        limits: &["một số di tích xuống cấp chưa được tu bổ kịp thời"],
        models: &[
            "“Câu lạc bộ dân ca”",
            "“Tủ sách cộng đồng”",
            "“Khu dân cư văn hóa kiểu mẫu”",
            "“Đường làng văn minh”",
        ],
        headings: &["Giữ gìn bản sắc", "Sức sống của di sản", "Văn hóa soi đường", "Đưa nghệ thuật về cơ sở"],
        tags: &[10, 11, 12, 13, 17],
        ..T_DEFAULT
    },
    // 6: báo chí, xuất bản
    Topic {
        cat: 6,
        weight: 7,
        orgs: &["Hội Nhà báo tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Thư viện tỉnh", "Báo {prov}"],
        events: &[
            ("lễ trao Giải Báo chí về xây dựng Đảng tỉnh {prov} lần thứ {nth}", "lễ trao giải"),
            ("hội nghị giao ban báo chí tháng {month}", "hội nghị"),
            ("buổi gặp mặt kỷ niệm {anniv}", "buổi gặp mặt"),
            ("lớp bồi dưỡng nghiệp vụ báo chí cho phóng viên, biên tập viên", "lớp bồi dưỡng"),
            ("Hội Báo Xuân {year}", "hội báo"),
            ("ngày hội đọc sách tỉnh năm {year}", "ngày hội"),
        ],
        titles: &[
            "Trao Giải Báo chí về xây dựng Đảng lần thứ {nth}",
            "Nâng cao chất lượng tác phẩm báo chí về xây dựng Đảng",
            "Giao ban báo chí tháng {month}: định hướng thông tin trọng tâm",
            "Người làm báo với trách nhiệm bảo vệ nền tảng tư tưởng của Đảng",
            "Khai mạc {event}",
            "Phát triển văn hóa đọc trong {group}",
            "Báo chí đồng hành cùng sự phát triển của tỉnh {prov}",
            "{^org}: {task}",
        ],
        tasks: &[
            "nâng cao chất lượng thông tin, tuyên truyền trên báo chí địa phương",
            "quản lý chặt chẽ hoạt động báo chí, xuất bản theo quy định",
            "xây dựng đội ngũ người làm báo vững về chính trị, giỏi về nghiệp vụ",
            "phát triển các sản phẩm báo chí đa phương tiện",
            "phát triển văn hóa đọc trong cộng đồng",
        ],
        results: &[
            "Ban Tổ chức nhận được {n100} tác phẩm dự giải, tăng {n} tác phẩm so với năm trước",
            "nhiều tác phẩm có chất lượng, phản ánh sinh động thực tiễn cơ sở",
            "báo chí địa phương đã kịp thời phản ánh những vấn đề dư luận quan tâm",
        ],
        models: &["“Tòa soạn hội tụ”", "“Thư viện thân thiện”", "“Tủ sách pháp luật”"],
        headings: &["Những tác phẩm chạm đến cuộc sống", "Bản lĩnh người làm báo", "Lan tỏa văn hóa đọc"],
        tags: &[14, 15, 16, 17, 20],
        ..T_DEFAULT
    },
    // 7: lý luận, bảo vệ nền tảng tư tưởng
    Topic {
        cat: 3,
        weight: 7,
        events: &[
            ("hội thảo khoa học “{theme}”", "hội thảo"),
            ("cuộc thi chính luận về bảo vệ nền tảng tư tưởng của Đảng năm {year}", "cuộc thi"),
            ("lớp bồi dưỡng lý luận chính trị cho đảng viên mới", "lớp học"),
            ("lễ khai giảng lớp trung cấp lý luận chính trị khóa {nth}", "lễ khai giảng"),
            ("tọa đàm về đấu tranh phản bác các quan điểm sai trái, thù địch", "buổi tọa đàm"),
        ],
        titles: &[
            "Bảo vệ nền tảng tư tưởng của Đảng: nhiệm vụ của mỗi cán bộ, đảng viên",
            "Nhận diện và đấu tranh với các quan điểm sai trái trên mạng xã hội",
            "Hội thảo khoa học “{theme}”",
            "Trao giải cuộc thi chính luận năm {year}",
            "Khai giảng lớp trung cấp lý luận chính trị khóa {nth}",
            "Nâng cao chất lượng giáo dục lý luận chính trị ở {place}",
            "Vững vàng bản lĩnh chính trị trước thông tin xấu, độc",
            "{^org} tổ chức {event}",
        ],
        tasks: &[
            "chủ động đấu tranh, phản bác các quan điểm sai trái, thù địch",
            "lan tỏa thông tin tích cực trên không gian mạng",
            "đổi mới nội dung, chương trình giáo dục lý luận chính trị",
            "bồi dưỡng bản lĩnh chính trị cho đội ngũ cán bộ trẻ",
            "tổng kết thực tiễn, bổ sung và phát triển lý luận",
        ],
        results: &[
            "nhiều bài viết sắc bén được đăng tải trên các phương tiện thông tin đại chúng",
            "lực lượng nòng cốt hoạt động ngày càng hiệu quả, chuyên nghiệp",
            "chất lượng học tập lý luận chính trị từng bước được nâng lên",
        ],
        limits: &["khả năng nhận diện thông tin xấu, độc của một bộ phận người dân còn hạn chế"],
        headings: &["Nhận diện đúng, phản bác kịp thời", "Lấy cái đẹp dẹp cái xấu", "Lý luận gắn với thực tiễn"],
        tags: &[18, 19, 20, 40, 30],
        ..T_DEFAULT
    },
    // 8: văn bản mới
    Topic {
        cat: 7,
        weight: 8,
        events: &[("{docsum}", "văn bản")],
        titles: &[
            "{^org} ban hành {docsum}",
            "Triển khai {docsum}",
            "Văn bản mới: {doc}",
            "{^docsum}",
        ],
        openings: &[
            "{^org} vừa ban hành {doc} với nhiều nội dung quan trọng, yêu cầu các cấp ủy, tổ chức đảng quán triệt và tổ chức thực hiện nghiêm túc.",
            "Ngày {dm}, {org} ban hành {doc}.",
            "Nhằm {task}, {org} đã ban hành {doc}.",
        ],
        tasks: &[
            "triển khai đồng bộ, thống nhất trong toàn Đảng bộ",
            "bảo đảm thiết thực, hiệu quả, tránh hình thức, lãng phí",
            "phân công rõ người, rõ việc, rõ trách nhiệm",
            "định kỳ báo cáo kết quả thực hiện về cơ quan thường trực",
        ],
        results: &["văn bản được phổ biến kịp thời tới các chi bộ trực thuộc"],
        headings: &["Mục đích, yêu cầu", "Nội dung chủ yếu", "Tổ chức thực hiện"],
        tags: &[21, 2, 30],
        doc_types: &[0, 1, 2, 3, 4, 6, 7],
        about_doc: true,
        ..T_DEFAULT
    },
    // 9: kỷ niệm ngày lễ lớn
    Topic {
        cat: 0,
        weight: 6,
        events: &[
            ("lễ kỷ niệm {anniv}", "lễ kỷ niệm"),
            ("lễ mít tinh kỷ niệm {anniv}", "lễ mít tinh"),
            ("hội thi tìm hiểu về {anniv}", "hội thi"),
            ("đợt tuyên truyền kỷ niệm {anniv}", "đợt tuyên truyền"),
        ],
        titles: &[
            "Trang trọng lễ kỷ niệm {anniv}",
            "{^org} tổ chức {event}",
            "Tuyên truyền sâu rộng kỷ niệm {anniv}",
            "Sôi nổi các hoạt động chào mừng kỷ niệm {anniv}",
            "{^place} mít tinh kỷ niệm {anniv}",
        ],
        tasks: &[
            "giáo dục truyền thống cách mạng, lòng yêu nước cho thế hệ trẻ",
            "tổ chức các hoạt động kỷ niệm trang trọng, thiết thực, tiết kiệm",
            "treo cờ Tổ quốc, pano, áp phích tuyên truyền tại các tuyến phố chính",
        ],
        results: &[
            "không khí phấn khởi, tự hào lan tỏa trong các tầng lớp Nhân dân",
            "hơn {big} lượt người tham gia cuộc thi tìm hiểu trực tuyến",
        ],
        headings: &["Ôn lại truyền thống vẻ vang", "Tiếp bước cha anh"],
        quotes: HCM_QUOTES,
        tags: &[22, 0, 34, 36, 10],
        ..T_DEFAULT
    },
    // 10: khoa giáo
    Topic {
        cat: 5,
        weight: 7,
        orgs: &["Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Khoa học và Công nghệ", "Ban Tuyên giáo Tỉnh ủy"],
        events: &[
            ("hội nghị tổng kết năm học {prevyear}–{year}", "hội nghị"),
            ("lễ tuyên dương học sinh giỏi năm {year}", "lễ tuyên dương"),
            ("hội nghị triển khai công tác y tế cơ sở", "hội nghị"),
            ("hội thảo về phát triển khoa học, công nghệ và đổi mới sáng tạo", "hội thảo"),
            ("ngày hội khởi nghiệp đổi mới sáng tạo tỉnh năm {year}", "ngày hội"),
            ("chương trình khám bệnh, cấp thuốc miễn phí cho người có công tại {place}", "chương trình"),
        ],
        titles: &[
            "Nâng cao chất lượng giáo dục toàn diện ở {place}",
            "Tuyên dương {n100} học sinh giỏi năm {year}",
            "Khoa học, công nghệ – động lực phát triển của tỉnh {prov}",
            "Chăm lo sức khỏe Nhân dân từ tuyến cơ sở",
            "Khởi nghiệp đổi mới sáng tạo: lan tỏa tinh thần dám nghĩ, dám làm",
            "{^place} khám bệnh miễn phí cho người có công",
            "{^org} tổ chức {event}",
        ],
        tasks: &[
            "nâng cao chất lượng giáo dục mũi nhọn gắn với giáo dục đại trà",
            "đầu tư cơ sở vật chất trường học theo hướng chuẩn quốc gia",
            "củng cố mạng lưới y tế cơ sở",
            "đưa tiến bộ khoa học, kỹ thuật vào sản xuất",
            "hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
        ],
        results: &[
            "tỷ lệ trường đạt chuẩn quốc gia đạt {pct}%",
            "{pct}% dân số tham gia bảo hiểm y tế",
            "nhiều đề tài khoa học được ứng dụng hiệu quả vào thực tiễn",
        ],
        headings: &["Đầu tư cho con người", "Khoa học vào đời sống", "Y tế cơ sở vững mạnh"],
        tags: &[23, 24, 25, 26, 34],
        ..T_DEFAULT
    },
    // 11: nông thôn mới, kinh tế
    Topic {
        cat: 0,
        weight: 7,
        orgs: &["Ủy ban nhân dân tỉnh", "Ủy ban nhân dân {place}", "Hội Nông dân tỉnh", "Đảng ủy {place}"],
        events: &[
            ("hội nghị tổng kết chương trình xây dựng nông thôn mới", "hội nghị"),
            ("lễ công bố {place} đạt chuẩn nông thôn mới nâng cao", "lễ công bố"),
            ("hội nghị xúc tiến đầu tư tỉnh {prov} năm {year}", "hội nghị"),
            ("hội chợ sản phẩm OCOP tỉnh năm {year}", "hội chợ"),
            ("lễ khởi công nhà văn hóa {place}", "lễ khởi công"),
        ],
        titles: &[
            "{^place} đạt chuẩn nông thôn mới nâng cao",
            "Sản phẩm OCOP nâng tầm nông sản {place}",
            "Chung sức xây dựng nông thôn mới ở {place}",
            "Khơi thông nguồn lực phát triển kinh tế – xã hội",
            "Dân vận khéo trong hiến đất mở đường ở {place}",
            "Phát triển kinh tế gắn với bảo vệ môi trường",
            "Khai mạc {event}",
        ],
        tasks: &[
            "huy động sức dân trong xây dựng kết cấu hạ tầng nông thôn",
            "phát triển sản phẩm OCOP gắn với thương mại điện tử",
            "cải thiện môi trường đầu tư, kinh doanh",
            "thực hiện giảm nghèo bền vững",
            "xây dựng cảnh quan sáng, xanh, sạch, đẹp",
        ],
        results: &[
            "thu nhập bình quân đầu người đạt {inc} triệu đồng/năm",
            "Nhân dân tự nguyện hiến {big} m² đất làm đường giao thông",
            "toàn tỉnh có {n100} sản phẩm đạt chuẩn OCOP từ 3 sao trở lên",
        ],
        models: &["“Đường hoa nông thôn mới”", "“Vườn mẫu”", "“Khu dân cư kiểu mẫu”"],
        headings: &["Lấy dân làm gốc", "Diện mạo mới ở nông thôn", "Nâng tầm nông sản địa phương"],
        tags: &[27, 28, 29, 33, 35],
        ..T_DEFAULT
    },
];

// ------------------------------------------------------------------ text

/// Collects the runs of a paragraph (or, joined, a plain string).
#[derive(Default)]
struct RunBuf {
    runs: Vec<Run>,
    cur: String,
    /// Capitalise the next character written.
    cap: bool,
}

impl RunBuf {
    fn push_into(dst: &mut String, s: &str, cap: &mut bool) {
        if *cap {
            let mut chars = s.chars();
            if let Some(c) = chars.next() {
                dst.extend(c.to_uppercase());
                dst.push_str(chars.as_str());
                *cap = false;
                return;
            }
        }
        dst.push_str(s);
    }

    fn text(&mut self, s: &str) {
        Self::push_into(&mut self.cur, s, &mut self.cap);
    }

    fn flush(&mut self) {
        if !self.cur.is_empty() {
            // Exact capacity: a large feed holds millions of these.
            let mut text = std::mem::take(&mut self.cur);
            text.shrink_to_fit();
            self.runs.push(Run {
                text,
                ..Run::default()
            });
        }
    }

    fn styled(&mut self, s: &str, bold: bool, italic: bool, link: Option<String>) {
        self.flush();
        let mut text = String::new();
        Self::push_into(&mut text, s, &mut self.cap);
        self.runs.push(Run {
            text,
            bold,
            italic,
            link,
        });
    }

    fn into_runs(mut self) -> Vec<Run> {
        self.flush();
        self.runs.shrink_to_fit();
        self.runs
    }

    fn into_string(mut self) -> String {
        self.flush();
        let mut out = String::with_capacity(self.runs.iter().map(|r| r.text.len()).sum());
        for r in &self.runs {
            out.push_str(&r.text);
        }
        out
    }
}

/// What an article (or a calendar entry, or a document summary) is about.
struct Ctx {
    topic: usize,
    org: String,
    place: String,
    event: String,
    ev: &'static str,
    people: [usize; 2],
    doc: Option<usize>,
    /// The day the text speaks of.
    day: i64,
    /// "sáng", "chiều" or "ngày".
    session: &'static str,
    /// An anniversary near `day`, if any.
    anniv: Option<String>,
    /// For documents: central or provincial subjects.
    central: bool,
    /// The ordinal of the event ("lần thứ 12"), the same wherever it is named.
    nth: i64,
}

impl Ctx {
    fn new(topic: usize, day: i64) -> Ctx {
        Ctx {
            topic,
            org: String::new(),
            place: String::new(),
            event: String::new(),
            ev: "hội nghị",
            people: [3, 4],
            doc: None,
            day,
            session: "ngày",
            anniv: None,
            central: false,
            nth: 2 + day.rem_euclid(23),
        }
    }
}

fn place_name(rng: &mut Rng) -> String {
    let prefix = if rng.chance(600) { "xã" } else { "phường" };
    format!("{prefix} {}", rng.pick(PLACES))
}

fn pick_person(rng: &mut Rng) -> usize {
    rng.weighted(CAST_WEIGHTS)
}

/// Picks one of the topic's own phrases (`mine`) or, sometimes or when it has
/// none, one of the shared ones.
fn mix<'a>(rng: &mut Rng, mine: &'a [&'a str], shared: &'a [&'a str]) -> &'a str {
    if mine.is_empty() || rng.chance(350) {
        rng.pick::<&str>(shared)
    } else {
        rng.pick::<&str>(mine)
    }
}

/// Expands templates: `{key}` is replaced, `{^key}` capitalised.
struct Tx<'a> {
    rng: &'a mut Rng,
    w: &'a World,
    docs: &'a [Document],
    ctx: &'a Ctx,
    /// Templates and phrases already used (in this article), avoided when
    /// another one is available.
    used: Vec<&'static str>,
}

impl<'a> Tx<'a> {
    fn new(rng: &'a mut Rng, w: &'a World, docs: &'a [Document], ctx: &'a Ctx) -> Tx<'a> {
        Tx {
            rng,
            w,
            docs,
            ctx,
            used: Vec::new(),
        }
    }

    /// Like [`mix`], avoiding what was used already.
    fn fresh_mix(
        &mut self,
        mine: &'static [&'static str],
        shared: &'static [&'static str],
    ) -> &'static str {
        let mut pick = mix(self.rng, mine, shared);
        for _ in 0..6 {
            if !self.used.contains(&pick) && usable(pick, self.ctx) {
                break;
            }
            pick = mix(self.rng, mine, shared);
        }
        self.used.push(pick);
        pick
    }

    fn fresh(&mut self, list: &'static [&'static str]) -> &'static str {
        self.fresh_mix(&[], list)
    }

    fn expand(&mut self, tpl: &str, out: &mut RunBuf) {
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.text(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed placeholder");
            let mut key = &rest[open + 1..close];
            if let Some(k) = key.strip_prefix('^') {
                out.cap = true;
                key = k;
            }
            self.key(key, out);
            rest = &rest[close + 1..];
        }
        out.text(rest);
    }

    fn string(&mut self, tpl: &str) -> String {
        let mut b = RunBuf::default();
        self.expand(tpl, &mut b);
        b.into_string()
    }

    fn runs(&mut self, tpl: &str) -> Vec<Run> {
        let mut b = RunBuf::default();
        self.expand(tpl, &mut b);
        b.into_runs()
    }

    fn person(&mut self, idx: usize, out: &mut RunBuf) {
        let p = &self.w.cast[idx];
        out.text("đồng chí ");
        out.styled(&p.name, true, false, None);
        out.text(", ");
        out.text(p.position);
    }

    fn key(&mut self, key: &str, out: &mut RunBuf) {
        let topic = &TOPICS[self.ctx.topic];
        let date = Date::from_days(self.ctx.day);
        let (year, month) = (date.year, date.month);
        match key {
            "org" => out.text(&self.ctx.org),
            "org2" => {
                if self.rng.chance(250) {
                    out.text("Đảng ủy ");
                    self.key("place2", out);
                } else {
                    let t = self.fresh(ORGS);
                    out.text(t);
                }
            }
            "place" => out.text(&self.ctx.place),
            "place2" => {
                let p = place_name(self.rng);
                out.text(&p);
            }
            "prov" => out.text(self.w.prov),
            "event" => out.text(&self.ctx.event),
            "ev" => out.text(self.ctx.ev),
            "sd" => {
                out.text(&format!("{} {}/{month}", self.ctx.session, date.day));
            }
            "dm" => {
                out.text(&format!("{}/{month}", date.day));
            }
            "year" => out.text(&year.to_string()),
            "prevyear" => out.text(&(year - 1).to_string()),
            "nextyear" => out.text(&(year + 1).to_string()),
            "y5" => out.text(&(year - 5).to_string()),
            "horizon" => out.text(&((year + 5) / 5 * 5 + 5).to_string()),
            "q" => out.text(["I", "II", "III", "IV"][(month as usize - 1) / 3]),
            "month" => out.text(&month.to_string()),
            "n" => out.text(&self.rng.range(2, 25).to_string()),
            "nth" => out.text(&self.ctx.nth.to_string()),
            "n100" => out.text(&self.rng.range(100, 950).to_string()),
            "big" => out.text(&display::number(self.rng.range(12_000, 480_000) as u64)),
            "sessions" => out.text(&display::number(self.rng.range(300, 4800) as u64)),
            "pct" => {
                let s = format!("{},{}", self.rng.range(70, 99), self.rng.range(0, 9));
                out.text(&s);
            }
            "pct2" => {
                let s = format!("{},{}", self.rng.range(1, 9), self.rng.range(1, 9));
                out.text(&s);
            }
            "inc" => out.text(&self.rng.range(45, 98).to_string()),
            "person" => self.person(self.ctx.people[0], out),
            "person2" => self.person(self.ctx.people[1], out),
            "doc" => match self.ctx.doc {
                Some(i) => {
                    let d = &self.docs[i];
                    out.styled(
                        &format!("{} số {}", d.doc_type, d.number),
                        false,
                        false,
                        Some(format!("/van-ban/{}", d.id)),
                    );
                    out.text(" của ");
                    out.text(&d.issuer);
                }
                None => out.text("kế hoạch công tác năm"),
            },
            "docsum" => match self.ctx.doc {
                Some(i) => {
                    let s = &self.docs[i].summary;
                    let mut chars = s.chars();
                    if let Some(c) = chars.next() {
                        let mut low = String::with_capacity(s.len());
                        if out.cap {
                            low.push(c);
                        } else {
                            low.extend(c.to_lowercase());
                        }
                        low.push_str(chars.as_str());
                        out.text(&low);
                    }
                }
                None => out.text("văn bản mới"),
            },
            "anniv" => out.text(
                self.ctx
                    .anniv
                    .as_deref()
                    .unwrap_or("các ngày lễ lớn của đất nước"),
            ),
            "task" => {
                let t = self.fresh_mix(topic.tasks, GENERIC_TASKS);
                self.expand(t, out);
            }
            "result" => {
                let t = self.fresh_mix(topic.results, GENERIC_OUTCOMES);
                self.expand(t, out);
            }
            "gresult" => {
                let t = self.fresh(GENERIC_RESULTS);
                self.expand(t, out);
            }
            "limit" => {
                let t = self.fresh_mix(topic.limits, GENERIC_LIMITS);
                self.expand(t, out);
            }
            "model" => {
                let t = self.fresh_mix(topic.models, GENERIC_MODELS);
                out.text(t);
            }
            "group" => {
                let t = *self.rng.pick(GROUPS);
                out.text(t);
            }
            "venue" => {
                let t = *self.rng.pick(VENUES);
                self.expand(t, out);
            }
            "activity" => {
                let t = *self.rng.pick(ACTIVITIES);
                out.text(t);
            }
            "metric" => {
                let t = *self.rng.pick(METRICS);
                out.text(t);
            }
            "field" => {
                let t = *self.rng.pick(FIELDS_INLINE);
                out.text(t);
            }
            "theme" => {
                let t = *self.rng.pick(THEMES);
                out.text(t);
            }
            "folk" => {
                let t = *self.rng.pick(FOLK);
                out.text(t);
            }
            "job" => {
                let t = *self.rng.pick(JOBS);
                out.text(t);
            }
            "period" => {
                let t = *self.rng.pick(PERIODS);
                out.text(t);
            }
            "subject" => {
                let list = if self.ctx.central {
                    SUBJECTS_CENTRAL
                } else {
                    SUBJECTS_PROVINCE
                };
                let t = *self.rng.pick(list);
                out.text(t);
            }
            "quote" => {
                // What a leader says: never a saying of Hồ Chí Minh's.
                let q = self.fresh(GENERIC_QUOTES);
                out.styled(&format!("“{q}”"), false, true, None);
            }
            _ => panic!("synth: unknown placeholder {{{key}}}"),
        }
    }
}

// --------------------------------------------------------------- documents

/// (name, code in numbers, code in ids).
const DOC_TYPES: &[(&str, &str, &str)] = &[
    ("Nghị quyết", "NQ", "nq"),
    ("Chỉ thị", "CT", "ct"),
    ("Kết luận", "KL", "kl"),
    ("Hướng dẫn", "HD", "hd"),
    ("Kế hoạch", "KH", "kh"),
    ("Báo cáo", "BC", "bc"),
    ("Quyết định", "QĐ", "qd"),
    ("Thông báo", "TB", "tb"),
    ("Công văn", "CV", "cv"),
];

/// Trích yếu templates, by type.
const DOC_SUMMARIES: &[&[&str]] = &[
    &["Nghị quyết về {subject}", "Nghị quyết về {subject} đến năm {horizon}"],
    &[
        "Chỉ thị về {subject}",
        "Chỉ thị về tăng cường lãnh đạo công tác tuyên truyền kỷ niệm {anniv}",
    ],
    &["Kết luận về tiếp tục {subject}", "Kết luận về việc tiếp tục thực hiện chủ trương {subject}"],
    &[
        "Hướng dẫn tuyên truyền kỷ niệm {anniv}",
        "Hướng dẫn thực hiện chuyên đề năm {year} về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Hướng dẫn tổ chức hội nghị báo cáo viên các cấp năm {year}",
        "Hướng dẫn nội dung sinh hoạt chi bộ định kỳ tháng {month} năm {year}",
        "Hướng dẫn triển khai {subject}",
    ],
    &[
        "Kế hoạch tổ chức các hoạt động kỷ niệm {anniv}",
        "Kế hoạch triển khai {subject} năm {year}",
        "Kế hoạch tổ chức Giải Báo chí về xây dựng Đảng lần thứ {nth}",
        "Kế hoạch công tác tuyên giáo năm {year}",
        "Kế hoạch tổ chức Hội thi báo cáo viên giỏi năm {year}",
    ],
    &[
        "Báo cáo kết quả công tác tuyên giáo {period} năm {year}",
        "Báo cáo tình hình tư tưởng của cán bộ, đảng viên và Nhân dân quý {q} năm {year}",
        "Báo cáo sơ kết việc {subject}",
    ],
    &[
        "Quyết định thành lập Ban Tổ chức Giải Báo chí về xây dựng Đảng lần thứ {nth}",
        "Quyết định ban hành Quy chế làm việc của {org}",
        "Quyết định khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong {field}",
        "Quyết định kiện toàn đội ngũ báo cáo viên năm {year}",
    ],
    &[
        "Thông báo kết luận về {subject}",
        "Thông báo kết quả Hội thi tuyên truyền viên giỏi năm {year}",
        "Thông báo định hướng tuyên truyền tháng {month} năm {year}",
    ],
    &[
        "Về việc tuyên truyền kỷ niệm {anniv}",
        "Về việc đăng ký tham gia Hội thi báo cáo viên giỏi năm {year}",
        "Về việc cung cấp thông tin định hướng tháng {month} năm {year}",
        "Về việc {subject}",
    ],
];

struct Issuer {
    name: &'static str,
    code: &'static str,
    /// State form "1234/QĐ-UBND" (else party form "112-HD/BTGTU").
    state: bool,
    central: bool,
    weight: u32,
    /// (index into DOC_TYPES, weight).
    types: &'static [(usize, u32)],
    /// Indices into CAST; empty: no signer given.
    signers: &'static [usize],
}

const ISSUERS: &[Issuer] = &[
    Issuer {
        name: "Ban Chấp hành Trung ương",
        code: "TW",
        state: false,
        central: true,
        weight: 3,
        types: &[(0, 5), (2, 1)],
        signers: &[],
    },
    Issuer {
        name: "Bộ Chính trị",
        code: "TW",
        state: false,
        central: true,
        weight: 5,
        types: &[(0, 3), (1, 3), (2, 4), (6, 1)],
        signers: &[],
    },
    Issuer {
        name: "Ban Bí thư",
        code: "TW",
        state: false,
        central: true,
        weight: 3,
        types: &[(1, 3), (2, 3), (6, 1), (7, 1)],
        signers: &[],
    },
    Issuer {
        name: "Ban Tuyên giáo Trung ương",
        code: "BTGTW",
        state: false,
        central: true,
        weight: 6,
        types: &[(3, 5), (4, 2), (8, 2), (7, 1)],
        signers: &[],
    },
    Issuer {
        name: "Tỉnh ủy",
        code: "TU",
        state: false,
        central: false,
        weight: 6,
        types: &[(0, 4), (2, 2), (6, 2), (5, 2)],
        signers: &[0, 1],
    },
    Issuer {
        name: "Ban Thường vụ Tỉnh ủy",
        code: "TU",
        state: false,
        central: false,
        weight: 10,
        types: &[(1, 3), (4, 4), (2, 3), (7, 2), (6, 2)],
        signers: &[0, 1],
    },
    Issuer {
        name: "Ban Tuyên giáo Tỉnh ủy",
        code: "BTGTU",
        state: false,
        central: false,
        weight: 25,
        types: &[(3, 6), (4, 5), (5, 3), (8, 4), (7, 2), (6, 2)],
        signers: &[3, 4, 5],
    },
    Issuer {
        name: "Ủy ban nhân dân tỉnh",
        code: "UBND",
        state: true,
        central: false,
        weight: 6,
        types: &[(6, 4), (4, 4), (8, 3), (7, 1)],
        signers: &[2, 6],
    },
    Issuer {
        name: "Ban Dân vận Tỉnh ủy",
        code: "BDVTU",
        state: false,
        central: false,
        weight: 3,
        types: &[(3, 3), (4, 3), (5, 2)],
        signers: &[11],
    },
];

/// What articles need to know of a document besides the document.
struct DocMeta {
    day: i64,
    dtype: usize,
}

/// The document files: 4 PDFs and a text file.
fn document_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = (0..4)
        .map(|k| (format!("files/mau-{k}.pdf"), pdf(k)))
        .collect();
    let txt = "TÀI LIỆU MẪU\n\n\
        Đây là tệp văn bản mẫu do bantin tạo ra để kiểm thử và đo hiệu năng.\n\
        Nội dung không phải văn bản thật của bất kỳ cơ quan nào.\n\n\
        Số ký hiệu, trích yếu, người ký và các ngày tháng trên trang văn bản\n\
        đều là dữ liệu tổng hợp.\n";
    files.push(("files/mau.txt".to_string(), txt.as_bytes().to_vec()));
    files
}

/// A small valid PDF 1.4 of `k + 1` pages (ASCII text, Helvetica), with an
/// exact cross-reference table.
fn pdf(k: usize) -> Vec<u8> {
    let pages = k + 1;
    // Objects: 1 catalog, 2 pages, 3 font, then (page, content) per page.
    let mut objects: Vec<String> = Vec::new();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".to_string());
    let kids: Vec<String> = (0..pages).map(|p| format!("{} 0 R", 4 + 2 * p)).collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    ));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string());
    for p in 0..pages {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * p
        ));
        let stream = format!(
            "BT /F1 20 Tf 72 760 Td (Van ban mau {k}) Tj 0 -30 Td /F1 11 Tf \
             (Trang {} / {pages} - du lieu tong hop de kiem thu bantin.) Tj 0 -16 Td \
             (Khong phai van ban that.) Tj ET",
            p + 1
        );
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for off in offsets {
        table.push_str(&format!("{off:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.extend_from_slice(table.as_bytes());
    out
}

fn make_documents(
    rng: &mut Rng,
    w: &World,
    count: usize,
    today: i64,
    files: &[(String, Vec<u8>)],
) -> (Vec<Document>, Vec<DocMeta>) {
    let span = (count as i64).max(3 * 365);
    let issuer_weights: Vec<u32> = ISSUERS.iter().map(|i| i.weight).collect();
    // (day, issuer, type), then oldest first.
    let mut drafts: Vec<(i64, usize, usize)> = (0..count)
        .map(|_| {
            let day = today - rng.range(0, span);
            let issuer = rng.weighted(&issuer_weights);
            let tw: Vec<u32> = ISSUERS[issuer].types.iter().map(|t| t.1).collect();
            let dtype = ISSUERS[issuer].types[rng.weighted(&tw)].0;
            (day, issuer, dtype)
        })
        .collect();
    drafts.sort_by_key(|d| d.0);

    let mut counters: HashMap<(&str, usize, i32), u32> = HashMap::new();
    let mut docs: Vec<Document> = Vec::with_capacity(count);
    for &(day, iss, dtype) in &drafts {
        let issuer = &ISSUERS[iss];
        let (type_name, type_code, type_ascii) = DOC_TYPES[dtype];
        let year = Date::from_days(day).year;
        let num = {
            let c = counters.entry((issuer.code, dtype, year)).or_insert(0);
            *c += if issuer.state {
                if *c == 0 {
                    rng.range(20, 400) as u32
                } else {
                    rng.range(3, 40) as u32
                }
            } else if *c == 0 {
                rng.range(1, 5) as u32
            } else {
                rng.range(1, 4) as u32
            };
            *c
        };
        let number = if issuer.state {
            format!("{num}/{type_code}-{}", issuer.code)
        } else if num < 10 {
            format!("{num:02}-{type_code}/{}", issuer.code)
        } else {
            format!("{num}-{type_code}/{}", issuer.code)
        };
        let num_text = if !issuer.state && num < 10 {
            format!("{num:02}")
        } else {
            num.to_string()
        };
        let id = format!(
            "{num_text}-{type_ascii}-{}-{year}",
            issuer.code.to_ascii_lowercase()
        );

        let mut ctx = Ctx::new(0, day);
        ctx.org = issuer.name.to_string();
        ctx.central = issuer.central;
        // Guidance for an anniversary comes out up to a few months ahead.
        ctx.anniv = anniversary(rng, day, 75);
        let summary = {
            let tpl = *pick_where(rng, DOC_SUMMARIES[dtype], |t| usable(t, &ctx));
            Tx::new(rng, w, &[], &ctx).string(tpl)
        };

        let signer = (!issuer.signers.is_empty()).then(|| {
            let p = &w.cast[*rng.pick(issuer.signers)];
            Signer {
                name: p.name.clone(),
                position: Some(p.short.to_string()),
            }
        });
        let effective = match rng.below(10) {
            0 => None,
            1 | 2 => Some(Date::from_days(day + rng.range(1, 15)).to_string()),
            _ => Some(Date::from_days(day).to_string()),
        };
        let expires = rng
            .chance(120)
            .then(|| Date::from_days(day + rng.range(365, 5 * 365)).to_string());
        let mut fields = vec![rng.pick(FIELDS).to_string()];
        if rng.chance(300) {
            let f = rng.pick(FIELDS).to_string();
            if f != fields[0] {
                fields.push(f);
            }
        }
        let file_stem = number.replace('/', "-").replace('Đ', "D");
        let mut refs = vec![file_ref(files, rng.below(4), format!("{file_stem}.pdf"))];
        if rng.chance(300) {
            if rng.chance(500) {
                refs.push(file_ref(files, 4, format!("{file_stem}-ghi-chu.txt")));
            } else {
                refs.push(file_ref(
                    files,
                    rng.below(4),
                    format!("{file_stem}-phu-luc.pdf"),
                ));
            }
        }
        let age = (today - day) as u64;
        let views = 30 + rng.below(400) as u64 + age / rng.range(2, 9) as u64;
        let downloads = views * rng.range(10, 85) as u64 / 100;

        docs.push(Document {
            id,
            number,
            doc_type: type_name.to_string(),
            issuer: issuer.name.to_string(),
            signer,
            issued: Date::from_days(day).to_string(),
            effective,
            expires,
            fields,
            summary,
            files: refs,
            views: Some(views),
            downloads: Some(downloads),
            replaces: Vec::new(),
            replaced_by: Vec::new(),
            related: Vec::new(),
        });
    }

    // A few recent documents are not in force yet.
    let n = docs.len();
    for i in (0..n).rev().take(12) {
        let day = drafts[i].0;
        if today - day <= 30 && (i == n - 1 || rng.chance(250)) {
            docs[i].effective = Some(Date::from_days(today + rng.range(1, 40)).to_string());
        }
    }

    // Replacements, oldest first: a document replaces an earlier one of the
    // same issuer code and type, which then expires when it takes effect.
    let mut open: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    for i in 0..docs.len() {
        let (_, iss, dtype) = drafts[i];
        let key = (ISSUERS[iss].code, dtype);
        if matches!(dtype, 0..=4 | 6) && rng.chance(80) {
            if let Some(list) = open.get_mut(&key) {
                if !list.is_empty() {
                    let from = list.len().saturating_sub(5);
                    let at = from + rng.below(list.len() - from);
                    let j = list[at];
                    // The old one ends when the new one takes effect (never
                    // before it took effect itself).
                    let ends = docs[i]
                        .effective
                        .clone()
                        .unwrap_or_else(|| docs[i].issued.clone());
                    let starts = docs[j].effective.as_ref().unwrap_or(&docs[j].issued);
                    if ends >= *starts {
                        list.remove(at);
                        let (old_id, new_id) = (docs[j].id.clone(), docs[i].id.clone());
                        docs[j].replaced_by.push(new_id);
                        docs[j].expires = Some(ends);
                        docs[i].replaces.push(old_id);
                    }
                }
            }
        }
        open.entry(key).or_default().push(i);
    }

    // Related documents nearby in time.
    for i in 0..n {
        if rng.chance(300) {
            for _ in 0..rng.range(1, 2) {
                let lo = i.saturating_sub(40);
                let hi = (i + 40).min(n - 1);
                let j = lo + rng.below(hi - lo + 1);
                let id = docs[j].id.clone();
                if j != i && !docs[i].related.contains(&id) {
                    docs[i].related.push(id);
                }
            }
        }
    }

    // Newest first, ties by id: the order the feed's pages use.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        docs[b]
            .issued
            .cmp(&docs[a].issued)
            .then_with(|| docs[a].id.cmp(&docs[b].id))
    });
    let meta = order
        .iter()
        .map(|&i| DocMeta {
            day: drafts[i].0,
            dtype: drafts[i].2,
        })
        .collect();
    let mut slots: Vec<Option<Document>> = docs.into_iter().map(Some).collect();
    let docs = order
        .iter()
        .map(|&i| slots[i].take().expect("each index once"))
        .collect();
    (docs, meta)
}

fn file_ref(files: &[(String, Vec<u8>)], k: usize, name: String) -> DocumentFileRef {
    let (path, bytes) = &files[k];
    let media_type = if path.ends_with(".pdf") {
        "application/pdf"
    } else {
        "text/plain"
    };
    DocumentFileRef {
        name,
        url: path.clone(),
        media_type: media_type.to_string(),
        size: bytes.len() as u64,
    }
}

/// A document issued on or before `day`, preferably of one of `types`
/// (documents are newest first).
fn pick_doc(rng: &mut Rng, meta: &[DocMeta], day: i64, types: &[usize]) -> Option<usize> {
    if meta.is_empty() {
        return None;
    }
    let start = meta.partition_point(|m| m.day > day).min(meta.len() - 1);
    let end = (start + 80).min(meta.len());
    let fitting: Vec<usize> = (start..end)
        .filter(|&i| types.contains(&meta[i].dtype))
        .take(12)
        .collect();
    if fitting.is_empty() {
        Some(start + rng.below(end - start))
    } else {
        Some(*rng.pick(&fitting))
    }
}

// ---------------------------------------------------------------- articles

struct Draft {
    summary: ArticleSummary,
    ctx: Ctx,
}

const SOURCES: &[(&str, Option<&str>)] = &[
    ("Ban Tuyên giáo Tỉnh ủy {prov}", None),
    ("Báo {prov}", Some("https://bao{slug}.example")),
    (
        "Đài Phát thanh và Truyền hình {prov}",
        Some("https://ptth{slug}.example"),
    ),
    (
        "Cổng Thông tin điện tử tỉnh {prov}",
        Some("https://{slug}.example"),
    ),
    ("Tạp chí Tuyên giáo", None),
    ("Trung tâm Chính trị {place}", None),
];

fn make_articles(
    rng: &mut Rng,
    w: &World,
    n: usize,
    gen_at: i64,
    docs: &[Document],
    meta: &[DocMeta],
) -> Vec<Article> {
    let topic_weights: Vec<u32> = TOPICS.iter().map(|t| t.weight).collect();
    let mut titles: HashSet<String> = HashSet::with_capacity(n);
    let mut drafts: Vec<Draft> = Vec::with_capacity(n);

    let mut t = gen_at - rng.range(3, 50);
    for i in 0..n {
        let published = t;
        let mut gap = rng.range(25, 280);
        if Date::from_days(t.div_euclid(MIN_PER_DAY)).weekday() >= 6 {
            gap *= 2;
        }
        t -= gap;
        if t.rem_euclid(MIN_PER_DAY) < 6 * 60 {
            t = (t.div_euclid(MIN_PER_DAY) - 1) * MIN_PER_DAY + 22 * 60 - rng.range(0, 90);
        }
        drafts.push(draft_article(
            rng,
            w,
            docs,
            meta,
            i,
            n,
            published,
            gen_at,
            &topic_weights,
            &mut titles,
        ));
    }

    // Bodies, now that every slug is known.
    let slugs: Vec<(String, String)> = drafts
        .iter()
        .map(|d| (d.summary.slug.clone(), d.summary.title.clone()))
        .collect();
    let mut out = Vec::with_capacity(n);
    for (i, d) in drafts.into_iter().enumerate() {
        let related = pick_related(rng, i, n);
        let body = make_body(rng, w, docs, meta, &d, &related, &slugs);
        let related = related.iter().map(|&j| format!("a{}", n - j)).collect();
        let mut article = Article {
            summary: d.summary,
            related,
            // No generated recording: its file would have to exist (the
            // app reads such articles with the device's voice).
            audio: None,
            body,
        };
        // The count the app would make from the body (the summary has none yet).
        article.summary.word_count = Some(article.word_count() as u32);
        out.push(article);
    }
    out
}

fn pick_related(rng: &mut Rng, i: usize, n: usize) -> Vec<usize> {
    let want = (rng.range(2, 3) as usize).min(n.saturating_sub(1));
    let mut out = Vec::with_capacity(want);
    let mut tries = 0;
    while out.len() < want && tries < 50 {
        tries += 1;
        // Mostly older articles, a little newer ones, near in time.
        let j = if i + 1 < n && (i == 0 || rng.chance(800)) {
            (i + 1 + rng.below(60)).min(n - 1)
        } else {
            i.saturating_sub(1 + rng.below(60))
        };
        if j != i && !out.contains(&j) {
            out.push(j);
        }
    }
    if out.len() < want {
        for j in 0..n {
            if out.len() == want {
                break;
            }
            if j != i && !out.contains(&j) {
                out.push(j);
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn draft_article(
    rng: &mut Rng,
    w: &World,
    docs: &[Document],
    meta: &[DocMeta],
    i: usize,
    n: usize,
    published: i64,
    gen_at: i64,
    topic_weights: &[u32],
    titles: &mut HashSet<String>,
) -> Draft {
    let id = format!("a{}", n - i);
    let pub_day = published.div_euclid(MIN_PER_DAY);
    let pub_hour = published.rem_euclid(MIN_PER_DAY) / 60;

    // The event happened earlier the same day or the day before.
    let (day, session) = match pub_hour {
        18.. => (pub_day, *rng.pick(&["sáng", "chiều", "ngày"])),
        12.. => (pub_day, *rng.pick(&["sáng", "sáng", "ngày"])),
        _ => (pub_day - 1, *rng.pick(&["sáng", "chiều", "ngày"])),
    };
    let anniv = anniversary(rng, day, 25);
    let mut topic_idx = rng.weighted(topic_weights);
    if anniv.is_none()
        && TOPICS[topic_idx]
            .events
            .iter()
            .all(|e| e.0.contains("{anniv}"))
    {
        topic_idx = 0;
    }
    let topic = &TOPICS[topic_idx];
    let mut ctx = Ctx::new(topic_idx, day);
    ctx.session = session;
    ctx.place = place_name(rng);
    ctx.anniv = anniv;
    ctx.doc = pick_doc(rng, meta, day, topic.doc_types);
    let p0 = pick_person(rng);
    let mut p1 = pick_person(rng);
    if p1 == p0 {
        p1 = (p0 + 1) % CAST.len();
    }
    ctx.people = [p0, p1];

    // A title that names a place is about an organiser of that place.
    let mut title_tpl = *pick_where(rng, topic.titles, |t| usable(t, &ctx));
    let local = title_tpl.contains("place}");
    let org_tpl = if topic.about_doc {
        None
    } else if local || rng.chance(200) {
        Some(*rng.pick(LOCAL_ORGS))
    } else {
        Some(mix(rng, topic.orgs, ORGS))
    };
    let &(event, ev) = pick_where(rng, topic.events, |e| usable(e.0, &ctx));
    ctx.ev = ev;

    // A title not used yet: other templates, then other places, then a suffix.
    let mut title = String::new();
    for attempt in 0..12 {
        if attempt > 0 {
            title_tpl = *pick_where(rng, topic.titles, |t| {
                usable(t, &ctx) && t.contains("place}") == local
            });
        }
        if attempt == 0 || attempt >= 3 {
            if attempt > 0 {
                ctx.place = place_name(rng);
            }
            ctx.org = match org_tpl {
                None => ctx
                    .doc
                    .map(|d| docs[d].issuer.clone())
                    .unwrap_or_else(|| "Ban Tuyên giáo Tỉnh ủy".into()),
                Some(t) => Tx::new(rng, w, docs, &ctx).string(t),
            };
            ctx.event = Tx::new(rng, w, docs, &ctx).string(event);
        }
        let mut tx = Tx::new(rng, w, docs, &ctx);
        title = tx.string(title_tpl);
        if attempt >= 3 && !title.contains(&ctx.place) {
            title.push_str(" tại ");
            title.push_str(&ctx.place);
        }
        let year = Date::from_days(ctx.day).year.to_string();
        if attempt >= 9 && !title.contains(&year) {
            title.push_str(" năm ");
            title.push_str(&year);
        }
        if !titles.contains(&title) {
            break;
        }
    }
    titles.insert(title.clone());

    let sapo = {
        let tpl = *pick_where(rng, SAPOS, |t| usable(t, &ctx));
        Tx::new(rng, w, docs, &ctx).string(tpl)
    };
    let slug = format!("{}-{id}", slugify(&title, 9));

    let cover = (i < 5 || rng.chance(850)).then(|| {
        let k = rng.below(8);
        let alt = {
            let tpl = *rng.pick(&[
                "Quang cảnh {ev}",
                "Các đại biểu dự {ev}",
                "Ảnh minh họa: {event}",
            ]);
            Tx::new(rng, w, docs, &ctx).string(tpl)
        };
        Image {
            src: format!("media/cover-{k}.svg"),
            alt,
            caption: None,
            credit: None,
            width: Some(1200),
            height: Some(675),
        }
    });
    let updated = rng
        .chance(150)
        .then(|| (published + rng.range(15, 2880)).min(gen_at))
        .filter(|&u| u > published);
    let author = rng.chance(900).then(|| rng.pick(AUTHORS).to_string());
    let source = rng.chance(650).then(|| {
        let &(name, url) = rng.pick(SOURCES);
        Source {
            name: name
                .replace("{prov}", w.prov)
                .replace("{place}", &ctx.place),
            url: url.map(|u| u.replace("{slug}", &w.prov_slug)),
        }
    });
    let category = format!("c{}", topic.cat + 1);
    let mut categories = Vec::new();
    if rng.chance(250) {
        let extra = if rng.chance(500) {
            0
        } else {
            rng.below(CATEGORIES.len())
        };
        if extra != topic.cat {
            categories.push(format!("c{}", extra + 1));
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..rng.range(1, 4) {
        let t = if rng.chance(850) {
            *rng.pick(topic.tags)
        } else {
            rng.below(TAGS.len())
        };
        let tag = TAGS[t].to_string();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let age_days = ((gen_at - published) / MIN_PER_DAY) as u64;
    let mut views = 40 + rng.below(500) as u64 + age_days.min(400) * rng.range(0, 3) as u64;
    if rng.chance(60) {
        views *= rng.range(5, 30) as u64;
    }

    Draft {
        summary: ArticleSummary {
            id,
            slug,
            title,
            sapo,
            cover,
            published: fmt_dt(published),
            updated: updated.map(fmt_dt),
            date_only: false,
            author,
            author_position: None,
            source,
            category,
            categories,
            tags,
            views: Some(views),
            word_count: None,
        },
        ctx,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Paragraph,
    Heading,
    Image,
    Quote,
    List,
    Table,
    Gallery,
    Attachment,
    Video,
}

const KINDS: &[(Kind, u32)] = &[
    (Kind::Paragraph, 46),
    (Kind::Heading, 10),
    (Kind::Image, 12),
    (Kind::Quote, 7),
    (Kind::List, 7),
    (Kind::Table, 3),
    (Kind::Gallery, 3),
    (Kind::Attachment, 5),
    (Kind::Video, 3),
];

fn photo(rng: &mut Rng, alt: String, caption: Option<String>, credit: Option<String>) -> Image {
    let k = rng.below(PHOTOS.len());
    let (w, h) = PHOTOS[k];
    Image {
        src: format!("media/anh-{k}.svg"),
        alt,
        caption,
        credit,
        width: Some(w),
        height: Some(h),
    }
}

/// What a paragraph of the body does, in the order news reports go.
#[derive(Clone, Copy)]
enum Move {
    Report,
    Limits,
    Direction,
    Reward,
    Closing,
}

const PLAN: [Move; 7] = [
    Move::Report,
    Move::Report,
    Move::Limits,
    Move::Report,
    Move::Direction,
    Move::Reward,
    Move::Closing,
];

/// `k` moves in the order of [`PLAN`] (more reports first if `k` is larger).
fn plan(rng: &mut Rng, k: usize) -> Vec<Move> {
    let mut picked: Vec<Move> = PLAN.to_vec();
    while picked.len() > k {
        picked.remove(rng.below(picked.len()));
    }
    while picked.len() < k {
        picked.insert(0, Move::Report);
    }
    picked
}

fn paragraph(tx: &mut Tx, mv: Move) -> Vec<Run> {
    let topic = &TOPICS[tx.ctx.topic];
    let mut sentences: Vec<&'static str> = Vec::new();
    if topic.about_doc {
        for _ in 0..tx.rng.range(2, 3) {
            sentences.push(tx.fresh(DOC_BODY));
        }
    } else {
        match mv {
            Move::Report => {
                for _ in 0..tx.rng.range(2, 3) {
                    sentences.push(tx.fresh(REPORT));
                }
            }
            Move::Limits => {
                if tx.rng.chance(500) {
                    sentences.push(tx.fresh(REPORT));
                }
                sentences.push(tx.fresh(LIMITS));
                if tx.rng.chance(400) {
                    sentences.push(tx.fresh(CAUSES));
                }
            }
            Move::Direction => {
                sentences.push(tx.fresh(DIRECT_LEAD));
                sentences.push(tx.fresh(DIRECT_ASK));
                if tx.rng.chance(500) {
                    sentences.push(tx.fresh(DIRECT_DETAIL));
                }
            }
            Move::Reward => {
                sentences.push(tx.fresh(REWARD));
                if tx.rng.chance(500) {
                    sentences.push(tx.fresh(CLOSING));
                }
            }
            Move::Closing => {
                for _ in 0..tx.rng.range(1, 2) {
                    sentences.push(tx.fresh(CLOSING));
                }
            }
        }
    }
    let mut b = RunBuf::default();
    for (i, tpl) in sentences.into_iter().enumerate() {
        if i > 0 {
            b.text(" ");
        }
        tx.expand(tpl, &mut b);
    }
    b.into_runs()
}

fn make_body(
    rng: &mut Rng,
    w: &World,
    docs: &[Document],
    meta: &[DocMeta],
    d: &Draft,
    related: &[usize],
    slugs: &[(String, String)],
) -> Vec<Block> {
    let ctx = &d.ctx;
    let topic = &TOPICS[ctx.topic];
    let mut tx = Tx::new(rng, w, docs, ctx);
    // Sometimes a closing line with links (a related article, or the
    // source), counted in the 3 to 10 blocks.
    let see_also = !related.is_empty() && tx.rng.chance(250);
    let source_line = !see_also && tx.rng.chance(80);
    let n_blocks = tx.rng.range(3, 10) as usize - usize::from(see_also || source_line);
    let weights: Vec<u32> = KINDS.iter().map(|k| k.1).collect();

    // The kinds of the blocks after the opening paragraph: at least half
    // of them paragraphs, a paragraph after each heading, no heading last,
    // at most one of each kind but paragraphs, headings and images.
    let mut kinds: Vec<Kind> = Vec::with_capacity(n_blocks);
    let min_paragraphs = n_blocks / 2;
    for pos in 1..n_blocks {
        let last = pos + 1 == n_blocks;
        let mut kind = KINDS[tx.rng.weighted(&weights)].0;
        if topic.about_doc && pos == 1 {
            kind = Kind::Attachment;
        }
        let paragraphs = kinds.iter().filter(|&&k| k == Kind::Paragraph).count();
        let remaining = n_blocks - pos;
        let repeated =
            !matches!(kind, Kind::Paragraph | Kind::Heading | Kind::Image) && kinds.contains(&kind);
        if kinds.last() == Some(&Kind::Heading)
            || (kind == Kind::Heading && last)
            || repeated
            || paragraphs + remaining <= min_paragraphs
        {
            kind = Kind::Paragraph;
        }
        kinds.push(kind);
    }
    let paragraphs = kinds.iter().filter(|&&k| k == Kind::Paragraph).count();
    let mut moves = plan(tx.rng, paragraphs).into_iter();

    let credit = d.summary.author.as_ref().map(|a| format!("Ảnh: {a}"));
    let mut blocks: Vec<Block> = Vec::with_capacity(n_blocks + 1);
    let mut had_heading = false;

    // Opening paragraph: what, where, who.
    {
        let opening = if topic.openings.is_empty() {
            OPENINGS
        } else {
            topic.openings
        };
        let mut b = RunBuf::default();
        let tpl = tx.fresh(opening);
        tx.expand(tpl, &mut b);
        b.text(" ");
        let tpl = if topic.about_doc {
            tx.fresh(DOC_BODY)
        } else {
            tx.fresh(ATTEND)
        };
        tx.expand(tpl, &mut b);
        blocks.push(Block::Paragraph {
            runs: b.into_runs(),
        });
    }

    for (i, &kind) in kinds.iter().enumerate() {
        let pos = i + 1;
        let block = match kind {
            Kind::Paragraph => Block::Paragraph {
                runs: paragraph(&mut tx, moves.next().unwrap_or(Move::Report)),
            },
            Kind::Heading => {
                let level = if had_heading && tx.rng.chance(300) {
                    3
                } else {
                    2
                };
                had_heading = true;
                let tpl = tx.fresh_mix(topic.headings, GENERIC_HEADINGS);
                Block::Heading {
                    text: tx.string(tpl),
                    level,
                }
            }
            Kind::Image => {
                let tpl = tx.fresh(CAPTIONS);
                let caption = tx.string(tpl);
                let alt = caption.trim_end_matches('.').to_string();
                Block::Image(photo(tx.rng, alt, Some(caption), credit.clone()))
            }
            Kind::Quote => {
                let text = tx.fresh_mix(topic.quotes, GENERIC_QUOTES).to_string();
                let cite = if HCM_QUOTES.contains(&text.as_str()) {
                    Some("Chủ tịch Hồ Chí Minh".to_string())
                } else if tx.rng.chance(850) {
                    let p = &w.cast[ctx.people[tx.rng.below(2)]];
                    Some(format!("Đồng chí {}, {}", p.name, p.position))
                } else {
                    None
                };
                Block::Quote { text, cite }
            }
            Kind::List => {
                let count = tx.rng.range(3, 5);
                let mut items: Vec<String> = Vec::new();
                for _ in 0..count * 2 {
                    if items.len() as i64 == count {
                        break;
                    }
                    let item = tx.string("{^task}");
                    if !items.contains(&item) {
                        items.push(item);
                    }
                }
                Block::List {
                    ordered: tx.rng.chance(400),
                    items,
                }
            }
            Kind::Table => table(&mut tx),
            Kind::Gallery => {
                let count = tx.rng.range(3, 6);
                let images = (0..count)
                    .map(|_| {
                        let tpl = *tx.rng.pick(CAPTIONS);
                        let caption = tx.string(tpl);
                        let alt = caption.trim_end_matches('.').to_string();
                        photo(tx.rng, alt, Some(caption), None)
                    })
                    .collect();
                let caption = tx
                    .rng
                    .chance(700)
                    .then(|| tx.string("Một số hình ảnh tại {ev}"));
                Block::Gallery { caption, images }
            }
            Kind::Attachment => {
                let doc = if topic.about_doc {
                    ctx.doc
                } else {
                    pick_doc(tx.rng, meta, ctx.day, &[0, 1, 2, 3, 4, 6, 7])
                };
                match doc {
                    Some(i) => {
                        let dd = &docs[i];
                        let title = tx
                            .rng
                            .chance(800)
                            .then(|| format!("Toàn văn {} số {}", dd.doc_type, dd.number));
                        Block::Attachment {
                            document: dd.id.clone(),
                            title,
                        }
                    }
                    None => Block::Paragraph {
                        runs: tx.runs("{^result}."),
                    },
                }
            }
            Kind::Video => {
                let k = tx.rng.below(8);
                let poster = Image {
                    src: format!("media/cover-{k}.svg"),
                    alt: tx.string("Hình ảnh {ev}"),
                    caption: None,
                    credit: None,
                    width: Some(1200),
                    height: Some(675),
                };
                Block::Video {
                    url: format!(
                        "https://video.example.org/bantin/{}-{pos}.mp4",
                        d.summary.id
                    ),
                    poster,
                    title: tx
                        .rng
                        .chance(800)
                        .then(|| tx.string("Video: {^ev} tại {place}")),
                    duration: Some(tx.rng.range(45, 900) as u32),
                }
            }
        };
        blocks.push(block);
    }

    if see_also {
        let (slug, title) = &slugs[related[0]];
        blocks.push(Block::Paragraph {
            runs: vec![
                Run {
                    text: "Xem thêm: ".into(),
                    bold: true,
                    ..Run::default()
                },
                Run {
                    text: title.clone(),
                    link: Some(format!("/tin-tuc/{slug}")),
                    ..Run::default()
                },
            ],
        });
    } else if source_line {
        blocks.push(Block::Paragraph {
            runs: vec![
                Run {
                    text: "Toàn văn các văn kiện được đăng tải trên ".into(),
                    ..Run::default()
                },
                Run {
                    text: "Báo điện tử Đảng Cộng sản Việt Nam".into(),
                    italic: true,
                    link: Some("https://dangcongsan.vn".into()),
                    ..Run::default()
                },
                Run {
                    text: ".".into(),
                    ..Run::default()
                },
            ],
        });
    }
    blocks
}

fn table(tx: &mut Tx) -> Block {
    let year = Date::from_days(tx.ctx.day).year;
    if tx.rng.chance(600) {
        let activity = *tx.rng.pick(ACTIVITIES);
        let rows = (0..tx.rng.range(3, 6))
            .map(|_| {
                let sessions = tx.rng.range(8, 120);
                let people = sessions * tx.rng.range(30, 160);
                vec![
                    {
                        let p = place_name(tx.rng);
                        let mut b = RunBuf {
                            cap: true,
                            ..RunBuf::default()
                        };
                        b.text(&p);
                        b.into_string()
                    },
                    sessions.to_string(),
                    display::number(people as u64),
                    format!("{},{}", tx.rng.range(75, 99), tx.rng.range(0, 9)),
                ]
            })
            .collect();
        Block::Table {
            caption: Some(format!(
                "Kết quả {activity} năm {year} tại một số địa phương"
            )),
            header: vec![
                "Đơn vị".into(),
                "Số buổi".into(),
                "Lượt người tham gia".into(),
                "Tỷ lệ (%)".into(),
            ],
            rows,
        }
    } else {
        let start = monday_of(tx.ctx.day) + 7;
        let rows = (0..tx.rng.range(3, 5))
            .map(|i| {
                let day = Date::from_days(start + i);
                let when = format!(
                    "{}, {:02}/{:02}",
                    display::weekday_name(day.weekday()),
                    day.day,
                    day.month
                );
                let what = tx.string("{^task}");
                let place = tx.string("{^venue}");
                vec![when, what, place]
            })
            .collect();
        Block::Table {
            caption: Some(tx.string("Lịch triển khai các hoạt động của {org}")),
            header: vec!["Thời gian".into(), "Nội dung".into(), "Địa điểm".into()],
            rows,
        }
    }
}

// ---------------------------------------------------------------- calendar

const CAL_CONTENT: &[&str] = &[
    "Giao ban Lãnh đạo Ban",
    "Dự {^event}",
    "Dự {^event}",
    "Làm việc với Đảng ủy {place} về công tác tuyên giáo",
    "Kiểm tra công tác tuyên giáo tại Đảng ủy {place}",
    "Tiếp và làm việc với Đoàn công tác của Ban Tuyên giáo Trung ương",
    "Họp Hội đồng thẩm định tài liệu sinh hoạt chi bộ tháng {month}",
    "Họp Ban Chỉ đạo 35 tỉnh",
    "Làm việc tại cơ quan",
    "Duyệt nội dung Thông báo nội bộ tháng {month}",
    "Dự Hội nghị Ban Thường vụ Tỉnh ủy",
    "Dự Hội nghị báo cáo viên cấp tỉnh tháng {month}",
    "Họp Hội đồng thi đua, khen thưởng của Ban",
    "Dự Lễ kỷ niệm {anniv}",
    "Làm việc với Hội Nhà báo tỉnh về Giải Báo chí về xây dựng Đảng",
    "Giao ban công tác tuyên giáo với các đảng ủy trực thuộc",
    "Dự Hội thảo khoa học “{theme}”",
    "Đi cơ sở nắm tình hình tư tưởng tại {place}",
];

const CAL_PARTICIPANTS: &[&str] = &[
    "Lãnh đạo Ban; trưởng, phó các phòng",
    "Toàn thể cán bộ, công chức cơ quan",
    "Đại diện lãnh đạo Phòng Tuyên truyền – Báo chí, Phòng Lý luận chính trị và Lịch sử Đảng",
    "Thành viên Ban Chỉ đạo",
    "Báo cáo viên cấp tỉnh",
    "Thành viên Hội đồng; chuyên viên theo dõi",
    "Lãnh đạo Ban, Văn phòng Ban",
];

const CAL_LOCATIONS: &[&str] = &[
    "Phòng họp số 1, Ban Tuyên giáo Tỉnh ủy",
    "Hội trường Tỉnh ủy",
    "Phòng họp trực tuyến Tỉnh ủy",
    "Trung tâm Hội nghị tỉnh",
    "Phòng họp tầng 3, Ban Tuyên giáo Tỉnh ủy",
];

const CAL_UNITS: &[&str] = &[
    "Văn phòng Ban",
    "Phòng Tuyên truyền – Báo chí",
    "Phòng Lý luận chính trị và Lịch sử Đảng",
    "Phòng Khoa giáo – Văn hóa – Văn nghệ",
    "Trung tâm Thông tin, Truyền thông",
    "Văn phòng Tỉnh ủy",
];

const CAL_NOTES: &[&str] = &[
    "Đề nghị các đồng chí có mặt trước 15 phút",
    "Trang phục: áo sơ mi trắng",
    "Đăng ký đầu mối qua Văn phòng Ban",
    "Chuẩn bị ý kiến phát biểu bằng văn bản",
];

const CANCEL_REASONS: &[&str] = &[
    "Hoãn do đồng chí chủ trì có lịch công tác đột xuất",
    "Tạm hoãn, thời gian tổ chức sẽ thông báo sau",
    "Không tổ chức theo đề nghị của đơn vị chủ trì",
];

const SESSION_STARTS: [&[i64]; 3] = [
    &[420, 450, 480, 480, 510, 540, 570, 600, 630],
    &[810, 840, 840, 870, 900, 930, 960],
    &[1140, 1170, 1200],
];
const SESSION_ENDS: [i64; 3] = [690, 1050, 1320];

fn make_calendar(
    rng: &mut Rng,
    w: &World,
    weeks: usize,
    today: i64,
    gen_at: i64,
    docs: &[Document],
    meta: &[DocMeta],
) -> Vec<CalendarWeek> {
    let this_monday = monday_of(today);
    let first = this_monday + 7 - 7 * (weeks as i64 - 1);
    let topic_weights: Vec<u32> = TOPICS
        .iter()
        .map(|t| if t.about_doc { 0 } else { t.weight })
        .collect();
    (0..weeks)
        .map(|k| {
            let monday = first + 7 * k as i64;
            let week = Date::from_days(monday).iso_week().to_string();
            let count = rng.range(8, 16);
            let mut entries: Vec<(i64, CalendarEntry)> = (0..count)
                .map(|_| {
                    let day = monday + rng.weighted(&[10, 10, 10, 10, 10, 3]) as i64;
                    let s = rng.weighted(&[55, 38, 7]);
                    let start_min = *rng.pick(SESSION_STARTS[s]);
                    let start = day * MIN_PER_DAY + start_min;
                    let end = rng.chance(650).then(|| {
                        let e = (start_min + 30 * rng.range(2, 6)).min(SESSION_ENDS[s]);
                        fmt_dt(day * MIN_PER_DAY + e)
                    });
                    let mut ctx = Ctx::new(rng.weighted(&topic_weights), day);
                    ctx.place = place_name(rng);
                    ctx.anniv = anniversary(rng, day, 14);
                    let &(event, ev) =
                        pick_where(rng, TOPICS[ctx.topic].events, |e| usable(e.0, &ctx));
                    ctx.ev = ev;
                    ctx.doc = pick_doc(rng, meta, day, TOPICS[ctx.topic].doc_types);
                    ctx.event = Tx::new(rng, w, docs, &ctx).string(event);
                    let mut tx = Tx::new(rng, w, docs, &ctx);
                    let tpl = *pick_where(tx.rng, CAL_CONTENT, |t| usable(t, &ctx));
                    let content = tx.string(tpl);
                    let chair = match tx.rng.below(10) {
                        0 => None,
                        1 => Some("Thường trực Tỉnh ủy".to_string()),
                        2 => Some("Lãnh đạo Ban".to_string()),
                        _ => {
                            let p = &w.cast[*tx.rng.pick(&[3, 4, 5])];
                            Some(format!("Đồng chí {}, {}", p.name, p.short))
                        }
                    };
                    let participants = tx
                        .rng
                        .chance(800)
                        .then(|| tx.rng.pick(CAL_PARTICIPANTS).to_string());
                    // Where: the place the entry names, the event's venue, or the office.
                    let location = tx.rng.chance(900).then(|| {
                        let tpl = if tpl.contains("{place}") {
                            "Trụ sở Đảng ủy {place}"
                        } else if tpl.contains("{^event}") && tx.rng.chance(700) {
                            "{^venue}"
                        } else {
                            *tx.rng.pick(CAL_LOCATIONS)
                        };
                        tx.string(tpl)
                    });
                    let preparing_unit = tx
                        .rng
                        .chance(600)
                        .then(|| tx.rng.pick(CAL_UNITS).to_string());
                    let note = tx
                        .rng
                        .chance(250)
                        .then(|| tx.rng.pick(CAL_NOTES).to_string());
                    let emphasis = tx.rng.chance(120);
                    let roll = tx.rng.below(1000);
                    let (status, change) = if roll < 30 {
                        (
                            EntryStatus::Cancelled,
                            Some(tx.rng.pick(CANCEL_REASONS).to_string()),
                        )
                    } else if roll < 80 {
                        let change = match tx.rng.below(3) {
                            0 => {
                                let old = (start_min - 60 * tx.rng.range(1, 2)).max(420);
                                format!(
                                    "Chuyển thời gian từ {} sang {}",
                                    fmt_hm(old),
                                    fmt_hm(start_min)
                                )
                            }
                            1 => {
                                let tpl = *tx.rng.pick(CAL_LOCATIONS);
                                format!("Thay đổi địa điểm: {}", tx.string(tpl))
                            }
                            _ => format!("Bổ sung thành phần: {}", tx.rng.pick(CAL_PARTICIPANTS)),
                        };
                        (EntryStatus::Changed, Some(change))
                    } else {
                        (EntryStatus::Scheduled, None)
                    };
                    let entry = CalendarEntry {
                        id: String::new(),
                        start: fmt_dt(start),
                        end,
                        session: [Session::Sang, Session::Chieu, Session::Toi][s],
                        content,
                        chair,
                        participants,
                        location,
                        preparing_unit,
                        note,
                        emphasis,
                        status,
                        change,
                        timing: None,
                        end_date: None,
                    };
                    (start, entry)
                })
                .collect();
            entries.sort_by_key(|e| e.0);
            let lower = week.to_ascii_lowercase();
            let changed = entries.iter().any(|e| e.1.status != EntryStatus::Scheduled);
            let entries: Vec<CalendarEntry> = entries
                .into_iter()
                .enumerate()
                .map(|(i, (_, mut e))| {
                    e.id = format!("{lower}-{:02}", i + 1);
                    e
                })
                .collect();
            // Published the Friday before; changed during the week.
            let mut updated = (monday - 3) * MIN_PER_DAY + 16 * 60 + rng.range(0, 90);
            if changed {
                updated = (monday + rng.range(0, 3)) * MIN_PER_DAY + 17 * 60 + rng.range(0, 60);
            }
            let note = rng.chance(200).then(|| {
                "Lịch công tác có thể điều chỉnh theo chỉ đạo của Thường trực Tỉnh ủy; \
                 các phòng chủ động theo dõi."
                    .to_string()
            });
            CalendarWeek {
                week,
                updated: Some(fmt_dt(updated.min(gen_at))),
                note,
                entries,
            }
        })
        .collect()
}

// -------------------------------------------------------------------- site

fn make_site(
    rng: &mut Rng,
    w: &World,
    articles: &[Article],
    docs: &[Document],
    meta: &[DocMeta],
) -> Site {
    let prov = w.prov;
    let editor = &w.cast[4];
    let license = Date::from_days(days_from_civil(2016, 1, 1) + rng.range(0, 1500));
    let mut quick_links = vec![
        Link {
            title: "Lịch công tác tuần".into(),
            url: "/lich-cong-tac".into(),
            image: None,
        },
        Link {
            title: "Văn bản mới".into(),
            url: "/van-ban".into(),
            image: None,
        },
    ];
    if let Some(i) = meta.iter().position(|m| m.dtype == 3) {
        quick_links.push(Link {
            title: "Tài liệu sinh hoạt chi bộ".into(),
            url: format!("/van-ban/{}", docs[i].id),
            image: None,
        });
    }
    if let Some(i) = meta.iter().position(|m| m.dtype == 1) {
        quick_links.push(Link {
            title: "Văn bản chỉ đạo".into(),
            url: format!("/van-ban/{}", docs[i].id),
            image: None,
        });
    }
    if let Some(a) = articles.iter().find(|a| a.summary.category == "c6") {
        quick_links.push(Link {
            title: "Sổ tay đảng viên điện tử".into(),
            url: format!("/tin-tuc/{}", a.summary.slug),
            image: None,
        });
    }
    quick_links.push(Link {
        title: "Tìm kiếm".into(),
        url: "/tim-kiem".into(),
        image: None,
    });
    let total = 1_000_000 + articles.len() as u64 * 180 + rng.below(9_000_000) as u64;
    Site {
        name: format!("Ban Tuyên giáo Tỉnh ủy {prov}"),
        department: format!("Tỉnh ủy {prov}"),
        short_name: "BTG Tỉnh ủy".into(),
        logo: Some(Image {
            src: "media/logo.svg".into(),
            alt: format!("Biểu trưng Ban Tuyên giáo Tỉnh ủy {prov}"),
            caption: None,
            credit: None,
            width: Some(256),
            height: Some(256),
        }),
        description: Some(format!(
            "Trang thông tin điện tử của Ban Tuyên giáo Tỉnh ủy {prov}. Dữ liệu mẫu do bantin tổng hợp \
             tự động (seed {}) để kiểm thử: tỉnh, con người, tin bài và văn bản đều không có thật.",
            w.seed
        )),
        contact: Contact {
            address: Some(format!(
                "Số {}, đường {}, phường {}, tỉnh {prov}",
                rng.range(1, 120),
                rng.pick(&["Trần Hưng Đạo", "Lê Lợi", "Quang Trung", "Nguyễn Trãi", "Hai Bà Trưng"]),
                rng.pick(PLACES)
            )),
            phone: Some(format!("02{} {} {}", rng.range(10, 99), rng.range(3800, 3899), rng.range(100, 999))),
            email: Some(format!("bantuyengiao@{}.example", w.prov_slug)),
            editor: Some(format!("{}, Phó Trưởng Ban Tuyên giáo Tỉnh ủy", editor.name)),
            license: Some(format!(
                "Giấy phép số {}/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh {prov} cấp ngày {}",
                rng.range(10, 250),
                display::date(license)
            )),
        },
        linked_websites: vec![
            Link { title: "Báo điện tử Đảng Cộng sản Việt Nam".into(), url: "https://dangcongsan.vn".into(), image: None },
            Link { title: "Tạp chí Tuyên giáo".into(), url: "https://tuyengiao.vn".into(), image: None },
            Link { title: "Báo Nhân Dân".into(), url: "https://nhandan.vn".into(), image: None },
            Link { title: "Tạp chí Cộng sản".into(), url: "https://www.tapchicongsan.org.vn".into(), image: None },
            Link { title: "Cổng Thông tin điện tử Chính phủ".into(), url: "https://chinhphu.vn".into(), image: None },
            Link { title: format!("Cổng Thông tin điện tử tỉnh {prov}"), url: format!("https://{}.example", w.prov_slug), image: None },
        ],
        quick_links,
        counters: Some(Counters {
            online: rng.range(15, 180) as u64,
            today: rng.range(800, 25_000) as u64,
            total,
        }),
        visits: Vec::new(),
    }
}

// ------------------------------------------------------------------- media

/// (width, height) of `media/anh-{k}.svg`.
const PHOTOS: &[(u32, u32)] = &[
    (1024, 768),
    (1024, 768),
    (1024, 768),
    (1024, 768),
    (768, 1024),
    (768, 1024),
];

/// Cover palettes: (from, to, accent).
const PALETTES: [(&str, &str, &str); 8] = [
    ("#b71c1c", "#e53935", "#ffd54f"),
    ("#0d47a1", "#42a5f5", "#fff176"),
    ("#1b5e20", "#66bb6a", "#fff59d"),
    ("#4a148c", "#ab47bc", "#ffe082"),
    ("#e65100", "#ffa726", "#fffde7"),
    ("#004d40", "#26a69a", "#ffeb3b"),
    ("#3e2723", "#8d6e63", "#ffcc80"),
    ("#263238", "#78909c", "#ef5350"),
];

/// A five-pointed star of outer radius 100 centred on 0,0 (points rounded).
const STAR: [(i32, i32); 10] = [
    (0, -100),
    (22, -31),
    (95, -31),
    (36, 12),
    (59, 81),
    (0, 38),
    (-59, 81),
    (-36, 12),
    (-95, -31),
    (-22, -31),
];

fn star(cx: i32, cy: i32, scale_pct: i32, fill: &str) -> String {
    let pts: Vec<String> = STAR
        .iter()
        .map(|&(x, y)| format!("{},{}", cx + x * scale_pct / 100, cy + y * scale_pct / 100))
        .collect();
    format!("<polygon points=\"{}\" fill=\"{fill}\"/>", pts.join(" "))
}

fn media_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    files.push((
        "media/logo.svg".to_string(),
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\
             <title>Biểu trưng</title><circle cx=\"128\" cy=\"128\" r=\"124\" fill=\"#c62828\"/>\
             <circle cx=\"128\" cy=\"128\" r=\"108\" fill=\"none\" stroke=\"#ffd54f\" stroke-width=\"6\"/>{}</svg>\n",
            star(128, 132, 70, "#ffd54f")
        )
        .into_bytes(),
    ));
    for (k, &(from, to, accent)) in PALETTES.iter().enumerate() {
        let k32 = k as i32;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675\" viewBox=\"0 0 1200 675\">\
             <title>Ảnh minh họa {k}</title><defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">\
             <stop offset=\"0\" stop-color=\"{from}\"/><stop offset=\"1\" stop-color=\"{to}\"/></linearGradient></defs>\
             <rect width=\"1200\" height=\"675\" fill=\"url(#g)\"/>\
             <circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{accent}\" opacity=\"0.18\"/>\
             <rect y=\"540\" width=\"1200\" height=\"135\" fill=\"#ffffff\" opacity=\"0.12\"/>{}</svg>\n",
            200 + 110 * k32,
            160 + 35 * k32,
            180 + 20 * (k32 % 3),
            star(960 - 60 * (k32 % 4), 250 + 20 * (k32 % 3), 90 + 10 * (k32 % 2), accent)
        );
        files.push((format!("media/cover-{k}.svg"), svg.into_bytes()));
    }
    for (k, &(w, h)) in PHOTOS.iter().enumerate() {
        let (w, h) = (w as i32, h as i32);
        let (_, to, accent) = PALETTES[(k * 3) % 8];
        let hill = h * 3 / 5;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
             <title>Ảnh {k}</title><rect width=\"{w}\" height=\"{h}\" fill=\"#bbdefb\"/>\
             <circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{accent}\"/>\
             <polygon points=\"0,{hill} {},{} {},{} {},{} {w},{} {w},{h} 0,{h}\" fill=\"{to}\"/></svg>\n",
            w / 4 + 60 * k as i32,
            h / 5,
            h / 12,
            w / 4,
            hill - h / 6,
            w / 2,
            hill + h / 20,
            w * 3 / 4,
            hill - h / 4,
            hill,
        );
        files.push((format!("media/anh-{k}.svg"), svg.into_bytes()));
    }
    files
}

// -------------------------------------------------------------------- tests

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_format::model::{Article, Block, CalendarWeek, Document};
    use bantin_format::validate::is_slug;
    use std::collections::HashSet;

    const TODAY: &str = "2026-11-23";

    fn everything(s: &Synthetic) -> String {
        let mut out = String::new();
        out.push_str(&s.content.generated_at);
        out.push_str(&serde_json::to_string(&s.content.site).unwrap());
        out.push_str(&serde_json::to_string(&s.content.categories).unwrap());
        out.push_str(&serde_json::to_string(&s.content.featured).unwrap());
        out.push_str(&serde_json::to_string(&s.content.articles).unwrap());
        out.push_str(&serde_json::to_string(&s.content.weeks).unwrap());
        out.push_str(&serde_json::to_string(&s.content.documents).unwrap());
        for (path, bytes) in &s.files {
            out.push_str(path);
            out.push_str(&format!("{bytes:?}"));
        }
        out
    }

    #[test]
    fn same_inputs_give_the_same_feed_and_seeds_differ() {
        let a = generate(300, 7, TODAY);
        let b = generate(300, 7, TODAY);
        assert_eq!(everything(&a), everything(&b));
        let c = generate(300, 8, TODAY);
        assert_ne!(everything(&a), everything(&c));
        assert_ne!(
            a.content.articles[0].summary.title,
            c.content.articles[0].summary.title
        );
    }

    #[test]
    fn counts() {
        for (n, docs, weeks) in [
            (0, 20, 3),
            (1, 20, 3),
            (7, 20, 3),
            (450, 90, 4),
            (1234, 246, 12),
        ] {
            let s = generate(n, 1, TODAY);
            assert_eq!(s.content.articles.len(), n);
            assert_eq!(s.content.documents.len(), docs);
            assert_eq!(s.content.weeks.len(), weeks);
            assert_eq!(s.content.categories.len(), 8);
            assert_eq!(s.content.featured.len(), n.min(5));
            for w in &s.content.weeks {
                assert!((8..=16).contains(&w.entries.len()), "{}", w.entries.len());
            }
        }
        assert_eq!(generate(30_000, 1, TODAY).content.weeks.len(), 260);
    }

    #[test]
    fn generated_at_is_today_at_seven() {
        assert_eq!(
            generate(3, 1, TODAY).content.generated_at,
            "2026-11-23T07:00:00+07:00"
        );
    }

    #[test]
    #[should_panic]
    fn rejects_a_bad_date() {
        generate(3, 1, "2026-02-30");
    }

    #[test]
    #[should_panic]
    fn rejects_a_year_out_of_range() {
        generate(3, 1, "1899-12-31");
    }

    #[test]
    fn day_numbers_and_minutes() {
        let day = |s: &str| Date::parse(s).unwrap().days();
        // Sunday 3 January 2027 is still in 2026-W53, which began on 28 December.
        assert_eq!(monday_of(day("2027-01-03")), day("2026-12-28"));
        assert_eq!(monday_of(day("2026-12-28")), day("2026-12-28"));
        assert_eq!(
            fmt_dt(day("2026-12-31") * MIN_PER_DAY + 23 * 60 + 59),
            "2026-12-31T23:59:00+07:00"
        );
        assert_eq!(fmt_dt(8 * 60 + 30), "1970-01-01T08:30:00+07:00");
        assert_eq!(fmt_hm(8 * 60 + 5), "8h05");
    }

    #[test]
    fn slugs_keep_their_first_words() {
        assert_eq!(
            slugify("Hội nghị – Ban Chấp hành Đảng bộ", 4),
            "hoi-nghi-ban-chap"
        );
        assert_eq!(slugify("  Chuyển đổi số!  ", 9), "chuyen-doi-so");
        assert_eq!(slugify("–", 3), "");
    }

    #[test]
    fn weeks_at_a_year_boundary() {
        let s = generate(500, 3, "2026-12-31");
        let ids: Vec<&str> = s.content.weeks.iter().map(|w| w.week.as_str()).collect();
        assert_eq!(
            ids,
            ["2026-W50", "2026-W51", "2026-W52", "2026-W53", "2027-W01"]
        );
        // 2027-W01 runs from Monday 4 January 2027.
        assert!(s.content.weeks[4]
            .entries
            .iter()
            .all(|e| e.start.as_str() >= "2027-01-04"));
        assert!(s.content.weeks[3]
            .entries
            .iter()
            .all(|e| e.start.as_str() >= "2026-12-28"));
    }

    #[test]
    fn calendar_entries_are_consistent() {
        let s = generate(1000, 11, TODAY);
        let mut ids = HashSet::new();
        let (mut changed, mut cancelled, mut total) = (0, 0, 0);
        for (k, w) in s.content.weeks.iter().enumerate() {
            if k > 0 {
                let prev = Date::parse(&s.content.weeks[k - 1].entries[0].start[..10]).unwrap();
                let this = Date::parse(&w.entries[0].start[..10]).unwrap();
                assert_eq!(prev.iso_week().next(), this.iso_week());
            }
            assert!(w.updated.as_deref().unwrap() <= s.content.generated_at.as_str());
            let mut last = String::new();
            for e in &w.entries {
                total += 1;
                assert!(is_slug(&e.id), "{}", e.id);
                assert!(ids.insert(e.id.clone()));
                let day = Date::parse(&e.start[..10]).unwrap();
                assert_eq!(day.iso_week().to_string(), w.week);
                assert!(day.weekday() <= 6, "no entry on a Sunday");
                assert!(e.start.ends_with("+07:00"));
                let hour: u32 = e.start[11..13].parse().unwrap();
                let expected = match hour {
                    0..=11 => Session::Sang,
                    12..=17 => Session::Chieu,
                    _ => Session::Toi,
                };
                assert_eq!(e.session, expected);
                if let Some(end) = &e.end {
                    assert!(end > &e.start && end[..10] == e.start[..10]);
                }
                assert!(e.start >= last);
                last = e.start.clone();
                match e.status {
                    EntryStatus::Scheduled => assert!(e.change.is_none()),
                    EntryStatus::Changed => {
                        changed += 1;
                        assert!(e.change.is_some());
                    }
                    EntryStatus::Cancelled => {
                        cancelled += 1;
                        assert!(e.change.is_some());
                    }
                }
            }
        }
        assert!(
            changed > 0 && cancelled > 0 && changed + cancelled < total / 5,
            "{changed} {cancelled} {total}"
        );
        let last = s.content.weeks.last().unwrap();
        assert_eq!(last.week, "2026-W49");
    }

    #[test]
    fn ids_and_slugs_are_unique_and_well_formed() {
        let s = generate(3000, 5, TODAY);
        let mut slugs = HashSet::new();
        let mut ids = HashSet::new();
        let mut titles = HashSet::new();
        for a in &s.content.articles {
            assert!(is_slug(&a.summary.slug), "{}", a.summary.slug);
            assert!(a.summary.slug.ends_with(&format!("-{}", a.summary.id)));
            assert!(slugs.insert(a.summary.slug.clone()));
            assert!(ids.insert(a.summary.id.clone()));
            titles.insert(a.summary.title.clone());
        }
        assert!(
            titles.len() * 100 >= s.content.articles.len() * 97,
            "{} distinct titles",
            titles.len()
        );
        let mut doc_ids = HashSet::new();
        for d in &s.content.documents {
            assert!(is_slug(&d.id), "{}", d.id);
            assert!(doc_ids.insert(d.id.clone()), "{}", d.id);
        }
        for c in &s.content.categories {
            assert!(is_slug(&c.slug));
        }
        let tag_slugs: HashSet<String> = TAGS.iter().map(|t| slugify(t, 20)).collect();
        assert_eq!(tag_slugs.len(), TAGS.len());
        assert!(tag_slugs.iter().all(|t| is_slug(t)));
    }

    #[test]
    fn references_resolve() {
        let s = generate(2000, 9, TODAY);
        let article_ids: HashSet<&str> = s
            .content
            .articles
            .iter()
            .map(|a| a.summary.id.as_str())
            .collect();
        let slugs: HashSet<&str> = s
            .content
            .articles
            .iter()
            .map(|a| a.summary.slug.as_str())
            .collect();
        let doc_ids: HashSet<&str> = s.content.documents.iter().map(|d| d.id.as_str()).collect();
        let cat_ids: HashSet<&str> = s.content.categories.iter().map(|c| c.id.as_str()).collect();
        let files: HashMap<&str, usize> =
            s.files.iter().map(|(p, b)| (p.as_str(), b.len())).collect();
        let link_ok = |url: &str| {
            if let Some(slug) = url.strip_prefix("/tin-tuc/") {
                slugs.contains(slug)
            } else if let Some(id) = url.strip_prefix("/van-ban/") {
                doc_ids.contains(id)
            } else {
                url.starts_with("https://") || url.starts_with('/')
            }
        };
        let image_ok = |i: &Image| files.contains_key(i.src.as_str()) && !i.alt.is_empty();
        for f in &s.content.featured {
            let a = s
                .content
                .articles
                .iter()
                .find(|a| &a.summary.id == f)
                .unwrap();
            assert!(a.summary.cover.is_some());
        }
        let (mut attachments, mut videos, mut tables, mut galleries) = (0, 0, 0, 0);
        for a in &s.content.articles {
            assert!(cat_ids.contains(a.summary.category.as_str()));
            assert!(a
                .summary
                .categories
                .iter()
                .all(|c| cat_ids.contains(c.as_str()) && *c != a.summary.category));
            assert!((2..=3).contains(&a.related.len()));
            for r in &a.related {
                assert!(article_ids.contains(r.as_str()) && *r != a.summary.id);
            }
            assert!((1..=4).contains(&a.summary.tags.len()));
            if let Some(c) = &a.summary.cover {
                assert!(image_ok(c));
            }
            assert!((3..=10).contains(&a.body.len()));
            for b in &a.body {
                match b {
                    Block::Paragraph { runs } => {
                        assert!(runs.iter().all(|r| !r.text.is_empty()));
                        for r in runs {
                            if let Some(l) = &r.link {
                                assert!(link_ok(l), "{l}");
                            }
                        }
                    }
                    Block::Heading { level, text } => {
                        assert!((2..=3).contains(level) && !text.is_empty())
                    }
                    Block::Image(image) => assert!(image_ok(image)),
                    Block::Gallery { images, .. } => {
                        galleries += 1;
                        assert!(images.iter().all(image_ok));
                    }
                    Block::Attachment { document, .. } => {
                        attachments += 1;
                        assert!(doc_ids.contains(document.as_str()));
                    }
                    Block::Video { url, poster, .. } => {
                        videos += 1;
                        assert!(url.starts_with("https://") && image_ok(poster));
                    }
                    Block::Table { header, rows, .. } => {
                        tables += 1;
                        assert!(rows.iter().all(|r| r.len() == header.len()));
                    }
                    Block::List { items, .. } => assert!(!items.is_empty()),
                    Block::Quote { text, .. } => assert!(!text.is_empty()),
                }
            }
        }
        assert!(attachments > 0 && videos > 0 && tables > 0 && galleries > 0);
        let docs: HashMap<&str, &Document> = s
            .content
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect();
        let mut replaced = 0;
        for d in &s.content.documents {
            for r in &d.replaces {
                replaced += 1;
                assert!(docs[r.as_str()].replaced_by.contains(&d.id));
                assert!(docs[r.as_str()].issued <= d.issued);
            }
            for r in &d.replaced_by {
                assert!(docs[r.as_str()].replaces.contains(&d.id));
            }
            for r in &d.related {
                assert!(doc_ids.contains(r.as_str()) && *r != d.id);
            }
            assert!(!d.files.is_empty());
            for f in &d.files {
                assert_eq!(
                    files.get(f.url.as_str()).copied(),
                    Some(f.size as usize),
                    "{}",
                    f.url
                );
                let pdf = f.url.ends_with(".pdf");
                assert_eq!(
                    f.media_type,
                    if pdf { "application/pdf" } else { "text/plain" }
                );
            }
        }
        assert!(replaced > 0);
        for l in &s.content.site.quick_links {
            assert!(l.url.starts_with('/') && link_ok(&l.url), "{}", l.url);
        }
        assert!(s
            .content
            .site
            .linked_websites
            .iter()
            .all(|l| l.url.starts_with("https://")));
    }

    #[test]
    fn documents_are_plausible() {
        let s = generate(1500, 4, TODAY);
        let today = TODAY;
        let (mut future, mut expired) = (0, 0);
        for (i, d) in s.content.documents.iter().enumerate() {
            assert!(Date::parse(&d.issued).is_some() && d.issued.as_str() <= today);
            if i > 0 {
                let prev = &s.content.documents[i - 1];
                assert!(
                    prev.issued > d.issued || (prev.issued == d.issued && prev.id < d.id),
                    "newest first"
                );
            }
            let from = d.effective.as_ref().unwrap_or(&d.issued);
            if let Some(x) = &d.expires {
                assert!(x >= from, "{} expires before it takes effect", d.id);
            }
            if let Some(e) = &d.effective {
                assert!(e >= &d.issued);
                if e.as_str() > today {
                    future += 1;
                }
            }
            if let Some(x) = &d.expires {
                if x.as_str() < today {
                    expired += 1;
                }
            }
            assert!(d.views >= d.downloads);
            assert!(!d.fields.is_empty() && !d.summary.is_empty());
            let year = &d.issued[..4];
            assert!(d.id.ends_with(year), "{}", d.id);
            assert!(
                DOC_TYPES
                    .iter()
                    .any(|t| t.0 == d.doc_type && d.number.contains(t.1)),
                "{}",
                d.number
            );
        }
        assert!(future > 0 && expired > 0, "{future} {expired}");
        let years: HashSet<&str> = s.content.documents.iter().map(|d| &d.issued[..4]).collect();
        assert!(years.len() >= 3);
    }

    #[test]
    fn articles_are_dated_newest_first_before_generation() {
        let s = generate(2000, 2, TODAY);
        let mut days = HashSet::new();
        for (i, a) in s.content.articles.iter().enumerate() {
            let p = &a.summary.published;
            assert_eq!(p.len(), 25);
            assert!(p.ends_with("+07:00") && p.as_str() < s.content.generated_at.as_str());
            if i > 0 {
                assert!(s.content.articles[i - 1].summary.published > *p);
            }
            if let Some(u) = &a.summary.updated {
                assert!(u > p && u.as_str() <= s.content.generated_at.as_str());
            }
            days.insert(&p[..10]);
            assert_eq!(a.summary.id, format!("a{}", 2000 - i));
        }
        let per_day = s.content.articles.len() / days.len();
        assert!((3..=9).contains(&per_day), "{per_day} a day");
    }

    #[test]
    fn word_count_is_what_the_app_would_count() {
        let s = generate(200, 6, TODAY);
        for a in &s.content.articles {
            let stated = a.summary.word_count.unwrap() as usize;
            let mut unstated = a.clone();
            unstated.summary.word_count = None;
            assert_eq!(stated, unstated.word_count());
            assert!(stated >= 30, "{stated}");
        }
    }

    #[test]
    fn text_is_vietnamese_and_varied() {
        let s = generate(3000, 12, TODAY);
        let mut words = HashSet::new();
        let mut all = String::new();
        for a in &s.content.articles {
            all.push_str(&a.summary.title);
            all.push(' ');
            all.push_str(&a.summary.sapo);
            all.push(' ');
            for b in &a.body {
                if let Block::Paragraph { runs } = b {
                    for r in runs {
                        all.push_str(&r.text);
                    }
                    all.push(' ');
                }
            }
        }
        for w in all.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().any(|c| c.is_alphabetic()) {
                words.insert(w.to_lowercase());
            }
        }
        assert!(words.len() >= 600, "{} distinct words", words.len());
        for needle in ["ệ", "ự", "ẫ", "đ", "Đ"] {
            assert!(all.contains(needle), "{needle}");
        }
        assert!(!all.contains('{') && !all.contains('}'));
    }

    #[test]
    fn every_template_expands() {
        let w = World::new(&mut Rng::new(1, 1), 1);
        let docs = generate(10, 1, TODAY).content.documents;
        let mut rng = Rng::new(5, 5);
        for (t, topic) in TOPICS.iter().enumerate() {
            let mut ctx = Ctx::new(t, Date::parse(TODAY).unwrap().days());
            ctx.doc = Some(0);
            ctx.anniv = Some("a".into());
            let lists: [&[&str]; 9] = [
                topic.titles,
                topic.openings,
                topic.tasks,
                topic.results,
                topic.limits,
                topic.headings,
                topic.orgs,
                &topic.events.iter().map(|e| e.0).collect::<Vec<_>>(),
                topic.models,
            ];
            assert!(topic.tags.iter().all(|&g| g < TAGS.len()));
            assert!(
                topic.cat < CATEGORIES.len()
                    && !topic.titles.is_empty()
                    && !topic.events.is_empty()
            );
            let shared: [&[&str]; 17] = [
                SAPOS,
                OPENINGS,
                ATTEND,
                REPORT,
                LIMITS,
                CAUSES,
                DIRECT_LEAD,
                DIRECT_ASK,
                DIRECT_DETAIL,
                REWARD,
                CLOSING,
                DOC_BODY,
                CAPTIONS,
                ORGS,
                LOCAL_ORGS,
                VENUES,
                CAL_CONTENT,
            ];
            for list in lists
                .iter()
                .chain(shared.iter())
                .chain(DOC_SUMMARIES.iter())
            {
                for tpl in list.iter() {
                    let s = Tx::new(&mut rng, &w, &docs, &ctx).string(tpl);
                    assert!(
                        !s.contains('{') && !s.contains('}') && !s.is_empty(),
                        "{tpl} -> {s}"
                    );
                }
            }
        }
    }

    #[test]
    fn pdfs_are_well_formed() {
        for (path, bytes) in document_files() {
            if !path.ends_with(".pdf") {
                assert!(std::str::from_utf8(&bytes).is_ok());
                continue;
            }
            assert!(bytes.starts_with(b"%PDF-1.4\n"));
            assert!(bytes.ends_with(b"%%EOF\n"));
            let sx = bytes
                .windows(10)
                .rposition(|w| w == b"startxref\n")
                .unwrap();
            let tail = std::str::from_utf8(&bytes[sx + 10..]).unwrap();
            let xref: usize = tail.lines().next().unwrap().parse().unwrap();
            assert!(bytes[xref..].starts_with(b"xref\n"));
            let text = std::str::from_utf8(&bytes[xref..]).unwrap();
            let table: Vec<&str> = text.lines().collect();
            let count: usize = table[1].split(' ').nth(1).unwrap().parse().unwrap();
            for (obj, line) in table[3..2 + count].iter().enumerate() {
                let off: usize = line[..10].parse().unwrap();
                assert!(
                    bytes[off..].starts_with(format!("{} 0 obj", obj + 1).as_bytes()),
                    "{path} obj {}",
                    obj + 1
                );
            }
            for line in table.iter().take(2 + count).skip(2) {
                assert_eq!(line.len() + 1, 20);
            }
        }
    }

    #[test]
    fn everything_round_trips_through_json() {
        let s = generate(400, 13, TODAY);
        for a in &s.content.articles {
            let json = serde_json::to_string(a).unwrap();
            let back: Article = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, a);
        }
        for w in &s.content.weeks {
            let back: CalendarWeek =
                serde_json::from_str(&serde_json::to_string(w).unwrap()).unwrap();
            assert_eq!(&back, w);
        }
        for d in &s.content.documents {
            let back: Document = serde_json::from_str(&serde_json::to_string(d).unwrap()).unwrap();
            assert_eq!(&back, d);
        }
        let site: Site =
            serde_json::from_str(&serde_json::to_string(&s.content.site).unwrap()).unwrap();
        assert_eq!(site, s.content.site);
    }

    #[test]
    fn files_are_unique_and_referenced_media_exist() {
        let s = generate(50, 1, TODAY);
        let paths: HashSet<&str> = s.files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(paths.len(), s.files.len());
        for k in 0..8 {
            assert!(paths.contains(format!("media/cover-{k}.svg").as_str()));
        }
        for (p, b) in &s.files {
            if p.ends_with(".svg") {
                let t = std::str::from_utf8(b).unwrap();
                assert!(
                    t.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                        && t.trim_end().ends_with("</svg>")
                );
            }
        }
        assert!(paths.contains(s.content.site.logo.as_ref().unwrap().src.as_str()));
    }
}
