/// The code under test or the test itself: no transport, status or credential signal.
extension BuiltInRules {
  static let logic: [Rule] = [
    Rule(
      "warning_as_error", .logic, .exception,
      "A warning turned into an error (`-W error`, `filterwarnings = error`): the code uses something deprecated or leaks a resource.",
      Matcher(
        anyText: ["warning"],
        text: re(
          #"(?m)^\s*([\w.]+\.)?(?-i:[A-Z]\w*Warning): |(?-i:PytestUnraisableExceptionWarning)|(?-i:PytestUnhandledThreadExceptionWarning)"#)
      ),
      examples: [
        .yes("DeprecationWarning: 'isolated_filesystem' is deprecated and will be removed in Click 9.0.", type: "DeprecationWarning"),
        .yes(
          "pytest.PytestUnraisableExceptionWarning: Exception ignored in: <socket.socket fd=12>\nResourceWarning: unclosed <socket.socket>"),
        .no("AssertionError: assert 'warning' in log_levels"),
      ]),
    Rule(
      "syntax_error", .logic, .exception,
      "The project's code does not parse: a syntax or indentation error in a module the tests import.",
      Matcher(noneText: ["json", "unexpected token"], exception: re(#"(^|\.)(SyntaxError|IndentationError|TabError)$"#)),
      examples: [
        .yes(
          "  File \"app/orders.py\", line 12\n    def total(self\n             ^\nSyntaxError: '(' was never closed", type: "SyntaxError"),
        .no("SyntaxError: Unexpected token } in JSON at position 12", type: "SyntaxError"),
      ]),
    Rule(
      "import_name_missing", .logic, .exception, .low,
      "A module lacks a name another imports: renamed code, or an installed dependency of another version. Listed for triage.",
      Matcher(anyText: ["cannot import name"]),
      examples: [
        .yes("ImportError: cannot import name 'parse_variables' from 'dotenv.variables' (src/dotenv/variables.py)"),
        .no("ModuleNotFoundError: No module named 'app.billing'"),
      ]),
    Rule(
      "import_error", .logic, .exception, .medium,
      "A module of the project failed to import (a renamed or moved module); a missing package is `missing_dependency`.",
      Matcher(exception: re(#"(^|\.)(ModuleNotFoundError|ImportError|ClassNotFoundException|NoClassDefFoundError)$"#)),
      examples: [
        .yes("ModuleNotFoundError: No module named 'app.billing'", type: "ModuleNotFoundError", phase: .collection),
        .yes("java.lang.NoClassDefFoundError: com/acme/Order", type: "java.lang.NoClassDefFoundError"),
        .no("KeyError: 'x'", type: "KeyError"),
      ]),
    Rule(
      "import_error_text", .logic, .exception, .medium,
      "A collection error that names an import failure (pytest prints no exception type for these).",
      Matcher(anyText: [
        "modulenotfounderror", "importerror while importing", "no module named", "cannot import name", "cannot find module",
      ]),
      examples: [
        .yes("ImportError while importing test module '/src/tests/test_x.py'."), .yes("Error: Cannot find module './orders'"),
        .no("assert modules == []"),
      ]),
    Rule(
      "event_loop_misuse", .logic, .exception,
      "asyncio used wrongly by the test or the code: a closed loop, a future from another loop, a coroutine never awaited.",
      Matcher(anyText: [
        "event loop is closed", "attached to a different loop", "this event loop is already running", "was never awaited",
        "no running event loop", "cannot be called from a running event loop", "no current event loop",
      ]),
      examples: [
        .yes("RuntimeError: Task <Task pending> got Future <Future pending> attached to a different loop"),
        .yes("RuntimeError: Event loop is closed"),
        .no("asyncio.exceptions.TimeoutError"),
      ]),
    Rule(
      "code_exception", .logic, .exception,
      "An exception raised by the code or the test itself (a type, key, attribute or null error), with no sign of a service.",
      Matcher(
        exception: re(
          #"(^|\.)(TypeError|KeyError|AttributeError|ValueError|IndexError|NameError|ZeroDivisionError|UnboundLocalError|RecursionError|"#
            + #"NotImplementedError|LookupError|JSONDecodeError|ValidationError|NullPointerException|IllegalArgumentException|"#
            + #"IllegalStateException|ClassCastException|ArrayIndexOutOfBoundsException|IndexOutOfBoundsException|NumberFormatException|"#
            + #"UnsupportedOperationException|ReferenceError|RangeError|NullReferenceException|InvalidOperationException|"#
            + #"ArgumentException|ArgumentNullException|FormatException|KeyNotFoundException|RuntimeError|Exception|Error)$"#)),
      examples: [
        .yes("KeyError: 'items'", type: "KeyError"),
        .yes("java.lang.NullPointerException", type: "java.lang.NullPointerException"),
        .yes("TypeError: Cannot read properties of undefined (reading 'id')", type: "TypeError"),
        .no("AssertionError: assert 1 == 2", type: "AssertionError"),
      ]),
    Rule(
      "code_exception_text", .logic, .exception, .medium,
      "The text names an exception of the code (Go panics, JS type errors, Python errors) where no type was recorded.",
      Matcher(
        anyText: [
          "typeerror", "keyerror", "attributeerror", "valueerror", "indexerror", "nameerror", "zerodivisionerror", "nullpointerexception",
          "illegalargumentexception", "illegalstateexception", "referenceerror", "nullreferenceexception", "panic: runtime error",
          "nil pointer dereference", "index out of range",
        ],
        text: re(
          #"\b(TypeError|KeyError|AttributeError|ValueError|IndexError|NameError|ZeroDivisionError|NullPointerException|"#
            + #"IllegalArgumentException|IllegalStateException|ReferenceError|NullReferenceException)\b|panic: runtime error|nil pointer dereference|index out of range"#
        )),
      examples: [
        .yes("panic: runtime error: invalid memory address or nil pointer dereference"),
        .yes("AttributeError: 'NoneType' object has no attribute 'json'"),
        .no("assert 1 == 2"),
      ]),
    Rule(
      "assertion_mismatch", .logic, .assertion,
      "An assertion compared values and they differed, with no transport, status or credential signal behind it.",
      Matcher(
        text: re(
          #"(?m)^\s*(E\s+)?(AssertionError: )?assert\b|ComparisonFailure|"#
            + #"\bexpected\b[\s\S]{0,200}\b(but (was|got|found|received)|to (equal|be|contain|have)|, got|received)\b|"#
            + #"\bXCTAssert|\bExpectation failed|DID NOT RAISE|\bnot equal\b|\bExpected:|\bActual:|\bto equal\b|\btoBe\(|\bshould (be|equal|have)\b"#,
          // One word of each alternative (`expect` stands for `expected` and `Expectation`).
          requiring: ["assert", "comparisonfailure", "expect", "did not raise", "not equal", "actual:", "to equal", "tobe(", "should "]
        )),
      examples: [
        .yes("assert 99.5 == (3 * 33.0)"),
        .yes("org.opentest4j.AssertionFailedError: expected: <3> but was: <4>"),
        .yes("Expected: 3\nReceived: 4"),
        .yes("XCTAssertEqual failed: (\"1\") is not equal to (\"2\")"),
        .yes("AssertionError: assert 'a' in ['b']"),
        .yes("Failed: DID NOT RAISE <class 'ValueError'>"),
        .no("KeyError: 'items'"),
        .no("AssertionError"),
      ]),
    Rule(
      "assertion_type", .logic, .assertion, .low,
      "A bare assertion failure: nothing compared is shown and no other signal exists. Listed for triage.",
      Matcher(
        exception: re(
          #"(^|\.)(AssertionError|AssertionFailedError|ComparisonFailure|AssertError|ExpectationNotMetError|Failure|AssertionFailure)$"#)),
      examples: [
        .yes("AssertionError", type: "AssertionError"), .yes("values differ", type: "org.opentest4j.AssertionFailedError"),
        .no("", type: "KeyError"),
      ]),
    Rule(
      "unclassified", .logic, .fallback, .low,
      "Nothing stronger matched: read as a failure of the code or the test until someone looks. Listed for triage.",
      Matcher(),
      examples: [.yes("something odd happened"), .yes("")]),
  ]

  /// Skip reasons that mean the environment was down: read for the false-green check, never
  /// for a failure (a failure has no skip reason).
  static let skips: [Rule] = [
    Rule(
      "skip_environment_unavailable", .infrastructure, .status,
      "The test was skipped because a service or the environment was down: it proved nothing, and the run looks greener than it is.",
      Matcher(
        skipReason: re(
          #"unavailable|not available|not reachable|unreachable|connection refused|could not connect|cannot connect|is down|\bdown\b|"#
            + #"offline|not running|not responding|no (staging|backend|server|database|network)|timed out|health ?check|requires? (network|staging|a running)"#
        )),
      examples: [
        .yes("", skip: "staging environment unavailable"),
        .yes("", skip: "Redis not reachable at localhost:6379"),
        .no("", skip: "only runs on Windows"),
        .no("staging unavailable"),
      ])
  ]
}
