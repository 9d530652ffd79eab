internal import CInflate

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a table file is, decided by its first bytes, never by its name: a
/// .xlsx renamed .csv is read as a workbook, and a .csv renamed .xlsx as
/// CSV.
public enum TableFileKind: Sendable, Equatable {
  /// A ZIP file: an Office Open XML workbook (.xlsx, .xlsm).
  case workbook
  /// An OLE compound file holding `EncryptedPackage`: a workbook saved
  /// with a password.
  case encryptedWorkbook
  /// Any other OLE compound file: a legacy .xls (BIFF) workbook.
  case legacyWorkbook
  /// Anything else is read as CSV text.
  case csv

  /// The kind of the file at `path` (CSV when it cannot be opened: the
  /// CSV reader then says why).
  public static func of(path: String) -> TableFileKind {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .csv }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .csv }
    let head = ZipDirectory.read(descriptor, at: 0, count: 8)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      return .workbook
    }
    guard head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] else { return .csv }
    return holdsEncryptedPackage(descriptor, size: Int64(status.st_size))
      ? .encryptedWorkbook : .legacyWorkbook
  }

  /// Whether an OLE file's directory names a stream `EncryptedPackage`:
  /// its name in UTF-16LE, looked for in the first 16 MB (where the
  /// directory of an encrypted workbook stands; the package follows it).
  static func holdsEncryptedPackage(_ descriptor: Int32, size: Int64) -> Bool {
    let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let block = 1 << 20
    var offset: Int64 = 0
    var carried: [UInt8] = []
    while offset < min(size, 16 << 20) {
      let bytes = carried + ZipDirectory.read(descriptor, at: offset, count: block)
      if bytes.count <= carried.count { break }
      if bytes.firstRange(of: name) != nil { return true }
      carried = Array(bytes.suffix(name.count - 1))
      offset += Int64(block)
    }
    return false
  }
}

/// An open ZIP file whose members are read one at a time: the descriptor
/// is closed when the last part reading it goes.
final class ZipFile {
  /// The path, for diagnostics.
  let path: String
  let descriptor: Int32
  let directory: ZipDirectory

  /// Opens `path` and reads its directory; nil, with a located error, when
  /// it is not a ZIP file or an unsafe one.
  init?(path: String, diagnostics: DiagnosticCollector) {
    self.path = path
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    let at = SourceLocation(file: path, line: 1, column: 1)
    guard descriptor >= 0 else {
      diagnostics.error(.fileUnreadable, "cannot open file", at: SourceLocation(file: path))
      return nil
    }
    do {
      directory = try ZipDirectory(descriptor: descriptor)
    } catch {
      close(descriptor)
      switch error {
      case .notZip:
        diagnostics.error(
          .workbookUnreadable, "the file is not a ZIP file, so not an .xlsx workbook", at: at)
      case .malformed(let why):
        diagnostics.error(.workbookUnreadable, "the workbook's ZIP is damaged: \(why)", at: at)
      case .unsafeName(let name):
        diagnostics.error(
          .workbookUnsafeName,
          "the workbook holds a part named '\(name.prefix(200))': a path outside the workbook "
            + "(.. or absolute) is refused", at: at)
      case .tooManyMembers:
        diagnostics.error(
          .workbookLimit,
          "the workbook has more than \(NumberStyle.count(ZipDirectory.maximumMembers)) parts",
          at: at)
      }
      return nil
    }
  }

  deinit { close(descriptor) }

  /// The member `name` as a part to read, or nil when there is none.
  func part(
    _ name: String, limit: Int64 = ZipPart.maximumSize, ratio: Int64 = ZipPart.maximumRatio
  ) -> ZipPart? {
    directory.members[name].map { ZipPart(file: self, member: $0, limit: limit, ratio: ratio) }
  }
}

/// One member of a ZIP file, read through a pull inflater with limits: at
/// most `maximumSize` bytes, and, past 1 MiB, at most `maximumRatio` times
/// its compressed size. A part that passes either stops with a
/// `workbook-limit` error; nothing is inflated into memory whole.
final class ZipPart {
  /// A part may inflate to at most 1 GB.
  static let maximumSize: Int64 = 1 << 30
  /// … and at most 100 times its compressed size.
  static let maximumRatio: Int64 = 100

  let zip: ZipFile
  let member: ZipDirectory.Member
  /// This part's limits (the defaults above but in tests).
  let limit: Int64
  let ratio: Int64

