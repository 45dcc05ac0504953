using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Harvesting.Application;

/// <summary>The harvest key (HMAC, base64 in the variable harvest.key-env names) that seeds fakes and pseudonyms, read from the environment.</summary>
public static class HarvestKey
{
    /// <summary>The key in <paramref name="variable"/>; null when it is unset and not <paramref name="required"/>; an
    /// <see cref="InputException"/> (exit 2) when it is required and unset, or not base64.</summary>
    public static byte[]? FromEnvironment(string variable, bool required)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            if (!required) return null;
            throw new InputException(variable, "harvest.key-env",
                $"environment variable {variable} is not set; set it to a base64 key of at least 16 bytes (openssl rand -base64 32), or pass --ephemeral-key for a throwaway run");
        }
        try { return Convert.FromBase64String(text); }
        catch (FormatException)
        {
            // The message never repeats the value: it is a secret.
            throw new InputException(variable, "harvest.key-env", $"environment variable {variable} is not base64; expected e.g. the output of: openssl rand -base64 32");
        }
    }
}
