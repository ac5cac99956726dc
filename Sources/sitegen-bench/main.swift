import Foundation
@_spi(Benchmark) import SitegenKit

// sitegen-bench: builds a synthetic site with sitegen's full pipeline and compares it with the floor (a bare
// libcmark loop over the same files) and, when installed, Hugo. Each build runs as its own process so wall time,
// CPU time and peak memory are the kernel's figures for that build alone.
//
//   sitegen-bench [--pages N] [--runs R] [--work DIR] [--sitegen PATH] [--no-hugo] [--no-serve]
//
// `--sitegen` measures another sitegen binary (the installed one, say); the default is the one built beside this.

let arguments = CommandLine.arguments

/// The floor: read each page, skip its front matter, render with libcmark, write. One thread, the folder listed
/// with readdir (sitegen's own listing), and plain POSIX file I/O over bytes with no copies or string
/// conversions, so the floor is libcmark's cost plus the unavoidable system calls.
func floor(content: URL, output: URL) throws {
    let renderer = MarkdownRenderer()
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let contentPath = content.path
    let outputPath = output.path
    var count = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    for relative in FileTree.files(under: content) where relative.hasSuffix(".md") {
        let length = try readFile(contentPath + "/" + relative, into: &buffer)
        try buffer.withUnsafeBufferPointer { bytes in
            let page = UnsafeBufferPointer(rebasing: bytes[..<length])
            try renderer.withBareHTML(of: UnsafeBufferPointer(rebasing: page[bodyStart(page)...])) { html in
                try writeFile(outputPath + "/\(count).html", html)
            }
        }
        count += 1
    }
}

/// Where the Markdown starts: after the closing `---` line when the page opens with `---`, else at the start.
func bodyStart(_ page: UnsafeBufferPointer<UInt8>) -> Int {
    let opening = Array("---\n".utf8)
    let closing = Array("\n---\n".utf8)
    guard page.starts(with: opening) else { return 0 }
    var index = opening.count
    while index + closing.count <= page.count {
        if page[index] == closing[0], page[index..<index + closing.count].elementsEqual(closing) {
            return index + closing.count
        }
        index += 1
    }
    return 0
}

/// Reads the file at `path` into `buffer` (grown as needed) and returns its length.
func readFile(_ path: String, into buffer: inout [UInt8]) throws -> Int {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
    defer { close(descriptor) }
    var length = 0
    while true {
        if length == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let read = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + length, $0.count - length) }
        if read < 0 && errno == EINTR { continue }
        guard read >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        if read == 0 { return length }
        length += read
    }
}

/// Writes `bytes` as the whole of the file at `path`.
func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        offset += written
    }
}

if arguments.count == 4, arguments[1] == "--floor-child" {
    try floor(content: URL(fileURLWithPath: arguments[2]), output: URL(fileURLWithPath: arguments[3]))
    exit(0)
}

if arguments.contains("--help") || arguments.contains("-h") {
    print(
        """
        USAGE: sitegen-bench [--pages N] [--runs R] [--work DIR] [--sitegen PATH] [--no-hugo] [--no-serve]
                             [--generate-only]

        Generates a synthetic site of N pages (default 1000) in DIR (default /dev/shm/sitegen-bench), then times
        the libcmark floor, sitegen's builds and Hugo's, R times each (default 3), and prints the medians.
          --sitegen PATH     measure this sitegen binary (default: the one beside the bench)
          --no-hugo          skip Hugo
          --no-serve         skip the `sitegen serve` measurement
          --generate-only    write the site and stop, to measure by other means
        """)
    exit(0)
}

func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

let pages = Int(option("--pages", "1000")) ?? 1000
let runs = max(1, Int(option("--runs", "3")) ?? 3)
let defaultWork =
    FileManager.default.fileExists(atPath: "/dev/shm")
    ? "/dev/shm/sitegen-bench" : NSTemporaryDirectory() + "sitegen-bench"
let work = URL(fileURLWithPath: option("--work", defaultWork))
let binDirectory = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent()
let sitegen = option("--sitegen", binDirectory.appendingPathComponent("sitegen").path)
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let hugo =
    arguments.contains("--no-hugo")
    ? nil
    : ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) }

let site = work.appendingPathComponent("site")
let hugoSite = hugo.map { _ in work.appendingPathComponent("hugo") }
FileHandle.standardError.write(Data("generating \(pages) pages in \(work.path)...\n".utf8))
try Corpus(pages: pages).write(to: site, theme: repository.appendingPathComponent("themes/default"), hugoRoot: hugoSite)

if arguments.contains("--generate-only") { exit(0) }

func clean(_ url: URL) { try? FileManager.default.removeItem(at: url) }

/// One build the bench times: run `runs` times, each after `prepare` with the run's number.
struct Case {
    let name: String
    var preload: String? = nil
    let prepare: (Int) -> Void
    let command: [String]
}

