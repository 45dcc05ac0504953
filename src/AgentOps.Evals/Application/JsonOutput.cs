using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Evals.Application;

/// <summary>JSON settings for the workflows' machine output (<c>run --json</c>, <c>calibrate --json</c>): camelCase, enums by name, nulls left out.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
