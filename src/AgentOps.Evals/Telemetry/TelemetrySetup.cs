using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgentOps.Evals.Telemetry;

/// <summary>Turns telemetry on for a command: spans and metrics of the harness's source exported over OTLP.
/// Off unless an endpoint is given (<c>--otlp</c>) or set in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
public static class TelemetrySetup
{
    /// <summary>The standard OpenTelemetry variable naming the OTLP endpoint.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Starts exporting, or returns null when telemetry is off. Dispose to flush and stop.</summary>
    /// <remarks>An endpoint on port 4318 is spoken to as OTLP/HTTP (protobuf), any other as OTLP/gRPC, unless
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> says otherwise.</remarks>
    public static IDisposable? Start(string? endpoint, string serviceName = "agentops-evals")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EndpointVariable);
        var target = string.IsNullOrWhiteSpace(endpoint) ? fromEnvironment : endpoint;
        if (string.IsNullOrWhiteSpace(target)) return null;
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new Diagnostics.InputException(string.IsNullOrWhiteSpace(endpoint) ? EndpointVariable : "--otlp", string.IsNullOrWhiteSpace(endpoint) ? EndpointVariable : "--otlp",
                $"'{target}' is not an http(s) URL; expected e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP)");

        var http = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL") is { } protocol
            ? protocol.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            : uri.Port == 4318;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceVersion: Running.CandidateIdentity.CurrentHarnessVersion);

        void Configure(OtlpExporterOptions options, string signal)
        {
            options.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            // With HTTP, a base endpoint set in code is used as is, so the signal's path is added here.
            options.Endpoint = http && uri.AbsolutePath.TrimEnd('/').Length == 0 ? new Uri(uri, "v1/" + signal) : uri;
        }

        var traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(EvalTelemetry.SourceName)
            .AddOtlpExporter(o => Configure(o, "traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(EvalTelemetry.SourceName)
            .AddOtlpExporter(o => Configure(o, "metrics"))
            .Build();
        return new Providers(traces, metrics);
    }

    private sealed class Providers(TracerProvider traces, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            traces.ForceFlush(5000);
            metrics.ForceFlush(5000);
            traces.Dispose();
            metrics.Dispose();
        }
    }
}
