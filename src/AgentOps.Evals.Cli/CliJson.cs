using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Evals.Cli;

/// <summary>JSON settings for everything the CLI prints with --json.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
