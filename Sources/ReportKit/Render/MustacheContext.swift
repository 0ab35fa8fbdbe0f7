internal import Mustache

/// The one adapter between typed views and the template engine: a view struct (`ReportView`,
/// `PageView`) becomes, once per render, a tree of name-to-value lookups the templates read.
///
/// Reflection runs once per struct here; left to the engine it would reflect every struct again
/// for each name looked up, and again for each enclosing view a missing name is looked for in.
/// Nil fields are left out, as if absent: Mustache would otherwise print "nil" and take a nil as
/// true. Lists become lists of converted values; numbers, strings and booleans stay as they are.
struct MustacheContext: MustacheParent {
  private let fields: [String: Any]

  func child(named name: String) -> Any? { fields[name] }

  /// The context of `view`: its stored properties by name, converted all the way down.
  static func of(_ view: Any) -> Any { convert(view) ?? view }

  private static func convert(_ value: Any) -> Any? {
    if let optional = value as? OptionalValue { return optional.wrapped.flatMap(convert) }
    switch value {
    case is String, is Int, is Bool, is Double: return value
    case let list as [Any]: return list.compactMap(convert)
    default: break
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct:
      var fields: [String: Any] = [:]
      for child in mirror.children {
        guard let label = child.label, let v = convert(child.value) else { continue }
        fields[label] = v
      }
      return MustacheContext(fields: fields)
    default: return value
    }
  }
}

/// An `Optional` of any type, seen through `Any`.
private protocol OptionalValue {
  var wrapped: Any? { get }
}

extension Optional: OptionalValue {
  fileprivate var wrapped: Any? { self.map { $0 } }
}
