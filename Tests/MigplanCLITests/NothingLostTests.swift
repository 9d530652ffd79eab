import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `record` and every write, tried as a user and as an attacker would
/// (issue "Nothing lost, nothing invented"): each case gives the input,
/// the exit status, the message with its location, and the bytes of every
/// file that must not change.
@Suite struct NothingLostTests {
  static let today = ["MIGPLAN_TODAY": "2026-12-02"]

  /// A scratch directory holding `plan/plan.xml`, a copy of Shinagawa's
  /// plan edited by `edit` (the plan's lock file lands in the scratch
  /// directory, beside the plan).
  static func scratch(_ edit: (String) -> String = { $0 }) throws -> (root: String, plan: String) {
    let root = try CLI.temporaryDirectory()
    let plan = root + "/plan"
    try FileManager.default.createDirectory(atPath: plan, withIntermediateDirectories: true)
    let original = try String(
      contentsOfFile: CLI.repository + "/plans/shinagawa/plan.xml", encoding: .utf8)
    try edit(original).write(toFile: plan + "/plan.xml", atomically: true, encoding: .utf8)
    return (root, plan)
  }

  static func text(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  static func record(_ arguments: [String], plan: String) throws -> MigplanRun {
    try CLI.run(["record", "--plan", plan] + arguments, environment: today)
  }

  /// The ids of the Shinagawa plan's systems.
  static func systemIds(_ text: String) -> [String] {
    text.components(separatedBy: "<system id=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
  }

  // MARK: One writer at a time

  /// 16 records on 16 systems, started at once: all 16 are in the plan.
  @Test func sixteenConcurrentRecordsLoseNothing() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let systems = Array(Self.systemIds(try Self.text(plan + "/plan.xml")).prefix(16))
    #expect(systems.count == 16)
    let group = DispatchGroup()
    let lock = NSLock()
    nonisolated(unsafe) var statuses: [Int32] = []
    for (index, system) in systems.enumerated() {
      group.enter()
      DispatchQueue.global().async {
        let day = String(format: "2030-%02d-%02d", index % 12 + 1, index + 1)
        let run = try? Self.record([system, "--tokutei-deadline", day], plan: plan)
        lock.withLock { statuses.append(run?.status ?? -1) }
        group.leave()
      }
    }
    group.wait()
    #expect(statuses == Array(repeating: 0, count: 16))
    let after = try Self.text(plan + "/plan.xml")
    for (index, system) in systems.enumerated() {
      let day = String(format: "2030-%02d-%02d", index % 12 + 1, index + 1)
      #expect(
        after.contains("<system id=\"\(system)\"") && after.contains("tokuteiDeadline=\"\(day)\""),
        "\(system) lost its change")
    }
  }

