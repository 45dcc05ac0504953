using System.CommandLine;
using System.Text.Json;
using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Harvesting.Anonymization;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>scan</c>: finds PII and secrets in the golden set (or any text files), a pull-request check.</summary>
internal static class ScanCommand
{
    private static readonly Argument<string[]> Paths = new("PATH") { Description = "Files or folders to scan (default: the golden set)", Arity = ArgumentArity.ZeroOrMore };

    public static Command Create()
    {
        var command = new Command("scan", """
            Find PII and secrets (emails, phones, cards, IBANs, national ids, IPs, keys, tokens, names, addresses) in text files.
            Exit 0 clean, 1 found, 2 bad input. --json prints one finding per line: {"file","line","start","end","type"}.

            Examples:
              agentops-evals scan
              agentops-evals scan golden-set fixtures --json
            """) { Paths, GlobalOptions.Json };
        command.SetAction((parse, ct) => CliErrors.Guard(() => Task.FromResult(Execute(parse))));
        return command;
    }

    private static int Execute(ParseResult parse)
    {
        var paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : [GlobalOptions.Open(parse).GoldenSetRoot];
        foreach (var path in paths)
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new Diagnostics.InputException(path, "PATH", "no such file or folder");
        var findings = PiiScanner.Scan(paths);
        var json = GlobalOptions.JsonGiven(parse);
        foreach (var f in findings)
            Console.WriteLine(json
                ? JsonSerializer.Serialize(new { file = f.File, line = f.Line, start = f.Start, end = f.End, type = f.Type.ToName() })
                : f.ToString());
        if (!json) Console.Error.WriteLine(findings.Count == 0 ? "clean: no PII or secrets found" : $"{findings.Count} finding(s)");
        return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Fail;
    }
}
