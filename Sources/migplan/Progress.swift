import Foundation
import MigrationPlanning

/// A progress line on standard error for a long run: only when standard
/// error is a terminal, and only once the run has taken a second. It
/// rewrites itself in place (a timer redraws it twice a second between
/// counts) and is erased by `finish()`, which the command calls before it
/// prints anything else, so nothing of it reaches a pipe, a file or a log.
final class ProgressLine: @unchecked Sendable {
  /// The line on screen, if any: anything else written to standard error
  /// erases it first (`Output.standardError`).
  nonisolated(unsafe) private static var active: ProgressLine?
  private static let activeLock = NSLock()

  /// Erases the line on screen, if any, for other text.
  static func finishActive() {
    activeLock.lock()
    let line = active
    activeLock.unlock()
    line?.finish()
  }

  private let lock = NSLock()
  private let words: ReportWords
  private let started = Date()
  private var phaseStarted = Date()
  private var phase: String
  private var count: (done: Int, total: Int)?
  private var shown = false
  private var timer: DispatchSourceTimer?

  /// A progress line for `phase` (what the run is doing), in the language
  /// of `words`.
  init(_ phase: String, words: ReportWords) {
    self.phase = phase
    self.words = words
    let environment = ProcessInfo.processInfo.environment
    guard isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb" else { return }
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "migplan.progress"))
    timer.schedule(deadline: .now() + 1, repeating: 0.5)
    timer.setEventHandler { [weak self] in self?.redraw() }
    self.timer = timer
    Self.activeLock.lock()
    Self.active = self
    Self.activeLock.unlock()
    timer.resume()
  }

  /// Moves on to another phase; its estimate counts from now.
  func begin(_ phase: String) {
    lock.lock()
    defer { lock.unlock() }
    self.phase = phase
    phaseStarted = Date()
    count = nil
  }

  /// Begins `phase` unless it is the one under way (workers reporting
  /// their first counts in any order begin it once).
  func enter(_ phase: String) {
    lock.lock()
    let current = self.phase
    lock.unlock()
    if current != phase { begin(phase) }
  }

  /// `done` of `total` units of the phase finished: the line says how far
  /// and, from the phase's pace so far, how long the rest takes.
  func advance(_ done: Int, of total: Int) {
    lock.lock()
    defer { lock.unlock() }
    if done > (count?.done ?? 0) { count = (done, total) }
  }

  /// Erases the line and stops redrawing it.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    timer?.cancel()
    timer = nil
    if shown { Self.write("\r\u{1B}[K") }
    shown = false
    Self.activeLock.lock()
    if Self.active === self { Self.active = nil }
    Self.activeLock.unlock()
  }

  /// Standard error, directly: the line is never in anyone's way.
  private static func write(_ text: String) {
    try? AtomicFile.writeAll(Array(text.utf8), to: STDERR_FILENO, shownAs: "<standard error>")
  }

  private func redraw() {
    lock.lock()
    defer { lock.unlock() }
    guard timer != nil, Date().timeIntervalSince(started) >= 1 else { return }
    let elapsed = Date().timeIntervalSince(phaseStarted)
    var text = "\(phase) " + words.seconds(Int(elapsed))
    if let (done, total) = count, total > 0 {
      text = "\(phase) \(NumberStyle.count(done))/\(NumberStyle.count(total))"
      if done < total {
        let rest = Int((elapsed / Double(done) * Double(total - done)).rounded(.up))
        text += words.timeLeft(seconds: rest)
      }
    }
    Self.write("\r\u{1B}[K" + text)
    shown = true
  }
}
