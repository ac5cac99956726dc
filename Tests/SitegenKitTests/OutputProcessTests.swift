import Foundation
import Testing

@testable import SitegenKit

/// The promise that nothing is lost, tested against real processes: `sitegen build` killed at random points, builds
/// racing each other, a full disk, a read-only file system and immutable files.
@Suite(.serialized) struct OutputProcessTests {
    static let binary = CommandLineTests.binary

    /// A site of `pages` pages; `version` changes every page's text.
    static func largeSite(pages: Int, version: String) throws -> TestSite {
        let site = try TestSite()
        try write(site, pages: pages, version: version)
        return site
    }

    static func write(_ site: TestSite, pages: Int, version: String) throws {
        for page in 0..<pages {
            try site.page("f\(page % 30)/p\(page).md", title: "Page \(page)", "Version \(version) of page \(page).\n")
        }
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// 20 builds killed with SIGKILL at seeded random moments: after each, the output is the whole old site or the
    /// whole new one, the author's files intact; the next build completes and leaves nothing beside the output.
    /// With `onePage`, one page changes, so the build renames one file into the output instead of swapping.
    @Test(arguments: [false, true])
    func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNew(onePage: Bool) throws {
        let site = try Self.largeSite(pages: 3000, version: "A")
        defer { site.remove() }
        // A pause, so that the record trusts every stamp and a build after one page's edit works from the record
        // alone (`SiteBuilder.buildEdited`).
        if onePage { IncrementalBuildTests.settle() }
        try site.build()
        try site.write("output/CNAME", "example.org")
        try FileManager.default.createDirectory(
            at: site.output.appendingPathComponent("uploads"), withIntermediateDirectories: true)
        let pristine = site.root.appendingPathComponent("pristine")
        let record = site.root.appendingPathComponent(".output.sitegen-record")
        let pristineRecord = site.root.appendingPathComponent("pristine-record")
        // With one page, the output is kept as hard links and put back as hard links, so its files keep the
        // stamps the record gives them (builds only ever rename files into the output, never write into one),
        // and the record is put back with it.
        func keep(_ from: URL, as to: URL) throws {
            if onePage {
                #expect(try runProcess(URL(fileURLWithPath: "/bin/cp"), ["-al", from.path, to.path]).status == 0)
            } else {
                try FileManager.default.copyItem(at: from, to: to)
            }
        }
        try keep(site.output, as: pristine)
        if onePage { try FileManager.default.copyItem(at: record, to: pristineRecord) }
        let old = folderTree(site.output)
        if onePage {
            try site.page("f7/p7.md", title: "Page 7", "Version B of page 7.\n")
        } else {
            try Self.write(site, pages: 3000, version: "B")
        }
        try site.build()
        let new = folderTree(site.output)
        #expect(old != new)

        // How long an uninterrupted build takes, so the kills spread over all of it.
        func reset() throws {
            try FileManager.default.removeItem(at: site.output)
            try keep(pristine, as: site.output)
            guard onePage else { return }
            try? FileManager.default.removeItem(at: record)
            try FileManager.default.copyItem(at: pristineRecord, to: record)
        }
        try reset()
        let clock = ContinuousClock()
        let timed = try Self.start(["build", "--root", site.root.path])
        let took = clock.measure { timed.waitUntilExit() }
        var random = SplitMix64(seed: 20_261_201)
        var outcomes: [String: Int] = [:]
        for trial in 0..<20 {
            try reset()
            let process = try Self.start(["build", "--root", site.root.path])
            let delay = Double(random.next() % 1000) / 1000 * (took / .microseconds(1))
            usleep(UInt32(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = folderTree(site.output)
            let outcome = after == old ? "old" : after == new ? "new" : "neither"
            outcomes[outcome, default: 0] += 1
            #expect(outcome != "neither", "trial \(trial), killed after \(Int(delay)) µs")
            let rebuild = try runProcess(Self.binary, ["build", "--root", site.root.path])
            #expect(rebuild.status == 0, "trial \(trial): \(rebuild.output)")
            #expect(folderTree(site.output) == new, "trial \(trial)")
            #expect(leftovers(beside: site.output).isEmpty, "trial \(trial)")
        }
        print("killed builds left the old site \(outcomes["old"] ?? 0) times, the new \(outcomes["new"] ?? 0) times")
    }

    /// Two or three builds of one project started at once, 20 rounds: each round every build succeeds and the
    /// output is exactly what one build makes.
    @Test func racingBuildsTakeTurnsAndLoseNothing() throws {
        let site = try Self.largeSite(pages: 300, version: "0")
        defer { site.remove() }
        try site.build()
        try site.write("output/CNAME", "example.org")
        for round in 0..<20 {
            try Self.write(site, pages: 300, version: "\(round)")
            let builds = try (0..<(round % 2 == 0 ? 2 : 3)).map { _ in
                try Self.start(["build", "--root", site.root.path])
            }
            for build in builds { build.waitUntilExit() }
            #expect(builds.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            let tree = folderTree(site.output)
            #expect(tree["CNAME"] == .file(Data("example.org".utf8)), "round \(round)")
            #expect(tree.keys.filter { $0.hasSuffix(".html") }.count == 300, "round \(round)")
            #expect(try site.read("f7/p7.html").contains("Version \(round) of page 7"), "round \(round)")
            #expect(leftovers(beside: site.output).isEmpty, "round \(round)")
            try site.build()
            #expect(folderTree(site.output) == tree, "round \(round): a further build changes nothing")
        }
    }

    /// Whether this process may mount a small tmpfs (root on Linux, outside most containers' limits).
    static let canMount: Bool = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-mount-probe-\(UUID())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard
            (try? runProcess(
                URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]))?.status
                == 0
        else {
            return false
        }
        _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [folder.path])
        return true
    }()

