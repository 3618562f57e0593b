//! Search benchmark in the browser (headless Chromium, release wasm): 200
//! queries over the articles of a generated 10,000-article feed, plus its
//! documents and calendar entries. Prints the figures; asserts only that the
//! queries find things. Run by `scripts/bench-search`, not by the test command.
#![cfg(target_arch = "wasm32")]

use bantin::logic::search_index::{self, SearchIndex};
use wasm_bindgen_test::*;

use bantin_format::text::fold;
use bantin_synth as synth;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

#[wasm_bindgen_test]
fn search_over_ten_thousand_articles() {
    let content = synth::generate(10_000, 1, "2026-11-23").content;
    let t0 = now_ms();
    let mut index = SearchIndex::new();
    for a in &content.articles {
        search_index::add_article(&mut index, &a.summary, "");
    }
    for d in &content.documents {
        search_index::add_document(&mut index, d);
    }
    for w in &content.weeks {
        for e in &w.entries {
            search_index::add_entry(&mut index, &format!("{}:{}", w.week, e.id), e);
        }
    }
    let build_ms = now_ms() - t0;

    // 200 queries typed without diacritics: one to three words of a title.
    let mut times = Vec::with_capacity(200);
    let mut found = 0;
    for i in 0..200 {
        let title = &content.articles[(i * 7919) % content.articles.len()]
            .summary
            .title;
        let words: Vec<String> = fold(title).split_whitespace().map(String::from).collect();
        let n = 1 + i % 3;
        let start = (i * 31) % words.len().saturating_sub(n).max(1);
        let query = words
            .iter()
            .skip(start)
            .take(n)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let t = now_ms();
        let hits = index.search(&query, 20);
        times.push(now_ms() - t);
        found += usize::from(!hits.is_empty());
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    console_log!(
        "search bench: {} items indexed in {:.0} ms; 200 queries: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (goal: p95 < 16 ms); {} with results",
        index.len(),
        build_ms,
        pct(0.5),
        pct(0.95),
        times[times.len() - 1],
        found
    );
    assert!(
        found >= 190,
        "queries taken from titles should find them ({found}/200)"
    );
}
