import Foundation
import ProgramteoriKit

/// The layout workers the server draws with: a few long-lived child processes (`programteori
/// _layout`), each serving one diagram at a time. A request takes a free worker, or waits for
/// one. A layout that crashes or overruns its time kills only that worker's process: that one
/// request gets the message and the next one starts a fresh process (`LayoutWorkerClient`).
final class LayoutPool: @unchecked Sendable {
    // @unchecked: `free` is guarded by `lock`; `available` counts its entries.
    let mode: LayoutMode
    private let lock = NSLock()
    private var free: [LayoutWorkerClient] = []
    private let available: DispatchSemaphore
    private let all: [LayoutWorkerClient]

    init(mode: LayoutMode, size: Int) {
        self.mode = mode
        if case .childProcess(let executable, let timeout) = mode {
            all = (0..<max(1, size)).map { _ in LayoutWorkerClient(executable: executable, timeoutSeconds: timeout) }
        } else {
            // libgvc allows one layout at a time per process: one lane.
            all = []
        }
        free = all
        available = DispatchSemaphore(value: all.isEmpty ? 1 : all.count)
    }

    /// Starts every worker now, so that the first diagram does not wait for Graphviz to load.
    func warmUp() {
        for worker in all { worker.start() }
    }

    /// Runs `body` with a worker of its own (nil in `.inProcess` mode). Blocks: call off the
    /// concurrency pool.
    func with<T>(_ body: (LayoutWorkerClient?) -> T) -> T {
        available.wait()
        defer { available.signal() }
        let worker: LayoutWorkerClient? = lock.withLock { free.popLast() }
        defer { if let worker { lock.withLock { free.append(worker) } } }
        return body(worker)
    }

    func shutdown() {
        for worker in all { worker.shutdown() }
    }

    /// Process ids of the running workers (for the benchmark's memory figure).
    var workerProcessIDs: [Int32] { all.compactMap(\.workerProcessID) }
}

/// Runs blocking work (checking, waiting for a layout worker) on a thread of its own, outside
/// Swift's cooperative pool and dispatch's global queues (both as wide as there are cores on
/// Linux), so that a slow layout never holds up the server's other requests. At most 16 such
/// threads exist at once (`BlockingThreads.shared`); further requests wait without a
/// thread (a page that fires many previews must not make the server start hundreds of threads).
func offloaded<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await BlockingThreads.shared.run(work)
}

/// A limit on the threads `offloaded` starts: the rest wait, suspended, in the order they came.
final class BlockingThreads: Sendable {
    static let shared = BlockingThreads(limit: 16)

    private let gate: Gate

    init(limit: Int) {
        gate = Gate(free: limit)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await gate.enter()
        let result = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: work())
            }
        }
        await gate.leave()
        return result
    }

    private actor Gate {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(free: Int) { self.free = free }

        func enter() async {
            if free > 0 {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        /// Hands the place straight to the first waiting request, or frees it.
        func leave() {
            if waiting.isEmpty {
                free += 1
            } else {
                waiting.removeFirst().resume()
            }
        }
    }
}
