using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Config;

/// <summary>A candidate's sampling and output settings (<c>candidates.NAME.settings</c>); part of its identity.</summary>
/// <param name="ReasoningEffort">none, low, medium, high or extra-high.</param>
/// <param name="ResponseFormat">text, json_object or json_schema (with <paramref name="ResponseSchema"/>).</param>
/// <param name="ToolChoice">auto, none, required, or the name of the one tool the model must call.</param>
/// <param name="Temperature">Sampling temperature; null: the provider's default.</param>
/// <param name="TopP">Nucleus-sampling probability mass; null: the provider's default.</param>
/// <param name="MaxOutputTokens">Cap on tokens the model may generate per call.</param>
/// <param name="Seed">Sampling seed, for providers that honour one.</param>
/// <param name="Stop">Sequences that end generation when produced.</param>
/// <param name="ResponseSchema">The JSON schema the answer must follow, when <paramref name="ResponseFormat"/> is json_schema.</param>
/// <param name="ResponseSchemaName">The name sent with <paramref name="ResponseSchema"/>.</param>
public sealed record ModelSettings(
    double? Temperature = null,
    double? TopP = null,
    int? MaxOutputTokens = null,
    long? Seed = null,
    IReadOnlyList<string>? Stop = null,
    string? ReasoningEffort = null,
    string? ResponseFormat = null,
    JsonObject? ResponseSchema = null,
    string? ResponseSchemaName = null,
    string? ToolChoice = null)
{
    /// <summary>No settings: the provider's defaults.</summary>
    public static ModelSettings None { get; } = new();

    // The values the config reader accepts; only it reads them, so they stay off the public surface.
    internal static readonly string[] Formats = ["text", "json_object", "json_schema"];
    internal static readonly string[] Efforts = ["none", "low", "medium", "high", "extra-high"];

    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => Describe().Length == 0;

    /// <summary>A canonical, stable text of what is set (e.g. <c>seed=7 temperature=0</c>): shown in reports and part of the identity.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Temperature is { } t) parts.Add("temperature=" + t.ToString(CultureInfo.InvariantCulture));
        if (TopP is { } p) parts.Add("top-p=" + p.ToString(CultureInfo.InvariantCulture));
        if (MaxOutputTokens is { } m) parts.Add("max-output-tokens=" + m.ToString(CultureInfo.InvariantCulture));
        if (Seed is { } s) parts.Add("seed=" + s.ToString(CultureInfo.InvariantCulture));
        if (Stop is { Count: > 0 }) parts.Add("stop=" + JsonSerializer.Serialize(Stop));
        if (ReasoningEffort is { } r) parts.Add("reasoning-effort=" + r);
        if (ResponseFormat is { } f)
        {
            // The schema's text is hashed, not printed: identities stay one line in reports.
            var schema = ResponseSchema is null ? "" : ":" + Hash(ResponseSchema.ToJsonString());
            parts.Add("response-format=" + f + schema);
        }
        if (ToolChoice is { } c) parts.Add("tool-choice=" + c);
        return string.Join(' ', parts);
    }

    /// <summary>Sets these settings on a request's options (a case's own response format is applied after, and wins).</summary>
    public void ApplyTo(ChatOptions options)
    {
        if (Temperature is { } t) options.Temperature = (float)t;
        if (TopP is { } p) options.TopP = (float)p;
        if (MaxOutputTokens is { } m) options.MaxOutputTokens = m;
        if (Seed is { } s) options.Seed = s;
        if (Stop is { Count: > 0 }) options.StopSequences = [.. Stop];
        if (ReasoningEffort is { } r) options.Reasoning = new ReasoningOptions { Effort = Effort(r) };
        if (ResponseFormat is { } f) options.ResponseFormat = Format(f, ResponseSchema, ResponseSchemaName);
        if (ToolChoice is { } c) options.ToolMode = c switch
        {
            "auto" => ChatToolMode.Auto,
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            _ => ChatToolMode.RequireSpecific(c),
        };
    }

    /// <summary>The M.E.AI response format for <c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
    public static ChatResponseFormat Format(string format, JsonObject? schema, string? name) => format switch
    {
        "json_object" => ChatResponseFormat.Json,
        "json_schema" when schema is not null => ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(schema), name ?? "response"),
        "json_schema" => ChatResponseFormat.Json,
        _ => ChatResponseFormat.Text,
    };

    private static ReasoningEffort Effort(string effort) => effort switch
    {
        "none" => Microsoft.Extensions.AI.ReasoningEffort.None,
        "low" => Microsoft.Extensions.AI.ReasoningEffort.Low,
        "high" => Microsoft.Extensions.AI.ReasoningEffort.High,
        "extra-high" => Microsoft.Extensions.AI.ReasoningEffort.ExtraHigh,
        _ => Microsoft.Extensions.AI.ReasoningEffort.Medium,
    };

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));
}