  init(file: ZipFile, member: ZipDirectory.Member, limit: Int64, ratio: Int64) {
    self.zip = file
    self.member = member
    self.limit = limit
    self.ratio = ratio
  }

  /// The ZIP file's path.
  var file: String { zip.path }
  /// The member's name (`xl/worksheets/sheet1.xml`).
  var name: String { member.name }

  /// A stream of the member from its first byte, owned by its reader
  /// (two readers of one part never share one): what libxml2 reads
  /// through. Its `failure` says why it could not start.
  func open() -> Inflater {
    guard !member.encrypted else {
      return Inflater(failure: "the part is encrypted: save the workbook without a password")
    }
    do {
      let offset = try zip.directory.dataOffset(of: member)
      return Inflater(
        migplan_inflateOpen(
          zip.descriptor, offset, member.compressedSize, Int32(member.method), limit, ratio))
    } catch {
      if case .malformed(let why) = error { return Inflater(failure: why) }
      return Inflater(failure: "the part cannot be read")
    }
  }

  /// Up to `count` inflated bytes from the start, whether that is the
  /// whole part, and the stream (to ask why it stopped).
  func prefix(_ count: Int) -> (bytes: [UInt8], whole: Bool, stream: Inflater) {
    let stream = open()
    guard let reader = stream.pointer else { return ([], true, stream) }
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.map { base in
          base.withMemoryRebound(to: CChar.self, capacity: count) {
            migplan_inflateRead(UnsafeMutableRawPointer(reader), $0 + done, Int32(count - done))
          }
        } ?? -1
      }
      if got <= 0 { return (Array(bytes.prefix(done)), got == 0, stream) }
      done += Int(got)
    }
    return (bytes, false, stream)
  }

  /// Whether the inflated part holds `needle` (false, too, when it
  /// cannot be read: reading it then says why).
  func contains(_ needle: String) -> Bool {
    guard !member.encrypted, let offset = try? zip.directory.dataOffset(of: member) else {
      return false
    }
    var status: Int32 = 0
    return migplan_inflateContains(
      zip.descriptor, offset, member.compressedSize, Int32(member.method), limit, ratio, needle,
      &status) == 1
  }

  /// Why `stream` stopped, as a diagnostic, or nil when it did not stop
  /// on a limit, a damaged stream or an unknown method. It is placed at
  /// `line` of the part, where the stream stopped.
  func stopDiagnostic(_ stream: Inflater, suffix: String, line: Int = 1) -> Diagnostic? {
    let at = SourceLocation(file: file, line: max(line, 1), column: 1)
    if let failure = stream.failure {
      return Diagnostic(.error, .workbookUnreadable, failure + suffix, at: at)
    }
    guard let inflater = stream.pointer else {
      return Diagnostic(.error, .workbookUnreadable, "the part cannot be read" + suffix, at: at)
    }
    switch Int(migplan_inflateStatus(inflater)) {
    case Int(migplan_inflateTooLarge):
      return Diagnostic(
        .error, .workbookLimit,
        "the part inflates past \(NumberStyle.count(Int(limit >> 20))) MB: refused as a ZIP bomb"
          + suffix,
        at: at)
    case Int(migplan_inflateRatio):
      return Diagnostic(
        .error, .workbookLimit,
        "the part inflates to more than \(ratio) times its compressed size "
          + "(\(NumberStyle.count(Int(member.compressedSize))) bytes): refused as a ZIP bomb"
          + suffix, at: at)
    case Int(migplan_inflateCorrupt):
      return Diagnostic(
        .error, .workbookUnreadable, "the part's compressed data is damaged" + suffix, at: at)
    case Int(migplan_inflateIO):
      return Diagnostic(.error, .workbookUnreadable, "the part cannot be read" + suffix, at: at)
    case Int(migplan_inflateMethod):
      return Diagnostic(
        .error, .workbookUnreadable,
        "the part is compressed with method \(member.method); only stored and deflate are read"
          + suffix, at: at)
    default:
      return nil
    }
  }
}

/// One pull stream of a ZIP member, freed with its owner: libxml2 reads
/// through `pointer`; `failure` says why there is none.
final class Inflater {
  let pointer: OpaquePointer?
  let failure: String?

  init(_ pointer: OpaquePointer?) {
    self.pointer = pointer
    failure = nil
  }

  init(failure: String) {
    pointer = nil
    self.failure = failure
  }

  deinit { migplan_inflateFree(pointer) }
}
