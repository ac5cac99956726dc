import Foundation

/// Path arithmetic on `/`-separated paths relative to a site root, so output never depends on where it is hosted.
///
/// Works on UTF-8 bytes in one pass with plain index loops, building each result in a stack buffer: `/` is ASCII,
/// and every link of every page is resolved and rewritten here, often enough for grapheme breaking, arrays of parts
/// and generic slice code to show in build times. Cutting valid UTF-8 at `/` and joining the pieces again keeps it
/// valid.
enum RelativePath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// The URL that leads from the page at `from` to the file at `to` (both relative to the same root).
    static func url(from: String, to: String) -> String {
        withBytes(from) { from in
            withBytes(to) { to in
                // Skip the folders both paths share, part by part; `to` keeps at least its file name.
                var fromStart = 0
                var toStart = 0
                while let fromEnd = nextSlash(in: from, from: fromStart), let toEnd = nextSlash(in: to, from: toStart),
                    samePart(
                        UnsafeBufferPointer(rebasing: from[fromStart..<fromEnd]),
                        UnsafeBufferPointer(rebasing: to[toStart..<toEnd]))
                {
                    fromStart = fromEnd + 1
                    toStart = toEnd + 1
                }
                // One `../` for each folder of `from` left.
                var ups = 0
                for index in fromStart..<from.count where from[index] == slash { ups += 1 }
                let restCount = to.count - toStart
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * ups + restCount) { buffer in
                    var count = 0
                    for _ in 0..<ups {
                        buffer[count] = dot
                        buffer[count + 1] = dot
                        buffer[count + 2] = slash
                        count += 3
                    }
                    if restCount > 0 {
                        (buffer.baseAddress! + count).update(from: to.baseAddress! + toStart, count: restCount)
                        count += restCount
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
                }
            }
        }
    }

    /// The prefix that leads from the page at `from` back to the root: `""` at the top, `"../"` one folder down.
    static func rootPrefix(from: String) -> String {
        let partCount = withBytes(from) { bytes in
            var count = 0
            var previous = slash
            for byte in bytes {
                if byte != slash && previous == slash { count += 1 }
                previous = byte
            }
            return count
        }
        return String(repeating: "../", count: partCount - 1)
    }

    /// Resolves `path` against the folder of `base`, folding `.` and `..`; nil when it climbs above the root.
    static func resolve(_ path: String, against base: String) -> String? {
        // A Character test: `/` followed by a combining mark is no leading `/`.
        let isAbsolute = path.hasPrefix("/")
        return withBytes(path) { path in resolve(path, isAbsolute: isAbsolute, against: base) }
    }

    /// `resolve(_:against:)` for the UTF-8 bytes of an ASCII path, so callers can resolve part of a string in place.
    static func resolve(asciiPath path: UnsafeBufferPointer<UInt8>, against base: String) -> String? {
        resolve(path, isAbsolute: path.first == slash, against: base)
    }

    private static func resolve(_ path: UnsafeBufferPointer<UInt8>, isAbsolute: Bool, against base: String)
        -> String?
    {
        withBytes(base) { base -> String? in
            // Never longer than the folder of `base`, a `/` and `path`.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: base.count + path.count + 1) { result in
                var count = 0
                if !isAbsolute {
                    // Every part of `base` but its last (the file name).
                    var folderEnd = base.count
                    while folderEnd > 0 && base[folderEnd - 1] == slash { folderEnd -= 1 }
                    while folderEnd > 0 && base[folderEnd - 1] != slash { folderEnd -= 1 }
                    var start = 0
                    while let end = nextPart(in: base, from: &start, before: folderEnd) {
                        append(base, start..<end, to: result, count: &count)
                        start = end
                    }
                }
                var start = 0
                while let end = nextPart(in: path, from: &start, before: path.count) {
                    let length = end - start
                    let isDot = path[start] == dot
                    if isDot && length == 1 {
                        // `.` stays in the folder.
                    } else if isDot && length == 2 && path[start + 1] == dot {
                        // `..` drops the last part with the `/` before it; parts never hold `/`.
                        guard count > 0 else { return nil }
                        count -= 1
                        while count > 0 && result[count] != slash { count -= 1 }
                    } else {
                        append(path, start..<end, to: result, count: &count)
                    }
                    start = end
                }
                return String(decoding: UnsafeBufferPointer(rebasing: result[..<count]), as: UTF8.self)
            }
        }
    }

    /// Moves `start` to the next non-empty part of `bytes` before `limit` and returns where that part ends; nil when
    /// none is left.
    @inline(__always)
    private static func nextPart(in bytes: UnsafeBufferPointer<UInt8>, from start: inout Int, before limit: Int)
        -> Int?
    {
        while start < limit && bytes[start] == slash { start += 1 }
        guard start < limit else { return nil }
        var end = start + 1
        while end < limit && bytes[end] != slash { end += 1 }
        return end
    }

    /// Appends a part to the `count` bytes of `result`, after a `/` unless it is the first.
    @inline(__always)
    private static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>, to result: UnsafeMutableBufferPointer<UInt8>,
        count: inout Int
    ) {
        if count > 0 {
            result[count] = slash
            count += 1
        }
        (result.baseAddress! + count).update(from: bytes.baseAddress! + part.lowerBound, count: part.count)
        count += part.count
    }

    /// The index of the first `/` at or after `start`.
    @inline(__always)
    private static func nextSlash(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == slash { return index }
            index += 1
        }
        return nil
    }

    /// Whether two parts are the same name: the same bytes, as the file system compares them. Two spellings of
    /// "é" (one code point, or "e" and a combining accent) are the same Swift string but two folders on Linux.
    private static func samePart(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without copying a native string.
    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }
}
