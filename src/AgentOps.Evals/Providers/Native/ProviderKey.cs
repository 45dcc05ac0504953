using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Providers.Native;

/// <summary>Reads a provider's key from the environment variable its <c>api-key-env</c> names; the key never sits in config or in a message.</summary>
internal static class ProviderKey
{
    /// <summary>The key, or null when the provider names no variable; a named but unset variable is bad input.</summary>
    public static string? From(ProviderConfig provider, EvalConfig config)
    {
        if (provider.ApiKeyEnv is not { } variable) return null;
        var key = Environment.GetEnvironmentVariable(variable) ?? "";
        if (key.Length == 0)
            throw new InputException(config.SourceFile, $"providers.{provider.Name}.api-key-env",
                $"environment variable {variable} is not set; set it to the API key for provider '{provider.Name}' (or run on cassettes with the replay provider)");
        return key;
    }

    /// <summary>The provider's endpoint with <c>${NAME}</c> filled from the environment, as an absolute URL, or <paramref name="fallback"/> when unset.</summary>
    public static Uri Endpoint(ProviderConfig provider, EvalConfig config, string? fallback, string example)
    {
        var text = provider.Endpoint ?? fallback
            ?? throw new InputException(config.SourceFile, $"providers.{provider.Name}.endpoint", $"missing; expected {example}");
        var endpoint = EnvironmentExpansion.Expand(text, config.SourceFile, $"providers.{provider.Name}.endpoint", $"names the endpoint of provider '{provider.Name}'");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InputException(config.SourceFile, $"providers.{provider.Name}.endpoint", $"'{Targets.HttpTargetEndpoint.Redact(endpoint)}' is not an absolute URL; expected {example}");
        return uri;
    }
}
