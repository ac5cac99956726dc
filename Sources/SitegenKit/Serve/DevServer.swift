import FlyingFox
import FlyingSocks
import Foundation

/// `sitegen serve`: builds the site in memory, serves it over HTTP, watches `content/` and `themes/`, rebuilds on
/// change and reloads open pages. It never writes to the output folder: the live-reload script exists only in
/// the responses it sends.
public final class DevServer: Sendable {
    /// Where to listen.
    public struct Address: Sendable {
        /// An IPv4 address to bind; loopback unless asked otherwise.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: UInt16

        /// Creates an address.
        public init(host: String = "127.0.0.1", port: UInt16 = 8000) {
            self.host = host
            self.port = port
        }
    }

    private let options: BuildOptions
    private let address: Address
    private let server: HTTPServer
    private let site = ServedSite()
    private let state = BuildState()
    private let broadcaster = ReloadBroadcaster()
    private let log: @Sendable (String) -> Void

    /// Creates a server for the project in `options`; `log` receives build results and errors for the terminal.
    /// Throws when `address.host` is not an IPv4 address.
    public init(options: BuildOptions, address: Address, log: @escaping @Sendable (String) -> Void)
        throws(SitegenError)
    {
        self.options = options
        self.address = address
        let socketAddress: sockaddr_in
        do {
            socketAddress = try .inet(ip4: address.host, port: address.port)
        } catch {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: address.host), "cannot listen on \(address.host): not an IPv4 address",
                    hint: "give --host as four numbers, such as 127.0.0.1"))
        }
        // Requests are not logged: the terminal is for build results and errors.
        self.server = HTTPServer(address: socketAddress, logger: .disabled)
        self.log = log
    }

    /// Starts watching, builds once, then serves until the surrounding task is cancelled, and then returns. Rebuilds
    /// run one after another, in the order of the changes. A failed build does not stop the server (it is shown in
    /// the log and the open pages); only failing to listen does.
    public func run() async throws(SitegenError) {
        await server.appendRoute(
            HTTPRoute(stringLiteral: "GET \(LiveReload.socketPath)"),
            to: .webSocket(ReloadSocketHandler(broadcaster: broadcaster)))
        await server.appendRoute("GET,HEAD *") { [site] request in
            await site.response(for: request.path)
        }
        let watcher = ChangeWatcher(folders: [options.content, options.themes])
        let (built, firstBuild) = AsyncStream.makeStream(of: Void.self)
        do {
            try await serve(watcher: watcher, built: built, firstBuild: firstBuild)
        } catch let error as SitegenError {
            throw error
        } catch is CancellationError {
            return
        } catch {
            throw SitegenError(
                Diagnostic(SourceLocation(file: "\(address.host):\(address.port)"), "the server stopped: \(error)"))
        }
    }

    /// Runs the watcher and the HTTP server side by side until one of them ends.
    private func serve(
        watcher: ChangeWatcher, built: AsyncStream<Void>, firstBuild: AsyncStream<Void>.Continuation
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await watcher.watch(
                    onReady: {
                        await self.rebuild()
                        firstBuild.finish()
                    },
                    onChange: { paths, notes in
                        for note in notes { self.log(note) }
                        if !paths.isEmpty { await self.rebuild(changed: paths) }
                    })
            }
            group.addTask {
                for await _ in built {}
                do {
                    try await self.server.run()
                } catch let error as SocketError {
                    throw SitegenError(self.listenFailure(error))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// A socket error at start-up as something the author can act on: the common case is a port already taken.
    private func listenFailure(_ error: SocketError) -> Diagnostic {
        let place = "\(address.host):\(address.port)"
        if case .failed(_, let code, let message) = error {
            if code == EADDRINUSE {
                return Diagnostic(
                    SourceLocation(file: place), "cannot listen on \(place): the port is already in use",
                    hint: "stop whatever serves there, or choose another port: --port \(address.port &+ 1)")
            }
            if code == EACCES {
                return Diagnostic(
                    SourceLocation(file: place), "cannot listen on \(place): permission denied",
                    hint: "ports below 1024 need root; choose another: --port 8000")
            }
            return Diagnostic(SourceLocation(file: place), "cannot listen on \(place): \(message.lowercased())")
        }
        return Diagnostic(SourceLocation(file: place), "cannot listen on \(place): \(error.localizedDescription)")
    }

    /// Waits until the server accepts connections, for up to `timeout` seconds. FlyingFox's own default of 5 s
    /// is too short on a busy machine (the test suite runs many servers at once on two cores).
    public func waitUntilListening(timeout: TimeInterval = 60) async throws(SitegenError) {
        do {
            try await server.waitUntilListening(timeout: timeout)
        } catch {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: "\(address.host):\(address.port)"),
                    "the server did not start listening within \(Int(timeout)) s: \(error)"))
        }
    }

    /// The port the server listens on (useful when it was started on port 0).
    public var port: UInt16? {
        get async {
            guard case .ip4(_, let port) = await server.listeningAddress else { return nil }
            return port
        }
    }

    /// Stops serving, letting requests in flight finish.
    public func stop() async {
        await server.stop(timeout: 1)
    }

    /// Rebuilds after `changed` (absolute paths; nil for the first build): only the changed pages when nothing
    /// else can depend on the change, otherwise the whole site. A failure keeps the last good site served and
    /// shows the error in the terminal and the page.
    func rebuild(changed: Set<String>? = nil) async {
        let clock = ContinuousClock()
        let start = clock.now
        let collected = FileCollector()
        do {
            let contentFolder = options.content.standardizedFileURL.path + "/"
            let pages = changed.map { paths in
                Set(paths.compactMap { $0.hasPrefix(contentFolder) ? String($0.dropFirst(contentFolder.count)) : nil })
            }
            if let pages, pages.count == changed?.count,
                try await state.update(changed: pages, options: options, emit: collected.add)
            {
                await site.update(with: collected.files)
                log(
                    "re-rendered \(pages.count) page\(pages.count == 1 ? "" : "s") in \((clock.now - start).elapsedText)"
                )
            } else {
                // The same dependency record as `sitegen build`, kept in memory: only pages whose render key
                // changed are rendered; the others keep the files the last build served.
                let inputs = RenderKeys.byPath(
                    RenderKeys.trusted(RenderKeys.stamps(options), now: FileStamp.now(), changed: projectPaths(changed))
                )
                let last = await state.lastBuild()
                let checkedBefore =
                    await state.hasDataStamps(of: inputs) ? last?.checkedFeaturePages(inputs: inputs) ?? [] : []
                let render = try SiteBuilder.render(
                    options, emit: collected.add, inputs: inputs, last: last, form: .pages,
                    checkedBefore: checkedBefore)
                await state.set(render, inputs: inputs)
                await site.replace(with: collected.files)
                for warning in render.warnings { log(warning.description) }
                log(
                    "rebuilt \(render.pages.count) pages (\(render.rendered) rendered) in \((clock.now - start).elapsedText)"
                )
            }
            await broadcaster.send(type: "reload")
        } catch {
            log(error.description)
            await broadcaster.send(type: "error", text: error.description)
        }
    }

    /// `changed` (absolute paths) by path from the project folder, as the build record names inputs.
    private func projectPaths(_ changed: Set<String>?) -> [String] {
        let folders = [(options.content, "content"), (options.themes, "themes")].map {
            ($0.0.standardizedFileURL.path + "/", $0.1)
        }
        return (changed ?? []).compactMap { path in
            folders.first { path.hasPrefix($0.0) }.map { $0.1 + "/" + path.dropFirst($0.0.count) }
        }
    }
}

