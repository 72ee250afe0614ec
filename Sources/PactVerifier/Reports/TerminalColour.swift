#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether console output should be coloured: the one rule every coloured output of PactKit follows.
public enum TerminalColour {
    /// Colour unless `disabled` (`--no-colour`), `NO_COLOR` is set to a non-empty value (no-color.org: an empty one
    /// does not count), or the output is not a `terminal`.
    public static func shouldColour(disabled: Bool, environment: [String: String], terminal: Bool) -> Bool {
        if disabled { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return terminal
    }

    /// The rule for output written to `fileDescriptor` (standard output by default): a terminal is what `isatty`
    /// says.
    public static func shouldColour(
        disabled: Bool = false, environment: [String: String], fileDescriptor: Int32 = STDOUT_FILENO
    ) -> Bool {
        shouldColour(disabled: disabled, environment: environment, terminal: isatty(fileDescriptor) == 1)
    }
}
