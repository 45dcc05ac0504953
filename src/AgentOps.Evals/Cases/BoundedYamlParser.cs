using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentOps.Evals.Cases;

/// <summary>
/// Wraps YamlDotNet's parser so a hostile file cannot exhaust time, memory or stack: it limits alias uses,
/// the node count once aliases are expanded (billion laughs), and nesting depth, and rejects self-referencing aliases
/// and tags outside YAML's core schema (<c>!!binary</c>, <c>!!python/object</c>, <c>!custom</c>), which would otherwise be
/// dropped silently and leave a value other than the one the author meant.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    public const int MaxAliases = 100;
    public const long MaxExpandedNodes = 100_000;
    public const int MaxDepth = 128;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";
    private static readonly string[] CoreTags = ["str", "int", "float", "bool", "null", "map", "seq"];

    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long StartCount)> _open = new();
    private int _aliases;
    private long _expanded;
    private Mark _lastEnd = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unclosed flow collections.
            throw new YamlException(_lastEnd, _lastEnd, "could not parse the YAML after this point; is a bracket, brace or quote left open?");
        }
        if (!moved || inner.Current is not { } current) return moved;
        _lastEnd = current.End;
        if (current is NodeEvent { Tag: { IsEmpty: false, IsNonSpecific: false } tag } && !IsCoreTag(tag.Value))
            throw new YamlException(current.Start, current.End,
                $"found the tag {ShortTag(tag.Value)}, expected a plain value (only YAML's core tags such as !!str are read; others would be dropped)");
        switch (current)
        {
            case AnchorAlias alias:
                if (++_aliases > MaxAliases)
                    throw new YamlException(current.Start, current.End, $"found more than {MaxAliases} aliases, expected at most {MaxAliases} (alias use is limited so a file cannot expand without bound)");
                if (!_anchorSizes.TryGetValue(alias.Value.Value, out var size))
                    throw new YamlException(current.Start, current.End, $"found alias *{alias.Value.Value} before its anchor is complete, expected an alias to an earlier, finished &{alias.Value.Value} node");
                Count(size, current);
                break;
            case Scalar scalar:
                Count(1, current);
                if (!scalar.Anchor.IsEmpty) _anchorSizes[scalar.Anchor.Value] = 1;
                break;
            case NodeEvent node when node is SequenceStart or MappingStart:
                if (_open.Count >= MaxDepth)
                    throw new YamlException(current.Start, current.End, $"found nesting deeper than {MaxDepth} levels, expected at most {MaxDepth}");
                _open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, _expanded));
                Count(1, current);
                break;
            case SequenceEnd or MappingEnd:
                var (anchor, start) = _open.Pop();
                if (anchor is not null) _anchorSizes[anchor] = _expanded - start;
                break;
            case DocumentEnd:
                // Anchors do not carry across documents.
                _anchorSizes.Clear();
                break;
        }
        return true;
    }

    private static bool IsCoreTag(string tag) =>
        tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) && CoreTags.Contains(tag[CoreTagPrefix.Length..], StringComparer.Ordinal);

    private static string ShortTag(string tag) => tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;

    private void Count(long nodes, ParsingEvent at)
    {
        _expanded += nodes;
        if (_expanded > MaxExpandedNodes)
            throw new YamlException(at.Start, at.End, $"found a document that expands to more than {MaxExpandedNodes:N0} nodes through aliases, expected at most {MaxExpandedNodes:N0} (a billion-laughs file?)");
    }
}
