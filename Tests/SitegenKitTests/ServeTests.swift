import Foundation
import Testing

@testable import SitegenKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Serialized, with `WatchLimits` nested inside: those tests lower the kernel's inotify limits for the whole
/// machine while a server starts, which must not touch another test's server.
@Suite(.serialized) struct ServeTests {
    /// Collects what the server logs.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [String] = []
        var lines: [String] { lock.withLock { collected } }
        @Sendable func add(_ line: String) { lock.withLock { collected.append(line) } }
    }

    /// Fetches a path from the server, as text.
    func fetch(_ port: UInt16, _ path: String) async throws -> (status: Int, body: String) {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Starts a server for `site` on a free port, runs `body`, and stops it.
    func withServer(_ site: TestSite, log: Log = Log(), _ body: (UInt16) async throws -> Void) async throws {
        let server = try DevServer(options: BuildOptions(root: site.root), address: .init(port: 0), log: log.add)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        let port = try #require(await server.port)
        try await body(port)
        await server.stop()
    }

    /// Fetches `path` until its body contains `text`, for up to five seconds.
    func waitFor(_ text: String, at path: String, port: UInt16) async throws -> String {
        var body = ""
        for _ in 0..<100 where !body.contains(text) {
            try await Task.sleep(for: .milliseconds(50))
            body = try await fetch(port, path).body
        }
        return body
    }

    @Test func aChangedBodyReRendersOnlyThatPage() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "nav: 1\n", "Home\n")
        try site.page("notes/a.md", title: "A", front: "nav: 2\n", "Before\n")
        let log = Log()
        try await withServer(site, log: log) { port in
            try site.page("notes/a.md", title: "A", front: "nav: 2\n", "After\n")
            #expect(try await waitFor("After", at: "/notes/a.html", port: port).contains("After"))
            #expect(log.lines.contains { $0.hasPrefix("re-rendered 1 page in") })
        }
    }

    @Test func aChangedTitleRebuildsThePagesThatShowIt() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "nav: 1\n", "Home\n")
        try site.page("notes/a.md", title: "Old title", front: "nav: 2\n", "Body\n")
        try await withServer(site) { port in
            try site.page("notes/a.md", title: "New title", front: "nav: 2\n", "Body\n")
            #expect(try await waitFor("New title", at: "/index.html", port: port).contains(">New title</a>"))
        }
    }

    /// A title outside the navigation is shown by the page and its two neighbours: through the same dependency
    /// record as `sitegen build`, only those three render, and the other pages are served as they were.
    @Test func aChangedTitleRendersOnlyThePagesWhoseRecordChanged() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Home\n")
        for name in ["a", "b", "c", "d", "e"] {
            try site.page("notes/\(name).md", title: "Title \(name)", "Body \(name)\n")
        }
        // Previous and next links, so that neighbours show each other's titles.
        try site.write(
            "themes/default/templates/page.mustache",
            "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.body}}}"
                + "{{#page.previous}}<a href=\"{{href}}\">{{title}}</a>{{/page.previous}}"
                + "{{#page.next}}<a href=\"{{href}}\">{{title}}</a>{{/page.next}}{{/main}}{{/base}}")
        // Older than the racy margin when the first build stamps them, so the record trusts them.
        try await Task.sleep(for: .milliseconds(100))
        let log = Log()
        try await withServer(site, log: log) { port in
            try site.page("notes/b.md", title: "New b", "Body b\n")
            #expect(try await waitFor("New b", at: "/notes/a.html", port: port).contains("New b"))
            #expect(try await fetch(port, "/notes/c.html").body.contains("New b"))
            #expect(try await fetch(port, "/notes/e.html").body.contains("Body e"))
            #expect(log.lines.contains { $0.hasPrefix("rebuilt 6 pages (3 rendered) in") }, "\(log.lines)")
            // Every page served, rendered or carried over, is what a build from scratch writes.
            try site.build()
            for path in ["index.html"] + ["a", "b", "c", "d", "e"].map({ "notes/\($0).html" }) {
                #expect(
                    try await fetch(port, "/" + path).body == LiveReload.inject(into: try site.read(path)), "\(path)")
            }
        }
    }

    /// A page carried over by a rebuild keeps no links to check, so a later edit that breaks a link of its
    /// (the heading it leads to removed) must not take the single-page path: the link is reported, as a build would.
    @Test func aHeadingRemovedAfterARebuildFailsTheCarriedPageThatLinksToIt() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Home\n")
        try site.page("guide/a.md", title: "A", "See [the intro](../notes/b.md#intro).\n")
        try site.page("notes/b.md", title: "B", "## Intro\n\nText.\n")
        for name in ["c", "d", "e"] { try site.page("notes/\(name).md", title: name, "Body \(name)\n") }
        try await Task.sleep(for: .milliseconds(100))
        let log = Log()
        try await withServer(site, log: log) { port in
            // A title change far from b: a rebuild through the record renders e and d, and carries the page
            // linking to b over, since b does not render again.
            try site.page("notes/e.md", title: "New e", "Body e\n")
            #expect(try await waitFor("New e", at: "/notes/e.html", port: port).contains("New e"))
            #expect(log.lines.contains { $0.hasPrefix("rebuilt 6 pages (2 rendered) in") }, "\(log.lines)")
            try site.page("notes/b.md", title: "B", "No heading now.\n")
            for _ in 0..<100 where !log.lines.contains(where: { $0.contains("no heading with id `intro`") }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(log.lines.contains { $0.contains("no heading with id `intro`") }, "\(log.lines)")
        }
    }

    @Test func servesPagesWithTheReloadScriptButWritesNothing() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Hello\n")
        try await withServer(site) { port in
            let page = try await fetch(port, "/index.html")
            #expect(page.status == 200)
            #expect(page.body.contains("Hello"))
            #expect(page.body.contains(LiveReload.socketPath))
            #expect(try await fetch(port, "/").body == page.body)
            #expect(try await fetch(port, "/missing.html").status == 404)
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func rebuildsAfterAFileChanges() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Before\n")
        try await withServer(site) { port in
            #expect(try await fetch(port, "/index.html").body.contains("Before"))
            try site.page("index.md", "After the change\n")
            #expect(try await waitFor("After the change", at: "/index.html", port: port).contains("After the change"))
        }
    }

    @Test func aFailedRebuildKeepsTheLastGoodSite() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Good\n")
        try await withServer(site) { port in
            try site.page("index.md", "[broken](nowhere.md)\n")
            try await Task.sleep(for: .milliseconds(800))
            #expect(try await fetch(port, "/index.html").body.contains("Good"))
        }
    }

    /// A site with the three note pages of `NoteRecheckTests`, stamped long enough ago for the record to trust
    /// them.
    func noteSite() async throws -> TestSite {
        let site = try TestSite()
        try site.page("index.md", front: "nav: 1\n", "Home\n")
        try site.page("about.md", title: "About", front: "nav: 2\n", "About\n")
        try NoteRecheckTests.addNotes(to: site)
        try await Task.sleep(for: .milliseconds(100))
        return site
    }

    /// A note page's check depends on the features' data files: after one changes, a rebuild checks the note
    /// pages that did not change too.
    @Test func aChangedDataFileHasEveryNotePageCheckedAgain() async throws {
        let site = try await noteSite()
        defer { site.remove() }
        let log = Log()
        try await withServer(site, log: log) { port in
            try NoteRecheckTests.makeTheCompanyALine(in: site)
            for _ in 0..<100 where !log.lines.contains(where: { $0.contains("clashing punctuation") }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(log.lines.contains { $0.contains("notes/three.md") && $0.contains("clashing punctuation") })
        }
    }

    /// A rebuild after a title in the navigation changed takes the unchanged note pages' checks from the last
    /// render, and serves them as a build from scratch writes them.
    @Test func notePagesRebuiltAfterANavigationTitleAreWhatABuildWrites() async throws {
        let site = try await noteSite()
        defer { site.remove() }
        let log = Log()
        try await withServer(site, log: log) { port in
            try site.page("about.md", title: "About us", front: "nav: 2\n", "About\n")
            #expect(try await waitFor("About us", at: "/notes/one.html", port: port).contains("About us"))
            #expect(log.lines.contains { $0.hasPrefix("rebuilt 5 pages") }, "\(log.lines)")
            try site.build()
            for path in ["notes/one.html", "notes/two.html", "notes/three.html"] {
                #expect(
                    try await fetch(port, "/" + path).body == LiveReload.inject(into: try site.read(path)), "\(path)")
            }
        }
    }

    @Test func reloadScriptIsAllowedByTheStandalonePagePolicy() {
        let page =
            #"<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-x&#39;; style-src &#39;sha256-y&#39;"></head><body></body>"#
        let served = LiveReload.inject(into: page)
        #expect(served.contains("connect-src &#39;self&#39;; script-src &#39;sha256-"))
        #expect(served.contains("&#39;sha256-x&#39;"))
        #expect(
            served.contains(
                ContentSecurityPolicy.hashSource(LiveReload.script).replacingOccurrences(of: "'", with: "&#39;")))
        #expect(!served.contains("unsafe-inline"))
    }

    /// Fetches `path` until its status is `status`, for up to five seconds.
    func waitForStatus(_ status: Int, at path: String, port: UInt16) async throws -> Int {
        var current = 0
        for _ in 0..<100 where current != status {
            try await Task.sleep(for: .milliseconds(50))
            current = try await fetch(port, path).status
        }
        return current
    }

    @Test func aDeletedPageIsRebuiltAway() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Home\n")
        try site.page("gone.md", "Soon gone\n")
        let log = Log()
        try await withServer(site, log: log) { port in
            #expect(try await fetch(port, "/gone.html").status == 200)
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/gone.md"))
            #expect(try await waitForStatus(404, at: "/gone.html", port: port) == 404)
            #expect(!log.lines.contains { $0.contains("cannot read") || $0.contains("does not exist") })
        }
    }

    @Test func aRenamedPageIsServedUnderItsNewName() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Home\n")
        try site.page("old.md", "Moving\n")
        try await withServer(site) { port in
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent("content/old.md"),
                to: site.root.appendingPathComponent("content/new.md"))
            #expect(try await waitForStatus(200, at: "/new.html", port: port) == 200)
            #expect(try await fetch(port, "/old.html").status == 404)
        }
    }

    @Test func editsAreSeenAfterTheContentFolderIsDeletedAndRestored() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "First\n")
        let content = site.root.appendingPathComponent("content")
        let aside = site.root.appendingPathComponent("content-aside")
        try await withServer(site) { port in
            // As a branch switch does: the folder goes away and comes back.
            try FileManager.default.moveItem(at: content, to: aside)
            try await Task.sleep(for: .milliseconds(300))
            try FileManager.default.moveItem(at: aside, to: content)
            try await Task.sleep(for: .milliseconds(300))
            try site.page("index.md", "Edited after the switch\n")
            #expect(try await waitFor("Edited after", at: "/index.html", port: port).contains("Edited after"))
            // A folder inside it, deleted and made again, is watched again too.
            try site.page("notes/a.md", "In a folder\n")
            #expect(try await waitFor("In a folder", at: "/notes/a.html", port: port).contains("In a folder"))
            try FileManager.default.removeItem(at: content.appendingPathComponent("notes"))
            try await Task.sleep(for: .milliseconds(300))
            try site.page("notes/a.md", "Back again\n")
            #expect(try await waitFor("Back again", at: "/notes/a.html", port: port).contains("Back again"))
        }
    }

    @Test func aPortInUseIsAnErrorThatSuggestsAnother() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try await withServer(site) { port in
            let second = try DevServer(
                options: BuildOptions(root: site.root), address: .init(port: port), log: { _ in })
            await #expect {
                try await second.run()
            } throws: { error in
                let problem = (error as? SitegenError)?.diagnostics.first
                return problem?.message.contains("already in use") == true && problem?.hint?.contains("--port") == true
            }
        }
    }
}
