using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Cases;

/// <summary>
/// Reads plain YAML scalars the YAML 1.2 core-schema way (numbers, true/false, null/~), the one rule both the
/// loader and <see cref="GoldenCaseWriter"/> follow so a written string never comes back as a number.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>The JSON value a plain (unquoted) scalar stands for.</summary>
    public static JsonNode? ResolvePlain(string text)
    {
        if (IsNull(text)) return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntPattern().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return Number(l.ToString(CultureInfo.InvariantCulture));
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)) return Number(big.ToString(CultureInfo.InvariantCulture));
        }
        if (HexPattern().IsMatch(text) && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return Number(hex.ToString(CultureInfo.InvariantCulture));
        if (OctalPattern().IsMatch(text))
        {
            try { return Number(Convert.ToInt64(text[2..], 8).ToString(CultureInfo.InvariantCulture)); }
            catch (OverflowException) { return JsonValue.Create(text); }
        }
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return Number(d.ToString("R", CultureInfo.InvariantCulture));
        // .inf and .nan have no JSON form; they stay text.
        return JsonValue.Create(text);
    }

    /// <summary>
    /// Numbers are built the way JSON parsing builds them (backed by a JsonElement), so readers can ask for
    /// int, long, double or decimal alike; a JsonValue made from a long answers only to long.
    /// </summary>
    private static JsonNode Number(string jsonNumber) => JsonNode.Parse(jsonNumber)!;

    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>True when the text, written as a plain scalar, would read back as this same string.</summary>
    public static bool ReadsBackAsString(string text) =>
        ResolvePlain(text) is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
        && !text.Equals(".inf", StringComparison.OrdinalIgnoreCase) && !text.Equals("-.inf", StringComparison.OrdinalIgnoreCase)
        && !text.Equals("+.inf", StringComparison.OrdinalIgnoreCase) && !text.Equals(".nan", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^0o[0-7]+$")]
    private static partial Regex OctalPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
