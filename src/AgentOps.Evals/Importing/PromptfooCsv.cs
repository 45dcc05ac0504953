using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Importing;

/// <summary>promptfoo's CSV test format: a header of var names, plus <c>__expected</c>/<c>__expectedN</c> and <c>__description</c> columns.</summary>
internal static class PromptfooCsv
{
    public static JsonArray Read(string path)
    {
        var rows = Parse(File.ReadAllText(path));
        var tests = new JsonArray();
        if (rows.Count == 0) return tests;
        var header = rows[0];
        foreach (var row in rows.Skip(1))
        {
            var vars = new JsonObject();
            var asserts = new JsonArray();
            var test = new JsonObject();
            for (var i = 0; i < header.Count && i < row.Count; i++)
            {
                var name = header[i].Trim();
                var cell = row[i];
                if (name.StartsWith("__expected", StringComparison.Ordinal)) { if (cell.Length > 0) asserts.Add(Expected(cell)); }
                else if (name == "__description") test["description"] = cell;
                else if (!name.StartsWith("__", StringComparison.Ordinal)) vars[name] = cell;
            }
            test["vars"] = vars;
            test["assert"] = asserts;
            tests.Add(test);
        }
        return tests;
    }

    /// <summary><c>type: value</c> (e.g. <c>contains: hello</c>, <c>not-icontains: x</c>), else plain text meaning equals.</summary>
    private static JsonObject Expected(string cell)
    {
        var colon = cell.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var type = cell[..colon].Trim();
            if (type.Length > 0 && type.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            {
                var rest = cell[(colon + 1)..].TrimStart();
                // promptfoo writes a threshold as type(0.8): value; here the threshold is not part of the type name.
                return new JsonObject { ["type"] = type, ["value"] = rest };
            }
        }
        return new JsonObject { ["type"] = "equals", ["value"] = cell };
    }

    /// <summary>RFC 4180: quoted fields, doubled quotes, newlines inside quotes.</summary>
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                if (row.Count > 1 || row[0].Length > 0) rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
