import Foundation

/// A single-mode RCPSP instance in PSPLIB's `.sm` format (Kolisch &
/// Sprecher 1996): jobs numbered from 1 (a dummy source) to n (a dummy sink),
/// each with a duration, successors and demands on renewable resources.
public struct PSPLIBInstance: Sendable {
  /// Per job: its duration.
  public var durations: [Int]
  /// Per job: the jobs that follow it.
  public var successors: [[Int]]
  /// Per job: its demand on each resource.
  public var demands: [[Int]]
  /// Per resource: its capacity.
  public var capacities: [Int]

  /// The number of jobs, the dummy source and sink included.
  public var jobCount: Int { durations.count }

  /// The instance as a scheduling problem; task i is PSPLIB job i + 1.
  public var problem: SchedulingProblem {
    var predecessors = Array(repeating: [Precedence](), count: jobCount)
    for (job, list) in successors.enumerated() {
      for next in list { predecessors[next].append(Precedence(task: job)) }
    }
    let demandLists = demands.map { row in
      row.enumerated().filter { $0.element > 0 }.map {
        ResourceDemand(resource: $0.offset, units: $0.element)
      }
    }
    return SchedulingProblem(
      durations: durations, predecessors: predecessors, demands: demandLists,
      capacities: capacities)
  }
}

/// Reads `.sm` files; every problem is a diagnostic with line and column.
public enum PSPLIBReader {
  /// Files larger than this (8 MB) are refused.
  public static let maximumSize = 8 << 20

  /// Reads an instance file; nil (with diagnostics) when it is not one.
  public static func read(path: String, diagnostics: DiagnosticCollector) throws(InputFailure)
    -> PSPLIBInstance?
  {
    guard let bytes = try FileCheck.readBounded(path, limit: maximumSize, diagnostics: diagnostics)
    else { return nil }
    guard let text = CSVReader.validUTF8(bytes[...]) else {
      diagnostics.error(
        .psplibEncoding, "file is not ASCII/UTF-8 text",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    }
    return parse(text, path: path, diagnostics: diagnostics)
  }

  /// Parses an instance held in memory; `path` names it in diagnostics.
  public static func parse(_ text: String, path: String, diagnostics: DiagnosticCollector)
    -> PSPLIBInstance?
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    func fail(_ message: String, line: Int, column: Int = 1) -> PSPLIBInstance? {
      diagnostics.error(
        .psplibSyntax, message, at: SourceLocation(file: path, line: line, column: column))
      return nil
    }
    func numbers(_ line: Int) -> [Int]? {
      let fields = lines[line].split(whereSeparator: { $0 == " " || $0 == "\t" })
      var values: [Int] = []
      for field in fields {
        guard let value = Int(field), value >= 0, value < 1_000_000 else { return nil }
        values.append(value)
      }
      return values
    }
    func find(_ prefix: String, from start: Int = 0) -> Int? {
      (start..<lines.count).first { lines[$0].hasPrefix(prefix) }
    }
    guard let jobsLine = find("jobs (incl. supersource/sink )") else {
      return fail("no 'jobs (incl. supersource/sink )' line: not a PSPLIB .sm file", line: 1)
    }
    guard
      let jobCount = lines[jobsLine].split(separator: ":").last.flatMap({
        Int($0.trimmingWhitespace())
      }),
      (2...100_000).contains(jobCount)
    else { return fail("bad job count", line: jobsLine + 1) }
    guard let precedenceHeader = find("PRECEDENCE RELATIONS:") else {
      return fail("no PRECEDENCE RELATIONS section", line: lines.count)
    }
    var successors = Array(repeating: [Int](), count: jobCount)
    var lineIndex = precedenceHeader + 2
    for job in 0..<jobCount {
      guard lineIndex < lines.count, let values = numbers(lineIndex), values.count >= 3,
        values[0] == job + 1, values[2] == values.count - 3
      else { return fail("bad precedence line for job \(job + 1)", line: lineIndex + 1) }
      for next in values[3...] {
        guard (1...jobCount).contains(next), next != job + 1 else {
          return fail("successor \(next) out of range", line: lineIndex + 1)
        }
        successors[job].append(next - 1)
      }
      lineIndex += 1
    }
    guard let requestsHeader = find("REQUESTS/DURATIONS:", from: lineIndex),
      let availabilityHeader = find("RESOURCEAVAILABILITIES:", from: requestsHeader)
    else {
      return fail("no REQUESTS/DURATIONS or RESOURCEAVAILABILITIES section", line: lineIndex + 1)
    }
    guard availabilityHeader + 2 < lines.count, let capacities = numbers(availabilityHeader + 2),
      !capacities.isEmpty
    else { return fail("bad resource availabilities", line: availabilityHeader + 3) }
    var durations = Array(repeating: 0, count: jobCount)
    var demands = Array(repeating: [Int](), count: jobCount)
    lineIndex = requestsHeader + 3
    for job in 0..<jobCount {
      guard lineIndex < lines.count, let values = numbers(lineIndex),
        values.count == 3 + capacities.count, values[0] == job + 1
      else { return fail("bad request line for job \(job + 1)", line: lineIndex + 1) }
      durations[job] = values[2]
      demands[job] = Array(values[3...])
      for (resource, units) in demands[job].enumerated() where units > capacities[resource] {
        return fail(
          "job \(job + 1) needs \(units) of resource \(resource + 1), more than its capacity",
          line: lineIndex + 1)
      }
      lineIndex += 1
    }
    return PSPLIBInstance(
      durations: durations, successors: successors, demands: demands, capacities: capacities)
  }
}
