using System.Globalization;
using System.Text;

namespace AgentOps.Evals.Reporting;

/// <summary>Makes text that came from a model (replies, judge reasons, provider errors) safe for one output: a terminal,
/// Markdown, or a length limit. A reply is data, so it may never drive the reader's terminal or inject HTML.</summary>
public static class ModelText
{
    /// <summary>Control characters (ESC sequences, OSC-8 links, bells, C1 controls, bidi overrides) shown as visible
    /// escapes such as <c>\x1b</c>; newlines and tabs stay.</summary>
    public static string ForTerminal(string text)
    {
        if (!text.Any(IsUnsafe)) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c)) builder.Append(c);
            else if (c <= 0xff) builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>HTML in a reply (<c>&lt;img&gt;</c>, <c>&lt;a&gt;</c>, <c>&lt;/details&gt;</c>) as literal text in Markdown, so GitHub renders it, never runs or lays it out.</summary>
    public static string ForMarkdown(string text) => ForTerminal(text)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>At most <paramref name="maxChars"/> UTF-16 units, cut between text elements (never inside a surrogate pair
    /// or an emoji sequence), with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + enumerator.GetTextElement().Length;
            if (next > maxChars) break;
            end = next;
        }
        return text[..end] + "…";
    }

    private static bool IsUnsafe(char c) =>
        (c < 0x20 && c is not '\n' and not '\t') || c is >= '\x7f' and <= '\x9f'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
