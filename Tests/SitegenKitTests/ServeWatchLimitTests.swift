import Foundation
import Testing

@testable import SitegenKit

extension ServeTests {
    /// `serve` when the kernel's inotify limits bite: events dropped from a full queue, and no watches to be had. Each
    /// test lowers a limit (root only) just while the server starts; nested in the serialized `ServeTests`, no other
    /// server starts meanwhile.
    @Suite struct WatchLimits {
        static let limits = "/proc/sys/fs/inotify/"
        static let canTune = getuid() == 0 && FileManager.default.isWritableFile(atPath: limits + "max_queued_events")

        /// Starts a server for `site` with the inotify setting `name` at `value`, put back as soon as the server has
        /// built once, then runs `body`.
        func withLimit(
            _ name: String, _ value: Int, site: TestSite, log: ServeTests.Log, _ body: (UInt16) async throws -> Void
        ) async throws {
            let path = Self.limits + name
            let saved = try String(contentsOfFile: path, encoding: .utf8)
            try "\(value)\n".write(toFile: path, atomically: false, encoding: .utf8)
            var restored = false
            defer { if !restored { try? saved.write(toFile: path, atomically: false, encoding: .utf8) } }
            try await ServeTests().withServer(site, log: log) { port in
                try saved.write(toFile: path, atomically: false, encoding: .utf8)
                restored = true
                try await body(port)
            }
        }

        @Test(.enabled(if: canTune, "needs root to lower fs.inotify.max_queued_events"))
        func anOverflowingEventQueueRebuildsEverythingAndSaysSo() async throws {
            let site = try TestSite()
            defer { site.remove() }
            try site.page("index.md", "Home\n")
            let log = ServeTests.Log()
            try await withLimit("max_queued_events", 1, site: site, log: log) { port in
                for page in 0..<500 { try site.page("p\(page).md", "Page \(page)\n") }
                let body = try await ServeTests().waitFor("Page 499", at: "/p499.html", port: port)
                #expect(body.contains("Page 499"))
                #expect(log.lines.contains { $0.contains("missed some file changes") })
            }
        }

        @Test(.enabled(if: canTune, "needs root to lower fs.inotify.max_user_watches"))
        func withNoWatchesToBeHadServeComparesFilesInstead() async throws {
            let site = try TestSite()
            defer { site.remove() }
            try site.page("index.md", "Before\n")
            let log = ServeTests.Log()
            try await withLimit("max_user_watches", 1, site: site, log: log) { port in
                try site.page("index.md", "After the change\n")
                let body = try await ServeTests().waitFor("After the change", at: "/index.html", port: port)
                #expect(body.contains("After the change"))
                #expect(log.lines.contains { $0.contains("max_user_watches") && $0.contains("comparing files") })
            }
        }
    }
}
