using System.Text;

namespace AgentOps.Evals.Evaluation;

/// <summary>Short, single-line quotes of a response for failure reasons: a person reads them in a terminal or a PR comment.</summary>
internal static class Excerpt
{
    public const int DefaultLength = 120;

    /// <summary>"response began: '…'" or "response was empty".</summary>
    public static string ResponseBegan(string output) =>
        output.Length == 0 ? "response was empty" : $"response began: '{Of(output)}'";

    /// <summary>The first <paramref name="max"/> characters on one line, with an ellipsis when cut.</summary>
    public static string Of(string text, int max = DefaultLength) => Window(text, 0, max);

    /// <summary>The text around a match at <paramref name="index"/>, with ellipses on the cut sides.</summary>
    public static string Around(string text, int index, int length, int max = DefaultLength)
    {
        var start = Math.Max(0, index - Math.Max(0, (max - length) / 2));
        return Window(text, start, max);
    }

    private static string Window(string text, int start, int max)
    {
        var end = Math.Min(text.Length, start + max);
        // Never split an emoji or other surrogate pair: a lone half is invalid text in JSON and JUnit reports.
        if (end < text.Length && end > start && char.IsHighSurrogate(text[end - 1]))
            end--;
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]))
            start++;
        var builder = new StringBuilder(end - start + 2);
        if (start > 0)
            builder.Append('…');
        var lastWasSpace = false;
        for (var i = start; i < end; i++)
        {
            // Newlines and tabs would break the one-line reason; runs of whitespace collapse to one space.
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                    builder.Append(' ');
                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }
        if (end < text.Length)
            builder.Append('…');
        return builder.ToString();
    }
}
