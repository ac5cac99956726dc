extension TestSite {
    /// A site of three pages (`index.md`, `a.md` and `b.md`, the last two reading "Before"), built once.
    static func ofThreePages() throws -> TestSite {
        let site = try TestSite()
        try site.page("index.md")
        try site.page("a.md", "Before\n")
        try site.page("b.md", "Before\n")
        try site.build()
        return site
    }

    /// Changes the text of `ofThreePages()`'s `a.md` and `b.md`: two files of the output, which go in by a swap of
    /// the whole site (one would be renamed into the output folder by itself), with `index.html` carried over.
    func changeTwoPages() throws {
        try page("a.md", "Changed\n")
        try page("b.md", "Changed\n")
    }
}
