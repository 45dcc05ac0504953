using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>A case's mocked tool as an <see cref="AIFunction"/> an in-process agent can call: it answers with the case's
/// recorded <c>returns</c> (or its <c>error</c>) and records the call, with its arguments, in the trial's trajectory.</summary>
internal sealed class MockToolFunction(MockTool tool, TrajectoryRecorder recorder) : AIFunction
{
    private static readonly JsonElement EmptySchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();
    private readonly JsonElement _schema = tool.Parameters is null ? EmptySchema : JsonSerializer.SerializeToElement(tool.Parameters);

    public override string Name => tool.Name;
    public override string Description => tool.Description;
    public override JsonElement JsonSchema => _schema;

    /// <summary>One function per mocked tool of the case, all recording into <paramref name="recorder"/>.</summary>
    public static IList<AITool> ForCase(GoldenCase goldenCase, TrajectoryRecorder recorder) =>
        [.. goldenCase.Input.Tools.Select(t => new MockToolFunction(t, recorder))];

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        recorder.BeforeToolCall();
        var argumentsJson = JsonSerializer.Serialize(arguments.ToDictionary(a => a.Key, a => a.Value));
        var turn = recorder.CurrentTurn;
        if (tool.Error is { } failure)
        {
            recorder.AddToolCall(new ToolCallRecord(turn, tool.Name, argumentsJson, null, failure));
            return ValueTask.FromResult<object?>(new { error = failure });
        }
        var json = tool.Returns?.ToJsonString() ?? "null";
        recorder.AddToolCall(new ToolCallRecord(turn, tool.Name, argumentsJson, json));
        return ValueTask.FromResult<object?>(JsonDocument.Parse(json).RootElement.Clone());
    }
}
