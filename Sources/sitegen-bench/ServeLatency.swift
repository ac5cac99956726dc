import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How long `sitegen serve` takes, from a page's file being written to the updated page being served: it
/// starts the server on the corpus, rewrites one page several times, and polls until each change shows.
enum ServeLatency {
    static func measure(sitegen: String, site: URL, page: String, runs: Int) -> [Double]? {
        let port = 18_000 + Int(getpid() % 1000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sitegen)
        process.arguments = ["serve", "--quiet", "--root", site.path, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        defer { process.terminate() }

        let source = site.appendingPathComponent("content/" + page)
        let url = URL(string: "http://127.0.0.1:\(port)/" + page.replacingOccurrences(of: ".md", with: ".html"))!
        guard let original = try? String(contentsOf: source, encoding: .utf8) else { return nil }
        guard waitUntil(timeout: 120, { fetch(url) != nil }) else {
            FileHandle.standardError.write(Data("serve latency: the server never answered \(url)\n".utf8))
            return nil
        }
        defer { try? original.write(to: source, atomically: false, encoding: .utf8) }

        var samples: [Double] = []
        for run in 0..<runs {
            let marker = "latency-marker-\(run)-\(UUID().uuidString)"
            let start = DispatchTime.now().uptimeNanoseconds
            guard (try? (original + "\n" + marker + "\n").write(to: source, atomically: false, encoding: .utf8)) != nil,
                waitUntil(timeout: 10, { fetch(url)?.contains(marker) == true })
            else {
                FileHandle.standardError.write(Data("serve latency: the change never showed at \(url)\n".utf8))
                return nil
            }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            Thread.sleep(forTimeInterval: 0.3)
        }
        return samples
    }

    private static let session = URLSession(configuration: .ephemeral)

    /// The page's text, or nil when the server does not answer.
    private static func fetch(_ url: URL) -> String? {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var body: String?
        // A new connection per request: a kept-alive one adds the delayed-ACK wait to every poll.
        var request = URLRequest(url: url)
        request.setValue("close", forHTTPHeaderField: "Connection")
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let task = session.dataTask(with: request) { data, response, _ in
            if (response as? HTTPURLResponse)?.statusCode == 200, let data {
                body = String(decoding: data, as: UTF8.self)
            }
            semaphore.signal()
        }
        task.resume()
        semaphore.wait()
        return body
    }

    private static func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return false
    }
}
