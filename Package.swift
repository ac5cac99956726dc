// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenKit", targets: ["SitegenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // `swift package generate-documentation`: SitegenKit's DocC catalog, built in CI (`.ci/docs`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); only the Markdown renderer imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // mimalloc from the system (Debian: libmimalloc-dev), linked into the executable on Linux. It replaces the
        // C library's malloc for the whole process, libcmark included: a build allocates and frees millions of
        // small blocks across threads, and glibc's allocator took a fifth of its CPU time (see README,
        // Performance). Debian ships no pkg-config file for it, and a `pkgConfig` name that pkg-config cannot
        // find warns on every build, so a missing package is named by the module's header instead.
        .systemLibrary(name: "CMimalloc"),
        // The arena libcmark allocates from while the Markdown renderer parses and renders a page: a bump
        // allocator freed all at once, where malloc served each node (see README, Performance).
        .target(name: "CCmarkArena", dependencies: ["CCmark"]),
        .target(
            name: "SitegenKit",
            dependencies: [
                "CCmark",
                "CCmarkArena",
                .product(name: "Yams", package: "Yams"),
                // SHA-256 for the Content-Security-Policy hashes of inlined script and style.
                .product(name: "Crypto", package: "swift-crypto"),
                // HTTP and WebSocket server for `sitegen serve`.
                .product(name: "FlyingFox", package: "FlyingFox"),
                // Its socket errors, to tell a port in use from other failures to listen.
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
            ]
        ),
        // The benchmark: a synthetic site built by sitegen, a bare libcmark loop, and Hugo when installed.
        .executableTarget(
            name: "sitegen-bench",
            dependencies: ["SitegenKit"]
        ),
        // The fuzz targets: libFuzzer's entry point with `-DFUZZING` (.ci/fuzz), a corpus replayer otherwise.
        .executableTarget(
            name: "sitegen-fuzz",
            dependencies: ["SitegenKit"]
        ),
        .testTarget(
            name: "SitegenKitTests",
            dependencies: [
                "SitegenKit",
                // Yams itself, as the reference `FlatYAML` is tested against.
                .product(name: "Yams", package: "Yams"),
            ],
            // Test data read from the repository by path, not bundled.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
