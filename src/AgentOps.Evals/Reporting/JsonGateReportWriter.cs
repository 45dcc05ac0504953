using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Reporting;

/// <summary>The verdict as JSON for machines, versioned by <c>schemaVersion</c> and documented in docs/gate-json.md.</summary>
public sealed class JsonGateReportWriter : IGateReportWriter
{
    /// <summary>Bumped on any change a consumer could notice other than a new field.</summary>
    public const int SchemaVersion = 3;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Undefined figures (no trials) are NaN and an unbounded cost ratio is Infinity; JSON has no such numbers.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public void Write(GateVerdict verdict, TextWriter output)
    {
        var body = JsonSerializer.SerializeToNode(verdict, Options)!.AsObject();
        var document = new JsonObject { ["schemaVersion"] = SchemaVersion };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            document[name] = value;
        }
        output.Write(document.ToJsonString(Options));
        output.Write('\n');
    }
}
