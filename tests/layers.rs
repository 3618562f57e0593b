//! The house rules, checked on the source itself (ARCHITECTURE.md,
//! "Invariants"): no two modules of the app, or of one of the workspace's
//! crates, import each other, directly or around a loop; the layers lean
//! one way (ui → browser → logic, and everything may use strings); pure
//! logic never touches the browser, and nothing anywhere writes HTML into
//! the page.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every .rs file under `dir`, with its module path ("browser::state").
fn modules(root: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(root).ok()?.with_extension("");
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .filter(|p| p != "mod")
                .collect();
            let name = match parts.as_slice() {
                [only] if only == "lib" || only == "main" => "crate".to_string(),
                _ => parts.join("::"),
            };
            Some((name, fs::read_to_string(&path).ok()?))
        })
        .collect()
}

/// Code without its comments (line comments; the app uses no block comments).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules `text` names through `crate::…` (also inside `{…}`
/// groups), each as the longest known module path.
fn imports(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let is_path = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut out = BTreeSet::new();
    let mut add = |path: &str| {
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        for n in (1..=segments.len()).rev() {
            let m = segments[..n].join("::");
            if known.contains(&m) {
                out.insert(m);
                return;
            }
        }
    };
    let text = code(text);
    let mut rest = text.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let end = rest.find(|c: char| !is_path(c)).unwrap_or(rest.len());
        let head = rest[..end].trim_end_matches("::");
        if rest[end..].starts_with('{') {
            let group = rest[end + 1..].split('}').next().unwrap_or("");
            for item in group.split(',') {
                let item: String = item.trim().chars().take_while(|c| is_path(*c)).collect();
                let item = item.split("::").next().unwrap_or("");
                if item.is_empty() || item == "self" {
                    add(head);
                } else {
                    add(&format!("{head}::{item}"));
                }
            }
        } else {
            add(head);
        }
        rest = &rest[end..];
    }
    out
}

/// The app's source.
fn app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The source of each of the workspace's crates (`crates/*/src`).
fn crates() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut roots: Vec<PathBuf> = fs::read_dir(dir)
        .expect("crates/ is readable")
        .flatten()
        .map(|e| e.path().join("src"))
        .filter(|src| src.is_dir())
        .collect();
    roots.sort();
    roots
}

/// Which modules each module under `root` imports through `crate::`.
fn graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules(root);
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(name, text)| {
            let mut to = imports(text, &known);
            to.remove(name);
            (name.clone(), to)
        })
        .collect()
}

/// A circle of imports in `graph`, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut circle = path[i..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if next == "crate" {
                continue;
            }
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_another_that_imports_it_back() {
    let graph = graph(&app());
    assert!(
        graph.len() > 40,
        "the walk found the app's modules: {}",
        graph.len()
    );
    if let Some(circle) = circle(&graph) {
        panic!("import circle: {}", circle.join(" → "));
    }
}

#[test]
fn no_module_of_a_crate_imports_another_that_imports_it_back() {
    let roots = crates();
    assert!(roots.len() >= 4, "the walk found the crates: {roots:?}");
    let mut modules = 0;
    for root in roots {
        let graph = graph(&root);
        modules += graph.len();
        if let Some(circle) = circle(&graph) {
            panic!(
                "import circle in {}: {}",
                root.display(),
                circle.join(" → ")
            );
        }
    }
    assert!(
        modules > 30,
        "the walk found the crates' modules: {modules}"
    );
}

#[test]
fn a_circle_is_found() {
    // The check itself, on the circle bantin-format had until session 14:
    // two files naming each other through `crate::`, one of them through
    // a macro's path.
    let graph = BTreeMap::from([
        ("read".to_string(), BTreeSet::from(["archive".to_string()])),
        ("archive".to_string(), BTreeSet::from(["read".to_string()])),
        ("model".to_string(), BTreeSet::new()),
    ]);
    assert_eq!(
        circle(&graph),
        Some(vec![
            "archive".to_string(),
            "read".to_string(),
            "archive".to_string()
        ])
    );
    let known = BTreeSet::from(["read".to_string(), "archive".to_string()]);
    assert_eq!(
        imports("crate::read::fields!(Root { a: need });", &known),
        BTreeSet::from(["read".to_string()])
    );
}

#[test]
fn the_layers_lean_one_way() {
    let layer = |m: &str| m.split("::").next().unwrap_or("").to_string();
    // Which layers each layer may use.
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("strings", &[][..]),
        ("logic", &["logic", "strings"][..]),
        ("browser", &["browser", "logic", "strings"][..]),
        ("ui", &["ui", "browser", "logic", "strings"][..]),
    ]);
    let mut wrong = Vec::new();
    for (from, to) in graph(&app()) {
        let Some(ok) = allowed.get(layer(&from).as_str()) else {
            continue;
        };
        for t in to {
            if !ok.contains(&layer(&t).as_str()) {
                wrong.push(format!("{from} uses {t}"));
            }
        }
    }
    assert!(wrong.is_empty(), "against the layers: {wrong:#?}");
}

#[test]
fn pure_logic_never_touches_the_browser_and_nothing_writes_html() {
    for (name, text) in modules(&app()) {
        let code = code(&text);
        if name.starts_with("logic") || name == "strings" {
            for banned in ["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo"] {
                assert!(!code.contains(banned), "{name} uses {banned}");
            }
        }
        assert!(
            !code.contains("inner_html"),
            "{name} writes HTML into the page"
        );
    }
}
