import Foundation
import MigrationPlanning

/// A progress line on standard error for a long run: only when standard
/// error is a terminal, and only once the run has taken a second. It
/// rewrites itself in place (at most five times a second) and is erased
/// when the run ends, so nothing of it reaches a pipe, a file or a log.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let words: ReportWords
  private let started = Date()
  private var shownAt: Date?
  private var phase: String
  private let enabled: Bool

  /// A progress line for `phase` (what the run is doing), in the language
  /// of `words`.
  init(_ phase: String, words: ReportWords) {
    self.phase = phase
    self.words = words
    let environment = ProcessInfo.processInfo.environment
    enabled = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
  }

  /// Moves on to another phase.
  func begin(_ phase: String) {
    lock.lock()
    defer { lock.unlock() }
    self.phase = phase
    show(nil)
  }

  /// `done` of `total` units of the phase finished: the line says how far
  /// and, from the pace so far, how long the rest takes.
  func advance(_ done: Int, of total: Int) {
    lock.lock()
    defer { lock.unlock() }
    show((done, total))
  }

  /// Erases the line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    guard enabled, shownAt != nil else { return }
    Output.standardError("\r\u{1B}[K")
    shownAt = nil
  }

  private func show(_ count: (done: Int, total: Int)?) {
    guard enabled else { return }
    let now = Date()
    let elapsed = now.timeIntervalSince(started)
    guard elapsed >= 1 else { return }
    if let shownAt, now.timeIntervalSince(shownAt) < 0.2, count.map({ $0.done < $0.total }) ?? true
    {
      return
    }
    shownAt = now
    var text = "\(phase) \(Int(elapsed)) \(words.pick("秒", "s"))"
    if let (done, total) = count, total > 0 {
      text = "\(phase) \(NumberStyle.count(done))/\(NumberStyle.count(total))"
      if done > 0 && done < total {
        let rest = Int((elapsed / Double(done) * Double(total - done)).rounded(.up))
        text += words.pick("・残り約 \(rest) 秒", " · about \(rest) s left")
      }
    }
    Output.standardError("\r\u{1B}[K" + text)
  }
}
