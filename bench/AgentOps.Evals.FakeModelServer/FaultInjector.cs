namespace AgentOps.Evals.FakeModelServer;

/// <summary>Draws one fault per request from a seeded generator, so the same run sees the same faults in the same order.</summary>
internal sealed class FaultInjector(FakeServerOptions options)
{
    private readonly Random _random = new(options.Seed);
    private readonly Lock _lock = new();
    private readonly bool _enabled = options.RateLimitRate > 0 || options.ServerErrorRate > 0 || options.HangRate > 0 || options.MalformedRate > 0;

    public Fault Next()
    {
        if (!_enabled) return Fault.None;
        double draw;
        lock (_lock) draw = _random.NextDouble();
        if ((draw -= options.RateLimitRate) < 0) return Fault.RateLimit;
        if ((draw -= options.ServerErrorRate) < 0) return Fault.ServerError;
        if ((draw -= options.HangRate) < 0) return Fault.Hang;
        if ((draw -= options.MalformedRate) < 0) return Fault.Malformed;
        return Fault.None;
    }
}
