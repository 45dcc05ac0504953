using System.CommandLine;
using AgentOps.Evals.Application;

namespace AgentOps.Evals.Cli;

/// <summary>Options every command takes (--config, --golden-set, --store), and --json for the commands that print machine output.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Config = new("--config")
    {
        Description = "Config file",
        DefaultValueFactory = _ => "eval.config.yaml",
        Recursive = true,
    };

    public static readonly Option<string?> GoldenSet = new("--golden-set")
    {
        Description = "Golden-set folder (default: the config's golden-set, else ./golden-set)",
        Recursive = true,
    };

    public static readonly Option<string> Store = new("--store")
    {
        Description = "Results store (SQLite file)",
        DefaultValueFactory = _ => ".agentops/results.db",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables",
    };

    /// <summary>For the commands that call models (run, gate, calibrate): OTLP export of spans and metrics.</summary>
    public static readonly Option<string?> Otlp = new("--otlp")
    {
        Description = "Export spans and metrics over OTLP to this endpoint (default: OTEL_EXPORTER_OTLP_ENDPOINT; off when neither is set)",
    };

    /// <summary>The workspace the global options name; its config is loaded now, its cases on first use.</summary>
    public static EvalWorkspace Open(ParseResult parse) => EvalWorkspace.Open(Paths(parse));

    /// <summary>The files the global options name; a config named on the command line must exist.</summary>
    public static WorkspacePaths Paths(ParseResult parse) =>
        new(parse.GetValue(Config)!, parse.GetResult(Config) is { Implicit: false }, parse.GetValue(GoldenSet), parse.GetValue(Store)!);

    /// <summary>True when the command's --json flag was given.</summary>
    public static bool JsonGiven(ParseResult parse) => parse.GetResult(Json) is not null && parse.GetValue(Json);

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Config);
        root.Options.Add(GoldenSet);
        root.Options.Add(Store);
    }
}
