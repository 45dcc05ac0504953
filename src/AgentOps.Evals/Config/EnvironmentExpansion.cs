using System.Text.RegularExpressions;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Config;

/// <summary>Fills <c>${NAME}</c> in a config value from the environment when the value is used; an unset variable is bad input
/// naming the variable, the config file and the field (exit 2). The expanded value is never echoed: it may be a secret.</summary>
internal static partial class EnvironmentExpansion
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    /// <summary><paramref name="text"/> with every <c>${NAME}</c> replaced by the variable's value.</summary>
    public static string Expand(string text, string configFile, string field, string purpose) =>
        Placeholder().Replace(text, m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Value) is { Length: > 0 } value
                ? value
                : throw new InputException(new Problem(ConfigFieldLocator.Locate(configFile, field), field,
                    $"environment variable {m.Groups[1].Value} is not set; it {purpose}: set it, or run on cassettes with the replay provider")));
}
