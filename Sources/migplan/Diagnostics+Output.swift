import ArgumentParser
import Foundation
import MigrationPlanning

/// Writing to the standard streams, and the exit codes of sysexits.h.
enum Output {
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66

  static func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Prints every diagnostic, sorted, to standard error.
  static func report(_ diagnostics: DiagnosticCollector) {
    let text = diagnostics.sorted.map { $0.description + "\n" }.joined()
    standardError(text)
  }

  /// Loads the inputs or ends the command with the right exit code.
  static func loadInputs(_ options: InputOptions, diagnostics: DiagnosticCollector) throws
    -> PlanInputs
  {
    let loaded: PlanInputs?
    do {
      loaded = try InputStage.load(
        catalogDirectory: options.catalog, planDirectory: options.plan, diagnostics: diagnostics)
    } catch {
      diagnostics.emit(error.diagnostic)
      report(diagnostics)
      throw ExitCode(error.kind == .missing ? noInput : dataError)
    }
    guard let inputs = loaded else {
      report(diagnostics)
      throw ExitCode(dataError)
    }
    return inputs
  }
}

extension Output {
  /// Loads the inputs and schedules the plan, or ends the command.
  static func scheduled(_ options: InputOptions) throws -> (PlanInputs, MigrationSchedule) {
    let diagnostics = DiagnosticCollector()
    let loaded = try loadInputs(options, diagnostics: diagnostics)
    return (loaded, try schedule(loaded, diagnostics: diagnostics))
  }

  /// Schedules the plan, or ends the command (exit 65) with the diagnostics.
  /// Warnings are printed either way.
  static func schedule(_ inputs: PlanInputs, diagnostics: DiagnosticCollector) throws
    -> MigrationSchedule
  {
    let scheduler = MigrationScheduler(
      catalog: inputs.catalog, plan: inputs.plan, vendors: inputs.vendors)
    let schedule = scheduler.schedule(diagnostics: diagnostics)
    report(diagnostics)
    guard let schedule, !diagnostics.hasErrors else { throw ExitCode(dataError) }
    return schedule
  }
}

extension Output {
  /// Writes `text` to `path` atomically: a temporary file beside it, synced,
  /// then renamed over it. A failure leaves an existing file untouched.
  static func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      standardError("\(path): error: no such directory: \(directory) [output-unwritable]\n")
      throw ExitCode(Output.cannotCreate)
    }
    let temporary = directory + "/." + url.lastPathComponent + ".migplan-\(getpid()).tmp"
    let data = Data(text.utf8)
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else {
      standardError("\(path): error: cannot write in \(directory) [output-unwritable]\n")
      throw ExitCode(Output.cannotCreate)
    }
    do {
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
      if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      standardError("\(path): error: cannot write the file [output-unwritable]\n")
      throw ExitCode(Output.cannotCreate)
    }
  }

  /// Standard output, or a file written atomically.
  static func emit(_ text: String, to path: String?) throws {
    if let path { try writeAtomically(text, to: path) } else { standardOutput(text) }
  }

  /// sysexits.h EX_CANTCREAT.
  static let cannotCreate: Int32 = 73
}
