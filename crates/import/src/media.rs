//! Images into the feed's `media/` folder, with their sizes, so a reader
//! offline still sees them and link previews have a picture with its size
//! (`og:image`). With `remote`, images keep their addresses (and the sizes
//! the page wrote, if any).
//!
//! A picture's file name is a hash of its address, with the extension of
//! what its bytes are (JPEG, PNG, GIF, WebP): the same picture is fetched
//! once per run (and answered 304 on the next run), and a file is never
//! rewritten in place.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;

use bantin_format::model::{Article, Block, Image};

use crate::http::{fnv, Client};

pub const MEDIA_DIR: &str = "media";

/// A picture kept: its path in the feed, width, height; or why not.
type Kept = Result<(String, u32, u32), String>;

pub struct Media<'a> {
    client: &'a Client,
    /// The staging folder (the feed's root).
    root: PathBuf,
    remote: bool,
    /// Address → (relative path, width, height), or the reason it failed.
    done: Mutex<HashMap<String, Kept>>,
}

impl<'a> Media<'a> {
    pub fn new(client: &'a Client, root: PathBuf, remote: bool) -> Media<'a> {
        Media {
            client,
            root,
            remote,
            done: Mutex::new(HashMap::new()),
        }
    }

    /// Pictures written so far.
    pub fn count(&self) -> usize {
        self.done
            .lock()
            .unwrap()
            .values()
            .filter(|r| r.is_ok())
            .count()
    }

    /// Every picture of an article (cover, images, galleries, video
    /// posters) fetched; what could not be is kept remote, with a warning
    /// in `warnings`.
    pub fn article(&self, a: &mut Article, warnings: &mut Vec<String>) {
        if let Some(cover) = a.summary.cover.as_mut() {
            self.image(cover, warnings);
        }
        for b in &mut a.body {
            match b {
                Block::Image(img) => self.image(img, warnings),
                Block::Gallery { images, .. } => {
                    for img in images {
                        self.image(img, warnings)
                    }
                }
                Block::Video { poster, .. } => self.image(poster, warnings),
                _ => {}
            }
        }
    }

    pub fn image(&self, img: &mut Image, warnings: &mut Vec<String>) {
        if self.remote || !(img.src.starts_with("http://") || img.src.starts_with("https://")) {
            return;
        }
        let url = img.src.clone();
        let known = self.done.lock().unwrap().get(&url).cloned();
        let result = match known {
            Some(r) => r,
            None => {
                let r = self.fetch(&url);
                self.done.lock().unwrap().insert(url.clone(), r.clone());
                r
            }
        };
        match result {
            Ok((rel, w, h)) => {
                img.src = rel;
                img.width = Some(w);
                img.height = Some(h);
            }
            Err(why) => warnings.push(format!("image {url} kept remote: {why}")),
        }
    }

    fn fetch(&self, url: &str) -> Kept {
        let got = self.client.get(url)?;
        let ext = match imagesize::image_type(&got.body) {
            Ok(imagesize::ImageType::Jpeg) => "jpg",
            Ok(imagesize::ImageType::Png) => "png",
            Ok(imagesize::ImageType::Gif) => "gif",
            Ok(imagesize::ImageType::Webp) => "webp",
            Ok(other) => return Err(format!("{other:?} is not a web picture format")),
            Err(_) => return Err("not a picture".into()),
        };
        let size = imagesize::blob_size(&got.body).map_err(|e| format!("no size: {e}"))?;
        let (w, h) = (size.width as u32, size.height as u32);
        if w == 0 || h == 0 {
            return Err("a picture of no size".into());
        }
        let rel = format!("{MEDIA_DIR}/{:016x}.{ext}", fnv(url));
        let path = self.root.join(&rel);
        if !path.exists() {
            fs::create_dir_all(self.root.join(MEDIA_DIR))
                .map_err(|e| format!("cannot create {MEDIA_DIR}/: {e}"))?;
            let tmp = path.with_extension(format!("tmp{}", std::process::id()));
            fs::write(&tmp, &got.body)
                .and_then(|_| fs::rename(&tmp, &path))
                .map_err(|e| format!("cannot write {rel}: {e}"))?;
        }
        Ok((rel, w, h))
    }
}
