//! The imported content into the feed directory, without ever damaging it.
//!
//! [`Staging::open`] makes a folder beside the feed (`.{name}.import-{pid}`)
//! holding hard links to the feed's media and other files (a file is never
//! rewritten in place: new media get new names), so what the import
//! fetches lands there. [`Staging::commit`] merges the imported content
//! into what the feed holds (an article, document or calendar entry with
//! the same id is replaced, everything else is kept), writes every feed
//! file and both indexes there (`bantin_format::dir::write_content`, as
//! `bantin-feed index` does), runs `bantin-feed check` on it, and only
//! when it passes swaps it in with two renames. An import that stops
//! before (interrupted, failed, or a result the check refuses) leaves the
//! feed as it was; the staging folder of a killed run is removed by the
//! next run.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use bantin_format::dir;
use bantin_format::model::*;
use bantin_format::pack::Content;

/// What an import brings.
#[derive(Clone, Debug, Default)]
pub struct Incoming {
    /// The site, for a feed that does not exist yet (an existing feed keeps
    /// its own).
    pub site: Option<Site>,
    pub categories: Vec<Category>,
    pub articles: Vec<Article>,
    pub weeks: Vec<CalendarWeek>,
    pub documents: Vec<Document>,
}

pub struct Staging {
    pub out: PathBuf,
    pub dir: PathBuf,
    existing: Option<Content>,
}

/// The feed's own generated or content files, which the staging folder
/// does not link (they are written anew).
fn generated(rel: &Path) -> bool {
    let s = rel.to_string_lossy().replace('\\', "/");
    let json = s.ends_with(".json");
    s == "index.json"
        || s.starts_with("news/")
        || s.starts_with("search/")
        || s.starts_with("library/")
        || s.starts_with("documents/pages/")
        || (json && (s.starts_with("articles/") || s.starts_with("calendar/")))
        || (json && s.starts_with("documents/items/"))
}

