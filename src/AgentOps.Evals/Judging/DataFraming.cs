using System.Text;

namespace AgentOps.Evals.Judging;

/// <summary>
/// Puts untrusted text (the response under test, the user's messages, tool results) into a named element with
/// &lt;, &gt; and &amp; escaped, so nothing inside can close the element and speak to the judge as instructions.
/// </summary>
internal static class DataFraming
{
    /// <summary><c>&lt;name&gt;</c>, the escaped text, <c>&lt;/name&gt;</c>, each on its own line.</summary>
    public static string Frame(string name, string text) => $"<{name}>\n{Escape(text)}\n</{name}>";

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
