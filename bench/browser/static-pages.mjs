// The physical limit: plain HTML pages, no script, with the same home
// content and the same article as bantin shows, styled by the same CSS
// file. The benchmark serves them from the same nginx and compares.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// The feed's own relative paths are relative to the feed directory.
const media = (src) => (/^(https?:|data:|\/)/.test(src) ? src : `/feed/${src}`);

const date = (rfc) => {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(rfc || "");
  return m ? `${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}` : "";
};

function card(a, large) {
  const h = large ? "h2" : "h3";
  const img = a.cover
    ? `<img class="card__image" src="${esc(media(a.cover.src))}" alt="${esc(a.cover.alt)}" width="${a.cover.width || 640}" height="${a.cover.height || 360}" loading="${large ? "eager" : "lazy"}" decoding="async">`
    : "";
  return `<article class="card${large ? " card--large" : ""}">${img}<div class="card__body"><${h} class="card__title"><a href="/static/${esc(a.slug)}.html">${esc(a.title)}</a></${h}><p class="card__meta"><time datetime="${esc(a.published)}">${date(a.published)}</time> · ${a.views ?? 0} lượt xem</p><p class="card__sapo">${esc(a.sapo)}</p></div></article>`;
}

function page(title, css, site, main) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><link rel="stylesheet" href="/${css}"></head><body><header class="site-header"><div class="site-header__bar"><a class="brand" href="/static/home.html"><span class="brand__name">${esc(site.name)}</span></a></div></header><main id="noi-dung">${main}</main><footer class="site-footer"><p>${esc(site.name)}</p></footer></body></html>`;
}

function block(b) {
  const runs = (rs) =>
    rs
      .map((r) => {
        let t = esc(r.text);
        if (r.bold) t = `<strong>${t}</strong>`;
        if (r.italic) t = `<em>${t}</em>`;
        return r.link ? `<a href="${esc(r.link)}">${t}</a>` : t;
      })
      .join("");
  const img = (i) =>
    `<figure class="figure"><img src="${esc(media(i.src))}" alt="${esc(i.alt)}" width="${i.width || 800}" height="${i.height || 450}" loading="lazy"><figcaption>${esc(i.caption)}</figcaption></figure>`;
  switch (b.type) {
    case "paragraph":
      return `<p>${runs(b.runs)}</p>`;
    case "heading":
      return `<h${b.level === 3 ? 3 : 2}>${esc(b.text)}</h${b.level === 3 ? 3 : 2}>`;
    case "image":
      return img(b);
    case "quote":
      return `<blockquote class="quote"><p>${esc(b.text)}</p>${b.cite ? `<cite>${esc(b.cite)}</cite>` : ""}</blockquote>`;
    case "list": {
      const t = b.ordered ? "ol" : "ul";
      return `<${t}>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</${t}>`;
    }
    case "table":
      return `<div class="table-scroll"><table>${b.caption ? `<caption>${esc(b.caption)}</caption>` : ""}<thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
    case "gallery":
      return `<figure class="gallery"><div class="gallery__grid">${b.images.map(img).join("")}</div></figure>`;
    case "attachment":
      return `<p class="attachment"><a href="/van-ban/${esc(b.document)}">${esc(b.title || b.document)}</a></p>`;
    case "video":
      return `<figure class="video"><a class="video__link" href="${esc(b.url)}">${esc(b.title || "Video")}</a></figure>`;
    default:
      return "";
  }
}

/**
 * Writes `home.html` and `<slug>.html` of the lead story into `out` from
 * the feed in `dist/feed`, linking the build's CSS. Returns the lead slug.
 */
export function writeStaticPages(dist, out, leadSlug) {
  const index = JSON.parse(readFileSync(join(dist, "feed", "index.json"), "utf8"));
  const css = readdirSync(dist).find((f) => /^main-.*\.css$/.test(f));
  const site = index.site;
  const lead = index.latest.find((a) => a.slug === leadSlug) || index.latest[0];
  const latest = index.latest.filter((a) => a !== lead).slice(0, 10);
  const cats = index.categories
    .map((c) => {
      const items = index.latest.filter((a) => a.category === c.id || (a.categories || []).includes(c.id)).slice(0, 4);
      return items.length
        ? `<section class="block"><h2 class="block__title">${esc(c.name)}</h2><div class="card-list">${items.map((a) => card(a, false)).join("")}</div></section>`
        : "";
    })
    .join("");
  const docs = (index.documents?.latest || [])
    .map((d) => `<li><a href="/van-ban/${esc(d.id)}">${esc(d.number)}</a> ${esc(d.title || d.summary)}</li>`)
    .join("");
  const home = `<div class="home"><div class="home__main"><section class="block block--lead">${card(lead, true)}</section><section class="block"><h2 class="block__title">Tin mới nhất</h2><div class="card-list">${latest.map((a) => card(a, false)).join("")}</div></section>${cats}</div><aside class="home__side"><section class="block"><h2 class="block__title">Văn bản mới</h2><ul>${docs}</ul></section></aside></div>`;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "home.html"), page(site.name, css, site, home));

  const file = JSON.parse(readFileSync(join(dist, "feed", "articles", `${lead.slug}.json`), "utf8"));
  const a = file.article;
  const article = `<article class="article"><h1 class="article__title">${esc(a.title)}</h1><p class="article__meta"><time datetime="${esc(a.published)}">${date(a.published)}</time></p><p class="article__sapo">${esc(a.sapo)}</p><div class="article-body">${a.body.map(block).join("")}</div></article>`;
  writeFileSync(join(out, `${lead.slug}.html`), page(a.title, css, site, article));
  return lead.slug;
}
