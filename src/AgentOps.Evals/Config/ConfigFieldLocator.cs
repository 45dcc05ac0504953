using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>
/// Finds where a dotted field (<c>providers.live.endpoint</c>) sits in the config file, for problems found after
/// loading (an unset <c>${VAR}</c> when a provider is built): the error then names the line like a load error does.
/// </summary>
internal static class ConfigFieldLocator
{
    /// <summary>A problem at <paramref name="field"/>'s line in <paramref name="config"/>'s file (the file alone when not found).</summary>
    public static Problem Problem(EvalConfig config, string field, string message) =>
        new(Locate(config.SourceFile, field), field, message);

    /// <summary>The location of <paramref name="field"/> in <paramref name="file"/>, or the file alone.</summary>
    public static SourceLocation Locate(string file, string field)
    {
        try
        {
            var problems = new List<Problem>();
            YamlNode? node = File.Exists(file) ? YamlFileReader.Read(file, 4 * 1024 * 1024, problems, "a config mapping", "the config size limit") : null;
            foreach (var part in field.Split('.'))
            {
                if (node is not YamlMappingNode map) return new SourceLocation(file);
                node = map.Children.FirstOrDefault(p => YamlJsonConverter.KeyText(p.Key) == part).Value;
            }
            return node is null ? new SourceLocation(file) : new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
        }
        catch (IOException)
        {
            return new SourceLocation(file);
        }
    }
}