fn link_tree(from: &Path, to: &Path, root: &Path) -> Result<(), String> {
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let rel = path.strip_prefix(root).expect("inside the feed");
        let target = to.join(entry.file_name());
        let kind = entry.file_type().map_err(|e| e.to_string())?;
        if kind.is_dir() {
            link_tree(&path, &target, root)?;
        } else if kind.is_file() && !generated(rel) {
            fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
            if fs::hard_link(&path, &target).is_err() {
                fs::copy(&path, &target)
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

impl Staging {
    /// Opens the staging folder for `out` (which may not exist yet).
    pub fn open(out: &Path) -> Result<Staging, String> {
        let name = out
            .file_name()
            .ok_or_else(|| format!("{}: not a folder name", out.display()))?
            .to_string_lossy()
            .to_string();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        // Another run's folders: refused while that run lives; a killed
        // run's staging folder removed; a feed moved aside by a run killed
        // between its two renames put back first.
        let mut leftovers = Vec::new();
        if let Ok(rd) = fs::read_dir(&parent) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().to_string();
                let pid = [".import-", ".old-"].iter().find_map(|k| {
                    n.strip_prefix(&format!(".{name}{k}"))
                        .and_then(|p| p.parse::<u32>().ok())
                        .map(|pid| (pid, *k == ".old-"))
                });
                if let Some((pid, old)) = pid {
                    if pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists() {
                        return Err(format!(
                            "another import into {} is running (process {pid}); \
                             if it is not, remove {}",
                            out.display(),
                            e.path().display()
                        ));
                    }
                    leftovers.push((e.path(), old));
                }
            }
        }
        for (path, old) in leftovers {
            if old && !out.exists() {
                fs::rename(&path, out).map_err(|e| {
                    format!(
                        "cannot put {} back as {}: {e}",
                        path.display(),
                        out.display()
                    )
                })?;
            } else {
                let _ = fs::remove_dir_all(path);
            }
        }
        let dir = parent.join(format!(".{name}.import-{}", std::process::id()));
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let existing = if out.join("index.json").exists() {
            let (_, content) = dir::read_content(out)?;
            link_tree(out, &dir, out)?;
            Some(content)
        } else {
            None
        };
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            existing,
        })
    }

    /// What the feed holds now (before this import).
    pub fn existing(&self) -> Option<&Content> {
        self.existing.as_ref()
    }

    /// An existing article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.existing
            .as_ref()?
            .articles
            .iter()
            .find(|a| a.summary.id == id)
    }

    /// An existing document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.existing
            .as_ref()?
            .documents
            .iter()
            .find(|d| d.id == id)
    }

    /// Merges, writes, checks and swaps in; `Ok(None)` when the merge
    /// changes nothing the feed holds (the feed is not touched, not even its
    /// `generated_at`). `Err` leaves the feed as it was (the staging folder
    /// is removed, unless the check refused it: then it stays, for a look,
    /// and the message says where).
    pub fn commit(
        self,
        incoming: Incoming,
        generated_at: &str,
    ) -> Result<Option<dir::Written>, String> {
        let content = merge(self.existing.clone(), incoming, generated_at);
        if let Some(old) = &self.existing {
            if same(old, &content) && !self.dir_has_new_files() {
                self.abandon();
                return Ok(None);
            }
        }
        let written = match dir::write_content(&self.dir, &content) {
            Ok(w) => w,
            Err(e) => {
                let _ = fs::remove_dir_all(&self.dir);
                return Err(e);
            }
        };
        let report = dir::check(&self.dir)?;
        if report.errors() > 0 {
            return Err(format!(
                "the imported feed does not pass the check, so {} was left as it was; \
                 the result is in {}:\n{report}",
                self.out.display(),
                self.dir.display()
            ));
        }
        swap(&self.dir, &self.out)?;
        Ok(Some(written))
    }

    /// Whether the import put a file into the staging folder that the feed
    /// lacks (a new picture or document file).
    fn dir_has_new_files(&self) -> bool {
        fn walk(dir: &Path, root: &Path, out: &Path) -> bool {
            let Ok(rd) = fs::read_dir(dir) else {
                return false;
            };
            rd.flatten().any(|e| {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, root, out)
                } else {
                    let rel = p.strip_prefix(root).expect("inside");
                    !generated(rel) && !out.join(rel).exists()
                }
            })
        }
        walk(&self.dir, &self.dir, &self.out)
    }

    /// Gives up: the feed stays as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn swap(staged: &Path, out: &Path) -> Result<(), String> {
    if !out.exists() {
        return fs::rename(staged, out)
            .map_err(|e| format!("cannot move {} to {}: {e}", staged.display(), out.display()));
    }
    let name = out
        .file_name()
        .expect("opened")
        .to_string_lossy()
        .to_string();
    let old = out.with_file_name(format!(".{name}.old-{}", std::process::id()));
    fs::rename(out, &old).map_err(|e| format!("cannot move {} aside: {e}", out.display()))?;
    if let Err(e) = fs::rename(staged, out) {
        let _ = fs::rename(&old, out);
        return Err(format!(
            "cannot move the import into {}: {e}",
            out.display()
        ));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// The feed's content with the import's laid over it.
pub fn merge(existing: Option<Content>, incoming: Incoming, generated_at: &str) -> Content {
    let mut content = existing.unwrap_or_else(|| Content {
        generated_at: generated_at.to_string(),
        site: incoming.site.clone().unwrap_or_else(default_site),
        categories: Vec::new(),
        featured: Vec::new(),
        articles: Vec::new(),
        weeks: Vec::new(),
        documents: Vec::new(),
    });
    content.generated_at = generated_at.to_string();

    let mut order = content
        .categories
        .iter()
        .map(|c| c.order)
        .max()
        .unwrap_or(0);
    for c in incoming.categories {
        if !content
            .categories
            .iter()
            .any(|k| k.id == c.id || k.slug == c.slug)
        {
            order += 1;
            content.categories.push(Category { order, ..c });
        }
    }

    // Articles by id; a new article whose slug another has gets a suffix.
    let mut by_id: BTreeMap<String, Article> = content
        .articles
        .drain(..)
        .map(|a| (a.summary.id.clone(), a))
        .collect();
    for mut a in incoming.articles {
        if let Some(old) = by_id.get(&a.summary.id) {
            a.summary.slug = old.summary.slug.clone();
        } else {
            let taken: HashMap<&str, ()> = by_id
                .values()
                .map(|o| (o.summary.slug.as_str(), ()))
                .collect();
            let base = a.summary.slug.clone();
            let mut n = 2;
            while taken.contains_key(a.summary.slug.as_str()) {
                a.summary.slug = format!("{base}-{n}");
                n += 1;
            }
        }
        by_id.insert(a.summary.id.clone(), a);
    }
    content.articles = by_id.into_values().collect();
    let ids: Vec<&str> = content
        .articles
        .iter()
        .map(|a| a.summary.id.as_str())
        .collect();
    content.featured.retain(|f| ids.contains(&f.as_str()));

    // Weeks by week, entries by id.
    for w in incoming.weeks {
        match content.weeks.iter_mut().find(|k| k.week == w.week) {
            Some(k) => {
                for e in w.entries {
                    match k.entries.iter_mut().find(|o| o.id == e.id) {
                        Some(o) => *o = e,
                        None => k.entries.push(e),
                    }
                }
                k.entries.sort_by_key(start_key);
                if w.updated.is_some() {
                    k.updated = w.updated;
                }
            }
            None => content.weeks.push(w),
        }
    }
    content.weeks.sort_by(|a, b| a.week.cmp(&b.week));

    for d in incoming.documents {
        match content.documents.iter_mut().find(|o| o.id == d.id) {
            Some(o) => *o = d,
            None => content.documents.push(d),
        }
    }
    content
}

/// The same content, whatever the order of its lists and its time of writing.
fn same(a: &Content, b: &Content) -> bool {
    fn sorted<T: Clone, K: Ord>(v: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
        let mut v = v.to_vec();
        v.sort_by_key(|x| key(x));
        v
    }
    let article = |x: &Article| x.summary.id.clone();
    let document = |x: &Document| x.id.clone();
    let week = |x: &CalendarWeek| x.week.clone();
    a.site == b.site
        && a.categories == b.categories
        && a.featured == b.featured
        && sorted(&a.articles, article) == sorted(&b.articles, article)
        && sorted(&a.weeks, week) == sorted(&b.weeks, week)
        && sorted(&a.documents, document) == sorted(&b.documents, document)
}

fn start_key(e: &CalendarEntry) -> i64 {
    bantin_format::datetime::DateTime::parse_rfc3339(&e.start).map_or(i64::MAX, |t| t.unix)
}

/// The site of a new feed when the source names none.
pub fn default_site() -> Site {
    site_named("Bản tin")
}

/// A site with this name (a new feed; the webmaster edits the rest in
/// index.json, and a later import keeps it).
pub fn site_named(name: &str) -> Site {
    Site {
        name: name.to_string(),
        department: name.to_string(),
        short_name: name.to_string(),
        logo: None,
        description: None,
        contact: Contact::default(),
        linked_websites: Vec::new(),
        quick_links: Vec::new(),
        counters: None,
        visits: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("bantin-write-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_feed_moved_aside_by_a_killed_run_is_put_back() {
        let root = temp("aside");
        let out = root.join("feed");
        // A run (not alive: pid 0 has no /proc entry) killed between its renames.
        let aside = root.join(".feed.old-0");
        fs::create_dir_all(aside.join("media")).unwrap();
        fs::write(aside.join("media/a.png"), b"x").unwrap();
        fs::create_dir_all(root.join(".feed.import-0")).unwrap();
        let staging = Staging::open(&out).unwrap();
        assert!(out.join("media/a.png").is_file(), "the feed is back");
        assert!(!aside.exists() && !root.join(".feed.import-0").exists());
        staging.abandon();
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn a_running_import_is_not_disturbed() {
        let root = temp("running");
        let out = root.join("feed");
        // PID 1 is always alive.
        fs::create_dir_all(root.join(".feed.import-1")).unwrap();
        let e = Staging::open(&out).err().expect("refused");
        assert!(e.contains("another import into"), "{e}");
        assert!(root.join(".feed.import-1").exists());
        let _ = fs::remove_dir_all(&root);
    }
}
