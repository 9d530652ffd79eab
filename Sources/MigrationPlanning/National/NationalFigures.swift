import Foundation

/// The published national figures (`shared/data/national`) as typed
/// values: the January 2026 PMO progress rates and the December 2025
/// 特定移行支援 list. A file that is not what is expected is refused with
/// its JSON path (`$.municipalities[3].city`), as every input is located.
public enum NationalFigures {
  /// The PMO progress file's name in the data directory.
  public static let progressFile = "pmo-progress-2026-01.json"
  /// The 特定移行支援 list's name in the data directory.
  public static let tokuteiFile = "tokutei-2025-12.json"

  /// `pmo-progress-2026-01.json`: each municipality's January rate per
  /// business (the share of the 40 steps done), under the names the data
  /// uses (住民記録, 選挙人名簿管理 …).
  public struct Progress: Decodable, Sendable {
    /// One municipality.
    public struct Row: Decodable, Sendable {
      /// Its prefecture (北海道).
      public var prefecture: String
      /// Its name without the prefecture (札幌市).
      public var city: String
      /// Share of steps done, by business name.
      public var businessRates: [String: Double]

      enum CodingKeys: String, CodingKey {
        case prefecture, city
        case businessRates = "business_rates"
      }
    }

    /// In the data's order.
    public var municipalities: [Row]
  }

  /// `tokutei-2025-12.json`: the bodies that expected 特定移行支援 systems,
  /// each with the businesses listed.
  public struct TokuteiList: Decodable, Sendable {
    /// One listed body.
    public struct Entry: Decodable, Sendable {
      /// Its local government code (6 digits), when the list gives one.
      public var code: String?
      /// Its prefecture.
      public var prefecture: String
      /// Its name without the prefecture.
      public var city: String
      /// The businesses listed, under the list's names (住民基本台帳 …,
      /// 共通機能).
      public var applicableBusinesses: [String]

      enum CodingKeys: String, CodingKey {
        case code, prefecture, city
        case applicableBusinesses = "applicable_businesses"
      }

      /// `prefecture/city`, the key both files share.
      public var bodyKey: String { prefecture + "/" + city }
    }

    /// In the list's order.
    public var municipalities: [Entry]
  }

  /// The progress file of `dataDirectory`.
  public static func progress(in dataDirectory: String) throws(InputFailure) -> Progress {
    try decode(Progress.self, at: dataDirectory + "/" + progressFile)
  }

  /// The 特定移行支援 list of `dataDirectory`.
  public static func tokuteiList(in dataDirectory: String) throws(InputFailure) -> TokuteiList {
    try decode(TokuteiList.self, at: dataDirectory + "/" + tokuteiFile)
  }

  /// Reads `path` (at most 256 MB) and decodes it as `type`; a file that
  /// is not valid JSON, or not of that shape, is one `data-unreadable`
  /// error naming the JSON path where it differs.
  static func decode<Value: Decodable>(_ type: Value.Type, at path: String) throws(InputFailure)
    -> Value
  {
    let diagnostics = DiagnosticCollector()
    guard let bytes = try FileCheck.readBounded(path, limit: 256 << 20, diagnostics: diagnostics)
    else { throw InputFailure(.invalid, diagnostics.sorted[0]) }
    do {
      return try JSONDecoder().decode(type, from: Data(bytes))
    } catch let error as DecodingError {
      throw InputFailure(
        .invalid,
        Diagnostic(.error, .dataUnreadable, describe(error), at: SourceLocation(file: path)))
    } catch {
      throw InputFailure(
        .invalid,
        Diagnostic(.error, .dataUnreadable, "not JSON", at: SourceLocation(file: path)))
    }
  }

  /// A decoding error in words, with its JSON path.
  static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      "\(jsonPath(context.codingPath + [key])): missing"
    case .typeMismatch(let type, let context):
      "\(jsonPath(context.codingPath)): not \(typeName(type))"
    case .valueNotFound(let type, let context):
      "\(jsonPath(context.codingPath)): null where \(typeName(type)) is expected"
    case .dataCorrupted(let context):
      context.codingPath.isEmpty
        ? "not JSON" : "\(jsonPath(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      "not the JSON expected"
    }
  }

  /// `$.municipalities[3].business_rates.戸籍`.
  static func jsonPath(_ keys: [any CodingKey]) -> String {
    keys.reduce("$") { path, key in
      if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
        return path + "[\(index)]"
      }
      return path + "." + key.stringValue
    }
  }

  /// What a JSON value of `type` is called.
  static func typeName(_ type: Any.Type) -> String {
    if type == String.self { return "a string" }
    if type == Double.self || type == Int.self { return "a number" }
    return String(describing: type).hasPrefix("Array") ? "a list" : "an object"
  }
}
