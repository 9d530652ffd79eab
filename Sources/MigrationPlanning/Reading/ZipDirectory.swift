#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The members of a ZIP file, from its central directory, read with
/// `pread` and never trusted: a member's name must be a relative path
/// without `..`, its bytes must lie inside the file, and the directory is
/// bounded (`maximumMembers`). Members are read with `ZipPart`.
struct ZipDirectory {
  /// One member: where its bytes are and how they are stored.
  struct Member {
    var name: String
    /// 0: stored; 8: deflate (anything else is refused when read).
    var method: Int
    var compressedSize: Int64
    /// The size the directory declares; the reader does not trust it.
    var declaredSize: Int64
    var localHeaderOffset: Int64
    var encrypted: Bool
  }

  /// Why a file is not a usable ZIP.
  enum Failure: Error {
    case notZip
    case malformed(String)
    case unsafeName(String)
    case tooManyMembers
  }

  /// A workbook has a few dozen parts; more than this is refused.
  static let maximumMembers = 10_000

  let descriptor: Int32
  let fileSize: Int64
  private(set) var members: [String: Member] = [:]

  /// Reads the central directory of the open file `descriptor`.
  init(descriptor: Int32) throws(Failure) {
    self.descriptor = descriptor
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .notZip }
    fileSize = Int64(status.st_size)
    let end = try Self.endRecord(descriptor: descriptor, fileSize: fileSize)
    guard end.count <= Self.maximumMembers else { throw .tooManyMembers }
    // Compared by subtraction: hostile sizes near Int64.max cannot overflow.
    guard end.offset >= 0, end.size >= 0, end.offset <= fileSize,
      end.size <= fileSize - end.offset, end.size <= 46 * Int64(Self.maximumMembers) + (1 << 24)
    else { throw .malformed("the central directory lies outside the file") }
    let directory = Self.read(descriptor, at: end.offset, count: Int(end.size))
    guard directory.count == Int(end.size) else {
      throw .malformed("the central directory cannot be read")
    }
    var position = 0
    for _ in 0..<end.count {
      let member = try Self.member(in: directory, at: &position, fileSize: fileSize)
      guard members[member.name] == nil else {
        throw .malformed("the member '\(member.name)' is there twice")
      }
      members[member.name] = member
    }
    try refuseOverlaps()
  }

  /// Members whose bytes overlap (a ZIP bomb's way to reuse one stream
  /// for many parts, or to declare more than it holds) are refused: each
  /// member's data, from its local header's end, must end before the next
  /// member's header.
  func refuseOverlaps() throws(Failure) {
    // By offset, then name: the message names the same pair every run.
    let sorted = members.values.sorted {
      ($0.localHeaderOffset, $0.name) < ($1.localHeaderOffset, $1.name)
    }
    for (first, second) in zip(sorted, sorted.dropFirst()) {
      let end = try dataOffset(of: first) + first.compressedSize
      if end > second.localHeaderOffset {
        throw .malformed("the members '\(first.name)' and '\(second.name)' overlap")
      }
    }
  }

  /// Where the member's bytes start (after its local header).
  func dataOffset(of member: Member) throws(Failure) -> Int64 {
    let header = Self.read(descriptor, at: member.localHeaderOffset, count: 30)
    guard header.count == 30, Self.uint32(header, 0) == 0x0403_4B50 else {
      throw .malformed("the member '\(member.name)' has no local header")
    }
    let offset =
      member.localHeaderOffset + 30 + Int64(Self.uint16(header, 26))
      + Int64(Self.uint16(header, 28))
    guard offset <= fileSize, member.compressedSize <= fileSize - offset else {
      throw .malformed("the member '\(member.name)' runs past the end of the file")
    }
    return offset
  }

  // MARK: - Records

  struct EndRecord {
    var count: Int
    var size: Int64
    var offset: Int64
  }

  /// The end of central directory record (ZIP64's when it says so).
  static func endRecord(descriptor: Int32, fileSize: Int64) throws(Failure) -> EndRecord {
    guard fileSize >= 22 else { throw .notZip }
    let tailSize = Int(min(fileSize, 22 + 65_535))
    let tail = read(descriptor, at: fileSize - Int64(tailSize), count: tailSize)
    guard tail.count == tailSize else { throw .notZip }
    var at = tailSize - 22
    while at >= 0 && uint32(tail, at) != 0x0605_4B50 { at -= 1 }
    guard at >= 0 else {
      let head = read(descriptor, at: 0, count: 4)
      if head == [0x50, 0x4B, 0x03, 0x04] {
        throw .malformed("it has no end of central directory: the file is cut short or damaged")
      }
      throw .notZip
    }
    var record = EndRecord(
      count: Int(uint16(tail, at + 10)), size: Int64(uint32(tail, at + 12)),
      offset: Int64(uint32(tail, at + 16)))
    let zip64 = record.count == 0xFFFF || record.size == 0xFFFF_FFFF || record.offset == 0xFFFF_FFFF
    guard zip64 else { return record }
    // The ZIP64 locator stands just before, and points at the ZIP64 record.
    let locatorAt = fileSize - Int64(tailSize) + Int64(at) - 20
    let locator = read(descriptor, at: locatorAt, count: 20)
    guard locator.count == 20, uint32(locator, 0) == 0x0706_4B50 else {
      throw .malformed("the ZIP64 end record is missing")
    }
    let zip64At = Int64(bitPattern: uint64(locator, 8))
    let zip64Record = read(descriptor, at: zip64At, count: 56)
    guard zip64At >= 0, zip64Record.count == 56, uint32(zip64Record, 0) == 0x0606_4B50 else {
      throw .malformed("the ZIP64 end record is missing")
    }
    let count = uint64(zip64Record, 32)
    guard count <= UInt64(maximumMembers) else { throw .tooManyMembers }
    record.count = Int(count)
    record.size = Int64(bitPattern: uint64(zip64Record, 40))
    record.offset = Int64(bitPattern: uint64(zip64Record, 48))
    return record
  }

  /// The central directory entry at `position`, which moves past it.
  static func member(in directory: [UInt8], at position: inout Int, fileSize: Int64)
    throws(Failure) -> Member
  {
    let at = position
    guard at + 46 <= directory.count, uint32(directory, at) == 0x0201_4B50 else {
      throw .malformed("a central directory entry is damaged")
    }
    let flags = uint16(directory, at + 8)
    let nameLength = Int(uint16(directory, at + 28))
    let extraLength = Int(uint16(directory, at + 30))
    let commentLength = Int(uint16(directory, at + 32))
    let next = at + 46 + nameLength + extraLength + commentLength
    guard next <= directory.count else { throw .malformed("a central directory entry is damaged") }
    let nameBytes = directory[(at + 46)..<(at + 46 + nameLength)]
    let name = String(decoding: nameBytes, as: UTF8.self)
    var member = Member(
      name: name, method: Int(uint16(directory, at + 10)),
      compressedSize: Int64(uint32(directory, at + 20)),
      declaredSize: Int64(uint32(directory, at + 24)),
      localHeaderOffset: Int64(uint32(directory, at + 42)), encrypted: flags & 1 != 0)
    try readZip64(
      Array(directory[(at + 46 + nameLength)..<(at + 46 + nameLength + extraLength)]),
      into: &member)
    guard isSafe(name), !nameBytes.contains(0) else { throw .unsafeName(name) }
    guard member.compressedSize >= 0, member.localHeaderOffset >= 0,
      member.localHeaderOffset <= fileSize - 30,
      member.compressedSize <= fileSize - 30 - member.localHeaderOffset
    else { throw .malformed("the member '\(name)' runs past the end of the file") }
    position = next
    return member
  }

  /// The ZIP64 extra field's sizes and offset, where the 32-bit fields
  /// say to look there.
  static func readZip64(_ extra: [UInt8], into member: inout Member) throws(Failure) {
    var at = 0
    while at + 4 <= extra.count {
      let id = uint16(extra, at)
      let size = Int(uint16(extra, at + 2))
      guard at + 4 + size <= extra.count else { break }
      if id == 0x0001 {
        var field = at + 4
        func next() throws(Failure) -> Int64 {
          guard field + 8 <= at + 4 + size else {
            throw .malformed("the member '\(member.name)' has a short ZIP64 field")
          }
          defer { field += 8 }
          return Int64(bitPattern: uint64(extra, field))
        }
        if member.declaredSize == 0xFFFF_FFFF { member.declaredSize = try next() }
        if member.compressedSize == 0xFFFF_FFFF { member.compressedSize = try next() }
        if member.localHeaderOffset == 0xFFFF_FFFF { member.localHeaderOffset = try next() }
      }
      at += 4 + size
    }
  }

  /// A relative path inside the archive: no `..`, no leading slash or
  /// backslash, no drive letter.
  static func isSafe(_ name: String) -> Bool {
    guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("\\") else { return false }
    let segments = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    if segments.contains(where: { $0 == ".." }) { return false }
    if let first = segments.first, first.count == 2, first.last == ":" { return false }
    return true
  }

  // MARK: - Bytes

  static func read(_ descriptor: Int32, at offset: Int64, count: Int) -> [UInt8] {
    guard count > 0, offset >= 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map {
          pread(descriptor, $0 + done, count - done, off_t(offset) + off_t(done))
        } ?? -1
      }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      done += got
    }
    return Array(bytes.prefix(done))
  }

  static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
  }

  static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
    UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
  }
}
