import Foundation

/// One run of a child process: wall time, CPU time and peak memory, read from the kernel's accounting.
struct Measurement {
    var wall: Double
    var cpu: Double
    var peakMegabytes: Double

    /// Runs `arguments` (the first is the executable) to completion and measures it; nil if it fails. `preload`
    /// names a library for the dynamic linker to load first (`LD_PRELOAD`).
    static func run(_ arguments: [String], preload: String? = nil) -> Measurement? {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let start = DispatchTime.now().uptimeNanoseconds
        var environment = [String]()
        var index = 0
        while let entry = environ[index] {
            environment.append(String(cString: entry))
            index += 1
        }
        if let preload { environment.append("LD_PRELOAD=" + preload) }
        let envp = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else { return nil }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return Measurement(
            wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }

    /// The median of each figure over several runs.
    static func median(_ runs: [Measurement]) -> Measurement {
        func middle(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        return Measurement(
            wall: middle(runs.map(\.wall)), cpu: middle(runs.map(\.cpu)),
            peakMegabytes: middle(runs.map(\.peakMegabytes)))
    }
}
