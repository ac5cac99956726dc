import ArgumentParser
import Foundation
import SitegenKit

// Exit codes are part of the interface: 0 success, 1 content or theme errors, 2 usage errors.
do {
    var command = try Sitegen.parseAsRoot()
    try command.run()
} catch let failure as BuildFailure {
    FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    let count = failure.diagnostics.count
    FileHandle.standardError.write(Data("build failed: \(count) error\(count == 1 ? "" : "s"); output left unchanged\n".utf8))
    exit(1)
} catch {
    if Sitegen.exitCode(for: error) == .success {
        Sitegen.exit(withError: error)  // --help and --version
    }
    FileHandle.standardError.write(Data((Sitegen.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
