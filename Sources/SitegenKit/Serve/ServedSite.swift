import FlyingFox
import Foundation

/// The last good build, held in memory and answered from by path.
actor ServedSite {
    private var files: [String: OutputFile.Contents] = [:]

    /// Replaces the served files with a new build's. A file the build carried over (`.previous`) keeps what
    /// was served for it.
    func replace(with newFiles: [OutputFile]) {
        var next: [String: OutputFile.Contents] = [:]
        next.reserveCapacity(newFiles.count)
        for file in newFiles {
            guard case .previous = file.contents else {
                next[file.path] = file.contents
                continue
            }
            // Only pages the last build served are carried over, so one is always there to keep.
            assert(files[file.path] != nil, "\(file.path) was carried over but never served")
            next[file.path] = files[file.path]
        }
        files = next
    }

    /// Replaces some files, keeping the rest.
    func update(with changed: [OutputFile]) {
        for file in changed { files[file.path] = file.contents }
    }

    /// The response for a request path: the file, `index.html` for a folder, or the site's 404 page.
    func response(for requestPath: String) -> HTTPResponse {
        var path = String((requestPath.removingPercentEncoding ?? requestPath).drop(while: { $0 == "/" }))
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let contents = files[path] {
            return Self.response(.ok, path: path, contents: contents)
        }
        if let contents = files[SiteFiles.notFoundPage] {
            return Self.response(.notFound, path: SiteFiles.notFoundPage, contents: contents)
        }
        return HTTPResponse(
            statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found\n".utf8))
    }

    private static func response(_ status: HTTPStatusCode, path: String, contents: OutputFile.Contents) -> HTTPResponse
    {
        var data: Data
        switch contents {
        case .bytes(let bytes): data = Data(bytes)
        case .copy(let url): data = (try? Data(contentsOf: url)) ?? Data()
        case .previous(let path, _): data = FileManager.default.contents(atPath: path) ?? Data()
        }
        if path.hasSuffix(".html") {
            data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return HTTPResponse(
            statusCode: status,
            headers: [.contentType: contentType(of: path), HTTPHeader("Cache-Control"): "no-store"],
            body: data)
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
