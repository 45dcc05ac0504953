using System.Text.Json;
using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.EndToEnd;

/// <summary>llm-rubric, calibrate and the gate's judge-agreement rule through the real CLI, with the fake server playing
/// both the agent and the judge.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class JudgeEndToEndTests : IDisposable
{
    // The agent quotes the wrong window for Germany; the judge scores a response with "30 days" 1, anything else 5.
    private const string Rules = """
        rules:
          - name: judge-wrong-window
            system-contains: "evaluation judge"
            user: '<response>[^<]*30 days'
            reply: '{"reasoning": "Quotes a 30-day window.", "score": 1}'
          - name: judge-right-window
            system-contains: "evaluation judge"
            reply: '{"reasoning": "States the 14-day withdrawal right.", "score": 5}'
          - name: agent-germany
            user: 'Germany'
            reply: "You can return items within 30 days."
          - name: agent-eu
            reply: "You have 14 days from delivery to withdraw from the purchase."
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("agentops-judge-e2e").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteCase(string id, string country, string humanLabel) =>
        File.WriteAllText(Path.Combine(_root, "golden-set", "refunds", id + ".yaml"), $$"""
            id: {{id}}
            severity: P1
            input:
              messages:
                - {role: user, content: "How long do I have to return my order? I live in {{country}}."}
            expect:
              - {type: llm-rubric, rubric: "States the 14-day EU withdrawal right", min-score: 4}
            expect-judge: {{humanLabel}}
            """);

    private void WriteConfig(Uri endpoint, double minAgreement) =>
        File.WriteAllText(Path.Combine(_root, "eval.config.yaml"), $$"""
            golden-set: golden-set
            providers:
              fake: {type: openai, endpoint: "{{endpoint.ToString().TrimEnd('/')}}"}
            candidates:
              prod: {model: gpt-4.1-mini, provider: fake}
            baseline: prod
            judge: {model: gpt-4.1, provider: fake, min-agreement: {{minAgreement.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}
            pricing:
              gpt-4.1-mini: {input: 0.40, output: 1.60}
              gpt-4.1: {input: 2.00, output: 8.00}
            run: {k: 1, concurrency: 4}
            gate: {min-pass-rate: 0.5, max-pass-rate-drop: ~}
            """);

    [Fact]
    public async Task The_judge_grades_runs_calibrate_reports_agreement_and_an_untrusted_judge_cannot_pass_a_gate()
    {
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { Rules = FakeAgentRules.Parse(Rules) });
        Directory.CreateDirectory(Path.Combine(_root, "golden-set", "refunds"));
        WriteCase("refund-fr", "France", "pass");
        WriteCase("refund-de", "Germany", "fail");
        WriteCase("refund-es", "Spain", "pass");
        WriteCase("refund-it", "Italy", "fail");   // the human disagrees with the judge here
        WriteConfig(server.BaseUrl, minAgreement: 0.9);
        var store = Path.Combine(_root, "results.db");

        var run = await CliProcess.RunInAsync(_root, null, "run", "--store", store, "--json");
        Assert.True(run.ExitCode == 0, run.All);
        var all = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("suites").EnumerateArray().Single(s => s.GetProperty("suite").GetString() == "all");
        Assert.Equal(3, all.GetProperty("passed").GetInt32());
        Assert.Equal(1, all.GetProperty("failed").GetInt32());

        await using var collector = new OtlpCollector();
        var calibrate = await CliProcess.RunInAsync(_root, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" },
            "calibrate", "--store", store, "--json", "--otlp", collector.Endpoint);
        Assert.True(calibrate.ExitCode == 0, calibrate.All);
        Assert.True(collector.BytesAt("/v1/traces") > 0, "calibrate --otlp exported no spans of the judge's calls: " + collector.Paths);
        var result = JsonDocument.Parse(calibrate.Stdout).RootElement;
        Assert.Equal(4, result.GetProperty("judged").GetInt32());
        Assert.Equal(0.75, result.GetProperty("agreement").GetDouble(), 3);

        // 75% agreement is below judge.min-agreement 0.9: gating prod against itself cannot pass.
        var gate = await CliProcess.RunInAsync(_root, null, "gate", "--baseline", "prod", "--candidate", "prod", "--store", store);
        Assert.True(gate.ExitCode == 3, gate.All);
        Assert.Contains("min-judge-agreement", gate.Stdout);

        WriteConfig(server.BaseUrl, minAgreement: 0.7);
        var trusted = await CliProcess.RunInAsync(_root, null, "gate", "--baseline", "prod", "--candidate", "prod", "--store", store);
        Assert.True(trusted.ExitCode == 0, trusted.All);
    }
}
