using System.Text.Json;

namespace AgentOps.Evals.Evaluation.Structure;

/// <summary>Finds the JSON in a response: the whole output, or else its first <c>```json</c> fenced block.</summary>
internal static class JsonOutput
{
    private const string Fence = "```";

    /// <summary>Parses the response's JSON with <paramref name="parse"/>; on failure, <paramref name="error"/> says what went wrong.</summary>
    /// <param name="output">The model's whole response text.</param>
    /// <param name="parse">Parses a JSON text, throwing on malformed input (its message becomes <paramref name="error"/>).</param>
    /// <param name="value">The parsed value, when parsing succeeded.</param>
    /// <param name="json">The JSON text that parsed (the whole trimmed output or the fenced block's body).</param>
    /// <param name="error">Why no JSON parsed; empty on success.</param>
    public static bool TryParse<T>(string output, Func<string, T> parse, out T? value, out string json, out string error)
    {
        var whole = output.AsSpan().Trim();
        string? wholeError = null;
        // Only attempt the whole output when it can start a JSON value: prose with a fenced block is the common case, and a thrown parse error is costly.
        if (whole.Length > 0 && CanStartJson(whole[0]))
        {
            json = whole.Length == output.Length ? output : whole.ToString();
            if (TryRun(parse, json, out value, out wholeError))
            {
                error = "";
                return true;
            }
        }

        if (TryFindFence(output, out var fenced))
        {
            json = fenced;
            if (TryRun(parse, fenced, out value, out var fenceError))
            {
                error = "";
                return true;
            }
            error = $"the ```json block does not parse: {fenceError}";
            return false;
        }

        value = default;
        json = "";
        error = whole.Length == 0 ? "the response is empty"
            : wholeError is not null ? $"not valid JSON: {wholeError}"
            : "not JSON and has no ```json block";
        return false;
    }

    /// <summary>The body of the first <c>```json</c> block; an unclosed block runs to the end.</summary>
    public static bool TryFindFence(string output, out string body)
    {
        var open = output.IndexOf(Fence + "json", StringComparison.OrdinalIgnoreCase);
        if (open < 0)
        {
            body = "";
            return false;
        }
        var start = output.IndexOf('\n', open);
        start = start < 0 ? output.Length : start + 1;
        var close = output.IndexOf(Fence, start, StringComparison.Ordinal);
        body = output[start..(close < 0 ? output.Length : close)].Trim();
        return true;
    }

    private static bool TryRun<T>(Func<string, T> parse, string json, out T? value, out string? error)
    {
        try
        {
            value = parse(json);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            value = default;
            error = e.Message;
            return false;
        }
    }

    private static bool CanStartJson(char c) =>
        c is '{' or '[' or '"' or '-' or 't' or 'f' or 'n' || char.IsAsciiDigit(c);
}
