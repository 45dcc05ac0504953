using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// The kinds of string that may leave the harvester without the anonymizer because their shape cannot carry PII:
/// tool names that are identifiers, model ids, short lower-case tokens (feedback category, tier, finish reason), hex
/// hashes, message roles. Anything else is anonymized (deny by default).
/// </summary>
internal static partial class AllowListedKinds
{
    /// <summary>An identifier whose every word is a common word ("lookup_order", "getShipment"); "kwame_rautio" is not one.</summary>
    public static bool IsToolName(string value) => ToolName().IsMatch(value) && IsMadeOfWords(value);

    public static bool IsModelId(string value) => ModelId().IsMatch(value) && !value.Contains('@');

    /// <summary>A category, tier or finish reason: one short lower-case word or code.</summary>
    public static bool IsToken(string value) => Token().IsMatch(value) && IsMadeOfWords(value);

    /// <summary>
    /// Deny by default inside identifiers: every part between separators and camel humps is a common word, a number, or at
    /// most two letters (id, v2); so a tool name, JSON key, tier or category cannot carry a name.
    /// </summary>
    internal static bool IsMadeOfWords(string value)
    {
        foreach (Match part in IdentifierPart().Matches(value))
        {
            var word = part.Value;
            if (word.Length <= 2 || word.All(char.IsAsciiDigit)) continue;
            if (!Vocabulary.IsCommon(word)) return false;
        }
        return true;
    }

    // Words of an identifier: "getOrderID_v2" -> get, Order, ID, v, 2.
    [GeneratedRegex(@"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPart();

    public static bool IsHash(string value) => Hash().IsMatch(value);

    public static bool IsRole(string value) => value is "user" or "assistant" or "system" or "tool" or "developer";

    // snake_case / camelCase / kebab identifiers, no dots or @: "send_invoice_to_bianca.rossi@example.it" is not one.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ToolName();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._:/\-]{0,79}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ModelId();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?:sha256:|sha1:|md5:)?[0-9a-f]{6,64}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Hash();
}
