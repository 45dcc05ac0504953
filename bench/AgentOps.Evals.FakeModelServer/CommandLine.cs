using System.Globalization;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>Reads the server's command line into options; throws <see cref="FormatException"/> on a bad flag.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: FakeModelServer [--port N] [--latency-ms N] [--rules FILE] [--default-reply TEXT] [--rate-429 R] [--retry-after S] " +
        "[--rate-500 R] [--rate-hang R] [--rate-malformed R] [--seed N] [--limit-rps R] [--limit-tpm N] [--limit-burst-s S]";

    public static FakeServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FakeServerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (i + 1 >= args.Count) throw new FormatException($"{flag}: expected a value after it.");
            var value = args[++i];
            options = flag switch
            {
                "--port" => options with { Port = Int(flag, value, 0, 65535) },
                "--latency-ms" => options with { LatencyMs = Int(flag, value, 0, int.MaxValue) },
                "--rules" => options with { RulesFile = value },
                "--default-reply" => options with { DefaultReply = value },
                "--rate-429" => options with { RateLimitRate = Rate(flag, value) },
                "--retry-after" => options with { RetryAfterSeconds = Number(flag, value) },
                "--rate-500" => options with { ServerErrorRate = Rate(flag, value) },
                "--rate-hang" => options with { HangRate = Rate(flag, value) },
                "--rate-malformed" => options with { MalformedRate = Rate(flag, value) },
                "--limit-rps" => options with { LimitRequestsPerSecond = Number(flag, value) },
                "--limit-tpm" => options with { LimitTokensPerMinute = Number(flag, value) },
                "--limit-burst-s" => options with { LimitBurstSeconds = Number(flag, value) },
                "--seed" => options with { Seed = Int(flag, value, int.MinValue, int.MaxValue) },
                _ => throw new FormatException($"{flag}: unknown option."),
            };
        }
        var total = options.RateLimitRate + options.ServerErrorRate + options.HangRate + options.MalformedRate;
        if (total > 1) throw new FormatException($"fault rates add up to {total.ToString(CultureInfo.InvariantCulture)}; expected at most 1.");
        return options;
    }

    private static int Int(string flag, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{flag}: expected a whole number from {min} to {max}, got '{value}'.");

    private static double Number(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
            ? d
            : throw new FormatException($"{flag}: expected a non-negative number, got '{value}'.");

    private static double Rate(string flag, string value)
    {
        var rate = Number(flag, value);
        return rate <= 1 ? rate : throw new FormatException($"{flag}: expected a rate from 0 to 1, got '{value}'.");
    }
}