/// The last good build, kept so a change to one page can be re-rendered alone. The update runs inside the actor
/// so the build is changed in place rather than copied.
actor BuildState {
    private var current: SiteRender?
    /// The stamps of `site.yaml` and the features' data files that `current` was rendered with.
    private var dataStamps: [String: FileStamp?] = [:]

    func set(_ render: SiteRender, inputs: [String: FileStamp?]) {
        current = render
        dataStamps = inputs.filter { SiteContent.isDataFile($0.key) }
        // Kept for as long as serve runs, it needs no page texts: changed pages are read again.
        current?.dropLoadedTexts()
    }

    /// The last good build as the record a new render compares with; nil when there is none yet.
    func lastBuild() -> LastBuild? {
        guard let current else { return nil }
        return LastBuild(
            record: BuildRecord(
                version: RenderKeys.sitegen, settings: "", siteKey: current.siteKey, pages: current.recordPages,
                outputs: [:],
                warnings: current.warnings, notes: current.notes),
            outputPath: nil)
    }

    /// Whether every data file in `inputs` has the trusted stamp it had for the last good render, and no data
    /// file came or went: then the note pages whose stamps have not changed passed their checks with these inputs
    /// (`SiteFeature.decodePage`'s `checkedBefore`).
    func hasDataStamps(of inputs: [String: FileStamp?]) -> Bool {
        let data = inputs.filter { SiteContent.isDataFile($0.key) }
        return current != nil && data == dataStamps && data.values.allSatisfy { $0 != nil }
    }

    /// Re-renders the changed pages; false when there is no build yet or a full build is needed.
    func update(
        changed: Set<String>, options: BuildOptions, emit: @escaping @Sendable (OutputFile) throws(SitegenError) -> Void
    ) throws(SitegenError) -> Bool {
        guard current != nil else { return false }
        return try SiteBuilder.update(&current!, changed: changed, options: options, emit: emit)
    }
}
