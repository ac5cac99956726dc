"""Where every link and resource URL of a built site's pages leads, as html5lib (a WHATWG-conformant HTML
parser) reads the pages: character references decoded as browsers decode them, `<base href>` honoured.

Prints JSON: {page: [target, ...]}, each target a path inside the site, with `#fragment` as written when the
URL has one. URLs that leave the site, name another scheme or start with `/` are left out, as are URLs whose
percent-encoding does not decode. SiteCheckerDifferentialTests compares this with `sitegen check`'s own reading.

Usage: python3 targets.py SITE_FOLDER
"""

import json
import os
import posixpath
import sys
from urllib.parse import quote, unquote, urljoin, urlsplit

import html5lib

XLINK = "{http://www.w3.org/1999/xlink}href"
ROOT = "file:///site/"

# The elements and attributes whose URLs a page loads or links to, as SiteChecker.references(in:) lists them.
URL_ATTRIBUTES = {
    "a": ["href", XLINK], "area": ["href"], "link": ["href"], "script": ["src"], "iframe": ["src"],
    "frame": ["src"], "embed": ["src"], "audio": ["src"], "track": ["src"], "img": ["src"], "source": ["src"],
    "video": ["src", "poster"], "input": ["src", "formaction"], "button": ["formaction"], "form": ["action"],
    "object": ["data"], "image": ["href", XLINK], "use": ["href", XLINK], "feimage": ["href", XLINK],
}
SRCSET = {"img": "srcset", "source": "srcset", "link": "imagesrcset"}


def cleaned(url):
    """As the URL standard reads it: C0 controls and spaces trimmed, tabs and line breaks removed, `\\` as `/`."""
    url = url.strip("".join(chr(c) for c in range(0x21)))
    return "".join(c for c in url if c not in "\t\n\r").replace("\\", "/")


def srcset_urls(value):
    """The URLs of a srcset list: each runs to whitespace; descriptors run to a comma outside parentheses."""
    urls, i, n = [], 0, len(value)
    while True:
        while i < n and (value[i] == "," or value[i].isspace()):
            i += 1
        if i >= n:
            return urls
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = False
            while i < n:
                c = value[i]
                i += 1
                if c == "(":
                    depth = True
                if c == ")":
                    depth = False
                if c == "," and not depth:
                    break
        if url:
            urls.append(url)


def local_name(tag):
    return tag.rsplit("}", 1)[-1].lower()


def targets(site, page):
    with open(os.path.join(site, page), "rb") as handle:
        document = html5lib.parse(handle.read(), treebuilder="etree", namespaceHTMLElements=False,
                                  transport_encoding="utf-8")
    address = ROOT + quote(page)
    base = address
    for element in document.iter():
        if isinstance(element.tag, str) and local_name(element.tag) == "base" and "href" in element.attrib:
            base = urljoin(address, cleaned(element.attrib["href"]))
            break
    found = set()
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        name = local_name(element.tag)
        values = [element.attrib[a] for a in URL_ATTRIBUTES.get(name, []) if a in element.attrib]
        if name in SRCSET and SRCSET[name] in element.attrib:
            values += srcset_urls(element.attrib[SRCSET[name]])
        for value in values:
            url = cleaned(value)
            if not url and base == address:
                continue
            split = urlsplit(url)
            if split.scheme or url.startswith("/"):
                continue
            resolved = urlsplit(urljoin(base, url))
            if not (resolved.scheme == "file" and resolved.path.startswith("/site/")):
                continue
            try:
                path = unquote(resolved.path[len("/site/"):], errors="strict")
            except UnicodeDecodeError:
                continue
            path = posixpath.normpath(path) if path else page
            if path == ".":
                path = ""
            joined = urljoin(base, url)
            fragment = joined.split("#", 1)[1] if "#" in joined else None
            found.add(path + ("#" + fragment if fragment is not None else ""))
    return sorted(found)


def main():
    site = sys.argv[1]
    pages = {}
    for folder, folders, files in os.walk(site):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for file in files:
            if file.lower().endswith((".html", ".htm")) and not file.startswith("."):
                page = os.path.relpath(os.path.join(folder, file), site).replace(os.sep, "/")
                pages[page] = targets(site, page)
    print(json.dumps(pages, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
