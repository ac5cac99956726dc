"use strict";
// Hosts (GitHub Pages, Netlify, nginx's try_files) serve 404.html at the missing address itself, at any depth and
// under any sub-path, so links written for the site's top folder would point below it. This finds that folder
// and points every relative link there. Without script the links still work where the page sits at the top.
(async () => {
  const marker = document.getElementById("site-root");
  if (!marker || location.protocol === "file:") return;
  const here = new URL(location.href);
  let root = null;
  // A configured address names the folder, when the page is being read there.
  if (marker.dataset.url) {
    const configured = new URL(marker.dataset.url, here);
    // `url: https://example.org/guide` names the folder /guide/, not a file in /.
    if (!configured.pathname.endsWith("/")) configured.pathname += "/";
    if (configured.origin === here.origin && here.pathname.startsWith(configured.pathname)) root = configured;
  }
  // Otherwise ask the same host, from the deepest folder up, for a file only the site's top folder holds. A
  // missing file answers with this page (status 404, or 200 from some servers), which is HTML.
  for (let folder = here.pathname.replace(/[^/]*$/, ""); !root; folder = folder.replace(/[^/]*\/$/, "")) {
    const candidate = new URL(folder, here);
    try {
      const response = await fetch(new URL(marker.dataset.probe, candidate), { method: "HEAD", cache: "no-store" });
      const type = response.headers.get("content-type") || "";
      if (response.ok && !type.startsWith("text/html")) root = candidate;
    } catch {
      // A folder the host will not answer for is not the site's.
    }
    if (folder === "/") break;
  }
  if (!root) return;
  // The script sits in the page's main part; the footer's links come after it.
  if (document.readyState === "loading") await new Promise((done) => document.addEventListener("DOMContentLoaded", done));
  for (const link of document.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) continue;
    link.href = new URL(href, root).href;
  }
})();
