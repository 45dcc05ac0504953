using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Evals.Storage;

/// <summary>How nested values (identity, cases, trajectories) are written into store columns.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
