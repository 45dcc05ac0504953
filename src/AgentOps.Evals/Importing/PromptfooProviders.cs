using System.Text.Json.Nodes;

namespace AgentOps.Evals.Importing;

/// <summary>Maps every promptfoo provider id to a model on one of our provider kinds: anthropic, ollama and azure-openai natively;
/// OpenAI-compatible services (OpenAI, Gemini, Mistral, Groq, …) on openai; else a stub with a note saying what to change.</summary>
internal static class PromptfooProviders
{
    /// <summary>Services with an OpenAI-compatible endpoint: promptfoo prefix → (base URL, key variable).</summary>
    private static readonly Dictionary<string, (string Endpoint, string? KeyEnv)> Compatible = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = ("https://api.openai.com/v1", "OPENAI_API_KEY"),
        ["google"] = ("https://generativelanguage.googleapis.com/v1beta/openai", "GEMINI_API_KEY"),
        ["gemini"] = ("https://generativelanguage.googleapis.com/v1beta/openai", "GEMINI_API_KEY"),
        ["mistral"] = ("https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
        ["groq"] = ("https://api.groq.com/openai/v1", "GROQ_API_KEY"),
        ["deepseek"] = ("https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
        ["openrouter"] = ("https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
        ["togetherai"] = ("https://api.together.xyz/v1", "TOGETHER_API_KEY"),
        ["fireworks"] = ("https://api.fireworks.ai/inference/v1", "FIREWORKS_API_KEY"),
        ["perplexity"] = ("https://api.perplexity.ai", "PERPLEXITY_API_KEY"),
        ["xai"] = ("https://api.x.ai/v1", "XAI_API_KEY"),
        ["cerebras"] = ("https://api.cerebras.ai/v1", "CEREBRAS_API_KEY"),
        ["deepinfra"] = ("https://api.deepinfra.com/v1/openai", "DEEPINFRA_API_KEY"),
        ["litellm"] = ("http://localhost:4000/v1", "LITELLM_API_KEY"),
        ["vllm"] = ("http://localhost:8000/v1", null),
        ["localai"] = ("http://localhost:8080/v1", null),
        ["lmstudio"] = ("http://localhost:1234/v1", null),
        ["llamafile"] = ("http://localhost:8080/v1", null),
        ["github"] = ("https://models.github.ai/inference", "GITHUB_TOKEN"),
        ["cloudflare-ai"] = ("https://api.cloudflare.com/client/v4/accounts/${CLOUDFLARE_ACCOUNT_ID}/ai/v1", "CLOUDFLARE_API_KEY"),
        ["hyperbolic"] = ("https://api.hyperbolic.xyz/v1", "HYPERBOLIC_API_KEY"),
        ["nvidia"] = ("https://integrate.api.nvidia.com/v1", "NVIDIA_API_KEY"),
        ["aimlapi"] = ("https://api.aimlapi.com/v1", "AIML_API_KEY"),
        ["cohere"] = ("https://api.cohere.ai/compatibility/v1", "COHERE_API_KEY"),
        ["huggingface"] = ("https://router.huggingface.co/v1", "HF_TOKEN"),
        ["portkey"] = ("https://api.portkey.ai/v1", "PORTKEY_API_KEY"),
        ["jfrog"] = ("http://localhost:8080/v1", null),
    };

    // The part of an id that names the API flavour, not the model: openai:chat:gpt-4o → gpt-4o.
    private static readonly HashSet<string> Flavours = new(StringComparer.OrdinalIgnoreCase) { "chat", "completion", "messages", "responses", "text", "generate", "chat-completion", "converse", "invoke" };

    public static List<PromptfooProvider> Read(JsonNode? node, string baseDir, ICollection<ImportNote> notes)
    {
        var result = new List<PromptfooProvider>();
        foreach (var item in Expand(node, baseDir, notes))
        {
            var (id, config, label) = item switch
            {
                JsonObject o when o["id"] is not null || o.Count != 1 => (PromptfooJson.Text(o["id"]) ?? "", o["config"] as JsonObject, PromptfooJson.Text(o["label"])),
                // {"openai:gpt-4o": {config: …}}
                JsonObject o => (o.First().Key, (o.First().Value as JsonObject)?["config"] as JsonObject ?? o.First().Value as JsonObject, PromptfooJson.Text((o.First().Value as JsonObject)?["label"])),
                _ => (PromptfooJson.Text(item) ?? "", null, null),
            };
            if (id.Length == 0)
            {
                notes.Add(new("", "providers", $"a provider without an id: not imported ({item?.ToJsonString()})"));
                continue;
            }
            if (Map(id, config, label, notes) is { } provider)
                result.Add(provider);
        }
        return result;
    }

    /// <summary>The provider list, with <c>file://providers.yaml</c> entries read in place.</summary>
    private static List<JsonNode?> Expand(JsonNode? node, string baseDir, ICollection<ImportNote> notes)
    {
        var items = new List<JsonNode?>();
        foreach (var item in PromptfooJson.Items(node))
        {
            if (PromptfooJson.Text(item) is { } text && PromptfooFiles.IsFileRef(text) && Path.GetExtension(PromptfooFiles.Split(text).Path).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
            {
                foreach (var file in PromptfooFiles.Resolve(text, baseDir))
                    items.AddRange(PromptfooJson.Items(PromptfooFiles.TryReadData(file, "providers", notes)));
            }
            else items.Add(item);
        }
        return items;
    }

    private static PromptfooProvider? Map(string id, JsonObject? config, string? label, ICollection<ImportNote> notes)
    {
        var parts = id.Split(':');
        var prefix = parts[0].ToLowerInvariant();
        var model = Model(parts);
        var name = label ?? (model.Length > 0 ? model : id);

        if (prefix is "http" or "https")
        {
            var url = id.Contains("://", StringComparison.Ordinal) ? id : PromptfooJson.Text(config?["url"]) ?? "http://127.0.0.1:8000/";
            notes.Add(new("", "providers", $"'{id}': an http target; promptfoo's request body and transformResponse are not imported (our http target posts the case as JSON)"));
            return new PromptfooProvider(label ?? Host(url) ?? "http", "http-endpoint", "http", url, null, Native: true);
        }
        if (prefix is "anthropic" or "ollama" or "azure" or "azureopenai")
            return Native(id, prefix, parts, model, name, config, notes);
        if (prefix is "openai" || Compatible.ContainsKey(prefix))
        {
            var (endpoint, keyEnv) = Compatible.GetValueOrDefault(prefix, ("", null));
            var native = true;
            if (prefix == "openai" && parts.Length > 1 && parts[1] is "embedding" or "embeddings" or "image" or "realtime" or "assistant" or "moderation" or "transcription")
            {
                notes.Add(new("", "providers", $"'{id}': a {parts[1]} provider is not a chat candidate; not imported"));
                return null;
            }
            if (parts.Length > 1 && parts[1] == "responses")
                notes.Add(new("", "providers", $"'{id}': the Responses API runs as chat completions here (same model)"));
            if (parts.Length > 1 && parts[1] is "completion" or "text")
                notes.Add(new("", "providers", $"'{id}': a completion model runs as chat here"));
            endpoint = PromptfooJson.Text(config?["apiBaseUrl"]) ?? PromptfooJson.Text(config?["baseUrl"])
                ?? (PromptfooJson.Text(config?["apiHost"]) is { } apiHost ? $"https://{apiHost}/v1" : endpoint);
            keyEnv = PromptfooJson.Text(config?["apiKeyEnvar"]) ?? keyEnv;
            if (config?["apiKey"] is not null) notes.Add(new("", "providers", $"'{id}': an inline apiKey is never copied; set api-key-env"));
            NoteSettings(id, config, notes);
            if (model.Length == 0) model = prefix == "openai" ? "gpt-4.1-mini" : prefix;
            return new PromptfooProvider(name, model, "openai", endpoint, keyEnv, native);
        }

        // No OpenAI-compatible endpoint we know: a stub the team points at a gateway or their own service.
        var (kind, why) = prefix switch
        {
            "bedrock" => ("openai", "Amazon Bedrock has no native provider here; a stub on Bedrock's OpenAI-compatible endpoint (set BEDROCK_OPENAI_ENDPOINT, e.g. https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1) or a gateway"),
            "vertex" => ("openai", "Vertex AI has no native provider here; a stub for an OpenAI-compatible gateway"),
            "file" or "python" or "exec" or "golang" or "ruby" => ("http", "a custom provider script; a stub http target: serve the script behind http://127.0.0.1:8000/ (our http target posts the case as JSON)"),
            "echo" => ("openai", "the echo provider (returns the prompt) has no equivalent; a stub for an OpenAI-compatible endpoint"),
            _ => ("openai", "no native provider here; a stub for an OpenAI-compatible endpoint (set ${PROMPTFOO_IMPORT_ENDPOINT} or edit the endpoint)"),
        };
        notes.Add(new("", "providers", $"'{id}': {why}"));
        NoteSettings(id, config, notes);
        if (kind == "http")
            return new PromptfooProvider(label ?? Path.GetFileNameWithoutExtension(PromptfooFiles.Split(id.Replace("file://", "", StringComparison.Ordinal)).Path), "custom", "http", "http://127.0.0.1:8000/", null, Native: false);
        var stubEndpoint = prefix == "bedrock" ? "${BEDROCK_OPENAI_ENDPOINT}" : "${PROMPTFOO_IMPORT_ENDPOINT}";
        return new PromptfooProvider(name, model.Length == 0 ? prefix : model, "openai", stubEndpoint, null, Native: false);
    }

    /// <summary>anthropic:messages:*, ollama:chat:* and azureopenai:chat:* (also azure:*) on our native provider kinds.</summary>
    private static PromptfooProvider Native(string id, string prefix, string[] parts, string model, string name, JsonObject? config, ICollection<ImportNote> notes)
    {
        var flavour = parts.Length > 2 ? parts[1] : "";
        if (config?["apiKey"] is not null) notes.Add(new("", "providers", $"'{id}': an inline apiKey is never copied; set api-key-env"));
        var keyEnv = PromptfooJson.Text(config?["apiKeyEnvar"]);
        var baseUrl = PromptfooJson.Text(config?["apiBaseUrl"]) ?? PromptfooJson.Text(config?["baseUrl"]);
        NoteSettings(id, config, notes);
        switch (prefix)
        {
            case "anthropic":
                if (flavour is "completion") notes.Add(new("", "providers", $"'{id}': a completion model runs on the Messages API here"));
                return new PromptfooProvider(name, model.Length == 0 ? "claude-sonnet-4-5" : model, "anthropic", baseUrl, keyEnv ?? "ANTHROPIC_API_KEY", Native: true);
            case "ollama":
                if (flavour is "completion" or "embedding" or "embeddings") notes.Add(new("", "providers", $"'{id}': runs on Ollama's /api/chat here"));
                // promptfoo reads OLLAMA_BASE_URL; the written provider does too, through ${…}, when the config names no URL.
                return new PromptfooProvider(name, model.Length == 0 ? "llama3.2" : model, "ollama",
                    baseUrl ?? (Environment.GetEnvironmentVariable("OLLAMA_BASE_URL") is not null ? "${OLLAMA_BASE_URL}" : null), keyEnv, Native: true);
            default:
            {
                var host = PromptfooJson.Text(config?["apiHost"]) ?? "${AZURE_OPENAI_RESOURCE}.openai.azure.com";
                var endpoint = baseUrl ?? $"https://{host.Replace("https://", "", StringComparison.Ordinal).TrimEnd('/')}";
                if (flavour is "assistant" or "embedding" or "embeddings" or "completion" or "responses")
                    notes.Add(new("", "providers", $"'{id}': runs as a chat deployment here"));
                // promptfoo: the id names the deployment; the model's own name is unknown, so the deployment is the model too.
                return new PromptfooProvider(name, model.Length == 0 ? "gpt-4o" : model, "azure-openai", endpoint, keyEnv ?? "AZURE_OPENAI_API_KEY", Native: true)
                {
                    Deployment = model.Length == 0 ? null : model,
                    ApiVersion = PromptfooJson.Text(config?["apiVersion"]),
                };
            }
        }
    }

    /// <summary>The model part of an id: after the service and any API-flavour word.</summary>
    private static string Model(string[] parts)
    {
        var i = 1;
        while (i < parts.Length - 1 && Flavours.Contains(parts[i])) i++;
        // bedrock:converse:…, vertex:…; azure:chat:deployment
        return i < parts.Length ? string.Join(':', parts[i..]) : "";
    }

    private static string? Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    private static void NoteSettings(string id, JsonObject? config, ICollection<ImportNote> notes)
    {
        var settings = (config ?? []).Select(p => p.Key).Where(k => k is not ("apiBaseUrl" or "apiHost" or "apiKeyEnvar" or "apiKey" or "baseUrl" or "url")).ToList();
        if (settings.Count > 0)
            notes.Add(new("", "providers", $"'{id}': model settings not imported yet ({string.Join(", ", settings)}): candidates run with the provider's defaults"));
    }
}
