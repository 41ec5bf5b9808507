import Foundation

/// Sign-in attempts per source address in a sliding window, so one address cannot grind through passwords across
/// many accounts (per-account lockout lives in the store).
public actor LoginThrottle {
    private var attempts: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    public init(limit: Int = 10, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt and says whether it may proceed.
    func allow(_ address: String, now: Date = Date()) -> Bool {
        let recent = (attempts[address] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            attempts[address] = recent
            return false
        }
        attempts[address] = recent + [now]
        return true
    }
}
