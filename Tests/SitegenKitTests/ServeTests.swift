import Foundation
import Testing

@testable import SitegenKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct ServeTests {
    /// Fetches a path from the server, as text.
    func fetch(_ port: UInt16, _ path: String) async throws -> (status: Int, body: String) {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Starts a server for `site` on a free port, runs `body`, and stops it.
    func withServer(_ site: TestSite, _ body: (UInt16) async throws -> Void) async throws {
        let server = try DevServer(options: BuildOptions(root: site.root), address: .init(port: 0), log: { _ in })
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        let port = try #require(await server.port)
        try await body(port)
        await server.stop()
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
            var body = ""
            for _ in 0..<50 where !body.contains("After the change") {
                try await Task.sleep(for: .milliseconds(100))
                body = try await fetch(port, "/index.html").body
            }
            #expect(body.contains("After the change"))
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
}
