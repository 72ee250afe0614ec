#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether console output should be coloured.
public enum TerminalColour {
    /// Colour unless disabled, `NO_COLOR` is set to a non-empty value (no-color.org), or standard output is not a
    /// terminal.
    public static func shouldColour(disabled: Bool = false, environment: [String: String]) -> Bool {
        if disabled { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
