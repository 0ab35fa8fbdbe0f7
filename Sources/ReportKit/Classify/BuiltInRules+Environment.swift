/// The machine the tests ran on was not set up for them: a package, an executable, a variable,
/// a file or a permission the run needs is missing. Read before the code's own exceptions, so
/// `TypeError: ... requires the cryptography library` is the set-up, not the code.
extension BuiltInRules {
  static let environment: [Rule] = [
    Rule(
      "missing_dependency", .infrastructure, .exception,
      "A package the tests need is not installed where they ran: the environment's dependencies, not the code.",
      Matcher(
        anyText: [
          "missing dependenc", "not installed", "pip install", "requires the", "require the", "please install",
          "must be installed", "cannot find module", "cannot find package", "is required", "are required", "no matching distribution",
        ],
        text: re(
          #"missing (optional )?dependenc(y|ies)|\b(is|are) not installed\b|\bpip install\b|"#
            + #"requires? (the )?['"`]?[\w.\-]+['"`]? (library|package|module|extra)\b|please install\b|must be installed\b|"#
            + #"cannot find (module|package) '(?![./])[^']+'|\b[\w.\-]+ (library|package|module) (is|are) required\b|no matching distribution"#
        )),
      examples: [
        .yes("requests.exceptions.InvalidSchema: Missing dependencies for SOCKS support.", type: "requests.exceptions.InvalidSchema"),
        .yes("TypeError: Using ad-hoc certificates requires the cryptography library.", type: "TypeError"),
        .yes("Error: Cannot find module 'pg'\nRequire stack:\n- /app/db.js"),
        .yes("RuntimeError: the 'brotli' package is not installed", type: "RuntimeError"),
        .no("Error: Cannot find module './orders'"),
        .no("ImportError: cannot import name 'parse' from 'dotenv.variables'", type: "ImportError"),
        .no("ValidationError: field 'email' is required", type: "ValidationError"),
      ]),
    Rule(
      "missing_module", .infrastructure, .exception, .low,
      "A top-level module is not importable: a package not installed, or the project itself not on the path (set-up); a renamed module of the project is `import_error`.",
      Matcher(anyText: ["no module named"], text: re(#"no module named '[a-z_][a-z0-9_]*'(?!\.)"#)),
      examples: [
        .yes("ModuleNotFoundError: No module named 'socks'", type: "ModuleNotFoundError", phase: .collection),
        .no("ModuleNotFoundError: No module named 'app.billing'", type: "ModuleNotFoundError"),
      ]),
    Rule(
      "missing_executable", .infrastructure, .exception,
      "A program the tests run is not on the PATH of the machine: the environment, not the code.",
      Matcher(
        anyText: [
          "not found", "commandnotfound", "no such file or directory", "enoent", "is not recognized as an internal or external command",
          "cannot run program", "127", "which: no ",
        ],
        text: re(
          #"\b(sh|bash|dash|zsh)(: line \d+| \d+)?: (\d+: )?[\w.+\-/]+: (command )?not found|command not found|CommandNotFound|"#
            + #"executable file not found in \$PATH|\bspawn(Sync)? [^\s]+ ENOENT|\[Errno 2\] No such file or directory: '[^/.'\s]+'|"#
            + #"is not recognized as an internal or external command|Cannot run program "[^"]+"|"#
            + #"(exit (status|code)|return(ed)? code|returncode|non-zero exit status)[:= ]*127\b|which: no [^\s]+ in"#
        )),
      examples: [
        .yes("FileNotFoundError: [Errno 2] No such file or directory: 'dotenv'", type: "FileNotFoundError"),
        .yes("plumbum.commands.processes.CommandNotFound: ('ls', [<LocalPath src/.onlypy>])"),
        .yes("AssertionError: Non-zero return code: 127, stderr: /bin/sh: 1: head: not found", type: "AssertionError"),
        .yes("Error: spawnSync git ENOENT"),
        .yes("exec: \"docker\": executable file not found in $PATH"),
        .yes("java.io.IOException: Cannot run program \"kubectl\": error=2, No such file or directory"),
        .no("FileNotFoundError: [Errno 2] No such file or directory: 'fixtures/orders.json'", type: "FileNotFoundError"),
        .no("AssertionError: assert 'not found' in body", type: "AssertionError"),
      ]),
    Rule(
      "filesystem_permission", .infrastructure, .exception,
      "The file system refused the test a read or write (a read-only directory, another user's files): the machine's set-up.",
      Matcher(
        anyText: [
          "errno 13]", "permissionerror", "eacces", "eperm", "operation not permitted", "read-only file system", "errno 30]", "erofs",
          "accessdeniedexception", "access to the path",
        ]),
      examples: [
        .yes("PermissionError: [Errno 13] Permission denied: 'src/.ro/basetemp'", type: "PermissionError"),
        .yes("Error: EACCES: permission denied, open 'src/exports/items.csv'"),
        .yes("OSError: [Errno 30] Read-only file system: '/app/cache'", type: "OSError"),
        .yes("java.nio.file.AccessDeniedException: /var/lib/app/out.csv"),
        .no("AssertionError: {'error': 'forbidden', 'detail': 'permission denied for role viewer'}"),
      ]),
    Rule(
      "missing_env_var", .infrastructure, .exception,
      "A setting the tests read from the environment was not set where they ran (CI variables, .env).",
      Matcher(
        anyText: ["environment variable", "env var", "environ", "getenv", "keyerror", "not set", "is required", "missing required"],
        text: re(
          #"(environment variable|env var|environ(ment)?\[|getenv\(|os\.environ)[^\n]{0,40}?(?-i:[A-Z][A-Z0-9_]{2,})|"#
            + #"(?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+)['"]? (is )?(not set|unset|undefined|missing|required)|"#
            + #"KeyError: ['"](?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+)['"]"#,
          orShape: UpperCaseShapes.name
        )),
      examples: [
        .yes("KeyError: 'DATABASE_URL'", type: "KeyError"),
        .yes("RuntimeError: environment variable ORDERS_BASE_URL is not set", type: "RuntimeError"),
        .yes("Error: API_BASE_URL is required"),
        .no("KeyError: 'order_id'", type: "KeyError"),
        .no("KeyError: 'ID'", type: "KeyError"),
      ]),
    Rule(
      "missing_config_file", .infrastructure, .exception, .medium,
      "A configuration file the tests load is not where they look: the checkout or the environment, not the code.",
      Matcher(
        anyText: ["no such file", "enoent", "filenotfound", "not found", "does not exist", "cannot find", "could not find"],
        text: re(
          #"(no such file or directory|enoent|filenotfound\w*|not found|does not exist|cannot find|could not find)[^\n]{0,100}?"#
            + #"(\.(ya?ml|toml|ini|cfg|conf|properties|env)\b|\bconfig\b|\bsettings\b|\.env\b)"#
        )),
      examples: [
        .yes("FileNotFoundError: [Errno 2] No such file or directory: 'config/staging.yaml'", type: "FileNotFoundError"),
        .yes("Error: ENOENT: no such file or directory, open '/app/.env'"),
        .no("FileNotFoundError: [Errno 2] No such file or directory: 'fixtures/orders.json'", type: "FileNotFoundError"),
      ]),
    Rule(
      "server_feature_disabled", .infrastructure, .exception, .medium,
      "A service the tests use runs without a feature or setting they need (its configuration, not the code).",
      Matcher(anyText: [
        "command not allowed", "prepared transactions are disabled", "max_prepared_transactions", "is not enabled on this server",
        "could not open extension control file", "extension is not available", "unknown command", "not compiled with",
        "feature is not enabled", "is disabled on this server",
      ]),
      examples: [
        .yes("redis.exceptions.ResponseError: DEBUG command not allowed. If the enable-debug-command option is set to \"local\"..."),
        .yes("sqlalchemy.exc.OperationalError: (psycopg2.errors.ObjectNotInPrerequisiteState) prepared transactions are disabled"),
        .no("AssertionError: assert 'disabled' == 'enabled'"),
      ]),
    Rule(
      "download_failed", .infrastructure, .exception, .medium,
      "The run had to download something and could not: the network or the package index, not the code.",
      Matcher(anyText: [
        "failed to download", "failing to download", "could not download", "download failed", "error downloading", "unable to download",
      ]),
      examples: [
        .yes("RuntimeError: seed failed due to failing to download wheels wheel", type: "RuntimeError"),
        .no("AssertionError: assert downloads == 3"),
      ]),
    Rule(
      "test_timeout", .infrastructure, .exception, .low,
      "The test runner stopped a test that ran past its time limit: a service that never answered, or a hang in the test or code. Listed for triage.",
      Matcher(
        anyText: [
          "from pytest-timeout", "timeout (>", "exceeded timeout of", "test timed out", "timeout of", "ms exceeded",
        ], text: re(#"from pytest-timeout|Timeout \(>[\d.]+s\)|exceeded timeout of \d+|test timed out|timeout of \d+ ?ms exceeded"#)),
      examples: [
        .yes("Failed: Timeout (>30.0s) from pytest-timeout."),
        .yes("Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure \"done()\" is called"),
        .yes("thrown: \"Exceeded timeout of 5000 ms for a test.\""),
        .no("assert settings['timeout'] == 30"),
      ]),
  ]
}