    /// A small tmpfs for the output; unmounted by the caller.
    static func mountSmallDisk(kilobytes: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-disk-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mounted = try runProcess(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path])
        #expect(mounted.status == 0, "\(mounted.output)")
        return folder
    }

    static func unmount(_ folder: URL) {
        _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// A one-page site built once into a 512 KiB tmpfs: `body` gets the site, the output folder there, and a
    /// function that builds again, returning the exit status and what was printed.
    static func withSiteOnSmallDisk(
        _ body: (TestSite, URL, () throws -> (status: Int32, output: String)) throws -> Void
    ) throws {
        let site = try TestSite()
        defer { site.remove() }
        let disk = try mountSmallDisk(kilobytes: 512)
        defer { unmount(disk) }
        let output = disk.appendingPathComponent("site")
        try site.page("index.md")
        let build = { try runProcess(binary, ["build", "--root", site.root.path, "--output", output.path]) }
        #expect(try build().status == 0)
        try body(site, output, build)
    }

    @Test(.enabled(if: canMount, "needs to mount a tmpfs: run as root to include it"))
    func aFullDiskFailsTheBuildSaysSoAndLeavesTheOutputAsItWas() throws {
        try Self.withSiteOnSmallDisk { site, output, build in
            try Data("mine".utf8).write(to: output.appendingPathComponent("CNAME"))
            let before = folderTree(output)
            try Data(repeating: 0x61, count: 1 << 20).write(to: site.root.appendingPathComponent("content/big.txt"))
            let result = try build()
            #expect(result.status == 1)
            #expect(result.output.contains("the disk is full"))
            #expect(result.output.contains("output left unchanged"))
            #expect(!result.output.contains("NSCocoaErrorDomain"))
            #expect(folderTree(output) == before)
            #expect(leftovers(beside: output).isEmpty)
        }
    }

    @Test(.enabled(if: canMount, "needs to mount a tmpfs: run as root to include it"))
    func aReadOnlyFileSystemFailsTheBuildAndSaysSo() throws {
        try Self.withSiteOnSmallDisk { site, output, build in
            let before = folderTree(output)
            try site.page("index.md", title: "Changed")
            let disk = output.deletingLastPathComponent()
            #expect(try runProcess(URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro", disk.path]).status == 0)
            let result = try build()
            #expect(result.status == 1)
            #expect(result.output.contains("read-only"), "\(result.output)")
            #expect(folderTree(output) == before)
        }
    }

    /// Whether `chattr +i` works here (root, on a file system with the immutable flag).
    static let canMakeImmutable: Bool = {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-chattr-probe-\(UUID())")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data())
        defer { try? FileManager.default.removeItem(at: file) }
        let works = (try? runProcess(URL(fileURLWithPath: "/usr/bin/chattr"), ["+i", file.path]))?.status == 0
        _ = try? runProcess(URL(fileURLWithPath: "/usr/bin/chattr"), ["-i", file.path])
        return works
    }()

    @Test(.enabled(if: canMakeImmutable, "needs chattr +i: run as root on ext4, XFS or tmpfs to include it"))
    func anImmutableOldFileDoesNotFailTheBuildOrBlockTheNext() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.page("gone.md")
        try site.build()
        let stuck = site.output.appendingPathComponent("gone.html")
        #expect(try runProcess(URL(fileURLWithPath: "/usr/bin/chattr"), ["+i", stuck.path]).status == 0)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/gone.md"))
        try site.page("index.md", title: "Changed")
        var lastLeftover: URL?
        defer {
            if let lastLeftover {
                _ = try? runProcess(
                    URL(fileURLWithPath: "/usr/bin/chattr"),
                    ["-i", lastLeftover.appendingPathComponent("gone.html").path])
            }
        }
        for attempt in 0..<2 {
            let result = try runProcess(Self.binary, ["build", "--root", site.root.path])
            #expect(result.status == 0, "attempt \(attempt): \(result.output)")
            #expect(result.output.contains("could not remove"), "attempt \(attempt): \(result.output)")
            #expect(result.output.contains("permission denied"), "attempt \(attempt)")
            #expect(try site.read("index.html").contains("Changed"))
            #expect(!FileManager.default.fileExists(atPath: stuck.path))
            let left = leftovers(beside: site.output)
            #expect(left.count == 1)
            lastLeftover = left.first.map { site.root.appendingPathComponent($0) }
        }
    }
}

/// A small seeded generator (SplitMix64, the same on every platform), so generated cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