var cases: [Case] = []
let floorOutput = work.appendingPathComponent("floor-out")
let sitegenOutput = work.appendingPathComponent("sitegen-out")
let floorCommand = [arguments[0], "--floor-child", site.appendingPathComponent("content").path, floorOutput.path]
cases.append(Case(name: "libcmark floor (1 thread)", prepare: { _ in clean(floorOutput) }, command: floorCommand))
// The same floor with mimalloc in place of the C library's malloc, as sitegen has it.
let mimalloc = ["/usr/lib/x86_64-linux-gnu/libmimalloc.so.2", "/usr/lib/aarch64-linux-gnu/libmimalloc.so.2"].first {
    FileManager.default.fileExists(atPath: $0)
}
if let mimalloc {
    cases.append(
        Case(
            name: "libcmark floor, mimalloc (1 thread)", preload: mimalloc, prepare: { _ in clean(floorOutput) },
            command: floorCommand))
}
/// The sitegen build of the corpus into `output`.
func build(into output: URL) -> [String] {
    [sitegen, "build", "--quiet", "--root", site.path, "--output", output.path]
}
cases.append(
    Case(
        name: "sitegen build (clean)", prepare: { _ in clean(sitegenOutput) },
        command: build(into: sitegenOutput) + ["--clean"]))
// The other sitegen builds go into an output folder of their own, each after the one before it, as an
// author's builds go: nothing changed since the last round's title edit, then a body edit, then a title edit. One
// page in the middle of the site changes in a different way each run, and only in what the build's name says: a
// round's body edit keeps the title the last round's title edit gave the page, and its title edit keeps the body
// its body edit gave it. The build starts a moment after the page is written, as an author's does: a file
// written in the same clock tick as the build starts could change again unseen, so sitegen would not trust its
// stamp and the next build would read it again (see `FileStamp.isRacy`).
let editOutput = work.appendingPathComponent("sitegen-edit-out")
let editBuild = build(into: editOutput)
let edited = site.appendingPathComponent("content/" + Corpus(pages: pages).path(pages / 2))
let original = try String(contentsOf: edited, encoding: .utf8)
func edit(title: Int?, body: Int) {
    let titled = title.map { original.replacingOccurrences(of: "title: \"", with: "title: \"Edited \($0) ") }
    try? Data(((titled ?? original) + "\nEdited \(body).\n").utf8).write(to: edited)
    usleep(50_000)
}
cases.append(Case(name: "sitegen build (nothing changed)", prepare: { _ in }, command: editBuild))
cases.append(
    Case(
        name: "sitegen build (one body edited)", prepare: { run in edit(title: run == 0 ? nil : run - 1, body: run) },
        command: editBuild))
cases.append(
    Case(name: "sitegen build (one title edited)", prepare: { run in edit(title: run, body: run) }, command: editBuild))
if let hugo, let hugoSite {
    let hugoOutput = work.appendingPathComponent("hugo-out")
    cases.append(
        Case(
            name: "hugo", prepare: { _ in clean(hugoOutput) },
            command: [hugo, "--quiet", "--source", hugoSite.path, "--destination", hugoOutput.path]))
}
clean(editOutput)
guard Measurement.run(editBuild) != nil else {
    FileHandle.standardError.write(Data("sitegen failed: \(editBuild.joined(separator: " "))\n".utf8))
    exit(1)
}

// In rounds, every build once a round: a machine that slows down for a while (a shared host) then slows every
// build alike, where timing each build's runs one after another put the whole slowdown into one row.
var samples = Array(repeating: [Measurement](), count: cases.count)
for run in 0..<runs {
    for (index, timed) in cases.enumerated() {
        timed.prepare(run)
        guard let sample = Measurement.run(timed.command, preload: timed.preload) else {
            FileHandle.standardError.write(Data("\(timed.name) failed: \(timed.command.joined(separator: " "))\n".utf8))
            exit(1)
        }
        samples[index].append(sample)
    }
}
try Data(original.utf8).write(to: edited)
let results = zip(cases, samples).map { (name: $0.name, median: Measurement.median($1)) }

let latency =
    arguments.contains("--no-serve")
    ? nil : ServeLatency.measure(sitegen: sitegen, site: site, page: Corpus(pages: pages).path(pages / 2), runs: 5)

let floorWall = results[0].median.wall
let mimallocFloorWall = results.first { $0.name.contains("mimalloc") }?.median.wall
print("\(pages) pages, median of \(runs) runs, output in \(work.path)\n")
print("| build | wall (s) | CPU (s) | peak memory (MB) | pages/s | wall / floor | wall / mimalloc floor |")
print("|---|---|---|---|---|---|---|")
for (name, m) in results {
    print(
        String(
            format: "| %@ | %.3f | %.3f | %.0f | %.0f | %.2fx | %@ |", name, m.wall, m.cpu, m.peakMegabytes,
            Double(pages) / m.wall, m.wall / floorWall,
            mimallocFloorWall.map { String(format: "%.2fx", m.wall / $0) } ?? "-"))
}
if let latency {
    let sorted = latency.sorted()
    print(
        String(
            format: "\nsitegen serve: one page rewritten, updated page served after %.1f ms (median of %d; each: %@)",
            sorted[sorted.count / 2], sorted.count, latency.map { String(format: "%.1f", $0) }.joined(separator: ", ")))
}
if let hugoResult = results.first(where: { $0.name == "hugo" }),
    let clean = results.first(where: { $0.name == "sitegen build (clean)" })
{
    print(String(format: "\nsitegen is %.1fx faster than Hugo (wall)", hugoResult.median.wall / clean.median.wall))
}
