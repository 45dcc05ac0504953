using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentOps.Evals.Telemetry;

/// <summary>The harness's OpenTelemetry sources: one <see cref="ActivitySource"/> for run/case/trial/judge spans and
/// model calls, one <see cref="Meter"/> for trial counts, tokens, cost and latency. Nothing is recorded unless a
/// listener (an exporter set up by <see cref="TelemetrySetup"/>, or a test's in-memory one) subscribes.</summary>
public static class EvalTelemetry
{
    /// <summary>The name to subscribe to for both traces and metrics.</summary>
    public const string SourceName = "AgentOps.Evals";

    /// <summary>The spans of runs, cases, trials and model calls.</summary>
    public static readonly ActivitySource Source = new(SourceName, CandidateIdentityVersion);

    /// <summary>The metrics: trials, pass rates, tokens, cost and latency.</summary>
    public static readonly Meter Meter = new(SourceName, CandidateIdentityVersion);

    internal static readonly Counter<long> Trials = Meter.CreateCounter<long>("agentops.evals.trials", "{trial}", "Trials finished, by candidate and outcome");
    internal static readonly Counter<long> Tokens = Meter.CreateCounter<long>("agentops.evals.tokens", "{token}", "Tokens used by the candidate, by type (input, output)");
    internal static readonly Counter<double> Cost = Meter.CreateCounter<double>("agentops.evals.cost", "USD", "Spend, by candidate and payer (candidate, judge)");
    internal static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("agentops.evals.trial.latency", "ms", "Latency of judged trials");

    private static readonly PassRateGauge s_passRate = new();

    static EvalTelemetry() =>
        Meter.CreateObservableGauge("agentops.evals.pass_rate", s_passRate.Observe, "1", "Passed ÷ judged trials so far, by candidate");

    private static string CandidateIdentityVersion => Running.CandidateIdentity.CurrentHarnessVersion;

    /// <summary>Counts a finished trial in every instrument.</summary>
    internal static void RecordTrial(string candidate, string model, Running.TrialResult trial)
    {
        var who = new KeyValuePair<string, object?>("agentops.candidate", candidate);
        var outcome = trial.Outcome switch { Running.TrialOutcome.Passed => "passed", Running.TrialOutcome.Failed => "failed", _ => "infra_error" };
        Trials.Add(1, who, new("agentops.outcome", outcome));
        var modelTag = new KeyValuePair<string, object?>("gen_ai.request.model", model);
        Tokens.Add(trial.Usage.InputTokens, who, modelTag, new("gen_ai.token.type", "input"));
        Tokens.Add(trial.Usage.OutputTokens, who, modelTag, new("gen_ai.token.type", "output"));
        Cost.Add((double)trial.Usage.CostUsd, who, new("agentops.payer", "candidate"));
        if (trial.Usage.JudgeCostUsd > 0) Cost.Add((double)trial.Usage.JudgeCostUsd, who, new("agentops.payer", "judge"));
        if (trial.Outcome != Running.TrialOutcome.InfraError)
        {
            Latency.Record(trial.LatencyMs, who);
            s_passRate.Add(candidate, trial.Passed);
        }
    }

    /// <summary>Running pass rate per candidate for the observable gauge.</summary>
    private sealed class PassRateGauge
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Passed, long Judged)> _counts = new(StringComparer.Ordinal);

        public void Add(string candidate, bool passed) =>
            _counts.AddOrUpdate(candidate, _ => (passed ? 1 : 0, 1), (_, c) => (c.Passed + (passed ? 1 : 0), c.Judged + 1));

        public IEnumerable<Measurement<double>> Observe() =>
            _counts.Select(p => new Measurement<double>((double)p.Value.Passed / p.Value.Judged, new KeyValuePair<string, object?>("agentops.candidate", p.Key)));
    }
}
