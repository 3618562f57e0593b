use super::*;

const BASE: &str = "https://btg.example.vn/news/tin-tuc/bai-viet-12.html";

fn run(text: &str) -> Run {
    Run {
        text: text.into(),
        ..Run::default()
    }
}

#[test]
fn paragraphs_with_emphasis_and_links() {
    let c = convert_fragment(
        "<p>Sáng 23/11, <strong>Ban Tuyên giáo</strong> tổ chức <em>hội nghị</em> \
         theo <a href=\"/van-ban/112.html\">Hướng dẫn 112</a>.</p>",
        BASE,
    );
    assert_eq!(
        c.blocks,
        vec![Block::Paragraph {
            runs: vec![
                run("Sáng 23/11, "),
                Run {
                    text: "Ban Tuyên giáo".into(),
                    bold: true,
                    ..Run::default()
                },
                run(" tổ chức "),
                Run {
                    text: "hội nghị".into(),
                    italic: true,
                    ..Run::default()
                },
                run(" theo "),
                Run {
                    text: "Hướng dẫn 112".into(),
                    link: Some("https://btg.example.vn/van-ban/112.html".into()),
                    ..Run::default()
                },
                run("."),
            ]
        }]
    );
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn text_is_nfc_and_collapsed() {
    // "Tuyên giáo" typed with combining marks, and no-break spaces.
    let c = convert_fragment(
        "<p>  Tuye\u{302}n&nbsp;&nbsp;gia\u{301}o\n  tỉnh </p>",
        BASE,
    );
    assert_eq!(
        c.blocks,
        vec![Block::Paragraph {
            runs: vec![run("Tuyên giáo tỉnh")]
        }]
    );
}

#[test]
fn headings_lists_quotes_tables() {
    let c = convert_fragment(
        "<h2>Kết quả nổi bật</h2><h4>Chi tiết</h4>\
         <ul><li>Một</li><li> Hai </li><li></li></ul><ol><li>Thứ nhất</li></ol>\
         <blockquote><p>Học tập và làm theo Bác.</p><footer>Đồng chí Bí thư</footer></blockquote>\
         <table><thead><tr><th>Thứ</th><th>Nội dung</th></tr></thead>\
         <tbody><tr><td>Thứ Hai</td><td>Giao ban</td></tr><tr><td>Thứ Ba</td><td></td></tr></tbody></table>",
        BASE,
    );
    assert_eq!(
        c.blocks,
        vec![
            Block::Heading {
                text: "Kết quả nổi bật".into(),
                level: 2
            },
            Block::Heading {
                text: "Chi tiết".into(),
                level: 3
            },
            Block::List {
                ordered: false,
                items: vec!["Một".into(), "Hai".into()]
            },
            Block::List {
                ordered: true,
                items: vec!["Thứ nhất".into()]
            },
            Block::Quote {
                text: "Học tập và làm theo Bác.".into(),
                cite: Some("Đồng chí Bí thư".into())
            },
            Block::Table {
                caption: None,
                header: vec!["Thứ".into(), "Nội dung".into()],
                rows: vec![
                    vec!["Thứ Hai".into(), "Giao ban".into()],
                    vec!["Thứ Ba".into(), "".into()]
                ]
            },
        ]
    );
}

#[test]
fn images_take_their_caption_lines() {
    let c = convert_fragment(
        "<p style=\"text-align: center;\"><img alt=\"Đại biểu dự hội nghị\" src=\"/uploads/news/2026_11/hoi-nghi.jpg\" width=\"800\" height=\"533\"></p>\
         <p style=\"text-align: center;\"><em>Các đại biểu dự hội nghị</em></p>\
         <p>Đoạn văn tiếp theo.</p>\
         <figure class=\"image\"><img src=\"a.jpg\" alt=\"IMG_1234.jpg\"><figcaption>Quang cảnh hội nghị</figcaption></figure>\
         <table class=\"image\"><tr><td><img src=\"b.jpg\" alt=\"\"></td></tr><tr><td>Đồng chí phát biểu</td></tr></table>",
        BASE,
    );
    let img = |src: &str, alt: &str, caption: &str, w: Option<u32>, h: Option<u32>| {
        Block::Image(Image {
            src: src.into(),
            alt: alt.into(),
            caption: Some(caption.into()),
            credit: None,
            width: w,
            height: h,
        })
    };
    assert_eq!(
        c.blocks,
        vec![
            img(
                "https://btg.example.vn/uploads/news/2026_11/hoi-nghi.jpg",
                "Đại biểu dự hội nghị",
                "Các đại biểu dự hội nghị",
                Some(800),
                Some(533)
            ),
            Block::Paragraph {
                runs: vec![run("Đoạn văn tiếp theo.")]
            },
            // A junk alt is written as "": the caption names the picture.
            img(
                "https://btg.example.vn/news/tin-tuc/a.jpg",
                "",
                "Quang cảnh hội nghị",
                None,
                None
            ),
            img(
                "https://btg.example.vn/news/tin-tuc/b.jpg",
                "",
                "Đồng chí phát biểu",
                None,
                None
            ),
        ]
    );
}

#[test]
fn galleries_and_videos() {
    let c = convert_fragment(
        "<div class=\"news-gallery\"><img src=\"1.jpg\" alt=\"Một\"><img src=\"2.jpg\" alt=\"Hai\"></div>\
         <p><img src=\"3.jpg\" alt=\"Ba\"></p><p><img src=\"4.jpg\" alt=\"Bốn\"></p>\
         <p>Xem thêm:</p>\
         <iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"Phóng sự\"></iframe>\
         <video src=\"/uploads/clip.mp4\" poster=\"/uploads/clip.jpg\"></video>",
        BASE,
    );
    assert_eq!(c.blocks.len(), 5, "{:#?}", c.blocks);
    assert!(matches!(&c.blocks[0], Block::Gallery { images, .. } if images.len() == 2));
    assert!(
        matches!(&c.blocks[1], Block::Gallery { images, .. } if images.len() == 2 && images[1].alt == "Bốn")
    );
    match &c.blocks[3] {
        Block::Video {
            url, poster, title, ..
        } => {
            assert_eq!(url, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
            assert_eq!(
                poster.src,
                "https://img.youtube.com/vi/dQw4w9WgXcQ/hqdefault.jpg"
            );
            assert_eq!(title.as_deref(), Some("Phóng sự"));
        }
        other => panic!("{other:?}"),
    }
    match &c.blocks[4] {
        Block::Video { url, poster, .. } => {
            assert_eq!(url, "https://btg.example.vn/uploads/clip.mp4");
            assert_eq!(poster.src, "https://btg.example.vn/uploads/clip.jpg");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn hostile_markup_is_dropped_with_warnings() {
    let c = convert_fragment(
        "<script>alert('x')</script><style>p{color:red}</style>\
         <p onclick=\"steal()\" onmouseover=\"x()\">Nội dung <a href=\"javascript:alert(1)\">bấm vào</a> \
         và <a href=\"data:text/html;base64,PHNjcmlwdD4=\">đây</a>.</p>\
         <img src=\"javascript:alert(2)\" onerror=\"alert(3)\">\
         <iframe src=\"https://evil.example/\"></iframe>\
         <marquee>Chữ chạy</marquee><form><input value=\"x\"></form>",
        BASE,
    );
    assert_eq!(
        c.blocks,
        vec![
            Block::Paragraph {
                runs: vec![run("Nội dung bấm vào và đây.")]
            },
            Block::Paragraph {
                runs: vec![run("Chữ chạy")]
            },
        ]
    );
    let w = c.warnings.join("\n");
    for expected in [
        "dropped 1 <script> element",
        "dropped 1 <style> element",
        "dropped 1 <iframe> element",
        "dropped 1 <form> element",
        "dropped event-handler attributes (onclick, onerror, onmouseover)",
        "kept 1 link with a javascript: address as plain text",
        "kept 1 link with a data: address as plain text",
        "read unknown elements as plain text: <marquee>",
        "dropped 1 image without an http(s) or small inline address",
    ] {
        assert!(w.contains(expected), "missing {expected:?} in\n{w}");
    }
    // Nothing of the script reached the blocks.
    let json = serde_json::to_string(&c.blocks).unwrap();
    assert!(!json.contains("alert") && !json.contains("steal") && !json.contains("color:red"));
}

#[test]
fn no_text_passes_the_format_limit() {
    let long = "chữ ".repeat(30_000);
    let c = convert_fragment(
        &format!("<p>{long}</p><h2>{long}</h2><ul><li>{long}</li></ul>"),
        BASE,
    );
    let Block::Paragraph { runs } = &c.blocks[0] else {
        panic!("{:?}", c.blocks[0])
    };
    assert!(runs.len() >= 2);
    assert!(runs.iter().all(|r| r.text.chars().count() <= MAX_TEXT));
    let all: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(all, long.trim_end());
    let Block::Heading { text, .. } = &c.blocks[1] else {
        panic!()
    };
    assert_eq!(text.chars().count(), MAX_TEXT);
    let Block::List { items, .. } = &c.blocks[2] else {
        panic!()
    };
    assert_eq!(items[0].chars().count(), MAX_TEXT);
}
