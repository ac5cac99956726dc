import Foundation

#if FUZZING
    /// libFuzzer's driver, from the runtime that `-sanitize=fuzzer` links.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The entry point under the fuzzer (built with `-sanitize=fuzzer` and `-DFUZZING`, see `.ci/fuzz`). SwiftPM
    /// links an executable's `main` to this name, so libFuzzer is started through its driver rather than its own
    /// `main`. The target is named by the `SITEGEN_FUZZ_TARGET` environment variable.
    @_cdecl("sitegen_fuzz_main")
    func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        let name = ProcessInfo.processInfo.environment["SITEGEN_FUZZ_TARGET"] ?? ""
        guard FuzzTarget(rawValue: name) != nil else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("set SITEGEN_FUZZ_TARGET to one of: \(names)\n".utf8))
            return 2
        }
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    }

    /// One input; libFuzzer's runtime also names this symbol, so it is exported under its name.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTarget.chosen.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }

    extension FuzzTarget {
        /// The target `SITEGEN_FUZZ_TARGET` names, checked by `fuzzMain` before the first input.
        static let chosen = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["SITEGEN_FUZZ_TARGET"] ?? "")!
    }
#else
    /// Without the fuzzer: `sitegen-fuzz TARGET FILE_OR_FOLDER...` runs the target once on each file, so the kept
    /// corpus and any crash a fuzzing run found can be replayed in an ordinary build.
    @main
    enum Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print(
                    "usage: sitegen-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE_OR_FOLDER..."
                )
                exit(2)
            }
            var count = 0
            for path in arguments.dropFirst() {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                let files =
                    isFolder.boolValue
                    ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map {
                        path + "/" + $0
                    }
                    : [path]
                for file in files {
                    guard let bytes = FileManager.default.contents(atPath: file) else { continue }
                    target.run(Array(bytes))
                    count += 1
                }
            }
            print("replayed \(count) inputs through \(target.rawValue)")
        }
    }
#endif
