namespace AgentOps.Evals.Cases;

/// <summary>A wildcard pattern: <c>*</c> matches any run of characters, <c>?</c> any one; case-insensitive.</summary>
internal sealed record Glob(string Pattern)
{
    /// <summary>Linear-time greedy match with one backtrack point, so no pattern can blow up.</summary>
    public bool IsMatch(string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < Pattern.Length && (Pattern[p] == '?' || char.ToLowerInvariant(Pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < Pattern.Length && Pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else return false;
        }
        while (p < Pattern.Length && Pattern[p] == '*') p++;
        return p == Pattern.Length;
    }

    public override string ToString() => Pattern;
}
