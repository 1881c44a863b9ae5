import Foundation
import Synchronization
import Testing

@testable import PTServer

/// The limit on the threads the server starts for blocking work: never more at once than the
/// limit, and every request still answered, in the order they came.
@Suite("Blocking work on a limited number of threads")
struct BlockingThreadsTests {
    @Test("Fifty blocking jobs through a limit of three: at most three run at once, all fifty finish")
    func limit() async {
        let threads = BlockingThreads(limit: 3)
        let tally = Tally()
        let results = await withTaskGroup(of: Int.self, returning: [Int].self) { group in
            for index in 0..<50 {
                group.addTask {
                    await threads.run {
                        let now = tally.running.withLock { count in
                            count += 1
                            return count
                        }
                        tally.most.withLock { $0 = max($0, now) }
                        usleep(2_000)
                        tally.running.withLock { $0 -= 1 }
                        return index
                    }
                }
            }
            var all: [Int] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.sorted() == Array(0..<50))
        #expect(tally.most.withLock { $0 } <= 3)
        #expect(tally.most.withLock { $0 } >= 1)
        #expect(tally.running.withLock { $0 } == 0)
    }

    /// How many jobs run now, and the most that ever ran at once.
    final class Tally: Sendable {
        let running = Mutex(0)
        let most = Mutex(0)
    }
}
