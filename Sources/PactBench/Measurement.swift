import Foundation

/// Timings of one benchmarked operation.
struct Measurement {
    let name: String
    let samples: [Duration]

    var median: Duration { samples.sorted()[samples.count / 2] }
    var best: Duration { samples.min() ?? .zero }

    func report() {
        func ms(_ d: Duration) -> String {
            let (s, atto) = d.components
            return String(format: "%8.2f ms", Double(s) * 1000 + Double(atto) / 1e15)
        }
        print("\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) median \(ms(median))   best \(ms(best))   (\(samples.count) runs)")
    }
}

/// Runs `body` once to warm up, then `iterations` times, timing each run.
func measure(_ name: String, iterations: Int, _ body: () throws -> Void) rethrows -> Measurement {
    try body()  // warm-up
    var samples: [Duration] = []
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        samples.append(try clock.measure(body))
    }
    return Measurement(name: name, samples: samples)
}