  /// A writer that cannot get the lock in --wait seconds says so and ends
  /// with 75, writing nothing; after a second it says it waits.
  @Test func aHeldLockEndsIn75AndWritesNothing() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let before = Self.bytes(plan + "/plan.xml")
    let lockFile = plan + "/.migplan-lock"
    let descriptor = open(lockFile, O_RDONLY | O_CREAT, 0o644)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    #expect(flock(descriptor, LOCK_EX) == 0)
    let run = try Self.record(["--staff", "20", "--wait", "1.5"], plan: plan)
    #expect(run.status == 75, "\(run.stderr)")
    #expect(run.stderr.contains("waiting for another migplan"))
    #expect(run.stderr.contains("[plan-locked]"))
    #expect(Self.bytes(plan + "/plan.xml") == before)
  }

  /// A record killed at random moments leaves plan.xml whole: the old
  /// bytes or the new ones, never a mix, and no temporary file for long.
  @Test func aKilledRecordLeavesTheOldPlanOrTheNew() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let before = Self.bytes(plan + "/plan.xml")
    // The bytes the record makes, from a copy it finishes on.
    let (otherRoot, other) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: otherRoot) }
    let arguments = ["koseki", "--tokutei-deadline", "2031-03-31"]
    #expect(try Self.record(arguments, plan: other).status == 0)
    let after = Self.bytes(other + "/plan.xml")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<12 {
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = ["record", "--plan", plan] + arguments
      process.environment = ProcessInfo.processInfo.environment.merging(Self.today) { $1 }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Half the kills land once the new file is being written (its
      // temporary exists), the others at a random moment before or after.
      if generator.next() % 2 == 0 {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline && process.isRunning {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: plan)) ?? []
          if names.contains(where: { $0.hasPrefix(".plan.xml.migplan-") }) { break }
        }
      } else {
        usleep(UInt32.random(in: 0..<400_000, using: &generator))
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let now = Self.bytes(plan + "/plan.xml")
      #expect(now == before || now == after)
      if now == after {
        // Back to the old plan for the next try.
        try before?.write(to: URL(fileURLWithPath: plan + "/plan.xml"))
      }
    }
    // A later write removes what dead runs left.
    #expect(try Self.record(arguments, plan: plan).status == 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: plan).filter {
      $0.hasPrefix(".plan.xml.migplan-")
    }
    #expect(left == [])
  }

  // MARK: Exact edits

  /// The plan namespace bound twice, another prefix on one system, an id
  /// written as a character reference: each record is applied.
  @Test(
    arguments: [
      (
        "<plan xmlns=\"urn:migplan:plan:1\"",
        "<p:plan xmlns:p=\"urn:migplan:plan:1\" xmlns=\"urn:migplan:plan:1\"", "</plan>",
        "</p:plan>"
      ),
      ("<system id=\"koseki\"", "<q:system xmlns:q=\"urn:migplan:plan:1\" id=\"koseki\"", "", ""),
      ("<system id=\"koseki\"", "<system id=\"&#107;oseki\"", "", ""),
    ])
  func everyWayOfWritingThePlanIsEdited(
    from: String, to: String, closeFrom: String, closeTo: String
  ) throws {
    let (root, plan) = try Self.scratch { text in
      var edited = text.replacingOccurrences(of: from, with: to)
      if to.hasPrefix("<q:system") {
        // Close the prefixed system with its own prefix.
        let start = edited.range(of: to)!
        let close = edited.range(of: "</system>", range: start.upperBound..<edited.endIndex)!
        edited.replaceSubrange(close, with: "</q:system>")
      }
      if !closeFrom.isEmpty { edited = edited.replacingOccurrences(of: closeFrom, with: closeTo) }
      return edited
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(try CLI.run(["check", "--plan", plan]).status == 0)
    let staff = try Self.record(["--staff", "20"], plan: plan)
    #expect(staff.status == 0, "\(staff.stderr)")
    let step = try Self.record(
      ["koseki", "13.1", "--status", "done", "--start", "2024-01-04", "--end", "2024-01-19"],
      plan: plan)
    #expect(step.status == 0, "\(step.stderr)")
    #expect(step.stdout.contains("1工程"))
    let json = try CLI.run(["schedule", "--plan", plan, "--format", "json"]).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let text = try Self.text(plan + "/plan.xml")
    #expect(text.contains("<staff capacity=\"20\"/>") || text.contains(":staff capacity=\"20\"/>"))
    #expect(object["asOf"] != nil)
    #expect(text.contains("ref=\"13.1\" status=\"done\" start=\"2024-01-04\" end=\"2024-01-20\""))
  }

  /// An existing step keeps its foreign attributes, their order and its
  /// spacing; an element of another namespace with the same local name
  /// and ref is not touched. The file after is the file before with only
  /// the record's attributes changed.
  @Test func anEditChangesOnlyWhatItMust() throws {
    let original =
      "<step ref=\"13.1\" status=\"in-progress\" start=\"2023-10-02\" end=\"2024-04-02\"/>"
    let foreign =
      "<step xmlns:x=\"urn:x\" x:note=\"keep  me\"  ref=\"13.1\"   status=\"in-progress\" start=\"2023-10-02\" end=\"2024-04-02\"/>"
    let impostor = "<x:step xmlns:x=\"urn:x\" ref=\"13.1\" status=\"weird\"/>\n    "
    let (root, plan) = try Self.scratch { text in
      // The first system's step 13.1 only.
      var edited = text
      let range = edited.range(of: original)!
      edited.replaceSubrange(range, with: impostor + foreign)
      return edited
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    let before = try Self.text(plan + "/plan.xml")
    let system = Self.systemIds(before)[0]
    let run = try Self.record(
      [system, "13.1", "--status", "done", "--start", "2023-10-02", "--end", "2024-01-19"],
      plan: plan)
    #expect(run.status == 0, "\(run.stderr)")
    let expected =
      before.replacingOccurrences(
        of: foreign,
        with:
          "<step xmlns:x=\"urn:x\" x:note=\"keep  me\"  ref=\"13.1\"   status=\"done\" start=\"2023-10-02\" end=\"2024-01-20\"/>"
      )
      .replacingOccurrences(
        of: "atRiskDays=\"60\">", with: "atRiskDays=\"60\" recorded=\"2026-12-02\">")
    #expect(try Self.text(plan + "/plan.xml") == expected)
  }

  // MARK: Files stay what they were

  /// A symlinked plan.xml is written through: the link stays a link and
  /// the shared target gets the change.
  @Test func aSymlinkedPlanIsWrittenThrough() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let shared = root + "/shared.xml"
    try FileManager.default.moveItem(atPath: plan + "/plan.xml", toPath: shared)
    try FileManager.default.createSymbolicLink(
      atPath: plan + "/plan.xml", withDestinationPath: "../shared.xml")
    chmod(shared, 0o640)
    let run = try Self.record(["--staff", "20"], plan: plan)
    #expect(run.status == 0, "\(run.stderr)")
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: plan + "/plan.xml")
    #expect(link == "../shared.xml")
    #expect(try Self.text(shared).contains("<staff capacity=\"20\"/>"))
    var info = stat()
    #expect(stat(shared, &info) == 0 && info.st_mode & 0o777 == 0o640)
  }

  /// A read-only plan is refused with 73, whoever runs migplan.
  @Test func aReadOnlyPlanIsRefused() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    chmod(plan + "/plan.xml", 0o444)
    let before = Self.bytes(plan + "/plan.xml")
    let run = try Self.record(["--staff", "20"], plan: plan)
    #expect(run.status == 73)
    #expect(run.stderr.contains("plan/plan.xml: error: is read-only (mode 444)"))
    #expect(run.stderr.contains("[output-read-only]"))
    #expect(Self.bytes(plan + "/plan.xml") == before)
  }

  /// Root keeps another user's plan theirs, with its mode; another user
  /// who may write the plan but cannot keep its owner is refused (73),
  /// the owner named. (Needs root and setpriv to switch users.)
  @Test(
    .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"))
  )
  func ownersAndModesAreKept() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let file = plan + "/plan.xml"
    #expect(chown(file, 65534, 65534) == 0)
    chmod(file, 0o600)
    #expect(try Self.record(["--staff", "20"], plan: plan).status == 0)
    var info = stat()
    #expect(stat(file, &info) == 0)
    #expect(info.st_uid == 65534 && info.st_gid == 65534 && info.st_mode & 0o777 == 0o600)
    // Root's file, writable by all, recorded by nobody.
    #expect(chown(file, 0, 0) == 0)
    chmod(file, 0o666)
    chmod(root, 0o777)
    chmod(plan, 0o777)
    let before = Self.bytes(file)
    var directory = URL(fileURLWithPath: CLI.binary.path).deletingLastPathComponent()
    while directory.path != "/" {
      chmod(directory.path, 0o755)
      directory.deleteLastPathComponent()
    }
    let run = try CLI.run(
      [
        "--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path, "record", "--plan",
        plan, "--staff", "21", "--catalog", CLI.repository + "/catalog",
      ], environment: Self.today, executable: "/usr/bin/setpriv")
    #expect(run.status == 73, "\(run.stderr)")
    #expect(run.stderr.contains("belongs to root:root"))
    #expect(run.stderr.contains("[output-owner]"))
    #expect(Self.bytes(file) == before)
  }

  /// A link another user left in a sticky, world-writable directory is
  /// not followed (the kernel's protected_symlinks rule): the file it
  /// aims at is not replaced. (Needs root and setpriv.)
  @Test(
    .enabled(
      if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func linksOfOthersInSharedDirectoriesAreNotFollowed() throws {
    let root = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let shared = root + "/shared"
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    chmod(shared, 0o1777)
    let victim = root + "/victim.txt"
    try Data("mine".utf8).write(to: URL(fileURLWithPath: victim))
    chmod(root, 0o755)
    let made = try CLI.run(
      [
        "--reuid=65534", "--regid=65534", "--clear-groups", "ln", "-s", victim, shared + "/out.csv",
      ],
      executable: "/usr/bin/setpriv")
    #expect(made.status == 0, "\(made.stderr)")
    let run = try CLI.run(["export", "csv", "-o", shared + "/out.csv"])
    #expect(run.status == 73)
    #expect(run.stderr.contains("[output-unsafe-link]"))
    #expect(Self.bytes(victim) == Data("mine".utf8))
  }

  /// -o into a FIFO or a symlink to a character device writes into it;
  /// the path stays what it was.
  @Test func outputsIntoFIFOsAndDevicesAreWrittenInto() throws {
    let root = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fifo = root + "/fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/sh")
    reader.arguments = ["-c", "cat '\(fifo)' > '\(root)/received'"]
    try reader.run()
    let run = try CLI.run(["export", "csv", "-o", fifo])
    #expect(run.status == 0, "\(run.stderr)")
    reader.waitUntilExit()
    #expect(try Self.text(root + "/received").hasPrefix("area_id,"))
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    let link = root + "/null"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
    #expect(try CLI.run(["export", "csv", "-o", link]).status == 0)
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
  }

  /// A full disk is one line naming the output and exit 73; a closed pipe
  /// ends quietly. Never a trap.
  @Test func fullDisksAndClosedPipesDoNotTrap() throws {
    let full = try CLI.run(["-c", "'\(CLI.binary.path)' gantt > /dev/full"], executable: "/bin/sh")
    #expect(full.status == 73)
    #expect(
      full.stderr.hasSuffix(
        "<standard output>: error: cannot write: no space left on device [output-unwritable]\n"))
    #expect(!full.stderr.contains("Fatal error"))
    let pipe = try CLI.run(
      ["-c", "'\(CLI.binary.path)' schedule --format json | head -c 10 > /dev/null"],
      environment: CLI.shippedDay, executable: "/bin/sh")
    #expect(pipe.status == 0)
    #expect(pipe.stderr.isEmpty, "\(pipe.stderr)")
    // -o /dev/stdout writes into the pipe the shell made, and into a file
    // opened with >> after what it holds.
    let intoPipe = try CLI.run(
      ["-c", "'\(CLI.binary.path)' export csv -o /dev/stdout | head -c 7"], executable: "/bin/sh")
    #expect(intoPipe.stdout == "area_id", "\(intoPipe.stderr)")
    let root = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Data("kept\n".utf8).write(to: URL(fileURLWithPath: root + "/log"))
    let appended = try CLI.run(
      ["-c", "'\(CLI.binary.path)' export csv -o /dev/stdout >> '\(root)/log'"],
      executable: "/bin/sh")
    #expect(appended.status == 0, "\(appended.stderr)")
    #expect(try Self.text(root + "/log").hasPrefix("kept\narea_id,"))
  }

  // MARK: import --force

  /// A directory that is not a plan is refused, its contents untouched; a
  /// plan is replaced with every file it had that import does not write.
  @Test func importForceReplacesPlansOnlyAndKeepsTheirFiles() throws {
    let root = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let table = CLI.repository + "/docs/examples/調達表.csv"
    let notPlan = root + "/photos"
    try FileManager.default.createDirectory(atPath: notPlan, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: notPlan + "/keep.txt"))
    let refused = try CLI.run(
      ["import", table, "--name", "喜多方市", "--as-of", "2024-06-30", "-o", notPlan, "--force"])
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("is not a plan directory (no plan.xml)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: notPlan) == ["keep.txt"])

    // A target whose parent is still to make (plans/ of a new checkout).
    let target = root + "/plans/plan"
    let arguments = ["import", table, "--name", "喜多方市", "--as-of", "2024-06-30", "-o", target]
    #expect(try CLI.run(arguments).status == 0)
    try FileManager.default.createDirectory(
      atPath: target + "/baselines", withIntermediateDirectories: true)
    try Data("<baseline/>".utf8).write(to: URL(fileURLWithPath: target + "/baselines/b0.xml"))
    try Data("notes".utf8).write(to: URL(fileURLWithPath: target + "/メモ.txt"))
    let again = try CLI.run(arguments + ["--force"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(Self.bytes(target + "/baselines/b0.xml") == Data("<baseline/>".utf8))
    #expect(Self.bytes(target + "/メモ.txt") == Data("notes".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/plans") == ["plan"])
  }

  // MARK: Dates

  /// A typo'd as-of is refused unless asked for; once in, check says so
  /// and --correct-as-of moves it back, with the sheet's assumed dates.
  @Test func aMistakenAsOfIsRefusedAndCanBeCorrected() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let future = try Self.record(["--set-as-of", "2027-12-02"], plan: plan)
    #expect(future.status == 64)
    #expect(future.stderr.contains("is after today (2026-12-02)"))
    #expect(future.stderr.contains("[as-of-future]"))
    let far = try Self.record(["--set-as-of", "9999-12-31"], plan: plan)
    #expect(far.status == 64)
    #expect(far.stderr.contains("out of range: dates run from 2000-01-01 to 2099-12-31"))
    #expect(
      try Self.record(["--set-as-of", "2027-12-02", "--allow-future"], plan: plan).status == 0)
    #expect(
      try Self.record(["--sheet", CLI.repository + "/docs/examples/PMO調査.csv"], plan: plan)
        .status == 0)
    let check = try CLI.run(["check", "--plan", plan, "--strict"], environment: Self.today)
    #expect(check.status == 65)
    #expect(check.stderr.contains("[as-of-future]"))
    let back = try Self.record(["--set-as-of", "2026-12-02"], plan: plan)
    #expect(back.status == 64)
    #expect(back.stderr.contains("--correct-as-of 2026-12-02"))
    // The correction and the sheet again, in one command.
    let corrected = try Self.record(
      [
        "--correct-as-of", "2026-12-02", "--sheet",
        CLI.repository + "/docs/examples/PMO調査.csv",
      ], plan: plan)
    #expect(corrected.status == 0, "\(corrected.stderr)")
    let after = try CLI.run(["check", "--plan", plan, "--strict"], environment: Self.today)
    #expect(after.status == 0, "\(after.stderr)")
    #expect(try Self.text(plan + "/plan.xml").contains("asOf=\"2026-12-02\""))
    // A recorded fact after the day is in the way, and named.
    #expect(
      try Self.record(
        [
          "koseki", "13.1", "--status", "done", "--start", "2027-01-04", "--end", "2027-01-20",
          "--set-as-of", "2027-02-01", "--allow-future",
        ], plan: plan
      ).status == 0)
    let blocked = try Self.record(["--correct-as-of", "2026-12-02"], plan: plan)
    #expect(blocked.status == 64)
    #expect(blocked.stderr.contains("koseki 13.1 (done, started 2027-01-04"))
  }

  /// A date in plan.xml outside 2000–2099 is refused where it is written.
  @Test func aPlanDateOutOfRangeIsRefusedAtItsPlace() throws {
    let (root, plan) = try Self.scratch {
      $0.replacingOccurrences(of: "asOf=\"2024-01-31\"", with: "asOf=\"2100-01-31\"")
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try CLI.run(["gantt", "--plan", plan])
    #expect(run.status == 65)
    #expect(run.stderr.contains("plan/plan.xml:6:7: error: "))
    #expect(
      run.stderr.contains(
        "2100-01-31 is out of range: dates run from 2000-01-01 to 2099-12-31 [date-out-of-range]"))
  }

  /// A weekend day is kept as given, with a warning.
  @Test func aDayOffIsKeptWithAWarning() throws {
    let (root, plan) = try Self.scratch {
      $0.replacingOccurrences(of: "asOf=\"2024-01-31\"", with: "asOf=\"2026-12-02\"")
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try Self.record(
      ["koseki", "14.1", "--status", "done", "--start", "2026-10-01", "--end", "2026-11-22"],
      plan: plan)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("--end 2026-11-22 is not a working day"))
    #expect(run.stderr.contains("[not-working-day]"))
    #expect(try Self.text(plan + "/plan.xml").contains("end=\"2026-11-23\""))
  }

  // MARK: Tables

  /// A control character in a cell is refused at the cell (65) and shown
  /// escaped; nothing is written.
  @Test func controlCharactersInCellsAreRefusedAtTheCell() throws {
    let root = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let table = root + "/table.csv"
    try Data(
      "No,業務名,業務システム名,RFI回答事業者,調達方針\n1,住民基本台帳,住民\u{1B}]0;x\u{07}システム,株式会社TKC,随意契約\n"
        .utf8
    ).write(to: URL(fileURLWithPath: table))
    let run = try CLI.run(["import", table, "--name", "試験", "-o", root + "/plan"])
    #expect(run.status == 65)
    #expect(run.stderr.contains("table.csv:2:10: error: a control character (\\u{1B}) in a cell"))
    #expect(run.stderr.contains("[セル C2]"))
    #expect(!run.stderr.contains("\u{1B}"))
    #expect(!FileManager.default.fileExists(atPath: root + "/plan"))
  }

  /// `--` in a table's name, more than 1,000 systems, and a cell of 30 MB:
  /// a plan, a plan, and an error at the cell; never "migplan's fault".
  @Test func awkwardTablesEndWellOrAtTheCell() throws {
    let root = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var rows = "No,業務名,業務システム名,RFI回答事業者,調達方針\n"
    let areas = ["住民基本台帳", "印鑑登録", "戸籍", "個人住民税", "国民健康保険"]
    for index in 0..<1_200 {
      rows += "\(index + 1),\(areas[index % 5]),システム\(index),株式会社TKC,随意契約\n"
    }
    let table = root + "/a--b-.csv"
    try Data(rows.utf8).write(to: URL(fileURLWithPath: table))
    let run = try CLI.run(["import", table, "--name", "試験", "-o", root + "/plan"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.text(root + "/plan/plan.xml").contains("from a- -b-.csv."))
    #expect(try Self.text(root + "/plan/plan.xml").contains("<staff capacity=\"1200\""))

    let big = root + "/big.csv"
    let cell = String(repeating: "あ", count: 10_000_000)
    try Data(("No,業務名,業務システム名,RFI回答事業者,調達方針\n1,住民基本台帳," + cell + ",株式会社TKC,随意契約\n").utf8)
      .write(to: URL(fileURLWithPath: big))
    let refused = try CLI.run(["import", big, "--name", "試験", "-o", root + "/big"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("big.csv:2:10: error: a cell longer than 4,096 characters"))
    #expect(refused.stderr.contains("[セル C2]"))

    // Long cells that fit one by one, but not in one plan.xml.
    var wide = "No,業務名,業務システム名,RFI回答事業者,調達方針\n"
    for index in 0..<2_000 {
      wide += "\(index + 1),戸籍," + String(repeating: "&", count: 4_000) + "\(index),株式会社TKC,随意契約\n"
    }
    try Data(wide.utf8).write(to: URL(fileURLWithPath: root + "/wide.csv"))
    let tooLarge = try CLI.run(["import", root + "/wide.csv", "--name", "試験", "-o", root + "/wide"])
    #expect(tooLarge.status == 65)
    #expect(tooLarge.stderr.contains("wide.csv:770:8: error: the plan would pass 16 MB"))
    #expect(tooLarge.stderr.contains("[セル C770] [plan-too-large]"))
    #expect(!FileManager.default.fileExists(atPath: root + "/wide"))
  }

  // MARK: Portfolios

  /// The same directory twice, and a directory with both files, are errors
  /// that say what to pass.
  @Test func portfoliosSayWhatTheyCount() throws {
    let (root, plan) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let twice = try CLI.run(["portfolio", plan, plan + "/", plan + "/plan.xml"])
    #expect(twice.status == 65)
    #expect(twice.stderr.contains("given twice (also as '\(plan)')"))
    #expect(twice.stderr.contains("[portfolio-duplicate]"))
    try Data().write(to: URL(fileURLWithPath: plan + "/portfolio.xml"))
    let both = try CLI.run(["portfolio", plan])
    #expect(both.status == 65)
    #expect(
      both.stderr.contains(
        "pass \(plan)/portfolio.xml for the portfolio or \(plan)/plan.xml for the plan"))
    #expect(try CLI.run(["portfolio", plan + "/plan.xml"]).status == 0)
  }

  // MARK: Outputs within their limits

  /// A system name longer than Excel's cell limit is cut with … and a
  /// warning; tj3's calendar ends in 2035, and a schedule past it is
  /// refused rather than written.
  @Test func outputsStayWithinTheirReadersLimits() throws {
    let long = String(repeating: "長", count: 40_000)
    let (root, plan) = try Self.scratch {
      $0.replacingOccurrences(of: "name=\"戸籍情報システム\"", with: "name=\"\(long)\"")
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    let workbook = try CLI.run(["export", "xlsx", "--plan", plan, "-o", root + "/book.xlsx"])
    #expect(workbook.status == 0, "\(workbook.stderr)")
    #expect(workbook.stderr.contains("[xlsx-cell-cut]"))
    let (lateRoot, late) = try Self.scratch {
      $0.replacingOccurrences(of: "asOf=\"2024-01-31\"", with: "asOf=\"2035-06-01\"")
        .replacingOccurrences(of: "deadline=\"2026-03-31\"", with: "deadline=\"2036-03-31\"")
    }
    defer { try? FileManager.default.removeItem(atPath: lateRoot) }
    let tjp = try CLI.run(["export", "tjp", "--plan", late, "-o", lateRoot + "/p.tjp"])
    #expect(tjp.status == 73, "\(tjp.stderr)")
    #expect(tjp.stderr.contains("outside the days tj3 accepts (1970-01-01 to 2035-12-31)"))
    #expect(!FileManager.default.fileExists(atPath: lateRoot + "/p.tjp"))
  }
}
